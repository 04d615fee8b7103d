"""Ask the community: questions and answers, moderated like comments, with expert answers."""

import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from captcha.models import CaptchaStore
from django.core import mail, signing
from django.test import Client

from comments.models import ModerationError, Status
from comments.spam import TIMESTAMP_SALT
from community.models import ASKER_LINK, Answer, HelpfulVote, Question
from tests.conftest import sign_in, staff_member

pytestmark = pytest.mark.django_db


def solved(client, url, **fields):
    page = client.get(url).text
    key = re.search(r'name="captcha_0" value="(\w+)"', page).group(1)
    return {
        "captcha_0": key,
        "captcha_1": CaptchaStore.objects.get(hashkey=key).response,
        "started": signing.dumps(time.time() - 30, salt=TIMESTAMP_SALT),
        "website": "",
        "author_name": "Robin",
        "author_email": "robin@example.org",
        **fields,
    }


def ask(client, **fields):
    defaults = {
        "title": "Does stress make the spasms worse?",
        "body": "Mine get worse at the end of the week.",
    }
    data = solved(client, "/community/ask/", **{**defaults, **fields})
    return client.post("/community/ask/", data)


def question(status=Status.APPROVED, **fields):
    defaults = {
        "title": "Does stress make the spasms worse?",
        "body": "Mine get worse at the end of the week.",
        "author_name": "Robin",
        "author_email": "robin@example.org",
    }
    return Question.objects.create(status=status, **{**defaults, **fields})


def answer(to, body="Same for me.", status=Status.APPROVED, **fields):
    fields.setdefault("author_email", "jo@example.org")
    return Answer.objects.create(question=to, author_name="Jo", body=body, status=status, **fields)


def question_rows(page):
    """Each question row of the community page: its title and what it says after the date."""
    rows = {}
    for row in page.split('<article class="question-row">')[1:]:
        text = " ".join(re.sub(r"<[^>]+>", " ", row.split("</article>")[0]).split())
        title = re.search(r'<a href="[^"]+">([^<]+)</a>', row).group(1)
        rows[title] = text.rsplit(" · ", 1)[1]
    return rows


def test_a_question_is_held_for_moderation(client, condition):
    response = ask(client, condition=condition.pk)
    assert response.status_code == 302
    stored = Question.objects.get()
    assert (stored.status, stored.condition) == (Status.PENDING, condition)
    page = client.get("/community/").text
    assert "your question will appear once a moderator approves it" in page
    assert "Does stress make the spasms worse?" not in page


def test_a_question_without_the_right_captcha_answer_is_never_stored(client):
    for answer_text in ["", "nope"]:
        response = ask(client, captcha_1=answer_text)
        assert response.status_code == 400
        assert "Mine get worse at the end of the week." in response.text, "text is kept"
    assert not Question.objects.exists()


def test_the_form_reminds_people_to_protect_their_privacy(client):
    page = client.get("/community/ask/").text
    assert "Protect your privacy." in page
    assert "could identify you" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({"author_email": "robin"}, "Enter a valid email address."),
        ({"body": "x" * 5001}, "at most 5000 characters"),
    ],
)
def test_bad_input_gets_a_message_keeps_the_text_and_stores_nothing(client, fields, message):
    response = ask(client, **fields)
    assert response.status_code == 400
    assert message in response.text
    assert "Your question was not sent." in response.text
    assert not Question.objects.exists()


def test_crisis_words_flag_the_question_and_show_support_at_once(client):
    response = ask(client, body="Honestly some days I think about ending my life.")
    page = client.get(response.url).text
    assert Question.objects.get().urgent
    assert "You don't have to face this alone" in page
    assert "116 123" in page


def test_unapproved_questions_and_answers_are_never_public(client):
    pending = question(status=Status.PENDING, title="A pending question")
    assert client.get(pending.get_absolute_url()).status_code == 404
    assert "A pending question" not in client.get("/community/").text
    public = question(title="A public question")
    answer(public, body="A pending answer", status=Status.PENDING)
    answer(public, body="A rejected answer", status=Status.REJECTED)
    answer(public, body="An approved answer")
    page = client.get(public.get_absolute_url()).text
    assert "An approved answer" in page
    assert "A pending answer" not in page
    assert "A rejected answer" not in page
    assert ">1 answer<" in page


