"""Search latency on PostgreSQL with 10,000 articles: full-text search against naive icontains.

    .venv/bin/python bench/search.py [--articles 10000]

Needs PostgreSQL: DATABASE_URL, or a throwaway cluster via scripts/with-postgres
(started automatically). Generates articles as index entries with realistic
text, then times 100 realistic queries each way, fetching the first page of
results as the results page does (ranked, with highlighted snippets for
full-text search).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONDITIONS = [
    "hemifacial spasm", "trigeminal neuralgia", "bell's palsy", "migraine", "endometriosis",
    "polycystic ovary syndrome", "menopause", "thyroid disease", "lupus", "fibromyalgia",
    "osteoporosis", "anaemia", "asthma", "eczema", "psoriasis", "multiple sclerosis",
]  # fmt: skip
MEDICAL_WORDS = [
    "pain", "twitching", "eyelid", "facial", "nerve", "muscle", "spasm", "headache", "aura",
    "nausea", "fatigue", "sleep", "stress", "treatment", "injection", "surgery", "medicine",
    "dose", "symptom", "diagnosis", "doctor", "nurse", "scan", "blood", "test", "hormone",
    "period", "pregnancy", "weight", "diet", "exercise", "inflammation", "swelling", "joint",
    "skin", "rash", "itch", "breathing", "cough", "wheeze", "bone", "fracture", "calcium",
    "vitamin", "iron", "thyroid", "tiredness", "anxiety", "mood", "memory", "vision", "hearing",
    "dizziness", "numbness", "tingling", "weakness", "recovery", "therapy", "physiotherapy",
    "botulinum", "anticonvulsant", "steroid", "relief", "trigger", "caffeine", "alcohol",
]  # fmt: skip
QUERIES = [
    "eyelid twitching", "facial pain", "migraine aura", "botulinum injection", "stress spasm",
    "thyroid tiredness", "period pain", "bone calcium", "skin rash itch", "nerve surgery",
    "sleep fatigue", "vitamin iron", "joint swelling", "headache nausea", "steroid treatment",
    "breathing wheeze", "numbness tingling", "hormone weight", "dizziness vision",
    "caffeine trigger",
]  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=100)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        wrapper = str(ROOT / "scripts" / "with-postgres")
        os.execvp(wrapper, [wrapper, sys.executable, *sys.argv])
    os.environ.update(DEBUG="false", SECRET_KEY="bench-" + "x" * 50, ALLOWED_HOSTS="localhost")
    os.environ.update(HTTPS="false", DJANGO_SETTINGS_MODULE="empower.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    generate(args.articles)
    random.seed(7)
    queries = [random.choice(QUERIES) for _ in range(args.queries)]
    full_text = timings(queries, full_text_page)
    naive = timings(queries, naive_page)
    print(f"Articles: {args.articles}   Queries: {len(queries)}")
    report("Full-text search (GIN)", full_text)
    report("Naive icontains", naive)
    speedup = statistics.quantiles(naive, n=20)[18] / statistics.quantiles(full_text, n=20)[18]
    print(f"p95 speed-up: {speedup:.0f}x")
    p95 = statistics.quantiles(full_text, n=20)[18]
    return 0 if p95 < 30 and speedup >= 10 else 1


def vocabulary() -> tuple[list[str], list[float]]:
    """Real articles use thousands of words, a few often and most rarely (Zipf's law):
    medical words spread among 3,000 everyday ones, each weighted 1/rank."""
    syllables = ["ba", "de", "ki", "lo", "mu", "ne", "ra", "si", "to", "vu", "pe", "ga", "fo"]
    filler = {"".join(random.choices(syllables, k=random.randint(2, 4))) for _ in range(4000)}
    words = sorted(filler)[:3000]
    for n, word in enumerate(MEDICAL_WORDS):
        words.insert(300 + n * 40, word)
    return words, [1 / rank for rank in range(1, len(words) + 1)]


def generate(count: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from search.models import WEIGHTED_VECTOR, Entry, learn_words

    random.seed(42)
    print(f"Generating {count} articles…", flush=True)
    words, weights = vocabulary()
    now = timezone.now()
    entries = []
    for n in range(count):
        condition = random.choice(CONDITIONS)
        title_words = random.sample(MEDICAL_WORDS, 2)
        title = f"{title_words[0].capitalize()} and {title_words[1]} in {condition}"
        summary = " ".join(random.choices(words, weights, k=25)) + "."
        body = ". ".join(" ".join(random.choices(words, weights, k=12)) for _ in range(30)) + "."
        entries.append(
            Entry(kind="article", object_id=n + 1, url=f"/articles/a{n}/", title=title,
                  summary=summary, body=body, updated_at=now)
        )  # fmt: skip
    Entry.objects.bulk_create(entries, batch_size=1000)
    Entry.objects.update(search_vector=WEIGHTED_VECTOR)
    for condition in CONDITIONS:
        learn_words(condition)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_entry")


def full_text_page(q: str) -> list:
    """As the results page does it: count, then the first ten with snippets."""
    from django.core.paginator import Paginator

    from search import query

    page = Paginator(query.search(q), 10).get_page(1)
    return [(entry.title, query.snippet(entry, q)) for entry in page]


def naive_page(q: str) -> list:
    from django.db.models import Q

    from search.models import Entry

    entries = Entry.objects.all()
    for word in q.split():
        entries = entries.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        )
    from django.core.paginator import Paginator

    page = Paginator(entries.order_by("title").values_list("title", "summary"), 10).get_page(1)
    return list(page)


def timings(queries, run) -> list[float]:
    run(queries[0])  # warm the caches, as a live site would be
    results = []
    for q in queries:
        started = time.perf_counter()
        run(q)
        results.append((time.perf_counter() - started) * 1000)
    return results


def report(label: str, milliseconds: list[float]) -> None:
    cuts = statistics.quantiles(milliseconds, n=20)
    print(f"{label:<24} p50 {statistics.median(milliseconds):7.1f} ms   p95 {cuts[18]:7.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
