"""Articles: the page readers see. Its words live in revisions; readers see the published one."""

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models, transaction
from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.models.conditions import Condition, published_q
from articles.models.events import ArticleEvent
from articles.models.old_slugs import KeepsOldSlugs
from articles.models.ratings import Rating, RatingSummary
from articles.models.references import Reference
from articles.models.reviews import Review, review_due_on
from articles.models.workflow import (
    OPEN_STATES,
    PUBLISH,
    RevisionState,
    WorkflowError,
    can_start_revision,
    require_permission,
)
from articles.signals import article_unpublished
from empower.steps import lock_row
from images.models import lead_image_field

if TYPE_CHECKING:
    from articles.models.revisions import Revision


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles and guides a reader may see: a reviewed revision is live and its
        time has come."""
        return self.filter(published_q())

    def articles(self):
        """Not guides: a guide is its condition's page, never an item in a list."""
        return self.filter(kind=Article.Kind.ARTICLE)

    def guides(self):
        return self.filter(kind=Article.Kind.GUIDE)

    def review_overdue(self):
        """Published articles whose review interval has run out; still public, flagged."""
        return self.published().filter(next_review_due__lt=timezone.localdate())

    def review_current(self):
        """Published articles whose review is in date: what feeds and newsletters may use."""
        return self.published().filter(next_review_due__gte=timezone.localdate())

    def review_due_within(self, days: int):
        """Published articles due for review within `days` (overdue ones included)."""
        return self.published().filter(
            next_review_due__lte=timezone.localdate() + timedelta(days=days)
        )

    def review_reminders_due(self, today: date):
        """Published articles whose review runs out within REVIEW_REMINDER_DAYS of
        `today`, or already has: what review reminders are about, with their last
        reviewer (`last_reviewer`, an id) and titles, not texts."""
        horizon = today + timedelta(days=settings.REVIEW_REMINDER_DAYS)
        return (
            self.published()
            .filter(next_review_due__lte=horizon)
            .with_last_review()
            .select_related("published_revision", "condition")
            .defer(
                "published_revision__body",
                "published_revision__body_html",
                "condition__overview",
                "condition__overview_html",
            )
            .order_by("next_review_due", "pk")
        )

    def for_listing(self):
        """Newest first, with what a list shows: the live title and summary and the
        condition, not the texts (a list of six would load six articles' bodies)."""
        return (
            self.articles()
            .select_related("published_revision", "condition", "lead_image")
            .defer(
                "published_revision__body",
                "published_revision__body_html",
                "condition__overview",
                "condition__overview_html",
            )
            .order_by("-published_at", "-pk")
        )

    def with_last_review(self):
        """Each article with its live text's latest review: `last_reviewed` (when) and
        `last_reviewer_name` (who), for feeds, sitemaps and the admin's list."""
        latest = Review.objects.filter(revision=OuterRef("published_revision")).order_by(
            "-reviewed_at", "-pk"
        )
        return self.annotate(
            last_reviewed=Subquery(latest.values("reviewed_at")[:1]),
            last_reviewer_name=Subquery(latest.values("reviewer_name")[:1]),
            last_reviewer=Subquery(latest.values("reviewer")[:1]),
        )

    def with_dead_references(self):
        """Published articles whose live text cites an address that failed its last
        REFERENCE_DEAD_AFTER_CHECKS checks, each revision with its `dead_references`
        (and their last check): two queries, however many articles."""
        dead = Reference.objects.dead()
        return (
            self.published()
            .filter(Exists(dead.filter(revision=OuterRef("published_revision"))))
            .select_related("published_revision")
            .defer("published_revision__body", "published_revision__body_html")
            .prefetch_related(
                Prefetch("published_revision__references", queryset=dead, to_attr="dead_references")
            )
        )

    def reviewed_by(self, user):
        """Published articles and guides whose live text `user` last reviewed."""
        return (
            self.published()
            .with_last_review()
            .filter(last_reviewer=user.pk)
            .select_related("published_revision", "condition")
            .defer("published_revision__body", "published_revision__body_html")
            .order_by("condition__name", "-kind", "-published_at")  # its guide first
        )