def test_an_answer_needs_an_approved_question(client):
    pending = question(status=Status.PENDING)
    assert client.get(f"/community/questions/{pending.pk}/answer/").status_code == 404


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.SPAM, Status.HIDDEN])
def test_an_answer_posted_to_a_question_readers_cannot_see_is_refused(client, status):
    public = question(title="A public question")
    hidden = question(status=status, title="Not public", author_email="kim@example.org")
    # A filled-in form (with a solved CAPTCHA) from a page that does exist.
    data = solved(client, f"/community/questions/{public.pk}/answer/", body="Rest helps me.")
    response = client.post(f"/community/questions/{hidden.pk}/answer/", data)
    assert response.status_code == 404
    assert not Answer.objects.exists()


def test_a_reader_answers_and_the_answer_is_held(client):
    public = question()
    url = f"/community/questions/{public.pk}/answer/"
    response = client.post(url, solved(client, url, body="Rest helps me.", author_name="Jo",
                                         author_email="jo@example.org"))  # fmt: skip
    assert response.status_code == 302
    assert Answer.objects.get().status == Status.PENDING
    assert "Rest helps me." not in client.get(public.get_absolute_url()).text


def test_an_expert_answer_is_listed_first_with_name_credentials_and_date(client, reviewer):
    public = question()
    popular = answer(public, body="A popular reader answer")
    for n in range(5):
        popular.vote_helpful(f"voter-{n}")
    expert = public.answer_as_staff(reviewer, "Tiredness and stress often make spasms worse.")
    page = client.get(public.get_absolute_url()).text
    assert page.index("Tiredness and stress") < page.index("A popular reader answer")
    byline = "Answered by <strong>Nora Nurse, RN</strong> on "
    assert f'{byline}<time datetime="{expert.created_at:%Y-%m-%d}">' in page


def test_reader_answers_are_ordered_by_helpful_votes(client):
    public = question()
    answer(public, body="Older, less helpful")
    helpful = answer(public, body="Newer, more helpful", author_email="kim@example.org")
    helpful.vote_helpful("someone")
    page = client.get(public.get_absolute_url()).text
    assert page.index("Newer, more helpful") < page.index("Older, less helpful")


def test_a_visitors_second_helpful_vote_does_not_count(client):
    public = question()
    reply = answer(public)
    client.post(f"/community/answers/{reply.pk}/helpful/")
    response = client.post(f"/community/answers/{reply.pk}/helpful/", follow=True)
    assert "You have already marked this answer as helpful." in response.text
    assert HelpfulVote.objects.count() == 1
    Client().post(f"/community/answers/{reply.pk}/helpful/")
    assert HelpfulVote.objects.count() == 2


def test_the_asker_is_emailed_a_private_link_when_an_answer_is_approved(
    client, editor, monkeypatch
):
    # The link is signed with the time: the same second for the email and the check.
    monkeypatch.setattr("django.core.signing.time.time", lambda: 1_795_000_000.0)
    public = question()
    reply = answer(public, status=Status.PENDING)
    reply.approve(editor)
    to_asker = [m for m in mail.outbox if m.to == ["robin@example.org"]]
    assert len(to_asker) == 1
    assert public.asker_url() in to_asker[0].body
    assert "Same for me." in to_asker[0].body


def test_the_accept_link_works_for_its_question_only_and_only_when_signed(client):
    mine = question()
    other = question(title="Someone else's question", author_email="kim@example.org")
    reply = answer(mine)
    url = mine.asker_url()
    page = client.get(url)
    assert page.status_code == 200
    assert "This answer helped me" in page.text

    token = url.rstrip("/").rsplit("/", 1)[1]
    # Signed by us, but with another question's number: its own key is missing.
    crossed = ASKER_LINK._signer().sign(f"{other.pk}.{mine.link_key}")
    for bad in [
        f"/community/yours/{crossed}/",
        url.replace(token, token[:-2] + "xx"),  # tampered
        "/community/yours/not-a-token/",
    ]:
        response = client.post(bad, {"answer": reply.pk})
        assert response.status_code == 400
        assert "This link doesn't work" in response.text
    mine.refresh_from_db()
    assert mine.accepted_answer is None

    client.post(url, {"answer": reply.pk})
    mine.refresh_from_db()
    assert mine.accepted_answer == reply
    assert "Helped the asker" in client.get(mine.get_absolute_url()).text


