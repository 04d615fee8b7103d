"""Arrows run one way: which app may import which (ARCHITECTURE.md).

`empower/` is the base every app may use and knows no app (its URLconf only
combines what the apps offer); `articles/` knows none of the others; the
moderation machinery in `comments/` is shared with `community/`.
"""

import ast
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
APPS = {"articles", "comments", "community", "newsletter", "search", "staff"}
MAY_IMPORT = {
    "empower": set(),
    "articles": set(),
    "comments": {"articles", "newsletter"},
    "community": {"articles", "comments", "newsletter"},
    "newsletter": {"articles"},
    "search": {"articles", "community"},
    "staff": set(),
}
# The URLconf is where the apps meet, as in djangoproject.com's.
MEETING_POINTS = {"empower/urls.py"}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_each_package_imports_only_the_apps_it_may_know(package):
    wrong = {}
    for path in sorted((PROJECT / package).rglob("*.py")):
        relative = path.relative_to(PROJECT).as_posix()
        if "/migrations/" in relative or relative in MEETING_POINTS:
            continue
        forbidden = imported_packages(path) & (APPS - MAY_IMPORT[package] - {package})
        if forbidden:
            wrong[relative] = sorted(forbidden)
    assert wrong == {}


def test_the_check_sees_an_import_that_breaks_the_rule(tmp_path):
    breaking = tmp_path / "views.py"
    breaking.write_text("from comments.models import Comment\nimport newsletter.tasks\n")
    assert imported_packages(breaking) >= {"comments", "newsletter"}


def test_no_template_line_is_longer_than_120_characters():
    long_lines = [
        f"{path.relative_to(PROJECT)}:{number}"
        for path in sorted((PROJECT / "templates").rglob("*.*"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if len(line) > 120
    ]
    assert long_lines == []


def test_every_model_is_named_with_a_real_plural_in_the_admin():
    import re

    from django.apps import apps

    wrong = [
        f"{model._meta.label}: {model._meta.verbose_name_plural}"
        for model in apps.get_models()
        if model._meta.app_label in APPS
        and re.search(r"[^aeiou]y$", str(model._meta.verbose_name))
        and str(model._meta.verbose_name_plural) == f"{model._meta.verbose_name}s"
    ]
    assert wrong == []
