"""An article's history: who did what, to which revision, and when."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise as StrPromise
from django.utils.translation import gettext_lazy as _

from empower.records import Record

if TYPE_CHECKING:
    from articles.models.revisions import Revision


class ArticleEvent(Record):
    """One step in an article's history: who did what, to which revision, and when."""

    changed_message = _("History cannot be changed.")

    class Action(models.TextChoices):
        CREATED = "created", _("created a revision")
        STARTED = "started", _("started a new revision from the live text")
        EDITED = "edited", _("edited")
        SUBMITTED = "submitted", _("submitted for review")
        SENT_BACK = "sent_back", _("sent back")
        APPROVED = "approved", _("approved")
        SCHEDULED = "scheduled", _("scheduled")
        PUBLISHED = "published", _("published")
        UNPUBLISHED = "unpublished", _("unpublished")
        CANCELLED = "cancelled", _("cancelled the schedule")
        DETAILS = "details", _("changed the details")

    # Starting a revision copies the live text word for word: it writes nothing,
    # so the nurse who starts one from reader feedback may still approve it.
    AUTHORING = [Action.CREATED, Action.EDITED]

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="events")
    revision = models.ForeignKey("Revision", on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the scheduler did it."),
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        indexes = [
            models.Index(fields=["article", "-at"], name="event_article_idx"),
            models.Index(fields=["revision", "action"], name="event_revision_action_idx"),
        ]

    def __str__(self):
        who = self.actor.get_full_name() if self.actor else _("The scheduler")
        return f"{who} {self.get_action_display()}"

    @classmethod
    def record(
        cls, revision: "Revision", actor, action: str, note: "str | StrPromise" = ""
    ) -> "ArticleEvent":
        return cls.objects.create(
            article_id=revision.article_id,
            revision=revision,
            actor=actor,
            action=action,
            note=str(note),
        )
