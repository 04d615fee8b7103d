"""Visitors and their addresses are known only by keyed hashes, one per purpose."""

import re

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from empower.visitors import (
    VISITOR_COOKIE,
    Visitor,
    VisitorMiddleware,
    address_for_lockout,
    address_key,
    client_ip,
    keyed_hash,
)

COOKIE_ID = "a" * 32


def request_from(remote_addr="198.51.100.7", forwarded=None, **extra):
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, **extra)


def test_keys_for_different_purposes_cannot_be_linked_to_each_other():
    assert keyed_hash("rating", "203.0.113.7") != keyed_hash("signup", "203.0.113.7")
    assert keyed_hash("rating", "203.0.113.7") == keyed_hash("rating", "203.0.113.7")

    request = request_from()
    request.COOKIES[VISITOR_COOKIE] = COOKIE_ID
    visitor = Visitor(request)
    assert visitor.key("rating") != visitor.key("poll")
    assert visitor.key("rating") == keyed_hash("rating", COOKIE_ID)

    assert address_key(request, "signup") != address_key(request, "captcha")
    assert address_key(request, "signup") == keyed_hash("signup", "198.51.100.7")


def rates(request):
    request.visitor.key("rating", create=True)
    return HttpResponse()


def test_a_new_visitor_keeps_their_id_for_a_year_in_a_cookie_sent_only_over_https(settings):
    settings.SESSION_COOKIE_SECURE = True
    cookie = VisitorMiddleware(rates)(request_from()).cookies[VISITOR_COOKIE]
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", cookie.value)
    assert cookie["max-age"] == 60 * 60 * 24 * 365
    assert (cookie["secure"], cookie["httponly"], cookie["samesite"]) == (True, True, "Lax")

    returning = request_from()
    returning.COOKIES[VISITOR_COOKIE] = cookie.value
    assert VISITOR_COOKIE not in VisitorMiddleware(rates)(returning).cookies


def test_the_sign_in_lockout_counts_by_a_32_character_hash_of_its_own():
    request = request_from("203.0.113.7")
    lockout = address_for_lockout(request)
    assert lockout == keyed_hash("staff-lockout", "203.0.113.7")[:32]
    assert len(lockout) == 32
    assert "203.0.113.7" not in lockout
    assert lockout != address_key(request, "signup")[:32]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "address"),
    [
        # Nobody trusted: whatever the visitor wrote in the header is ignored.
        (0, "192.0.2.1", "198.51.100.7"),
        # One proxy appends who connected to it; anything before that the visitor wrote.
        (1, "192.0.2.1, 203.0.113.5", "203.0.113.5"),
        (1, "192.0.2.1,203.0.113.5", "203.0.113.5"),
        (1, "203.0.113.5", "203.0.113.5"),
        (2, "192.0.2.1, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (2, "192.0.2.1,203.0.113.5 ,10.0.0.2", "203.0.113.5"),
        # Fewer entries than proxies: the header is not to be trusted.
        (2, "203.0.113.5", "198.51.100.7"),
        # No header at all: the address that connected.
        (1, None, "198.51.100.7"),
        (1, "", "198.51.100.7"),
    ],
)
def test_the_address_is_read_only_from_the_proxies_we_trust(settings, proxies, forwarded, address):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request_from("198.51.100.7", forwarded)) == address


def test_an_address_nobody_gave_us_is_empty(settings):
    request = request_from()
    del request.META["REMOTE_ADDR"]
    for proxies in (0, 1):
        settings.TRUSTED_PROXY_COUNT = proxies
        assert client_ip(request) == ""
