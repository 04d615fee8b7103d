import hashlib
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Avg, Count, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.functional import Promise as StrPromise
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.dates import add_months
from articles.signals import article_published, article_unpublished
from empower.markup import render_markdown
from empower.records import Record
from empower.steps import StepRule, allowed_steps, lock_row


def published_q(prefix: str = "") -> models.Q:
    """The rule for what readers may see, usable across relations ("articles__")."""
    return models.Q(
        **{
            f"{prefix}published_revision__isnull": False,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )


class ConditionQuerySet(models.QuerySet):
    def with_article_counts(self):
        return self.annotate(article_count=Count("articles", filter=published_q("articles__")))


class Condition(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown in lists and to search engines."),
    )
    overview = models.TextField(
        _("overview"), blank=True, help_text=_("Markdown. Shown at the top of the guide.")
    )
    overview_html = models.TextField(editable=False, blank=True)
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_(
            "How often this condition's articles must be reviewed again. "
            "Leave empty for the site default (12 months)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConditionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("condition")
        permissions = [
            # A clinical-governance decision: no editorial role has it by default.
            ("set_review_interval", "Can change how often a condition's articles are reviewed"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.overview_html = render_markdown(self.overview)
        stored = Condition.objects.filter(pk=self.pk).values_list(
            "review_interval_months", flat=True
        )
        interval_changed = not self._state.adding and stored.first() != self.review_interval_months
        super().save(*args, **kwargs)
        if interval_changed:
            # Move the due dates of its articles with the new interval.
            for article in self.articles.filter(published_revision__isnull=False):
                article.refresh_review_due()

    def get_absolute_url(self):
        return reverse("articles:condition", kwargs={"slug": self.slug})

    @property
    def letter(self) -> str:
        """The heading this condition files under in the A to Z list."""
        first = self.name[:1].upper()
        return first if first.isalpha() else "#"


class WorkflowError(ValidationError):
    """A workflow step that is not allowed: wrong state, wrong person, or missing review."""


class RevisionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    SENT_BACK = "sent_back", _("Sent back")
    APPROVED = "approved", _("Approved")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    SUPERSEDED = "superseded", _("Superseded")


OPEN_STATES = [RevisionState.DRAFT, RevisionState.SENT_BACK, RevisionState.IN_REVIEW]
EDITABLE_STATES = [RevisionState.DRAFT, RevisionState.SENT_BACK]
START_REVISION = "articles.add_revision"
PUBLISH = "articles.publish_revision"
REVIEW = "articles.review_revision"

# Who may take each step of a revision, and from which states. An approved,
# scheduled, published or unpublished revision may be approved again: that
# renews its review.
REVISION_STEPS = {
    "submit": StepRule.of("articles.submit_revision", EDITABLE_STATES),
    "approve": StepRule.of(
        REVIEW,
        [
            RevisionState.IN_REVIEW,
            RevisionState.APPROVED,
            RevisionState.SCHEDULED,
            RevisionState.PUBLISHED,
            RevisionState.UNPUBLISHED,
        ],
    ),
    "send_back": StepRule.of(REVIEW, [RevisionState.IN_REVIEW]),
    "publish": StepRule.of(
        PUBLISH, [RevisionState.APPROVED, RevisionState.SCHEDULED, RevisionState.UNPUBLISHED]
    ),
    "cancel_schedule": StepRule.of(PUBLISH, [RevisionState.SCHEDULED]),
}
CONTENT_FIELDS = {"title", "summary", "body", "body_html"}


def review_interval_months(condition: "Condition") -> int:
    return condition.review_interval_months or settings.ARTICLE_REVIEW_INTERVAL_MONTHS


def review_due_on(reviewed_at, condition: "Condition") -> date:
    """The day a review made at `reviewed_at` runs out: its condition's interval later."""
    return add_months(timezone.localdate(reviewed_at), review_interval_months(condition))


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles a reader may see: a reviewed revision is live and its time has come."""
        return self.filter(published_q())

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

    def for_listing(self):
        return self.select_related("published_revision", "condition").order_by(
            "-published_at", "-pk"
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
        )


class Article(models.Model):
    """A condition article. Its words live in revisions; readers see the published one.

    An article becomes public only when an approved revision is published
    (Revision.publish), and it shows that revision's latest review.
    """

    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The article's web address.")
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
    comments_enabled = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_(
            "Untick to close comments. They also close by themselves once the article "
            "is older than COMMENTS_CLOSE_AFTER_DAYS."
        ),
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

    def __str__(self):
        revision = self.published_revision
        return revision.title if revision else self.slug

    def get_absolute_url(self):
        return reverse("articles:article", kwargs={"slug": self.slug})

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
        return revision.reviews.order_by("-reviewed_at", "-pk").first()

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

    def save_with_draft(self, by, *, title, summary, body, references=()) -> "Revision":
        """Save this new article with its first revision, a draft that `by` wrote."""
        with transaction.atomic():
            self.save()
            revision = Revision.objects.create(
                article=self, title=title, summary=summary, body=body, created_by=by
            )
            for position, reference in enumerate(references):
                Reference.objects.create(revision=revision, position=position, **reference)
            ArticleEvent.record(revision, by, ArticleEvent.Action.CREATED)
            return revision

    def available_steps(self, user) -> list[str]:
        """The steps `user` may take on this article now (the methods below still check)."""
        steps = []
        if user.has_perm(START_REVISION) and self.open_revision() is None:
            steps.append("start_revision")
        if user.has_perm(PUBLISH) and self.published_revision_id is not None:
            steps.append("unpublish")
        return steps

    def start_revision(self, by) -> "Revision":
        """A new draft copied from the live text, so editing never touches what readers see."""
        with transaction.atomic():
            _require(by, START_REVISION, _("Only editors can start a revision."))
            lock_row(self)
            if (existing := self.open_revision()) is not None:
                raise WorkflowError(
                    _("This article already has a revision in progress: \u201c%(title)s\u201d.")
                    % {"title": existing.title},
                    code="revision_in_progress",
                )
            source = self.latest_revision()
            revision = Revision.objects.create(
                article=self,
                title=source.title,
                summary=source.summary,
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
            ArticleEvent.record(revision, by, ArticleEvent.Action.CREATED)
            return revision

    def unpublish(self, by, note: str = "") -> None:
        with transaction.atomic():
            _require(by, PUBLISH, _("Only editors can unpublish articles."))
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
            self.next_review_due = None
            self.save(
                update_fields=[
                    "published_revision",
                    "published_at",
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
        """Note who changed the condition, author or editor; the byline and guide follow them."""
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


class RevisionQuerySet(models.QuerySet):
    def awaiting_review_by(self, user):
        """Revisions in review that this person may sign off: not ones they wrote or
        edited, nor of articles whose byline names them (Revision.contributors)."""
        return (
            self.filter(state=RevisionState.IN_REVIEW)
            .exclude(created_by=user)
            .exclude(article__author=user)
            .exclude(article__editor=user)
            .exclude(
                pk__in=ArticleEvent.objects.filter(
                    actor=user, action__in=ArticleEvent.AUTHORING
                ).values("revision")
            )
        )

    def sent_back_to(self, user):
        return self.filter(state=RevisionState.SENT_BACK).filter(
            models.Q(created_by=user) | models.Q(article__editor=user)
        )

    def ready_to_publish(self):
        return self.filter(state=RevisionState.APPROVED)

    def due_for_publishing(self, now=None):
        return self.filter(state=RevisionState.SCHEDULED, scheduled_for__lte=now or timezone.now())


class Revision(models.Model):
    """The words of an article at one point in time, and where they are in the workflow.

    Draft -> In review -> Approved -> Published (or Scheduled first); a reviewer
    may send a revision back with a note. Every step is a method here that
    checks who may take it; the admin only calls them.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown in lists and to search engines."),
    )
    body = models.TextField(
        _("body"),
        help_text=_("Markdown: ## for a heading, **bold**, - for a list, [text](https://...)."),
    )
    body_html = models.TextField(editable=False)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=RevisionState,
        default=RevisionState.DRAFT,
        editable=False,
    )
    scheduled_for = models.DateTimeField(
        _("scheduled for"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When a scheduled revision goes live."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        permissions = [
            ("submit_revision", "Can submit a revision for review"),
            ("review_revision", "Can approve a revision or send it back"),
            ("publish_revision", "Can publish, schedule and unpublish"),
        ]
        indexes = [
            models.Index(fields=["state", "scheduled_for"], name="revision_state_idx"),
            models.Index(fields=["article", "state"], name="revision_article_state_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, update_fields=None, **kwargs):
        touches_content = update_fields is None or bool(CONTENT_FIELDS & set(update_fields))
        if touches_content and not self._state.adding:
            # A reviewer vouched for exactly this text: changing it needs a new
            # revision. Check the stored state too: this object may be stale.
            self.require_editable()
            stored = Revision.objects.filter(pk=self.pk)
            if transaction.get_connection().in_atomic_block:
                stored = stored.select_for_update()
            if stored.values_list("state", flat=True).first() not in EDITABLE_STATES:
                raise WorkflowError(
                    _("This revision left the draft stage meanwhile; your change was not saved."),
                    code="not_editable",
                )
        self.body_html = render_markdown(self.body)
        super().save(*args, update_fields=update_fields, **kwargs)

    def get_preview_url(self):
        return reverse("articles:preview", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.state in EDITABLE_STATES

    def set_state(self, state: str, **fields) -> None:
        self.state = state
        for name, value in fields.items():
            setattr(self, name, value)
        self.save(update_fields=["state", *fields, "updated_at"])

    def contributors(self) -> set[int]:
        """Ids of everyone who wrote or edited this revision, and of whoever the byline
        names as the article's author or editor: none of them may approve it."""
        ids = set(
            self.events.filter(action__in=ArticleEvent.AUTHORING).values_list("actor", flat=True)
        )
        article = self.article
        return ids | {self.created_by_id, article.author_id, article.editor_id} - {None}

    def last_approved(self) -> "Revision | None":
        """The article's latest other revision that a reviewer approved: what a diff compares to."""
        return (
            self.article.revisions.exclude(pk=self.pk)
            .filter(reviews__isnull=False, created_at__lte=self.created_at)
            .order_by("-created_at", "-pk")
            .first()
        )

    def latest_review(self) -> "Review | None":
        return self.reviews.order_by("-reviewed_at", "-pk").first()

    def review_is_current(self) -> bool:
        review = self.latest_review()
        if review is None:
            return False
        return review_due_on(review.reviewed_at, self.article.condition) >= timezone.localdate()

    def available_steps(self, user) -> list[str]:
        """The steps `user` may take on this revision now; the step methods still check
        everything else (credentials, four eyes, an expired review)."""
        return allowed_steps(REVISION_STEPS, user, self.state)

    @property
    def content_digest(self) -> str:
        """A fingerprint of exactly what a reviewer reads: text and references."""
        parts = [self.title, self.summary, self.body]
        parts += [reference.citation + reference.url for reference in self.references.all()]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]

    def require_editable(self) -> None:
        if not self.is_editable:
            raise WorkflowError(
                _("A revision can only be changed while it is a draft or sent back."),
                code="not_editable",
            )

    def record_edit(self, by) -> None:
        self.require_editable()
        ArticleEvent.record(self, by, ArticleEvent.Action.EDITED)

    def submit(self, by) -> None:
        with transaction.atomic():
            _require(
                by, REVISION_STEPS["submit"].permission, _("Only editors can submit for review.")
            )
            lock_row(self)
            self._require_state(
                "submit", _("Only a draft or a sent-back revision can be submitted.")
            )
            self.set_state(RevisionState.IN_REVIEW)
            ArticleEvent.record(self, by, ArticleEvent.Action.SUBMITTED)

    def approve(self, reviewer, seen: str | None = None) -> "Review":
        """Record that a nurse reviewer checked this exact text. Does not publish.

        A revision in review becomes Approved. An approved, scheduled, published
        or unpublished one may be approved again without changes, which renews
        its review (and restarts the interval of a live one). `seen` is the
        content_digest of the text the reviewer read, when known: approval is
        refused if the text has changed since.
        """
        with transaction.atomic():
            lock_row(self)
            profile = self._require_reviewer(reviewer)
            self._require_state(
                "approve", _("Only a revision in review, or one approved before, can be approved.")
            )
            if seen is not None and seen != self.content_digest:
                raise WorkflowError(
                    _(
                        "The text changed after you opened it. "
                        "Please read it again before approving."
                    ),
                    code="changed",
                )
            review = Review.objects.create(
                revision=self,
                reviewer=reviewer,
                reviewer_name=profile.display_name,
                credentials=profile.credentials,
            )
            if self.state == RevisionState.IN_REVIEW:
                self.set_state(RevisionState.APPROVED)
            elif self.state == RevisionState.PUBLISHED:
                self.article.refresh_review_due()
            ArticleEvent.record(self, reviewer, ArticleEvent.Action.APPROVED)
            return review

    def send_back(self, reviewer, note: str) -> None:
        with transaction.atomic():
            lock_row(self)
            self._require_reviewer(reviewer)
            self._require_state("send_back", _("Only a revision in review can be sent back."))
            if not note.strip():
                raise WorkflowError(
                    _("Say what needs to change, so the editor knows what to fix."),
                    code="note_required",
                )
            self.set_state(RevisionState.SENT_BACK)
            ArticleEvent.record(self, reviewer, ArticleEvent.Action.SENT_BACK, note.strip())

    def publish(self, by, at=None) -> None:
        """Make this approved revision the one readers see, now or at `at`."""
        with transaction.atomic():
            _require(by, REVISION_STEPS["publish"].permission, _("Only editors can publish."))
            lock_row(self)
            self._require_state("publish", _("Only an approved revision can be published."))
            if not self.review_is_current():
                raise WorkflowError(
                    _(
                        "This revision's review has expired. "
                        "A nurse reviewer must approve it again."
                    ),
                    code="review_expired",
                )
            live = self.article.published_revision
            if live is not None and live.pk != self.pk and live.created_at > self.created_at:
                raise WorkflowError(
                    _("A newer revision is live; publishing this one would bring back older text."),
                    code="older_than_live",
                )
            now = timezone.now()
            if at is not None and at > now:
                self.set_state(RevisionState.SCHEDULED, scheduled_for=at)
                ArticleEvent.record(
                    self,
                    by,
                    ArticleEvent.Action.SCHEDULED,
                    f"For {timezone.localtime(at):%Y-%m-%d %H:%M}",
                )
                return
            self._go_live(by, at=at or now)

    def cancel_schedule(self, by, note: str = "") -> None:
        with transaction.atomic():
            _require(
                by,
                REVISION_STEPS["cancel_schedule"].permission,
                _("Only editors can change a schedule."),
            )
            lock_row(self)
            self._require_state("cancel_schedule", _("Only a scheduled revision can be cancelled."))
            self.set_state(RevisionState.APPROVED, scheduled_for=None)
            ArticleEvent.record(self, by, ArticleEvent.Action.CANCELLED, note)

    def publish_if_due(self, now=None) -> bool:
        """The scheduler's step: publish a scheduled revision once its time has come
        (`now` by default; the scheduler passes the one moment it woke at)."""
        with transaction.atomic():
            lock_row(self)
            if (
                self.state != RevisionState.SCHEDULED
                or self.scheduled_for is None
                or self.scheduled_for > (now or timezone.now())
            ):
                return False
            if not self.review_is_current():
                self.set_state(RevisionState.APPROVED, scheduled_for=None)
                ArticleEvent.record(
                    self,
                    None,
                    ArticleEvent.Action.CANCELLED,
                    _("Not published: the review expired before the scheduled time."),
                )
                return False
            self._go_live(None, at=self.scheduled_for)
            return True

    def _go_live(self, by, at) -> None:
        article = self.article
        lock_row(article)
        previous = article.published_revision
        if previous is not None and previous.pk != self.pk:
            previous.set_state(RevisionState.SUPERSEDED)
        # Older approved or scheduled texts are now out of date: they must never
        # go live over this one.
        for stale in article.revisions.filter(
            state__in=[RevisionState.APPROVED, RevisionState.SCHEDULED],
            created_at__lt=self.created_at,
        ):
            if stale.state == RevisionState.SCHEDULED:
                ArticleEvent.record(
                    stale, by, ArticleEvent.Action.CANCELLED, _("A newer revision was published.")
                )
            stale.set_state(RevisionState.SUPERSEDED, scheduled_for=None)
        self.set_state(RevisionState.PUBLISHED, scheduled_for=None)
        first = article.published_at is None
        article.published_revision = self
        article.published_at = article.published_at or at
        article.save(update_fields=["published_revision", "published_at", "updated_at"])
        article.refresh_review_due()
        ArticleEvent.record(self, by, ArticleEvent.Action.PUBLISHED)
        article_published.send(Article, article=article, revision=self, first=first)

    def _require_state(self, step: str, message) -> None:
        if self.state not in REVISION_STEPS[step].states:
            raise WorkflowError(
                f"{message} "
                + _("This one is %(state)s.") % {"state": self.get_state_display().lower()},
                code="wrong_state",
            )

    def _require_reviewer(self, user) -> "ReviewerProfile":
        _require(user, REVIEW, _("Only nurse reviewers can review."))
        profile = ReviewerProfile.objects.filter(user=user).first()
        if profile is None:
            raise WorkflowError(
                _("You need a reviewer profile with your credentials before you can sign off."),
                code="no_profile",
            )
        if not profile.verification_is_current:
            raise WorkflowError(
                _(
                    "Your credentials were last verified on %(date)s, more than %(days)s days ago. "
                    "Ask an administrator to verify them again before you sign off."
                )
                % {
                    "date": profile.credentials_verified_on,
                    "days": settings.REVIEWER_VERIFICATION_DAYS,
                },
                code="verification_lapsed",
            )
        if user.pk in self.contributors():
            raise WorkflowError(
                _(
                    "You wrote or edited this revision, or the byline names you, "
                    "so another reviewer must check it."
                ),
                code="four_eyes",
            )
        return profile


def _require(user, permission: str, message) -> None:
    if not user.has_perm(permission):
        raise WorkflowError(message, code="permission_denied")


class ReviewerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reviewer_profile",
    )
    display_name = models.CharField(
        _("display name"), max_length=120, help_text=_("As it appears in bylines.")
    )
    credentials = models.CharField(
        _("credentials"), max_length=60, help_text=_("For example RN, or MD.")
    )
    credentials_verified_on = models.DateField(
        _("credentials last verified on"),
        help_text=_(
            "When someone last checked the licence with the issuing body. Reviewers can sign "
            "off only while this is recent enough (REVIEWER_VERIFICATION_DAYS, 2 years by default)."
        ),
    )

    class Meta:
        verbose_name = _("reviewer profile")

    def __str__(self):
        return f"{self.display_name}, {self.credentials}"

    @property
    def verification_expires_on(self):
        return self.credentials_verified_on + timedelta(days=settings.REVIEWER_VERIFICATION_DAYS)

    @property
    def verification_is_current(self) -> bool:
        return self.verification_expires_on >= timezone.localdate()


class Review(Record):
    """A nurse reviewer's sign-off on one exact revision. Never edited, only added.

    The reviewer's name and credentials are copied at the time of review, so a
    byline keeps saying who vouched for the text even if a profile changes.
    """

    changed_message = _("A review cannot be changed once recorded.")

    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewer_name = models.CharField(max_length=120)
    credentials = models.CharField(max_length=60)
    reviewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-reviewed_at", "-pk"]
        indexes = [models.Index(fields=["revision", "-reviewed_at"], name="review_revision_idx")]

    def __str__(self):
        return f"{self.reviewer_name}, {self.credentials} on {self.reviewed_at:%Y-%m-%d}"


class ArticleEvent(Record):
    """One step in an article's history: who did what, to which revision, and when."""

    changed_message = _("History cannot be changed.")

    class Action(models.TextChoices):
        CREATED = "created", _("created a revision")
        EDITED = "edited", _("edited")
        SUBMITTED = "submitted", _("submitted for review")
        SENT_BACK = "sent_back", _("sent back")
        APPROVED = "approved", _("approved")
        SCHEDULED = "scheduled", _("scheduled")
        PUBLISHED = "published", _("published")
        UNPUBLISHED = "unpublished", _("unpublished")
        CANCELLED = "cancelled", _("cancelled the schedule")
        DETAILS = "details", _("changed the details")

    AUTHORING = [Action.CREATED, Action.EDITED]

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the scheduler did it."),
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        indexes = [
            models.Index(fields=["article", "-at"], name="event_article_idx"),
            models.Index(fields=["revision", "action"], name="event_revision_action_idx"),
        ]

    def __str__(self):
        who = self.actor.get_full_name() if self.actor else _("The scheduler")
        return f"{who} {self.get_action_display()}"

    @classmethod
    def record(
        cls, revision: Revision, actor, action: str, note: "str | StrPromise" = ""
    ) -> "ArticleEvent":
        return cls.objects.create(
            article_id=revision.article_id,
            revision=revision,
            actor=actor,
            action=action,
            note=str(note),
        )


class Reference(models.Model):
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="references")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source = models.CharField(
        _("source"), max_length=200, help_text=_("Who published it, e.g. a clinic or institute.")
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("web address"), blank=True, max_length=500)
    accessed_on = models.DateField(_("accessed on"))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("reference")

    def __str__(self):
        return self.citation

    def save(self, *args, **kwargs):
        self.revision.require_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.revision.require_editable()
        return super().delete(*args, **kwargs)

    @property
    def source_sentence(self) -> str:
        return end_sentence(self.source)

    @property
    def title_sentence(self) -> str:
        return end_sentence(self.title)

    @property
    def citation(self) -> str:
        """'Source. Title. Web. 5 December 2011.' (the template adds the link)."""
        accessed = format_date(self.accessed_on, "j F Y")
        return f"{self.source_sentence} {self.title_sentence} Web. {accessed}."


def end_sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


class RatingSummary:
    def __init__(self, average: float | None, count: int):
        self.average = round(average, 1) if average is not None else None
        self.count = count


class Rating(models.Model):
    """One visitor's "Rate this" for one article. The visitor is a keyed hash, never an IP."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="ratings")
    visitor_key = models.CharField(max_length=64)
    stars = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "visitor_key"], name="one_rating_per_visitor"
            ),
            models.CheckConstraint(
                condition=models.Q(stars__gte=1, stars__lte=5), name="stars_between_1_and_5"
            ),
        ]

    def __str__(self):
        return f"{self.stars}★ for {self.article_id}"


class Page(models.Model):
    """About, Editorial policy, Medical disclaimer, Terms, Privacy: edited in the admin."""

    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("The page's address, e.g. 'about' for /about/. Footer links rely on it."),
    )
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(
        _("summary"),
        max_length=400,
        help_text=_("A short version, shown where the page is quoted (e.g. under articles)."),
    )
    body = models.TextField(_("body"), help_text=_("Markdown."))
    body_html = models.TextField(editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("page")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})


def create_article(*, condition, slug, author, editor, title, summary, body, references=()):
    """Create an article with its first revision, a draft, written by its author."""
    article = Article(slug=slug, condition=condition, author=author, editor=editor)
    revision = article.save_with_draft(
        author, title=title, summary=summary, body=body, references=references
    )
    return article, revision
