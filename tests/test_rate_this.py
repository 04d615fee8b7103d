"""'Rate this': one rating per visitor, changeable, known only by a keyed hash."""

import pytest
from django.db import IntegrityError
from django.test import Client

from articles.models import Rating
from empower.visitors import VISITOR_COOKIE

# Alice and Bob share an office network and a browser version: only their
# visitor cookies tell them apart.
OFFICE = {"REMOTE_ADDR": "203.0.113.7", "HTTP_USER_AGENT": "Same browser 1.0"}


def rate(client, article, stars):
    return client.post(f"{article.get_absolute_url()}rate/", {"stars": stars}, **OFFICE)


@pytest.mark.django_db
def test_a_visitor_rates_an_article_and_sees_the_new_average(client, article):
    response = rate(client, article, 4)
    assert response.status_code == 302
    assert response.url == f"{article.get_absolute_url()}#rate"
    page = client.get(article.get_absolute_url()).text
    assert "4.0 out of 5 · 1 rating" in page
    assert "Your rating is saved" in page
    assert "You rated it 4 stars" in page


@pytest.mark.django_db
def test_visitors_on_one_network_each_get_their_own_rating(article):
    alice, bob, carol = Client(), Client(), Client()
    rate(alice, article, 5)
    rate(bob, article, 4)
    rate(carol, article, 4)
    assert "4.3 out of 5 · 3 ratings" in carol.get(article.get_absolute_url()).text
    assert "You rated it 5 stars" in alice.get(article.get_absolute_url()).text
    assert "You rated it 4 stars" in bob.get(article.get_absolute_url()).text


@pytest.mark.django_db
def test_the_visitor_cookie_is_set_only_when_a_visitor_rates(client, article):
    assert VISITOR_COOKIE not in client.get(article.get_absolute_url()).cookies
    cookie = rate(client, article, 3).cookies[VISITOR_COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert VISITOR_COOKIE not in rate(client, article, 4).cookies


@pytest.mark.django_db
def test_a_visitor_who_rates_again_changes_their_rating(client, article):
    rate(client, article, 2)
    rate(client, article, 5)
    assert list(Rating.objects.values_list("stars", flat=True)) == [5]
    assert "5.0 out of 5 · 1 rating" in client.get(article.get_absolute_url()).text


@pytest.mark.django_db
def test_the_database_refuses_a_second_rating_from_the_same_visitor(article):
    Rating.objects.create(article=article, visitor_key="k" * 64, stars=3)
    with pytest.raises(IntegrityError):
        Rating.objects.create(article=article, visitor_key="k" * 64, stars=4)


@pytest.mark.django_db
def test_neither_the_address_nor_the_cookie_is_stored(client, article):
    cookie = rate(client, article, 3).cookies[VISITOR_COOKIE].value
    rating = Rating.objects.get()
    assert "203.0.113.7" not in rating.visitor_key
    assert cookie not in rating.visitor_key
    assert len(rating.visitor_key) == 64
    assert set(rating.visitor_key) <= set("0123456789abcdef")


@pytest.mark.django_db
def test_the_visitor_key_depends_on_the_secret_key(client, article, settings):
    rate(client, article, 3)
    settings.SECRET_KEY = "another-secret-entirely"
    rate(client, article, 4)
    assert Rating.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("stars", "message"),
    [
        ("0", "A rating is a whole number of stars from 1 to 5."),
        ("6", "A rating is a whole number of stars from 1 to 5."),
        ("abc", "A rating is a whole number of stars from 1 to 5."),
        ("4.5", "A rating is a whole number of stars from 1 to 5."),
        ("", "Choose a rating from 1 to 5 stars."),
    ],
)
def test_a_bad_rating_gets_a_clear_message_and_stores_nothing(client, article, stars, message):
    response = rate(client, article, stars)
    assert response.status_code == 400
    assert message in response.text
    assert Rating.objects.count() == 0


@pytest.mark.django_db
def test_a_missing_rating_gets_a_clear_message_and_stores_nothing(client, article):
    response = client.post(f"{article.get_absolute_url()}rate/", {}, **OFFICE)
    assert response.status_code == 400
    assert "Choose a rating from 1 to 5 stars." in response.text
    assert Rating.objects.count() == 0


@pytest.mark.django_db
def test_an_unpublished_article_cannot_be_rated(client, make_article):
    article = make_article(publish=False)
    assert rate(client, article, 5).status_code == 404
    assert Rating.objects.count() == 0


@pytest.mark.django_db
def test_rating_needs_a_post(client, article):
    assert client.get(f"{article.get_absolute_url()}rate/?stars=5").status_code == 405
    assert Rating.objects.count() == 0


@pytest.mark.django_db
def test_the_rating_form_works_without_javascript_as_a_plain_form(client, article):
    text = client.get(article.get_absolute_url()).text
    assert f'action="{article.get_absolute_url()}rate/#rate"' in text
    assert 'method="post"' in text
    assert text.count('type="radio"') == 5
    for stars in range(1, 6):
        assert f'name="stars" value="{stars}"' in text


def test_the_thanks_for_a_rating_shows_by_the_rating_form_not_at_the_top(client, article):
    page = client.post(f"{article.get_absolute_url()}rate/", {"stars": 4}, follow=True).text
    rate_box = page.split('id="rate"')[1].split("</section>")[0]
    assert "Thank you. Your rating is saved." in rate_box
    assert page.count("Thank you. Your rating is saved.") == 1
    assert 'value="4" id="id_stars_3"' in rate_box
    assert "checked" in rate_box.split('value="4"')[1].split(">")[0]
