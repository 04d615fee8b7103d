"""Hostile input for every public URL and form: what an attacker or a broken client sends.

Used by tests/test_hostile_input.py (through Django's test client, with
Hypothesis) and by bench/fuzz.py (over HTTP against a running gunicorn).
Values are given already percent-encoded, so they can carry bytes that are
not UTF-8 at all.
"""

import json
import random
from dataclasses import dataclass, field
from urllib.parse import quote

# Raw, percent-encoded values.
HOSTILE_VALUES = [
    "%00",  # NUL: PostgreSQL refuses it in any text
    "a%00b",
    "%FF%FE%FD",  # not UTF-8
    "%ED%A0%80",  # a lone surrogate, UTF-8 encoded
    "%C0%AF",  # overlong UTF-8
    "%F4%90%80%80",  # beyond Unicode
    "-1",
    "0",
    "99999999999999999999999999",
    "-99999999999999999999999999",
    "9223372036854775808",  # one more than PostgreSQL's bigint
    "1e309",
    "NaN",
    "%5B" * 2000,  # [[[[...
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "'%20OR%201%3D1%20--",
    "..%2F..%2Fetc%2Fpasswd",
    "%25s%25n%25x",
    "A" * 5000,
    "%0D%0ASet-Cookie%3A%20x%3D1",  # header injection
    "http%3A%2F%2Fevil.example%2F",
    "%2F%2Fevil.example",
    "",
]

# Every parameter name a public page or form reads, and some nobody does.
PARAMETER_NAMES = [
    "q", "kind", "condition", "page", "show", "from", "fragment", "download", "next",
    "email", "author_name", "author_email", "body", "title", "website", "started",
    "captcha_0", "captcha_1", "stars", "newsletter", "conditions", "source", "answer",
    "stop_emails", "unsubscribe", "delete", "data_link", "resend", "username", "password",
    "code", "List-Unsubscribe", "csrfmiddlewaretoken", "__proto__", "a[b]",
]  # fmt: skip

JSON_BODIES = [
    b"[" * 100_000 + b"]" * 100_000,  # deep nesting
    b'[{"email": "a\\u0000b@example.org", "type": "hard"}]',
    b'[{"email": ["x"], "type": {"a": 1}}]',
    b'{"email": "bob@example.org", "type": "hard"}',
    b'[1, "two", null, true, 1e999]',
    b"\xff\xfe not json",
    b"",
    json.dumps([{"email": "x" * 100_000, "type": "soft"}]).encode(),
    json.dumps({"id": "\u0000", "rawId": "%%%", "response": {}, "type": "public-key"}).encode(),
]

MEGABYTE_BODY = b"body=" + b"A" * 1_000_000


@dataclass(frozen=True)
class Target:
    """One public URL: how to build its path from the demo objects, and what it takes."""

    path: str  # with {article}, {condition}, {question}, ... filled from the world
    methods: tuple = ("GET",)
    json: bool = False
    headers: dict = field(default_factory=dict)


TARGETS = [
    Target("/"),
    Target("/conditions/"),
    Target("/conditions/{condition}/"),
    Target("/conditions/{condition}/feed.rss"),
    Target("/conditions/{condition}/feed.atom"),
    Target("/articles/{article}/"),
    Target("/articles/{article}/rate/", ("POST",)),
    Target("/articles/{article}/comment/", ("GET", "POST")),
    Target("/articles/{unknown}/comment/", ("GET", "POST")),
    Target("/comments/report/", ("POST",)),
    Target("/community/"),
    Target("/community/ask/", ("GET", "POST")),
    Target("/community/questions/{question}/{question_slug}/"),
    Target("/community/questions/{question}/answer/", ("GET", "POST")),
    Target("/community/questions/{question}/expert-answer/", ("POST",)),
    Target("/community/questions/{huge}/answer/", ("GET", "POST")),
    Target("/community/answers/{answer}/helpful/", ("POST",)),
    Target("/community/report/", ("POST",)),
    Target("/community/yours/{asker_token}/", ("GET", "POST")),
    Target("/community/yours/{garbage}/", ("GET", "POST")),
    Target("/newsletter/subscribe/", ("GET", "POST")),
    Target("/newsletter/confirm/{confirm_token}/", ("GET", "POST")),
    Target("/newsletter/preferences/{token}/", ("GET", "POST")),
    Target("/newsletter/unsubscribe/{token}/", ("GET", "POST")),
    Target("/newsletter/your-data/{data_token}/", ("GET", "POST")),
    Target("/newsletter/preferences/{garbage}/", ("GET", "POST")),
    Target("/newsletter/webhooks/bounces/", ("POST",), json=True),
    Target(
        "/newsletter/webhooks/bounces/",
        ("POST",),
        json=True,
        headers={"Authorization": "Bearer {webhook_token}"},
    ),
    Target("/search/"),
    Target("/captcha/refresh/"),
    Target("/captcha/image/{captcha}/"),
    Target("/captcha/audio/{captcha}.wav"),
    Target("/sitemap.xml"),
    Target("/robots.txt"),
    Target("/feeds/articles.rss"),
    Target("/feeds/articles.atom"),
    Target("/about/"),
    Target("/{garbage}/"),
    Target("/admin/login/", ("GET", "POST")),
    Target("/admin/sign-in/confirm/", ("GET", "POST")),
    Target("/admin/sign-in/enrol/", ("GET", "POST")),
    Target("/admin/sign-in/passkeys/sign-in/begin/", ("POST",), json=True),
    Target("/admin/sign-in/passkeys/sign-in/complete/", ("POST",), json=True),
    Target("/admin/sign-in/passkeys/register/begin/", ("POST",), json=True),
    Target("/admin/sign-in/passkeys/register/complete/", ("POST",), json=True),
]