def test_the_asker_accepts_an_answer_and_stops_emails_by_posting_through_the_link(client):
    mine = question()
    reply = answer(mine)
    url = mine.asker_url()
    accepted = client.post(url, {"answer": reply.pk}, follow=True)
    assert "We marked it as the answer that helped." in accepted.text
    mine.refresh_from_db()
    assert (mine.accepted_answer, mine.notify_asker) == (reply, True)

    stopped = client.post(url, {"stop_emails": "1"}, follow=True)
    assert "Done: we won&#x27;t email you about this question again." in stopped.text
    mine.refresh_from_db()
    assert (mine.accepted_answer, mine.notify_asker) == (reply, False)


def test_posting_through_a_tampered_or_crossed_link_changes_nothing(client):
    mine = question()
    other = question(title="Someone else's question", author_email="kim@example.org")
    answer(mine)
    theirs = answer(other, author_email="lee@example.org")
    url = mine.asker_url()
    token = url.rstrip("/").rsplit("/", 1)[1]
    crossed = ASKER_LINK._signer().sign(f"{other.pk}.{mine.link_key}")
    for bad in [
        url.replace(token, token[:-2] + ("xx" if not token.endswith("xx") else "yy")),
        f"/community/yours/{crossed}/",
    ]:
        for data in ({"answer": theirs.pk}, {"stop_emails": "1"}):
            response = client.post(bad, data)
            assert response.status_code == 400
            assert "This link doesn't work" in response.text
    for asked in (mine, other):
        asked.refresh_from_db()
        assert (asked.accepted_answer, asked.notify_asker) == (None, True)


def test_the_asker_cannot_accept_an_answer_to_another_question(client):
    mine = question()
    theirs = question(title="Theirs", author_email="kim@example.org")
    foreign = answer(theirs)
    response = client.post(mine.asker_url(), {"answer": foreign.pk}, follow=True)
    assert "Choose one of the published answers" in response.text
    mine.refresh_from_db()
    assert mine.accepted_answer is None


def test_the_asker_can_stop_emails(client, editor):
    mine = question()
    client.post(mine.asker_url(), {"stop_emails": "1"})
    answer(mine, status=Status.PENDING).approve(editor)
    assert not [m for m in mail.outbox if m.to == ["robin@example.org"]]


def test_the_question_page_query_count_is_the_same_with_1_answer_and_100(
    client, reviewer, django_assert_max_num_queries
):
    def queries(public):
        with django_assert_max_num_queries(12) as captured:
            client.get(public.get_absolute_url())
        return len(captured)

    one = question(title="One answer")
    answer(one)
    many = question(title="Many answers", author_email="kim@example.org")
    for n in range(99):
        reply = answer(many, body=f"Answer {n}", author_email=f"r{n}@example.org")
        if n % 10 == 0:
            reply.vote_helpful(f"v{n}")
    many.answer_as_staff(reviewer, "An expert view.")
    assert queries(many) == queries(one)


def test_the_community_page_filters_and_paginates(client, condition, reviewer):
    unanswered = question(title="Nobody answered me", condition=condition)
    nursed = question(title="A nurse answered me", author_email="a@example.org")
    nursed.answer_as_staff(reviewer, "Here is what we know.")
    page = client.get("/community/?show=unanswered").text
    assert "Nobody answered me" in page
    assert "A nurse answered me" not in page
    page = client.get("/community/?show=nurse").text
    assert "A nurse answered me" in page
    assert "Nobody answered me" not in page
    assert "Answered by a nurse" in page
    page = client.get(f"/community/?condition={condition.slug}").text
    assert "Nobody answered me" in page
    assert "A nurse answered me" not in page
    for n in range(25):
        question(title=f"Question number {n}", author_email=f"q{n}@example.org")
    first = client.get("/community/").text
    assert first.count('class="question-row"') == 20
    second = client.get("/community/?page=2").text
    assert second.count('class="question-row"') == 7
    assert unanswered.get_absolute_url() in second


def test_the_community_page_does_not_query_per_question(
    client, condition, django_assert_max_num_queries
):
    for n in range(20):
        public = question(title=f"Q{n}", author_email=f"q{n}@example.org", condition=condition)
        answer(public, is_expert=n % 2 == 0)
    with django_assert_max_num_queries(5):
        page = client.get("/community/").text
    assert page.count(f"{condition.name} · asked by Robin") == 20


def test_a_guide_shows_its_latest_questions_and_an_ask_box(client, condition):
    question(title="About this condition", condition=condition)
    page = client.get(condition.get_absolute_url()).text
    assert "About this condition" in page
    assert f"/community/ask/?condition={condition.slug}" in page


