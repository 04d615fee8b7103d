"""Every email the site sends is well formed: a title in its HTML, a Message-ID of our own."""

import email
import email.policy
import re

import pytest
from django.core import mail

from articles.reminders import send_review_reminders
from comments.emails import send_reply_to_commenter
from comments.models import Comment, Status
from comments.notifications import notify_moderators
from community.emails import send_answer_to_asker, send_asker_link, send_new_answers_to_follower
from community.models import Answer, Question
from newsletter import emails
from newsletter.models import Follow, Issue, Subscriber
from tests.conftest import staff_member

pytestmark = pytest.mark.django_db


def send_each_kind(article):
    staff_member("mo", "Mo", "Derator", "Moderators")
    bob = Subscriber.objects.create(email="bob@example.org", status="confirmed")
    emails.send_confirmation(bob)
    emails.send_manage_subscription(bob)
    emails.send_data_link(bob)
    question = Question.objects.create(
        title="Does it spread?", body="It moved.", author_name="Robin",
        author_email="robin@example.org", status=Status.APPROVED,
    )  # fmt: skip
    answer = Answer.objects.create(
        question=question, body="Mine did.", author_name="Jo", author_email="jo@example.org",
        status=Status.APPROVED,
    )  # fmt: skip
    send_answer_to_asker(answer)
    send_asker_link(question)
    follow = Follow.start(bob, question, source="test", address_hash="")
    send_new_answers_to_follower(follow, question, [answer])
    kims = Comment.objects.create(
        article=article, body="Helpful.", author_name="Kim", author_email="kim@example.org"
    )
    reply = Comment(
        article=article, reply_to=kims, body="Thanks.", author_name="Nora",
        staff_badge="Nurse reviewer, RN",
    )  # fmt: skip
    send_reply_to_commenter(Follow.start(bob, kims, source="test", address_hash=""), reply)
    notify_moderators(urgent=True)
    Issue.objects.create(subject="Spring news", body="Hello").send_test(
        staff_member("ed", "Ed", "Itor", "Editors")
    )
    send_review_reminders(article.next_review_due)


def test_every_html_email_has_a_title_and_a_message_id_in_the_senders_domain(article, settings):
    settings.DEFAULT_FROM_EMAIL = "Empower <hello@empower.example>"
    settings.NEWSLETTER_FROM_EMAIL = "Empower <news@empower.example>"
    send_each_kind(article)
    subjects = [message.subject for message in mail.outbox]
    assert len(set(subjects)) == 10, subjects  # ten kinds of email
    for message in mail.outbox:
        parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
        html = parsed.get_body(preferencelist=("html",)).get_content()
        title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
        assert title, message.subject
        assert title.group(1).strip(), message.subject
        assert parsed["Message-ID"].endswith("@empower.example>"), message.subject
