"""How an issue is delivered: leases, retries, refusals, skips and finishing.

Each worker claims a batch, holds it by a lease it renews, sends over one
connection, marks each message at once, and gives back what it could not send.
"""

import logging
import smtplib
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletter.models import Bounce, Delivery, Issue, Subscriber
from newsletter.sending import (
    ConnectionFailed,
    IssueRenderer,
    Lease,
    backoff,
    claim_batch,
    deliver,
    fail,
    finish_if_done,
    list_id,
    list_unsubscribe_headers,
    mark,
    refused,
    release,
    send_batch,
)

pytestmark = pytest.mark.django_db


class Clock:
    """A monotonic clock that a test moves by hand; `on_tick(n)` runs before tick n."""

    def __init__(self, times, on_tick=None):
        self.times = list(times)
        self.ticks = 0
        self.on_tick = on_tick or (lambda n: None)

    def __call__(self):
        self.ticks += 1
        self.on_tick(self.ticks)
        return self.times[min(self.ticks, len(self.times)) - 1]


class Mailer(EmailBackend):
    """locmem, but counting connections and failing where a test says."""

    opened = 0
    fail_for: dict = {}
    watch_commit_mode = False
    commit_modes: list = []

    def open(self):
        if "open" in Mailer.fail_for:
            raise Mailer.fail_for["open"]
        Mailer.opened += 1
        return super().open()

    def send_messages(self, messages):
        for message in messages:
            if message.to[0] in Mailer.fail_for:
                raise Mailer.fail_for[message.to[0]]
        if Mailer.watch_commit_mode:
            with connection.cursor() as cursor:
                cursor.execute("SHOW synchronous_commit")
                Mailer.commit_modes.append(cursor.fetchone()[0])
        return super().send_messages(messages)


