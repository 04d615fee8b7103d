"""Moderators work the queue in the admin; staff reply with their role; readers' data can go."""

import json
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from comments.models import Comment, ModerationError, Refusal, Status
from newsletter.models import Subscriber
from tests.conftest import sign_in, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(db):
    """Mo moderates comments."""
    return staff_member("mo", "Mo", "Derator", "Moderators")


def comment_on(article, body, status=Status.PENDING, email="dana@example.org", **fields):
    return Comment.objects.create(
        article=article, author_name="Dana", author_email=email, body=body, status=status, **fields
    )


def last_message(response):
    return str(list(get_messages(response.wsgi_request))[-1])


def test_the_queue_shows_pending_first_with_the_article_and_the_flags(client, moderator, article):
    comment_on(article, "An approved one", status=Status.APPROVED)
    comment_on(article, "Buy pills", status=Status.SPAM, flags=["3 links"])
    comment_on(article, "Waiting patiently")
    sign_in(client, moderator)
    page = client.get("/admin/comments/comment/").text
    assert page.index("Waiting patiently") < page.index("Buy pills")
    assert page.index("Waiting patiently") < page.index("An approved one")
    assert "What is hemifacial spasm?" in page
    assert "3 links" in page
    assert "dana@example.org" not in client.get(article.get_absolute_url()).text


def test_the_queue_order_is_urgent_then_pending_then_reported_then_the_rest(article):
    now = timezone.now()

    def made(body, hours_ago, **fields):
        return comment_on(article, body, created_at=now - timedelta(hours=hours_ago), **fields)

    # Made out of order, so that only the dates can put them in order.
    approved_crisis = made("Approved, once urgent", 1, status=Status.APPROVED, urgent=True)
    old_pending = made("Pending from nine hours ago", 9)
    reported = made("Reported", 5, status=Status.HIDDEN)
    urgent_reported = made("Urgent and reported", 8, status=Status.HIDDEN, urgent=True)
    new_pending = made("Pending from an hour ago", 1)
    approved = made("Approved", 2, status=Status.APPROVED)
    urgent = made("Urgent and pending", 7, urgent=True)
    spam = made("Spam", 10, status=Status.SPAM)
    assert list(Comment.objects.queue_order()) == [
        urgent,
        urgent_reported,
        new_pending,
        old_pending,
        reported,
        approved_crisis,
        approved,
        spam,
    ]


def test_a_crisis_post_stays_above_newer_posts_in_the_queue(client, moderator, article):
    now = timezone.now()
    older = comment_on(article, "Pending from four hours ago", created_at=now - timedelta(hours=4))
    crisis = comment_on(
        article, "Crisis from three hours ago", urgent=True, created_at=now - timedelta(hours=3)
    )
    newer = comment_on(article, "Pending from an hour ago", created_at=now - timedelta(hours=1))
    newest = comment_on(article, "Pending from a minute ago", created_at=now - timedelta(minutes=1))
    expected = [crisis, newest, newer, older]
    assert list(Comment.objects.pending().queue_order()) == expected

    sign_in(client, moderator)
    page = client.get("/admin/comments/comment/").text
    positions = [page.index(comment.body) for comment in expected]
    assert positions == sorted(positions)
    dashboard = client.get("/admin/").text
    positions = [dashboard.index(comment.body) for comment in expected]
    assert positions == sorted(positions)


def test_approving_shows_the_comment_at_once(client, moderator, article):
    comment = comment_on(article, "Thank you for this article.")
    sign_in(client, moderator)
    client.post(f"/admin/comments/comment/{comment.pk}/moderate/approve/")
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (Status.APPROVED, moderator)
    assert "Thank you for this article." in client.get(article.get_absolute_url()).text


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("approve_selected", Status.APPROVED),
        ("reject_selected", Status.REJECTED),
        ("mark_spam_selected", Status.SPAM),
    ],
)
def test_moderators_act_in_bulk(client, moderator, article, action, status):
    comments = [comment_on(article, f"Comment {n}") for n in range(3)]
    sign_in(client, moderator)
    client.post(
        "/admin/comments/comment/",
        {"action": action, "_selected_action": [c.pk for c in comments]},
    )
    assert set(Comment.objects.values_list("status", flat=True)) == {status}


