"""The editorial workflow's rules: a revision's states, and who may take each step from which.

The step methods (on Article and Revision) refuse with these tables, and
`available_steps(user)` answers from them, so the admin never keeps a copy."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from empower.steps import StepRule


class WorkflowError(ValidationError):
    """A workflow step that is not allowed: wrong state, wrong person, or missing review."""


class RevisionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    SENT_BACK = "sent_back", _("Sent back")
    APPROVED = "approved", _("Approved")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    SUPERSEDED = "superseded", _("Superseded")


OPEN_STATES = [RevisionState.DRAFT, RevisionState.SENT_BACK, RevisionState.IN_REVIEW]
EDITABLE_STATES = [RevisionState.DRAFT, RevisionState.SENT_BACK]
START_REVISION = "articles.add_revision"
PUBLISH = "articles.publish_revision"
REVIEW = "articles.review_revision"

# Who may take each step of a revision, and from which states. An approved,
# scheduled, published or unpublished revision may be approved again: that
# renews its review.
REVISION_STEPS = {
    "submit": StepRule.of("articles.submit_revision", EDITABLE_STATES),
    "approve": StepRule.of(
        REVIEW,
        [
            RevisionState.IN_REVIEW,
            RevisionState.APPROVED,
            RevisionState.SCHEDULED,
            RevisionState.PUBLISHED,
            RevisionState.UNPUBLISHED,
        ],
    ),
    "send_back": StepRule.of(REVIEW, [RevisionState.IN_REVIEW]),
    "publish": StepRule.of(
        PUBLISH, [RevisionState.APPROVED, RevisionState.SCHEDULED, RevisionState.UNPUBLISHED]
    ),
    "cancel_schedule": StepRule.of(PUBLISH, [RevisionState.SCHEDULED]),
}
CONTENT_FIELDS = {"title", "summary", "key_points", "body", "body_html"}


def can_start_revision(user) -> bool:
    """Editors, and nurse reviewers acting on what readers tell them."""
    return user.has_perm(START_REVISION) or user.has_perm(REVIEW)


def require_permission(user, permission: str, message) -> None:
    if not user.has_perm(permission):
        raise WorkflowError(message, code="permission_denied")
