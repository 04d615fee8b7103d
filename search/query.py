"""Answering a search: ranked full-text search on PostgreSQL (tsvector) and on
SQLite (FTS5), with the same synonyms, the same rule for condition guides, and
snippets that never cut a word in half."""

import difflib
import re
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
)
from django.db import connection
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.models import Condition
from search.models import SEARCH_CONFIG, WORD, Entry, Synonym, Word, normalize

MAX_QUERY = 200
MAX_UNITS = 10
# Highlights are marked with these, the snippet is escaped, then they become <mark>.
START, STOP = "\x02", "\x03"


def clean(raw: str) -> str:
    """What we search for: trimmed, at most MAX_QUERY characters, no control characters."""
    return re.sub(r"[\x00-\x1f]", " ", raw or "").strip()[:MAX_QUERY]


def units(query: str) -> list[list[str]]:
    """The query as a list of things each result must contain, each a list of
    alternatives: a word, or a phrase readers type and what our texts say for it
    ("botox" → ["botox", "botulinum toxin"]). Longest synonym first."""
    words = normalize(query).split()
    synonyms = {
        synonym.term: normalize(synonym.means)
        for synonym in Synonym.objects.filter(term__in=_phrases(words))
    }
    found: list[list[str]] = []
    at = 0
    while at < len(words) and len(found) < MAX_UNITS:
        for length in range(min(4, len(words) - at), 0, -1):
            phrase = " ".join(words[at : at + length])
            if phrase in synonyms:
                found.append([phrase, synonyms[phrase]])
                at += length
                break
        else:
            found.append([words[at]])
            at += 1
    return found


def _phrases(words: list[str]) -> set[str]:
    return {
        " ".join(words[start : start + length])
        for start in range(len(words))
        for length in range(1, 5)
        if start + length <= len(words)
    }


def search(query: str, *, kind: str = "", condition=None):
    """Entries matching the query, best first, as a QuerySet (ready to paginate).
    A condition's guide comes first when the query names the condition."""
    wanted = units(query)
    if not wanted:
        return Entry.objects.none()
    entries = Entry.objects.select_related("condition").annotate(named=_names(wanted))
    if kind:
        entries = entries.filter(kind=kind)
    if condition is not None:
        entries = entries.filter(condition=condition)
    if connection.vendor == "postgresql":
        ts_query = reduce(
            and_,
            (
                reduce(or_, (SearchQuery(alt, config=SEARCH_CONFIG) for alt in unit))
                for unit in wanted
            ),
        )
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
            .order_by("-named", "-rank", "title")
        )
    match = fts_match(wanted)
    return (
        entries.filter(
            pk__in=RawSQL(
                "SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s", [match]
            )
        )
        .annotate(
            # bm25 weighs title, summary and body as PostgreSQL's A, B and C do; it is
            # better when lower, so rank is its negative, as PostgreSQL's is.
            rank=RawSQL(
                "(SELECT -bm25(search_entry_fts, 10.0, 4.0, 1.0) FROM search_entry_fts"
                " WHERE search_entry_fts MATCH %s AND rowid = search_entry.id)",
                [match],
            ),
            headline=RawSQL(
                "(SELECT snippet(search_entry_fts, 2, %s, %s, '…', 30) FROM search_entry_fts"
                " WHERE search_entry_fts MATCH %s AND rowid = search_entry.id)",
                [START, STOP, match],
            ),
        )
        .order_by("-named", "-rank", "title")
    )


def fts_match(wanted: list[list[str]]) -> str:
    """An FTS5 query: every unit, each any of its alternatives. Words are quoted
    (they hold only letters and digits), so nothing typed is FTS5 syntax; an
    alternative of several words matches them close together ("Bell's palsy" is
    three tokens to FTS5: bell, s, palsy)."""

    def alternative(phrase: str) -> str:
        words = [f'"{word}"' for word in phrase.split()]
        return words[0] if len(words) == 1 else f"NEAR({' '.join(words)}, 2)"

    return " AND ".join(
        "(" + " OR ".join(alternative(phrase) for phrase in unit) + ")" for unit in wanted
    )


def _names(wanted: list[list[str]]) -> Case:
    """1 for the entry of a condition the query names (by its name, or a synonym of it)."""
    said = {" ".join(unit[0] for unit in wanted)} | {alt for unit in wanted for alt in unit}
    named = [
        name
        for name in Condition.objects.values_list("name", flat=True)
        if any(re.search(rf"\b{re.escape(normalize(name))}\b", text) for text in said)
    ]
    return Case(
        When(kind=Entry.Kind.CONDITION, title__in=named, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


def snippet(entry: Entry, query: str) -> str:
    """A short, safe excerpt with the matching words marked, cut between words."""
    headline = getattr(entry, "headline", None) or entry.summary
    # Escaped first, so nothing a writer typed becomes markup; then our marks.
    marked = escape(headline).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 - everything but our own <mark> tags is escaped


def suggestion(query: str) -> str | None:
    """What the reader probably meant: the condition or synonym their whole query
    is closest to, or else the query with misspelt words corrected, as long as
    that finds something. Never a blend of two conditions' names."""
    typed = normalize(query)
    if not typed:
        return None
    names = Condition.objects.values_list("name", flat=True)
    phrases = {normalize(name): name.lower() for name in names}
    phrases |= {term: term for term in Synonym.objects.values_list("term", flat=True)}
    if typed in phrases:
        return None
    closest = difflib.get_close_matches(typed, list(phrases), n=1, cutoff=0.75)
    if closest:
        return phrases[closest[0]]
    words = WORD.findall(query)
    known = set(
        Word.objects.filter(word__in=[w.lower() for w in words]).values_list("word", flat=True)
    )
    corrected, changed = query, False
    for word in words:
        if word.lower() in known:
            continue
        if found := _closest(word.lower()):
            corrected = re.sub(rf"\b{re.escape(word)}\b", found, corrected)
            changed = True
    if not changed or _blends_conditions(corrected) or not search(corrected).exists():
        return None
    return corrected


def _blends_conditions(text: str) -> bool:
    """Does `text` take words from the names of two different conditions?"""
    words = set(normalize(text).split())
    named = {
        name
        for name in Condition.objects.values_list("name", flat=True)
        if words & set(normalize(name).split())
    }
    return len(named) > 1


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
