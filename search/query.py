"""Answering a search: ranked full-text search on PostgreSQL, LIKE on SQLite."""

import difflib
import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
)
from django.db import connection
from django.db.models import F, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.models import SEARCH_CONFIG, WORD, Entry, Word

MAX_QUERY = 200
# ts_headline marks matches with these; the snippet is escaped, then they become <mark>.
START, STOP = "\x02", "\x03"


def clean(raw: str) -> str:
    """What we search for: trimmed, at most MAX_QUERY characters, no control characters."""
    return re.sub(r"[\x00-\x1f]", " ", raw or "").strip()[:MAX_QUERY]


def search(query: str, *, kind: str = "", condition=None):
    """Entries matching the query, best first, as a QuerySet (ready to paginate)."""
    entries = Entry.objects.select_related("condition")
    if kind:
        entries = entries.filter(kind=kind)
    if condition is not None:
        entries = entries.filter(condition=condition)
    if connection.vendor == "postgresql":
        ts_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        return (
            entries.filter(search_vector=ts_query)
            .annotate(
                rank=SearchRank(F("search_vector"), ts_query),
                headline=SearchHeadline(
                    "body",
                    ts_query,
                    config=SEARCH_CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=30,
                    min_words=12,
                ),
            )
            .order_by("-rank", "title")
        )
    # SQLite: every word must appear somewhere; no ranking beyond "title first".
    words = WORD.findall(query) or query.split()
    for word in words[:10]:
        entries = entries.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        )
    return entries.order_by("title")


def snippet(entry: Entry, query: str) -> str:
    """A short, safe excerpt with the matching words marked."""
    headline = getattr(entry, "headline", None)
    if headline is None:
        headline = _plain_snippet(entry.body or entry.summary, query)
    # Escaped first, so nothing a writer typed becomes markup; then our marks.
    marked = escape(headline).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 - everything but our own <mark> tags is escaped


def _plain_snippet(text: str, query: str, width: int = 200) -> str:
    words = [word.lower() for word in WORD.findall(query)]
    lowered = text.lower()
    starts = [lowered.find(word) for word in words if word in lowered]
    start = max(0, min(starts) - 60) if starts else 0
    excerpt = text[start : start + width]
    for word in words:
        excerpt = re.sub(
            rf"({re.escape(word)})", START + r"\1" + STOP, excerpt, flags=re.IGNORECASE
        )
    return ("…" if start else "") + excerpt + ("…" if start + width < len(text) else "")


def suggestion(query: str) -> str | None:
    """The query with misspelt words replaced by the nearest title or condition word."""
    words = WORD.findall(query)
    if not words:
        return None
    known = set(
        Word.objects.filter(word__in=[w.lower() for w in words]).values_list("word", flat=True)
    )
    corrected, changed = query, False
    for word in words:
        if word.lower() in known:
            continue
        closest = _closest(word.lower())
        if closest:
            corrected = re.sub(rf"\b{re.escape(word)}\b", closest, corrected)
            changed = True
    return corrected if changed else None


def _closest(word: str) -> str | None:
    if connection.vendor == "postgresql":
        return (
            Word.objects.annotate(similarity=TrigramSimilarity("word", word))
            .filter(similarity__gte=0.3)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
    candidates = list(Word.objects.values_list("word", flat=True))
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return matches[0] if matches else None
