"""Following a question: "Email me when it gets an answer", with double opt-in,
one email per newly approved answer (batched), and a one-click stop for it."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client

from comments.models import Status
from community.models import Answer
from community.tasks import tell_followers
from newsletter.models import FOLLOW_CONSENT_TEXT, ConsentRecord, Follow, Subscriber
from tests.conftest import staff_member
from tests.test_community import answer, question
from tests.test_newsletter import link_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked():
    return question()


@pytest.fixture
def moderator():
    return staff_member("mo", "Mo", "Derator", "Moderators")


@pytest.fixture
def approving(django_capture_on_commit_callbacks):
    """Approve, then run what approval leaves for after the commit (the followers' task)."""

    def approve(post, by):
        with django_capture_on_commit_callbacks(execute=True):
            post.approve(by)

    return approve


def follow(client, asked, email="dana@example.org", headers=None, **fields):
    data = {"email": email, "website": "", **fields}
    return client.post(f"/community/questions/{asked.pk}/follow/", data, headers=headers)


def confirmed_follower(asked, email="dana@example.org", **fields):
    reader = Subscriber.objects.create(email=email, status="confirmed", **fields)
    return Follow.start(reader, asked, source="test", address_hash="")


def answer_emails():
    return [message for message in mail.outbox if "/newsletter/stop/" in message.body]


# Following -----------------------------------------------------------------


def test_the_question_page_offers_a_plain_follow_form_without_a_token(client, asked):
    page = client.get(asked.get_absolute_url()).text
    form = page.split('id="follow"')[1].split("</form>")[0]
    assert f'action="/community/questions/{asked.pk}/follow/"' in form
    assert "Keep my emails discreet" in form
    assert "csrfmiddlewaretoken" not in form


def test_a_new_address_follows_after_confirming_and_the_consent_keeps_its_wording(client, asked):
    response = follow(client, asked)
    assert response.status_code == 302
    reader = Subscriber.objects.get(email="dana@example.org")
    assert reader.status == Subscriber.Status.PENDING
    [confirmation] = mail.outbox
    assert f"New answers to “{asked.title}”" in confirmation.body
    followed = ConsentRecord.objects.get(subscriber=reader)
    assert (followed.action, followed.consent_text) == ("followed", FOLLOW_CONSENT_TEXT)
    assert followed.topics == [f"New answers to “{asked.title}”"]

    page = client.get(link_in(confirmation, "confirm")).text
    assert FOLLOW_CONSENT_TEXT in page
    client.post(link_in(confirmation, "confirm"))
    reader.refresh_from_db()
    assert reader.is_confirmed
    confirmed = reader.consents.get(action="confirmed")
    assert confirmed.consent_text == FOLLOW_CONSENT_TEXT
    assert not reader.wants_newsletter


def test_the_form_answers_the_same_whatever_the_address(client, asked):
    Subscriber.objects.create(email="old@example.org", status="confirmed")
    Subscriber.objects.create(email="waiting@example.org")
    answers = set()
    for email in ["new@example.org", "old@example.org", "waiting@example.org"]:
        response = follow(Client(), asked, email)
        told = [str(message) for message in get_messages(response.wsgi_request)]
        answers.add((response.status_code, response["Location"], *told))
    assert len(answers) == 1


def test_a_reader_confirmed_for_the_newsletter_is_not_asked_again(client, asked):
    reader = Subscriber.objects.create(email="dana@example.org", status="confirmed")
    follow(client, asked)
    assert mail.outbox == []
    assert reader.follows.get().is_active
    assert reader.consents.get().action == "followed"


def test_a_pending_address_gets_the_confirmation_again_but_not_without_limit(
    client, asked, settings
):
    settings.NEWSLETTER_SIGNUPS_PER_HOUR = 2
    for _ in range(4):
        follow(client, asked)
    assert len(mail.outbox) == 2
    assert Follow.objects.count() == 1


def test_a_follow_from_another_site_is_refused(client, asked):
    response = follow(client, asked, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    assert not Follow.objects.exists()


def test_the_address_never_appears_in_a_link(client, asked):
    follow(client, asked)
    assert "dana" not in " ".join(re.findall(r"https?://\S+", mail.outbox[0].body))


# Emails about new answers --------------------------------------------------


def test_a_follow_without_confirmation_sends_nothing(client, asked, editor, approving):
    follow(client, asked)
    mail.outbox.clear()
    approving(answer(asked, status=Status.PENDING), editor)
    assert answer_emails() == []


def test_one_approved_answer_sends_one_email_to_each_confirmed_follower(asked, editor, approving):
    confirmed_follower(asked, "dana@example.org")
    confirmed_follower(asked, "kim@example.org")
    approving(answer(asked, status=Status.PENDING, body="Try magnesium."), editor)
    emails = answer_emails()
    assert sorted(message.to[0] for message in emails) == ["dana@example.org", "kim@example.org"]
    assert all("Try magnesium." in message.body for message in emails)
    assert emails[0].subject == f"A new answer: {asked.title}"


def test_the_asker_following_their_own_question_gets_only_the_askers_email(
    asked, editor, approving
):
    confirmed_follower(asked, "Robin@Example.org")
    approving(answer(asked, status=Status.PENDING), editor)
    assert answer_emails() == []
    assert [message.to for message in mail.outbox] == [["robin@example.org"]]


def test_someone_who_stopped_hears_nothing_more(client, asked, editor, approving):
    stopped = confirmed_follower(asked)
    client.post(stopped.links().unsubscribe)
    approving(answer(asked, status=Status.PENDING), editor)
    assert answer_emails() == []


def test_an_unsubscribed_reader_hears_nothing_though_their_follow_remains(asked, editor, approving):
    confirmed_follower(asked).subscriber.unsubscribe(source="test")
    approving(answer(asked, status=Status.PENDING), editor)
    assert answer_emails() == []


def test_an_expert_answer_published_at_once_tells_followers_too(
    asked, reviewer, django_capture_on_commit_callbacks
):
    confirmed_follower(asked)
    with django_capture_on_commit_callbacks(execute=True):
        asked.answer_as_staff(reviewer, "Stress can make spasms come more often.")
    [email] = answer_emails()
    assert "Stress can make spasms come more often." in email.body


def test_answers_approved_together_go_in_one_email_and_are_never_sent_twice(asked, editor):
    # Approved in one transaction whose commit never comes here: the tasks run below.
    confirmed_follower(asked)
    for body in ["First.", "Second."]:
        answer(asked, status=Status.PENDING, body=body).approve(editor)
    assert tell_followers.call(asked.pk) == 1  # two tasks were queued; the first sends both
    assert tell_followers.call(asked.pk) == 0
    [email] = answer_emails()
    assert "First." in email.body
    assert "Second." in email.body
    assert email.subject.startswith("2 new answers")
    assert set(Answer.objects.values_list("followers_told", flat=True)) == {True}


def test_a_follower_hears_only_of_answers_approved_since_they_followed(asked, editor, approving):
    approving(answer(asked, status=Status.PENDING, body="Old news."), editor)
    confirmed_follower(asked)
    approving(answer(asked, status=Status.PENDING, body="New answer."), editor)
    [email] = answer_emails()
    assert "New answer." in email.body
    assert "Old news." not in email.body


def test_a_discreet_reader_gets_a_subject_that_names_no_question(asked, editor, approving):
    confirmed_follower(asked, discreet=True)
    approving(answer(asked, status=Status.PENDING), editor)
    [email] = answer_emails()
    assert email.subject == "A new answer on Empower"
    assert asked.title not in email.subject


def test_ticking_discreet_on_the_form_keeps_the_readers_emails_discreet(client, asked):
    follow(client, asked, discreet="on")
    assert Subscriber.objects.get().discreet


def test_each_email_stops_that_follow_in_one_click_and_links_to_all_settings(
    client, asked, editor, approving
):
    kept = confirmed_follower(asked)
    other = question(title="Does sleep help?", author_email="kim@example.org")
    stopped = Follow.start(kept.subscriber, other, source="test", address_hash="")
    approving(answer(other, status=Status.PENDING), editor)
    [email] = answer_emails()
    header = email.extra_headers["List-Unsubscribe"]
    one_click = re.fullmatch(r"<https?://[^/]+(/newsletter/stop/[^>]+/)>", header).group(1)
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert kept.subscriber.preferences_url() in email.body

    assert "Stop these emails" in client.get(one_click).text  # a GET stops nothing
    stopped.refresh_from_db()
    assert stopped.is_active
    assert Client().post(one_click).status_code == 200  # no session, no CSRF token
    stopped.refresh_from_db()
    kept.refresh_from_db()
    assert not stopped.is_active
    assert kept.is_active
    assert kept.subscriber.consents.filter(action="stopped").count() == 1


# The preferences page ------------------------------------------------------


def test_the_preferences_page_lists_each_question_followed_with_its_own_stop(client, asked):
    kept = confirmed_follower(asked)
    other = question(title="Does sleep help?", author_email="kim@example.org")
    stopped = Follow.start(kept.subscriber, other, source="test", address_hash="")
    url = kept.subscriber.preferences_url()
    response = client.get(url)
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert f"New answers to “{asked.title}”" in response.text
    assert "New answers to “Does sleep help?”" in response.text
    client.post(url, {"stop_follow": stopped.pk})
    stopped.refresh_from_db()
    kept.refresh_from_db()
    assert not stopped.is_active
    assert kept.is_active
    assert f'value="{stopped.pk}"' not in client.get(url).text


def test_the_preferences_page_stops_only_the_readers_own_follows(client, asked):
    mine = confirmed_follower(asked)
    theirs = confirmed_follower(asked, "kim@example.org")
    client.post(mine.subscriber.preferences_url(), {"stop_follow": theirs.pk})
    client.post(mine.subscriber.preferences_url(), {"stop_follow": "nonsense"})
    theirs.refresh_from_db()
    assert theirs.is_active


# Cost ----------------------------------------------------------------------


def test_the_question_and_article_pages_cost_the_same_with_1_or_50_followers(
    client, article, make_article, django_assert_max_num_queries
):
    def queries(path):  # each page once: measured as made, not as cached
        with django_assert_max_num_queries(14) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    one = question(title="One follower")
    many = question(title="Fifty followers", author_email="kim@example.org")
    confirmed_follower(one)
    for n in range(50):
        confirmed_follower(many, f"r{n}@example.org")
    assert queries(many.get_absolute_url()) == queries(one.get_absolute_url())
    before = queries(article.get_absolute_url())
    for n in range(50, 100):
        confirmed_follower(one, f"r{n}@example.org")
    assert queries(make_article("later").get_absolute_url()) == before


def test_what_someone_follows_is_in_the_data_they_can_download(asked):
    follow_row = confirmed_follower(asked)
    exported = follow_row.subscriber.export()["follows"]
    assert len(exported) == 1
    assert exported[0]["address"] == asked.get_absolute_url()
    assert asked.title in exported[0]["following"]
    assert exported[0]["stopped_at"] is None
