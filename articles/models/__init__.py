"""The articles app's data and rules, a module per idea: conditions; the editorial
workflow (its rules, articles, revisions and their history); reviews and the
reminders that they are due; references and the checks of their addresses; ratings;
pages; old addresses."""

from articles.models.articles import Article, ArticleQuerySet, create_article
from articles.models.conditions import Condition, ConditionQuerySet, published_q
from articles.models.events import ArticleEvent
from articles.models.old_slugs import OldSlug, get_by_slug_or_404
from articles.models.pages import Page
from articles.models.profiles import StaffProfile, StaffProfileQuerySet
from articles.models.ratings import Rating, RatingSummary
from articles.models.references import LinkCheck, Reference, ReferenceQuerySet, end_sentence
from articles.models.reminders import ReminderEmail, ReminderKind, ReviewReminder, reminder_kind
from articles.models.reviews import Review, review_due_on, review_interval_months
from articles.models.revisions import Revision, RevisionQuerySet
from articles.models.workflow import (
    CONTENT_FIELDS,
    EDITABLE_STATES,
    OPEN_STATES,
    PUBLISH,
    REVIEW,
    REVISION_STEPS,
    START_REVISION,
    RevisionState,
    WorkflowError,
)

__all__ = [
    "CONTENT_FIELDS",
    "EDITABLE_STATES",
    "OPEN_STATES",
    "PUBLISH",
    "REVIEW",
    "REVISION_STEPS",
    "START_REVISION",
    "Article",
    "ArticleEvent",
    "ArticleQuerySet",
    "Condition",
    "ConditionQuerySet",
    "LinkCheck",
    "OldSlug",
    "Page",
    "Rating",
    "RatingSummary",
    "Reference",
    "ReferenceQuerySet",
    "ReminderEmail",
    "ReminderKind",
    "Review",
    "ReviewReminder",
    "Revision",
    "RevisionQuerySet",
    "RevisionState",
    "StaffProfile",
    "StaffProfileQuerySet",
    "WorkflowError",
    "create_article",
    "end_sentence",
    "get_by_slug_or_404",
    "published_q",
    "reminder_kind",
    "review_due_on",
    "review_interval_months",
]
