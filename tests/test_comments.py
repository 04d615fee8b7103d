"""Readers comment on articles; every comment waits for a moderator; bots get nowhere."""

import array
import hashlib
import io
import math
import os
import re
import subprocess
import time
import wave
from datetime import timedelta
from io import StringIO

import pytest
from captcha.models import CaptchaStore
from django.contrib.contenttypes.models import ContentType
from django.core import mail, signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments import spam
from comments.forms import CommentForm
from comments.models import BlockedPhrase, Comment, Refusal, Report, Status, comments_open
from comments.spam import TIMESTAMP_SALT
from empower.visitors import keyed_hash
from tests.conftest import staff_member

pytestmark = pytest.mark.django_db


def form_url(article):
    return f"/articles/{article.slug}/comment/"


def started_seconds_ago(seconds):
    return signing.dumps(time.time() - seconds, salt=TIMESTAMP_SALT)


def solved(client, article, **fields):
    """Open the form as a person would, and fill it in with the CAPTCHA's answer."""
    page = client.get(form_url(article)).text
    key = re.search(r'name="captcha_0" value="(\w+)"', page).group(1)
    return {
        "author_name": "Dana",
        "author_email": "dana@example.org",
        "body": "Botox injections helped my eyelid twitching a lot.",
        "captcha_0": key,
        "captcha_1": CaptchaStore.objects.get(hashkey=key).response,
        "started": started_seconds_ago(20),
        "website": "",
        **fields,
    }


def post(client, article, data):
    return client.post(form_url(article), data, REMOTE_ADDR=data.pop("_ip", "198.51.100.7"))


def refusals():
    return dict(Refusal.objects.values_list("reason", "count"))


def errors(response):
    """The form's errors as shown again: {field: [{"message": ..., "code": ...}]}."""
    return response.context["form"].errors.get_json_data()


def test_a_comment_is_held_and_the_poster_is_thanked(client, article):
    response = post(client, article, solved(client, article))
    assert response.status_code == 302
    assert response.url == f"{article.get_absolute_url()}#comments"
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    page = client.get(response.url).text
    assert "Thanks — your comment will appear once a moderator approves it" in page
    assert "Botox injections helped" not in page


def test_a_post_without_the_right_captcha_answer_is_never_stored(client, article):
    for answer in ["", "wrong"]:
        response = post(client, article, solved(client, article, captcha_1=answer))
        assert response.status_code == 400
        assert not Comment.objects.exists()
    response = post(client, article, solved(client, article, captcha_0="made-up-key"))
    assert response.status_code == 400
    assert "Botox injections helped my eyelid twitching a lot." in response.text, "text is kept"
    assert not Comment.objects.exists()
    assert refusals()["captcha_invalid"] >= 2


def test_a_solved_captcha_cannot_be_used_twice(client, article):
    data = solved(client, article)
    replay = {**data, "body": "A second comment riding on the same answer."}
    assert post(client, article, data).status_code == 302
    response = post(client, article, replay)
    assert response.status_code == 400
    assert "match the image" in response.text
    assert Comment.objects.count() == 1


def test_the_honeypot_refuses_bots(client, article):
    response = post(client, article, solved(client, article, website="http://cheap-pills.example"))
    assert response.status_code == 400
    assert errors(response) == {
        "website": [
            {"message": "Your message could not be sent. Please try again.", "code": "honeypot"}
        ]
    }
    assert not Comment.objects.exists()
    assert refusals()["website_honeypot"] == 1
    assert list(Refusal.objects.values_list("form", "reason", "count")) == [
        ("comment", "website_honeypot", 1)
    ]


@pytest.mark.parametrize(
    ("seconds_ago", "reason", "message"),
    [
        (
            0.5,
            "too_fast",
            "That was quicker than a person can type. Please wait a moment and send again.",
        ),
        (
            13 * 3600,
            "stale",
            "This form was open for too long. Your text is kept below; please send again.",
        ),
        (
            None,
            "tampered",
            "The form was changed in transit. Please reload the page and try again.",
        ),
    ],
    ids=["too fast", "too late", "forged"],
)
def test_the_time_trap_refuses_forms_sent_too_fast_too_late_or_forged(
    client, article, seconds_ago, reason, message
):
    started = "not-a-signed-value" if seconds_ago is None else started_seconds_ago(seconds_ago)
    response = post(client, article, solved(client, article, started=started))
    assert response.status_code == 400
    assert errors(response) == {"started": [{"message": message, "code": reason}]}
    assert message in response.text
    assert not Comment.objects.exists()
    assert refusals()[f"started_{reason}"] == 1

    # The form shown again works when sent again (after a person's pause).
    fresh = re.search(r'name="started" value="([^"]+)"', response.text).group(1)
    assert spam.seconds_since_start(fresh) < 5
    data = solved(client, article, started=started_seconds_ago(10))
    assert post(client, article, data).status_code == 302


