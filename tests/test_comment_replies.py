"""Replies to comments: a commenter who ticks "Email me if a nurse or editor replies"
confirms their address once, then gets one email per staff reply, with a one-click stop."""

import re

import pytest
from django.core import mail
from django.test import Client

from comments.models import Comment, Status
from newsletter.models import Follow, Subscriber
from tests.conftest import staff_member
from tests.test_comments import post, solved
from tests.test_newsletter import link_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    return staff_member("mo", "Mo", "Derator", "Moderators")


@pytest.fixture
def replying(reviewer, django_capture_on_commit_callbacks):
    """The nurse reviewer replies; the email goes after the commit, as in production."""

    def reply(comment, body="Thanks, Dana: that matches what we see."):
        with django_capture_on_commit_callbacks(execute=True):
            return comment.reply_as_staff(reviewer, body)

    return reply


def comment(article, ticked=True, email="dana@example.org", **fields):
    return Comment.objects.create(
        article=article, author_name="Dana", author_email=email, body="Botox helped me.",
        wants_reply_emails=ticked, **fields,
    )  # fmt: skip


def reply_emails():
    return [message for message in mail.outbox if "/newsletter/stop/" in message.body]


def test_the_comment_form_offers_the_tick_and_stores_it(client, article):
    assert (
        "Email me if a nurse or editor replies"
        in client.get(f"{article.get_absolute_url()}comment/").text
    )
    post(client, article, solved(client, article, wants_reply_emails="on"))
    assert Comment.objects.get().wants_reply_emails


def test_a_ticked_comment_asks_for_confirmation_only_once_approved(article, moderator):
    held = comment(article)
    assert mail.outbox == []  # a spammer's post mails no one
    held.approve(moderator)
    [confirmation] = mail.outbox
    assert "Replies to your comment on" in confirmation.body
    reader = Subscriber.objects.get(email="dana@example.org")
    assert reader.status == Subscriber.Status.PENDING
    assert reader.consents.get().action == "followed"


def test_after_confirming_a_staff_reply_sends_one_email_with_a_stop(article, moderator, replying):
    ticked = comment(article)
    ticked.approve(moderator)
    Client().post(link_in(mail.outbox[0], "confirm"))
    replying(ticked)
    [email] = reply_emails()
    assert email.to == ["dana@example.org"]
    assert email.subject == "A reply to your comment on Empower"
    assert "that matches what we see" in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    stop = re.search(r"https?://[^/\s]+(/newsletter/stop/\S+/)", email.body).group(1)
    Client().post(stop)
    replying(ticked, "And one more thing.")
    assert len(reply_emails()) == 1


def test_an_unconfirmed_commenter_hears_nothing(article, moderator, replying):
    ticked = comment(article)
    ticked.approve(moderator)
    replying(ticked)
    assert reply_emails() == []


def test_replies_notify_only_when_ticked(article, moderator, replying):
    Subscriber.objects.create(email="dana@example.org", status="confirmed")
    Subscriber.objects.create(email="kim@example.org", status="confirmed")
    ticked = comment(article, status=Status.PENDING)
    unticked = comment(article, ticked=False, email="kim@example.org")
    ticked.approve(moderator)
    unticked.approve(moderator)
    replying(ticked)
    replying(unticked)
    assert [message.to for message in reply_emails()] == [["dana@example.org"]]
    assert not Follow.objects.of(unticked).exists()


def test_the_preferences_page_lists_the_watched_comment_with_its_own_stop(
    client, article, moderator
):
    reader = Subscriber.objects.create(email="dana@example.org", status="confirmed")
    ticked = comment(article)
    ticked.approve(moderator)
    page = client.get(reader.preferences_url()).text
    assert "Replies to your comment on" in page
    client.post(reader.preferences_url(), {"stop_follow": Follow.objects.get().pk})
    assert not Follow.objects.get().is_active


# Readers' replies, one level deep -------------------------------------------


def reply_form(client, parent):
    return f"{parent.article.get_absolute_url()}comment/?reply_to={parent.pk}"


def test_a_reader_replies_to_an_approved_comment_and_waits_for_moderation(client, article):
    parent = comment(article, status=Status.APPROVED)
    assert reply_form(client, parent).split("?")[1] in client.get(article.get_absolute_url()).text
    page = client.get(reply_form(client, parent)).text
    assert "Reply to Dana" in page
    assert "Email me if a nurse or editor replies" not in page  # nobody replies to a reply
    data = solved(client, article, author_email="kim@example.org", reply_to=parent.pk)
    post(client, article, data)
    reply = Comment.objects.get(author_email="kim@example.org")
    assert (reply.reply_to, reply.status) == (parent, Status.PENDING)
    assert "Botox injections helped" not in client.get(article.get_absolute_url()).text


def test_a_reply_to_a_reply_or_an_unapproved_comment_stays_one_level_deep(client, article):
    held = comment(article, status=Status.PENDING)
    parent = comment(article, status=Status.APPROVED)
    nested = comment(article, status=Status.APPROVED, reply_to=parent)
    for target in [held, nested]:
        post(client, article, solved(client, article, reply_to=target.pk, body=f"To {target.pk}"))
    assert not Comment.objects.filter(body__startswith="To ", reply_to__isnull=False).exists()


def test_reader_replies_notify_only_a_commenter_who_ticked_them(
    article, moderator, django_capture_on_commit_callbacks
):
    Subscriber.objects.create(email="dana@example.org", status="confirmed")
    Subscriber.objects.create(email="kim@example.org", status="confirmed")
    staff_only = comment(article, status=Status.PENDING)
    everyone = comment(
        article, email="kim@example.org", status=Status.PENDING, wants_reader_reply_emails=True
    )
    staff_only.approve(moderator)
    everyone.approve(moderator)
    for parent in [staff_only, everyone]:
        reply = Comment.objects.create(
            article=article, reply_to=parent, author_name="Sam", author_email="sam@example.org",
            body="Same here.",
        )  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            reply.approve(moderator)
    assert [message.to for message in reply_emails()] == [["kim@example.org"]]
    assert "Sam replied" in reply_emails()[0].body


def test_readers_replies_are_in_the_moderation_queue_and_staff_replies_are_not(
    admin_client, article, reviewer
):
    parent = comment(article, status=Status.APPROVED)
    Comment.objects.create(
        article=article, reply_to=parent, author_name="Sam", author_email="sam@example.org",
        body="A reader's reply.",
    )  # fmt: skip
    parent.reply_as_staff(reviewer, "A nurse's reply.")
    page = admin_client.get("/admin/comments/comment/").text
    assert "A reader&#x27;s reply." in page or "A reader's reply." in page
    assert "A nurse&#x27;s reply." not in page
    assert "A nurse's reply." not in page
