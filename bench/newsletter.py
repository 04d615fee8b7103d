"""Sending one issue to 100,000 subscribers with real workers; a worker is killed half-way.

Needs PostgreSQL: DATABASE_URL, or a throwaway cluster via scripts/with-postgres
(started automatically when DATABASE_URL is not a postgres:// URL).

    .venv/bin/python bench/newsletter.py [--subscribers 100000] [--workers 2]

It starts an SMTP sink (aiosmtpd) on loopback, measures the sink's ceiling
with a plain smtplib loop over one connection, then has `manage.py db_worker`
processes send the issue, kills one of them half-way (kill -9), lets the
periodic sweep resume, and counts what the sink received: messages per second,
duplicates and missing recipients.
"""

import argparse
import email.policy
import os
import signal
import smtplib
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.ports import free_port, wait_for_port  # noqa: E402

PYTHON = sys.executable


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ceiling-sample", type=int, default=20_000)
    parser.add_argument("--no-kill", action="store_true")
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        os.execvp(
            str(ROOT / "scripts" / "with-postgres"),
            [str(ROOT / "scripts" / "with-postgres"), PYTHON, *sys.argv],
        )

    port = free_port()
    received = Path(os.environ.get("TMPDIR", "/tmp")) / f"sink-{port}.log"
    received.unlink(missing_ok=True)
    env = {
        **os.environ,
        # Workers run as in production: DEBUG off (no query log).
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "localhost",
        "HTTPS": "false",
        "TASKS_BACKEND": "database",
        "EMAIL_URL": f"smtp://127.0.0.1:{port}?tls=false",
        "NEWSLETTER_LEASE_SECONDS": "10",
        "NEWSLETTER_PARALLEL_TASKS": str(args.workers * 2),
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "empower.settings",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    sink = subprocess.Popen(
        [PYTHON, str(Path(__file__).with_name("smtp_sink.py")), str(port), str(received)]
    )
    wait_for_port(port, "The SMTP sink", seconds=10)
    try:
        issue, addresses = prepare(args.subscribers)
        ceiling = measure_ceiling(issue, port, args.ceiling_sample)
        result = send_with_workers(issue, env, args.workers, kill=not args.no_kill)
    finally:
        sink.send_signal(signal.SIGTERM)
        sink.wait(timeout=30)

    counts = Counter(
        line for line in received.read_text().splitlines() if line.startswith("reader")
    )
    duplicates = sum(n - 1 for n in counts.values() if n > 1)
    missing = len(addresses - set(counts))
    rate = args.subscribers / result["seconds"]
    print(f"Subscribers:               {args.subscribers}")
    print(f"Sink ceiling (smtplib, 1 connection): {ceiling:.0f} messages/s")
    print(
        f"Workers ({args.workers} db_worker processes): {rate:.0f} messages/s "
        f"over {result['seconds']:.1f} s, including the kill and recovery "
        f"({100 * rate / ceiling:.0f}% of the ceiling)"
    )
    print(f"Steady state before the kill: {result['steady_rate']:.0f} messages/s "
          f"({100 * result['steady_rate'] / ceiling:.0f}% of the ceiling)")  # fmt: skip
    print(f"Killed a worker at:        {result['killed_at']} sent")
    print(f"Duplicates: {duplicates}   Missing: {missing}")
    return 0 if duplicates == 0 and missing == 0 else 1


def prepare(count: int):
    from newsletter.models import Issue, Subscriber

    print(f"Creating {count} confirmed subscribers…", flush=True)
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"reader{n}@bench.example",
                status=Subscriber.Status.CONFIRMED,
                wants_newsletter=True,
            )
            for n in range(count)
        ),
        batch_size=5000,
    )
    issue = Issue.objects.create(
        subject="Bench: spring news",
        body="Hello **readers**.\n\n" + "A paragraph of news about health. " * 40,
        to_newsletter=True,
    )
    return issue, {f"reader{n}@bench.example" for n in range(count)}


def measure_ceiling(issue, port: int, sample: int) -> float:
    """A plain smtplib loop over one connection, sending the same messages."""
    from newsletter.models import Subscriber
    from newsletter.sending import IssueRenderer

    renderer = IssueRenderer(issue)
    # Built as Django's SMTP backend builds them (the SMTP policy: CRLF line ends).
    messages = [
        renderer.message_for(subscriber).message(policy=email.policy.SMTP)
        for subscriber in Subscriber.objects.order_by("pk")[:sample]
    ]
    # Same messages, but addressed so the sink can tell them from the real send.
    payloads = [
        (m["From"], f"ceiling-{n}@bench.example", m.as_bytes()) for n, m in enumerate(messages)
    ]
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        started = time.perf_counter()
        for sender, recipient, payload in payloads:
            smtp.sendmail(sender, [recipient], payload)
        elapsed = time.perf_counter() - started
    return sample / elapsed


def send_with_workers(issue, env, workers: int, *, kill: bool) -> dict:
    from newsletter.models import Delivery, Issue
    from newsletter.tasks import sweep

    def sent() -> int:
        return Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).count()

    total = issue.recipients().count()
    processes = [start_worker(env, n) for n in range(workers)]
    started = time.perf_counter()
    issue.start_sending(by=None)
    killed_at, steady_rate, last_sweep = None, 0.0, time.perf_counter()
    try:
        while Issue.objects.get(pk=issue.pk).status != Issue.Status.SENT:
            time.sleep(0.5)
            done = sent()
            if kill and killed_at is None and done >= total // 2:
                steady_rate = done / (time.perf_counter() - started)
                processes[0].send_signal(signal.SIGKILL)
                processes[0].wait()
                killed_at = done
                print(f"Killed worker 1 at {done} sent", flush=True)
            # What cron does every minute in production (manage.py newsletter_sweep).
            if time.perf_counter() - last_sweep > 2:
                sweep.call()
                last_sweep = time.perf_counter()
            print(f"\r{done}/{total} sent", end="", flush=True)
        seconds = time.perf_counter() - started
        print()
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
    return {"seconds": seconds, "killed_at": killed_at, "steady_rate": steady_rate or 0.0}


def start_worker(env, n: int):
    return subprocess.Popen(
        [PYTHON, str(ROOT / "manage.py"), "db_worker", "--interval", "0.1",
         "--no-startup-delay", "--worker-id", f"bench-{n}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
