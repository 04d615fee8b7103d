"""Moderators remove personal details from reader posts: the public text says
"[removed by a moderator]", the record says who removed what kind of detail and
when, and the removed words are nowhere: not in any table, nor in the search index."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client

from comments import personal
from comments.emails import send_moderation_digest
from comments.models import REMOVED, ModerationError, Redaction, Status
from community.models import Question
from search.models import Word
from tests.conftest import sign_in, staff_member
from tests.test_comment_moderation import comment_on
from tests.test_community import answer, ask, question

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    """Mo moderates comments, questions and answers."""
    return staff_member("mo", "Mo", "Derator", "Moderators")


PHONE = "07700 900123"


def phone_in(item):
    return [detail for detail in item.personal_details() if detail.kind == "phone"]


def everything_stored() -> str:
    """Every row of every table, as text, and on SQLite the full-text index's own terms."""
    out = StringIO()
    call_command("dumpdata", stdout=out)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT * FROM search_entry_fts")
            rows = cursor.fetchall()
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms "
                "USING fts5vocab(main, search_entry_fts, row)"
            )
            cursor.execute("SELECT term FROM temp.fts_terms")
        else:
            cursor.execute("SELECT search_vector::text FROM search_entry")
        return (
            out.getvalue()
            + repr(rows if connection.vendor == "sqlite" else [])
            + repr(cursor.fetchall())
        )


def test_a_moderator_removes_a_phone_number_and_only_who_what_kind_and_when_is_kept(moderator):
    asked = question(body=f"Ring me on {PHONE} if you know a good clinic.")
    asked.redact(phone_in(asked), moderator)
    assert asked.body == f"Ring me on {REMOVED} if you know a good clinic."
    redaction = Redaction.objects.get()
    assert (redaction.content, redaction.kind, redaction.field) == (asked, "phone", "body")
    assert redaction.redacted_by == moderator
    assert REMOVED in Client().get(asked.get_absolute_url()).text
    assert PHONE not in Client().get(asked.get_absolute_url()).text


def test_a_redaction_leaves_no_trace_of_the_removed_text_in_the_database_or_search_index(
    moderator,
):
    asked = question(title="Is Dr Whitfield good for spasms?", body=f"Call me on {PHONE}.")
    answer(asked, body=f"Mine is {PHONE} too")  # another post keeps its own copy
    assert "07700" in everything_stored()
    asked.redact(asked.personal_details(), moderator)
    stored = everything_stored()
    assert stored.count("07700") == 1  # only the answer, not yet redacted
    assert "whitfield" not in stored.lower()
    assert asked.title == f"Is {REMOVED} good for spasms?"
    assert "whitfield" not in Word.objects.values_list("word", flat=True)
    results = Client().get("/search/", {"q": "Whitfield"}).text
    assert asked.get_absolute_url() not in results


def test_redacting_before_approving_publishes_only_the_redacted_text(moderator):
    held = question(status=Status.PENDING, body=f"My number is {PHONE}.")
    held.redact(phone_in(held), moderator)
    held.approve(moderator)
    assert f"My number is {REMOVED}." in Client().get(held.get_absolute_url()).text
    assert PHONE not in everything_stored()


def test_only_moderators_redact_and_never_a_text_that_changed_meanwhile(moderator, reviewer):
    asked = question(body=f"Call {PHONE}")
    with pytest.raises(ModerationError) as refused:
        asked.redact(phone_in(asked), reviewer)
    assert refused.value.code == "permission_denied"
    stale = phone_in(asked)
    Question.objects.filter(pk=asked.pk).update(body=f"Text me on {PHONE}")
    with pytest.raises(ModerationError) as changed:
        asked.redact(stale, moderator)
    assert changed.value.code == "changed"
    assert not Redaction.objects.exists()


def test_posts_with_personal_details_are_flagged_with_the_kinds_not_the_details(client):
    ask(client, body=f"Dr Patel gave me {PHONE} to call.")
    flags = Question.objects.get().flags
    assert flags == ["personal details: doctor's name, phone number"]


def test_the_change_page_marks_the_details_escaped_and_removes_the_ticked_ones(
    client, moderator, article
):
    comment = comment_on(article, f"<b>Dr Patel</b> is on {PHONE}, see jo@example.org")
    sign_in(client, moderator)
    change_page = f"/admin/comments/comment/{comment.pk}/change/"
    page = client.get(change_page).text
    assert '&lt;b&gt;<mark title="doctor&#x27;s name">Dr Patel</mark>&lt;/b&gt;' in page
    assert f'<mark title="phone number">{PHONE}</mark>' in page
    assert "Remove the selected details" in page
    phone, email = (detail for detail in comment.personal_details() if detail.kind != "doctor")
    response = client.post(
        f"/admin/comments/comment/{comment.pk}/redact/",
        {"detail": [phone.key, email.key], "other": "Patel"},
    )
    assert response.url == change_page
    comment.refresh_from_db()
    assert comment.body == f"<b>Dr {REMOVED}</b> is on {REMOVED}, see {REMOVED}"
    assert sorted(Redaction.objects.values_list("kind", flat=True)) == ["email", "other", "phone"]
    assert "Phone number removed by Mo Derator" in client.get(change_page).text


def test_staff_who_may_not_moderate_get_no_redaction_form_and_cannot_post_one(
    client, reviewer, article
):
    comment = comment_on(article, f"Call {PHONE}")
    sign_in(client, reviewer)
    page = client.get(f"/admin/comments/comment/{comment.pk}/change/")
    assert "Remove the selected details" not in page.text
    client.post(f"/admin/comments/comment/{comment.pk}/redact/", {"other": "Call"})
    comment.refresh_from_db()
    assert comment.body == f"Call {PHONE}"


def test_answers_are_redacted_like_questions_and_comments(moderator):
    reply = answer(question(), body="Email me: robin@example.org")
    reply.redact(reply.personal_details(), moderator)
    assert reply.body == f"Email me: {REMOVED}"
    assert personal.find(reply.body) == []


def test_the_moderators_digest_names_the_kind_of_detail_instead_of_quoting_it(moderator):
    held = question(status=Status.PENDING, body=f"Dr Patel said call {PHONE} <soon>")
    send_moderation_digest(["mo@empower.example"], [held], waiting=1)
    email = mail.outbox[0]
    html = email.alternatives[0][0]
    assert "Dr Patel said call" not in email.body + html
    assert "[doctor's name] said call [phone number] <soon>" in email.body
    assert "[doctor&#x27;s name] said call [phone number] &lt;soon&gt;" in html