def test_people_who_may_not_moderate_are_refused(client, reviewer, article):
    comment = comment_on(article, "Please approve me")
    sign_in(client, reviewer)
    response = client.post(f"/admin/comments/comment/{comment.pk}/moderate/approve/")
    assert last_message(response) == "Only moderators can do that."
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    for step in [comment.approve, comment.reject, comment.mark_spam]:
        with pytest.raises(ModerationError) as refused:
            step(reviewer)
        assert (refused.value.code, refused.value.messages) == (
            "permission_denied",
            ["Only moderators can do that."],
        )
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_a_moderators_decision_writes_the_decision_and_nothing_else(moderator, article):
    comment = comment_on(article, "Borderline", status=Status.APPROVED)
    # Meanwhile, readers' reports hide it (the comment in hand doesn't know).
    Comment.objects.filter(pk=comment.pk).update(
        status=Status.HIDDEN, flags=["hidden after 3 reader reports"]
    )
    comment.approve(moderator)
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (Status.APPROVED, moderator)
    assert comment.flags == ["hidden after 3 reader reports"]


def test_whoever_waits_is_told_once_however_often_it_is_approved(editor):
    from community.models import Answer, Question

    asked = Question.objects.create(
        title="Does stress make it worse?", body="Mine gets worse.", author_name="Robin",
        author_email="robin@example.org", status=Status.APPROVED,
    )  # fmt: skip
    reply = Answer.objects.create(
        question=asked, body="Same for me.", author_name="Jo", author_email="jo@example.org"
    )
    reply.approve(editor)
    reply.approve(editor)  # approved again, say in bulk with others
    assert len([m for m in mail.outbox if m.to == ["robin@example.org"]]) == 1


def test_a_comment_is_named_by_its_writer_its_article_and_its_first_60_characters(article):
    comment = comment_on(article, "x" * 59 + "yz and more")
    assert str(comment) == f"Dana on {article}: {'x' * 59}y"


def test_a_nurse_reviewer_replies_with_her_role_badge(client, reviewer, article):
    comment = comment_on(article, "Does it come back after surgery?", status=Status.APPROVED)
    sign_in(client, reviewer)
    client.post(
        f"/admin/comments/comment/{comment.pk}/reply/",
        {"body": "Rarely, but please talk it through with your surgeon."},
    )
    reply = Comment.objects.get(reply_to=comment)
    assert (reply.status, reply.staff_badge, reply.staff_author) == (
        Status.APPROVED,
        "Nurse reviewer, RN",
        reviewer,
    )
    page = client.get(article.get_absolute_url()).text
    assert 'Nora Nurse</strong> <span class="badge staff-badge">Nurse reviewer, RN</span>' in page


def test_staff_cannot_reply_to_a_comment_that_is_not_public(client, editor, article):
    comment = comment_on(article, "Still pending")
    sign_in(client, editor)
    response = client.post(f"/admin/comments/comment/{comment.pk}/reply/", {"body": "Hi"})
    assert last_message(response) == "Approve the comment before replying to it."
    assert not Comment.objects.filter(reply_to=comment).exists()


