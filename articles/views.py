from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from articles.forms import RatingForm
from articles.models import Article, Condition, Page, Rating

RATING_PURPOSE = "rating"


def home(request):
    """Latest articles and the conditions. Template: articles/home.html."""
    return render(
        request,
        "articles/home.html",
        {
            "latest_articles": Article.objects.published().for_listing()[:6],
            "conditions": Condition.objects.with_article_counts(),
        },
    )


def condition_index(request):
    """Every condition, A to Z. Template: articles/condition_index.html."""
    return render(
        request,
        "articles/condition_index.html",
        {"conditions": Condition.objects.order_by("name")},
    )


def condition_detail(request, slug):
    """A condition's guide: overview and its published articles, newest first."""
    condition = get_object_or_404(Condition, slug=slug)
    articles = Article.objects.published().filter(condition=condition).for_listing()
    return render(
        request,
        "articles/condition_detail.html",
        {"condition": condition, "articles": articles},
    )


def article_detail(request, slug):
    """A published article with its byline, references and "Rate this".

    Template: articles/article_detail.html.
    """
    return _render_article(request, _get_public_article(slug))


@require_POST
def rate(request, slug):
    """Store this visitor's stars for an article, or show why not. Works without JavaScript."""
    article = _get_public_article(slug)
    form = RatingForm(request.POST, article=article)
    if not form.is_valid():
        return _render_article(request, article, rating_form=form, status=400)
    article.rate(request.visitor.key(RATING_PURPOSE, create=True), form.cleaned_data["stars"])
    messages.success(request, "Thank you. Your rating is saved.")
    return redirect(f"{article.get_absolute_url()}#rate")


def _render_article(request, article, rating_form=None, status=200):
    revision = article.published_revision
    references = revision.references.all()
    related = (
        Article.objects.published()
        .filter(condition=article.condition_id)
        .exclude(pk=article.pk)
        .for_listing()[:5]
    )
    key = request.visitor.key(RATING_PURPOSE)
    own_rating = (
        Rating.objects.filter(article=article, visitor_key=key)
        .values_list("stars", flat=True)
        .first()
        if key
        else None
    )
    if rating_form is None:
        initial = {"stars": own_rating} if own_rating else None
        rating_form = RatingForm(article=article, initial=initial)
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "revision": revision,
            "review": article.current_review,
            "references": references,
            "related_articles": related,
            "rating": article.rating_summary(),
            "own_rating": own_rating,
            "rating_form": rating_form,
            "disclaimer": Page.objects.filter(slug="medical-disclaimer").first(),
        },
        status=status,
    )


def page_detail(request, slug):
    """An editor-maintained page such as About or Privacy. Template: articles/page.html."""
    page = get_object_or_404(Page, slug=slug)
    return render(request, "articles/page.html", {"page": page})


def _get_public_article(slug):
    return get_object_or_404(
        Article.objects.published().select_related(
            "condition", "published_revision", "editor", "author"
        ),
        slug=slug,
    )
