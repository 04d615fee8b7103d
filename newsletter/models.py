"""Subscribers, their consent, newsletter issues and one Delivery per recipient.

Nobody receives anything until they confirm (double opt-in); every email can
be left in one click; a Delivery row per (issue, subscriber), unique, makes
sure nobody is mailed twice or skipped, even when a sending worker dies.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Q
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Condition
from empower.links import LinkError, LinkKind, new_link_key
from empower.markup import render_markdown
from empower.records import Record
from empower.steps import StepRule, allowed_steps

__all__ = ["LinkError"]  # views catch it from here

# Links in emails (empower/links.py): the confirmation expires after
# NEWSLETTER_CONFIRM_DAYS; preferences and one-click unsubscribe never do (RFC
# 8058 asks for that); downloading or deleting one's data needs a fresh link.
CONFIRM_LINK = LinkKind("newsletter.confirm", "NEWSLETTER_CONFIRM_DAYS")
PERSONAL_LINK = LinkKind("newsletter.subscriber")
DATA_LINK = LinkKind("newsletter.data", "NEWSLETTER_DATA_LINK_DAYS")
FOLLOW_LINK = LinkKind("newsletter.follow")  # one-click stop: never expires

# The exact words people agree to. Change the version whenever the words change:
# each consent record keeps both, so we can show what someone agreed to.
CONSENT_VERSION = "2026-11-25"
CONSENT_TEXT = (
    "Yes, email me the topics I chose. I can change them or unsubscribe at any time "
    "with one click, and Empower will never share my address."
)
# What someone agrees to when they follow something (a question) by email.
FOLLOW_CONSENT_TEXT = (
    "Yes, email me when what I follow here gets a new answer or reply. I can stop with one "
    "click in each email, and Empower will never share my address."
)


SUBJECT_LENGTH = 150
SEND_PERMISSION = "newsletter.send_issue"


class IssueError(Exception):
    """A sending step that is not allowed now, with a message for the editor."""


@dataclass(frozen=True)
class SubscriberLinks:
    token: str
    preferences: str
    unsubscribe: str


# Reversed once: signed tokens are [A-Za-z0-9:_-], which URLs keep as they are.
TOKEN_MARK = "TOKEN"  # noqa: S105 (a placeholder, not a secret)
PREFERENCES_PATH = reverse_lazy("newsletter:preferences", args=[TOKEN_MARK])
UNSUBSCRIBE_PATH = reverse_lazy("newsletter:unsubscribe", args=[TOKEN_MARK])


def move_status(row, allowed: Collection[str], status: str, **fields) -> bool:
    """Change `row`'s status only if it is still one of `allowed`, in one UPDATE: of
    many requests at the same moment (double clicks, mail scanners, two editors, a
    worker), exactly one wins. False for the others."""
    changed = (
        type(row).objects.filter(pk=row.pk, status__in=allowed).update(status=status, **fields)
    )
    if changed:
        row.status = status
        for name, value in fields.items():
            setattr(row, name, value)
    return bool(changed)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        """Who may be mailed: confirmed, not unsubscribed, not bounced."""
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def confirmed_for(self, *, newsletter: bool = False, conditions=()):
        """Confirmed subscribers to the general newsletter and/or any of these conditions."""
        wanted = Q(pk__in=[])
        if newsletter:
            wanted |= Q(wants_newsletter=True)
        if conditions:
            wanted |= Q(
                pk__in=Subscriber.conditions.through.objects.filter(
                    condition__in=conditions
                ).values("subscriber")
            )
        return self.confirmed().filter(wanted)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Stopped: bounced or complained")

    email = models.EmailField(_("email"), unique=True)
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.PENDING)
    wants_newsletter = models.BooleanField(_("the health newsletter"), default=False)
    conditions = models.ManyToManyField(
        Condition, blank=True, related_name="+", verbose_name=_("updates on conditions")
    )
    source = models.CharField(
        max_length=200, blank=True, help_text=_("The page where they signed up.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    discreet = models.BooleanField(
        _("keep my emails discreet"),
        default=False,
        help_text=_("Subjects that name no question or condition."),
    )
    link_key = models.CharField(max_length=24, default=new_link_key, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "wants_newsletter"], name="subscriber_status_idx")
        ]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    # Links ---------------------------------------------------------------

    def token(self) -> str:
        """For their permanent links: preferences and one-click unsubscribe."""
        return PERSONAL_LINK.make(self)

    def links(self) -> "SubscriberLinks":
        """Their token and personal links, signed once (a newsletter needs them per message)."""
        token = self.token()
        return SubscriberLinks(
            token=token,
            preferences=settings.SITE_URL + PREFERENCES_PATH.replace(TOKEN_MARK, token),
            unsubscribe=settings.SITE_URL + UNSUBSCRIBE_PATH.replace(TOKEN_MARK, token),
        )

    def confirm_url(self) -> str:
        return settings.SITE_URL + reverse("newsletter:confirm", args=[CONFIRM_LINK.make(self)])

    def preferences_url(self) -> str:
        return self.links().preferences

    def unsubscribe_url(self) -> str:
        return self.links().unsubscribe

    def data_url(self) -> str:
        return settings.SITE_URL + reverse("newsletter:your_data", args=[DATA_LINK.make(self)])

    @classmethod
    def from_confirm_token(cls, token: str) -> "Subscriber":
        return CONFIRM_LINK.find(cls.objects, token)

    @classmethod
    def from_token(cls, token: str) -> "Subscriber":
        return PERSONAL_LINK.find(cls.objects, token)

    @classmethod
    def from_data_token(cls, token: str, *, even_if_expired: bool = False) -> "Subscriber":
        return DATA_LINK.find(cls.objects, token, even_if_expired=even_if_expired)

    # State changes ---------------------------------------------------------

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    def confirm(self, *, address_hash: str) -> bool:
        """Double opt-in's second step. False when it was already confirmed."""
        with transaction.atomic():
            if not move_status(
                self,
                [self.Status.PENDING],
                self.Status.CONFIRMED,
                confirmed_at=timezone.now(),
                unsubscribed_at=None,
            ):
                return False
            ConsentRecord.objects.create(
                subscriber=self,
                action=ConsentRecord.Action.CONFIRMED,
                source=self.source,
                consent_version=CONSENT_VERSION,
                consent_text=self.consent_text(),
                topics=self.topic_names(),
                address_hash=address_hash,
            )
            return True

    def set_topics(self, *, newsletter: bool, conditions, address_hash: str) -> bool:
        """Record the new choice of topics; False (and no record) when nothing changed."""
        with transaction.atomic():
            locked = Subscriber.objects.select_for_update().get(pk=self.pk)
            before = locked.topic_names()
            self.wants_newsletter = newsletter
            self.save(update_fields=["wants_newsletter"])
            self.conditions.set(conditions)
            if self.topic_names() == before:
                return False
            ConsentRecord.objects.create(
                subscriber=self,
                action=ConsentRecord.Action.TOPICS,
                source="preferences page",
                consent_version=CONSENT_VERSION,
                consent_text=CONSENT_TEXT,
                topics=self.topic_names(),
                address_hash=address_hash,
            )
            return True

    def unsubscribe(self, *, source: str, address_hash: str = "") -> bool:
        """Stop everything at once. False when there was nothing to stop."""
        with transaction.atomic():
            if not move_status(
                self,
                [self.Status.PENDING, self.Status.CONFIRMED],
                self.Status.UNSUBSCRIBED,
                unsubscribed_at=timezone.now(),
            ):
                return False
            ConsentRecord.objects.create(
                subscriber=self,
                action=ConsentRecord.Action.UNSUBSCRIBED,
                source=source,
                consent_version=CONSENT_VERSION,
                consent_text="",
                topics=[],
                address_hash=address_hash,
            )
            Delivery.objects.filter(subscriber=self, status=Delivery.Status.PENDING).update(
                status=Delivery.Status.SKIPPED, error="unsubscribed"
            )
            return True

    def record_bounce(self, kind: str, detail: str = "") -> None:
        """A hard bounce or a complaint stops mail; so do three soft bounces in 30 days."""
        Bounce.objects.create(subscriber=self, kind=kind, detail=detail[:500])
        recent_soft = self.bounces.filter(
            kind=Bounce.Kind.SOFT, at__gte=timezone.now() - timedelta(days=30)
        ).count()
        if kind in (Bounce.Kind.HARD, Bounce.Kind.COMPLAINT) or recent_soft >= 3:
            self.status = self.Status.BOUNCED
            self.save(update_fields=["status"])
            Delivery.objects.filter(subscriber=self, status=Delivery.Status.PENDING).update(
                status=Delivery.Status.SKIPPED, error=f"stopped after {kind} bounce"
            )

    def topic_names(self) -> list[str]:
        names = ["Health newsletter"] if self.wants_newsletter else []
        names += [f"{condition.name} updates" for condition in self.conditions.all()]
        return names + [follow.label() for follow in self.follows.active()]

    def consent_text(self) -> str:
        """The words they agree to when confirming: the newsletter's, a follow's, or both."""
        wants_issues = self.wants_newsletter or self.conditions.exists()
        texts = [CONSENT_TEXT] if wants_issues else []
        if self.follows.active().exists():
            texts.append(FOLLOW_CONSENT_TEXT)
        return " ".join(texts) or CONSENT_TEXT

    def export(self) -> dict:
        return {
            "email": self.email,
            "status": self.status,
            "topics": self.topic_names(),
            "signed_up_at": self.created_at.isoformat(),
            "signed_up_from": self.source,
            "confirmed_at": _iso(self.confirmed_at),
            "consent_records": [
                {
                    "at": record.at.isoformat(),
                    "action": record.action,
                    "from": record.source,
                    "wording_version": record.consent_version,
                    "wording": record.consent_text,
                    "topics": record.topics,
                }
                for record in self.consents.order_by("at")
            ],
            # What they follow says what they care about: it is theirs to see.
            "follows": [
                {
                    "following": follow.label(),
                    "address": follow.target.get_absolute_url() if follow.target else None,
                    "since": follow.created_at.isoformat(),
                    "stopped_at": _iso(follow.stopped_at),
                }
                for follow in self.follows.order_by("created_at", "pk")
            ],
            "emails_sent": [
                {"issue": delivery.issue.subject, "sent_at": _iso(delivery.sent_at)}
                for delivery in self.deliveries.filter(status=Delivery.Status.SENT)
                .select_related("issue")
                .order_by("sent_at")
            ],
            "bounces": [
                {"at": bounce.at.isoformat(), "kind": bounce.kind} for bounce in self.bounces.all()
            ],
        }


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


