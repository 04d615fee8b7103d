"""How hard a revision is to read, by the standard measures (textstat), with what to fix.

Health bodies ask for patient material at a US school grade of 6 to 8. The
measures count words per sentence and syllables per word, so the long
sentences and the many-syllable words are what an editor can change.
"""

import re
from dataclasses import dataclass

import textstat
from django.conf import settings
from django.utils.html import strip_tags

from empower.markup import IMAGE_MARKER, render_markdown

# Headings, list items and table cells end a thought without a full stop.
BLOCK_END = re.compile(r"</(p|li|h[2-6]|td|th|dt|dd|blockquote)>", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SHOWN = 3  # longest sentences shown
HARD_WORDS_SHOWN = 8
HARD_WORD_SYLLABLES = 4


@dataclass(frozen=True)
class ReadingLevel:
    grade: float  # Flesch–Kincaid grade level
    smog: float  # SMOG grade, the measure health literacy guidance favours
    ease: float  # Flesch reading ease, 0–100, higher is easier
    words: int
    longest_sentences: tuple[str, ...]
    hard_words: tuple[str, ...]  # the words with most syllables, most used first

    @property
    def target(self) -> int:
        return settings.READING_GRADE_TARGET

    @property
    def above_target(self) -> bool:
        return self.grade > self.target


def plain_text(markdown_text: str) -> str:
    """The words a reader reads, one block per line, each ending a sentence."""
    html = " ".join(IMAGE_MARKER.sub("", str(render_markdown(markdown_text))).split())
    lines = (line.strip() for line in strip_tags(BLOCK_END.sub("\n", html)).splitlines())
    return "\n".join(line if line[-1] in ".!?:" else f"{line}." for line in lines if line)


def sentences(text: str) -> list[str]:
    return [sentence for line in text.splitlines() for sentence in SENTENCE_END.split(line)]


def hard_words(text: str) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for word in WORD.findall(text):
        key = word.lower()
        if textstat.syllable_count(key) >= HARD_WORD_SYLLABLES:
            counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts, key=lambda key: (-counts[key], key))
    return tuple(ranked[:HARD_WORDS_SHOWN])


def reading_level(*texts: str) -> ReadingLevel:
    text = "\n".join(plain_text(part) for part in texts if part.strip())
    if not WORD.search(text):
        return ReadingLevel(0.0, 0.0, 100.0, 0, (), ())
    longest = sorted(sentences(text), key=lambda sentence: -len(WORD.findall(sentence)))
    return ReadingLevel(
        grade=round(textstat.flesch_kincaid_grade(text), 1),
        smog=round(textstat.smog_index(text), 1),
        ease=round(textstat.flesch_reading_ease(text), 1),
        words=len(WORD.findall(text)),
        longest_sentences=tuple(longest[:SHOWN]),
        hard_words=hard_words(text),
    )
