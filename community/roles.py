"""What each staff role may do in the community."""

from empower.roles import EDITORS, MODERATORS, NURSE_REVIEWERS

MODERATION = [
    "community.view_question",
    "community.moderate_question",
    "community.view_answer",
    "community.moderate_answer",
]

ROLE_PERMISSIONS = {
    MODERATORS: MODERATION,
    EDITORS: [*MODERATION, "community.add_answer"],
    # Nurse reviewers give expert answers, and confirm nurses' answers are still right.
    NURSE_REVIEWERS: [
        "community.view_question",
        "community.view_answer",
        "community.add_answer",
        "community.confirm_answer",
    ],
}
