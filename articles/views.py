from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from articles.forms import RatingForm
from articles.models import (
    Article,
    Condition,
    Page,
    Rating,
    Review,
    Revision,
    StaffProfile,
    get_by_slug_or_404,
)
from articles.structured_data import medical_web_page
from empower.markup import sections
from empower.origin import same_origin_post
from empower.pagecache import public_page, shared_with_everyone
from empower.templatetags.notices import shown_at

RATING_PURPOSE = "rating"


@public_page()
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


@public_page()
def condition_index(request):
    """Every condition, A to Z. Template: articles/condition_index.html."""
    return render(
        request,
        "articles/condition_index.html",
        {"conditions": Condition.objects.listed()},
    )


@public_page("community")
def condition_detail(request, slug):
    """A condition's page: its reviewed guide, then its published articles, newest first."""
    condition = get_by_slug_or_404(Condition.objects.select_related("lead_image"), slug)
    guide = (
        Article.objects.published()
        .guides()
        .filter(condition=condition)
        .select_related("published_revision", "editor__profile", "author__profile")
        .first()
    )
    if guide is None:
        return _render_guide(request, condition, None)
    return _render_guide(
        request, condition, guide, revision=guide.published_revision, review=guide.current_review
    )


def _render_guide(request, condition, guide, *, revision=None, review=None, preview=False):
    """Template: articles/condition_detail.html."""
    articles = Article.objects.published().filter(condition=condition).for_listing()
    references = list(revision.references.all()) if revision else []
    return render(
        request,
        "articles/condition_detail.html",
        {
            "condition": condition,
            "articles": articles,
            "article": guide,
            "revision": revision,
            "review": review,
            "preview": preview,
            "references": references,
            "contents": table_of_contents(revision, at_least=2),
            "meta_image": condition.lead_image,
            "structured_data": (
                medical_web_page(guide, revision, review, references)
                if revision and not preview
                else None
            ),
        },
    )


def table_of_contents(revision, *, at_least: int) -> list:
    """Links to the text's sections, when it has enough of them to need any."""
    found = sections(revision.body_html) if revision else []
    return found if len(found) >= at_least else []


# "community": it lists the newest questions of its condition.
@public_page("article:{slug}", "community")
def article_detail(request, slug):
    """A published article with its byline, references, "Rate this" and questions
    from the community.

    Template: articles/article_detail.html.
    """
    return _render_article(request, _get_public_article(slug))


@public_page("article:{slug}")
def review_history(request, slug):
    """Every review of the text readers had: when, by whom, what changed. Never the
    reviewers' private notes. Template: articles/review_history.html."""
    article = get_by_slug_or_404(
        Article.objects.published().select_related("condition", "published_revision"), slug
    )
    return render(
        request,
        "articles/review_history.html",
        {"article": article, "reviews": Review.objects.public_history(article)},
    )


@require_POST
@same_origin_post
def rate(request, slug):
    """Store this visitor's stars for an article, or show why not. Works without JavaScript.

    One rating per visitor cookie, which a forged post from another site can't
    reach (`same_origin_post`, and the cookie is SameSite=Lax).
    """
    article = _get_public_article(slug)
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _render_article(request, article, rating_form=form, status=400)
    article.rate(request.visitor.key(RATING_PURPOSE, create=True), form.cleaned_data["stars"])
    messages.success(request, "Thank you. Your rating is saved.", extra_tags=shown_at("rate"))
    return redirect(f"{article.get_absolute_url()}#rate")


@staff_member_required
@never_cache
def preview(request, pk):
    """Any revision exactly as readers would see it, for editors and reviewers.

    Template: articles/article_detail.html, with `preview` set.
    """
    if not request.user.has_perm("articles.view_revision"):
        raise PermissionDenied
    revision = get_object_or_404(
        Revision.objects.select_related(
            "article__condition", "article__editor__profile", "article__lead_image"
        ),
        pk=pk,
    )
    article = revision.article
    if article.is_guide:
        response = _render_guide(
            request,
            article.condition,
            article,
            revision=revision,
            review=revision.latest_review(),
            preview=True,
        )
    else:
        response = _render_article(
            request, article, revision=revision, review=revision.latest_review()
        )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _render_article(request, article, rating_form=None, status=200, *, revision=None, review=None):
    preview = revision is not None
    if not preview:
        revision, review = article.published_revision, article.current_review
    references = revision.references.all()
    related = (
        Article.objects.published()
        .filter(condition=article.condition_id)
        .exclude(pk=article.pk)
        .for_listing()[:5]
    )
    # The page everyone shares says nothing about this visitor; their own rating
    # shows on the page they get after rating (made for them alone).
    key = None if shared_with_everyone(request) else request.visitor.key(RATING_PURPOSE)
    own_rating = (
        Rating.objects.filter(article=article, visitor_key=key)
        .values_list("stars", flat=True)
        .first()
        if key
        else None
    )
    if rating_form is None and not preview:
        rating_form = RatingForm(initial={"stars": own_rating} if own_rating else None)
    rating = article.rating_summary()
    return render(
        request,
        "articles/article_detail.html",
        {
            "structured_data": medical_web_page(article, revision, review, references, rating),
            "article": article,
            "revision": revision,
            "review": review,
            "preview": preview,
            "meta_image": article.lead_image,
            "contents": table_of_contents(revision, at_least=4),
            "references": references,
            "related_articles": related,
            "rating": rating,
            "own_rating": own_rating,
            "rating_form": rating_form,
            "disclaimer": Page.objects.filter(slug="medical-disclaimer")
            .only("slug", "summary")
            .first(),
        },
        status=status,
    )


@public_page()
def reviewers(request):
    """Our medical reviewers, then our editors. Template: articles/reviewers.html."""
    profiles = StaffProfile.objects.public().select_related("photo")
    return render(
        request,
        "articles/reviewers.html",
        {
            "description": (
                "The registered nurses who check every article and guide before readers see "
                "it, and the editors who write them."
            ),
            "reviewers": profiles.reviewers(),
            "editors": profiles.filter(credentials=""),
        },
    )


@public_page()
def profile_detail(request, slug):
    """A nurse reviewer's or editor's page: who they are and what they checked."""
    profile = get_object_or_404(
        StaffProfile.objects.public().select_related("photo", "user"), slug=slug
    )
    return render(
        request,
        "articles/profile.html",
        {
            "profile": profile,
            "reviewed": Article.objects.reviewed_by(profile.user),
            "edited": Article.objects.published()
            .articles()
            .filter(editor=profile.user)
            .for_listing(),
            "meta_image": profile.photo,
        },
    )


@public_page()
def page_detail(request, slug):
    """An editor-maintained page such as About or Privacy. Template: articles/page.html."""
    page = get_object_or_404(Page, slug=slug)
    return render(request, "articles/page.html", {"page": page})


def _get_public_article(slug):
    return get_by_slug_or_404(
        Article.objects.published()
        .articles()
        .select_related(
            "condition", "published_revision", "editor__profile", "author__profile", "lead_image"
        ),
        slug,
    )
