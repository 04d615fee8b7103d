"""Revisions: an article's words, taken from draft through review to published."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.models.articles import Article
from articles.models.events import ArticleEvent
from articles.models.profiles import StaffProfile
from articles.models.references import Reference
from articles.models.reviews import (
    REVIEW_DUE_SOON_DAYS,
    WHAT_CHANGED_LENGTH,
    Review,
    review_due_on,
)
from articles.models.workflow import (
    CONTENT_FIELDS,
    EDITABLE_STATES,
    REVISION_STEPS,
    RevisionState,
    WorkflowError,
    require_permission,
)
from articles.readability import ReadingLevel, reading_level
from articles.signals import article_published
from empower.markup import render_markdown
from empower.steps import allowed_steps, lock_row


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
    key_points = models.TextField(
        _("key points"),
        blank=True,
        help_text=_(
            "Three to five points a reader should take away, one per line. "
            "Shown in a box at the top; reviewed with the text."
        ),
    )
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

    # From Article.objects.with_dead_references().
    dead_references: list[Reference]

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

    @property
    def key_point_list(self) -> list[str]:
        return [
            line.strip(" -*•\t") for line in self.key_points.splitlines() if line.strip(" -*•\t")
        ]

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
        return (ids | {article.author_id, article.editor_id}) - {None}

    def last_approved(self) -> "Revision | None":
        """The article's latest other revision that a reviewer approved: what a diff compares to."""
        return (
            self.article.revisions.exclude(pk=self.pk)
            .filter(reviews__isnull=False, created_at__lte=self.created_at)
            .order_by("-created_at", "-pk")
            .first()
        )

    @cached_property
    def reading_level(self) -> ReadingLevel:
        """How hard the text is to read, for the editor writing and the nurse reviewing."""
        return reading_level(self.summary, self.key_points, self.body)

    def latest_review(self) -> "Review | None":
        return self.reviews.order_by("-reviewed_at", "-pk").first()

    def review_is_current(self) -> bool:
        review = self.latest_review()
        if review is None:
            return False
        return review_due_on(review.reviewed_at, self.article.condition) >= timezone.localdate()

    def available_steps(self, user) -> list[str]:
        """The steps `user` may take on this revision now; the step methods still check
        everything else (credentials, four eyes, an expired review). A text already
        approved is offered for approval again only when its review is nearly due."""
        steps = allowed_steps(REVISION_STEPS, user, self.state)
        if (
            "approve" in steps
            and self.state != RevisionState.IN_REVIEW
            and not self.review_due_soon()
        ):
            steps.remove("approve")
        return steps

    def review_due_soon(self) -> bool:
        review = self.latest_review()
        if review is None:
            return True
        due = review_due_on(review.reviewed_at, self.article.condition)
        return due <= timezone.localdate() + timedelta(days=REVIEW_DUE_SOON_DAYS)

    @property
    def content_digest(self) -> str:
        """A fingerprint of exactly what a reviewer reads: text and references."""
        parts = [self.title, self.summary, self.key_points, self.body]
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
            require_permission(
                by, REVISION_STEPS["submit"].permission, _("Only editors can submit for review.")
            )
            lock_row(self)
            self._require_state(
                "submit", _("Only a draft or a sent-back revision can be submitted.")
            )
            self.set_state(RevisionState.IN_REVIEW)
            ArticleEvent.record(self, by, ArticleEvent.Action.SUBMITTED)

    def approve(
        self, reviewer, seen: str | None = None, *, what_changed: str = "", reading_note: str = ""
    ) -> "Review":
        """Record that a nurse reviewer checked this exact text. Does not publish.

        A revision in review becomes Approved. An approved, scheduled, published
        or unpublished one may be approved again without changes, which renews
        its review (and restarts the interval of a live one). `seen` is the
        content_digest of the text the reviewer read, when known: approval is
        refused if the text has changed since. Once readers have had the
        article, the reviewer says in one line `what_changed`; text above the
        target reading level needs a `reading_note` saying why.
        """
        what_changed = " ".join(what_changed.split())
        reading_note = reading_note.strip()
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
            if self.article.published_at is not None and not what_changed:
                raise WorkflowError(
                    _(
                        "Say in one line what changed in this review: readers see it "
                        "under the byline."
                    ),
                    code="what_changed_required",
                )
            limit = WHAT_CHANGED_LENGTH
            if len(what_changed) > limit:
                raise WorkflowError(
                    _("Keep what changed to one line of at most %(limit)s characters.")
                    % {"limit": limit},
                    code="what_changed_too_long",
                )
            level = self.reading_level
            if level.above_target and not reading_note:
                raise WorkflowError(
                    _(
                        "This text reads at grade %(grade)s, above the target of %(target)s. "
                        "Say why it should be approved as it is."
                    )
                    % {"grade": level.grade, "target": level.target},
                    code="reading_note_required",
                )
            review = Review.objects.create(
                revision=self,
                reviewer=reviewer,
                reviewer_name=profile.display_name,
                credentials=profile.credentials,
                what_changed=what_changed,
                reading_grade=level.grade,
                reading_note=reading_note if level.above_target else "",
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
            require_permission(
                by, REVISION_STEPS["publish"].permission, _("Only editors can publish.")
            )
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
            require_permission(
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
        article.revised_at = at
        article.save(
            update_fields=["published_revision", "published_at", "revised_at", "updated_at"]
        )
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

    def _require_reviewer(self, user) -> "StaffProfile":
        require_permission(
            user, REVISION_STEPS["approve"].permission, _("Only nurse reviewers can review.")
        )
        profile = StaffProfile.objects.filter(user=user).first()
        if profile is None or not profile.credentials or profile.credentials_verified_on is None:
            raise WorkflowError(
                _(
                    "You need a staff profile with your credentials, verified by an "
                    "administrator, before you can sign off."
                ),
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
