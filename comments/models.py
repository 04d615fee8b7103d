"""Moderated content, and comments on articles.

`Moderated` is the machinery every reader-written thing shares (comments here,
questions and answers in community/): held for moderation, approved, rejected
or marked as spam by a moderator, hidden after enough reader reports.
"""

import hashlib
import re
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Review
from comments import personal
from comments.staff import staff_identity
from newsletter.models import follow_by_email

REMOVED = "[removed by a moderator]"


class ModerationError(ValidationError):
    """A moderation step this person may not take."""


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    HIDDEN = "hidden", _("Hidden after reports")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


# Moderators look at these; pending first, then what readers reported.
QUEUE_STATES = [Status.PENDING, Status.HIDDEN]


class ModeratedQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Status.APPROVED)

    def pending(self):
        return self.filter(status__in=QUEUE_STATES)

    def queue_order(self):
        """Urgent first, then pending, then reported, then the rest; newest first within each
        (the newest pending item is the one most likely to need a quick answer)."""
        priority = models.Case(
            models.When(status__in=QUEUE_STATES, urgent=True, then=0),
            models.When(status=Status.PENDING, then=1),
            models.When(status=Status.HIDDEN, then=2),
            default=3,
        )
        return self.annotate(queue_priority=priority).order_by("queue_priority", "-created_at")


def body_digest(text: str) -> str:
    """The same words, whatever the spacing or case: how duplicates are recognised."""
    normal = re.sub(r"\s+", " ", text).strip().lower()
    return hashlib.sha256(normal.encode()).hexdigest()


def pages_changed_by(*topics: str):
    """For `pagecache.bump_on_change`: a post changes the pages it appears on,
    except a new one that nobody sees until it is approved."""

    def topics_for(post, created: bool) -> list[str]:
        return [] if created and post.status != Status.APPROVED else list(topics)

    return topics_for