def test_articles_offer_to_ask_the_community(client, article):
    page = client.get(article.get_absolute_url()).text
    assert "Ask the community" in page


def test_question_pages_have_their_own_title_and_description(client):
    public = question(body="Mine get worse at the end of the week. " * 10)
    page = client.get(public.get_absolute_url()).text
    assert "<title>Does stress make the spasms worse? · Ask the community" in page
    assert '<meta name="description" content="Mine get worse at the end of the week.' in page


def test_staff_answer_from_the_site(client, reviewer):
    public = question()
    sign_in(client, reviewer)
    response = client.post(
        f"/community/questions/{public.pk}/expert-answer/", {"body": "Rest and sleep help."}
    )
    assert response.status_code == 302
    expert = Answer.objects.get()
    assert (expert.is_expert, expert.by_nurse, expert.status) == (True, True, Status.APPROVED)


def test_readers_cannot_post_expert_answers(client):
    visitor = staff_member("vic", "Vic", "Tor", "Moderators")
    public = question()
    sign_in(client, visitor)
    response = client.post(
        f"/community/questions/{public.pk}/expert-answer/", {"body": "Trust me."}, follow=True
    )
    assert "Only nurse reviewers and editors give expert answers." in response.text
    assert not Answer.objects.exists()


def test_the_moderation_queue_handles_questions_and_answers_with_the_same_actions(client, editor):
    pending_question = question(status=Status.PENDING)
    pending_answer = answer(question(title="Other"), status=Status.PENDING)
    sign_in(client, editor)
    for url, item in [
        ("/admin/community/question/", pending_question),
        ("/admin/community/answer/", pending_answer),
    ]:
        client.post(url, {"action": "approve_selected", "_selected_action": [item.pk]})
        item.refresh_from_db()
        assert item.status == Status.APPROVED
    page = client.get("/admin/").text
    assert "Questions to moderate" in page
    assert "Answers to moderate" in page


def test_moderating_comments_does_not_mean_moderating_questions_or_answers():
    from django.contrib.auth.models import Permission

    from comments.models import ModerationError

    only_comments = staff_member("cm", "Cam", "Mod", "Editors")
    only_comments.groups.clear()
    only_comments.user_permissions.add(Permission.objects.get(codename="moderate_comment"))
    pending = question(status=Status.PENDING)
    for item in (pending, answer(question(title="Other"), status=Status.PENDING)):
        with pytest.raises(ModerationError):
            item.approve(only_comments)
        item.refresh_from_db()
        assert item.status == Status.PENDING


def test_only_a_published_answer_to_this_very_question_can_be_accepted():
    from comments.models import ModerationError

    mine = question()
    for wrong in (
        answer(mine, status=Status.PENDING),  # this question, not published
        answer(question(title="Other", author_email="kim@example.org")),  # published, elsewhere
    ):
        with pytest.raises(ModerationError) as refused:
            mine.accept(wrong)
        assert refused.value.code == "wrong_answer"
        assert refused.value.messages == [
            "Only a published answer to this question can be marked as the one that helped."
        ]
    mine.refresh_from_db()
    assert mine.accepted_answer is None


def test_accepting_an_answer_never_undoes_a_stop_made_meanwhile():
    mine = question()
    reply = answer(mine)
    stale = Question.objects.get(pk=mine.pk)
    mine.stop_emails()
    stale.accept(reply)
    mine.refresh_from_db()
    assert (mine.accepted_answer, mine.notify_asker) == (reply, False)


def test_each_listed_question_counts_only_published_answers_and_says_who_answered(
    client, reviewer, editor
):
    nursed = question(title="Nursed", author_email="a@example.org")
    nursed.answer_as_staff(reviewer, "Here is what we know.")
    answer(nursed, body="Still waiting", status=Status.PENDING)
    edited = question(title="Edited", author_email="b@example.org")
    edited.answer_as_staff(editor, "Our editors looked into it.")
    readers = question(title="Readers only", author_email="c@example.org")
    answer(readers, body="Same for me.")
    answer(readers, body="Withdrawn", is_expert=True, by_nurse=True, status=Status.REJECTED)
    waiting = question(title="Waiting", author_email="d@example.org")
    answer(waiting, body="Not yet approved", status=Status.PENDING)
    assert question_rows(client.get("/community/").text) == {
        "Waiting": "Not answered yet",
        "Readers only": "1 answer",
        "Edited": "1 answer Expert answer",
        "Nursed": "1 answer Answered by a nurse",
    }


