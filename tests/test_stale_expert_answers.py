"""Expert answers follow the articles' rule: a nurse's answer older than the review
interval says "may be out of date" and waits on the nurses' dashboard until one of
them confirms it is still right, which starts the interval again."""

import re
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from comments.models import ModerationError
from community.models import Answer
from tests.checkers import start_nu_checker
from tests.conftest import sign_in
from tests.test_community import answer, question
from tests.test_valid_html import assert_valid

pytestmark = pytest.mark.django_db

STALE = '— <span class="answer-out-of-date">may be out of date</span>'


def at(day: date) -> datetime:
    return datetime.combine(day, time(12), timezone.get_current_timezone())


def answered(by, *, days_ago=0, on=None, **question_fields):
    """A nurse's (or an editor's) expert answer, written `days_ago` or `on` a day."""
    expert = question(**question_fields).answer_as_staff(by, "Rest and sleep help most people.")
    written = at(on) if on else timezone.now() - timedelta(days=days_ago)
    Answer.objects.filter(pk=expert.pk).update(created_at=written)
    return Answer.objects.select_related("question__condition").get(pk=expert.pk)


def text(page) -> str:
    return " ".join(re.sub(r"<(?!span|/span)[^>]+>", " ", page).split())


def test_a_nurses_answer_may_be_out_of_date_the_day_after_its_review_interval_runs_out(
    reviewer, condition, settings
):
    settings.ARTICLE_REVIEW_INTERVAL_MONTHS = 12
    about_nothing = answered(reviewer, on=date(2025, 1, 15))
    assert not about_nothing.may_be_out_of_date(date(2026, 1, 15))
    assert about_nothing.may_be_out_of_date(date(2026, 1, 16))

    condition.review_interval_months = 6
    condition.save()
    about_a_condition = answered(reviewer, on=date(2025, 1, 15), condition=condition)
    assert not about_a_condition.may_be_out_of_date(date(2025, 7, 15))
    assert about_a_condition.may_be_out_of_date(date(2025, 7, 16))


def test_only_nurses_expert_answers_follow_the_rule(editor):
    old = question()
    reader = answer(old)
    Answer.objects.update(created_at=timezone.now() - timedelta(days=800))
    reader.refresh_from_db()
    by_an_editor = answered(editor, days_ago=800)
    today = timezone.localdate()
    assert not reader.may_be_out_of_date(today)
    assert not by_an_editor.may_be_out_of_date(today)


def test_the_question_page_says_an_old_nurses_answer_may_be_out_of_date_and_a_fresh_one_not(
    client, reviewer
):
    old = answered(reviewer, days_ago=400)
    page = text(client.get(old.question.get_absolute_url()).text)
    written = f"{timezone.localtime(old.created_at):%-d %B %Y}"
    assert f"Answered by Nora Nurse, RN on {written} {STALE}" in page

    fresh = answered(reviewer, days_ago=300, title="Is it catching?")
    assert "may be out of date" not in client.get(fresh.question.get_absolute_url()).text


def test_old_nurses_answers_wait_on_the_nurses_dashboard_and_editors_dont_see_the_list(
    client, reviewer, editor
):
    old = answered(reviewer, days_ago=400, title="Does coffee make it worse?")
    answered(reviewer, days_ago=30, title="Is it catching?")
    dashboard = sign_in(client, reviewer).get("/admin/").text
    panel = dashboard.split("Expert answers to confirm")[1].split("</section>")[0]
    assert "Nora Nurse: Does coffee make it worse?" in panel
    assert f'href="/admin/community/answer/{old.pk}/step/confirm/"' in panel
    assert f'href="{old.get_absolute_url()}"' in panel
    assert "Is it catching?" not in panel

    assert "Expert answers to confirm" not in sign_in(client, editor).get("/admin/").text


def test_confirming_an_answer_takes_it_off_the_list_and_starts_its_interval_again(client, reviewer):
    old = answered(reviewer, days_ago=400)
    sign_in(client, reviewer)
    confirm = f"/admin/community/answer/{old.pk}/step/confirm/"
    assert "Rest and sleep help most people." in client.get(confirm).text
    assert client.post(confirm).url == "/admin/"

    old.refresh_from_db()
    assert old.confirmed_by == reviewer
    today = timezone.localdate(old.confirmed_at)
    assert not old.may_be_out_of_date(today + timedelta(days=360))
    assert old.may_be_out_of_date(today + timedelta(days=370))
    assert (
        'Expert answers to confirm <span class="work-count">0</span>' in client.get("/admin/").text
    )
    client.logout()
    page = client.get(old.question.get_absolute_url()).text
    assert "may be out of date" not in page
    assert "A nurse reviewer confirmed it on" in page


def test_confirming_needs_the_permission_and_a_nurses_answer(client, reviewer, editor):
    old = answered(reviewer, days_ago=400)
    with pytest.raises(ModerationError) as refused:
        old.confirm(editor, timezone.now())
    assert refused.value.code == "permission_denied"

    sign_in(client, editor).post(f"/admin/community/answer/{old.pk}/step/confirm/")
    old.refresh_from_db()
    assert old.confirmed_at is None

    by_an_editor = answered(editor, days_ago=400, title="Is it catching?")
    with pytest.raises(ModerationError) as refused:
        by_an_editor.confirm(reviewer, timezone.now())
    assert refused.value.code == "not_a_nurse_answer"


def test_the_dashboard_and_the_question_page_take_as_many_queries_for_one_old_answer_as_for_ten(
    client, reviewer, condition, django_assert_max_num_queries
):
    def queries(url):
        with django_assert_max_num_queries(40) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    first = answered(reviewer, days_ago=400, condition=condition)
    sign_in(client, reviewer)
    dashboard, page = queries("/admin/"), queries(first.question.get_absolute_url())
    for n in range(9):
        answered(reviewer, days_ago=400 + n, title=f"Question {n}", condition=condition)
        first.question.answer_as_staff(reviewer, f"More advice {n}.")
    Answer.objects.update(created_at=timezone.now() - timedelta(days=400))
    assert len(Answer.objects.out_of_date(timezone.localdate())) == 19
    assert queries("/admin/") == dashboard
    assert queries(first.question.get_absolute_url()) == page


@pytest.fixture(scope="module")
def nu_checker():
    yield from start_nu_checker()


def test_the_question_page_with_an_old_answer_and_a_confirmed_one_is_valid_html(
    nu_checker, client, reviewer
):
    old = answered(reviewer, days_ago=400)
    confirmed = old.question.answer_as_staff(reviewer, "Keep a diary of the spasms.")
    confirmed.confirm(reviewer, timezone.now())
    page = client.get(old.question.get_absolute_url()).content
    assert STALE.encode() in page
    assert b"A nurse reviewer confirmed it on" in page
    assert_valid(nu_checker, {"question with an old answer": page})