class ConsentRecord(Record):
    """What someone agreed to, when, where, and in which words. Kept, never edited."""

    changed_message = _("Consent records cannot be changed.")

    class Action(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed a subscription")
        TOPICS = "topics", _("changed topics")
        FOLLOWED = "followed", _("followed")
        STOPPED = "stopped", _("stopped following")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    action = models.CharField(max_length=15, choices=Action.choices)
    at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=200, blank=True)
    consent_version = models.CharField(max_length=20)
    consent_text = models.TextField(blank=True)
    topics = models.JSONField(default=list)
    address_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.subscriber} {self.get_action_display()} on {self.at:%Y-%m-%d}"


class FollowQuerySet(models.QuerySet):
    def active(self):
        return self.filter(stopped_at=None)

    def of(self, target):
        return self.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        )

    def to_tell(self, target):
        """Whom to email about `target` now: active follows of confirmed subscribers."""
        return (
            self.of(target)
            .active()
            .filter(subscriber__status=Subscriber.Status.CONFIRMED)
            .select_related("subscriber")
        )


class Follow(models.Model):
    """A subscriber hears about one thing (a question) by email, until they stop.

    The newsletter knows nothing of what is followed: the other app says what it
    is called (`str()`), where it is (`get_absolute_url()`) and when to write.
    Nothing is sent before the subscriber confirms their address.
    """

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="follows")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(default=timezone.now)
    stopped_at = models.DateTimeField(null=True, blank=True)
    link_key = models.CharField(max_length=24, default=new_link_key, editable=False)

    objects = FollowQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "content_type", "object_id"], name="one_follow_per_thing"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="follow_target_idx")]

    def __str__(self):
        return f"{self.subscriber} follows {self.content_type.model} {self.object_id}"

    def label(self) -> str:
        """What the following app calls it (`follow_label()`), e.g. "New answers to …"."""
        target = self.target
        if target is None:
            return "Something no longer on the site"
        return target.follow_label() if hasattr(target, "follow_label") else str(target)

    @property
    def is_active(self) -> bool:
        return self.stopped_at is None

    def should_hear_of(self, post) -> bool:
        """Posts published since they followed, and not their own."""
        published_at = getattr(post, "moderated_at", None) or post.created_at
        return (
            published_at >= self.created_at
            and getattr(post, "author_email", "").lower() != self.subscriber.email
        )

    def links(self) -> SubscriberLinks:
        """For the headers and the footer: this follow's one-click stop, and the settings page."""
        token = FOLLOW_LINK.make(self)
        return SubscriberLinks(
            token=token,
            preferences=self.subscriber.preferences_url(),
            unsubscribe=settings.SITE_URL + reverse("newsletter:stop_follow", args=[token]),
        )

    @classmethod
    def from_token(cls, token: str) -> "Follow":
        return FOLLOW_LINK.find(cls.objects.select_related("subscriber"), token)

    @classmethod
    def start(cls, subscriber: Subscriber, target, *, source: str, address_hash: str) -> "Follow":
        """Follow `target` (again), recording the consent in its words."""
        with transaction.atomic():
            follow, _created = cls.objects.get_or_create(
                subscriber=subscriber,
                content_type=ContentType.objects.get_for_model(target),
                object_id=target.pk,
            )
            if follow.stopped_at:
                follow.stopped_at = None
                follow.created_at = timezone.now()  # only answers from now on
                follow.save(update_fields=["stopped_at", "created_at"])
            follow.target = target
            follow._record(ConsentRecord.Action.FOLLOWED, source, FOLLOW_CONSENT_TEXT, address_hash)
            return follow

    def stop(self, *, source: str, address_hash: str = "") -> bool:
        """False when it was stopped already (a double click, a mail scanner)."""
        with transaction.atomic():
            if not Follow.objects.filter(pk=self.pk, stopped_at=None).update(
                stopped_at=timezone.now()
            ):
                return False
            self._record(ConsentRecord.Action.STOPPED, source, "", address_hash)
            return True

    def _record(self, action: str, source: str, text: str, address_hash: str) -> None:
        ConsentRecord.objects.create(
            subscriber=self.subscriber,
            action=action,
            source=source[:200],
            consent_version=CONSENT_VERSION,
            consent_text=text,
            topics=[self.label()],
            address_hash=address_hash,
        )


