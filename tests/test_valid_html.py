"""Every page a reader can reach, every form's error state and every email is valid
HTML to the W3C's Nu Html Checker: zero errors, and only the warnings listed here."""

import email
import email.policy
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone
from django.views.defaults import server_error

from articles import demo_images
from articles.models import Article, StaffProfile
from community.models import Question
from newsletter.models import Follow, Subscriber
from tests.checkers import start_nu_checker
from tests.conftest import sign_in
from tests.test_community import solved
from tests.test_emails import send_each_kind

pytestmark = pytest.mark.django_db
CROSS_SITE = {"headers": {"Sec-Fetch-Site": "cross-site"}}

# Warnings we accept, each with why. A new warning fails the test until it is
# fixed or added here.
ACCEPTED_WARNINGS: dict[str, str] = {}


@pytest.fixture(scope="module")
def nu_checker():
    yield from start_nu_checker()


@pytest.fixture
def demo_site(monkeypatch, django_capture_on_commit_callbacks):
    """The demo site `make run` serves: every kind of content, with pictures."""
    monkeypatch.setattr(demo_images, "STORED", (320, 180))
    monkeypatch.setattr(demo_images, "PORTRAIT", (160, 160))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())


def problems(checker, html) -> list[str]:
    return [
        str(message)
        for message in checker.check(html)
        if message.kind == "error" or message.text not in ACCEPTED_WARNINGS
    ]


def assert_valid(checker, pages: dict) -> None:
    found = [
        f"{name}: {message}" for name, html in pages.items() for message in problems(checker, html)
    ]
    assert not found, "\n".join(["The Nu Html Checker found:", *found])


def reader_pages(client) -> dict[str, bytes]:
    article = Article.objects.published().articles().filter(comments__isnull=False).first()
    guide = Article.objects.published().guides().first()
    commented = article.comments.approved().filter(reply_to=None).first()
    question = Question.objects.approved().filter(answers__is_expert=True).first()
    closed = Question.objects.approved().exclude(pk=question.pk).first()
    Question.objects.filter(pk=closed.pk).update(duplicate_of=question, closed_at=timezone.now())
    profile = StaffProfile.objects.public().reviewers().first()
    subscriber = Subscriber.objects.create(email="val@example.org")
    follower = Subscriber.objects.create(email="follows@example.org", status="confirmed")
    follow = Follow.start(follower, question, source="test", address_hash="")
    paths = {
        "home": "/",
        "conditions A–Z": "/conditions/",
        "condition guide": guide.get_absolute_url(),
        "article": article.get_absolute_url(),
        "review history": f"{article.get_absolute_url()}reviews/",
        "comment form": f"{article.get_absolute_url()}comment/",
        "reply form": f"{article.get_absolute_url()}comment/?reply_to={commented.pk}",
        "feedback form": f"{article.get_absolute_url()}feedback/",
        "community": "/community/",
        "community page 2": "/community/?page=2",
        "community by condition": f"/community/?condition={guide.condition.slug}",
        "question with answers": question.get_absolute_url(),
        "question closed as a duplicate": closed.get_absolute_url(),
        "ask": "/community/ask/",
        "answer": f"/community/questions/{question.pk}/answer/",
        "asker's page": question.asker_url(),
        "newsletter sign-up": "/newsletter/subscribe/",
        "check your inbox": "/newsletter/check-your-inbox/",
        "confirm subscription": subscriber.confirm_url(),
        "preferences": subscriber.preferences_url(),
        "unsubscribe": subscriber.unsubscribe_url(),
        "preferences with a question followed": follower.preferences_url(),
        "stop following, one button": follow.links().unsubscribe,
        "your data": subscriber.data_url(),
        "bad link": "/newsletter/preferences/not-a-token/",
        "bad asker link": "/community/yours/not-a-token/",
        "search results": "/search/?q=spasm",
        "search, nothing found": "/search/?q=zzzzqqq",
        "search, did you mean": "/search/?q=blepharospazm",
        "search, empty": "/search/",
        "medical reviewers": "/medical-reviewers/",
        "reviewer profile": profile.get_absolute_url(),
        "static page": "/privacy/",
        "not found": "/no-such-page/",
        "staff sign-in": "/admin/login/",
    }
    pages = {}
    for name, path in paths.items():
        response = client.get(path)
        assert response.status_code in (200, 400, 404), (name, response.status_code)
        pages[name] = response.content
    return pages


