"""One search index for everything readers can find: published articles, conditions,
approved community questions.

Only what readers may see is ever indexed (the live revision of an article,
approved questions), so a search can't surface a draft. On PostgreSQL each
entry carries a weighted tsvector (title A, summary B, body C) with a GIN
index; on SQLite, the embedded default, an FTS5 table over the same rows (kept
in step by triggers, see migration 0003) does the same with bm25.
"""

import re

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.utils.translation import gettext_lazy as _

from articles.models import Condition

SEARCH_CONFIG = "english"
WORD = re.compile(r"\b[^\W\d_]{4,40}\b")  # words worth suggesting: 4 to 40 letters


class Entry(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        CONDITION = "condition", _("Condition guide")
        QUESTION = "question", _("Community question")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    url = models.CharField(max_length=300)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text=_("Plain text."))
    condition = models.ForeignKey(
        Condition, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField()
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name_plural = _("entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_entry_per_object")
        ]
        # The GIN index on search_vector is created by a PostgreSQL-only migration.

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


def normalize(text: str) -> str:
    """Lower case, apostrophes dropped ("Bell's" and "bells" are one word), anything
    else that is not a letter or digit a space: how queries and synonyms compare."""
    return " ".join(re.findall(r"[^\W_]+", re.sub(r"['’`]", "", text.lower())))


class Synonym(models.Model):
    """A word readers type for what our texts call something else: "botox" for
    "botulinum toxin". Searches for either find both."""

    term = models.CharField(
        _("what readers type"), max_length=100, unique=True, help_text=_("For example: botox")
    )
    means = models.CharField(
        _("what our texts say"), max_length=100, help_text=_("For example: botulinum toxin")
    )

    class Meta:
        ordering = ["term"]
        verbose_name = _("synonym")

    def __str__(self):
        return f"{self.term} → {self.means}"

    def save(self, *args, **kwargs):
        self.term = normalize(self.term)
        super().save(*args, **kwargs)

    def clean(self):
        # As searches compare it, so "Botox" and "botox" are one term.
        self.term = normalize(self.term)
        errors = {}
        if not self.term:
            errors["term"] = _("Write a word or two that readers type.")
        if not normalize(self.means):
            errors["means"] = _("Write the words our texts use.")
        if errors:
            raise ValidationError(errors)


class Word(models.Model):
    """Words from titles and condition names: what "Did you mean …?" can suggest."""

    word = models.CharField(max_length=60, unique=True)

    def __str__(self):
        return self.word


WEIGHTED_VECTOR = (
    SearchVector("title", weight="A", config=SEARCH_CONFIG)
    + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
    + SearchVector("body", weight="C", config=SEARCH_CONFIG)
)


@transaction.atomic
def index(kind: str, object_id: int, **fields) -> Entry:
    old_title = _title_of(kind, object_id)
    entry, _created = Entry.objects.update_or_create(
        kind=kind, object_id=object_id, defaults=fields
    )
    if connection.vendor == "postgresql":
        Entry.objects.filter(pk=entry.pk).update(search_vector=WEIGHTED_VECTOR)
    learn_words(fields["title"])
    forget_words(old_title)
    return entry


@transaction.atomic
def remove(kind: str, object_id: int) -> None:
    old_title = _title_of(kind, object_id)
    Entry.objects.filter(kind=kind, object_id=object_id).delete()
    forget_words(old_title)


def _title_of(kind: str, object_id: int) -> str:
    entry = Entry.objects.filter(kind=kind, object_id=object_id).values_list("title", flat=True)
    return entry.first() or ""


def learn_words(text: str) -> None:
    words = {word.lower() for word in WORD.findall(text)}
    Word.objects.bulk_create([Word(word=word) for word in words], ignore_conflicts=True)


def forget_words(text: str) -> None:
    """Words of a title that changed or left the index, unless another title still
    has them: "Did you mean …?" must not suggest a name a moderator removed."""
    for word in {word.lower() for word in WORD.findall(text)}:
        if not Entry.objects.filter(title__icontains=word).exists():
            Word.objects.filter(word=word).delete()