def test_a_nurse_answers_a_question_from_its_admin_page_and_sees_her_answer_there(
    client, reviewer, condition
):
    from community.models import Answer, Question

    question = Question.objects.create(
        title="Does it come back?", body="After surgery.", author_name="Sam",
        author_email="sam@example.org", condition=condition, status=Status.APPROVED,
    )  # fmt: skip
    sign_in(client, reviewer)
    change_page = f"/admin/community/question/{question.pk}/change/"
    assert client.get(change_page).context["reply_url"] == (
        f"/admin/community/question/{question.pk}/expert-answer/"
    )
    response = client.post(
        f"/admin/community/question/{question.pk}/expert-answer/", {"body": "Rarely."}
    )
    assert response.url == change_page
    assert last_message(response) == "Expert answer published."
    answer = Answer.objects.get(question=question)
    assert (answer.is_expert, answer.status, answer.body) == (True, Status.APPROVED, "Rarely.")
    assert list(client.get(change_page).context["replies"]) == [answer]
    empty = client.post(f"/admin/community/question/{question.pk}/expert-answer/", {"body": ""})
    assert last_message(empty) == "Write an expert answer of up to 5,000 characters."
    assert Answer.objects.count() == 1


def test_staff_who_may_not_reply_get_no_reply_box_and_cannot_post_one(client, moderator, article):
    comment = comment_on(article, "Does it itch?", status=Status.APPROVED)
    sign_in(client, moderator)
    assert "reply_form" not in client.get(f"/admin/comments/comment/{comment.pk}/change/").context
    response = client.post(f"/admin/comments/comment/{comment.pk}/reply/", {"body": "Hi"})
    assert response.status_code == 403
    assert not Comment.objects.filter(reply_to=comment).exists()


def test_the_queue_does_not_query_per_row(
    client, moderator, make_article, django_assert_max_num_queries
):
    def queue_queries():
        with django_assert_max_num_queries(20) as captured:
            client.get("/admin/comments/comment/")
        return len(captured)

    sign_in(client, moderator)
    comment_on(make_article("a"), "First")
    few = queue_queries()
    for n in range(20):
        comment_on(make_article(f"article-{n}"), f"Comment {n}", flags=["1 link"])
    assert queue_queries() == few


def test_the_dashboard_tells_moderators_what_is_waiting(client, moderator, article):
    comment_on(article, "Pending one")
    comment_on(article, "Pending two", email="kim@example.org")
    comment_on(article, "Reported one", status=Status.HIDDEN)
    sign_in(client, moderator)
    page = client.get("/admin/").text
    assert 'Comments to moderate <span class="work-count">3</span>' in page
    assert "Hidden after reader reports" in page


def test_moderators_see_which_defence_refused_what(client, moderator):
    Refusal.count_one("comment", "honeypot")
    Refusal.count_one("comment", "honeypot")
    sign_in(client, moderator)
    page = client.get("/admin/comments/refusal/").text
    assert "honeypot" in page
    assert Refusal.objects.get().count == 2


def test_refusals_are_counted_per_form_reason_and_day(moderator):
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    Refusal.objects.create(form="comment", reason="honeypot", day=yesterday, count=4)
    Refusal.count_one("comment", "honeypot")
    Refusal.count_one("question", "honeypot")
    assert set(Refusal.objects.values_list("form", "reason", "day", "count")) == {
        ("comment", "honeypot", yesterday, 4),
        ("comment", "honeypot", today, 1),
        ("question", "honeypot", today, 1),
    }


def test_personal_data_is_exported_and_deleted_for_one_address(article):
    mine = comment_on(article, "Mine", email="Dana@Example.org")
    comment_on(article, "Someone else's", email="kim@example.org")
    Comment.objects.filter(pk=mine.pk).update(address_hash="a" * 64)

    out = StringIO()
    call_command("personal_data", "export", "dana@example.org", stdout=out)
    exported = json.loads(out.getvalue())
    assert [c["text"] for c in exported["data"]["comments"]] == ["Mine"]

    out = StringIO()
    call_command("personal_data", "delete", "dana@example.org", "--dry-run", stdout=out)
    assert "Would delete 1 comments record(s)" in out.getvalue()
    assert Comment.objects.count() == 2

    call_command("personal_data", "delete", "dana@example.org", stdout=StringIO())
    assert list(Comment.objects.values_list("body", flat=True)) == ["Someone else's"]
    assert not Comment.objects.filter(address_hash="a" * 64).exists()