def test_every_page_a_reader_can_reach_is_valid_html(nu_checker, demo_site):
    assert_valid(nu_checker, reader_pages(Client()))


def post_errors(client) -> dict[str, bytes]:
    article = Article.objects.published().articles().first()
    question = Question.objects.approved().first()
    subscriber = Subscriber.objects.create(email="val@example.org", status="confirmed")
    posts = {
        "rating without stars": (article.get_absolute_url() + "rate/", {}),
        "empty comment": (f"{article.get_absolute_url()}comment/", {"body": ""}),
        "empty feedback": (f"{article.get_absolute_url()}feedback/", {"text": ""}),
        "empty question": ("/community/ask/", {"title": ""}),
        "empty answer": (f"/community/questions/{question.pk}/answer/", {"body": ""}),
        "bad email address": ("/newsletter/subscribe/", {"email": "not an address"}),
        "preferences with no topic": (subscriber.preferences_url(), {"conditions": ["nonsense"]}),
        "staff sign-in refused": ("/admin/login/", {"username": "x", "password": "y"}),
    }
    pages = {}
    for name, (path, data) in posts.items():
        response = client.post(path, data)
        assert response.status_code in (200, 400), (name, response.status_code)
        assert any(mark in response.content for mark in (b"invalid-feedback", b"errornote")), name
        pages[name] = response.content
    refused = client.post(f"{article.get_absolute_url()}rate/", {"stars": 5}, **CROSS_SITE)
    assert refused.status_code == 403
    pages["a post from another site"] = refused.content
    pages["server error"] = server_error(RequestFactory().get("/")).content
    return pages


def test_every_forms_error_state_is_valid_html(nu_checker, demo_site):
    assert_valid(nu_checker, post_errors(Client()))


def test_the_ask_form_showing_similar_questions_is_valid_html(nu_checker, demo_site):
    client = Client()
    title = Question.objects.for_listing().first().title
    data = solved(client, "/community/ask/", title=title, body="Asked again, in other words.")
    response = client.post("/community/ask/", data)
    assert b"Ask it anyway" in response.content
    assert_valid(nu_checker, {"ask, showing similar questions": response.content})


def test_the_pages_staff_open_from_the_site_are_valid_html(nu_checker, demo_site, client):
    editor = StaffProfile.objects.filter(user__groups__name="Editors").first().user
    sign_in(client, editor)
    article = Article.objects.published().articles().first()
    guide = Article.objects.published().guides().first()
    pages = {
        f"preview of {kind}": client.get(f"/preview/revisions/{revision.pk}/").content
        for kind, revision in [
            ("an article", article.published_revision),
            ("a guide", guide.published_revision),
        ]
    }
    assert_valid(nu_checker, pages)


def test_every_email_is_valid_html(nu_checker, article):
    send_each_kind(article)
    pages = {}
    for message in mail.outbox:
        parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
        pages[message.subject] = parsed.get_body(preferencelist=("html",)).get_content()
    assert len(pages) == 10
    assert_valid(nu_checker, pages)


def test_the_checker_really_finds_errors(nu_checker):
    # A page with the two mistakes the first review found, so a checker that
    # silently answers nothing can't pass the tests above.
    html = (
        '<!doctype html><html lang="en"><title>t</title>'
        '<time datetime="2026-11-26T10:00:00.123456Z">today</time>'
        '<button id="a">A</button><button id="a">B</button>'
    )
    errors = nu_checker.errors(html)
    assert len(errors) == 2
    assert "fraction of a second" in errors[0]
    assert "Duplicate ID" in errors[1]
