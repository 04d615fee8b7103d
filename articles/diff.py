"""What changed between two revisions, line by line, for reviewers."""

import difflib
from dataclasses import dataclass


@dataclass
class Line:
    kind: str  # "same", "added" or "removed"
    text: str


@dataclass
class FieldChange:
    label: str
    lines: list[Line]

    @property
    def changed(self) -> bool:
        return any(line.kind != "same" for line in self.lines)


def diff_lines(before: list[str], after: list[str]) -> list[Line]:
    kinds = {" ": "same", "+": "added", "-": "removed"}
    return [
        Line(kinds[entry[0]], entry[2:])
        for entry in difflib.ndiff(before, after)
        if entry[0] in kinds
    ]


def revision_changes(base, revision) -> list[FieldChange]:
    def references(r):
        return [reference.citation for reference in r.references.all()]

    return [
        FieldChange("Title", diff_lines([base.title], [revision.title])),
        FieldChange("Summary", diff_lines([base.summary], [revision.summary])),
        FieldChange(
            "Key points",
            diff_lines(base.key_points.splitlines(), revision.key_points.splitlines()),
        ),
        FieldChange("Body", diff_lines(base.body.splitlines(), revision.body.splitlines())),
        FieldChange("References", diff_lines(references(base), references(revision))),
    ]
