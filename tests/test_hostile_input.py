"""Nothing a visitor sends can make the site fail: hostile input to every public URL and form."""

from urllib.parse import quote_from_bytes

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import (
    HOSTILE_VALUES,
    JSON_BODIES,
    MEGABYTE_BODY,
    PARAMETER_NAMES,
    TARGETS,
    make_world,
    query_string,
)

pytestmark = pytest.mark.django_db

WEBHOOK_TOKEN = "webhook-secret-for-tests"


@pytest.fixture
def world(article, condition, settings):
    settings.NEWSLETTER_WEBHOOK_TOKEN = WEBHOOK_TOKEN
    return make_world(article, condition, WEBHOOK_TOKEN)


def send(client, method, path, body=b"", headers=None, address="192.0.2.1"):
    headers = dict(headers or {})
    content_type = headers.pop("Content-Type", "application/octet-stream")
    response = client.generic(
        method, path, data=body, content_type=content_type, headers=headers, REMOTE_ADDR=address
    )
    if response.streaming:
        b"".join(response.streaming_content)  # read to the end, which closes it
    return response


def assert_no_server_error(response, request):
    assert response.status_code < 500, f"{response.status_code} for {request}"


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: f"{target.path}")
def test_every_known_hostile_value_in_every_parameter_gets_no_server_error(client, world, target):
    path = target.path.format(**world)
    headers = {name: value.format(**world) for name, value in target.headers.items()}
    for value in HOSTILE_VALUES:
        cache.clear()  # past the rate limits, to reach the code behind them
        everything = query_string([(name, value) for name in PARAMETER_NAMES])
        for method in target.methods:
            request = (method, f"{path}?{everything}")
            if method == "GET":
                assert_no_server_error(send(client, "GET", f"{path}?{everything}"), request)
            else:
                form = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
                response = send(client, "POST", path, everything.encode(), form)
                assert_no_server_error(response, request)
    if "POST" in target.methods:
        bodies = [MEGABYTE_BODY, *JSON_BODIES]
        for body in bodies:
            for content_type in ["application/json", "application/x-www-form-urlencoded"]:
                response = send(
                    client, "POST", path, body, {**headers, "Content-Type": content_type}
                )
                assert_no_server_error(response, (path, body[:40], content_type))


values = st.one_of(
    st.sampled_from(HOSTILE_VALUES),
    st.binary(max_size=40).map(quote_from_bytes),
    st.integers().map(str),
    st.text(max_size=30).map(lambda text: quote_from_bytes(text.encode("utf-8", "surrogatepass"))),
)
pairs = st.lists(st.tuples(st.sampled_from(PARAMETER_NAMES), values), min_size=1, max_size=8)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    target=st.sampled_from(TARGETS),
    query=pairs,
    form=pairs,
    json_body=st.one_of(st.sampled_from(JSON_BODIES), st.binary(max_size=200)),
    as_json=st.booleans(),
    address=st.sampled_from(["192.0.2.1", "2001:db8::1", "not-an-address", ""]),
)
def test_any_mix_of_hostile_parameters_gets_no_server_error(
    client, world, target, query, form, json_body, as_json, address
):
    cache.clear()
    path = target.path.format(**world)
    headers = {name: value.format(**world) for name, value in target.headers.items()}
    for method in target.methods:
        url = f"{path}?{query_string(query)}"
        if method == "GET":
            assert_no_server_error(send(client, "GET", url, address=address), (url,))
        elif as_json:
            response = send(
                client, "POST", url, json_body, {**headers, "Content-Type": "application/json"}
            )
            assert_no_server_error(response, (url, json_body))
        else:
            body = query_string(form).encode()
            response = send(
                client,
                "POST",
                url,
                body,
                {**headers, "Content-Type": "application/x-www-form-urlencoded"},
                address,
            )
            assert_no_server_error(response, (url, body))
