"""Rate limits hold across every server process, not per process."""

import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.core.management import call_command
from django.tasks import default_task_backend
from django.test import override_settings

from newsletter.models import Subscriber
from newsletter.tasks import send_signup_email
from tests.servers import collect_static, gunicorn, production_env


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def production_server():
    """gunicorn with two worker processes, DEBUG off and no Redis, on the test database."""
    with override_settings(CACHES=settings.DATABASE_CACHES):
        call_command("createcachetable", verbosity=0)
    env = production_env("shared-limits", SEARCHES_PER_MINUTE="10")
    collect_static(env)
    with gunicorn(env, workers=2) as address:
        yield address


@pytest.mark.django_db(transaction=True)
def test_with_debug_off_and_no_redis_all_workers_share_one_search_limit(production_server):
    statuses = [status_of(f"{production_server}/search/?q=botox") for _ in range(40)]
    # Each worker counting on its own would answer 20 (10 each).
    assert statuses.count(200) == 10
    assert statuses.count(429) == 30


@pytest.mark.django_db
def test_sign_up_mail_is_sent_by_a_background_task_not_by_the_web_worker(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.core import mail

    client.post("/newsletter/subscribe/", {"email": "ann@example.org", "newsletter": "on"})
    assert mail.outbox == []
    [queued] = default_task_backend.results
    ann = Subscriber.objects.get(email="ann@example.org")
    assert (queued.task.name, queued.args) == ("send_signup_email", [ann.pk])
    assert send_signup_email.call(ann.pk) == "confirm"
    assert mail.outbox[0].to == ["ann@example.org"]
