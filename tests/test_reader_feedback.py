"""Readers tell the reviewer: "Is something wrong or missing on this page?" goes,
privately, to the article's last reviewer and the editors, who close it with a
note or start a revision from it."""

import re
import time
from datetime import UTC

import pytest
from captcha.models import CaptchaStore
from django.core import signing
from django.test import Client

from comments.models import Feedback, ModerationError
from comments.spam import TIMESTAMP_SALT
from tests.conftest import sign_in, staff_member

pytestmark = pytest.mark.django_db
READER = "198.51.100.7"


def form_url(article):
    return f"/articles/{article.slug}/feedback/"


def send(client, article, *, remote_addr=READER, **fields):
    page = client.get(form_url(article), REMOTE_ADDR=remote_addr).text
    data = {
        "kind": "broken_link",
        "text": "The link to the NHS page answers 'not found'.",
        "started": signing.dumps(time.time() - 20, salt=TIMESTAMP_SALT),
        "website": "",
        **fields,
    }
    if key := re.search(r'name="captcha_0" value="(\w+)"', page):
        data["captcha_0"] = key.group(1)
        data.setdefault("captcha_1", CaptchaStore.objects.get(hashkey=key.group(1)).response)
    return client.post(form_url(article), data, REMOTE_ADDR=remote_addr)


def test_every_article_and_guide_ends_with_the_question_and_a_link_to_the_form(
    client, article, guide
):
    for page in (article.get_absolute_url(), guide.condition.get_absolute_url()):
        html = client.get(page).text
        assert "Is something wrong or missing on this page?" in html
        assert 'id="feedback-form"' not in html  # the shared page carries no form
    assert (
        f'href="/articles/{guide.slug}/feedback/"'
        in client.get(guide.condition.get_absolute_url()).text
    )


def test_a_readers_first_message_of_the_day_needs_no_captcha_the_second_does(client, article):
    assert "captcha_0" not in client.get(form_url(article), REMOTE_ADDR=READER).text
    response = send(client, article)
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#feedback"
    feedback = Feedback.objects.get()
    assert (feedback.article, feedback.kind) == (article, "broken_link")
    assert feedback.address_hash
    assert READER not in feedback.address_hash

    assert "captcha_0" in client.get(form_url(article), REMOTE_ADDR=READER).text
    refused = send(client, article, text="Another problem.", captcha_1="wrong")
    assert refused.status_code == 400
    assert "captcha" in refused.context["form"].errors
    assert Feedback.objects.count() == 1
    assert send(client, article, text="Another problem.").status_code == 302
    assert "captcha_0" not in Client().get(form_url(article), REMOTE_ADDR="203.0.113.9").text


def test_the_honeypot_and_the_time_trap_refuse_bots(client, article):
    assert send(client, article, website="http://spam.example").status_code == 400
    too_fast = signing.dumps(time.time(), salt=TIMESTAMP_SALT)
    assert send(client, article, started=too_fast).status_code == 400
    assert not Feedback.objects.exists()


def test_bad_input_shows_errors_and_stores_nothing(client, article):
    response = send(client, article, kind="", text="")
    assert response.status_code == 400
    assert response.context["form"].errors.get_json_data()["kind"][0]["message"] == (
        "Choose what's wrong."
    )
    assert "Say what you found." in response.text
    assert send(client, article, kind="nonsense").status_code == 400
    assert send(client, article, text="NUL \x00 byte").status_code == 400
    assert send(client, article, text="x" * 2001).status_code == 400
    assert not Feedback.objects.exists()


def test_feedback_is_never_public(client, article):
    send(client, article, text="A private note for the reviewer only.")
    assert "A private note" not in client.get(article.get_absolute_url()).text
    assert "A private note" not in client.get("/search/?q=private+note").text


def dashboard(client, user):
    sign_in(client, user)
    return client.get("/admin/").text


def test_it_reaches_the_last_reviewer_and_the_editors_and_no_one_else(
    client, article, editor, reviewer
):
    send(client, article)
    other_nurse = staff_member("omar", "Omar", "Okafor", "Nurse reviewers")
    moderator = staff_member("mo", "Mo", "Derator", "Moderators")
    for user in (reviewer, editor):
        page = dashboard(Client(), user)
        assert "Reader feedback" in page
        assert "1 open note from readers" in page
    assert "1 open note from readers" not in dashboard(Client(), other_nurse)
    assert "Reader feedback" not in dashboard(Client(), moderator)
    assert list(Feedback.objects.for_reviewer(other_nurse)) == []