def test_the_community_lists_the_newest_questions_first():
    noon = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    first = question(title="Asked at noon", created_at=noon)
    same_time = question(title="Also asked at noon", author_email="a@example.org", created_at=noon)
    question(
        title="Asked the day before",
        author_email="b@example.org",
        created_at=noon - timedelta(days=1),
    )
    question(
        title="Asked later", author_email="c@example.org", created_at=noon + timedelta(hours=1)
    )
    assert same_time.pk > first.pk
    assert [q.title for q in Question.objects.for_listing()] == [
        "Asked later",
        "Also asked at noon",
        "Asked at noon",
        "Asked the day before",
    ]


def test_equally_helpful_reader_answers_are_listed_oldest_first(client):
    public = question()
    noon = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    answer(public, body="Written second", created_at=noon + timedelta(hours=1))
    answer(public, body="Written first", author_email="kim@example.org", created_at=noon)
    answer(public, body="Also written first", author_email="lee@example.org", created_at=noon)
    assert [a.body for a in Answer.objects.for_question_page().filter(question=public)] == [
        "Written first",
        "Also written first",
        "Written second",
    ]
    page = client.get(public.get_absolute_url()).text
    assert (
        page.index("Written first")
        < page.index("Also written first")
        < page.index("Written second")
    )


def test_a_questions_address_is_made_from_its_title(client):
    public = question(title="Does stress make the spasms worse?")
    assert public.get_absolute_url() == (
        f"/community/questions/{public.pk}/does-stress-make-the-spasms-worse/"
    )
    no_letters = question(title="?!", author_email="kim@example.org")
    assert no_letters.get_absolute_url() == f"/community/questions/{no_letters.pk}/question/"
    assert client.get(no_letters.get_absolute_url()).status_code == 200
    # Spelled out in plain letters, this title grows to 450 characters.
    ligatures = question(title="\ufb03" * 150, author_email="lee@example.org")
    assert ligatures.slug == "ffi" * 53 + "f"


def test_the_asker_link_of_a_question_marked_as_spam_no_longer_works(client, editor):
    spam = question()
    url = spam.asker_url()
    assert client.get(url).status_code == 200
    spam.mark_spam(editor)
    response = client.get(url)
    assert response.status_code == 400
    assert "This link doesn't work" in response.text


def test_an_expert_answer_needs_the_permission_and_an_approved_question(reviewer):
    visitor = staff_member("vic", "Vic", "Tor", "Moderators")
    public = question()
    with pytest.raises(ModerationError) as refused:
        public.answer_as_staff(visitor, "Trust me.")
    assert refused.value.code == "permission_denied"
    assert refused.value.messages == ["Only nurse reviewers and editors give expert answers."]
    pending = question(status=Status.PENDING, author_email="kim@example.org")
    with pytest.raises(ModerationError) as refused:
        pending.answer_as_staff(reviewer, "Rest and sleep help.")
    assert refused.value.code == "not_public"
    assert refused.value.messages == ["Approve the question before answering it."]
    assert not Answer.objects.exists()


def test_stopping_emails_never_undoes_an_answer_accepted_meanwhile():
    mine = question()
    reply = answer(mine)
    stale = Question.objects.get(pk=mine.pk)
    mine.accept(reply)
    stale.stop_emails()
    mine.refresh_from_db()
    assert (mine.accepted_answer, mine.notify_asker) == (reply, False)


def test_a_reader_may_post_as_anonymous_and_their_name_is_kept_nowhere(client):
    moderator = staff_member("mo", "Mo", "Derator", "Moderators")
    response = ask(client, author_name="Robin Smith", anonymous="on")
    assert response.status_code == 302
    asked = Question.objects.get()
    assert (asked.author_name, asked.author_email) == ("Anonymous", "robin@example.org")
    asked.approve(moderator)
    page = client.get(asked.get_absolute_url()).text
    assert "Asked by Anonymous" in page
    assert "Robin Smith" not in page


def test_a_name_or_anonymous_is_needed(client):
    response = ask(client, author_name="  ")
    assert response.status_code == 400
    assert "Write the name to show, or tick “Post as Anonymous”." in response.text
    assert not Question.objects.exists()
