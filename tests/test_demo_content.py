"""`manage.py seed_demo` gives a new user a site they could believe, and `make run`
can run it every time: it adds what is missing and never undoes an editor's work."""

import io
import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles import demo, demo_images
from articles.models import Article, Condition, Rating, Review, StaffProfile
from comments.models import Comment
from community.models import Answer, Question
from empower.roles import EDITORS, NURSE_REVIEWERS
from images.models import Image

pytestmark = pytest.mark.django_db
WORDS = re.compile(r"[A-Za-z0-9']+")


@pytest.fixture(autouse=True)
def _small_pictures(monkeypatch):
    # The same drawings, stored small: these tests are about content, not pixels.
    monkeypatch.setattr(demo_images, "STORED", (320, 180))
    monkeypatch.setattr(demo_images, "PORTRAIT", (160, 160))


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
        "images": Image.objects.count(),
        "questions": Question.objects.count(),
        "comments": Comment.objects.count(),
    }


def test_it_builds_a_site_a_reader_could_believe():
    seed()
    conditions = Condition.objects.all()
    assert conditions.count() >= 8
    for condition in conditions:
        guide = Article.objects.published().guides().get(condition=condition)
        body = guide.published_revision.body
        assert "## Symptoms" in body
        assert "## When to see a doctor" in body
        assert guide.current_review is not None
        assert condition.lead_image.alt_text
    articles = Article.objects.published().articles()
    assert articles.count() >= 24
    for article in articles:
        revision = article.published_revision
        assert 400 <= len(WORDS.findall(revision.body)) <= 900, article.slug
        assert revision.key_point_list, article.slug
        assert article.lead_image.alt_text.startswith("Illustration:")
        references = list(revision.references.all())
        assert references, article.slug
        for reference in references:
            assert reference.accessed_on >= date(2026, 1, 1), article.slug
        assert article.review_overdue == (article.slug == demo.OVERDUE)
    assert Question.objects.approved().count() >= 12
    assert Answer.objects.filter(is_expert=True).exists()
    assert Comment.objects.approved().count() >= 8


def test_its_people_are_plausible_and_have_profiles():
    seed()
    text = " ".join(
        f"{user.first_name} {user.last_name} {user.username}"
        for user in get_user_model().objects.all()
    )
    for fake in ("Sample", "Example", "Placeholder"):
        assert fake.lower() not in text.lower()
    reviewers = StaffProfile.objects.reviewers()
    assert reviewers.count() == 2
    for profile in StaffProfile.objects.all():
        assert len(profile.bio) > 80
        assert profile.photo.alt_text == f"Illustrated portrait of {profile.display_name}."


def test_it_prints_the_staff_logins_once_and_they_work(client):
    output = seed()
    logins = dict(re.findall(r"(maya\.okafor|grace\.lindqvist)\s+(\S+)", output))
    assert set(logins) == {"maya.okafor", "grace.lindqvist"}
    for username, password in logins.items():
        response = client.post("/admin/login/", {"username": username, "password": password})
        # Right password; next, they set up a second factor before anything else.
        assert response.url == "/admin/sign-in/enrol/"
    User = get_user_model()
    assert User.objects.get(username="maya.okafor").groups.filter(name=EDITORS).exists()
    assert User.objects.get(username="grace.lindqvist").groups.filter(name=NURSE_REVIEWERS).exists()

    before = snapshot()
    second = seed()
    assert logins["maya.okafor"] not in second
    assert "nothing to do" in second
    assert snapshot() == before


def test_a_dry_run_changes_nothing():
    output = seed("--dry-run")
    assert "Would create published article" in output
    assert Article.objects.count() == 0
    assert not get_user_model().objects.exists()


def test_running_it_again_after_editors_changed_things_leaves_their_work_alone():
    seed()
    condition = Condition.objects.get(slug="migraine")
    condition.slug = "migraine-headache"
    condition.summary = "Our editor's own summary."
    condition.save()
    article = Article.objects.get(slug="working-with-migraine")
    article.slug = "migraine-at-work"
    article.save()
    before = snapshot()

    assert "nothing to do" in seed()  # no IntegrityError, nothing added back

    assert snapshot() == before
    condition.refresh_from_db()
    assert condition.summary == "Our editor's own summary."
    assert not Article.objects.filter(slug="working-with-migraine").exists()


def test_readers_find_the_demo_conditions_by_the_words_they_use():
    from search.query import search

    seed()
    for typed, guide in [
        ("tic douloureux", "Trigeminal neuralgia"),
        ("wry neck", "Cervical dystonia"),
        ("bells palsy", "Bell's palsy"),
        ("botox", None),
    ]:
        found = list(search(typed))
        assert found, typed
        if guide:
            assert found[0].title == guide, typed