class Moderated(models.Model):
    """Something a reader wrote, which a moderator must approve before anyone sees it."""

    author_name = models.CharField(_("name"), max_length=80)
    author_email = models.EmailField(_("email"), help_text=_("For moderation only; never shown."))
    body = models.TextField(_("text"))
    body_digest = models.CharField(max_length=64, editable=False, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    urgent = models.BooleanField(
        _("urgent"),
        default=False,
        help_text=_("It mentions self-harm or suicide: a moderator should look first."),
    )
    flags = models.JSONField(
        _("flags"),
        default=list,
        blank=True,
        help_text=_("Why the spam checks or readers flagged it."),
    )
    address_hash = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A keyed hash of the poster's address, for rate limits; never the address."),
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    # Reports and redaction records go with the item when it is deleted.
    reports = GenericRelation("comments.Report")
    redactions = GenericRelation("comments.Redaction")

    # The reader's words a moderator may redact, as shown to readers.
    REDACTABLE: tuple[str, ...] = ("body",)

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.body_digest = body_digest(self.body)
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        """What readers may see: approved, and not hidden after reports."""
        return self.status == Status.APPROVED

    @property
    def moderate_permission(self) -> str:
        return f"{self._meta.app_label}.moderate_{self._meta.model_name}"

    def approve(self, moderator) -> None:
        """Publish it at once."""
        self._moderate(moderator, Status.APPROVED)

    def reject(self, moderator) -> None:
        self._moderate(moderator, Status.REJECTED)

    def mark_spam(self, moderator) -> None:
        self._moderate(moderator, Status.SPAM)

    def _moderate(self, moderator, status) -> None:
        if not moderator.has_perm(self.moderate_permission):
            raise ModerationError(_("Only moderators can do that."), code="permission_denied")
        was_public = self.status == Status.APPROVED
        self.status = status
        self.moderated_at = timezone.now()
        self.moderated_by = moderator
        self.save(update_fields=["status", "moderated_at", "moderated_by"])
        if status == Status.APPROVED and not was_public:
            self.on_approved()

    def on_approved(self) -> None:
        """Called once when it becomes public; subclasses tell whoever is waiting."""

    def report(self, visitor_key: str) -> bool:
        """A reader reports it; after enough reports since the last moderation it is hidden.

        Returns False when this visitor had already reported it.
        """
        with transaction.atomic():
            content_type = ContentType.objects.get_for_model(self)
            _report, created = Report.objects.get_or_create(
                content_type=content_type, object_id=self.pk, visitor_key=visitor_key
            )
            if not created or self.status != Status.APPROVED:
                return created
            since = self.moderated_at or self.created_at
            reports = Report.objects.filter(
                content_type=content_type, object_id=self.pk, created_at__gte=since
            ).count()
            if reports >= settings.COMMENTS_REPORT_THRESHOLD:
                self.status = Status.HIDDEN
                self.flags = [*self.flags, f"hidden after {reports} reader reports"]
                self.save(update_fields=["status", "flags"])
            return True

    def personal_details(self) -> list[personal.Detail]:
        """Phone numbers, addresses and the like in what the reader wrote."""
        return [
            detail
            for field in self.REDACTABLE
            for detail in personal.find(getattr(self, field), field)
        ]

    def find_text(self, wanted: str) -> list[personal.Detail]:
        """Every place `wanted` appears, for a moderator to remove what no pattern finds."""
        return [
            detail
            for field in self.REDACTABLE
            for detail in personal.find_text(getattr(self, field), wanted, field)
        ]

    def redact(self, details: list[personal.Detail], by, *, now=None) -> None:
        """A moderator removes personal details, before or after approving: each
        becomes REMOVED in the stored text, and a Redaction records who removed
        what kind of detail and when, never the words. Saving re-indexes the
        post and refreshes the pages it is on."""
        if not by.has_perm(self.moderate_permission):
            raise ModerationError(_("Only moderators can do that."), code="permission_denied")
        details = personal.without_overlaps(details)
        with transaction.atomic():
            locked = type(self)._default_manager.select_for_update().get(pk=self.pk)
            for detail in reversed(details):  # from the end, so earlier offsets still hold
                text = getattr(locked, detail.field) if detail.field in self.REDACTABLE else ""
                if text[detail.start : detail.end] != detail.text:
                    raise ModerationError(
                        _("The text changed meanwhile; look at it again."), code="changed"
                    )
                setattr(locked, detail.field, text[: detail.start] + REMOVED + text[detail.end :])
            locked.save()
            Redaction.objects.bulk_create(
                Redaction(content=locked, field=detail.field, kind=detail.kind, redacted_by=by,
                          redacted_at=now or timezone.now())
                for detail in details
            )  # fmt: skip
        self.refresh_from_db()


class StaffAuthored(models.Model):
    """Moderated content that staff may also write (replies, expert answers):
    published at once, signed with their name and role."""

    staff_author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Set on posts written by an editor or nurse reviewer."),
    )
    staff_badge = models.CharField(
        max_length=80,
        blank=True,
        help_text=_("The role shown beside a staff post, e.g. 'Nurse reviewer, RN'."),
    )

    class Meta:
        abstract = True

    @staticmethod
    def written_by_staff(user) -> dict:
        """The fields of a post a staff member writes: their name, role and address
        (or the site's own, never shown), approved by them at once."""
        identity = staff_identity(user)
        return {
            "author_name": identity.name,
            "author_email": user.email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
            "staff_author": user,
            "staff_badge": identity.badge,
            "status": Status.APPROVED,
            "moderated_by": user,
            "moderated_at": timezone.now(),
        }


