"""Reviews that don't lapse silently: reviewers and editors are emailed, a digest a
day at most, when an article's review is nearly due and when it has lapsed."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse

from articles import emails
from articles.models import Article, ReminderEmail, ReminderKind, ReviewReminder, reminder_kind
from empower.roles import EDITORS, NURSE_REVIEWERS


@dataclass(frozen=True)
class Reminder:
    """One line of someone's email: an article, what is due, and the step that
    starts its re-review for this person."""

    article: Article
    kind: str
    due_on: date
    as_editor: bool

    @property
    def lapsed(self) -> bool:
        return self.kind == ReminderKind.LAPSED

    @property
    def action(self) -> str:
        return "Start a new revision" if self.as_editor else "Review it again"

    @property
    def url(self) -> str:
        """An editor starts a new draft; a reviewer approves the live text again."""
        if self.as_editor:
            path = reverse("admin:articles_article_step", args=[self.article.pk, "start_revision"])
        else:
            revision = self.article.published_revision_id
            path = reverse("admin:articles_revision_step", args=[revision, "approve"])
        return settings.SITE_URL + path


def _team(role: str) -> dict:
    """Active members of a role who can be emailed, by id."""
    members = get_user_model().objects.filter(groups__name=role, is_active=True).exclude(email="")
    return {user.pk: user for user in members.distinct()}


def _recipients(article, reviewers: dict, editors: dict) -> Iterable[tuple]:
    """(person, as_editor) for an article: its editor, or every editor once its own
    has left; and the nurse who reviewed its live text, if still a reviewer."""
    own = editors.get(article.editor_id)
    people = {user.pk: (user, True) for user in ([own] if own else editors.values())}
    reviewer = reviewers.get(article.last_reviewer)
    if reviewer is not None:
        people.setdefault(reviewer.pk, (reviewer, False))
    return people.values()


def reminders_due(today: date) -> dict:
    """Each person to email today, with their reminders: what they were not told
    yet, for everyone not emailed already today."""
    reviewers, editors = _team(NURSE_REVIEWERS), _team(EDITORS)
    articles = list(Article.objects.review_reminders_due(today))
    told = set(
        ReviewReminder.objects.filter(article__in=articles).values_list(
            "recipient", "article", "kind", "due_on"
        )
    )
    emailed_today = set(
        ReminderEmail.objects.filter(sent_on=today).values_list("recipient", flat=True)
    )
    due = defaultdict(list)
    for article in articles:
        due_on = article.next_review_due
        kind = reminder_kind(due_on, today) if due_on else None
        if due_on is None or kind is None:
            continue  # the query leaves these out
        for user, as_editor in _recipients(article, reviewers, editors):
            if user.pk not in emailed_today and (user.pk, article.pk, kind, due_on) not in told:
                due[user].append(Reminder(article, kind, due_on, as_editor))
    return dict(due)


def remind(user, reminders: list[Reminder], today: date) -> bool:
    """Record and send one person's email of the day. Recorded first, under the
    constraints, so a second run, even one at the same moment, sends nothing; a
    failed send records nothing, so the next run tries again."""
    try:
        with transaction.atomic():
            email = ReminderEmail.objects.create(recipient=user, sent_on=today)
            ReviewReminder.objects.bulk_create(
                ReviewReminder(
                    email=email,
                    recipient=user,
                    article=reminder.article,
                    kind=reminder.kind,
                    due_on=reminder.due_on,
                )
                for reminder in reminders
            )
            emails.send_review_reminder(user, reminders, today)
    except IntegrityError:
        return False  # another run emailed them a moment ago
    return True


def send_review_reminders(today: date) -> int:
    """The daily job: how many people were emailed."""
    return sum(remind(user, reminders, today) for user, reminders in reminders_due(today).items())
