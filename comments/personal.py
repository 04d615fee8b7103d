"""Personal details in what readers write: phone numbers, email addresses, street
addresses, names with a title ("Dr Smith"). Moderators see them highlighted and
may remove them before anyone else reads the post.

Patterns lean towards precision: a date, a dose or a year is not a phone number.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

KINDS = {
    "phone": "phone number",
    "email": "email address",
    "address": "street address",
    "doctor": "doctor's name",
    "name": "name with a title",
    "other": "other detail",
}

_SEP = r"[ .-]"  # never a line break: a match stays on one line
PHONE = re.compile(
    rf"""(?<![\w+/.,])(?:
        \+\d{{1,3}}{_SEP}?(?:\(0\){_SEP}?)?\d{{1,4}}(?:{_SEP}?\d{{2,4}}){{2,4}}  # +44 7700 900123
      | \(?0\d{{2,4}}\)?{_SEP}?\d{{3,4}}{_SEP}?\d{{3,4}}                      # 020 7946 0958
      | \(?\d{{3}}\)?{_SEP}?\d{{3}}{_SEP}\d{{4}}                              # (555) 123-4567
    )(?![\w/])""",
    re.X,
)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
STREET_WORDS = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way|Court|Ct|Crescent|Cres"
    "|Place|Pl|Grove|Gardens|Terrace|Square|Sq|Boulevard|Blvd|Row|Walk|Mews|Hill"
)
ADDRESS = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?,?[ \t]+(?:[A-Z][\w'’-]*[ \t]+){{1,3}}(?i:{STREET_WORDS})\b"
    # A UK postcode says where someone lives as plainly.
    r"|\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[ABD-HJLNP-UW-Z]{2}\b"
)
DOCTOR = re.compile(r"\b(?:Dr|Doctor|Prof|Professor)\.?[ \t]+[A-Z][\w'’-]*[a-z]\b")
TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+[A-Z][\w'’-]*[a-z]\b")
PATTERNS = [("email", EMAIL), ("phone", PHONE), ("address", ADDRESS),
            ("doctor", DOCTOR), ("name", TITLED)]  # fmt: skip


def _digits(text: str) -> int:
    return sum(character.isdigit() for character in text)


@dataclass(frozen=True)
class Detail:
    """One personal detail found in one field of a post."""

    kind: str
    field: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return KINDS[self.kind]

    @property
    def key(self) -> str:
        """How a moderator's checkbox names it (never the text itself)."""
        return f"{self.field}:{self.start}:{self.end}"


def find(text: str, field: str = "body") -> list[Detail]:
    """The personal details in `text`, in order, never overlapping (a longer match
    wins: "12 Harley Dr" is an address, not a doctor)."""
    found = [
        Detail(kind, field, match.start(), match.end(), match.group())
        for kind, pattern in PATTERNS
        for match in pattern.finditer(text)
        if kind != "phone" or 9 <= _digits(match.group()) <= 15
    ]
    return without_overlaps(found)


def without_overlaps(details: list[Detail]) -> list[Detail]:
    """In each field, the first of overlapping details (the longer one when they start together)."""
    kept: list[Detail] = []
    for detail in sorted(details, key=lambda d: (d.field, d.start, d.start - d.end)):
        if not kept or kept[-1].field != detail.field or detail.start >= kept[-1].end:
            kept.append(detail)
    return kept


def find_text(text: str, wanted: str, field: str = "body") -> list[Detail]:
    """Every place a moderator's own choice of words appears (ignoring case)."""
    if not wanted.strip():
        return []
    pattern = re.compile(re.escape(wanted.strip()), re.I)
    return [Detail("other", field, m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def flag(details: list[Detail]) -> str:
    """The queue's note: which kinds were found, never the details themselves."""
    kinds = dict.fromkeys(detail.label for detail in details)
    return "personal details: " + ", ".join(kinds)


def masked(text: str) -> str:
    """The text with each detail replaced by its kind, for emails that quote a post."""
    for detail in reversed(find(text)):
        text = f"{text[: detail.start]}[{detail.label}]{text[detail.end :]}"
    return text


def highlighted(text: str, details: list[Detail]) -> SafeString:
    """The text with each detail in <mark>; everything the reader wrote escaped."""
    pieces, at = [], 0
    for detail in sorted(details, key=lambda detail: detail.start):
        pieces.append(escape(text[at : detail.start]))
        pieces.append(format_html('<mark title="{}">{}</mark>', detail.label, detail.text))
        at = detail.end
    pieces.append(escape(text[at:]))
    # Every piece is escaped (or built by format_html) above.
    return mark_safe("".join(pieces))  # noqa: S308