@pytest.mark.parametrize(
    ("typed", "erased"),
    [("Dana@Example.org", "dana@example.org"), ("dana@example.org", "Dana@Example.org")],
)
def test_erasing_personal_data_finds_an_address_whatever_its_case(client, article, typed, erased):
    signed_up = client.post(
        "/newsletter/subscribe/", {"email": typed, "newsletter": "on", "source": "/", "website": ""}
    )
    assert signed_up.status_code == 302
    Subscriber.objects.create(email="kim@example.org")
    comment_on(article, "Mine", email=typed)
    comment_on(article, "Someone else's", email="kim@example.org")

    out = StringIO()
    call_command("personal_data", "delete", erased, stdout=out)
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["kim@example.org"]
    assert list(Comment.objects.values_list("body", flat=True)) == ["Someone else's"]
    assert f"Deleted 1 comments record(s) for {erased}." in out.getvalue()


def test_a_bad_address_gets_one_line_and_a_failing_exit():
    with pytest.raises(CommandError, match=r"'nobody' is not an email address\."):
        call_command("personal_data", "export", "nobody")
    result = subprocess.run(
        [sys.executable, "manage.py", "personal_data", "wipe", "dana@example.org"],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "invalid choice: 'wipe'" in result.stderr


def test_nurse_reviewers_never_see_posters_email_addresses(client, reviewer, article):
    comment = comment_on(article, "A question about dosage", status=Status.APPROVED)
    sign_in(client, reviewer)
    page = client.get(f"/admin/comments/comment/{comment.pk}/change/").text
    assert "A question about dosage" in page
    assert "dana@example.org" not in page


def test_a_staff_reply_is_published_at_once_signed_with_the_writers_role(
    article, reviewer, moderator, settings
):
    from comments.models import ModerationError

    settings.DEFAULT_FROM_EMAIL = "Empower <hello@empower.example>"
    comment = comment_on(article, "Does it hurt?", status=Status.APPROVED)
    reviewer.email = ""
    reply = comment.reply_as_staff(reviewer, "Only a little, and briefly.")
    assert (reply.status, reply.reply_to, reply.staff_author) == (
        Status.APPROVED,
        comment,
        reviewer,
    )
    assert (reply.author_name, reply.staff_badge) == ("Nora Nurse", "Nurse reviewer, RN")
    assert reply.author_email == "hello@empower.example", "the site's own, never a made-up one"
    assert reply.moderated_by == reviewer
    assert reply.body == "Only a little, and briefly."

    may_not = "Only nurse reviewers and editors reply."
    not_yet = "Approve the comment before replying to it."
    for who, on, code, message in [
        (moderator, comment, "permission_denied", may_not),  # moderators don't reply
        (reviewer, comment_on(article, "Pending"), "not_public", not_yet),
        (reviewer, reply, "not_public", not_yet),  # replies are one level deep
    ]:
        with pytest.raises(ModerationError) as refused:
            on.reply_as_staff(who, "Hello")
        assert (refused.value.code, refused.value.messages) == (code, [message])
    assert Comment.objects.filter(reply_to__isnull=False).count() == 1


def test_a_staff_reply_cannot_be_moderated_through_the_comment_queue(client, moderator, article):
    comment = comment_on(article, "Does it itch?", status=Status.APPROVED)
    reply = comment_on(
        article, "Rarely.", status=Status.APPROVED, reply_to=comment, staff_author=moderator
    )
    sign_in(client, moderator)
    response = client.post(f"/admin/comments/comment/{reply.pk}/moderate/reject/")
    assert response.status_code == 404
    reply.refresh_from_db()
    assert reply.status == Status.APPROVED
    assert client.post(f"/admin/comments/comment/{comment.pk}/moderate/vanish/").status_code == 404
