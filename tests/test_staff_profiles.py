"""The people behind the review: each nurse reviewer and editor has a public page,
and bylines and search engines point at it."""

import json
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from articles.models import StaffProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def nora(reviewer):
    profile = reviewer.profile
    profile.job_title = "Nurse reviewer"
    profile.bio = "Nora has nursed in neurology clinics for twelve years."
    profile.save()
    return profile


def test_a_reviewers_page_shows_who_they_are_and_what_they_reviewed(nora, article, guide):
    page = Client().get("/people/nora-nurse/").text
    assert '<h1 id="profile-title">Nora Nurse, RN</h1>' in page
    assert "Nurse reviewer" in page
    assert "twelve years" in page
    verified = nora.credentials_verified_on
    assert f'Licence last verified <time datetime="{verified:%Y-%m-%d}">' in page
    assert f'href="{article.get_absolute_url()}"' in page
    assert f'href="{guide.get_absolute_url()}"' in page


def test_an_article_someone_else_reviewed_last_is_not_listed_as_theirs(
    nora, article, editor, reviewer
):
    other = get_user_model().objects.create_user("omar", first_name="Omar", last_name="Oyelaran")
    other.groups.set(reviewer.groups.all())
    StaffProfile.objects.create(
        user=other, display_name="Omar Oyelaran", credentials="RN",
        credentials_verified_on=date.today(),
    )  # fmt: skip
    article.published_revision.approve(
        other, what_changed="Checked against current guidance."
    )  # the annual review, by Omar this time
    assert article.get_absolute_url() not in Client().get("/people/nora-nurse/").text
    assert article.get_absolute_url() in Client().get("/people/omar-oyelaran/").text


def test_the_byline_links_to_the_reviewer_and_the_json_ld_points_there(nora, article):
    page = Client().get(article.get_absolute_url()).text
    assert 'by <a href="/people/nora-nurse/">Nora Nurse, RN</a>' in page
    data = json.loads(
        re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)[1]
    )
    assert data["reviewedBy"]["url"] == "http://localhost:8000/people/nora-nurse/"
    assert "url" not in data["author"]  # Erin has no profile page


def test_the_medical_reviewers_page_lists_reviewers_before_editors(nora, editor):
    StaffProfile.objects.create(user=editor, display_name="Erin Editor", job_title="Health editor")
    page = Client().get("/medical-reviewers/").text
    assert page.index("Nora Nurse, RN") < page.index("Our editors") < page.index("Erin Editor")
    assert 'href="/editorial-policy/"' in page


def test_someone_who_left_has_no_public_page(nora, reviewer):
    reviewer.is_active = False
    reviewer.save()
    assert Client().get("/people/nora-nurse/").status_code == 404
    assert "Nora Nurse" not in Client().get("/medical-reviewers/").text


def test_profiles_get_their_own_addresses_even_with_the_same_name(reviewer, editor):
    twin = StaffProfile.objects.create(user=editor, display_name="Nora Nurse")
    assert twin.slug == "nora-nurse-2"


def test_a_reviewers_page_costs_the_same_queries_however_many_articles(
    nora, make_article, settings, django_assert_num_queries
):
    settings.PAGE_CACHE = False
    make_article("one")
    client = Client()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get("/people/nora-nurse/")
    for n in range(10):
        make_article(f"more-{n}", published_at=None)
    with CaptureQueriesContext(connection) as eleven:
        page = client.get("/people/nora-nurse/").text
    assert page.count("/articles/more-") == 10
    assert len(eleven) == len(one)


def test_a_lapsed_licence_is_shown_truthfully_by_its_date(nora):
    nora.credentials_verified_on = date.today() - timedelta(days=800)
    nora.save()
    page = Client().get("/people/nora-nurse/").text
    assert f"{nora.credentials_verified_on:%Y-%m-%d}" in page


def test_the_editorial_policy_links_to_our_medical_reviewers():
    assert 'href="/medical-reviewers/"' in Client().get("/editorial-policy/").text


def test_a_byline_names_someone_who_left_without_a_dead_link(nora, article, reviewer):
    reviewer.is_active = False
    reviewer.save()
    page = Client().get(article.get_absolute_url()).text
    assert "by Nora Nurse, RN · Edited by" in page
    assert 'href="/people/nora-nurse/"' not in page