def follow_by_email(email: str, target, *, discreet: bool, source: str, address_hash: str):
    """Someone asks to hear about `target`. A confirmed address follows at once; any
    other is asked to confirm first (double opt-in), and nothing is sent before."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            subscriber, _created = Subscriber.objects.get_or_create(
                email=email, defaults={"source": source[:200]}
            )
    except IntegrityError:  # the same address, sent twice at the same moment
        subscriber = Subscriber.objects.get(email=email)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Subscriber.Status.BOUNCED:
            return  # their mail bounces or they complained: send nothing
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            # They left everything: confirming this follow must not bring the rest back.
            subscriber.wants_newsletter = False
            subscriber.conditions.clear()
            subscriber.status = Subscriber.Status.PENDING
        subscriber.discreet = subscriber.discreet or discreet
        subscriber.save(update_fields=["status", "wants_newsletter", "discreet"])
        Follow.start(subscriber, target, source=source, address_hash=address_hash)
        if subscriber.status == Subscriber.Status.PENDING:
            from newsletter.tasks import send_signup_email

            send_signup_email.enqueue(subscriber.pk)


class Bounce(models.Model):
    class Kind(models.TextChoices):
        HARD = "hard", _("Hard bounce")
        SOFT = "soft", _("Soft bounce")
        COMPLAINT = "complaint", _("Complaint")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="bounces")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    detail = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.subscriber}"


class Issue(models.Model):
    """One newsletter email (or condition update), written once, sent to many."""

    class Kind(models.TextChoices):
        NEWSLETTER = "newsletter", _("Newsletter")
        CONDITION_UPDATE = "update", _("Condition update")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        PAUSED = "paused", _("Paused")
        SENT = "sent", _("Sent")

    # Who may take each sending step, and from which statuses.
    STEPS = {
        "test": StepRule.of(SEND_PERMISSION, Status.values),
        "send": StepRule.of(SEND_PERMISSION, [Status.DRAFT, Status.SCHEDULED]),
        "schedule": StepRule.of(SEND_PERMISSION, [Status.DRAFT, Status.SCHEDULED]),
        "pause": StepRule.of(SEND_PERMISSION, [Status.SENDING]),
        "resume": StepRule.of(SEND_PERMISSION, [Status.PAUSED]),
    }

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NEWSLETTER)
    subject = models.CharField(
        _("subject"),
        max_length=SUBJECT_LENGTH,
        validators=[
            RegexValidator(r"[\r\n]", inverse_match=True, message=_("A subject is one line."))
        ],
    )
    body = models.TextField(
        _("body"), help_text=_("Markdown. Sent as HTML and as plain text; links must be full.")
    )
    body_html = models.TextField(editable=False, blank=True)
    to_newsletter = models.BooleanField(_("health newsletter subscribers"), default=True)
    to_conditions = models.ManyToManyField(
        Condition,
        blank=True,
        related_name="+",
        verbose_name=_("subscribers to updates on"),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        permissions = [("send_issue", "Can send, schedule, pause and resume newsletter issues")]

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    @property
    def is_editable(self) -> bool:
        """Once sending starts, the words are what subscribers got."""
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    def available_steps(self, user) -> list[str]:
        """The sending steps `user` may take now (the step methods still check)."""
        return allowed_steps(self.STEPS, user, self.status)

    def _require(self, by, step: str) -> None:
        rule = self.STEPS[step]
        if by is not None and not by.has_perm(rule.permission):
            raise IssueError("Only editors can send newsletters.")
        self.refresh_from_db(fields=["status"])  # workers change it behind our back
        if self.status not in rule.states:
            raise IssueError(
                f"You can't {step} an issue that is {self.get_status_display().lower()}."
            )

    def start_sending(self, by) -> int:
        """Create one Delivery per confirmed recipient and start the workers."""
        with transaction.atomic():
            from newsletter.tasks import start_workers

            locked = Issue.objects.select_for_update().get(pk=self.pk)
            locked._require(by, "send")
            recipients = list(self.recipients().values_list("pk", flat=True))
            Delivery.objects.bulk_create(
                (Delivery(issue=self, subscriber_id=pk) for pk in recipients),
                batch_size=2000,
                ignore_conflicts=True,
            )
            self.status = self.Status.SENDING
            self.started_at = timezone.now()
            self.save(update_fields=["status", "started_at"])
            start_workers(self.pk)
            return len(recipients)

    def _move(self, by, step: str, status: str, **fields) -> None:
        """Change status only if it is still one the step may be taken from: workers
        and other editors may change it at the same moment."""
        self._require(by, step)
        if not move_status(self, self.STEPS[step].states, status, **fields):
            raise IssueError(f"The issue changed meanwhile; reload the page and {step} again.")

    def schedule(self, by, at, *, now=None) -> None:
        if at <= (now or timezone.now()):
            raise IssueError("Choose a time in the future.")
        self._move(by, "schedule", self.Status.SCHEDULED, scheduled_for=at)

    def pause(self, by) -> None:
        self._move(by, "pause", self.Status.PAUSED)

    def resume(self, by) -> None:
        from newsletter.tasks import start_workers

        self._move(by, "resume", self.Status.SENDING)
        start_workers(self.pk)

    def send_test(self, user) -> None:
        """The issue as a subscriber would get it, to the editor's own address."""
        from newsletter.sending import IssueRenderer

        self._require(user, "test")
        if not user.email:
            raise IssueError("Add an email address to your account first.")
        preview = Subscriber(email=user.email, pk=0)
        message = IssueRenderer(self).message_for(preview)
        message.subject = f"[Test] {message.subject}"
        message.send()

    def recipients(self):
        return Subscriber.objects.confirmed_for(
            newsletter=self.to_newsletter, conditions=list(self.to_conditions.all())
        )

    def progress(self) -> dict:
        counts = dict(self.deliveries.order_by().values_list("status").annotate(n=Count("pk")))
        total = sum(counts.values())
        sent = counts.get(Delivery.Status.SENT, 0)
        failed = counts.get(Delivery.Status.FAILED, 0)
        skipped = counts.get(Delivery.Status.SKIPPED, 0)
        return {
            "status": self.status,
            "total": total,
            "sent": sent,
            "failed": failed,
            "skipped": skipped,
            "remaining": total - sent - failed - skipped,
        }


class Delivery(models.Model):
    """One issue to one subscriber. Unique: the guarantee against sending twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_per_issue")
        ]
        indexes = [
            models.Index(fields=["issue", "status", "claimed_until"], name="delivery_claim_idx")
        ]

    def __str__(self):
        return f"{self.issue} to {self.subscriber}"
