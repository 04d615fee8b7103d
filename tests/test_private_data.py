"""What readers tell us stays private: not in links, logs, caches or admin lookups."""

import base64
import binascii
import logging
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from comments.models import Comment, Status
from community.models import Answer, Question
from newsletter.models import ConsentRecord, Subscriber
from tests.conftest import DAY, sign_in, signed_at, staff_member

pytestmark = pytest.mark.django_db

MODERATED = [
    ("comments", "comment", "kim@example.org"),
    ("community", "question", "robin@example.org"),
    ("community", "answer", "jo@example.org"),
]


@pytest.fixture
def posts(article):
    question = Question.objects.create(
        title="Does it spread?", body="It moved.", author_name="Robin",
        author_email="robin@example.org", status=Status.APPROVED, address_hash="a1" * 32,
    )  # fmt: skip
    Answer.objects.create(
        question=question, body="Mine did.", author_name="Jo", author_email="jo@example.org",
        status=Status.APPROVED, address_hash="b2" * 32,
    )  # fmt: skip
    Comment.objects.create(
        article=article, body="Helpful.", author_name="Kim", author_email="kim@example.org",
        status=Status.PENDING, address_hash="c3" * 32,
    )  # fmt: skip
    return question


@pytest.mark.parametrize(("app", "model", "email"), MODERATED)
@pytest.mark.parametrize(
    "query",
    ["author_email__startswith={first}", "author_email={email}", "address_hash__startswith=a"],
)
def test_hidden_addresses_refuse_lookups_from_staff_who_dont_moderate(
    client, reviewer, posts, app, model, email, query
):
    sign_in(client, reviewer)  # a nurse reviewer sees the lists, but does not moderate
    url = f"/admin/{app}/{model}/?" + query.format(first=email[0], email=email)
    assert client.get(url).status_code == 400
    searched = client.get(f"/admin/{app}/{model}/", {"q": email})
    assert searched.context["cl"].result_count == 0


@pytest.mark.parametrize(("app", "model", "email"), MODERATED)
def test_moderators_may_still_find_posts_by_address(client, posts, app, model, email):
    moderator = staff_member("mo", "Mo", "Derator", "Moderators")
    sign_in(client, moderator)
    response = client.get(f"/admin/{app}/{model}/?author_email__startswith={email[0]}")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def decoded_pieces(token):
    for piece in re.split(r"[.:]", token):
        try:
            yield base64.urlsafe_b64decode(piece + "=" * (-len(piece) % 4))
        except (binascii.Error, ValueError):
            continue


def test_no_private_link_carries_an_email_address(posts):
    bob = Subscriber.objects.create(email="bob@example.org", status=Subscriber.Status.PENDING)
    urls = [bob.confirm_url(), bob.preferences_url(), bob.unsubscribe_url(), bob.data_url()]
    urls.append(posts.asker_url())
    for url in urls:
        assert "@" not in url
        token = url.rstrip("/").rsplit("/", 1)[1]
        for piece in decoded_pieces(token):
            assert b"bob" not in piece
            assert b"robin" not in piece


def test_a_refused_private_link_is_not_written_to_the_log(client, caplog):
    bob = Subscriber.objects.create(email="bob@example.org", status=Subscriber.Status.PENDING)
    token = bob.confirm_url().rstrip("/").rsplit("/", 1)[1]
    caplog.set_level(logging.WARNING, logger="django.request")
    response = client.get(f"/newsletter/confirm/{token[:-4]}abcd/")
    assert response.status_code == 400
    logged = [record.getMessage() for record in caplog.records]
    assert logged == ["Bad Request: /newsletter/confirm/[private link]/"]


def test_a_link_for_a_deleted_subscriber_never_opens_a_newer_one_with_the_same_number(client):
    old = Subscriber.objects.create(email="old@example.org", status=Subscriber.Status.CONFIRMED)
    url = old.preferences_url()
    number = old.pk
    old.delete()
    Subscriber.objects.create(pk=number, email="new@example.org", status="confirmed")
    response = client.get(url)
    assert response.status_code == 400
    assert "new@example.org" not in response.text


