"""Reviews that don't lapse silently: the last reviewer and the editor are emailed
REVIEW_REMINDER_DAYS before a review is due and again once it lapses, in one
email per person per day at most, each reminder once."""

import re
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ReminderEmail, Review, ReviewReminder
from articles.reminders import remind, reminders_due, send_review_reminders
from articles.tasks import send_daily_review_reminders
from empower.roles import NURSE_REVIEWERS
from tests.conftest import sign_in, staff_member
from tests.servers import replay_data_migrations

pytestmark = pytest.mark.django_db

ERIN, NORA = "erin@empower.example", "nora@empower.example"


def due_on(article):
    article.refresh_from_db()
    return article.next_review_due


def inbox():
    """Who got which articles, by the lines of each email's text."""
    return {
        message.to[0]: re.findall(r"^- (.+?) \(", message.body, re.MULTILINE)
        for message in mail.outbox
    }


def test_reviews_due_within_the_reminder_days_are_sent_to_the_last_reviewer_and_the_editor(
    article, settings
):
    settings.REVIEW_REMINDER_DAYS = 30
    due = due_on(article)
    assert send_review_reminders(due - timedelta(days=31)) == 0
    assert send_review_reminders(due - timedelta(days=30)) == 2
    assert inbox() == {ERIN: ["What is hemifacial spasm?"], NORA: ["What is hemifacial spasm?"]}
    assert "These reviews are due soon" in mail.outbox[0].body
    assert mail.outbox[0].subject == "1 article needs a new review on Empower"


def test_they_hear_again_on_the_day_the_review_lapses_and_not_in_between(article):
    due = due_on(article)
    send_review_reminders(due - timedelta(days=30))
    mail.outbox.clear()
    assert send_review_reminders(due) == 0  # its last day in date
    assert send_review_reminders(due + timedelta(days=1)) == 2
    assert inbox() == {ERIN: ["What is hemifacial spasm?"], NORA: ["What is hemifacial spasm?"]}
    assert "These reviews have lapsed" in mail.outbox[0].body
    assert send_review_reminders(due + timedelta(days=2)) == 0


def test_reminder_emails_go_once_per_person_per_day(make_article, condition):
    first = make_article("first", title="First")
    make_article("second", title="Second")
    make_article("third", title="Third")
    today = due_on(first) - timedelta(days=10)

    assert send_review_reminders(today) == 2
    assert inbox() == {ERIN: ["First", "Second", "Third"], NORA: ["First", "Second", "Third"]}

    # A fourth falls due the same day (its condition's interval was shortened):
    # it waits for tomorrow's email, and a second run today sends nothing.
    fourth = make_article("fourth", title="Fourth")
    Article.objects.filter(pk=fourth.pk).update(next_review_due=today + timedelta(days=5))
    mail.outbox.clear()
    assert send_review_reminders(today) == 0
    assert mail.outbox == []

    assert send_review_reminders(today + timedelta(days=1)) == 2
    assert inbox() == {ERIN: ["Fourth"], NORA: ["Fourth"]}
    assert ReminderEmail.objects.filter(recipient__email=ERIN).count() == 2


def test_two_runs_that_read_at_the_same_moment_still_send_one_email_each(article):
    today = due_on(article)
    first_run, second_run = reminders_due(today), reminders_due(today)
    assert [remind(user, items, today) for user, items in first_run.items()] == [True, True]
    assert [remind(user, items, today) for user, items in second_run.items()] == [False, False]
    assert len(mail.outbox) == 2
    assert ReviewReminder.objects.count() == 2


@pytest.fixture
def _roles_again(transactional_db):
    replay_data_migrations()  # a transactional test before may have emptied the groups


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_roles_again")
def test_runs_in_eight_threads_at_once_send_each_person_one_email(make_article):
    today = due_on(make_article()) - timedelta(days=1)
    barrier = threading.Barrier(8)
    sent, errors = [], []

    def run():
        try:
            barrier.wait()
            sent.append(send_review_reminders(today))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(sent) == 2
    assert sorted(message.to[0] for message in mail.outbox) == [ERIN, NORA]