class Comment(StaffAuthored, Moderated):
    """A reader's comment on an article, or a staff reply to one."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    reply_to = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    wants_reply_emails = models.BooleanField(
        _("email me if a nurse or editor replies"),
        default=False,
        help_text=_(
            "Ticked by the commenter; they confirm their address once when it is approved."
        ),
    )
    wants_reader_reply_emails = models.BooleanField(
        _("also email me when readers reply"),
        default=False,
        help_text=_("Readers' replies are moderated like any comment."),
    )
    # Whoever asked to hear of replies; they go with the comment.
    follows = GenericRelation("newsletter.Follow")

    class Meta:
        ordering = ["created_at", "pk"]
        permissions = [("moderate_comment", "Can approve, reject or mark comments as spam")]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_article_idx"),
            models.Index(fields=["status", "-created_at"], name="comment_queue_idx"),
            models.Index(fields=["author_email"], name="comment_email_idx"),
        ]

    def __str__(self):
        return f"{self.author_name} on {self.article}: {self.body[:60]}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    def follow_label(self) -> str:
        return f"Replies to your comment on “{self.article}”"

    @property
    def is_staff_reply(self) -> bool:
        return self.staff_author_id is not None

    def wants_to_hear_of(self, reply: "Comment") -> bool:
        """Staff replies if its writer ticked them; readers' replies if they ticked those."""
        return self.wants_reply_emails if reply.is_staff_reply else self.wants_reader_reply_emails

    def on_approved(self) -> None:
        """A commenter who ticked "Email me if a nurse or editor replies" follows
        their comment from now: only now, so a spammer's post mails no one.
        A reader's reply, once approved, tells the commenter if they asked."""
        if self.reply_to_id is not None:
            from comments.tasks import tell_commenter

            transaction.on_commit(lambda: tell_commenter.enqueue(self.pk))
        elif self.wants_reply_emails or self.wants_reader_reply_emails:
            follow_by_email(
                self.author_email,
                self,
                discreet=False,
                source=self.article.get_absolute_url(),
                address_hash=self.address_hash,
            )

    STAFF_REPLY_PERMISSION = "comments.add_comment"

    def reply_as_staff(self, user, body: str) -> "Comment":
        """A nurse reviewer's or editor's reply, published at once under this comment."""
        if not user.has_perm(self.STAFF_REPLY_PERMISSION):
            raise ModerationError(
                _("Only nurse reviewers and editors reply."), code="permission_denied"
            )
        if self.status != Status.APPROVED or self.reply_to_id is not None:
            raise ModerationError(
                _("Approve the comment before replying to it."), code="not_public"
            )
        from comments.tasks import tell_commenter

        reply = Comment.objects.create(
            article=self.article, reply_to=self, body=body, **self.written_by_staff(user)
        )
        transaction.on_commit(lambda: tell_commenter.enqueue(reply.pk))
        return reply


def comments_open(article: Article) -> bool:
    """Whether readers may comment: enabled for the article, and it is not too old."""
    if not article.comments_enabled or not article.is_public:
        return False
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    published_at = article.published_at
    return not days or (
        published_at is not None and published_at > timezone.now() - timedelta(days=days)
    )


