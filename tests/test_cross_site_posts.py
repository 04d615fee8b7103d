"""The small forms on shared pages carry no token; another site still can't post them.

The browser says where a post comes from (Sec-Fetch-Site, or Origin in older
browsers): a post made by another site's page is refused with our friendly
page and changes nothing.
"""

import pytest
from django.test import Client

from articles.models import Rating
from comments.models import Comment, Report, Status
from community.models import Answer, HelpfulVote, Question
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

CROSS_SITE = [
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},  # a sibling subdomain is another site too
    {"Origin": "https://attacker.example"},
    {"Origin": "http://attacker.example"},  # the same scheme is not the same site
    {"Origin": "https://testserver"},  # nor the same host name over another scheme
    {"Origin": "null"},
]
OURS = [
    {"Sec-Fetch-Site": "same-origin"},
    {"Sec-Fetch-Site": "none"},  # typed or bookmarked by the reader
    {"Origin": "http://testserver"},
    {},  # no browser: no reader's cookies to abuse
]


@pytest.fixture
def posts(article, condition):
    comment = Comment.objects.create(
        article=article, author_name="Kim", author_email="kim@example.org",
        body="Botox helped.", status=Status.APPROVED,
    )  # fmt: skip
    question = Question.objects.create(
        condition=condition, title="Does it come back?", body="After botox?",
        author_name="Ali", author_email="ali@example.org", status=Status.APPROVED,
    )  # fmt: skip
    answer = Answer.objects.create(
        question=question, body="Mine did.", author_name="Bo",
        author_email="bo@example.org", status=Status.APPROVED,
    )  # fmt: skip
    return {
        f"{article.get_absolute_url()}rate/": ({"stars": 1}, Rating),
        "/comments/report/": ({"comment": comment.pk}, Report),
        "/community/report/": ({"answer": answer.pk}, Report),
        f"/community/answers/{answer.pk}/helpful/": ({}, HelpfulVote),
        "/newsletter/subscribe/": ({"email": "ann@example.org", "newsletter": "on"}, Subscriber),
    }


@pytest.mark.parametrize("headers", CROSS_SITE)
def test_a_post_from_another_site_is_refused_and_changes_nothing(posts, headers):
    for url, (data, model) in posts.items():
        response = Client().post(url, data, headers=headers)
        assert response.status_code == 403, url
        assert "Please try that again" in response.text
        assert not model.objects.exists(), url


@pytest.mark.parametrize("headers", OURS)
def test_a_post_from_our_own_pages_goes_through_without_a_token(posts, headers):
    for url, (data, model) in posts.items():
        response = Client(enforce_csrf_checks=True).post(url, data, headers=headers)
        assert response.status_code == 302, url
        assert model.objects.count() == 1, url
        model.objects.all().delete()


def test_an_origin_the_operator_trusts_may_post(posts, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.empower.example"]
    url, (data, model) = next(iter(posts.items()))
    response = Client().post(url, data, headers={"Origin": "https://www.empower.example"})
    assert response.status_code == 302
    assert model.objects.count() == 1
