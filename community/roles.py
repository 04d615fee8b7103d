"""What each staff role may do in the community."""

from articles.roles import EDITORS, NURSE_REVIEWERS
from comments.roles import MODERATORS

MODERATION = [
    "community.view_question",
    "community.moderate_question",
    "community.view_answer",
    "community.moderate_answer",
]

ROLE_PERMISSIONS = {
    MODERATORS: MODERATION,
    EDITORS: [*MODERATION, "community.add_answer"],
    # Nurse reviewers give expert answers.
    NURSE_REVIEWERS: ["community.view_question", "community.view_answer", "community.add_answer"],
}
