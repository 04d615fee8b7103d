"""Reading level at review, and changes readers can see: a nurse approving text above
the target grade says why; a re-review says in one line what changed, which readers
see under the byline, in the review history and in their update email."""

import pytest
from django.core import mail

from articles.models import Review, RevisionState, WorkflowError
from articles.readability import ReadingLevel, plain_text, reading_level
from newsletter.models import Subscriber
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

PLAIN = "The nerve sends too many signals. The muscles twitch. A small injection helps."
HARD = (
    "Microvascular decompression, a neurosurgical intervention necessitating general "
    "anaesthesia, alleviates neurovascular compression responsible for involuntary "
    "contractions, permanently eliminating symptomatology in approximately ninety percent."
)
CHANGED = "Updated the treatment section for new guidance on botulinum toxin."


@pytest.fixture
def target(settings):
    settings.READING_GRADE_TARGET = 8
    return 8


def in_review(make_article, editor, body, slug="a-revision"):
    revision = make_article(slug, body=body, approved=False).revisions.get()
    revision.submit(editor)
    return revision


def second_revision(article, editor, body=PLAIN):
    revision = article.start_revision(editor)
    revision.body = body
    revision.save()
    revision.submit(editor)
    return revision


# Measuring ---------------------------------------------------------------------


def test_long_sentences_and_long_words_read_at_a_higher_grade(target):
    plain, hard = reading_level(PLAIN), reading_level(HARD)
    assert plain.grade < target < hard.grade
    assert plain.ease > hard.ease
    assert plain.words == 13


def test_it_names_the_longest_sentences_and_the_costliest_words():
    level = reading_level(f"{PLAIN} {HARD}")
    assert level.longest_sentences[0] == HARD
    assert level.longest_sentences[1] == "The nerve sends too many signals."
    assert "decompression" in level.hard_words
    assert "nerve" not in level.hard_words


def test_headings_and_list_items_end_a_sentence_and_markup_is_not_read():
    text = plain_text(
        "## Treatment\n\n- **Injections** into [the muscle](https://x.org)\n- Surgery"
    )
    assert text == "Treatment.\nInjections into the muscle.\nSurgery."


def test_empty_text_reads_as_easy_and_never_fails():
    assert reading_level("", "   ").grade == 0.0


# Approving above the target ------------------------------------------------


def test_approving_text_above_the_target_needs_a_reason(make_article, editor, reviewer, target):
    revision = in_review(make_article, editor, HARD)
    with pytest.raises(WorkflowError) as refused:
        revision.approve(reviewer)
    assert refused.value.code == "reading_note_required"
    assert f"above the target of {target}" in refused.value.messages[0]
    assert not Review.objects.exists()
    revision.refresh_from_db()
    assert revision.state == RevisionState.IN_REVIEW

    review = revision.approve(reviewer, reading_note="  Surgical terms, each explained.  ")
    assert review.reading_note == "Surgical terms, each explained."
    assert float(review.reading_grade) == revision.reading_level.grade


def test_text_within_the_target_needs_no_reason_and_keeps_none(
    make_article, editor, reviewer, target
):
    review = in_review(make_article, editor, PLAIN).approve(reviewer, reading_note="not needed")
    assert review.reading_note == ""
    assert review.reading_grade is not None


def test_a_grade_exactly_at_the_target_is_within_it(target):
    def at(grade):
        return ReadingLevel(grade, 0.0, 0.0, 0, (), ())

    assert not at(8.0).above_target
    assert at(8.1).above_target


# What changed ------------------------------------------------------------------


def test_a_re_review_of_a_published_article_says_what_changed(article, editor, reviewer):
    revision = second_revision(article, editor)
    with pytest.raises(WorkflowError) as refused:
        revision.approve(reviewer, what_changed="   ")
    assert refused.value.code == "what_changed_required"
    review = revision.approve(reviewer, what_changed=CHANGED.replace(" for ", "\n  for  ") + " ")
    assert review.what_changed == CHANGED


def test_renewing_the_live_text_also_says_what_changed(article, reviewer):
    with pytest.raises(WorkflowError):
        article.published_revision.approve(reviewer)
    review = article.published_revision.approve(reviewer, what_changed="Checked; no changes.")
    assert review.what_changed == "Checked; no changes."


