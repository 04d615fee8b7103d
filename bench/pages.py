"""How fast each public page is served, as a ratio to a bare "hello" view in the same server.

    .venv/bin/python bench/pages.py [--seconds 5] [--rounds 3] [--connections 16] [--postgres]

It migrates and seeds the demo site on SQLite (or PostgreSQL with --postgres:
DATABASE_URL, or a throwaway cluster via scripts/with-postgres), gives one article
50 approved comments, and starts two gunicorns (2 sync workers each, DEBUG off, as
in production) with bench/urls.py, the site plus /bench/hello/: one with the page
cache (warm: every page already asked for once), one without it (cold: every
request makes its page). The cache is the database's table, as on one machine
without Redis, or Redis with --redis URL. wrk (apt-get install wrk) drives each URL
from another core (taskset, where it exists), the URLs interleaved, in several
rounds; the table shows medians. Ratios to hello hold on any machine; the absolute
figures do not. It also checks that every page answers 304 to its own ETag.
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
ARTICLE = f"article, {COMMENTS} comments"
GZIPPED = f"{ARTICLE} (gzip)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="how long wrk drives each URL")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument(
        "--redis", metavar="URL", help="the cache in Redis, e.g. redis://127.0.0.1:6379/9"
    )
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

    port, cold_port = free_port(), free_port()
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
        "REDIS_URL": args.redis or "",
    }
    os.environ.update(env)
    import django

    django.setup()
    urls = prepare_site()
    queries = count_queries(urls)
    if args.redis:
        from django.core.cache import cache

        cache.clear()

    cores = os.cpu_count() or 1
    pin = shutil.which("taskset") is not None and cores >= 2
    servers = [
        start_gunicorn(port, env, pin),
        start_gunicorn(cold_port, {**env, "PAGE_CACHE": "false"}, pin),
    ]
    try:
        for server_port in (port, cold_port):
            wait_for_port(server_port)
        print("Warming up…", file=sys.stderr, flush=True)
        for path in urls.values():  # imports, templates, connections and the cache, in both workers
            for server_port in (port, cold_port):
                drive(server_port, path, 1, args.connections, pin, cores)
        not_modified = check_not_modified(port, urls)
        runs = {
            "hello": (port, "/bench/hello/", ()),
            "static file": (port, urls.pop("static file"), ()),
        }
        urls.pop("hello")
        for name, path in urls.items():
            if name != "search":  # never cached: every search is its own
                runs[f"{name}, cached"] = (port, path, ())
            runs[name] = (cold_port, path, ())
        runs[GZIPPED] = (port, urls[ARTICLE], ("Accept-Encoding: gzip",))
        results: dict[str, list[dict]] = {name: [] for name in runs}
        for round_number in range(args.rounds):
            print(f"Round {round_number + 1} of {args.rounds}…", file=sys.stderr, flush=True)
            for name, (server_port, path, headers) in runs.items():
                result = drive(
                    server_port, path, args.seconds, args.connections, pin, cores, headers
                )
                results[name].append(result)
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)

    cache = "Redis" if args.redis else "the database's cache table"
    database = "PostgreSQL" if args.postgres else "SQLite"
    print_table(results, queries, not_modified, urls, args, f"{database}, cache in {cache}", pin)
    return 1 if any(r["errors"] for runs in results.values() for r in runs) else 0


def start_gunicorn(port: int, env: dict, pin: bool) -> subprocess.Popen:
    gunicorn = [str(ROOT / ".venv" / "bin" / "gunicorn"), "empower.wsgi", "--bind",
                f"127.0.0.1:{port}", "--workers", "2", "--log-level", "error"]  # fmt: skip
    return subprocess.Popen((["taskset", "-c", "0"] if pin else []) + gunicorn, env=env, cwd=ROOT)


def check_not_modified(port: int, urls: dict[str, str]) -> dict[str, bool]:
    """Does each page answer 304 Not Modified to a reader who sends its ETag?"""
    import http.client

    answers = {}
    for path in urls.values():
        connection = http.client.HTTPConnection("127.0.0.1", port)
        connection.request("GET", path, headers={"Host": "localhost"})
        etag = connection.getresponse().getheader("ETag")
        connection.close()
        connection = http.client.HTTPConnection("127.0.0.1", port)
        connection.request("GET", path, headers={"Host": "localhost", "If-None-Match": etag or "-"})
        answers[path] = connection.getresponse().status == 304
        connection.close()
    return answers


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

    article = Article.objects.published().articles().select_related("condition").first()
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
        ARTICLE: article.get_absolute_url(),
        "community": "/community/",
        "question": question.get_absolute_url() if question else "/community/",
        "page": Page.objects.first().get_absolute_url(),
        "search": "/search/?q=spasm",
        "feed": "/feeds/articles.rss",
        "sitemap": "/sitemap.xml",
    }


def count_queries(urls: dict[str, str]) -> dict[str, int]:
    """SQL queries per page made for an anonymous visitor (the page cache off; with it, the
    page and its versions are one more query to the cache table, or one trip to Redis)."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    counts = {}
    for name, path in urls.items():
        with override_settings(PAGE_CACHE=False):
            client.get(path)  # the pages' versions exist after the first reader
            with CaptureQueriesContext(connection) as captured:
                status = client.get(path).status_code
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
        counts[name] = len(captured)
    return counts


def drive(port, path, seconds, connections, pin, cores, headers=()) -> dict:
    wrk = ["wrk", "--latency", "-t1", f"-c{connections}", f"-d{seconds}s", "-H", "Host: localhost",
           *(arg for header in headers for arg in ("-H", header)),
           f"http://127.0.0.1:{port}{path}"]  # fmt: skip
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


def print_table(results, queries, not_modified, urls, args, setup: str, pinned: bool) -> None:
    median = {name: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
              for name, runs in results.items()}  # fmt: skip
    hello = median["hello"]["rps"]
    print(f"\n{setup}; gunicorn 2 sync workers; wrk {args.connections} connections, "
          f"{args.seconds} s per URL, median of {args.rounds} interleaved rounds; "
          f"{'server and wrk pinned to separate cores' if pinned else 'not pinned'}; "
          f"{os.cpu_count()} cores.\n")  # fmt: skip
    print(
        "| page | cached req/s | × hello | p99 ms | uncached req/s | × hello | p99 ms "
        "| errors | queries | 304 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name in ("hello", "static file"):
        row = median[name]
        print(f"| {name} | {row['rps']:.0f} | {row['rps'] / hello:.3f} | {row['p99']:.1f} "
              f"| | | | {row['errors']:.0f} | {queries[name]} | |")  # fmt: skip
    for name, path in urls.items():
        cold, warm = median[name], median.get(f"{name}, cached")
        cached = (f"{warm['rps']:.0f} | {warm['rps'] / hello:.3f} | {warm['p99']:.1f}"
                  if warm else "not cached | | ")  # fmt: skip
        errors = cold["errors"] + (warm["errors"] if warm else 0)
        print(f"| {name} | {cached} | {cold['rps']:.0f} | {cold['rps'] / hello:.3f} "
              f"| {cold['p99']:.1f} | {errors:.0f} | {queries[name]} "
              f"| {'yes' if not_modified[path] else 'no'} |")  # fmt: skip
        if name == ARTICLE:
            row = median[GZIPPED]
            print(f"| {GZIPPED} | {row['rps']:.0f} | {row['rps'] / hello:.3f} | {row['p99']:.1f} "
                  f"| | | | {row['errors']:.0f} | | |")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
