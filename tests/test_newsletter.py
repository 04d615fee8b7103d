"""The newsletter: double opt-in, one-click unsubscribe, and sending that never doubles up."""

import json
import re
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from articles.models import Review
from newsletter.models import (
    CONFIRM_LINK,
    CONSENT_TEXT,
    CONSENT_VERSION,
    Bounce,
    ConsentRecord,
    Delivery,
    Issue,
    IssueError,
    Subscriber,
)
from newsletter.sending import deliver
from newsletter.tasks import send_issue, sweep
from tests.conftest import DAY, sign_in, signed_at

pytestmark = pytest.mark.django_db


def sign_up(client, email="alice@example.org", **fields):
    data = {"email": email, "newsletter": "on", "source": "/", "website": "", **fields}
    return client.post("/newsletter/subscribe/", data, REMOTE_ADDR=fields.pop("ip", "203.0.113.5"))


def link_in(message, kind):
    return re.search(rf"https?://[^/\s]+(/newsletter/{kind}/[^\s\"<]+/)", message.body).group(1)


def subscriber(email="bob@example.org", status=Subscriber.Status.CONFIRMED, **fields):
    return Subscriber.objects.create(email=email, status=status, wants_newsletter=True, **fields)


def issue(**fields):
    defaults = {"subject": "Spring news", "body": "Hello **readers**.", "to_newsletter": True}
    return Issue.objects.create(**{**defaults, **fields})


def delivered_to():
    return sorted(address for message in mail.outbox for address in message.to)


# Subscribing ---------------------------------------------------------------


def test_the_whole_double_opt_in_flow(client, condition):
    response = sign_up(client, conditions=[condition.pk])
    assert response.url == "/newsletter/check-your-inbox/"
    alice = Subscriber.objects.get()
    assert alice.status == Subscriber.Status.PENDING
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]
    confirmation = mail.outbox[0]
    assert "Please confirm" in confirmation.subject
    assert confirmation.alternatives, "every email has an HTML part"

    url = link_in(confirmation, "confirm")
    page = client.get(url)
    assert "Yes, subscribe me" in page.text
    alice.refresh_from_db()
    assert alice.status == Subscriber.Status.PENDING, "opening the link alone changes nothing"

    done = client.post(url, REMOTE_ADDR="198.51.100.9")
    assert "You're subscribed" in done.text
    alice.refresh_from_db()
    assert alice.status == Subscriber.Status.CONFIRMED
    consent = ConsentRecord.objects.get()
    assert (consent.consent_version, consent.consent_text, consent.source) == (
        CONSENT_VERSION,
        CONSENT_TEXT,
        "/",
    )
    assert consent.topics == ["Health newsletter", "Hemifacial spasm updates"]
    assert len(consent.address_hash) == 64
    assert "198.51.100.9" not in consent.address_hash


def test_a_replayed_link_says_already_confirmed(client):
    sign_up(client)
    url = link_in(mail.outbox[0], "confirm")
    client.post(url)
    for again in (client.get(url), client.post(url)):
        assert again.status_code == 200
        assert "You're already confirmed" in again.text
    assert ConsentRecord.objects.count() == 1


def test_an_expired_link_gets_a_friendly_page_and_changes_nothing(client, settings):
    sign_up(client)
    url = link_in(mail.outbox[0], "confirm")
    settings.NEWSLETTER_CONFIRM_DAYS = 0
    response = client.post(url)
    assert response.status_code == 400
    assert "This link has expired" in response.text
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.parametrize("kind", ["confirm", "preferences", "unsubscribe"])
def test_a_tampered_link_gets_a_friendly_page(client, kind):
    bob = subscriber()
    token = CONFIRM_LINK.make(bob) if kind == "confirm" else bob.token()
    response = client.post(f"/newsletter/{kind}/{token[:-3]}abc/")
    assert response.status_code == 400
    assert "This link doesn't work" in response.text
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.CONFIRMED


def test_signing_up_with_an_existing_address_reveals_nothing(client):
    subscriber("bob@example.org")
    new = sign_up(client, "newcomer@example.org")
    existing = sign_up(Client(), "BOB@example.org", ip="192.0.2.44")
    assert (new.status_code, new.url) == (existing.status_code, existing.url)
    bob_mail = [m for m in mail.outbox if m.to == ["bob@example.org"]]
    assert len(bob_mail) == 1
    assert "already subscribed" in bob_mail[0].body
    assert "/newsletter/preferences/" in bob_mail[0].body
    assert "/newsletter/confirm/" not in bob_mail[0].body
    assert Subscriber.objects.get(email="bob@example.org").status == Subscriber.Status.CONFIRMED


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not-an-address"}, "Enter an email address like name@example.com."),
        ({"email": ""}, "Enter your email address."),
        ({"newsletter": ""}, "Choose the newsletter or at least one condition"),
    ],
)
def test_a_bad_signup_gets_a_clear_message_and_changes_nothing(client, fields, message):
    response = sign_up(client, **fields)
    assert response.status_code == 400
    assert message in response.text
    assert not Subscriber.objects.exists()
    assert not mail.outbox


def test_signups_are_rate_limited_per_visitor_and_per_address(client, settings):
    settings.NEWSLETTER_SIGNUPS_PER_HOUR = 2
    sign_up(client, "a@example.org")
    sign_up(client, "b@example.org")
    response = sign_up(client, "c@example.org")
    assert response.status_code == 400
    assert "several times in the last hour" in response.text
    assert not Subscriber.objects.filter(email="c@example.org").exists()


