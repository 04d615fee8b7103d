"""Questions like a text: "Has someone asked this already?" and each question's
related questions.

The words are matched in the search index, which the search app owns: it may
know community, never the reverse (tests/test_architecture.py). So it registers
its finder here when it starts, as apps register their hooks with empower.
Whatever the finder answers, only approved, open questions are ever shown.
"""

from collections.abc import Callable

from articles.models import Condition
from community.models import Question

# finder(text, condition=..., exclude=..., limit=...) -> question ids, best first.
Finder = Callable[..., list[int]]
_finders: list[Finder] = []

RELATED = 5


def register_finder(finder: Finder) -> None:
    if finder not in _finders:
        _finders.append(finder)


def similar_questions(
    text: str, *, condition: Condition | None = None, exclude: int | None = None, limit: int = 5
) -> list[Question]:
    """Approved, open questions whose words are like `text`, best first (in two
    queries, or none without a finder). `condition` narrows them to one."""
    ids = _finders[0](text, condition=condition, exclude=exclude, limit=limit) if _finders else []
    if not ids:
        return []
    found = {
        question.pk: question for question in Question.objects.for_listing().filter(pk__in=ids)
    }
    return [found[pk] for pk in ids if pk in found][:limit]


def related_questions(question: Question, limit: int = RELATED) -> list[Question]:
    """Questions of the same condition with similar words, then the newest of the
    same condition to make up the number: a few queries, however many there are."""
    related = similar_questions(
        question.title, condition=question.condition, exclude=question.pk, limit=limit
    )
    if len(related) < limit:
        shown = [question.pk, *(other.pk for other in related)]
        newest = (
            Question.objects.for_listing()
            .filter(condition=question.condition)
            .exclude(pk__in=shown)
        )
        related += newest[: limit - len(related)]
    return related
