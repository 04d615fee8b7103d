from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from articles.models import Article, get_by_slug_or_404
from comments.forms import CommentForm, FeedbackForm
from comments.models import Comment, Feedback, comments_open
from comments.submissions import SubmissionView
from empower.origin import same_origin_post
from empower.ratelimit import allow
from empower.templatetags.notices import shown_at
from empower.visitors import address_key

# Messages about comments show in the comments section, where the reader is.
IN_COMMENTS = shown_at("comments")


class CommentView(SubmissionView):
    """The comment form for one article, and where it is sent.

    Showing it creates a CAPTCHA challenge, so article pages never include it:
    they link here, and with JavaScript load the `comment-form` partial in place.
    Template: comments/comment_form.html (or its #comment-form partial).
    """

    form_class = CommentForm
    template_name = "comments/comment_form.html"
    partial_name = "comment-form"
    thanks = "Thanks — your comment will appear once a moderator approves it."
    thanks_place = IN_COMMENTS

    def get_subject(self):
        return get_by_slug_or_404(
            Article.objects.published()
            .articles()
            .select_related("published_revision", "condition"),
            self.kwargs["slug"],
        )

    def is_open(self, article):
        return comments_open(article)

    def get_form_kwargs(self, article):
        return {"article": article, "replying_to": self.replying_to(article)}

    def replying_to(self, article):
        """The approved comment named by `reply_to` (readers reply one level deep), or None."""
        wanted = self.request.POST.get("reply_to") or self.request.GET.get("reply_to", "")
        if not wanted.isdigit():
            return None
        return article.comments.approved().filter(reply_to=None, pk=wanted).first()

    def extra_fields(self, article):
        return {"article": article, "reply_to": self.replying_to(article)}

    def get_success_url(self, article, comment):
        return f"{article.get_absolute_url()}#comments"

    def get_context_data(self, article, **context):
        return {"article": article, **context}


class FeedbackView(SubmissionView):
    """ "Is something wrong or missing on this page?": a private note to the article's
    last reviewer and the editors. The page links here; the form (with its signed
    start time, and for a second message in a day its CAPTCHA) is never on a
    shared page. Template: comments/feedback_form.html."""

    form_class = FeedbackForm
    template_name = "comments/feedback_form.html"
    partial_name = "feedback-form"
    thanks = "Thank you. The nurse reviewer and our editors will look at what you found."
    thanks_place = shown_at("feedback")

    def get_subject(self):
        return get_by_slug_or_404(
            Article.objects.published().select_related("published_revision", "condition"),
            self.kwargs["slug"],
        )

    def get_form_kwargs(self, article):
        sender = address_key(self.request, FeedbackForm.form_name)
        return {"article": article, "captcha": Feedback.sent_today_by(sender)}

    def save(self, form, article):
        # Never public and never moderated: links in it are what a reader
        # reporting a broken link would write, so they are not held as spam.
        feedback = form.save(commit=False)
        feedback.article = article
        feedback.address_hash = address_key(self.request, form.form_name)
        feedback.save()
        return feedback

    def get_success_url(self, article, feedback):
        return f"{article.get_absolute_url()}#feedback"

    def get_context_data(self, article, **context):
        return {"article": article, **context}


class ReportForm(forms.Form):
    comment = forms.IntegerField(min_value=1, max_value=2**63 - 1)


def tell_about_report(request, item, noun: str, place: str = "") -> None:
    """Report `item` for this reader, within the hourly limit per hashed address,
    and say what happened. Shared by every Report button (comments, questions, answers)."""
    reporter = address_key(request, "report")
    if not allow("report", reporter, limit=settings.REPORTS_PER_HOUR, window_seconds=3600):
        messages.error(
            request,
            "You have sent many reports in the last hour. Please try later.",
            extra_tags=place,
        )
    elif item.report(reporter):
        messages.success(
            request, "Thank you for telling us. A moderator will take a look.", extra_tags=place
        )
    else:
        messages.info(
            request, f"You have already reported this {noun}. Thank you.", extra_tags=place
        )


@require_POST
@same_origin_post
def report(request):
    """A reader reports an approved comment, once: one form around the whole
    list, whose buttons name the comment (no token; the page may be shared).

    Readers are counted by a hash of their address, not a cookie, so clearing
    cookies doesn't let one person hide a comment alone; staff replies can't be
    reported away.
    """
    form = ReportForm(request.POST)
    if not form.is_valid():
        raise Http404("No such comment.")
    comment = get_object_or_404(
        Comment.objects.approved().filter(staff_author__isnull=True).select_related("article"),
        pk=form.cleaned_data["comment"],
    )
    if not comment.article.is_public:
        raise Http404("No such comment.")
    tell_about_report(request, comment, "comment", IN_COMMENTS)
    return redirect(f"{comment.article.get_absolute_url()}#comments")