def test_signup_boxes_are_on_the_home_page_guides_and_articles(client, article):
    home = client.get("/").text
    assert 'id="home-id_email"' not in home
    assert 'action="/newsletter/subscribe/"' in home
    guide = client.get(article.condition.get_absolute_url()).text
    assert "Get email updates" in guide
    assert f'name="conditions" value="{article.condition.pk}"' in guide


# Leaving -------------------------------------------------------------------


def test_one_click_unsubscribe_works_by_post_without_a_csrf_token():
    bob = subscriber()
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/newsletter/unsubscribe/{bob.token()}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.UNSUBSCRIBED
    assert bob.consents.get().action == ConsentRecord.Action.UNSUBSCRIBED


def test_unsubscribing_by_get_only_asks(client):
    bob = subscriber()
    page = client.get(f"/newsletter/unsubscribe/{bob.token()}/")
    assert "<button" in page.text
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.CONFIRMED


def test_the_preferences_page_changes_topics_and_emails_a_link_to_ones_data(client, condition):
    bob = subscriber()
    url = f"/newsletter/preferences/{bob.token()}/"
    client.post(url, {"conditions": [condition.pk]})
    bob.refresh_from_db()
    assert not bob.wants_newsletter
    assert list(bob.conditions.all()) == [condition]
    # The permanent link (in every email, maybe forwarded) opens no data itself.
    assert client.get(f"{url}?download=1")["Content-Type"].startswith("text/html")
    client.post(url, {"delete": "1"})
    assert Subscriber.objects.filter(pk=bob.pk).exists()

    client.post(url, {"data_link": "1"})
    assert mail.outbox[-1].to == ["bob@example.org"]
    data_url = link_in(mail.outbox[-1], "your-data")
    exported = json.loads(client.get(f"{data_url}?download=1").content)
    assert exported["email"] == "bob@example.org"
    assert exported["consent_records"][0]["action"] == "topics"
    client.post(data_url, {"delete": "1"})
    assert not Subscriber.objects.exists()
    assert not ConsentRecord.objects.exists()


# Sending -------------------------------------------------------------------


def test_every_bulk_email_carries_one_click_unsubscribe_headers(settings, editor):
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = "leave@empower.example"
    for n in range(3):
        subscriber(f"reader{n}@example.org")
    issue().start_sending(editor)
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        reader = Subscriber.objects.get(email=message.to[0])
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        header = message.extra_headers["List-Unsubscribe"]
        assert f"<http://localhost:8000/newsletter/unsubscribe/{reader.token()}/>" in header
        assert f"<mailto:leave@empower.example?subject=unsubscribe%20{reader.token()}>" in header
        assert reader.unsubscribe_url() in message.body
        html = message.alternatives[0].content
        assert reader.preferences_url() in html
        assert "<img" not in html, "no tracking pixels"


