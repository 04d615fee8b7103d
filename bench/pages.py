"""How fast each public page is served, as a ratio to a bare "hello" view in the same server.

    .venv/bin/python bench/pages.py [--seconds 5] [--rounds 3] [--connections 16] [--postgres]

It migrates and seeds the demo site on SQLite (or PostgreSQL with --postgres:
DATABASE_URL, or a throwaway cluster via scripts/with-postgres), gives one article
50 approved comments, and starts gunicorn (2 sync workers, DEBUG off, as in
production) with bench/urls.py: the site plus /bench/hello/. wrk (apt-get install
wrk) drives each URL from another core (taskset, where it exists), the URLs
interleaved, in several rounds; the table shows medians. Ratios to hello hold on
any machine; the absolute figures do not.
"""

import argparse
import io
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.ports import free_port, wait_for_port  # noqa: E402

PYTHON = sys.executable
COMMENTS = 50


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="how long wrk drives each URL")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2
    database = os.environ.get("DATABASE_URL", "")
    if args.postgres and not database.startswith("postgres"):
        script = str(ROOT / "scripts" / "with-postgres")
        os.execvp(script, [script, PYTHON, *sys.argv])
    if not args.postgres:
        database = f"sqlite:///{tempfile.mkdtemp(prefix='empower-bench-')}/bench.sqlite3"

    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "HTTPS": "false",
        "SITE_URL": f"http://localhost:{port}",
        "EMAIL_URL": "locmem:",
        "LOG_LEVEL": "ERROR",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SEARCHES_PER_MINUTE": "100000000",
    }
    os.environ.update(env)
    import django

    django.setup()
    urls = prepare_site()
    queries = count_queries(urls)

    cores = os.cpu_count() or 1
    pin = shutil.which("taskset") is not None and cores >= 2
    gunicorn = [str(ROOT / ".venv" / "bin" / "gunicorn"), "empower.wsgi", "--bind",
                f"127.0.0.1:{port}", "--workers", "2", "--log-level", "error"]  # fmt: skip
    server = subprocess.Popen((["taskset", "-c", "0"] if pin else []) + gunicorn, env=env, cwd=ROOT)
    try:
        wait_for_port(port)
        print("Warming up…", file=sys.stderr, flush=True)
        for path in urls.values():  # imports, templates and connections, in both workers
            drive(port, path, 1, args.connections, pin, cores)
        results: dict[str, list[dict]] = {name: [] for name in urls}
        for round_number in range(args.rounds):
            print(f"Round {round_number + 1} of {args.rounds}…", file=sys.stderr, flush=True)
            for name, path in urls.items():
                results[name].append(drive(port, path, args.seconds, args.connections, pin, cores))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    print_table(results, queries, args, "PostgreSQL" if args.postgres else "SQLite", pin)
    return 1 if any(r["errors"] for runs in results.values() for r in runs) else 0


def prepare_site() -> dict[str, str]:
    """The demo content, one article with 50 approved comments; the URL of each page type."""
    from django.core.management import call_command

    print("Migrating and seeding the demo site…", file=sys.stderr, flush=True)
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    call_command("collectstatic", "--noinput", verbosity=0)
    from django.contrib.staticfiles.storage import staticfiles_storage

    from articles.models import Article, Condition, Page
    from comments.models import Comment, Status
    from community.models import Question

    article = Article.objects.published().select_related("condition").first()
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author_name=f"Reader {n}",
            author_email=f"reader{n}@example.org",
            body=f"Comment {n}: what helped me most was talking to others who had it.",
            status=Status.APPROVED,
        )
        for n in range(COMMENTS)
    )
    question = Question.objects.approved().first()
    return {
        "hello": "/bench/hello/",
        "static file": staticfiles_storage.url("css/empower.css"),
        "home": "/",
        "conditions A-Z": "/conditions/",
        "condition guide": Condition.objects.first().get_absolute_url(),
        f"article, {COMMENTS} comments": article.get_absolute_url(),
        "community": "/community/",
        "question": question.get_absolute_url() if question else "/community/",
        "page": Page.objects.first().get_absolute_url(),
        "search": "/search/?q=spasm",
        "feed": "/feeds/articles.rss",
        "sitemap": "/sitemap.xml",
    }


def count_queries(urls: dict[str, str]) -> dict[str, int]:
    """SQL queries per page, for an anonymous visitor, measured in this process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    counts = {}
    for name, path in urls.items():
        with CaptureQueriesContext(connection) as captured:
            status = client.get(path).status_code
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        counts[name] = len(captured)
    return counts


def drive(port: int, path: str, seconds: int, connections: int, pin: bool, cores: int) -> dict:
    wrk = ["wrk", "--latency", "-t1", f"-c{connections}", f"-d{seconds}s",
           "-H", "Host: localhost", f"http://127.0.0.1:{port}{path}"]  # fmt: skip
    if pin:
        wrk = ["taskset", "-c", str(cores - 1), *wrk]
    output = subprocess.run(wrk, capture_output=True, text=True, check=True).stdout
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    broken = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if broken:
        errors += sum(int(n) for n in broken.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency(output, "50%"),
        "p99": latency(output, "99%"),
        "errors": errors,
    }


def latency(output: str, percentile: str) -> float:
    """wrk's latency at a percentile, in milliseconds."""
    value, unit = re.search(rf"^\s+{percentile}\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def print_table(results, queries, args, database: str, pinned: bool) -> None:
    median = {name: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
              for name, runs in results.items()}  # fmt: skip
    hello = median["hello"]["rps"]
    print(f"\n{database}; gunicorn 2 sync workers; wrk {args.connections} connections, "
          f"{args.seconds} s per URL, median of {args.rounds} interleaved rounds; "
          f"{'server and wrk pinned to separate cores' if pinned else 'not pinned'}; "
          f"{os.cpu_count()} cores.\n")  # fmt: skip
    print(f"| {'page':22} | {'req/s':>8} | {'× hello':>7} | {'p50 ms':>7} | {'p99 ms':>7} "
          f"| {'errors':>6} | {'queries':>7} |")  # fmt: skip
    print(f"|{'-' * 24}|{'-' * 10}:|{'-' * 8}:|{'-' * 8}:|{'-' * 8}:|{'-' * 7}:|{'-' * 8}:|")
    for name, row in median.items():
        print(f"| {name:22} | {row['rps']:8.0f} | {row['rps'] / hello:7.3f} | {row['p50']:7.1f} "
              f"| {row['p99']:7.1f} | {row['errors']:6.0f} | {queries[name]:7} |")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
