"""Each person's dashboard: what waits for them in the editorial workflow."""

from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from articles.models import (
    REVISION_STEPS,
    Article,
    ArticleEvent,
    Revision,
    StaffProfile,
)
from articles.models.reviews import REVIEW_DUE_SOON_DAYS
from empower.admin import Panel, PanelItem, register_panel
from empower.formats import day

DASHBOARD_ITEMS = 8
REVIEW_DUE_DAYS = REVIEW_DUE_SOON_DAYS


@register_panel
def editorial_panels(request) -> list[Panel]:
    user = request.user
    panels = []
    revision_list = reverse("admin:articles_revision_changelist")

    if user.has_perm(REVISION_STEPS["approve"].permission):
        awaiting = Revision.objects.awaiting_review_by(user).select_related(
            "article__condition", "created_by"
        )
        submitted = dict(
            ArticleEvent.objects.filter(revision__in=awaiting, action=ArticleEvent.Action.SUBMITTED)
            .order_by("at")
            .values_list("revision_id", "at")
        )
        profile = StaffProfile.objects.filter(user=user).first()
        warning = ""
        if profile is None or profile.verification_expires_on is None:
            warning = "You have no verified credentials yet, so you cannot sign off."
        elif not profile.verification_is_current:
            lapsed = profile.verification_expires_on
            warning = (
                f"Your credentials verification lapsed on {day(lapsed)}. "
                "Ask an administrator to verify them before you sign off."
            )
        panels.append(
            _revision_panel(
                "Awaiting your review",
                awaiting.order_by("updated_at"),
                more_url=f"{revision_list}?state__exact=in_review",
                empty_text="Nothing is waiting for you.",
                warning=warning,
                detail=lambda revision: _queue_detail(revision, submitted.get(revision.pk)),
                changes=True,
            )
        )

    if user.has_perm(REVISION_STEPS["submit"].permission):
        sent_back = Revision.objects.sent_back_to(user).select_related("article")
        notes = dict(
            ArticleEvent.objects.filter(
                revision__in=sent_back, action=ArticleEvent.Action.SENT_BACK
            )
            .order_by("at")
            .values_list("revision_id", "note")
        )
        panels.append(
            _revision_panel(
                "Sent back to you",
                sent_back.order_by("-updated_at"),
                more_url=f"{revision_list}?state__exact=sent_back",
                empty_text="No revisions were sent back to you.",
                detail=lambda revision: notes.get(revision.pk, ""),
            )
        )

    if user.has_perm(REVISION_STEPS["publish"].permission):
        panels.append(
            _revision_panel(
                "Ready to publish",
                Revision.objects.ready_to_publish()
                .select_related("article")
                .order_by("updated_at"),
                more_url=f"{revision_list}?state__exact=approved",
                empty_text="No approved revisions are waiting.",
            )
        )

    if user.has_perm(REVISION_STEPS["submit"].permission) or user.has_perm(
        REVISION_STEPS["approve"].permission
    ):
        panels.append(_needs_attention_panel())

    if user.has_perm("articles.view_article"):
        due = (
            Article.objects.review_due_within(REVIEW_DUE_DAYS)
            .select_related("published_revision")
            .order_by("next_review_due")
        )
        items = [
            PanelItem(
                label=article.published_revision.title,
                url=reverse("admin:articles_article_change", args=[article.pk]),
                detail=f"Review due {day(article.next_review_due)}",
                urgent=article.review_overdue,
            )
            for article in due[:DASHBOARD_ITEMS]
        ]
        panels.append(
            Panel(
                title=f"Reviews due in the next {REVIEW_DUE_DAYS} days",
                count=due.count(),
                items=items,
                more_url=reverse("admin:articles_article_changelist") + "?review=soon",
                empty_text="Every review is in date.",
            )
        )
    return panels


def _needs_attention_panel() -> Panel:
    """Published articles citing an address that failed its last checks: editors
    replace the reference, and nurse reviewers know what they signed off is thinner."""
    articles = list(Article.objects.with_dead_references().order_by("published_revision__title"))
    return Panel(
        title="Needs attention",
        count=len(articles),
        items=[_attention_item(article) for article in articles[:DASHBOARD_ITEMS]],
        more_url=reverse("admin:articles_article_changelist") + "?references=dead",
        empty_text="Every cited address answered lately.",
    )


def _attention_item(article: Article) -> PanelItem:
    """'2 dead references: NHS (404 on the last 3 checks); NIH (timed out on the last 4
    checks)', linking to the article."""
    revision = article.published_revision
    assert revision is not None  # noqa: S101 - with_dead_references() are published
    dead = revision.dead_references
    listed = "; ".join(
        f"{ref.source} ({ref.check_answer} on the last {ref.check_failures} checks)" for ref in dead
    )
    return PanelItem(
        label=revision.title,
        url=reverse("admin:articles_article_change", args=[article.pk]),
        detail=f"{len(dead)} dead reference{pluralize(len(dead))}: {listed}",
    )


def _queue_detail(revision, submitted_at) -> str:
    """Who wrote it, about what, and since when it has waited."""
    writer = revision.created_by.get_full_name() or revision.created_by.get_username()
    parts = [f"By {writer}", revision.article.condition.name]
    if submitted_at:
        parts.append(f"submitted {day(timezone.localdate(submitted_at))}")
    return " · ".join(parts)


def _revision_panel(
    title, revisions, *, more_url, empty_text, detail=None, warning="", changes=False
):
    items = [
        PanelItem(
            label=revision.title,
            url=reverse("admin:articles_revision_change", args=[revision.pk]),
            detail=detail(revision) if detail else f"{revision.article.slug}",
            also_label="What changed" if changes else "",
            also_url=(
                reverse("admin:articles_revision_changes", args=[revision.pk]) if changes else ""
            ),
        )
        for revision in revisions[:DASHBOARD_ITEMS]
    ]
    return Panel(
        title=title,
        count=revisions.count(),
        items=items,
        more_url=more_url,
        empty_text=empty_text,
        warning=warning,
    )
