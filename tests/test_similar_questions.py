"""Fewer duplicate questions: "Has someone asked this already?" while asking,
related questions on each question and article, and closing a duplicate."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import ModerationError, Status
from community.models import Question
from community.similar import related_questions
from search.models import Entry
from tests.conftest import sign_in, staff_member
from tests.test_community import answer, ask, question, solved

pytestmark = pytest.mark.django_db
SIMILAR = "/search/similar-questions/"


@pytest.fixture
def moderator(db):
    """Mo moderates what readers write."""
    from empower.roles import MODERATORS

    return staff_member("mo", "Mo", "Moderator", MODERATORS)


def suggested(client, q) -> list[str]:
    response = client.get(SIMILAR, {"q": q})
    assert response.status_code == 200
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', response.text)


def related_titles(page: str) -> list[str]:
    box = page.split('id="related-questions-title"')[1].split("</section>")[0]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', box)


# While typing


def test_typing_a_title_suggests_approved_questions_with_the_same_words(client):
    question(title="Does stress make the spasms worse?")
    question(title="Which foods help with tiredness?", body="I am tired after lunch.")
    assert suggested(client, "spasms worse at night") == ["Does stress make the spasms worse?"]


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.SPAM, Status.HIDDEN])
def test_similar_questions_never_show_pending_rejected_spam_or_hidden_ones(client, status):
    question(title="Do spasms come back after injections?", status=status)
    assert suggested(client, "spasms after injections") == []


def test_similar_questions_never_show_one_left_stale_in_the_index(client):
    stale = question(title="Do spasms come back after injections?")
    Question.objects.filter(pk=stale.pk).update(status=Status.REJECTED)  # no signal: index stale
    assert Entry.objects.filter(kind=Entry.Kind.QUESTION, object_id=stale.pk).exists()
    assert suggested(client, "spasms after injections") == []


def test_common_words_alone_suggest_nothing(client):
    question(title="What should I do when it gets worse?")
    assert suggested(client, "what should I do") == []


def test_at_most_five_are_suggested(client):
    for n in range(8):
        question(title=f"Spasms question {n}", author_email=f"r{n}@example.org")
    assert len(suggested(client, "spasms")) == 5


@pytest.mark.parametrize(
    "q", ["\x00spasms", "spasms\x00" * 2000, "x" * 10_000, '"*) OR NEAR(', "ŝpåsms ❤️ 𝔰𝔭𝔞𝔰𝔪", ""]
)
def test_bad_input_gets_an_empty_or_plain_list_never_an_error(client, q):
    question(title="Does stress make the spasms worse?")
    assert client.get(SIMILAR, {"q": q}).status_code == 200


def test_the_suggestions_are_kept_by_the_readers_browser_alone_and_rate_limited(client, settings):
    settings.SEARCHES_PER_MINUTE = 2
    responses = [client.get(SIMILAR, {"q": f"spasms {n}"}) for n in range(3)]
    assert "private" in responses[0]["Cache-Control"]
    assert "public" not in responses[0]["Cache-Control"]
    assert [response.status_code for response in responses] == [200, 200, 429]


def test_the_ask_page_loads_the_script_and_tells_it_where_to_look(client):
    page = client.get("/community/ask/").text
    assert 'src="/static/js/similar-questions.js"' in page
    assert f'data-similar-questions="{SIMILAR}"' in page
    assert "similar-questions.js" not in client.get("/community/").text


# Without JavaScript: the first send shows the matches


def test_the_first_send_shows_similar_questions_and_stores_nothing(client):
    question(title="Does stress make the spasms worse?")
    response = ask(client, title="Do my spasms get worse with stress?", body="Every Friday.")
    assert response.status_code == 200
    assert "Has someone asked this already?" in response.text
    assert "Does stress make the spasms worse?" in response.text
    assert re.search(r'name="confirmed"\s+value="Ask it anyway"', response.text)
    assert "Every Friday." in response.text, "what they typed is kept"
    assert Question.objects.count() == 1


def test_asking_it_anyway_needs_the_new_captcha_and_then_stores_it(client):
    question(title="Does stress make the spasms worse?")
    first = solved(client, "/community/ask/", title="Do my spasms get worse with stress?", body="x")
    client.post("/community/ask/", first)
    replayed = client.post("/community/ask/", {**first, "confirmed": "Ask it anyway"})
    assert replayed.status_code == 400, "a CAPTCHA answer is good for one send"
    assert Question.objects.count() == 1
    again = solved(client, "/community/ask/", title="Do my spasms get worse with stress?", body="x")
    response = client.post("/community/ask/", {**again, "confirmed": "Ask it anyway"})
    assert response.status_code == 302
    stored = Question.objects.get(title="Do my spasms get worse with stress?")
    assert stored.status == Status.PENDING


def test_a_question_like_no_other_is_stored_on_the_first_send(client):
    question(title="Does stress make the spasms worse?")
    response = ask(client, title="Can I drive after botulinum injections?", body="Soon after?")
    assert response.status_code == 302
    assert Question.objects.count() == 2


def test_someone_who_may_be_in_danger_is_never_held_back_by_similar_questions(client):
    from comments.models import CrisisTerm

    CrisisTerm.objects.get_or_create(phrase="ending my life")
    question(title="Does stress make the spasms worse?")
    response = ask(client, title="Stress and spasms", body="I think about ending my life.")
    assert response.status_code == 302
    assert Question.objects.get(title="Stress and spasms").urgent


# Related questions


def test_a_question_page_lists_related_questions_of_its_condition_similar_words_first(
    client, condition
):
    from articles.models import Condition

    other_condition = Condition.objects.create(name="Migraine", slug="migraine")
    shown = question(title="Does stress make the spasms worse?", condition=condition)
    question(title="Are spasms worse in winter?", condition=condition, author_email="a@x.org")
    question(title="Where do I find a specialist?", condition=condition, author_email="b@x.org")
    question(title="Do spasms worsen migraine?", condition=other_condition, author_email="c@x.org")
    question(title="Spasms worse?", condition=condition, status=Status.PENDING)
    page = client.get(shown.get_absolute_url()).text
    assert related_titles(page) == ["Are spasms worse in winter?", "Where do I find a specialist?"]


def make_questions(count, condition, start=0):
    for n in range(start, start + count):
        asked = question(
            title=f"Spasms and sleep, case {n}", condition=condition, author_email=f"{n}@x.org"
        )
        answer(asked)


def test_the_question_page_costs_the_same_queries_with_1_or_50_related_questions(client, condition):
    shown = question(title="Do spasms affect sleep?", condition=condition)
    make_questions(1, condition)
    with CaptureQueriesContext(connection) as one:
        assert client.get(shown.get_absolute_url()).status_code == 200
    make_questions(49, condition, start=1)
    with CaptureQueriesContext(connection) as fifty:
        page = client.get(shown.get_absolute_url()).text
    assert len(related_titles(page)) == 5
    assert len(fifty) <= len(one), "with enough similar ones, the newest aren't even asked for"


def test_an_article_lists_its_conditions_community_questions_in_the_same_queries_for_1_or_50(
    client, article, condition
):
    make_questions(1, condition)
    with CaptureQueriesContext(connection) as one:
        page = client.get(article.get_absolute_url()).text
    assert "From the community" in page
    assert "Spasms and sleep, case 0" in page
    assert f'href="/community/?condition={condition.slug}"' in page
    make_questions(49, condition, start=1)
    with CaptureQueriesContext(connection) as fifty:
        page = client.get(article.get_absolute_url()).text
    assert "Spasms and sleep, case 49" in page
    assert "Spasms and sleep, case 44" not in page, "five at most"
    assert len(fifty) == len(one)


def test_a_new_approved_question_shows_on_the_cached_article_page(client, article, condition):
    client.get(article.get_absolute_url())
    later = question(title="Newly asked", condition=condition, status=Status.PENDING)
    assert "Newly asked" not in client.get(article.get_absolute_url()).text
    later.status = Status.APPROVED
    later.save()
    assert "Newly asked" in client.get(article.get_absolute_url()).text


# Closing a duplicate


def test_a_moderator_closes_a_duplicate_and_its_page_points_to_the_other(client, moderator):
    original = question(title="Does stress make the spasms worse?")
    duplicate = question(title="Are spasms worse with stress?", author_email="kim@x.org")
    duplicate.close_as_duplicate_of(original, moderator)
    page = client.get(duplicate.get_absolute_url()).text
    assert "This question has been answered already:" in page
    assert f'<a href="{original.get_absolute_url()}">Does stress make the spasms worse?</a>' in page


def test_a_closed_question_leaves_lists_search_related_and_suggestions(
    client, moderator, condition
):
    original = question(title="Does stress make the spasms worse?", condition=condition)
    duplicate = question(
        title="Are spasms worse with stress?", condition=condition, author_email="kim@x.org"
    )
    client.get("/community/")  # cached before the change
    duplicate.close_as_duplicate_of(original, moderator)
    assert "Are spasms worse with stress?" not in client.get("/community/").text
    assert "Are spasms worse with stress?" not in client.get(condition.get_absolute_url()).text
    assert "Are spasms worse with stress?" not in client.get("/search/", {"q": "spasms"}).text
    assert "Are spasms worse with stress?" not in suggested(client, "spasms stress")
    assert related_questions(original) == []
    sitemap = client.get("/sitemap.xml").text
    assert original.get_absolute_url() in sitemap
    assert duplicate.get_absolute_url() not in sitemap


def test_only_moderators_close_questions_as_duplicates(editor, reviewer):
    original = question(title="Does stress make the spasms worse?")
    duplicate = question(title="Are spasms worse with stress?", author_email="kim@x.org")
    with pytest.raises(ModerationError) as refused:
        duplicate.close_as_duplicate_of(original, reviewer)
    assert refused.value.code == "permission_denied"
    assert not Question.objects.get(pk=duplicate.pk).is_closed
    duplicate.close_as_duplicate_of(original, editor)  # editors moderate too


@pytest.mark.parametrize(
    ("target", "code"),
    [
        ("itself", "same_question"),
        ("pending", "target_not_public"),
        ("rejected", "target_not_public"),
        ("closed", "closed_target"),
    ],
)
def test_closing_is_refused_into_itself_an_unpublished_or_a_closed_question(
    moderator, target, code
):
    duplicate = question(title="Are spasms worse with stress?", author_email="kim@x.org")
    others = {
        "itself": duplicate,
        "pending": question(status=Status.PENDING, author_email="p@x.org"),
        "rejected": question(status=Status.REJECTED, author_email="r@x.org"),
    }
    if target == "closed":
        closed = question(title="Closed one", author_email="c@x.org")
        closed.close_as_duplicate_of(question(author_email="f@x.org"), moderator)
        others["closed"] = closed
    with pytest.raises(ModerationError) as refused:
        duplicate.close_as_duplicate_of(others[target], moderator)
    assert refused.value.code == code
    assert not Question.objects.get(pk=duplicate.pk).is_closed


def test_closing_a_question_others_point_to_makes_them_point_to_the_final_one(moderator):
    first = question(title="First", author_email="1@x.org")
    second = question(title="Second", author_email="2@x.org")
    final = question(title="Final", author_email="3@x.org")
    first.close_as_duplicate_of(second, moderator)
    second.close_as_duplicate_of(final, moderator)
    assert Question.objects.get(pk=first.pk).duplicate_of == final
    with pytest.raises(ModerationError) as refused:
        second.close_as_duplicate_of(final, moderator)
    assert refused.value.code == "already_closed"


def test_a_closed_question_stays_closed_when_the_other_is_deleted(client, moderator):
    original = question(title="Does stress make the spasms worse?")
    duplicate = question(title="Are spasms worse with stress?", author_email="kim@x.org")
    duplicate.close_as_duplicate_of(original, moderator)
    original.delete()
    page = client.get(duplicate.get_absolute_url()).text
    assert "a moderator closed it as a duplicate" in page
    assert "Are spasms worse with stress?" not in client.get("/community/").text


def test_the_admin_step_closes_a_question_by_its_number_or_address(client, moderator):
    original = question(title="Does stress make the spasms worse?")
    duplicate = question(title="Are spasms worse with stress?", author_email="kim@x.org")
    sign_in(client, moderator)
    change = client.get(f"/admin/community/question/{duplicate.pk}/change/").text
    step = f"/admin/community/question/{duplicate.pk}/step/close_as_duplicate/"
    assert f'href="{step}"' in change
    wrong = client.post(step, {"other": "999999"})
    assert "There is no question with that number." in wrong.text
    itself = client.post(step, {"other": str(duplicate.pk)})
    assert "can&#x27;t be a duplicate of itself" in itself.text
    response = client.post(step, {"other": f"https://x.example{original.get_absolute_url()}"})
    assert response.status_code == 302
    assert Question.objects.get(pk=duplicate.pk).duplicate_of == original
    closed = client.get(f"/admin/community/question/{duplicate.pk}/change/").text
    assert f'href="{step}"' not in closed, "no second closing"


def test_a_closed_question_takes_no_new_answers_and_says_where_to_answer(client, moderator):
    kept = question(title="Does caffeine make tremor worse?")
    closed = question(title="Is coffee bad for tremor?")
    closed.close_as_duplicate_of(kept, moderator)
    page = client.get(closed.get_absolute_url()).text
    assert "Answer this question" not in page
    form = client.get(f"/community/questions/{closed.pk}/answer/")
    assert f'please answer <a href="{kept.get_absolute_url()}">' in form.text
    refused = client.post(f"/community/questions/{closed.pk}/answer/", {"body": "Mine too."})
    assert refused.status_code == 403
    assert "Mine too." in refused.text  # kept for the reader to copy
    assert not closed.answers.exists()