def test_the_dashboard_counts_notes_per_article_in_constant_queries(
    client, make_article, reviewer, django_assert_max_num_queries
):
    articles = [make_article(f"article-{n}") for n in range(6)]
    for n, article in enumerate(articles):
        for m in range(n % 3 + 1):
            Feedback.objects.create(article=article, kind="out_of_date", text=f"{n}/{m}")
    sign_in(client, reviewer)
    client.get("/admin/")
    with django_assert_max_num_queries(40):
        page = client.get("/admin/").text
    assert page.count("3 open notes from readers") == 2
    assert "12 " in page or ">12<" in page


def test_closing_needs_a_note_and_a_handler(article, reviewer):
    feedback = Feedback.objects.create(article=article, kind="out_of_date", text="Old advice.")
    moderator = staff_member("mo", "Mo", "Derator", "Moderators")
    with pytest.raises(ModerationError) as refused:
        feedback.close(moderator, "Done.")
    assert refused.value.code == "permission_denied"
    with pytest.raises(ModerationError) as refused:
        feedback.close(reviewer, "  ")
    assert refused.value.code == "note"
    assert feedback.available_steps(moderator) == []
    assert feedback.available_steps(reviewer) == ["close", "start_revision"]
    feedback.close(reviewer, "Checked: the advice is current.")
    assert feedback.available_steps(reviewer) == []
    feedback.refresh_from_db()
    assert (feedback.closed_by, feedback.close_note) == (
        reviewer,
        "Checked: the advice is current.",
    )
    assert list(Feedback.objects.open()) == []
    with pytest.raises(ModerationError) as refused:
        feedback.close(reviewer, "Again.")
    assert refused.value.code == "closed"


def test_a_reviewer_starts_a_revision_from_it_and_it_closes_pointing_there(
    article, reviewer, editor
):
    feedback = Feedback.objects.create(article=article, kind="broken_link", text="Dead link.")
    revision = feedback.start_revision(reviewer)
    assert revision.article == article
    assert revision.body == article.published_revision.body
    feedback.refresh_from_db()
    assert (feedback.revision, feedback.closed_by) == (revision, reviewer)
    second = Feedback.objects.create(article=article, kind="out_of_date", text="Old.")
    assert second.start_revision(editor) == revision  # the revision already open


def test_the_admin_steps_close_and_start_a_revision(client, article, reviewer):
    feedback = Feedback.objects.create(article=article, kind="broken_link", text="Dead link.")
    sign_in(client, reviewer)
    url = f"/admin/comments/feedback/{feedback.pk}/step/close/"
    assert client.post(url, {"note": ""}).status_code == 200
    response = client.post(url, {"note": "Fixed the link."})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.close_note == "Fixed the link."


def test_each_refusal_says_why_and_closing_keeps_the_time_it_is_given(article, reviewer):
    from datetime import datetime, timedelta

    feedback = Feedback.objects.create(article=article, kind="out_of_date", text="Old advice.")
    moderator = staff_member("mo", "Mo", "Derator", "Moderators")
    with pytest.raises(ModerationError) as refused:
        feedback.close(moderator, "Done.")
    assert refused.value.messages == ["Only editors and nurse reviewers handle reader feedback."]
    with pytest.raises(ModerationError) as refused:
        feedback.close(reviewer, " ")
    assert refused.value.messages == ["Say what you did about it, or why nothing needs doing."]
    then = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    feedback.close(reviewer, "Checked.", now=then)
    feedback.refresh_from_db()
    assert feedback.closed_at == then
    with pytest.raises(ModerationError) as refused:
        feedback.close(reviewer, "Again.")
    assert refused.value.messages == ["This feedback is already closed."]

    second = Feedback.objects.create(article=article, kind="broken_link", text="Dead link.")
    second.start_revision(reviewer, now=then + timedelta(hours=1))
    second.refresh_from_db()
    assert second.closed_at == then + timedelta(hours=1)
    assert second.close_note == "A revision was started from this feedback."


def test_the_free_first_message_is_once_in_any_24_hours(article):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    sent = Feedback.objects.create(
        article=article, kind="out_of_date", text="x", address_hash="visitor",
        created_at=now - timedelta(hours=23),
    )  # fmt: skip
    assert Feedback.sent_today_by("visitor", now=now)
    assert not Feedback.sent_today_by("someone else", now=now)
    assert not Feedback.sent_today_by("visitor", now=sent.created_at + timedelta(hours=25))
