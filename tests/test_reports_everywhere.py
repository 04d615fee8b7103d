"""One Report button for every reader post: questions and answers are reported,
rate-limited and hidden after the threshold exactly as comments are."""

import pytest
from django.test import Client

from comments.models import Report, Status
from community.models import Answer, Question
from tests.test_comments import approved_comment
from tests.test_comments import report as report_comment
from tests.test_community import answer, question

pytestmark = pytest.mark.django_db


def report(post, address="203.0.113.1", **kwargs):
    """What a Report button on the question page sends, from one reader's address."""
    name = "question" if isinstance(post, Question) else "answer"
    return Client().post("/community/report/", {name: post.pk}, REMOTE_ADDR=address, **kwargs)


def test_the_question_page_has_one_report_form_and_a_button_per_reader_post(client, editor):
    asked = question()
    by_reader = answer(asked, body="Same for me.")
    expert = answer(asked, body="Expert view.", is_expert=True, staff_author=editor)
    page = client.get(asked.get_absolute_url()).text
    assert page.count('id="report-form"') == 1
    assert 'action="/community/report/"' in page
    assert f'form="report-form" name="question" value="{asked.pk}"' in page
    assert f'form="report-form" name="answer" value="{by_reader.pk}"' in page
    assert f'name="answer" value="{expert.pk}"' not in page
    assert "csrfmiddlewaretoken" not in page  # the page is the same for every reader


def test_a_reported_answer_hides_after_the_threshold_and_once_per_visitor(settings):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    asked = question()
    rude = answer(asked, body="Something rude")
    report(rude)
    response = report(rude, follow=True)
    assert "You have already reported this answer" in response.text
    rude.refresh_from_db()
    assert rude.status == Status.APPROVED
    report(rude, address="198.51.100.2")
    rude.refresh_from_db()
    assert rude.status == Status.HIDDEN
    assert rude.flags == ["hidden after 2 reader reports"]
    assert "Something rude" not in Client().get(asked.get_absolute_url()).text
    assert rude in Answer.objects.pending()


def test_a_reported_question_hides_after_the_threshold_and_leaves_the_community(settings):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    asked = question(title="A question to report")
    assert "A question to report" in Client().get("/community/").text
    response = report(asked, follow=True)
    assert "Thank you for telling us" in response.text
    response = report(asked, address="198.51.100.2", follow=True)
    assert response.redirect_chain[-1][0] == "/community/"
    asked.refresh_from_db()
    assert asked.status == Status.HIDDEN
    assert Client().get(asked.get_absolute_url()).status_code == 404
    assert "A question to report" not in Client().get("/community/").text


def test_comments_questions_and_answers_share_one_report_table_and_threshold(article, settings):
    settings.COMMENTS_REPORT_THRESHOLD = 1
    comment = approved_comment(article)
    asked = question()
    reply = answer(asked)
    report_comment(Client(), comment)
    report(reply)
    report(asked)
    assert Report.objects.count() == 3
    for post in (comment, asked, reply):
        post.refresh_from_db()
        assert post.status == Status.HIDDEN


def test_expert_answers_and_unapproved_posts_cannot_be_reported(editor):
    asked = question()
    expert = answer(asked, is_expert=True, staff_author=editor)
    pending = answer(asked, status=Status.PENDING)
    held = question(status=Status.PENDING)
    for post in (expert, pending, held):
        assert report(post).status_code == 404
    assert Client().post("/community/report/", {}).status_code == 404
    both = {"question": asked.pk, "answer": expert.pk}
    assert Client().post("/community/report/", both).status_code == 404
    assert not Report.objects.exists()


def test_reports_on_questions_and_answers_share_the_hourly_limit_with_comments(article, settings):
    settings.REPORTS_PER_HOUR = 2
    report_comment(Client(), approved_comment(article), REMOTE_ADDR="203.0.113.1")
    asked = question()
    report(asked)
    response = report(answer(asked), follow=True)
    assert "You have sent many reports" in response.text
    assert Report.objects.count() == 2