NOW = 1_800_000_000.0  # a fixed clock, so the time trap's limits can be met exactly


@pytest.mark.parametrize(
    ("seconds_open", "refusal"),
    [(2.5, "too_fast"), (3, None), (12 * 3600, None), (12 * 3600 + 1, "stale")],
    ids=["under 3 seconds", "3 seconds", "12 hours", "12 hours and a second"],
)
def test_a_form_sent_after_exactly_3_seconds_or_exactly_12_hours_passes_the_time_trap(
    rf, article, settings, monkeypatch, seconds_open, refusal
):
    settings.COMMENTS_MIN_SECONDS = 3
    settings.COMMENTS_MAX_FORM_AGE_HOURS = 12
    monkeypatch.setattr(time, "time", lambda: NOW)
    started = signing.dumps(NOW - seconds_open, salt=TIMESTAMP_SALT)
    form = CommentForm({"started": started}, request=rf.post("/"), article=article)
    assert [error.code for error in form.errors.as_data().get("started", [])] == (
        [refusal] if refusal else []
    )


def test_the_form_as_shown_carries_its_own_signed_start_time(client, article, settings):
    settings.COMMENTS_MIN_SECONDS = 0
    page = client.get(form_url(article)).text
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    assert 0 <= spam.seconds_since_start(started) < 5
    # Sent as it came, without a test's help with the timestamp, it is taken in.
    data = solved(client, article)
    data["started"] = started
    assert post(client, article, data).status_code == 302


def test_the_rate_limit_refuses_the_post_after_the_limit(client, article, settings):
    settings.COMMENTS_PER_HOUR = 3
    for n in range(3):
        data = solved(client, article, body=f"Comment number {n}", author_email=f"p{n}@example.org")
        assert post(client, article, data).status_code == 302
    data = solved(client, article, body="One too many", author_email="p9@example.org")
    response = post(client, article, data)
    assert response.status_code == 400
    assert errors(response) == {
        "__all__": [
            {
                "message": "You have sent a lot in the last hour. Please try again later.",
                "code": "rate_limited_visitor",
            }
        ]
    }
    assert Comment.objects.count() == 3
    assert refusals()["rate_limited_visitor"] == 1


def test_the_rate_limit_also_counts_per_email_address(client, article, settings):
    settings.COMMENTS_PER_HOUR = 2
    for n in range(2):
        data = solved(client, article, body=f"Comment {n}", _ip=f"203.0.113.{n}")
        assert post(client, article, data).status_code == 302
    data = solved(client, article, body="From yet another network", _ip="203.0.113.99")
    assert post(client, article, data).status_code == 400
    assert refusals()["rate_limited_email"] == 1


def test_the_rate_limits_start_afresh_after_exactly_an_hour(client, article, settings, monkeypatch):
    # The cache that counts posts forgets on its own clock; this one is held still.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.COMMENTS_PER_HOUR = 1
    clock = [NOW]
    monkeypatch.setattr(time, "time", lambda: clock[0])
    first = solved(client, article, body="The first", _ip="203.0.113.1")
    assert post(client, article, first).status_code == 302
    clock[0] += 3600 - 1
    same_address = solved(client, article, body="Same address", author_email="new@example.org",
                          _ip="203.0.113.1")  # fmt: skip
    assert post(client, article, same_address).status_code == 400
    same_email = solved(client, article, body="Same email", _ip="203.0.113.2")
    assert post(client, article, same_email).status_code == 400
    clock[0] += 1
    same_address = solved(client, article, body="Same address", author_email="new@example.org",
                          _ip="203.0.113.1")  # fmt: skip
    assert post(client, article, same_address).status_code == 302
    same_email = solved(client, article, body="Same email", _ip="203.0.113.3")
    assert post(client, article, same_email).status_code == 302
    assert Comment.objects.count() == 3


