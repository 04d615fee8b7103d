"""Sending an issue: claim a batch of deliveries, send it over one SMTP connection, repeat.

Any number of workers (`manage.py db_worker`, on any machine) run `deliver()`
for the same issue at once. Each claims up to NEWSLETTER_BATCH_SIZE pending
deliveries with a time-limited lease (SELECT ... FOR UPDATE SKIP LOCKED on
PostgreSQL), sends them, and marks each one sent as soon as the SMTP server
accepts it. A worker that dies leaves its unsent rows to be claimed again when
the lease runs out; rows already marked sent are never sent again.
"""

import logging
import smtplib
import time
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import connection, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from empower.emails import message_id
from newsletter.mime import ListMessage, MessageTemplate
from newsletter.models import Delivery, Issue, Subscriber

logger = logging.getLogger(__name__)

# Per-recipient parts of a rendered issue; replaced for each subscriber.
PREFERENCES_MARK = "{{{preferences_url}}}"
UNSUBSCRIBE_MARK = "{{{unsubscribe_url}}}"


class ConnectionFailed(Exception):
    """The SMTP server could not be reached or dropped us: retry the batch later."""


def new_worker_id() -> str:
    return uuid.uuid4().hex[:16]


def claim_batch(issue_id: int, worker_id: str, size: int) -> list[int]:
    """Lease up to `size` pending deliveries to this worker; others skip them."""
    with transaction.atomic():
        now = timezone.now()
        claimable = (
            Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING)
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
            .order_by("pk")
        )
        if connection.features.has_select_for_update_skip_locked:
            claimable = claimable.select_for_update(skip_locked=True)
        ids = list(claimable.values_list("pk", flat=True)[:size])
        Delivery.objects.filter(pk__in=ids).update(
            claimed_by=worker_id,
            claimed_until=now + timedelta(seconds=settings.NEWSLETTER_LEASE_SECONDS),
        )
        return ids


def deliver(issue_id: int, worker_id: str | None = None, clock=time.monotonic) -> int:
    """Send batches of this issue until none is left to claim; return how many were sent.

    `clock` times the leases (tests pass their own)."""
    worker_id = worker_id or new_worker_id()
    fast_commits = connection.vendor == "postgresql"
    if fast_commits:
        # Each "sent" mark is its own small commit; not waiting for the disk to
        # confirm it makes them cheap. A dead worker loses nothing by it: the
        # server has the commit. Only a crash of the database server itself
        # could forget the last fraction of a second of marks.
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
    sent = 0
    try:
        renderer = IssueRenderer(Issue.objects.get(pk=issue_id))
        while Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).exists():
            ids = claim_batch(issue_id, worker_id, settings.NEWSLETTER_BATCH_SIZE)
            if not ids:
                break
            sent += send_batch(renderer, ids, worker_id, clock)
    finally:
        if fast_commits:
            with connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")
    finish_if_done(issue_id)
    return sent


class Lease:
    """This worker's hold on its batch. Renewed while half of it is left, so a
    message is only ever sent while no other worker can take its row."""

    def __init__(self, worker_id: str, ids: list[int], clock=time.monotonic):
        self.worker_id = worker_id
        self.clock = clock
        self.seconds = settings.NEWSLETTER_LEASE_SECONDS
        self.renew_after = clock() + self.seconds / 2
        self.held = set(ids)

    def holds(self, delivery_id: int) -> bool:
        if self.clock() >= self.renew_after:
            self.renew()
        return delivery_id in self.held

    def renew(self) -> None:
        now = timezone.now()
        still_ours = Delivery.objects.filter(
            pk__in=self.held,
            claimed_by=self.worker_id,
            claimed_until__gt=now,
            status=Delivery.Status.PENDING,
        )
        self.held = set(still_ours.values_list("pk", flat=True))
        Delivery.objects.filter(pk__in=self.held).update(
            claimed_until=now + timedelta(seconds=self.seconds)
        )
        self.renew_after = self.clock() + self.seconds / 2