def test_the_first_review_of_a_new_article_needs_no_what_changed(make_article, editor, reviewer):
    review = in_review(make_article, editor, PLAIN).approve(reviewer)
    assert review.what_changed == ""


def test_what_changed_is_one_line_of_at_most_200_characters(article, editor, reviewer):
    revision = second_revision(article, editor)
    with pytest.raises(WorkflowError) as refused:
        revision.approve(reviewer, what_changed="x" * 201)
    assert refused.value.code == "what_changed_too_long"
    assert revision.approve(reviewer, what_changed="x" * 200).what_changed == "x" * 200


# What readers see --------------------------------------------------------------


def republished(article, editor, reviewer, **approval):
    revision = second_revision(article, editor)
    revision.approve(reviewer, what_changed=CHANGED, **approval)
    revision.publish(editor)
    return revision


def test_readers_see_what_changed_under_the_byline(client, article, editor, reviewer):
    assert "What changed in this review" not in client.get(article.get_absolute_url()).text
    republished(article, editor, reviewer)
    page = client.get(article.get_absolute_url()).text
    assert f"<strong>What changed in this review:</strong> {CHANGED}" in page
    assert f'href="/articles/{article.slug}/reviews/">Review history</a>' in page


def test_a_guide_shows_it_on_its_condition_page(client, guide, editor, reviewer):
    republished(guide, editor, reviewer)
    assert CHANGED in client.get(guide.condition.get_absolute_url()).text


def test_the_review_history_lists_the_live_texts_reviews_never_the_private_notes(
    client, article, editor, reviewer, target
):
    first = article.published_revision.reviews.get()
    republished(article, editor, reviewer, reading_note="A private reason.")  # PLAIN: no note
    unpublished = second_revision(article, editor, body=HARD)
    unpublished.approve(reviewer, what_changed="Never went live.", reading_note="Also private.")

    page = client.get(f"/articles/{article.slug}/reviews/").text
    assert page.count("reviewed by Nora Nurse, RN") == 2
    assert CHANGED in page
    assert first.reviewed_at.strftime("%Y-%m-%d") in page
    assert "Never went live." not in page
    assert "private" not in page.lower()


def test_the_review_history_of_an_unknown_article_is_not_found(client):
    assert client.get("/articles/no-such-article/reviews/").status_code == 404


def test_followers_get_what_changed_not_the_article_again(
    article, editor, reviewer, condition, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_CONDITION_UPDATES = "immediate"
    follower = Subscriber.objects.create(email="f@example.org", status="confirmed")
    follower.conditions.set([condition])
    mail.outbox.clear()
    revision = second_revision(article, editor, body="A brand new sentence readers get.")
    revision.approve(reviewer, what_changed=CHANGED)
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish(editor)
    messages = [message for message in mail.outbox if "f@example.org" in message.to]
    assert len(messages) == 1
    assert messages[0].subject.startswith("Updated on ")
    assert CHANGED in messages[0].body
    assert "A brand new sentence" not in messages[0].body


# In the admin ------------------------------------------------------------------


def test_the_nurse_sees_the_reading_level_and_a_refusal_keeps_what_she_typed(
    client, make_article, editor, reviewer, target
):
    revision = in_review(make_article, editor, HARD)
    sign_in(client, reviewer)
    url = f"/admin/articles/revision/{revision.pk}/step/approve/?seen={revision.content_digest}"
    page = client.get(url).text
    assert f"Reading level: grade {revision.reading_level.grade}" in page
    assert "above the target of 8" in page
    assert "decompression" in page

    refused = client.post(url, {"seen": revision.content_digest, "what_changed": "Kept text"})
    assert refused.status_code == 200
    assert "Say why it should be approved as it is." in refused.text
    assert 'value="Kept text"' in refused.text
    assert not Review.objects.filter(revision=revision).exists()

    client.post(url, {"seen": revision.content_digest, "reading_note": "Surgical terms."})
    assert revision.reviews.get().reading_note == "Surgical terms."


def test_the_costliest_words_come_most_used_first_then_in_alphabetical_order():
    text = "Microvascular surgery. Microvascular repair. Microvascular care. Anaesthesia helps."
    assert reading_level(text).hard_words[:2] == ("microvascular", "anaesthesia")
    assert reading_level("Decompression. Anaesthesia.").hard_words == (
        "anaesthesia",
        "decompression",
    )