def query_string(pairs: list[tuple[str, str]]) -> str:
    """Names are quoted; values are already percent-encoded (they may be any bytes)."""
    return "&".join(f"{quote(name)}={value}" for name, value in pairs)


def random_pairs(rng: random.Random) -> list[tuple[str, str]]:
    """A few parameters, sometimes repeated, with hostile values."""
    names = rng.choices(PARAMETER_NAMES, k=rng.randint(1, 6))
    if rng.random() < 0.3:
        names += names[:2]  # repeated parameters
    return [(name, rng.choice(HOSTILE_VALUES)) for name in names]


def random_request(rng: random.Random, world: dict) -> tuple[str, str, bytes, dict]:
    """(method, path with query string, body, headers) for one hostile request."""
    target = rng.choice(TARGETS)
    method = rng.choice(target.methods)
    path = target.path.format(**world)
    headers = {name: value.format(**world) for name, value in target.headers.items()}
    if rng.random() < 0.2:
        headers["X-Forwarded-For"] = rng.choice(["%00", "1.1.1.1, \x00", "not an address"])
    body = b""
    if method == "GET" or rng.random() < 0.3:
        path += "?" + query_string(random_pairs(rng))
    if method == "POST":
        if target.json and rng.random() < 0.8:
            body = rng.choice(JSON_BODIES)
            headers["Content-Type"] = "application/json"
        elif rng.random() < 0.05:
            body = MEGABYTE_BODY
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            body = query_string(random_pairs(rng)).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
    return method, path, body, headers


def make_world(article, condition, webhook_token: str) -> dict:
    """One of everything a public URL can name (a question, an answer, a comment,
    a subscriber's links, a CAPTCHA challenge), as TARGETS' paths need them."""
    from captcha.models import CaptchaStore

    from comments.models import Comment, Status
    from community.models import Answer, Question
    from newsletter.models import Subscriber

    question = Question.objects.create(
        title="Does it spread?", body="It moved.", author_name="Robin",
        author_email="robin@example.org", status=Status.APPROVED, condition=condition,
    )  # fmt: skip
    answer = Answer.objects.create(
        question=question, body="Mine did.", author_name="Jo", author_email="jo@example.org",
        status=Status.APPROVED,
    )  # fmt: skip
    comment = Comment.objects.create(
        article=article, body="Helpful.", author_name="Kim", author_email="kim@example.org",
        status=Status.APPROVED,
    )  # fmt: skip
    reader = Subscriber.objects.create(email="bob@example.org", wants_newsletter=True)

    def token(url: str) -> str:
        return url.rstrip("/").rsplit("/", 1)[1]

    return {
        "article": article.slug,
        "condition": condition.slug,
        "question": question.pk,
        "question_slug": question.slug,
        "answer": answer.pk,
        "comment": comment.pk,
        "asker_token": token(question.asker_url()),
        "confirm_token": token(reader.confirm_url()),
        "token": reader.token(),
        "data_token": token(reader.data_url()),
        "captcha": CaptchaStore.generate_key(),
        "unknown": "no-such-article",
        "huge": "99999999999999999999",
        "garbage": "%00%FF..%2F",
        "webhook_token": webhook_token,
    }