def send_via(client, article, n, *, remote_addr, forwarded):
    data = solved(client, article, body=f"Comment {n}", author_email=f"p{n}@example.org")
    response = client.post(
        form_url(article), data, REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=forwarded
    )
    return response.status_code


def test_a_forged_forwarded_for_header_does_not_dodge_the_rate_limit(client, article, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.COMMENTS_PER_HOUR = 2
    sent = [
        send_via(client, article, n, remote_addr="198.51.100.7", forwarded=f"203.0.113.{n}")
        for n in range(3)
    ]
    assert sent == [302, 302, 400]
    assert Comment.objects.count() == 2
    assert refusals()["rate_limited_visitor"] == 1


def test_behind_one_trusted_proxy_the_address_the_proxy_saw_counts(client, article, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.COMMENTS_PER_HOUR = 2
    proxy = "10.0.0.1"
    # The proxy appends who connected to it; anything before that the visitor wrote.
    sent = [
        send_via(client, article, n, remote_addr=proxy, forwarded=f"192.0.2.{n}, 203.0.113.5")
        for n in range(3)
    ]
    assert sent == [302, 302, 400]
    assert refusals()["rate_limited_visitor"] == 1
    # Someone else behind the same proxy has their own allowance.
    assert send_via(client, article, 9, remote_addr=proxy, forwarded="203.0.113.6") == 302
    assert Comment.objects.count() == 3


def test_a_stored_comment_never_holds_the_posters_address(client, article):
    address = "203.0.113.219"
    client.post(form_url(article), solved(client, article), REMOTE_ADDR=address)
    comment = Comment.objects.get()
    stored = Comment.objects.filter(pk=comment.pk).values().get()
    assert [name for name, value in stored.items() if address in str(value)] == []
    assert len(comment.address_hash) == 64
    # Keyed: a plain hash of an address is undone by hashing every address there is.
    assert comment.address_hash != hashlib.sha256(address.encode()).hexdigest()
    # ...and keyed for comments, as the comment form's rate limit counts it.
    assert comment.address_hash == keyed_hash("comment", address)


def test_a_duplicate_is_refused_kindly(client, article):
    post(client, article, solved(client, article))
    response = post(
        client,
        article,
        solved(client, article, body="  BOTOX injections helped my eyelid  twitching a lot. "),
    )
    assert errors(response) == {
        "__all__": [
            {
                "message": "We already have this from you; "
                "it will appear once a moderator approves it.",
                "code": "duplicate",
            }
        ]
    }
    assert "We already have this from you" in response.text
    assert Comment.objects.count() == 1
    assert refusals() == {"duplicate": 1}


def test_the_same_words_from_someone_else_or_on_another_article_are_no_duplicate(
    client, article, make_article
):
    other_article = make_article("another-article")
    assert post(client, article, solved(client, article)).status_code == 302
    someone_else = solved(client, article, author_email="kim@example.org", _ip="203.0.113.2")
    assert post(client, article, someone_else).status_code == 302
    elsewhere = solved(client, other_article, _ip="203.0.113.3")
    assert post(client, other_article, elsewhere).status_code == 302
    assert Comment.objects.count() == 3


def test_a_comments_digest_is_of_its_words_in_lower_case_with_single_spaces(article):
    # Stored with each comment: how a later post is recognised as the same words.
    comment = Comment.objects.create(
        article=article, author_name="Kim", author_email="kim@example.org",
        body="  Botox HELPED\n\n my   twitching. ",
    )  # fmt: skip
    assert comment.body_digest == hashlib.sha256(b"botox helped my twitching.").hexdigest()


@pytest.mark.parametrize(
    ("fields", "field", "code", "message"),
    [
        (
            {"author_email": "not-an-email"},
            "author_email",
            "invalid",
            "Enter an email address like name@example.com.",
        ),
        (
            {"body": "x" * 5001},
            "body",
            "max_length",
            "Please keep your comment under 5,000 characters (it has 5001).",
        ),
        ({"body": "   \n\t  "}, "body", "required", "Write a comment before sending."),
        (
            {"author_name": ""},
            "author_name",
            "required",
            "Write the name to show, or tick “Post as Anonymous”.",
        ),
    ],
)
def test_bad_input_gets_a_clear_message_keeps_the_text_and_stores_nothing(
    client, article, fields, field, code, message
):
    response = post(client, article, solved(client, article, **fields))
    assert response.status_code == 400
    assert errors(response) == {field: [{"message": message, "code": code}]}
    assert message in response.text
    assert "Your comment was not sent." in response.text
    assert 'value="Dana"' in response.text or fields.get("author_name") == ""
    assert not Comment.objects.exists()


def test_links_and_blocked_phrases_go_to_spam_not_the_queue(client, article):
    BlockedPhrase.objects.create(phrase="Miracle Cure")
    post(client, article, solved(client, article, body="Try this miracle cure today!"))
    links = "See http://a.example and http://b.example and www.c.example for more."
    post(client, article, solved(client, article, body=links, author_email="x@example.org"))
    two_links = "See http://a.example and http://b.example for more."
    post(client, article, solved(client, article, body=two_links, author_email="y@example.org"))
    statuses = dict(Comment.objects.values_list("body", "status"))
    assert statuses == {
        "Try this miracle cure today!": Status.SPAM,
        links: Status.SPAM,
        two_links: Status.PENDING,  # two links are allowed; the third is one too many
    }
    flags = [flag for comment in Comment.objects.all() for flag in comment.flags]
    assert "blocked phrase “miracle cure”" in flags
    assert "3 links" in flags
    assert refusals() == {"held_as_spam_blocked_phrase": 1, "held_as_spam_links": 1}


def test_a_blocked_phrase_is_never_found_across_the_name_and_the_comment(client, article):
    BlockedPhrase.objects.create(phrase="xxx")
    post(client, article, solved(client, article, author_name="Max", body="Xenon lamps help me."))
    assert Comment.objects.get().status == Status.PENDING


def test_comments_cannot_be_posted_where_they_are_closed(client, article, make_article):
    data = solved(client, article)
    article.comments_enabled = False
    article.save()
    response = post(client, article, data)
    assert response.status_code == 403
    assert "Comments are closed on this article." in response.text
    assert "Botox injections helped my eyelid twitching a lot." in response.text
    assert not Comment.objects.exists()
    assert refusals() == {"closed": 1}
    assert "Comments are closed on this article." in client.get(article.get_absolute_url()).text
    form_page = client.get(form_url(article)).text
    assert "Comments are closed on this article." in form_page
    assert 'id="comment-form"' not in form_page


def test_comments_close_by_themselves_after_a_set_age(client, make_article, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = make_article("old-news", published_at=timezone.now() - timedelta(days=40))
    assert "Comments are closed on this article." in client.get(old.get_absolute_url()).text


def test_comments_close_the_moment_an_article_is_the_set_age(article, settings, monkeypatch):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    moment = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: moment)
    article.published_at = moment - timedelta(days=30) + timedelta(microseconds=1)
    assert comments_open(article)
    article.published_at = moment - timedelta(days=30)
    assert not comments_open(article)


def test_an_unpublished_article_takes_no_comments_and_looks_like_one_that_never_was(
    client, article, editor
):
    data = solved(client, article)
    article.unpublish(editor)
    response = post(client, article, data)
    assert response.status_code == 404
    assert not Comment.objects.exists()
    assert client.get(form_url(article)).status_code == 404
    # The writer keeps their words...
    assert "Botox injections helped my eyelid twitching a lot." in response.text
    # ...and the page is the one an address that never existed gets.
    unknown = client.post("/articles/no-such-article/comment/", data)
    assert unknown.status_code == 404
    assert "Not available · Empower" in unknown.text, "a page of the site, with its name"
    # With nothing written, there is nothing to keep.
    empty = client.post("/articles/no-such-article/comment/", {"author_name": "Dana"})
    assert empty.status_code == 404
    assert 'id="kept-text"' not in empty.text
    assert without_per_request_tokens(unknown.text).replace("no-such-article", "") == (
        without_per_request_tokens(response.text).replace(article.slug, "")
    )


def without_per_request_tokens(html):
    return re.sub(r'(nonce|value)="[\w-]{20,}"', "", html)


def report(client, comment, **kwargs):
    """What the Report button beside a comment sends."""
    return client.post("/comments/report/", {"comment": comment.pk}, **kwargs)


def approved_comment(article, body="A helpful comment.", **fields):
    fields.setdefault("status", Status.APPROVED)
    fields.setdefault("author_name", "Kim")
    return Comment.objects.create(
        article=article, author_email="kim@example.org", body=body, **fields
    )


def test_pending_rejected_and_spam_comments_are_never_public(client, article):
    for status in [Status.PENDING, Status.REJECTED, Status.SPAM, Status.HIDDEN]:
        approved_comment(article, body=f"A {status} comment", status=status)
    approved_comment(article, body="The approved one")
    page = client.get(article.get_absolute_url()).text
    assert "The approved one" in page
    for status in [Status.PENDING, Status.REJECTED, Status.SPAM, Status.HIDDEN]:
        assert f"A {status} comment" not in page
    assert 'Comments <span class="text-secondary-emphasis">(1)</span>' in page


def test_html_and_script_in_a_comment_are_shown_escaped(client, article):
    approved_comment(
        article,
        body='<script>alert("x")</script> <a href="javascript:evil()">link</a>\n\nSecond paragraph',
        author_name="<b>Mallory</b>",
    )
    page = client.get(article.get_absolute_url()).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert "&lt;b&gt;Mallory&lt;/b&gt;" in page
    assert "<p>Second paragraph</p>" in page


def test_the_empty_state_invites_the_first_comment(client, article):
    page = client.get(article.get_absolute_url()).text
    assert "No one has commented yet." in page
    assert f'href="{form_url(article)}"' in page


def test_reading_an_article_writes_nothing(client, article):
    approved_comment(article)
    with CaptureQueriesContext(connection) as queries:
        client.get(article.get_absolute_url())
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert not CaptchaStore.objects.exists()


def test_the_form_fragment_is_a_partial_with_a_captcha(client, article):
    response = client.get(f"{form_url(article)}?fragment=1")
    fragment = response.text
    assert "<html" not in fragment
    assert 'id="comment-form"' in fragment
    assert "Enter the characters shown in the image" in fragment
    assert CaptchaStore.objects.count() == 1
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    # Loaded into the article's page, it still posts to the comment address.
    assert f'action="{form_url(article)}"' in fragment


def test_the_form_page_is_a_whole_page_crawlers_are_kept_from(client, article):
    response = client.get(form_url(article))
    assert "<html" in response.text
    assert 'id="comment-form"' in response.text
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert 'name="csrfmiddlewaretoken"' in response.text


def test_the_form_ends_with_the_hidden_trap_the_terms_and_a_send_button(client, article):
    page = client.get(form_url(article)).text
    # The honeypot sits in a box that is moved off screen and hidden from screen readers.
    assert re.search(
        r'<div\s+class="trap"\s+aria-hidden="true">\s*<div id="div_id_website"[^>]*>'
        r'.*?<input type="text" name="website"',
        page,
        re.S,
    )
    assert "By sending this form you agree to our" in page
    assert re.search(
        r'<input type="submit"\s+name="submit"\s+value="Send comment"\s+class="btn btn-primary',
        page,
    )


def test_the_article_page_query_count_is_the_same_with_0_or_200_comments(
    client, article, make_article, django_assert_max_num_queries
):
    def queries_for(page_article):
        with django_assert_max_num_queries(12) as captured:
            client.get(page_article.get_absolute_url())
        return len(captured)

    empty = make_article("no-comments")
    baseline = queries_for(empty)
    editor_user = staff_member("ed", "Ed", "Itor", "Editors")
    for n in range(200):
        comment = approved_comment(article, body=f"Comment {n}")
        if n % 20 == 0:
            approved_comment(
                article, body=f"Reply {n}", reply_to=comment, staff_author=editor_user,
                staff_badge="Editor",
            )  # fmt: skip
    assert queries_for(article) == baseline
    page = client.get(article.get_absolute_url()).text
    assert page.count('class="comment"') == 200
    assert page.count("comment comment-reply") == 10


def test_comment_counts_show_in_lists_without_a_query_per_article(
    client, make_article, django_assert_max_num_queries
):
    articles = [make_article(f"article-{n}", title=f"Article {n}") for n in range(5)]
    for n, article in enumerate(articles):
        for _ in range(n):
            approved_comment(article, body=f"On {article.slug} {_}")
    with django_assert_max_num_queries(4):
        page = client.get("/").text
    assert "4 comments" in page
    assert "1 comment<" in page or "1 comment\n" in page


def test_a_reported_comment_hides_after_the_threshold_and_once_per_visitor(
    client, article, settings
):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    comment = approved_comment(article, body="Something rude")
    report(Client(), comment, REMOTE_ADDR="203.0.113.1")
    # The same reader with their cookies cleared is still the same reader.
    response = report(Client(), comment, REMOTE_ADDR="203.0.113.1", follow=True)
    assert "You have already reported this comment" in response.text
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    assert Report.objects.count() == 1

    report(Client(), comment, REMOTE_ADDR="198.51.100.2")
    comment.refresh_from_db()
    assert comment.status == Status.HIDDEN
    assert "Something rude" not in client.get(article.get_absolute_url()).text
    assert comment in Comment.objects.pending()


def test_staff_replies_cannot_be_reported_away(client, article, editor):
    comment = approved_comment(article)
    reply = approved_comment(article, body="Staff reply", reply_to=comment, staff_author=editor)
    assert report(client, reply).status_code == 404


def test_reports_are_rate_limited_per_address(client, make_article, settings):
    settings.REPORTS_PER_HOUR = 2
    comments = [approved_comment(make_article(f"a{n}"), body=f"C{n}") for n in range(3)]
    for comment in comments:
        response = report(client, comment, follow=True)
    assert "You have sent many reports" in response.text
    assert Report.objects.count() == 2


def test_reports_go_with_the_comment(article):
    comment = approved_comment(article)
    comment.report("someone")
    comment.delete()
    assert not Report.objects.exists()


def test_a_comment_a_moderator_cleared_needs_fresh_reports_to_hide_again(article, settings, editor):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    comment = approved_comment(article)
    comment.report("visitor-a")
    comment.report("visitor-b")
    comment.refresh_from_db()
    comment.approve(editor)
    comment.report("visitor-c")
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    ContentType.objects.clear_cache()


def test_moderators_are_emailed_a_digest_not_one_email_per_comment(client, article, settings):
    moderator = staff_member("mo", "Mo", "Derator", "Moderators")
    moderator.email = "mo@empower.example"
    moderator.save()
    settings.MODERATION_EMAIL_MINUTES = 30
    for n in range(3):
        data = solved(client, article, body=f"Question {n}", author_email=f"q{n}@example.org")
        post(client, article, data)
    to_mo = [message for message in mail.outbox if message.to == ["mo@empower.example"]]
    assert len(to_mo) == 1, "the first comment triggers an email; the next two wait"
    assert "1 new post to moderate" in to_mo[0].subject
    assert to_mo[0].alternatives, "every email has an HTML part too"

    from comments.models import ModerationNotice

    # Half an hour passes: the first email went out 31 minutes ago, just after Question 0.
    now = timezone.now()
    ModerationNotice.objects.update(last_sent_at=now - timedelta(minutes=31))
    Comment.objects.filter(body="Question 0").update(created_at=now - timedelta(minutes=32))
    Comment.objects.exclude(body="Question 0").update(created_at=now - timedelta(minutes=10))
    from django.core.management import call_command

    call_command("notify_moderators", stdout=StringIO())
    to_mo = [message for message in mail.outbox if message.to == ["mo@empower.example"]]
    assert len(to_mo) == 2
    assert "2 new posts to moderate" in to_mo[1].subject
    assert "Question 1" in to_mo[1].body
    assert "q1@example.org" not in to_mo[1].body, "posters' addresses are not spread around"


def needs(program_setting, settings, package):
    if not getattr(settings, program_setting):
        if os.environ.get("CI"):
            pytest.fail(f"CI installs {package} so the audio CAPTCHA is tested")
        pytest.skip(f"{package} is not installed (apt-get install {package})")


def loudness(wav_bytes, seconds=0.2):
    """Root-mean-square of the first `seconds` of a 16-bit mono WAV."""
    with wave.open(io.BytesIO(wav_bytes)) as wav:
        samples = array.array("h", wav.readframes(int(wav.getframerate() * seconds)))
    return math.sqrt(sum(sample * sample for sample in samples) / len(samples))


def test_the_captcha_has_a_spoken_version_with_noise_a_program_cant_just_replay(
    client, article, settings, tmp_path
):
    needs("CAPTCHA_FLITE_PATH", settings, "flite")
    needs("CAPTCHA_SOX_PATH", settings, "sox")
    page = client.get(form_url(article)).text
    assert "Listen to the characters" in page
    assert re.search(r'href="/captcha/audio/\w+\.wav"', page)
    # Characters whose spoken form starts with a pause (flite always says them the same).
    challenge = CaptchaStore.objects.create(challenge="ACDEF", response="acdef")
    response = client.get(f"/captcha/audio/{challenge.hashkey}.wav")
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    spoken = response.content
    assert spoken[:4] == b"RIFF"

    # The same characters through flite alone, as anyone could run it.
    plain = tmp_path / "plain.wav"
    subprocess.run([settings.CAPTCHA_FLITE_PATH, "-t", "A, C, D, E, F", "-o", plain], check=True)
    assert loudness(plain.read_bytes()) < 100  # flite starts with silence...
    assert loudness(spoken) > 500  # ...which noise fills


def test_new_and_spoken_captchas_are_rate_limited(client, article, settings):
    settings.CAPTCHA_REQUESTS_PER_MINUTE = 3
    key = CaptchaStore.generate_key()
    answers = [
        client.get("/captcha/refresh/", HTTP_X_REQUESTED_WITH="XMLHttpRequest") for _ in range(3)
    ]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert client.get("/captcha/refresh/").status_code == 429
    assert client.get(f"/captcha/audio/{key}.wav").status_code == 429
    assert client.get("/captcha/refresh/", REMOTE_ADDR="198.51.100.99").status_code != 429


def test_without_flite_there_is_no_dead_audio_link(client, article, settings):
    settings.CAPTCHA_FLITE_PATH = None
    from captcha.conf import settings as captcha_settings

    original = captcha_settings.CAPTCHA_FLITE_PATH
    captcha_settings.CAPTCHA_FLITE_PATH = None
    try:
        page = client.get(form_url(article)).text
    finally:
        captcha_settings.CAPTCHA_FLITE_PATH = original
    assert "Listen to the characters" not in page
    assert 'for="id_captcha_1"' in page, "the answer box has a real label"


def test_crisis_language_is_flagged_urgent_and_the_writer_sees_help_at_once(
    client, article, settings
):
    moderator = staff_member("mo", "Mo", "Derator", "Moderators")
    moderator.email = "mo@empower.example"
    moderator.save()
    post(client, article, solved(client, article, body="Some days I want to die."))
    comment = Comment.objects.get()
    assert comment.urgent
    assert comment.status == Status.PENDING
    assert "crisis language: want to die" in comment.flags
    page = client.get(article.get_absolute_url()).text
    assert "You don't have to face this alone" in page
    assert "988" in page
    assert Comment.objects.pending().queue_order().first() == comment

    # Urgent posts reach moderators at once, even inside the quiet interval.
    post(client, article, solved(client, article, body="I keep thinking about suicide.",
                                 author_email="other@example.org"))  # fmt: skip
    urgent_mail = [m for m in mail.outbox if m.to == ["mo@empower.example"]]
    assert len(urgent_mail) == 2
    assert urgent_mail[-1].subject.startswith("URGENT")


def test_every_crisis_term_found_is_named_in_the_flag(client, article):
    body = "I want to die. I think about suicide."
    post(client, article, solved(client, article, body=body))
    assert Comment.objects.get().flags == ["crisis language: suicide, want to die"]


def test_crisis_terms_are_stored_trimmed_and_match_whatever_the_case(client, article):
    from comments.models import CrisisTerm

    term = CrisisTerm.objects.create(phrase="  Cannot Go On ")
    assert term.phrase == "cannot go on"
    post(client, article, solved(client, article, body="Some days I CANNOT GO ON like this."))
    assert Comment.objects.get().urgent


def test_only_reports_of_this_very_post_count_towards_hiding_it(article, settings):
    from community.models import Question

    settings.COMMENTS_REPORT_THRESHOLD = 2
    comment = approved_comment(article, body="Borderline")
    other = approved_comment(article, body="Another")
    # A question with the same number is another post.
    Question.objects.create(
        pk=comment.pk, title="Q", body="B", author_name="Q", author_email="q@example.org",
        status=Status.APPROVED,
    )  # fmt: skip
    Question.objects.get(pk=comment.pk).report("reader-a")
    other.report("reader-b")
    assert comment.report("reader-c") is True, "a first report from this reader"
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    assert comment.report("reader-d") is True
    assert comment.status == Status.HIDDEN, "the comment in hand knows at once"
    comment.refresh_from_db()
    assert comment.status == Status.HIDDEN
    assert comment.flags[-1] == "hidden after 2 reader reports"


def test_a_comment_may_be_posted_as_anonymous(client, article):
    response = post(client, article, solved(client, article, author_name="Dana", anonymous="on"))
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.author_name, comment.author_email) == ("Anonymous", "dana@example.org")
