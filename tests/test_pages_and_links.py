"""Editor-maintained pages exist from the start, and no link on the site is dead."""

import io
import re
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import resolve
from django.views.defaults import server_error

from articles import demo_images
from articles.models import Page
from tests.conftest import sign_in

REQUIRED_PAGES = ["about", "editorial-policy", "medical-disclaimer", "terms", "privacy"]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", REQUIRED_PAGES)
def test_each_footer_page_exists_and_renders_its_markdown(client, slug):
    page = Page.objects.get(slug=slug)
    response = client.get(f"/{slug}/")
    assert response.status_code == 200
    assert f'<h1 id="page-title">{page.title}</h1>' in response.text
    assert "<h2 id=" in response.text or "<ul>" in response.text


@pytest.mark.django_db
def test_an_editor_can_revise_a_page_in_the_admin(client, editor):
    sign_in(client, editor)
    page = Page.objects.get(slug="about")
    response = client.post(
        f"/admin/articles/page/{page.pk}/change/",
        {"title": "About us", "summary": "Who we are.", "body": "We are **nurses** and editors."},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body_html == "<p>We are <strong>nurses</strong> and editors.</p>"
    assert "We are <strong>nurses</strong> and editors." in client.get("/about/").text


@pytest.mark.django_db
def test_nobody_can_add_or_delete_the_linked_pages_in_the_admin(client, editor):
    sign_in(client, editor)
    assert client.get("/admin/articles/page/add/").status_code == 403
    page = Page.objects.get(slug="privacy")
    assert (
        client.post(f"/admin/articles/page/{page.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert Page.objects.filter(slug="privacy").exists()


@pytest.mark.django_db
def test_no_link_on_the_demo_site_is_dead(client, monkeypatch):
    monkeypatch.setattr(demo_images, "STORED", (320, 180))  # the same drawings, stored small
    call_command("seed_demo", stdout=io.StringIO())
    seen, queue, broken = set(), ["/"], []
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200:
            broken.append((path, response.status_code))
            continue
        for href in re.findall(r'(?:href|src|action)="([^"]+)"', response.text):
            target = urldefrag(urljoin(path, href)).url
            parts = urlsplit(target)
            if parts.scheme in ("http", "https", "mailto") or parts.netloc:
                continue  # outbound links to references are not ours to crawl
            if target.startswith("/static/"):
                assert finders.find(target.removeprefix("/static/")), target
                continue
            if target.startswith("/media/"):
                image = client.get(target)
                assert image.status_code == 200, target
                assert b"".join(image.streaming_content), target  # read, so it is closed
                continue
            if target.startswith("/captcha/"):
                resolve(target)  # generated per challenge; its views have their own tests
                continue
            if target.startswith("/admin/") or target.endswith(
                ("/rate/", "/report/", "/helpful/", "/follow/")
            ):
                continue
            queue.append(target)
    assert broken == []
    assert len(seen) >= 15


@pytest.mark.django_db
def test_a_missing_page_gets_the_styled_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We can’t find that page" in response.text
    assert "/static/css/empower.css" in response.text
    assert 'href="/conditions/"' in response.text


def test_a_server_error_gets_the_styled_500():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    text = response.content.decode()
    assert "Something went wrong on our side" in text
    assert "/static/css/empower.css" in text