class Report(models.Model):
    """One reader's report of one approved comment, question or answer."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content = GenericForeignKey("content_type", "object_id")
    visitor_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "visitor_key"], name="one_report_per_visitor"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self):
        return f"Report on {self.content_type.model} {self.object_id}"


class Redaction(models.Model):
    """A moderator removed a personal detail from a post: who, when and what kind,
    never the removed words."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=20)
    kind = models.CharField(max_length=10, choices=list(personal.KINDS.items()))
    redacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    redacted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["redacted_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_kind_display()} removed from {self.content_type.model} {self.object_id}"


class BlockedPhrase(models.Model):
    """Words or phrases that send a submission to the Spam state. Moderators edit the list."""

    phrase = models.CharField(
        max_length=100,
        unique=True,
        help_text=_("Matched anywhere in the text or name, ignoring case."),
    )
    note = models.CharField(max_length=200, blank=True, help_text=_("Why it is on the list."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("blocked phrase")

    def __str__(self):
        return self.phrase

    def save(self, *args, **kwargs):
        self.phrase = self.phrase.strip().lower()
        super().save(*args, **kwargs)


class CrisisTerm(models.Model):
    """Words that suggest someone may be in danger: their post is flagged urgent, and
    they are shown where to get help at once."""

    phrase = models.CharField(
        max_length=100, unique=True, help_text=_("Matched anywhere in the text, ignoring case.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("crisis term")

    def __str__(self):
        return self.phrase

    def save(self, *args, **kwargs):
        self.phrase = self.phrase.strip().lower()
        super().save(*args, **kwargs)


class Refusal(models.Model):
    """How often each defence refused a submission, per form and day."""

    form = models.CharField(max_length=30)
    reason = models.CharField(max_length=40)
    day = models.DateField(default=timezone.localdate)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "-count"]
        constraints = [
            models.UniqueConstraint(fields=["form", "reason", "day"], name="one_counter_per_day")
        ]

    def __str__(self):
        return f"{self.form} refused for {self.reason} ×{self.count} on {self.day}"

    @classmethod
    def count_one(cls, form: str, reason: str) -> None:
        counter, _created = cls.objects.get_or_create(
            form=form, reason=reason, day=timezone.localdate()
        )
        cls.objects.filter(pk=counter.pk).update(count=F("count") + 1)


class ModerationNotice(models.Model):
    """When moderators were last emailed about the queue, so they get a digest, not a flood."""

    key = models.CharField(max_length=30, unique=True, default="moderation")
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Moderation notice last sent {self.last_sent_at}"


# Who reads readers' feedback and acts on it: editors and nurse reviewers (roles.py).
HANDLE_FEEDBACK = "comments.change_feedback"


class FeedbackQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def for_reviewer(self, user):
        """The feedback `user` handles: all of it for editors; for a nurse reviewer,
        that on the articles she reviewed last."""
        if user.has_perm("articles.submit_revision"):
            return self.all()
        reviewed_last = Subquery(
            Review.objects.filter(revision__article=OuterRef("article"))
            .order_by("-reviewed_at", "-pk")
            .values("reviewer")[:1]
        )
        return self.annotate(last_reviewer=reviewed_last).filter(last_reviewer=user.pk)


class Feedback(models.Model):
    """A reader telling the reviewer something is wrong or missing on a page. Never
    public: it goes to the article's last reviewer and the editors."""

    class Kind(models.TextChoices):
        OUT_OF_DATE = "out_of_date", _("It is out of date")
        HARD_TO_UNDERSTAND = "hard_to_understand", _("It is hard to understand")
        BROKEN_LINK = "broken_link", _("A link is broken")
        SOMETHING_ELSE = "something_else", _("Something else")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    kind = models.CharField(_("what's wrong"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("tell us more"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    address_hash = models.CharField(max_length=64, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    close_note = models.TextField(_("note"), blank=True)
    revision = models.ForeignKey(
        "articles.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The revision started from this feedback."),
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reader feedback")
        verbose_name_plural = _("reader feedback")
        indexes = [
            models.Index(fields=["article", "closed_at"], name="feedback_article_open_idx"),
            models.Index(fields=["address_hash", "-created_at"], name="feedback_sender_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def _require_handler(self, user) -> None:
        if not user.has_perm(HANDLE_FEEDBACK):
            raise ModerationError(
                _("Only editors and nurse reviewers handle reader feedback."),
                code="permission_denied",
            )
        if not self.is_open:
            raise ModerationError(_("This feedback is already closed."), code="closed")

    def close(self, user, note: str, *, now=None) -> None:
        """Done with: what was done (or why nothing needs doing), for the others to see."""
        with transaction.atomic():
            locked = Feedback.objects.select_for_update().get(pk=self.pk)
            locked._require_handler(user)
            if not note.strip():
                raise ModerationError(
                    _("Say what you did about it, or why nothing needs doing."), code="note"
                )
            self._mark_closed(user, note, now)

    def start_revision(self, user, *, now=None):
        """A new revision of the article to fix what the reader found (or the one
        already open), and this feedback closed with a pointer to it."""
        with transaction.atomic():
            locked = Feedback.objects.select_for_update().get(pk=self.pk)
            locked._require_handler(user)
            revision = self.article.open_revision() or self.article.start_revision(user)
            self._mark_closed(
                user, _("A revision was started from this feedback."), now, revision=revision
            )
            return revision

    def _mark_closed(self, user, note, now, **fields) -> None:
        fields |= {"closed_at": now or timezone.now(), "closed_by": user, "close_note": note}
        for name, value in fields.items():
            setattr(self, name, value)
        self.save(update_fields=list(fields))

    def available_steps(self, user) -> list[str]:
        if not self.is_open or not user.has_perm(HANDLE_FEEDBACK):
            return []
        return ["close", "start_revision"]

    @classmethod
    def sent_today_by(cls, address_hash: str, *, now=None) -> bool:
        """Whether this visitor sent feedback in the last day: their first each day
        needs no CAPTCHA."""
        since = (now or timezone.now()) - timedelta(days=1)
        return cls.objects.filter(address_hash=address_hash, created_at__gte=since).exists()