def test_unconfirmed_unsubscribed_and_bounced_addresses_get_nothing(editor, condition):
    subscriber("confirmed@example.org")
    subscriber("pending@example.org", status=Subscriber.Status.PENDING)
    subscriber("left@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    subscriber("bounced@example.org", status=Subscriber.Status.BOUNCED)
    other_topic = Subscriber.objects.create(
        email="other@example.org", status=Subscriber.Status.CONFIRMED
    )
    other_topic.conditions.set([condition])
    issue().start_sending(editor)
    assert delivered_to() == ["confirmed@example.org"]


def test_a_condition_issue_goes_to_that_conditions_subscribers(editor, condition):
    follower = Subscriber.objects.create(email="f@example.org", status=Subscriber.Status.CONFIRMED)
    follower.conditions.set([condition])
    subscriber("newsletter-only@example.org")
    update = issue(to_newsletter=False)
    update.to_conditions.set([condition])
    update.start_sending(editor)
    assert delivered_to() == ["f@example.org"]


def test_an_issue_to_the_newsletter_and_a_condition_goes_to_both_groups_once(editor, condition):
    follower = Subscriber.objects.create(email="f@example.org", status=Subscriber.Status.CONFIRMED)
    follower.conditions.set([condition])
    subscriber("both@example.org").conditions.set([condition])
    subscriber("newsletter-only@example.org")
    Subscriber.objects.create(email="neither@example.org", status=Subscriber.Status.CONFIRMED)
    news = issue()
    news.to_conditions.set([condition])
    assert news.start_sending(editor) == 3
    assert delivered_to() == ["both@example.org", "f@example.org", "newsletter-only@example.org"]


def test_starting_a_send_records_when_and_never_undoes_edits_made_meanwhile(editor):
    subscriber()
    news = issue()
    stale = Issue.objects.get(pk=news.pk)
    Issue.objects.filter(pk=news.pk).update(subject="Spring news, corrected")
    before = timezone.now()
    assert stale.start_sending(editor) == 1
    news.refresh_from_db()
    assert news.subject == "Spring news, corrected"
    assert [message.subject for message in mail.outbox] == ["Spring news, corrected"]
    assert before <= news.started_at <= timezone.now()


def test_running_the_same_batch_task_twice_sends_once(editor):
    for n in range(5):
        subscriber(f"reader{n}@example.org")
    news = issue()
    news.start_sending(editor)
    assert len(mail.outbox) == 5
    Issue.objects.filter(pk=news.pk).update(status=Issue.Status.SENDING)
    send_issue.enqueue(news.pk)
    deliver(news.pk)
    assert len(mail.outbox) == 5
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 5
    news.refresh_from_db()
    assert news.status == Issue.Status.SENT


class DropsAfterThree(EmailBackend):
    """An SMTP server that hangs up after three messages (once)."""

    sent = 0
    broken = True

    def send_messages(self, messages):
        if DropsAfterThree.broken and DropsAfterThree.sent >= 3:
            raise ConnectionResetError("connection reset by peer")
        DropsAfterThree.sent += len(messages)
        return super().send_messages(messages)


def test_a_send_interrupted_half_way_and_resumed_reaches_each_recipient_once(settings, editor):
    settings.MAILERS = {"default": {"BACKEND": "tests.test_newsletter.DropsAfterThree"}}
    settings.NEWSLETTER_BATCH_SIZE = 4
    DropsAfterThree.sent, DropsAfterThree.broken = 0, True
    readers = [subscriber(f"reader{n}@example.org").email for n in range(10)]
    news = issue()
    news.start_sending(editor)
    assert len(mail.outbox) == 3
    news.refresh_from_db()
    assert news.progress()["remaining"] == 7
    waiting = Delivery.objects.filter(status=Delivery.Status.PENDING)
    assert waiting.count() == 7
    assert all("connection reset" in delivery.error for delivery in waiting)
    assert set(waiting.values_list("attempts", flat=True)) == {0}, "an outage isn't their fault"

    # The server is back; the retry delay passes; the periodic sweep resumes.
    DropsAfterThree.broken = False
    Delivery.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
    sweep.call()
    assert delivered_to() == sorted(readers), "everyone exactly once"
    news.refresh_from_db()
    assert news.status == Issue.Status.SENT


def test_a_dead_workers_batch_is_taken_over_when_its_lease_runs_out(editor, settings):
    settings.NEWSLETTER_PARALLEL_TASKS = 1
    for n in range(4):
        subscriber(f"reader{n}@example.org")
    news = issue()
    news.status = Issue.Status.SENDING
    news.save()
    Delivery.objects.bulk_create(
        Delivery(issue=news, subscriber=reader) for reader in Subscriber.objects.all()
    )
    from newsletter.sending import claim_batch

    claimed = claim_batch(news.pk, "worker-that-dies", 2)
    assert len(claimed) == 2
    deliver(news.pk, "second-worker")
    assert len(mail.outbox) == 2, "the dead worker's leased rows wait"
    Delivery.objects.filter(pk__in=claimed).update(claimed_until=timezone.now())
    deliver(news.pk, "third-worker")
    assert len(mail.outbox) == 4
    assert len(set(delivered_to())) == 4


def test_a_paused_send_stops_and_resumes_where_it_stopped(editor, settings):
    settings.NEWSLETTER_BATCH_SIZE = 2
    for n in range(6):
        subscriber(f"reader{n}@example.org")
    news = issue(status=Issue.Status.SENDING)
    Delivery.objects.bulk_create(
        Delivery(issue=news, subscriber=reader) for reader in Subscriber.objects.all()
    )
    news.pause(editor)
    deliver(news.pk)
    assert mail.outbox == []
    news.resume(editor)
    assert len(mail.outbox) == 6
    with pytest.raises(IssueError):
        news.pause(editor)


def test_a_hard_bounce_stops_mail(editor):
    bob = subscriber()
    bob.record_bounce(Bounce.Kind.HARD, "550 no such user")
    issue().start_sending(editor)
    assert mail.outbox == []
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.BOUNCED


def test_three_soft_bounces_in_30_days_count_as_a_hard_one():
    bob = subscriber()
    now = timezone.now()
    for age in (timedelta(days=40), timedelta(days=30, hours=1), timedelta(days=29, hours=23)):
        Bounce.objects.create(subscriber=bob, kind=Bounce.Kind.SOFT, at=now - age)
    bob.record_bounce(Bounce.Kind.SOFT)
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.CONFIRMED, "those over 30 days old don't count"
    bob.record_bounce(Bounce.Kind.SOFT)
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.BOUNCED
    assert bob.bounces.latest("at").detail == ""


def test_the_bounce_webhook_needs_its_token(client, settings):
    settings.NEWSLETTER_WEBHOOK_TOKEN = "s3cret-token"
    bob = subscriber()
    events = json.dumps([{"email": "bob@example.org", "type": "complaint"}])
    refused = client.post(
        "/newsletter/webhooks/bounces/", events, content_type="application/json",
        headers={"Authorization": "Bearer wrong"},
    )  # fmt: skip
    assert refused.status_code == 401
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.CONFIRMED
    accepted = client.post(
        "/newsletter/webhooks/bounces/", events, content_type="application/json",
        headers={"Authorization": "Bearer s3cret-token"},
    )  # fmt: skip
    assert accepted.json() == {"recorded": 1, "ignored": 0}
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.BOUNCED


@pytest.mark.parametrize("authorization", [None, "Bearer ", "Bearer None", "Bearer s3cret-token"])
def test_without_a_token_configured_the_bounce_webhook_refuses_everything(
    client, settings, authorization
):
    settings.NEWSLETTER_WEBHOOK_TOKEN = ""
    bob = subscriber()
    events = json.dumps([{"email": "bob@example.org", "type": "hard"}])
    headers = {"Authorization": authorization} if authorization else {}
    response = client.post(
        "/newsletter/webhooks/bounces/", events, content_type="application/json", headers=headers
    )
    assert response.status_code == 404
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.CONFIRMED


@pytest.mark.parametrize(
    ("body", "status", "recorded", "ignored"),
    [
        (b"[" * 50_000 + b"]" * 50_000, 400, 0, None),
        (b'{"email": "bob@example.org", "type": "hard"}', 400, 0, None),
        (b"\xff\xfe", 400, 0, None),
        (b'[{"email": "bob\\u0000@example.org", "type": "hard"}]', 200, 0, 1),
        (b'[{"email": ["bob@example.org"], "type": "hard"}, 7, null]', 200, 0, 3),
        (b'[{"email": "BOB@example.org", "type": "soft", "detail": "4.2.2"}]', 200, 1, 0),
    ],
)
def test_the_bounce_webhook_checks_the_shape_of_what_it_gets(
    client, settings, body, status, recorded, ignored
):
    settings.NEWSLETTER_WEBHOOK_TOKEN = "s3cret-token"
    bob = subscriber()
    response = client.post(
        "/newsletter/webhooks/bounces/", body, content_type="application/json",
        headers={"Authorization": "Bearer s3cret-token"},
    )  # fmt: skip
    assert response.status_code == status
    if ignored is not None:
        assert response.json() == {"recorded": recorded, "ignored": ignored}
    assert bob.bounces.count() == recorded


def test_bounce_reports_are_read_from_a_file(tmp_path):
    bob = subscriber()
    report = tmp_path / "bounces.csv"
    report.write_text("email,type\nbob@example.org,hard\nnobody@example.org,hard\n")
    out = StringIO()
    call_command("process_bounces", str(report), stdout=out)
    assert "Recorded 1; ignored 1." in out.getvalue()
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.BOUNCED


# Condition updates -----------------------------------------------------------


def test_publishing_a_reviewed_article_emails_that_conditions_followers(
    make_article, condition, django_capture_on_commit_callbacks
):
    follower = Subscriber.objects.create(email="f@example.org", status=Subscriber.Status.CONFIRMED)
    follower.conditions.set([condition])
    with django_capture_on_commit_callbacks(execute=True):
        make_article("fresh", title="A fresh article")
    assert delivered_to() == ["f@example.org"]
    assert "A fresh article" in mail.outbox[0].subject
    assert "http://localhost:8000/articles/fresh/" in mail.outbox[0].body


def test_a_discreet_reader_gets_a_condition_update_whose_subject_names_nothing(
    make_article, condition, django_capture_on_commit_callbacks
):
    for email, discreet in [("open@example.org", False), ("quiet@example.org", True)]:
        reader = Subscriber.objects.create(email=email, status="confirmed", discreet=discreet)
        reader.conditions.set([condition])
    with django_capture_on_commit_callbacks(execute=True):
        make_article("fresh", title="A fresh article")
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert "A fresh article" in subjects["open@example.org"]
    assert subjects["quiet@example.org"] == "An update from Empower"


def test_the_smtp_fast_path_keeps_a_discreet_subject_too(editor, condition):
    from newsletter.sending import IssueRenderer

    update = issue(kind=Issue.Kind.CONDITION_UPDATE, subject="Hemifacial spasm: new article")
    quiet = subscriber("quiet@example.org", discreet=True)
    raw = IssueRenderer(update).raw_message_for(quiet)
    assert b"Subject: An update from Empower" in raw
    assert b"Hemifacial" not in raw.split(b"\r\n\r\n")[0]
    news = IssueRenderer(issue(subject="Spring news")).message_for(quiet)
    assert news.subject == "Spring news"  # the newsletter's subject names no condition


def test_a_reader_keeps_their_emails_discreet_from_the_preferences_page(client):
    reader = subscriber()
    client.post(reader.preferences_url(), {"newsletter": "on", "discreet": "on"})
    reader.refresh_from_db()
    assert reader.discreet


def test_articles_whose_review_is_overdue_are_never_included(make_article, condition):
    from newsletter.updates import send_weekly_digests

    follower = Subscriber.objects.create(email="f@example.org", status=Subscriber.Status.CONFIRMED)
    follower.conditions.set([condition])
    overdue = make_article("overdue", title="Overdue article")
    Review.objects.filter(revision__article=overdue).update(
        reviewed_at=timezone.now() - timedelta(days=400)
    )
    overdue.refresh_review_due()
    make_article("current", title="Current article")
    mail.outbox.clear()
    send_weekly_digests()
    assert len(mail.outbox) == 1
    assert "Current article" in mail.outbox[0].body
    assert "Overdue article" not in mail.outbox[0].body


# The admin -------------------------------------------------------------------


def test_an_editor_sends_a_test_to_herself_then_the_issue(client, editor):
    subscriber("reader@example.org")
    news = issue()
    sign_in(client, editor)
    client.post(f"/admin/newsletter/issue/{news.pk}/step/test/")
    assert [m.to for m in mail.outbox] == [["erin@empower.example"]]
    assert mail.outbox[0].subject == "[Test] Spring news"
    client.post(f"/admin/newsletter/issue/{news.pk}/step/send/")
    assert delivered_to() == ["erin@empower.example", "reader@example.org"]
    progress = client.get(f"/admin/newsletter/issue/{news.pk}/progress/").json()
    assert progress == {
        "status": "sent", "total": 1, "sent": 1, "failed": 0, "skipped": 0, "remaining": 0,
    }  # fmt: skip


def test_an_issue_is_scheduled_and_the_sweep_sends_it_when_due(client, editor):
    subscriber("reader@example.org")
    news = issue()
    sign_in(client, editor)
    later = (timezone.localtime() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    client.post(f"/admin/newsletter/issue/{news.pk}/step/schedule/", {"send_at": later})
    news.refresh_from_db()
    assert news.status == Issue.Status.SCHEDULED
    sweep.call()
    assert mail.outbox == []
    Issue.objects.filter(pk=news.pk).update(scheduled_for=timezone.now())
    call_command("newsletter_sweep", stdout=StringIO())
    assert delivered_to() == ["reader@example.org"]


def test_a_reviewer_cannot_send_newsletters(client, reviewer):
    news = issue()
    sign_in(client, reviewer)
    assert client.post(f"/admin/newsletter/issue/{news.pk}/step/send/").status_code == 403
    news.refresh_from_db()
    assert news.status == Issue.Status.DRAFT


def test_the_send_command_shows_progress(editor):
    subscriber("reader@example.org")
    news = issue()
    out = StringIO()
    call_command("send_newsletter", str(news.pk), stdout=out)
    assert "Sending “Spring news” to 1 subscribers." in out.getvalue()
    assert "[########################################] 1/1" in out.getvalue()


def test_a_subject_cannot_smuggle_in_headers(client, editor):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="A subject is one line"):
        Issue(subject="Hi\r\nBcc: everyone@example.org", body="b").full_clean()
    sign_in(client, editor)
    client.post(
        "/admin/newsletter/issue/add/",
        {"subject": "Hi\r\nBcc: x@example.org", "body": "b", "to_newsletter": "on"},
    )
    assert not Issue.objects.exists()


def test_a_worker_whose_lease_ran_out_sends_nothing_another_worker_took(editor, settings):
    from newsletter.sending import IssueRenderer, claim_batch, send_batch

    settings.NEWSLETTER_LEASE_SECONDS = 0  # check the lease before every message
    for n in range(5):
        subscriber(f"reader{n}@example.org")
    news = issue(status=Issue.Status.SENDING)
    Delivery.objects.bulk_create(
        Delivery(issue=news, subscriber=reader) for reader in Subscriber.objects.all()
    )
    slow = claim_batch(news.pk, "slow-worker", 5)
    # The slow worker's lease runs out; a second worker takes the batch and sends it.
    Delivery.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
    settings.NEWSLETTER_LEASE_SECONDS = 300
    deliver(news.pk, "second-worker")
    assert len(mail.outbox) == 5
    settings.NEWSLETTER_LEASE_SECONDS = 0
    send_batch(IssueRenderer(news), slow, "slow-worker")
    assert len(mail.outbox) == 5, "nobody got it twice"


def test_an_old_confirmation_link_does_not_resubscribe_someone_who_left(client):
    sign_up(client)
    url = link_in(mail.outbox[0], "confirm")
    client.post(url)
    alice = Subscriber.objects.get()
    alice.unsubscribe(source="test")
    response = client.post(url)
    assert response.status_code == 400
    alice.refresh_from_db()
    assert alice.status == Subscriber.Status.UNSUBSCRIBED


def test_relative_links_in_an_issue_become_absolute(editor):
    subscriber("reader@example.org")
    issue(body="Read [our guide](/conditions/hemifacial-spasm/).").start_sending(editor)
    message = mail.outbox[0]
    assert 'href="http://localhost:8000/conditions/hemifacial-spasm/"' in (
        message.alternatives[0].content
    )
    assert "(http://localhost:8000/conditions/hemifacial-spasm/)" in message.body


def test_a_long_article_title_still_makes_a_valid_update_subject(make_article, condition):
    from newsletter.updates import send_update

    follower = Subscriber.objects.create(email="f@example.org", status=Subscriber.Status.CONFIRMED)
    follower.conditions.set([condition])
    article = make_article("long", title="A" * 200)
    update = send_update(condition, [article.pk])
    assert len(update.subject) <= 150
    update.full_clean()


def test_the_sweep_leaves_a_send_alone_while_a_worker_holds_a_lease(editor):
    for n in range(4):
        subscriber(f"reader{n}@example.org")
    news = issue(status=Issue.Status.SENDING)
    Delivery.objects.bulk_create(
        Delivery(issue=news, subscriber=reader) for reader in Subscriber.objects.all()
    )
    from newsletter.sending import claim_batch

    claim_batch(news.pk, "busy-worker", 2)
    assert sweep.call() == {"started": 0, "resumed": 0}
    assert mail.outbox == []


# Many clicks at once ---------------------------------------------------------


def at_once(count, action):
    """Run `action` in `count` threads released together; their results."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(action())
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


@pytest.mark.django_db(transaction=True)
def test_fifty_confirm_clicks_at_once_confirm_once_and_record_it_once():
    bob = subscriber(status=Subscriber.Status.PENDING)
    results = at_once(50, lambda: Subscriber.objects.get(pk=bob.pk).confirm(address_hash="h"))
    assert results.count(True) == 1
    assert ConsentRecord.objects.filter(action=ConsentRecord.Action.CONFIRMED).count() == 1


@pytest.mark.django_db(transaction=True)
def test_fifty_unsubscribe_clicks_at_once_record_one_unsubscription():
    bob = subscriber()
    results = at_once(
        50,
        lambda: Subscriber.objects.get(pk=bob.pk).unsubscribe(source="one-click", address_hash=""),
    )
    assert results.count(True) == 1
    assert ConsentRecord.objects.filter(action=ConsentRecord.Action.UNSUBSCRIBED).count() == 1


def test_saving_the_same_topics_again_records_no_new_consent(condition):
    bob = subscriber()
    assert bob.set_topics(newsletter=True, conditions=[condition], address_hash="") is True
    assert bob.set_topics(newsletter=True, conditions=[condition], address_hash="") is False
    assert ConsentRecord.objects.filter(action=ConsentRecord.Action.TOPICS).count() == 1


def test_erasing_finds_an_address_stored_in_mixed_case_by_an_import():
    dana = subscriber("dana@example.org")
    Subscriber.objects.filter(pk=dana.pk).update(email="Dana@Example.org")  # skips save()
    call_command("personal_data", "delete", "DANA@example.org", stdout=StringIO())
    assert not Subscriber.objects.exists()


def test_a_confirmation_link_works_for_three_days_and_not_a_minute_more(client, monkeypatch):
    alice = subscriber("alice@example.org", status=Subscriber.Status.PENDING)
    almost = signed_at(DAY * (3 - 1 / 1440), alice.confirm_url, monkeypatch)
    late = signed_at(DAY * (3 + 1 / 1440), alice.confirm_url, monkeypatch)
    assert "This link has expired" in client.post(late).text
    alice.refresh_from_db()
    assert alice.status == Subscriber.Status.PENDING
    assert "You're subscribed" in client.post(almost).text


def test_a_bounced_address_signing_up_again_is_sent_nothing(client):
    subscriber("gone@example.org", status=Subscriber.Status.BOUNCED)
    assert sign_up(client, "gone@example.org").url == "/newsletter/check-your-inbox/"
    assert mail.outbox == []
    assert Subscriber.objects.get().status == Subscriber.Status.BOUNCED


def test_an_article_whose_review_is_overdue_is_never_announced_at_once(
    make_article, condition, django_capture_on_commit_callbacks
):
    follower = Subscriber.objects.create(email="f@example.org", status="confirmed")
    follower.conditions.set([condition])
    with django_capture_on_commit_callbacks(execute=True):
        fresh = make_article("fresh")
    assert [m.subject for m in mail.outbox] == ["New on Empower: What is hemifacial spasm?"]
    Review.objects.filter(revision__article=fresh).update(
        reviewed_at=timezone.now() - timedelta(days=800)
    )
    fresh.refresh_review_due()
    from newsletter.updates import send_update

    assert send_update(condition, [fresh.pk]) is None
    assert len(mail.outbox) == 1


# Who may take which sending step, and what they are told -----------------------


@pytest.mark.parametrize(
    ("status", "step", "message"),
    [
        (Issue.Status.DRAFT, "pause", "You can't pause an issue that is draft."),
        (Issue.Status.SENT, "resume", "You can't resume an issue that is sent."),
        (Issue.Status.SENDING, "send", "You can't send an issue that is sending."),
    ],
)
def test_a_step_in_the_wrong_state_is_refused_with_a_message_naming_it(
    editor, status, step, message
):
    news = issue(status=status)
    action = {"pause": news.pause, "resume": news.resume, "send": news.start_sending}[step]
    with pytest.raises(IssueError) as refused:
        action(editor)
    assert str(refused.value) == message
    news.refresh_from_db()
    assert news.status == status


def test_only_editors_send_schedule_pause_or_resume(reviewer):
    subscriber()
    later = timezone.now() + timedelta(days=1)
    steps = [
        (issue(), lambda news: news.start_sending(reviewer)),
        (issue(), lambda news: news.schedule(reviewer, later)),
        (issue(status=Issue.Status.SENDING), lambda news: news.pause(reviewer)),
        (issue(status=Issue.Status.PAUSED), lambda news: news.resume(reviewer)),
    ]
    for news, step in steps:
        before = news.status
        with pytest.raises(IssueError) as refused:
            step(news)
        assert str(refused.value) == "Only editors can send newsletters."
        news.refresh_from_db()
        assert news.status == before
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_an_issue_is_scheduled_for_a_time_still_to_come(editor):
    now = timezone.now()
    news = issue()
    with pytest.raises(IssueError) as too_soon:
        news.schedule(editor, now, now=now)
    assert str(too_soon.value) == "Choose a time in the future."
    assert Issue.objects.get(pk=news.pk).status == Issue.Status.DRAFT
    news.schedule(editor, now + timedelta(seconds=1), now=now)
    scheduled = (Issue.Status.SCHEDULED, now + timedelta(seconds=1))
    assert (news.status, news.scheduled_for) == scheduled, "the editor's copy shows it too"
    news.refresh_from_db()
    assert (news.status, news.scheduled_for) == scheduled
    Issue.objects.filter(pk=news.pk).update(status=Issue.Status.SENDING)
    with pytest.raises(IssueError) as sending:
        news.schedule(editor, now + timedelta(days=1), now=now)
    assert str(sending.value) == "You can't schedule an issue that is sending."


def test_a_step_another_editor_took_a_moment_earlier_is_refused_with_a_message(editor):
    news = issue(status=Issue.Status.SENDING)
    taken = []

    def another_editor_pauses_first(execute, sql, params, many, context):
        if sql.startswith('UPDATE "newsletter_issue"') and not taken:
            taken.append(sql)
            Issue.objects.filter(pk=news.pk).update(status=Issue.Status.PAUSED)
        return execute(sql, params, many, context)

    with (
        connection.execute_wrapper(another_editor_pauses_first),
        pytest.raises(IssueError) as refused,
    ):
        news.pause(editor)
    assert str(refused.value) == "The issue changed meanwhile; reload the page and pause again."
    assert Issue.objects.get(pk=news.pk).status == Issue.Status.PAUSED


def test_unsubscribing_is_recorded_and_skips_only_this_readers_waiting_mail():
    bob, ann = subscriber(), subscriber("ann@example.org")
    spring, summer = issue(status=Issue.Status.SENDING), issue(subject="Summer news")
    Delivery.objects.create(issue=summer, subscriber=bob, status="sent", sent_at=timezone.now())
    for reader in (bob, ann):
        Delivery.objects.create(issue=spring, subscriber=reader)
    before = timezone.now()
    assert bob.unsubscribe(source="one-click unsubscribe", address_hash="a" * 64) is True
    stored = Subscriber.objects.get(pk=bob.pk)
    assert stored.status == Subscriber.Status.UNSUBSCRIBED
    assert before <= stored.unsubscribed_at <= timezone.now()
    assert (bob.status, bob.unsubscribed_at) == (stored.status, stored.unsubscribed_at)
    record = bob.consents.get()
    assert (record.action, record.source, record.consent_version, record.consent_text) == (
        "unsubscribed",
        "one-click unsubscribe",
        CONSENT_VERSION,
        "",
    )
    assert (record.topics, record.address_hash) == ([], "a" * 64)
    deliveries = Delivery.objects.values_list(
        "subscriber__email", "issue__subject", "status", "error"
    )
    assert sorted(deliveries) == [
        ("ann@example.org", "Spring news", "pending", ""),
        ("bob@example.org", "Spring news", "skipped", "unsubscribed"),
        ("bob@example.org", "Summer news", "sent", ""),
    ]
    assert bob.unsubscribe(source="one-click unsubscribe") is False
    assert bob.consents.count() == 1


def test_someone_who_left_and_signs_up_again_is_confirmed_afresh(client):
    sign_up(client)
    client.post(link_in(mail.outbox[-1], "confirm"))
    alice = Subscriber.objects.get()
    alice.unsubscribe(source="one-click unsubscribe")
    sign_up(client)
    again = timezone.now()
    assert "You're subscribed" in client.post(link_in(mail.outbox[-1], "confirm")).text
    alice.refresh_from_db()
    assert alice.status == Subscriber.Status.CONFIRMED
    assert alice.unsubscribed_at is None
    assert again <= alice.confirmed_at <= timezone.now()
    assert alice.export()["confirmed_at"] == alice.confirmed_at.isoformat()


def test_saving_topics_never_undoes_an_unsubscription_made_meanwhile(condition):
    bob = subscriber()
    stale = Subscriber.objects.get(pk=bob.pk)
    bob.unsubscribe(source="one-click")
    stale.set_topics(newsletter=False, conditions=[condition], address_hash="")
    assert Subscriber.objects.get(pk=bob.pk).status == Subscriber.Status.UNSUBSCRIBED


def test_the_data_download_holds_everything_in_plain_named_fields(editor, condition):
    bob = subscriber(source="/conditions/hemifacial-spasm/")
    bob.conditions.set([condition])
    bob.set_topics(
        newsletter=True,
        conditions=[
            condition,
        ],
        address_hash="h",
    )  # unchanged
    bob.set_topics(newsletter=False, conditions=[condition], address_hash="h")
    news = issue(subject="Spring news")
    Delivery.objects.create(issue=news, subscriber=bob, status="sent", sent_at=timezone.now())
    Delivery.objects.create(issue=issue(subject="Not sent"), subscriber=bob)
    bob.record_bounce(Bounce.Kind.SOFT, "mailbox full")
    bob.refresh_from_db()
    exported = bob.export()
    record = bob.consents.get()
    delivery = bob.deliveries.get(status="sent")
    assert exported == {
        "email": "bob@example.org",
        "status": "confirmed",
        "topics": ["Hemifacial spasm updates"],
        "signed_up_at": bob.created_at.isoformat(),
        "signed_up_from": "/conditions/hemifacial-spasm/",
        "confirmed_at": None,
        "consent_records": [
            {
                "at": record.at.isoformat(),
                "action": "topics",
                "from": "preferences page",
                "wording_version": CONSENT_VERSION,
                "wording": CONSENT_TEXT,
                "topics": ["Hemifacial spasm updates"],
            }
        ],
        "follows": [],
        "emails_sent": [{"issue": "Spring news", "sent_at": delivery.sent_at.isoformat()}],
        "bounces": [{"at": bob.bounces.get().at.isoformat(), "kind": "soft"}],
    }


def test_a_bounce_keeps_its_detail_stops_only_this_readers_mail_and_counts_recent_soft_ones():
    bob, ann = subscriber(), subscriber("ann@example.org")
    news = issue(status=Issue.Status.SENDING)
    for reader in (bob, ann):
        Delivery.objects.create(issue=news, subscriber=reader)
    old = timezone.now() - timedelta(days=31)
    for _n in range(2):
        Bounce.objects.create(subscriber=bob, kind=Bounce.Kind.SOFT, at=old)
    Bounce.objects.create(subscriber=bob, kind=Bounce.Kind.HARD, at=old)  # long ago, and not soft
    bob.record_bounce(Bounce.Kind.SOFT, "x" * 600)
    assert len(bob.bounces.order_by("-at").first().detail) == 500
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.CONFIRMED, "one recent soft bounce is not enough"
    bob.record_bounce(Bounce.Kind.SOFT)
    bob.record_bounce(Bounce.Kind.SOFT)
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.BOUNCED
    assert list(Delivery.objects.filter(subscriber=bob).values_list("status", "error")) == [
        ("skipped", "stopped after soft bounce")
    ]
    assert Delivery.objects.get(subscriber=ann).status == "pending"


def test_a_bounce_never_undoes_changes_made_meanwhile():
    bob = subscriber()
    stale = Subscriber.objects.get(pk=bob.pk)
    Subscriber.objects.filter(pk=bob.pk).update(wants_newsletter=False)
    stale.record_bounce(Bounce.Kind.HARD)
    assert Subscriber.objects.get(pk=bob.pk).wants_newsletter is False


def test_every_change_of_topics_is_recorded_with_where_and_in_which_words(condition):
    bob = subscriber()
    bob.set_topics(newsletter=False, conditions=[condition], address_hash="a" * 64)
    record = bob.consents.get()
    assert (record.action, record.source, record.consent_version, record.consent_text) == (
        "topics",
        "preferences page",
        CONSENT_VERSION,
        CONSENT_TEXT,
    )
    assert (record.topics, record.address_hash) == (["Hemifacial spasm updates"], "a" * 64)


def test_saving_topics_never_undoes_other_changes_made_meanwhile(condition):
    bob = subscriber()
    stale = Subscriber.objects.get(pk=bob.pk)
    Subscriber.objects.filter(pk=bob.pk).update(source="changed elsewhere")
    stale.set_topics(newsletter=False, conditions=[condition], address_hash="")
    assert Subscriber.objects.get(pk=bob.pk).source == "changed elsewhere"


def test_a_test_send_needs_the_editors_address_and_carries_no_real_readers_link(editor):
    first_reader = subscriber()  # whatever number the database gave them
    editor.email = ""
    with pytest.raises(IssueError) as refused:
        issue().send_test(editor)
    assert str(refused.value) == "Add an email address to your account first."
    editor.email = "erin@empower.example"
    issue().send_test(editor)
    link = link_in(mail.outbox[-1], "unsubscribe")
    assert link.startswith("/newsletter/unsubscribe/0.")
    assert not link.startswith(f"/newsletter/unsubscribe/{first_reader.pk}.")


def test_progress_counts_each_outcome_and_what_is_left():
    news = issue(status=Issue.Status.SENDING)
    for n, status in enumerate(["sent", "sent", "sent", "failed", "skipped", "skipped", "pending"]):
        Delivery.objects.create(
            issue=news, subscriber=subscriber(f"r{n}@example.org"), status=status
        )
    assert news.progress() == {
        "status": "sending",
        "total": 7,
        "sent": 3,
        "failed": 1,
        "skipped": 2,
        "remaining": 1,
    }
    assert issue().progress() == {
        "status": "draft", "total": 0, "sent": 0, "failed": 0, "skipped": 0, "remaining": 0
    }  # fmt: skip


SENDER_STEPS = {
    Issue.Status.DRAFT: ["test", "send", "schedule"],
    Issue.Status.SCHEDULED: ["test", "send", "schedule"],
    Issue.Status.SENDING: ["test", "pause"],
    Issue.Status.PAUSED: ["test", "resume"],
    Issue.Status.SENT: ["test"],
}


@pytest.mark.parametrize("status", list(Issue.Status))
def test_an_editor_is_offered_the_sending_steps_of_each_status_and_a_reviewer_none(
    status, editor, reviewer
):
    news = issue(status=status)
    assert news.available_steps(editor) == SENDER_STEPS[status]
    assert news.available_steps(reviewer) == []


def test_the_issue_page_draws_the_models_steps(client, editor):
    news = issue(status=Issue.Status.SENDING)
    sign_in(client, editor)
    page = client.get(f"/admin/newsletter/issue/{news.pk}/change/")
    assert [step.name for step in page.context["steps"]] == ["test", "pause"]
    assert f"/admin/newsletter/issue/{news.pk}/step/pause/" in page.text


def test_only_someone_who_may_send_can_mail_themselves_a_test(reviewer):
    news = issue()
    with pytest.raises(IssueError, match="Only editors can send newsletters"):
        news.send_test(reviewer)
    assert mail.outbox == []


def test_a_sending_step_that_does_not_apply_sends_the_editor_back(client, editor):
    news = issue(status=Issue.Status.SENT)
    sign_in(client, editor)
    response = client.get(f"/admin/newsletter/issue/{news.pk}/step/pause/")
    assert response.status_code == 302
    message = str(list(get_messages(response.wsgi_request))[-1])
    assert message == "“Pause sending” is not a step you can take on this issue now."


@pytest.mark.parametrize("status", list(Issue.Status))
def test_an_issues_words_can_be_changed_only_until_sending_starts(client, editor, status):
    news = issue(status=status)
    editable = status in (Issue.Status.DRAFT, Issue.Status.SCHEDULED)
    assert news.is_editable is editable
    sign_in(client, editor)
    page = client.get(f"/admin/newsletter/issue/{news.pk}/change/")
    assert page.context["has_change_permission"] is editable
