"""Hostile requests against a real gunicorn: how many get a 5xx (the target is none).

Needs PostgreSQL, where NUL bytes and out-of-range numbers break naive code:
DATABASE_URL, or a throwaway cluster via scripts/with-postgres (started
automatically when DATABASE_URL is not a postgres:// URL).

    .venv/bin/python bench/fuzz.py [--requests 6000] [--threads 4] [--seed 1]

It migrates and seeds the demo site, starts gunicorn (2 sync workers, DEBUG
off, as in production), and sends requests built by tests/hostile.py to every
public URL and form: NUL bytes, bytes that are not UTF-8, lone surrogates,
huge and negative numbers, repeated parameters, deep JSON, 1 MB bodies. It
prints how many it sent and every 5xx it saw.
"""

import argparse
import http.client
import io
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.ports import free_port, wait_for_port  # noqa: E402

PYTHON = sys.executable
WEBHOOK_TOKEN = "fuzz-webhook-token"  # noqa: S105


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        os.execvp(
            str(ROOT / "scripts" / "with-postgres"),
            [str(ROOT / "scripts" / "with-postgres"), PYTHON, *sys.argv],
        )

    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "fuzz-" + "x" * 50,
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "HTTPS": "false",
        "SITE_URL": f"http://localhost:{port}",
        "EMAIL_URL": "locmem:",
        "NEWSLETTER_WEBHOOK_TOKEN": WEBHOOK_TOKEN,
        "LOG_LEVEL": "ERROR",
        "DJANGO_SETTINGS_MODULE": "empower.settings",
        # High limits, so that requests reach the code behind the rate limits.
        "COMMENTS_PER_HOUR": "1000000",
        "REPORTS_PER_HOUR": "1000000",
        "SEARCHES_PER_MINUTE": "1000000",
        "NEWSLETTER_SIGNUPS_PER_HOUR": "1000000",
        "CAPTCHA_REQUESTS_PER_MINUTE": "1000000",
        "STAFF_LOGIN_FAILURES": "1000000",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    print("Migrating and seeding the demo site…", flush=True)
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    call_command("collectstatic", "--noinput", verbosity=0)
    from articles.models import Article
    from tests.hostile import make_world

    article = Article.objects.published().articles().select_related("condition").first()
    world = make_world(article, article.condition, WEBHOOK_TOKEN)

    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "empower.wsgi", "--bind",
         f"127.0.0.1:{port}", "--workers", "2", "--timeout", "60", "--log-level", "error"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        wait_for_port(port)
        result = fuzz(port, world, args.requests, args.threads, args.seed)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    print(f"Requests sent: {result['sent']} in {result['seconds']:.1f} s "
          f"({result['sent'] / result['seconds']:.0f}/s, {args.threads} threads)")  # fmt: skip
    print("Statuses:", ", ".join(f"{code}: {n}" for code, n in sorted(result["codes"].items())))
    print(f"5xx seen: {len(result['errors'])}")
    for status, method, path in result["errors"][:20]:
        print(f"  {status} {method} {path[:160]}")
    return 1 if result["errors"] else 0


def fuzz(port: int, world: dict, total: int, threads: int, seed: int) -> dict:
    from tests.hostile import random_request

    codes: Counter = Counter()
    errors: list = []
    lock = threading.Lock()
    per_thread = total // threads

    def run(index: int) -> None:
        rng = random.Random(seed * 1000 + index)
        csrf = csrf_token(port)  # so that forms get past the CSRF check to their own code
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(per_thread):
            method, path, body, headers = random_request(rng, world)
            headers = {"Host": "localhost", "Cookie": f"csrftoken={csrf}", **headers}
            if method == "POST" and rng.random() < 0.9:
                headers["X-CSRFToken"] = csrf
            try:
                connection.request(method, path, body=body or None, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (http.client.HTTPException, OSError):
                connection.close()
                status = 0  # the server closed the connection (e.g. a refused 1 MB body)
            with lock:
                codes[status] += 1
                if status >= 500:
                    errors.append((status, method, path))

    started = time.perf_counter()
    workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return {
        "sent": per_thread * threads,
        "seconds": time.perf_counter() - started,
        "codes": codes,
        "errors": errors,
    }


def csrf_token(port: int) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/newsletter/subscribe/", headers={"Host": "localhost"})
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie", "")
    connection.close()
    return cookie.split("csrftoken=", 1)[1].split(";", 1)[0]


if __name__ == "__main__":
    sys.exit(main())