class Article(KeepsOldSlugs):
    """A condition article, or a condition's guide. Its words live in revisions;
    readers see the published one.

    An article becomes public only when an approved revision is published
    (Revision.publish), and it shows that revision's latest review. A guide
    goes through the same review and shows on its condition's page.
    """

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        GUIDE = "guide", _("Condition guide")

    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind,
        default=Kind.ARTICLE,
        help_text=_("A condition has one guide, shown on its page; articles are listed under it."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The article's web address. If you change it, the old one redirects here."),
    )
    condition = models.ForeignKey(
        Condition,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("condition"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("editor"),
        help_text=_("Named in the byline as \u201cEdited by\u201d."),
    )
    published_revision = models.ForeignKey(
        "Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text=_("The approved revision readers see. Set only by publishing."),
    )
    published_at = models.DateTimeField(
        _("first published"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Readers see the article from this moment."),
    )
    lead_image = lead_image_field()
    comments_enabled = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_(
            "Untick to close comments. They also close by themselves once the article "
            "is older than COMMENTS_CLOSE_AFTER_DAYS."
        ),
    )
    revised_at = models.DateTimeField(
        _("text last updated"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the live text was published: later than first published once revised."),
    )
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The latest review of the live text, plus the condition's review interval."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        indexes = [
            models.Index(fields=["condition", "-published_at"], name="article_condition_pub_idx"),
            models.Index(fields=["-published_at"], name="article_published_idx"),
            models.Index(fields=["next_review_due"], name="article_review_due_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["condition"],
                condition=models.Q(kind="guide"),
                name="one_guide_per_condition",
                violation_error_message=_("This condition already has a guide."),
            )
        ]

    def __str__(self):
        revision = self.published_revision
        return revision.title if revision else self.slug

    def get_absolute_url(self):
        if self.kind == Article.Kind.GUIDE:
            return self.condition.get_absolute_url()
        return reverse("articles:article", kwargs={"slug": self.slug})

    @property
    def is_guide(self) -> bool:
        return self.kind == Article.Kind.GUIDE

    def slug_is_address(self) -> bool:
        """A guide's address is its condition's: its own slug is in no public URL."""
        return not self.is_guide

    @property
    def was_revised(self) -> bool:
        """Readers are told the text was updated when it went live on a later day than
        the article first did."""
        return bool(
            self.revised_at
            and self.published_at
            and timezone.localdate(self.revised_at) > timezone.localdate(self.published_at)
        )

    def last_modified(self, last_reviewed: datetime | None) -> datetime | None:
        """When the page last changed for readers: it was first published, its live
        text went live, or that text was reviewed again (the byline's date). Feeds,
        the sitemap and search engines' data all date the article by this."""
        return max(
            (moment for moment in (self.published_at, self.revised_at, last_reviewed) if moment),
            default=None,
        )

    @property
    def is_public(self) -> bool:
        return bool(
            self.published_revision_id and self.published_at and self.published_at <= timezone.now()
        )

    @property
    def review_overdue(self) -> bool:
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())

    @cached_property
    def current_review(self) -> "Review | None":
        """The latest review of the live revision: the source of the byline."""
        revision = self.published_revision
        if revision is None:
            return None
        return (
            revision.reviews.select_related("reviewer__profile")
            .order_by("-reviewed_at", "-pk")
            .first()
        )

    def refresh_review_due(self) -> None:
        """Restart the review interval from the live text's latest review."""
        self.refresh_from_db(fields=["published_revision"])
        self.__dict__.pop("current_review", None)
        review = self.current_review
        self.next_review_due = review_due_on(review.reviewed_at, self.condition) if review else None
        self.save(update_fields=["next_review_due", "updated_at"])

    def open_revision(self) -> "Revision | None":
        """The revision editors are working on: a draft, one sent back, or one in review."""
        return self.revisions.filter(state__in=OPEN_STATES).order_by("-created_at", "-pk").first()

    def save_with_draft(
        self, by, *, title, summary, body, key_points="", references=()
    ) -> "Revision":
        """Save this new article with its first revision, a draft that `by` wrote."""
        with transaction.atomic():
            self.save()
            revision = self.revisions.create(
                title=title, summary=summary, key_points=key_points, body=body, created_by=by
            )
            for position, reference in enumerate(references):
                Reference.objects.create(revision=revision, position=position, **reference)
            ArticleEvent.record(revision, by, ArticleEvent.Action.CREATED)
            return revision

    def available_steps(self, user) -> list[str]:
        """The steps `user` may take on this article now (the methods below still check)."""
        steps = []
        if can_start_revision(user) and self.open_revision() is None:
            steps.append("start_revision")
        if user.has_perm(PUBLISH) and self.published_revision_id is not None:
            steps.append("unpublish")
        return steps

    def start_revision(self, by) -> "Revision":
        """A new draft copied from the live text, so editing never touches what readers see."""
        with transaction.atomic():
            if not can_start_revision(by):
                raise WorkflowError(
                    _("Only editors and nurse reviewers can start a revision."),
                    code="permission_denied",
                )
            lock_row(self)
            if (existing := self.open_revision()) is not None:
                raise WorkflowError(
                    _("This article already has a revision in progress: \u201c%(title)s\u201d.")
                    % {"title": existing.title},
                    code="revision_in_progress",
                )
            source = self.latest_revision()
            revision = self.revisions.create(
                title=source.title,
                summary=source.summary,
                key_points=source.key_points,
                body=source.body,
                created_by=by,
            )
            Reference.objects.bulk_create(
                Reference(
                    revision=revision,
                    position=reference.position,
                    source=reference.source,
                    title=reference.title,
                    url=reference.url,
                    accessed_on=reference.accessed_on,
                )
                for reference in source.references.all()
            )
            ArticleEvent.record(revision, by, ArticleEvent.Action.STARTED)
            return revision

    def unpublish(self, by, note: str = "") -> None:
        with transaction.atomic():
            require_permission(by, PUBLISH, _("Only editors can unpublish articles."))
            lock_row(self)
            revision = self.published_revision
            if revision is None:
                raise WorkflowError(_("This article is not published."), code="not_published")
            revision.set_state(RevisionState.UNPUBLISHED)
            for scheduled in self.revisions.filter(state=RevisionState.SCHEDULED):
                scheduled.set_state(RevisionState.APPROVED, scheduled_for=None)
                ArticleEvent.record(
                    scheduled, by, ArticleEvent.Action.CANCELLED, _("The article was unpublished.")
                )
            self.published_revision = None
            self.published_at = None
            self.revised_at = None
            self.next_review_due = None
            self.save(
                update_fields=[
                    "published_revision",
                    "published_at",
                    "revised_at",
                    "next_review_due",
                    "updated_at",
                ]
            )
            ArticleEvent.record(revision, by, ArticleEvent.Action.UNPUBLISHED, note)
            article_unpublished.send(Article, article=self)

    def latest_revision(self) -> "Revision":
        """The live text, or else the newest draft: every article has at least one."""
        revision = self.published_revision or self.revisions.order_by("-created_at", "-pk").first()
        assert revision is not None, "create_article always makes a first revision"  # noqa: S101
        return revision

    def record_details_change(self, by, changes: dict[str, tuple[str, str]]) -> None:
        """Note who changed the slug, condition, author or editor; the byline and guide
        follow them."""
        if not changes:
            return
        revision = self.latest_revision()
        note = "; ".join(
            f"{field}: {before} \u2192 {after}" for field, (before, after) in changes.items()
        )
        ArticleEvent.record(revision, by, ArticleEvent.Action.DETAILS, note)
        if "condition" in changes:
            self.refresh_review_due()

    def rate(self, visitor_key: str, stars: int) -> "Rating":
        rating, _created = Rating.objects.update_or_create(
            article=self, visitor_key=visitor_key, defaults={"stars": stars}
        )
        return rating

    def rating_summary(self) -> "RatingSummary":
        figures = self.ratings.aggregate(average=Avg("stars"), count=Count("pk"))
        return RatingSummary(average=figures["average"], count=figures["count"])


def create_article(
    *,
    condition,
    slug,
    author,
    editor,
    title,
    summary,
    body,
    key_points="",
    references=(),
    kind="article",
):
    """Create an article (or a condition's guide) with its first revision, a draft,
    written by its author."""
    article = Article(slug=slug, condition=condition, author=author, editor=editor, kind=kind)
    revision = article.save_with_draft(
        author,
        title=title,
        summary=summary,
        key_points=key_points,
        body=body,
        references=references,
    )
    return article, revision
