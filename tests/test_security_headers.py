"""Every response carries a strict CSP and the usual protective headers."""

import re

import pytest


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client, article):
    response = client.get(article.get_absolute_url())
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_pages_carry_referrer_and_content_type_headers(client):
    response = client.get("/")
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/conditions/", "/about/", "ARTICLE"])
def test_no_page_loads_anything_from_another_host(client, article, path):
    url = article.get_absolute_url() if path == "ARTICLE" else path
    html = client.get(url).text
    loaded = [
        tag
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", html)
        if not re.search(r'rel="(?:canonical|alternate)"', tag)  # addresses, not loads
    ]
    assert loaded, "expected the page to load its stylesheet at least"
    for tag in loaded:
        assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), tag


@pytest.mark.django_db
def test_pages_need_no_unsafe_inline_script_or_style(client, article):
    response = client.get(article.get_absolute_url())
    html = response.text
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert "<style" not in html
    assert " style=" not in html
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert inline, "the JSON-LD is the one inline script"
    for attributes in inline:
        assert 'type="application/ld+json"' in attributes
        assert f'nonce="{nonce}"' in attributes


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/admin/login/", "/static/img/favicon.svg"])
def test_no_page_may_use_the_camera_microphone_or_location_or_be_embedded_elsewhere(client, path):
    response = client.get(path)
    if response.streaming:
        b"".join(response.streaming_content)  # whitenoise streams static files; finish it
    policy = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
    for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
        assert policy[feature] == "()", feature
    assert policy["publickey-credentials-get"] == "(self)"  # passkeys, on our own origin
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.django_db
def test_a_form_without_its_security_token_gets_our_own_friendly_page(article):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/community/ask/", {"title": "Is this normal?"})
    assert response.status_code == 403
    assert "Please try that again" in response.text
    assert "nothing was saved" in response.text
    assert "CSRF" not in response.text  # Django's own page names the check
    assert '<link rel="stylesheet"' in response.text
