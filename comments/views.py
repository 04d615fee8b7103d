from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from articles.models import Article
from comments.forms import CommentForm
from comments.models import Comment, Refusal, Status, comments_open
from comments.notifications import notify_moderators
from empower.visitors import address_key

THANKS = "Thanks — your comment will appear once a moderator approves it."


def comment_form(request, slug):
    """The comment form for one article, and where it is sent.

    Showing it creates a CAPTCHA challenge, so article pages never include it:
    they link here, and with JavaScript load the `comment-form` partial in place.
    Template: comments/comment_form.html (or its #comment-form partial).
    """
    article = get_object_or_404(
        Article.objects.select_related("published_revision", "condition"), slug=slug
    )
    is_open = comments_open(article)
    if request.method != "POST" and not article.is_public:
        raise Http404("No such article.")

    form = CommentForm(request.POST or None, article=article, request=request)
    if request.method == "POST":
        if not is_open:
            Refusal.count_one(CommentForm.form_name, "closed")
            return _render(request, article, form, closed=True, status=403)
        if form.is_valid():
            _save(request, form, article)
            messages.success(request, THANKS)
            return redirect(f"{article.get_absolute_url()}#comments")
        form.count_refusals()
        return _render(request, article, form, status=400)
    return _render(request, article, form, closed=not is_open)


def _render(request, article, form, *, closed=False, status=200):
    template = "comments/comment_form.html"
    if request.GET.get("fragment") and not closed:
        template += "#comment-form"
    context = {"article": article, "form": form, "closed": closed}
    return render(request, template, context, status=status)


def _save(request, form, article) -> Comment:
    comment = form.save(commit=False)
    comment.article = article
    comment.address_hash = address_key(request, CommentForm.form_name)
    if form.suspicions:
        # Held where only moderators look; the poster is thanked all the same,
        # so a spammer learns nothing about what gave them away.
        comment.status = Status.SPAM
        comment.flags = form.suspicions
        Refusal.count_one(CommentForm.form_name, "held_as_spam")
    comment.save()
    if comment.status == Status.PENDING:
        notify_moderators()
    return comment


@require_POST
def report(request, pk):
    """A reader reports an approved comment, once."""
    comment = get_object_or_404(Comment.objects.approved().select_related("article"), pk=pk)
    if not comment.article.is_public:
        raise Http404("No such comment.")
    if comment.report(request.visitor.key("report", create=True)):
        messages.success(request, "Thank you for telling us. A moderator will take a look.")
    else:
        messages.info(request, "You have already reported this comment. Thank you.")
    return redirect(f"{comment.article.get_absolute_url()}#comments")