@pytest.fixture
def mailer(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.test_newsletter_delivery.Mailer"}}
    Mailer.opened = 0
    Mailer.fail_for = {}
    Mailer.watch_commit_mode = False
    Mailer.commit_modes = []
    return Mailer


def readers(count, name="reader"):
    return [
        Subscriber.objects.create(
            email=f"{name}{n}@example.org", status="confirmed", wants_newsletter=True
        )
        for n in range(count)
    ]


def sending_issue(subscribers, **fields):
    """An issue being sent, with one pending delivery per subscriber (in that order)."""
    news = Issue.objects.create(subject="News", body="Hello", status=Issue.Status.SENDING, **fields)
    Delivery.objects.bulk_create(Delivery(issue=news, subscriber=s) for s in subscribers)
    return news


def deliveries(news):
    return list(Delivery.objects.filter(issue=news).order_by("pk"))


def sent_to():
    return [message.to[0] for message in mail.outbox]


# Leases ----------------------------------------------------------------------


def test_a_lease_is_renewed_half_way_through_its_time(settings):
    settings.NEWSLETTER_LEASE_SECONDS = 100
    lease = Lease("w1", [1, 2], clock=Clock([1000.0]))
    assert lease.renew_after == 1050.0
    assert lease.worker_id == "w1"


def test_a_lease_asks_the_database_only_once_its_renewal_is_due(settings):
    settings.NEWSLETTER_LEASE_SECONDS = 100
    news = sending_issue(readers(2))
    ids = claim_batch(news.pk, "w1", 10)
    lease = Lease("w1", ids, clock=Clock([1000.0, 1049.9, 1050.0]))
    with CaptureQueriesContext(connection) as before:
        assert lease.holds(ids[0])
    assert len(before) == 0
    with CaptureQueriesContext(connection) as due:
        assert lease.holds(ids[0])  # exactly at renew_after: renewed
    assert len(due) == 2
    assert lease.renew_after == 1050.0 + 50


def test_renewing_keeps_only_rows_still_ours_pending_and_in_date(settings):
    settings.NEWSLETTER_LEASE_SECONDS = 100
    news = sending_issue(readers(5))
    ids = claim_batch(news.pk, "w1", 10)
    # The same worker's claim on another issue's row is another lease.
    [elsewhere] = claim_batch(sending_issue(readers(1, name="other")).pk, "w1", 10)
    elsewhere_until = Delivery.objects.get(pk=elsewhere).claimed_until
    taken, expired, sent = ids[0], ids[1], ids[2]
    Delivery.objects.filter(pk=taken).update(claimed_by="w2")
    Delivery.objects.filter(pk=expired).update(claimed_until=timezone.now() - timedelta(seconds=1))
    Delivery.objects.filter(pk=sent).update(status=Delivery.Status.SENT)
    lease = Lease("w1", ids, clock=Clock([0.0]))
    taken_until = Delivery.objects.get(pk=taken).claimed_until
    before = timezone.now()
    lease.renew()
    after = timezone.now()
    assert lease.held == {ids[3], ids[4]}
    for row in Delivery.objects.filter(pk__in=ids[3:]):
        assert (
            before + timedelta(seconds=100) <= row.claimed_until <= after + timedelta(seconds=100)
        )
    assert Delivery.objects.get(pk=taken).claimed_until == taken_until, "not ours to extend"
    assert Delivery.objects.get(pk=elsewhere).claimed_until == elsewhere_until, "not this lease's"


def test_a_worker_that_loses_its_lease_mid_batch_stops_sending_those_rows(settings, mailer):
    """While the slow worker sends its first message, a second one takes over the
    rest of its batch: the slow worker must send none of them."""
    settings.NEWSLETTER_LEASE_SECONDS = 100
    news = sending_issue(readers(5))
    ids = claim_batch(news.pk, "slow", 10)

    def second_worker_takes_the_rest(tick):
        if tick == 3:  # before the second message's lease check
            Delivery.objects.filter(pk__in=ids[1:]).update(
                claimed_by="fast", claimed_until=timezone.now() + timedelta(seconds=100)
            )

    # Ticks: the lease is made at 0; message 1 checked at 10; message 2 at 60 (renewal due).
    clock = Clock([0.0, 10.0, 60.0, 70.0, 80.0, 90.0], on_tick=second_worker_takes_the_rest)
    assert send_batch(IssueRenderer(news), ids, "slow", clock) == 1
    assert sent_to() == ["reader0@example.org"]
    rest = Delivery.objects.filter(pk__in=ids[1:])
    assert set(rest.values_list("status", "claimed_by")) == {("pending", "fast")}


def test_delivering_checks_the_lease_on_the_workers_own_clock(settings, mailer):
    settings.NEWSLETTER_LEASE_SECONDS = 100
    news = sending_issue(readers(4))

    def second_worker_takes_the_rest(tick):
        if tick == 3:
            Delivery.objects.filter(issue=news).exclude(
                subscriber__email="reader0@example.org"
            ).update(claimed_by="fast", claimed_until=timezone.now() + timedelta(seconds=100))

    clock = Clock([0.0, 10.0, 60.0, 70.0, 80.0, 90.0], on_tick=second_worker_takes_the_rest)
    assert deliver(news.pk, "slow", clock) == 1
    assert sent_to() == ["reader0@example.org"]


def test_a_worker_skips_only_the_rows_it_lost_and_sends_the_others(settings, mailer):
    settings.NEWSLETTER_LEASE_SECONDS = 100
    news = sending_issue(readers(3))
    ids = claim_batch(news.pk, "slow", 10)
    Delivery.objects.filter(pk=ids[0]).update(claimed_by="fast")
    clock = Clock([0.0, 60.0, 61.0, 62.0])  # renewal due at the first check
    assert send_batch(IssueRenderer(news), ids, "slow", clock) == 2
    assert sent_to() == ["reader1@example.org", "reader2@example.org"]


def test_a_worker_renewing_its_own_lease_sends_everything(settings, mailer):
    settings.NEWSLETTER_LEASE_SECONDS = 100
    news = sending_issue(readers(4))
    clock = Clock([0.0] + [100.0 * n for n in range(1, 20)])  # renewal due at every check
    assert deliver(news.pk, "w1", clock) == 4
    assert len(mail.outbox) == 4


# What a batch sends ------------------------------------------------------------


def test_a_batch_sends_only_its_own_pending_rows(mailer):
    news = sending_issue(readers(4))
    rows = deliveries(news)
    Delivery.objects.filter(pk=rows[1].pk).update(status=Delivery.Status.SENT)
    assert send_batch(IssueRenderer(news), [rows[0].pk, rows[1].pk]) == 1
    assert sent_to() == ["reader0@example.org"]
    assert Delivery.objects.get(pk=rows[2].pk).status == "pending"


def test_a_subscriber_who_left_while_the_issue_waited_is_skipped_and_recorded(mailer):
    people = readers(3)
    news = sending_issue(people)
    Subscriber.objects.filter(pk=people[0].pk).update(status=Subscriber.Status.BOUNCED)
    assert send_batch(IssueRenderer(news), [d.pk for d in deliveries(news)]) == 2
    assert sent_to() == ["reader1@example.org", "reader2@example.org"]
    first = deliveries(news)[0]
    assert (first.status, first.error, first.sent_at) == ("skipped", "subscriber bounced", None)


def test_unsubscribing_while_an_issue_is_sent_skips_the_rest_of_it(editor, mailer):
    people = readers(2)
    news = sending_issue(people)
    people[1].unsubscribe(source="one-click")
    deliver(news.pk)
    assert sent_to() == ["reader0@example.org"]
    assert Delivery.objects.get(subscriber=people[1]).status == "skipped"
    news.refresh_from_db()
    assert news.status == Issue.Status.SENT


def test_pending_subscribers_get_nothing(editor, mailer):
    Subscriber.objects.create(email="pending@example.org", wants_newsletter=True)
    readers(1)
    Issue.objects.create(subject="News", body="Hi").start_sending(editor)
    assert sent_to() == ["reader0@example.org"]
    assert not Delivery.objects.filter(subscriber__email="pending@example.org").exists()


def test_a_batch_costs_the_same_queries_for_two_or_six_readers(mailer):
    def queries_for(count):
        Delivery.objects.all().delete()
        Subscriber.objects.all().delete()
        news = sending_issue(readers(count))
        ids = [d.pk for d in deliveries(news)]
        renderer = IssueRenderer(news)
        with CaptureQueriesContext(connection) as captured:
            send_batch(renderer, ids)
        return len(captured) - count  # one "sent" mark per message is the rule

    assert queries_for(2) == queries_for(6)


def test_batches_are_as_large_as_the_setting_each_over_one_connection(settings, mailer):
    settings.NEWSLETTER_BATCH_SIZE = 2
    news = sending_issue(readers(5))
    assert deliver(news.pk) == 5
    assert Mailer.opened == 3


def test_delivering_an_issue_that_is_not_being_sent_sends_nothing(mailer):
    paused = sending_issue(readers(2))
    Issue.objects.filter(pk=paused.pk).update(status=Issue.Status.PAUSED)
    other = Issue.objects.create(subject="Other", body="x", status=Issue.Status.SENDING)
    assert deliver(paused.pk) == 0
    assert mail.outbox == []
    other.refresh_from_db()
    assert other.status == Issue.Status.SENDING


def test_a_message_that_cannot_be_built_is_logged_retried_and_does_not_stop_the_rest(
    mailer, caplog
):
    news = sending_issue(readers(3))
    Mailer.fail_for = {"reader0@example.org": ValueError("bad header")}
    rows = deliveries(news)
    with caplog.at_level(logging.ERROR, logger="newsletter.sending"):
        assert send_batch(IssueRenderer(news), [d.pk for d in rows]) == 2
    assert [r.getMessage() for r in caplog.records] == [f"Could not send delivery {rows[0].pk}"]
    first = Delivery.objects.get(pk=rows[0].pk)
    assert (first.status, first.attempts, first.error) == ("pending", 1, "bad header")


def test_when_the_server_cannot_be_reached_the_batch_is_given_back(mailer):
    news = sending_issue(readers(2))
    Mailer.fail_for = {"open": OSError("connection refused")}
    rows = deliveries(news)
    before = timezone.now()
    with pytest.raises(ConnectionFailed, match="connection refused"):
        send_batch(IssueRenderer(news), [d.pk for d in rows])
    for row in deliveries(news):
        assert (row.status, row.attempts, row.error) == ("pending", 0, "connection refused")
        assert row.claimed_until >= before + timedelta(seconds=30)


def test_a_dropped_connection_gives_back_the_rest_of_the_batch(mailer):
    news = sending_issue(readers(4))
    Mailer.fail_for = {"reader2@example.org": smtplib.SMTPServerDisconnected("gone away")}
    rows = deliveries(news)
    with pytest.raises(ConnectionFailed, match="gone away"):
        send_batch(IssueRenderer(news), [d.pk for d in rows])
    statuses = [(row.status, row.error) for row in deliveries(news)]
    assert statuses == [
        ("sent", ""), ("sent", ""), ("pending", "gone away"), ("pending", "gone away")
    ]  # fmt: skip


# Marks, failures and refusals ----------------------------------------------------


def test_a_mark_is_final_and_records_when_it_was_sent():
    news = sending_issue(readers(2))
    first, second = deliveries(news)
    before = timezone.now()
    mark(first, Delivery.Status.SENT)
    mark(second, Delivery.Status.SKIPPED, error="x" * 400)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.sent_at >= before
    assert (first.attempts, first.claimed_until) == (1, None)
    assert second.sent_at is None
    assert len(second.error) == 300
    mark(first, Delivery.Status.FAILED, error="late")  # a sent row is never changed again
    first.refresh_from_db()
    assert (first.status, first.error) == ("sent", "")


def test_retries_wait_longer_each_time_up_to_an_hour():
    waits = [backoff(attempts).total_seconds() for attempts in range(1, 10)]
    assert waits == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_a_failure_is_retried_later_until_the_last_attempt_fails_it(settings):
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    [row] = deliveries(sending_issue(readers(1)))
    for attempt in (1, 2):
        before = timezone.now()
        fail(row, ValueError("x" * 400))
        row.refresh_from_db()
        assert (row.status, row.attempts, len(row.error)) == ("pending", attempt, 300)
        assert row.claimed_until >= before + backoff(attempt)
        assert row.claimed_until <= timezone.now() + backoff(attempt)
    fail(row, ValueError("still failing"))
    row.refresh_from_db()
    assert (row.status, row.attempts, row.error) == ("failed", 3, "still failing")


def test_a_permanent_failure_ends_and_the_issue_finishes(settings, mailer):
    settings.NEWSLETTER_MAX_ATTEMPTS = 2
    news = sending_issue(readers(2))
    Mailer.fail_for = {"reader0@example.org": ValueError("cannot encode")}
    for _round in range(3):
        Delivery.objects.filter(issue=news).update(claimed_until=None)  # retry time has come
        deliver(news.pk)
    news.refresh_from_db()
    assert news.status == Issue.Status.SENT
    assert [row.status for row in deliveries(news)] == ["failed", "sent"]


def refusal(*codes):
    return smtplib.SMTPRecipientsRefused(
        {f"r{n}@example.org": (code, b"refused") for n, code in enumerate(codes)}
    )


def test_a_permanent_refusal_is_a_hard_bounce():
    [row] = deliveries(sending_issue(readers(1)))
    refused(row, refusal(550))
    row.refresh_from_db()
    assert row.status == "failed"
    bounce = Bounce.objects.get()
    assert (bounce.kind, bounce.detail) == ("hard", str(refusal(550)))
    assert row.subscriber.status == Subscriber.Status.BOUNCED


@pytest.mark.parametrize("codes", [(450,), (421,), (550, 451), (600,), (499,)])
def test_a_temporary_or_odd_refusal_is_retried_not_bounced(codes):
    [row] = deliveries(sending_issue(readers(1)))
    refused(row, refusal(*codes))
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("pending", 1)
    assert row.error == str(refusal(*codes))
    assert not Bounce.objects.exists()


@pytest.mark.parametrize("code", [500, 554, 599])
def test_every_5xx_refusal_is_permanent(code):
    [row] = deliveries(sending_issue(readers(1)))
    refused(row, refusal(code))
    row.refresh_from_db()
    assert row.status == "failed"


def test_an_empty_refusal_is_retried():
    [row] = deliveries(sending_issue(readers(1)))
    refused(row, smtplib.SMTPRecipientsRefused({}))
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("pending", 1)


def test_giving_rows_back_leaves_their_attempts_and_other_rows_alone():
    news = sending_issue(readers(3))
    rows = deliveries(news)
    Delivery.objects.filter(pk=rows[1].pk).update(status=Delivery.Status.SENT)
    before = timezone.now()
    release(rows[:2], OSError("x" * 400))
    after = timezone.now()
    first, second, third = deliveries(news)
    assert (first.attempts, len(first.error)) == (0, 300)
    assert before + timedelta(seconds=30) <= first.claimed_until <= after + timedelta(seconds=30)
    assert (second.error, second.claimed_until) == ("", None)
    assert (third.error, third.claimed_until) == ("", None)


# Finishing -----------------------------------------------------------------------


def test_an_issue_finishes_when_none_of_its_own_rows_is_pending():
    news = sending_issue(readers(2))
    other = sending_issue(readers(1, name="other"))
    assert finish_if_done(news.pk) is False
    Delivery.objects.filter(issue=news).update(status=Delivery.Status.SENT)
    before = timezone.now()
    assert finish_if_done(news.pk) is True
    news.refresh_from_db()
    other.refresh_from_db()
    assert news.status == Issue.Status.SENT
    assert news.finished_at >= before
    assert other.status == Issue.Status.SENDING, "another issue's rows are its own business"
    assert finish_if_done(news.pk) is False, "finishing happens once"


def test_a_paused_issue_is_not_finished_behind_the_editors_back():
    news = sending_issue(readers(1))
    Delivery.objects.update(status=Delivery.Status.SENT)
    Issue.objects.filter(pk=news.pk).update(status=Issue.Status.PAUSED)
    assert finish_if_done(news.pk) is False
    news.refresh_from_db()
    assert news.status == Issue.Status.PAUSED


# Headers ---------------------------------------------------------------------------


def test_list_headers_name_the_list_and_both_ways_to_leave(settings):
    settings.SITE_URL = "https://empower.example"
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = "leave@empower.example"
    reader = readers(1)[0]
    links = reader.links()
    assert list_unsubscribe_headers(links) == {
        "List-Unsubscribe": f"<{links.unsubscribe}>, "
        f"<mailto:leave@empower.example?subject=unsubscribe%20{links.token}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    news = Issue.objects.create(subject="News", body="x")
    assert list_id(news) == "Empower health newsletter <newsletter.empower.example>"
    news.kind = Issue.Kind.CONDITION_UPDATE
    assert list_id(news) == "Empower condition updates <updates.empower.example>"
    settings.SITE_NAME = "Émpower"  # a phrase that isn't ASCII is left out
    assert list_id(news) == "condition updates <updates.empower.example>"


def test_a_message_for_another_backend_comes_from_the_newsletter_sender(settings):
    settings.NEWSLETTER_FROM_EMAIL = "Empower news <news@empower.example>"
    settings.SITE_URL = "https://empower.example"
    message = IssueRenderer(Issue.objects.create(subject="News", body="x")).message_for(
        readers(1)[0]
    )
    assert message.from_email == "Empower news <news@empower.example>"
    # The footer says where they subscribed.
    assert '">https://empower.example</a>' in message.alternatives[0].content
    assert "subscribed at https://empower.example" in message.body


# Many workers, real locks ------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_reader_exactly_one_message(settings, mailer):
    """Two threads, each its own database connection, claiming batches side by side
    (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL)."""
    settings.NEWSLETTER_BATCH_SIZE = 10
    news = sending_issue(readers(120))
    barrier = threading.Barrier(2)
    counts, errors = [], []

    def worker(name):
        try:
            barrier.wait()
            counts.append(deliver(news.pk, name))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(f"w{n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(counts) == 120
    assert sorted(sent_to()) == sorted(f"reader{n}@example.org" for n in range(120))
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    if connection.vendor == "postgresql":
        assert all(counts), "both workers took a share"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_on_postgresql_marks_are_committed_without_waiting_for_the_disk_only_while_sending(
    mailer,
):
    def commit_mode():
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            return cursor.fetchone()[0]

    server_default = commit_mode()
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO on")
    Mailer.watch_commit_mode = True
    deliver(sending_issue(readers(2)).pk)
    assert Mailer.commit_modes == ["off", "off"]
    assert commit_mode() == server_default, "back to normal for whatever the worker does next"


# Batches belong to one issue -------------------------------------------------


def test_a_worker_claims_only_the_deliveries_of_its_own_issue():
    news = sending_issue(readers(2))
    other = sending_issue(readers(2, name="other"))
    ids = claim_batch(news.pk, "w1", 10)
    assert ids == [delivery.pk for delivery in deliveries(news)]
    assert {d.claimed_by for d in deliveries(other)} == {""}


def test_a_batch_sends_only_the_deliveries_it_was_given(mailer):
    news = sending_issue(readers(3))
    first = deliveries(news)[0]
    assert send_batch(IssueRenderer(news), [first.pk], "w1") == 1
    assert sent_to() == ["reader0@example.org"]
    assert [d.status for d in deliveries(news)] == [
        Delivery.Status.SENT,
        Delivery.Status.PENDING,
        Delivery.Status.PENDING,
    ]