def test_a_reviewer_who_left_or_stopped_reviewing_gets_none(make_article, reviewer):
    today = due_on(make_article()) - timedelta(days=1)
    reviewer.is_active = False
    reviewer.save()
    send_review_reminders(today)
    assert set(inbox()) == {ERIN}

    reviewer.is_active = True
    reviewer.save()
    reviewer.groups.remove(Group.objects.get(name=NURSE_REVIEWERS))
    mail.outbox.clear()
    send_review_reminders(today + timedelta(days=2))  # lapsed by then
    assert set(inbox()) == {ERIN}


def test_when_the_articles_editor_has_left_every_editor_hears(article, editor):
    ed = staff_member("ed", "Ed", "Itor", "Editors")
    moderator = staff_member("mo", "Mo", "Derator", "Moderators")
    editor.is_active = False
    editor.save()
    send_review_reminders(due_on(article))
    assert set(inbox()) == {ed.email, NORA}
    assert moderator.email not in inbox()


def test_the_email_links_each_article_to_the_step_that_starts_its_re_review(
    client, make_article, editor, reviewer, settings
):
    first = make_article("first", title="First")
    second = make_article("second", title="Second")
    # Reviewed eleven and a half months ago, so a reviewer may approve them again now.
    Review.objects.update(reviewed_at=timezone.now() - timedelta(days=350))
    for article in (first, second):
        article.refresh_review_due()
    send_review_reminders(timezone.localdate())
    to_erin, to_nora = (next(m for m in mail.outbox if m.to == [who]) for who in (ERIN, NORA))

    starts = [
        reverse("admin:articles_article_step", args=[article.pk, "start_revision"])
        for article in (first, second)
    ]
    approvals = [
        reverse("admin:articles_revision_step", args=[article.published_revision_id, "approve"])
        for article in (first, second)
    ]
    site = settings.SITE_URL
    for path in starts:
        assert f"Start a new revision: {site}{path}" in to_erin.body
        assert f'<a href="{site}{path}">Start a new revision</a>' in html(to_erin)
    for path in approvals:
        assert f"Review it again: {site}{path}" in to_nora.body
        assert f'<a href="{site}{path}">Review it again</a>' in html(to_nora)

    # Each link opens that step's confirmation page for the person it was sent to.
    page = sign_in(client, editor).get(starts[0])
    assert page.status_code == 200
    assert 'value="Start a new revision"' in page.text
    page = sign_in(client, reviewer).get(approvals[0])
    assert page.status_code == 200
    assert 'value="Approve"' in page.text


def html(message) -> str:
    return message.alternatives[0].content


def test_the_command_runs_for_a_given_day_and_refuses_a_bad_one(article):
    due = due_on(article)
    out = StringIO()
    call_command("send_review_reminders", "--dry-run", f"--today={due}", stdout=out)
    assert "erin: What is hemifacial spasm?" in out.getvalue()  # a username, never an address
    assert "@" not in out.getvalue()
    assert mail.outbox == []

    call_command("send_review_reminders", f"--today={due}", stdout=out)
    assert "2 review reminder email(s) sent." in out.getvalue()
    with pytest.raises(
        CommandError, match=r"^--today must be a date like 2026-05-01, not '5/1'\.$"
    ):
        call_command("send_review_reminders", "--today=5/1")


def test_the_daily_task_sends_todays_reminders(article):
    Article.objects.filter(pk=article.pk).update(
        next_review_due=timezone.localdate() + timedelta(days=3)
    )
    assert send_daily_review_reminders.enqueue().return_value == 2
    assert send_daily_review_reminders.enqueue().return_value == 0


def test_working_out_who_to_remind_takes_the_same_queries_for_one_article_or_ten(
    make_article, django_assert_num_queries
):
    today = due_on(make_article("only-one")) - timedelta(days=1)

    def queries():
        with django_assert_num_queries(5) as captured:
            due = reminders_due(today)
            [str(item.article) + item.url for items in due.values() for item in items]
        return len(captured)

    one = queries()
    for n in range(9):
        make_article(f"more-{n}", title=f"More {n}")
    assert queries() == one
    assert sum(len(items) for items in reminders_due(today).values()) == 20
