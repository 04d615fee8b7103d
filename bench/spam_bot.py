"""How much spam gets into the moderation queue? Target: none.

Posts 1,000 spam-like comment submissions the way simple bots do, against a
throwaway SQLite database, and reports how many were stored as pending.

    .venv/bin/python bench/spam_bot.py [--count 1000]
"""

import argparse
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()

    database = Path(tempfile.mkdtemp()) / "spam-bench.sqlite3"
    os.environ.update(DEBUG="true", DATABASE_URL=f"sqlite:///{database}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "empower.settings")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)  # a thousand "Bad Request" lines say nothing
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    from captcha.models import CaptchaStore

    from comments.models import Comment, Refusal, Status

    url = "/articles/what-is-hemifacial-spasm/comment/"
    kinds = ["no captcha", "wrong captcha", "honeypot filled", "too fast", "too many links"]
    client = Client()
    started = time.perf_counter()
    for n in range(args.count):
        kind = kinds[n % len(kinds)]
        address = (
            f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"  # a botnet: new address each time
        )
        page = client.get(url, REMOTE_ADDR=address).content.decode()
        fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', page))
        key = fields.get("captcha_0", "")
        data = {
            **fields,
            "author_name": "Cheap Meds",
            "author_email": f"bot{n}@spam.example",
            "body": f"Great article! Buy now at http://pills{n}.example #{n}",
            "website": "",
            "captcha_1": "",
        }
        if kind == "wrong captcha":
            data["captcha_1"] = "abcde"
        elif kind == "honeypot filled":
            data["website"] = "http://pills.example"
            data["captcha_1"] = CaptchaStore.objects.get(hashkey=key).response
        elif kind == "too many links":
            # The worst case: a person was paid to solve the CAPTCHA.
            data["captcha_1"] = CaptchaStore.objects.get(hashkey=key).response
            data["body"] = " ".join(f"http://pills{n}-{i}.example" for i in range(5))
            data["started"] = _aged(data["started"])
        elif kind == "too fast":
            data["captcha_1"] = CaptchaStore.objects.get(hashkey=key).response
        if kind in ("no captcha", "wrong captcha", "honeypot filled"):
            data["started"] = _aged(data["started"])
        client.post(url, data, REMOTE_ADDR=address)
    elapsed = time.perf_counter() - started

    stored = Counter(Comment.objects.values_list("status", flat=True))
    print(f"Submissions: {args.count} ({', '.join(kinds)}), {elapsed:.1f} s")
    print(f"Stored as pending: {stored.get(Status.PENDING, 0)}   (target 0)")
    print(f"Stored as spam:    {stored.get(Status.SPAM, 0)}")
    print("Refusals by reason:")
    for reason, count in Refusal.objects.values_list("reason", "count").order_by("-count"):
        print(f"  {reason:<24} {count}")
    return 0 if stored.get(Status.PENDING, 0) == 0 else 1


def _aged(token: str) -> str:
    """The same signed timestamp, as if the form had been open for a minute."""
    from django.core import signing

    from comments.spam import TIMESTAMP_SALT

    return signing.dumps(signing.loads(token, salt=TIMESTAMP_SALT) - 60, salt=TIMESTAMP_SALT)


if __name__ == "__main__":
    sys.exit(main())
