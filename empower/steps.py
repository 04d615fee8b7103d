"""Who may take a workflow step, and from which states: one table per model.

The model's step methods refuse with it and its `available_steps(user)` answers
with it (as Wagtail's `Task.get_actions` does), so the admin only draws what the
model says and never keeps a second copy of the rules.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class StepRule:
    permission: str
    states: frozenset[str]

    @classmethod
    def of(cls, permission: str, states: Iterable[str]) -> "StepRule":
        return cls(permission, frozenset(states))

    def allows(self, user, state: str) -> bool:
        return state in self.states and user.has_perm(self.permission)


def allowed_steps(rules: Mapping[str, StepRule], user, state: str) -> list[str]:
    """The names of the steps `user` may take from `state`, in the table's order."""
    return [name for name, rule in rules.items() if rule.allows(user, state)]


def lock_row(instance: models.Model) -> None:
    """Lock the row for this transaction and work from what is stored, not from
    what this object remembers: two editors clicking at once take turns."""
    instance.refresh_from_db(from_queryset=type(instance)._default_manager.select_for_update())
