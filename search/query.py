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
        if normalize(synonym.means)  # a synonym that says nothing adds nothing
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
    """Entries matching the query, best first, ready to paginate (a QuerySet on
    PostgreSQL, FtsResults on SQLite). A condition's guide comes first when the
    query names the condition."""
    wanted = units(query)
    if not wanted:
        return Entry.objects.none()
    if connection.vendor != "postgresql":
        return FtsResults(fts_match(wanted), _named(wanted), kind=kind, condition=condition)
    named = Case(
        When(kind=Entry.Kind.CONDITION, title__in=_named(wanted), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    entries = Entry.objects.select_related("condition").annotate(named=named)
    if kind:
        entries = entries.filter(kind=kind)
    if condition is not None:
        entries = entries.filter(condition=condition)
    ts_query = reduce(
        and_,
        (reduce(or_, (SearchQuery(alt, config=SEARCH_CONFIG) for alt in unit)) for unit in wanted),
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


class FtsResults:
    """SQLite's results, in the shape a Paginator wants: one FTS5 pass ranks every
    match (bm25 weighs title, summary and body as PostgreSQL's A, B and C do); the
    entries and their snippets are read only for the page shown."""

    def __init__(self, match: str, named: list[str], *, kind: str = "", condition=None):
        self.match = match
        where, params = ["search_entry_fts MATCH %s"], [match]
        if kind:
            where.append("e.kind = %s")
            params.append(kind)
        if condition is not None:
            where.append("e.condition_id = %s")
            params.append(condition.pk)
        names = ", ".join(["%s"] * len(named)) or "NULL"
        # Our own SQL around placeholders: every value is a parameter.
        sql = (
            "SELECT e.id FROM search_entry_fts"  # noqa: S608
            " JOIN search_entry e ON e.id = search_entry_fts.rowid"
            f" WHERE {' AND '.join(where)}"
            f" ORDER BY (e.kind = %s AND e.title IN ({names})) DESC,"
            " bm25(search_entry_fts, 10.0, 4.0, 1.0), e.title"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, Entry.Kind.CONDITION, *named])
            self.ids = [row[0] for row in cursor.fetchall()]

    def count(self) -> int:
        return len(self.ids)

    __len__ = count

    def exists(self) -> bool:
        return bool(self.ids)

    def __iter__(self):
        return iter(self._entries(self.ids))

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._entries(self.ids[index])
        return self._entries([self.ids[index]])[0]

    def _entries(self, ids: list[int]) -> list[Entry]:
        found = Entry.objects.select_related("condition").in_bulk(ids)
        marks = ", ".join(["%s"] * len(ids)) or "NULL"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, snippet(search_entry_fts, 2, %s, %s, '…', 30)"  # noqa: S608
                " FROM search_entry_fts"
                f" WHERE search_entry_fts MATCH %s AND rowid IN ({marks})",
                [START, STOP, self.match, *ids],
            )
            headlines = dict(cursor.fetchall())
        entries = [found[pk] for pk in ids if pk in found]
        for entry in entries:
            entry.headline = headlines.get(entry.pk, "")  # type: ignore[attr-defined]
        return entries


def fts_match(wanted: list[list[str]]) -> str:
    """An FTS5 query: every unit, each any of its alternatives. Words are quoted
    (they hold only letters and digits), so nothing typed is FTS5 syntax; an
    alternative of several words matches them close together ("Bell's palsy" is
    three tokens to FTS5: bell, s, palsy)."""

    return " AND ".join(
        "(" + " OR ".join(_fts_phrase(phrase) for phrase in unit) + ")" for unit in wanted
    )


def _fts_phrase(phrase: str) -> str:
    words = [f'"{word}"' for word in phrase.split()]
    return words[0] if len(words) == 1 else f"NEAR({' '.join(words)}, 2)"


# Words too common to make two questions alike (PostgreSQL's "english" drops some
# of them, SQLite's FTS5 none): the rest are matched with OR, ranked by how many.
_COMMON = (
    "about after again also and any are because been before being but can cannot could "
    "did does doing during every for from get gets getting got had has have having her "
    "his how into its just make makes more most much not now off one only other our out "
    "really should some still than that the their them then there these they this those "
    "too very was way were what when where which while who why will with would you your"
)
COMMON_WORDS = frozenset(_COMMON.split())


def similar_question_ids(
    text: str, *, condition=None, exclude: int | None = None, limit: int = 5
) -> list[int]:
    """The ids of indexed questions sharing the text's telling words, best first:
    for "Has someone asked this already?" (community.similar). Anything typed is
    safe here: cleaned like a search, then only letters and digits remain."""
    wanted = [
        unit
        for unit in units(clean(text))
        if len(unit) > 1 or (len(unit[0]) > 2 and unit[0] not in COMMON_WORDS)
    ]
    if not wanted:
        return []
    alternatives = [phrase for unit in wanted for phrase in unit]
    if connection.vendor != "postgresql":
        return _fts_similar(" OR ".join(map(_fts_phrase, alternatives)), condition, exclude, limit)
    ts_query = reduce(or_, (SearchQuery(alt, config=SEARCH_CONFIG) for alt in alternatives))
    entries = Entry.objects.filter(kind=Entry.Kind.QUESTION, search_vector=ts_query)
    if condition is not None:
        entries = entries.filter(condition=condition)
    if exclude is not None:
        entries = entries.exclude(object_id=exclude)
    ranked = entries.annotate(rank=SearchRank(F("search_vector"), ts_query))
    return list(ranked.order_by("-rank", "-object_id").values_list("object_id", flat=True)[:limit])


def _fts_similar(match: str, condition, exclude: int | None, limit: int) -> list[int]:
    where = ["search_entry_fts MATCH %s", "e.kind = %s"]
    params: list[str | int] = [match, Entry.Kind.QUESTION]
    if condition is not None:
        where.append("e.condition_id = %s")
        params.append(condition.pk)
    if exclude is not None:
        where.append("e.object_id <> %s")
        params.append(exclude)
    # Our own SQL around placeholders: every value is a parameter.
    sql = (
        "SELECT e.object_id FROM search_entry_fts"  # noqa: S608
        " JOIN search_entry e ON e.id = search_entry_fts.rowid"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY bm25(search_entry_fts, 10.0, 4.0, 1.0), e.object_id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [row[0] for row in cursor.fetchall()]


def _named(wanted: list[list[str]]) -> list[str]:
    """The names of the conditions the query names (by name, or a synonym of it)."""
    said = {" ".join(unit[0] for unit in wanted)} | {alt for unit in wanted for alt in unit}
    return [
        name
        for name in Condition.objects.values_list("name", flat=True)
        if any(re.search(rf"\b{re.escape(normalize(name))}\b", text) for text in said)
    ]


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
    names = list(Condition.objects.values_list("name", flat=True))
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
    candidates: list[str] = []
    for word in words:
        if word.lower() in known:
            continue
        if connection.vendor != "postgresql" and not candidates:
            candidates = list(Word.objects.values_list("word", flat=True))
        if found := _closest(word.lower(), candidates):
            corrected = re.sub(rf"\b{re.escape(word)}\b", found, corrected)
            changed = True
    if not changed or _blends_conditions(corrected, names) or not search(corrected).exists():
        return None
    return corrected


def _blends_conditions(text: str, names: list[str]) -> bool:
    """Does `text` take words from two of these conditions' names?"""
    words = set(normalize(text).split())
    named = {name for name in names if words & set(normalize(name).split())}
    return len(named) > 1


def _closest(word: str, candidates: list[str]) -> str | None:
    if connection.vendor == "postgresql":
        return (
            Word.objects.annotate(similarity=TrigramSimilarity("word", word))
            .filter(similarity__gte=0.3)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)
    return matches[0] if matches else None
