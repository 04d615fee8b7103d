"""Readers search articles, condition guides and community questions."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, Condition
from comments.models import Status
from community.models import Question
from search.models import Entry, Synonym

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    return client.get("/search/", {"q": q, **params})


def titles(response):
    return [entry.title for entry in response.context["page"]]


def test_a_title_match_ranks_above_a_body_only_match(client, make_article):
    make_article("body-only", title="Living with it", body="Botulinum injections help.")
    make_article("in-title", title="Botulinum injections explained", body="They help.")
    assert titles(search(client, "botulinum"))[:2] == [
        "Botulinum injections explained",
        "Living with it",
    ]


def test_results_show_their_kind_condition_and_a_marked_snippet(client, make_article):
    make_article(body="The facial nerve sends signals it should not, causing spasms.")
    page = search(client, "nerve").text
    assert "What is hemifacial spasm?" in page
    assert "Article · Hemifacial spasm" in page
    assert "<mark>nerve</mark>" in page


def test_a_draft_or_unpublished_article_is_never_found(client, make_article, editor):
    make_article("draft", title="Zanzibar draft", approved=False)
    live = make_article("live", title="Zanzibar published")
    assert titles(search(client, "zanzibar")) == ["Zanzibar published"]
    live.unpublish(editor)
    assert titles(search(client, "zanzibar")) == []


def test_an_edited_article_is_found_by_its_new_words_only_once_published(
    client, article, editor, reviewer
):
    draft = article.start_revision(editor)
    draft.body = "Now mentioning acupuncture for the first time."
    draft.save()
    assert titles(search(client, "acupuncture")) == []
    draft.submit(editor)
    draft.approve(reviewer, what_changed="Checked against current guidance.")
    assert titles(search(client, "acupuncture")) == [], "approved is not yet published"
    draft.publish(editor)
    assert titles(search(client, "acupuncture")) == ["What is hemifacial spasm?"]


def test_conditions_and_approved_questions_are_found_and_pending_ones_not(client, condition):
    Question.objects.create(
        title="Twitching at night?", body="Mine is worse at night.", author_name="A",
        author_email="a@example.org", status=Status.APPROVED,
    )  # fmt: skip
    pending = Question.objects.create(
        title="Twitching pending?", body="Pending.", author_name="B",
        author_email="b@example.org", status=Status.PENDING,
    )  # fmt: skip
    assert titles(search(client, "twitching", kind="question")) == ["Twitching at night?"]
    pending.approve(_moderator())
    assert sorted(titles(search(client, "twitching", kind="question"))) == [
        "Twitching at night?",
        "Twitching pending?",
    ]
    assert "Hemifacial spasm" in titles(search(client, "hemifacial"))


def _moderator():
    from tests.conftest import staff_member

    return staff_member("mo", "Mo", "D", "Moderators")


def test_results_filter_by_kind_and_condition_and_paginate(client, make_article, condition):
    from articles.models import Condition

    other = Condition.objects.create(name="Migraine", slug="migraine", summary="Headaches.")
    for n in range(12):
        make_article(f"spasm-{n}", title=f"Spasm article {n}")
    make_article("migraine-spasm", title="Spasm and migraine", in_condition=other)
    everything = search(client, "spasm")
    assert everything.context["page"].paginator.count == 14  # 13 articles and the guide
    assert len(titles(everything)) == 10
    second = search(client, "spasm", kind="article", page=2)
    assert len(titles(second)) == 3
    # The page links keep the search and its filters.
    assert 'href="?q=spasm&amp;kind=article&amp;page=1">Previous</a>' in second.text
    assert "Page 2 of 2" in second.text
    first = search(client, "spasm", kind="article")
    assert 'href="?q=spasm&amp;kind=article&amp;page=2">Next</a>' in first.text
    only_articles = search(client, "spasm", kind="article", condition="migraine")
    assert titles(only_articles) == ["Spasm and migraine"]
    guides = search(client, "spasm", kind="condition")
    assert titles(guides) == ["Hemifacial spasm"]


def test_a_misspelt_condition_gets_a_suggestion(client, condition):
    page = search(client, "hemifacal spasm").text
    assert 'Did you mean <a href="?q=hemifacial+spasm">hemifacial spasm</a>?' in page


@pytest.mark.parametrize("q", ["", "   ", "!!! ??? ...", "&&&|||", "x" * 1000, "'; drop table"])
def test_odd_queries_never_cause_an_error(client, article, q):
    response = search(client, q)
    assert response.status_code == 200
    assert len(response.context["q"]) <= 200


def test_a_query_with_markup_is_shown_escaped(client, article):
    page = search(client, "<script>alert(1)</script>").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_snippets_escape_what_writers_typed(client, make_article):
    make_article(body="Some text with <b>bold markup</b> and the word lidocaine.")
    page = search(client, "lidocaine").text
    assert "<b>bold markup</b>" not in page


def test_a_question_snippet_shows_markup_the_asker_typed_as_text(client):
    # Questions are indexed as typed (articles are stripped of tags first), so the
    # snippet alone must make markup harmless.
    Question.objects.create(
        title="Numbing cream before injections?",
        body="<img src=x onerror=alert(1)> lidocaine cream took the sting away.",
        author_name="A", author_email="a@example.org", status=Status.APPROVED,
    )  # fmt: skip
    page = search(client, "lidocaine").text
    assert "Numbing cream before injections?" in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_search_is_rate_limited_per_visitor(client, article, settings):
    settings.SEARCHES_PER_MINUTE = 3
    for _ in range(3):
        assert search(client, "spasm").status_code == 200
    limited = search(client, "spasm")
    assert limited.status_code == 429
    assert "searched a lot" in limited.text


def test_the_index_can_be_rebuilt(article):
    Entry.objects.all().delete()
    call_command("rebuild_search_index", stdout=StringIO())
    assert Entry.objects.filter(kind=Entry.Kind.ARTICLE).count() == 1


def test_rebuilding_the_index_leaves_out_drafts_and_articles_readers_cannot_see(
    make_article, editor
):
    now = timezone.now()
    make_article("draft", title="Zanzibar draft", approved=False)
    make_article("approved", title="Zanzibar approved", publish=False)
    make_article("scheduled", title="Zanzibar scheduled", published_at=now + timedelta(days=1))
    make_article("withdrawn", title="Zanzibar withdrawn").unpublish(editor)
    embargoed = make_article("embargoed", title="Zanzibar embargoed")
    Article.objects.filter(pk=embargoed.pk).update(published_at=now + timedelta(days=1))
    live = make_article("live", title="Zanzibar live")

    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    articles = Entry.objects.filter(kind=Entry.Kind.ARTICLE)
    assert list(articles.values_list("object_id", "title")) == [(live.pk, "Zanzibar live")]
    assert "Indexed 1 articles" in out.getvalue()


def test_a_lay_word_finds_the_medical_one(client, make_article):
    make_article("toxin", title="Injections for spasms", body="Botulinum toxin relaxes the muscle.")
    assert titles(search(client, "botox")) == ["Injections for spasms"]
    assert titles(search(client, "Botox injections")) == ["Injections for spasms"]


def test_apostrophes_and_punctuation_never_stop_a_match(client, make_article):
    make_article("bells", title="Eye care", body="Bell's palsy can stop the eyelid closing.")
    for typed in ["bells palsy", "Bell's palsy", "bell’s palsy!", "BELLS, PALSY?"]:
        assert titles(search(client, typed)) == ["Eye care"], typed


def test_editors_synonyms_work_at_once(client, make_article):
    make_article("mi", title="After a myocardial infarction", body="Rest and rehabilitation.")
    assert titles(search(client, "heart attack")) == ["After a myocardial infarction"]
    Synonym.objects.create(term="Ticker trouble", means="myocardial infarction")
    assert titles(search(client, "ticker trouble")) == ["After a myocardial infarction"]


def test_a_guide_outranks_articles_for_its_own_name(client, condition, guide, make_article):
    for n in range(3):
        make_article(f"hfs-{n}", title=f"Hemifacial spasm: part {n}", body="Hemifacial spasm " * 20)
    found = search(client, "hemifacial spasm").context["page"]
    assert found[0].kind == Entry.Kind.CONDITION
    assert found[0].url == condition.get_absolute_url()


def test_snippets_never_cut_a_word_in_half(client, make_article):
    words = " ".join(f"word{n}" for n in range(200))
    make_article("long", title="Long", body=f"{words} treatment {words}")
    entry = search(client, "treatment").context["page"][0]
    text = str(entry.snippet).replace("<mark>", "").replace("</mark>", "").strip("… ")
    assert all(re.fullmatch(r"word\d+|treatment", word) for word in text.split()), text


def test_did_you_mean_never_blends_two_conditions(client, condition, make_article):
    other = Condition.objects.create(name="Trigeminal neuralgia", slug="tn", summary="Face pain.")
    make_article(
        "tn-pain", title="Facial pain", body="Hemifacial spasm is not pain.", in_condition=other
    )
    for typed in ["hemifacal spasm", "hemifacal pain", "trigeminal spasm"]:
        page = search(client, typed)
        suggested = page.context.get("suggestion")
        assert suggested in (None, "hemifacial spasm", "trigeminal neuralgia"), (typed, suggested)
    assert search(client, "hemifacal spasm").context["suggestion"] == "hemifacial spasm"


def test_the_index_follows_edits_and_deletions(article):
    from search.models import index, remove
    from search.query import search as find

    index(Entry.Kind.ARTICLE, 999, url="/x/", title="Zebra stripes", summary="", body="",
          updated_at=timezone.now())  # fmt: skip
    assert [e.title for e in find("zebra")] == ["Zebra stripes"]
    index(Entry.Kind.ARTICLE, 999, url="/x/", title="Horse stripes", summary="", body="",
          updated_at=timezone.now())  # fmt: skip
    assert list(find("zebra")) == []
    assert [e.title for e in find("horse")] == ["Horse stripes"]
    remove(Entry.Kind.ARTICLE, 999)
    assert list(find("horse")) == []


def test_a_synonym_that_says_nothing_is_refused_and_never_breaks_a_search(client, article):
    with pytest.raises(ValidationError):
        Synonym(term="wheeze", means="—").full_clean()
    with pytest.raises(ValidationError):
        Synonym(term="Botox", means="anything").full_clean()  # "botox" exists, as typed
    Synonym.objects.create(term="wheeze", means="—")  # stored past the form, somehow
    assert search(client, "wheeze").status_code == 200


def test_a_results_page_costs_the_same_queries_however_many_match(client, make_article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(3):
        make_article(f"few-{n}", title=f"Tremor note {n}", body="Tremor.")
    with CaptureQueriesContext(connection) as few:
        search(client, "tremor")
    for n in range(30):
        make_article(f"many-{n}", title=f"Tremor page {n}", body="Tremor.")
    with CaptureQueriesContext(connection) as many:
        page = search(client, "tremor")
    assert page.context["page"].paginator.count == 33
    assert len(many) == len(few)


# How a query is read ------------------------------------------------------------


def test_a_synonym_of_up_to_four_words_is_one_unit_and_the_longest_wins():
    from search.query import units

    Synonym.objects.update_or_create(term="botox", defaults={"means": "botulinum toxin"})
    Synonym.objects.create(term="botox shot", means="botulinum toxin injection")
    Synonym.objects.create(term="the big eye blink", means="blepharospasm")
    Synonym.objects.create(term="my face will not stop", means="hemifacial spasm")
    assert units("botox shot") == [["botox shot", "botulinum toxin injection"]]
    assert units("botox") == [["botox", "botulinum toxin"]]
    assert units("the big eye blink") == [["the big eye blink", "blepharospasm"]]
    # Five words are never one unit: each is searched for on its own.
    assert units("my face will not stop") == [["my"], ["face"], ["will"], ["not"], ["stop"]]


def test_a_long_query_is_read_as_ten_units_at_most():
    from search.query import MAX_UNITS, units

    words = [f"word{n}" for n in range(MAX_UNITS + 3)]
    assert units(" ".join(words)) == [[word] for word in words[:MAX_UNITS]]
    assert len(units(" ".join(words[:MAX_UNITS]))) == MAX_UNITS


def test_blending_two_conditions_names_is_spotted_word_by_word():
    from search.query import _blends_conditions

    names = ["Bell's palsy", "Cluster headache", "Essential tremor"]
    assert _blends_conditions("bells headache", names)
    assert _blends_conditions("Cluster TREMOR", names)
    assert not _blends_conditions("cluster headache at night", names)
    assert not _blends_conditions("palsy", names)
