"""/healthz tells a load balancer or a monitor whether this server can work: the
database, the caches and the task queue, in JSON with nothing personal in it."""

from datetime import timedelta

import pytest
from django.db import OperationalError

from empower import health

pytestmark = pytest.mark.django_db


def test_a_working_server_answers_200_and_says_what_it_checked(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "tasks"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_failing_database_answers_503_and_names_only_the_kind_of_error(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("password authentication failed for user 'empower'")

    monkeypatch.setattr(health, "CHECKS", {**health.CHECKS, "database": broken})
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {
        "ok": False,
        "error": "OperationalError",
        "seconds": response.json()["checks"]["database"]["seconds"],
    }
    assert "password" not in response.text
    assert response.json()["checks"]["cache"]["ok"]


def test_a_cache_that_keeps_nothing_is_a_failure(client, monkeypatch):
    from django.core.cache.backends.dummy import DummyCache

    monkeypatch.setattr(health, "caches", {"default": DummyCache("x", {}), "pages": None})
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["error"] == "RuntimeError"


def test_the_task_queue_reports_its_oldest_waiting_task(settings):
    settings.TASKS_BACKEND = "database"
    from django_tasks_db.models import DBTaskResult

    assert health.tasks() == {"backend": "database", "waiting": 0, "oldest_waiting_seconds": 0.0}
    from comments.tasks import notify_moderators_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    notify_moderators_task.enqueue(urgent=False)  # waits: no worker runs in a test
    enqueued = DBTaskResult.objects.get().enqueued_at
    later = enqueued + timedelta(minutes=5)
    assert health.tasks(now=later) == {
        "backend": "database",
        "waiting": 1,
        "oldest_waiting_seconds": 300.0,
    }


def test_a_token_when_set_is_asked_for_in_a_header(client, settings):
    settings.HEALTHZ_TOKEN = "s3cret-token"
    assert client.get("/healthz").status_code == 403
    assert client.get("/healthz", headers={"Authorization": "Bearer wrong"}).status_code == 403
    ok = client.get("/healthz", headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200


def test_it_is_rate_limited_per_address(client, monkeypatch):
    monkeypatch.setattr(health, "CHECKS_PER_MINUTE", 2)
    assert [client.get("/healthz").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/healthz", REMOTE_ADDR="203.0.113.5").status_code == 200
