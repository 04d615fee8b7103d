"""Real servers for the tests that need more than one process: gunicorn on the
test database, on a free loopback port."""

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.db.migrations import RunPython

from empower.roles import apply_roles

PROJECT = Path(__file__).resolve().parent.parent


# Data migrations that create rows the site relies on (pages, crisis terms). The
# flush after each transactional test removes those rows; tests that run after
# one replay them, and give the roles the permissions every app lists today
# (old role migrations name permissions of models since renamed).
DATA_MIGRATIONS = [
    "articles.migrations.0002_pages",
    "articles.migrations.0009_editorial_policy_links_reviewers",
    "comments.migrations.0004_crisis_terms",
    "search.migrations.0004_synonyms",
]


def all_role_permissions() -> dict[str, set[str]]:
    """Every app's role lists (its roles.py) together: what the groups must hold."""
    merged: dict[str, set[str]] = {}
    for app in django_apps.get_app_configs():
        if not (Path(app.path) / "roles.py").exists():
            continue
        for role, names in import_module(f"{app.name}.roles").ROLE_PERMISSIONS.items():
            merged.setdefault(role, set()).update(names)
    return merged


def replay_data_migrations() -> None:
    for name in DATA_MIGRATIONS:
        for operation in import_module(name).Migration.operations:
            if isinstance(operation, RunPython):
                operation.code(django_apps, None)
    roles = {role: sorted(names) for role, names in all_role_permissions().items()}
    apply_roles(django_apps, roles, exact=True)


def database_url() -> str:
    """The test database, as DATABASE_URL, for a server in another process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int) -> None:
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


def collect_static(env: dict) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT, env=env, check=True,
    )  # fmt: skip


def production_env(secret: str, **extra: str) -> dict:
    """The environment of a production server (DEBUG off) on the test database."""
    return {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": f"{secret}-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "false",
        "DATABASE_URL": database_url(),
        "LOG_LEVEL": "ERROR",
        **extra,
    }


@contextmanager
def serving(command: list, port: int, **popen):
    """Runs `command` until the block ends, once something listens on `port`."""
    server = subprocess.Popen(command, **popen)
    try:
        wait_for_port(port)
        yield
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def gunicorn(env: dict, *, workers: int):
    """gunicorn serving the site with `env`; yields its address."""
    port = free_port()
    command = [Path(sys.executable).with_name("gunicorn"), "empower.wsgi",
               "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]  # fmt: skip
    with serving(command, port, cwd=PROJECT, env=env, stderr=subprocess.DEVNULL):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def redis_server():
    """A Redis of the test's own, keeping nothing on disk; yields its URL. Skipped
    where redis-server is missing, except in CI, where that is a failure."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed (apt-get install redis-server)")
        pytest.skip("redis-server is not installed")
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    with serving(command, port, stdout=subprocess.DEVNULL):
        yield f"redis://127.0.0.1:{port}/0"