def send_batch(
    renderer: "IssueRenderer", ids: list[int], worker_id: str = "", clock=time.monotonic
) -> int:
    """Send these claimed deliveries over one SMTP connection."""
    batch = (
        Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING)
        .select_related("subscriber")
        .order_by("pk")
    )
    lease = Lease(worker_id, ids, clock)
    sent = 0
    remaining = list(batch)
    mailer = mailers.default
    try:
        mailer.open()
    except (OSError, smtplib.SMTPException) as error:
        release(remaining, error)
        raise ConnectionFailed(str(error)) from error
    try:
        for index, delivery in enumerate(remaining):
            if not lease.holds(delivery.pk):
                continue  # our lease ran out and another worker has it now
            subscriber = delivery.subscriber
            if subscriber.status != Subscriber.Status.CONFIRMED:
                mark(delivery, Delivery.Status.SKIPPED, error=f"subscriber {subscriber.status}")
                continue
            try:
                send_one(mailer, renderer, subscriber)
            except smtplib.SMTPRecipientsRefused as error:
                refused(delivery, error)
            except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError) as error:
                release(remaining[index:], error)
                raise ConnectionFailed(str(error)) from error
            except Exception as error:  # one bad message must not stall the rest
                logger.exception("Could not send delivery %s", delivery.pk)
                fail(delivery, error)
            else:
                mark(delivery, Delivery.Status.SENT)
                sent += 1
    finally:
        mailer.close()
    return sent


def refused(delivery: Delivery, error: smtplib.SMTPRecipientsRefused) -> None:
    """The server refused this address: permanently (5xx), a hard bounce; otherwise retry."""
    codes = [code for code, _message in error.recipients.values()]
    if codes and all(500 <= code < 600 for code in codes):
        mark(delivery, Delivery.Status.FAILED, error=str(error))
        delivery.subscriber.record_bounce("hard", str(error))
    else:
        fail(delivery, error)


MARK_SQL = (
    f"UPDATE {Delivery._meta.db_table} SET status = %s, error = %s, attempts = attempts + 1, "  # noqa: S608
    "sent_at = %s, claimed_until = NULL WHERE id = %s AND status = %s"
)


def mark(delivery: Delivery, status: str, error: str = "") -> None:
    """Record the outcome at once: what is marked sent is never sent again.

    Plain SQL because it runs once per message, and the ORM's query building
    would cost as much as the round trip.
    """
    sent_at = timezone.now() if status == Delivery.Status.SENT else None
    with connection.cursor() as cursor:
        cursor.execute(
            MARK_SQL, [status, error[:300], sent_at, delivery.pk, Delivery.Status.PENDING]
        )


def fail(delivery: Delivery, error: Exception) -> None:
    """Record a failure; try again later with backoff, up to NEWSLETTER_MAX_ATTEMPTS."""
    attempts = delivery.attempts + 1
    if attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        mark(delivery, Delivery.Status.FAILED, error=str(error))
        return
    Delivery.objects.filter(pk=delivery.pk).update(
        attempts=attempts, error=str(error)[:300], claimed_until=timezone.now() + backoff(attempts)
    )


