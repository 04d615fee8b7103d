"""What each staff role may do with reader-written content."""

from empower.roles import EDITORS, MODERATORS, NURSE_REVIEWERS

MODERATION_PERMISSIONS = [
    "comments.view_comment",
    "comments.moderate_comment",
    "comments.view_blockedphrase",
    "comments.add_blockedphrase",
    "comments.change_blockedphrase",
    "comments.delete_blockedphrase",
    "comments.view_refusal",
    "comments.view_crisisterm",
    "comments.add_crisisterm",
    "comments.change_crisisterm",
    "comments.delete_crisisterm",
]

# Readers' feedback on a page goes to the people who can fix the page.
FEEDBACK_PERMISSIONS = ["comments.view_feedback", "comments.change_feedback"]

ROLE_PERMISSIONS = {
    MODERATORS: MODERATION_PERMISSIONS,
    # Editors moderate too, and reply to comments as staff.
    EDITORS: [*MODERATION_PERMISSIONS, "comments.add_comment", *FEEDBACK_PERMISSIONS],
    # Nurse reviewers reply to comments with their credentials.
    NURSE_REVIEWERS: ["comments.view_comment", "comments.add_comment", *FEEDBACK_PERMISSIONS],
}
