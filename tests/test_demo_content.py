"""`manage.py seed_demo` gives a new user a living site, and is safe to run twice."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article, Condition, Rating, Review
from empower.roles import EDITORS, NURSE_REVIEWERS


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "users": sorted(get_user_model().objects.values_list("username", "password")),
        "conditions": sorted(Condition.objects.values_list("slug", "updated_at")),
        "articles": sorted(Article.objects.values_list("slug", "published_at", "updated_at")),
        "reviews": Review.objects.count(),
        "ratings": Rating.objects.count(),
    }


@pytest.mark.django_db
def test_it_creates_conditions_with_reviewed_published_articles():
    seed()
    assert Condition.objects.count() >= 3
    published = Article.objects.published()
    assert published.count() >= 5
    for article in published:
        assert article.current_review is not None
        assert article.published_revision.references.exists()


@pytest.mark.django_db
def test_it_prints_the_staff_logins_once_and_they_work(client):
    output = seed()
    logins = dict(re.findall(r"(pat\.example|sam\.sample)\s+(\S+)", output))
    assert set(logins) == {"pat.example", "sam.sample"}
    for username, password in logins.items():
        response = client.post("/admin/login/", {"username": username, "password": password})
        # Right password; next, they set up a second factor before anything else.
        assert response.url == "/admin/sign-in/enrol/"
    User = get_user_model()
    assert User.objects.get(username="pat.example").groups.filter(name=EDITORS).exists()
    assert User.objects.get(username="sam.sample").groups.filter(name=NURSE_REVIEWERS).exists()

    second = seed()
    assert logins["pat.example"] not in second
    assert "nothing to do" in second


@pytest.mark.django_db
def test_running_it_twice_changes_nothing():
    seed()
    before = snapshot()
    seed()
    assert snapshot() == before


@pytest.mark.django_db
def test_a_dry_run_changes_nothing():
    output = seed("--dry-run")
    assert "Would create published article" in output
    assert Article.objects.count() == 0
    assert not get_user_model().objects.exists()