def release(deliveries: list[Delivery], error: Exception) -> None:
    """Give claimed rows back after a connection failure, to be tried again after a pause.

    The server being away says nothing about the recipients, so it doesn't
    count as one of their attempts.
    """
    Delivery.objects.filter(
        pk__in=[delivery.pk for delivery in deliveries], status=Delivery.Status.PENDING
    ).update(error=str(error)[:300], claimed_until=timezone.now() + backoff(1))


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, 4 min ... at most an hour."""
    return timedelta(seconds=min(30 * 2 ** (attempts - 1), 3600))


def finish_if_done(issue_id: int) -> bool:
    if Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING).exists():
        return False
    updated = Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
        status=Issue.Status.SENT, finished_at=timezone.now()
    )
    return bool(updated)


class IssueRenderer:
    """Renders an issue's templates once, then fills in each subscriber's own links."""

    def __init__(self, issue: Issue):
        self.issue = issue
        context = {
            "issue": issue,
            "preferences_url": PREFERENCES_MARK,
            "unsubscribe_url": UNSUBSCRIBE_MARK,
            "site_url": settings.SITE_URL,
        }
        self.text = absolute_links(render_to_string("newsletter/email/issue.txt", context))
        self.text_footer = render_to_string("newsletter/email/issue_footer.txt", context)
        self.html = absolute_links(render_to_string("newsletter/email/issue.html", context))
        self.html_footer = render_to_string("newsletter/email/issue_footer.html", context)
        self.template = self._template(issue.subject)
        # A condition update's subject names a health condition: readers who asked
        # for discreet emails get one that names nothing.
        self.discreet_template = self.template
        if issue.kind == Issue.Kind.CONDITION_UPDATE:
            self.discreet_template = self._template(f"An update from {settings.SITE_NAME}")

    def _template(self, subject: str) -> MessageTemplate:
        return MessageTemplate(
            subject=subject,
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            text=self.text,
            html=self.html,
            text_footer=self.text_footer,
            html_footer=self.html_footer,
        )

    def template_for(self, subscriber: Subscriber) -> MessageTemplate:
        return self.discreet_template if subscriber.discreet else self.template

    def list_headers(self, links) -> dict:
        return {"List-Id": list_id(self.issue), **list_unsubscribe_headers(links)}

    def personaliser(self, subscriber: Subscriber):
        links = subscriber.links()

        def personalise(text: str) -> str:
            return text.replace(PREFERENCES_MARK, links.preferences).replace(
                UNSUBSCRIBE_MARK, links.unsubscribe
            )

        return links, personalise

    def raw_message_for(self, subscriber: Subscriber) -> bytes:
        """The fast path, for SMTP: bytes ready for sendmail()."""
        links, personalise = self.personaliser(subscriber)
        template = self.template_for(subscriber)
        return template.render(subscriber.email, self.list_headers(links), personalise)

    def message_for(self, subscriber: Subscriber) -> EmailMultiAlternatives:
        """The same message as an EmailMessage, for other mail backends and test sends."""
        links, personalise = self.personaliser(subscriber)
        message = ListMessage(
            subject=self.template_for(subscriber).subject,
            body=self.text + personalise(self.text_footer),
            from_email=settings.NEWSLETTER_FROM_EMAIL,
            to=[subscriber.email],
            headers={
                "Message-ID": message_id(settings.NEWSLETTER_FROM_EMAIL),
                **self.list_headers(links),
            },
        )
        message.attach_alternative(self.html + personalise(self.html_footer), "text/html")
        return message


def absolute_links(text: str) -> str:
    """Links in an email must work outside the site: /path becomes https://site/path."""
    site = settings.SITE_URL
    return text.replace('href="/', f'href="{site}/').replace("](/", f"]({site}/")


def send_one(mailer, renderer: IssueRenderer, subscriber: Subscriber) -> None:
    """Send over the mailer's open connection; SMTP gets the pre-encoded fast path."""
    smtp = getattr(mailer, "connection", None)
    if isinstance(smtp, smtplib.SMTP) and MessageTemplate.can_send_to(subscriber.email):
        smtp.sendmail(
            settings.NEWSLETTER_FROM_EMAIL, [subscriber.email], renderer.raw_message_for(subscriber)
        )
    else:
        mailer.send_messages([renderer.message_for(subscriber)])


def list_id(issue: Issue) -> str:
    """RFC 2919: which list a message comes from, so mail clients can sort and filter it."""
    host = urlsplit(settings.SITE_URL).hostname
    name = settings.SITE_NAME if settings.SITE_NAME.isascii() else ""
    if issue.kind == Issue.Kind.CONDITION_UPDATE:
        return f"{name} condition updates <updates.{host}>".strip()
    return f"{name} health newsletter <newsletter.{host}>".strip()


def list_unsubscribe_headers(links, *, mailto: bool = True) -> dict:
    """RFC 2369 and RFC 8058: mail clients show an Unsubscribe button that works in one click.

    `mailto=False` for links that stop less than everything (one follow): the mailbox
    that takes unsubscribe requests knows only subscribers' tokens."""
    targets = [f"<{links.unsubscribe}>"]
    if mailto and settings.NEWSLETTER_UNSUBSCRIBE_MAILTO:
        targets.append(
            f"<mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}?subject=unsubscribe%20{links.token}>"
        )
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