def test_personal_pages_are_never_cached(client, posts, editor, reviewer, article):
    bob = Subscriber.objects.create(email="bob@example.org", status=Subscriber.Status.PENDING)
    pages = [
        bob.confirm_url(),
        bob.preferences_url(),
        bob.unsubscribe_url(),
        bob.data_url(),
        bob.data_url() + "?download=1",
        posts.asker_url(),
        "/newsletter/preferences/not-a-link/",
        "/admin/login/",
    ]
    for url in pages:
        response = client.get(url.removeprefix("http://localhost:8000"))
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url
    sign_in(client, editor)
    preview = client.get(f"/preview/revisions/{article.published_revision.pk}/")
    assert preview.status_code == 200
    assert "no-store" in preview["Cache-Control"]


def test_the_data_link_works_for_thirty_days_then_a_new_one_is_sent_on_request(client, monkeypatch):
    bob = Subscriber.objects.create(email="bob@example.org", status=Subscriber.Status.CONFIRMED)
    fresh = signed_at(29 * DAY, bob.data_url, monkeypatch).removeprefix("http://localhost:8000")
    assert client.get(f"{fresh}?download=1")["Content-Disposition"].startswith("attachment")

    old = signed_at(31 * DAY, bob.data_url, monkeypatch).removeprefix("http://localhost:8000")
    expired = client.get(f"{old}?download=1")
    assert expired.status_code == 400
    assert "This link has expired" in expired.text
    assert client.post(old, {"delete": "1"}).status_code == 400
    assert Subscriber.objects.filter(pk=bob.pk).exists()

    client.post(old, {"resend": "1"})
    assert mail.outbox[-1].to == ["bob@example.org"]
    new = re.search(r"https?://[^/\s]+(/newsletter/your-data/[^\s]+/)", mail.outbox[-1].body)
    assert client.get(new.group(1)).status_code == 200


def test_one_click_unsubscribe_still_works_years_later(client, monkeypatch):
    bob = Subscriber.objects.create(email="bob@example.org", status=Subscriber.Status.CONFIRMED)
    url = signed_at(5 * 365 * DAY, bob.unsubscribe_url, monkeypatch)
    client.post(url.removeprefix("http://localhost:8000"))
    bob.refresh_from_db()
    assert bob.status == Subscriber.Status.UNSUBSCRIBED


def test_the_askers_link_works_for_ninety_days_then_a_new_one_is_sent_on_request(
    client, posts, monkeypatch
):
    assert client.get(signed_at(89 * DAY, posts.asker_url, monkeypatch)).status_code == 200
    old = signed_at(91 * DAY, posts.asker_url, monkeypatch)
    expired = client.get(old)
    assert expired.status_code == 400
    assert "This link has expired" in expired.text
    client.post(old, {"stop_emails": "1"})
    posts.refresh_from_db()
    assert posts.notify_asker, "an expired link changes nothing"

    client.post(old, {"resend": "1"})
    assert mail.outbox[-1].to == ["robin@example.org"]
    new = re.search(r"https?://[^/\s]+(/community/yours/[^\s]+/)", mail.outbox[-1].body)
    assert client.get(new.group(1)).status_code == 200


@pytest.mark.django_db
def test_a_consent_record_is_evidence_and_cannot_be_changed_once_written():
    subscriber = Subscriber.objects.create(email="ann@example.org", wants_newsletter=True)
    consent = ConsentRecord.objects.create(
        subscriber=subscriber, action=ConsentRecord.Action.CONFIRMED, consent_version="v1"
    )
    consent.consent_version = "v2"
    with pytest.raises(ValidationError, match="Consent records cannot be changed") as refusal:
        consent.save()
    assert refusal.value.code == "immutable"
    assert ConsentRecord.objects.get().consent_version == "v1"
