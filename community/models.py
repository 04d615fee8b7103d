"""Ask the community: questions, answers from readers, and expert answers from staff.

Questions and answers are Moderated (comments/): held, approved, reported and
protected exactly like comments.
"""

from datetime import date, datetime, time, timedelta
from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models, transaction
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from articles.models import Condition, review_due_on
from comments.models import (
    Moderated,
    ModeratedQuerySet,
    ModerationError,
    StaffAuthored,
    Status,
)
from comments.staff import staff_identity
from empower.links import LinkKind, new_link_key
from empower.steps import lock_row

# The asker's private link, in each "new answer" email; it works for ASKER_LINK_DAYS.
ASKER_LINK = LinkKind("community.asker", "ASKER_LINK_DAYS")


class QuestionQuerySet(ModeratedQuerySet):
    def open(self):
        """Not closed as a duplicate: a closed question leaves every list."""
        return self.filter(closed_at=None)

    def for_listing(self):
        """Approved, open questions with their answer count and whether staff answered."""
        approved_answers = Answer.objects.filter(question=OuterRef("pk"), status=Status.APPROVED)
        return (
            self.approved()
            .open()
            .select_related("condition")
            # Lists show neither the question's text nor (ever) the asker's address.
            .defer("body", "author_email", "condition__overview", "condition__overview_html")
            .annotate(
                answer_count=Count("answers", filter=Q(answers__status=Status.APPROVED)),
                has_expert_answer=Exists(approved_answers.filter(is_expert=True)),
                has_nurse_answer=Exists(approved_answers.filter(by_nurse=True)),
            )
            .order_by("-created_at", "-pk")
        )

    def unanswered(self):
        return self.filter(answer_count=0)

    def answered_by_a_nurse(self):
        return self.filter(has_nurse_answer=True)


class Question(Moderated):
    title = models.CharField(_("your question"), max_length=150)
    slug = models.SlugField(max_length=160, editable=False)
    condition = models.ForeignKey(
        Condition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("condition"),
    )
    accepted_answer = models.ForeignKey(
        "Answer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    notify_asker = models.BooleanField(
        default=True, help_text=_("Email the asker when an answer is approved.")
    )
    link_key = models.CharField(max_length=24, default=new_link_key, editable=False)
    # Readers who asked to hear about new answers by email; they go with the question.
    follows = GenericRelation("newsletter.Follow")
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
        help_text=_("Closed as a duplicate of this question: its page points there."),
    )
    # Set when closed, and kept if the other question is ever deleted: it stays closed.
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("closed by"),
    )

    objects: ClassVar = QuestionQuerySet.as_manager()

    REDACTABLE = ("title", "body")

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_question", "Can approve, reject or mark questions as spam")]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="question_status_idx"),
            models.Index(
                fields=["condition", "status", "-created_at"], name="question_condition_idx"
            ),
            models.Index(fields=["author_email"], name="question_email_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.slug = slugify(self.title)[:160] or "question"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("community:question", kwargs={"pk": self.pk, "slug": self.slug})

    def follow_label(self) -> str:
        return f"New answers to “{self.title}”"

    def asker_url(self) -> str:
        """The asker's private link: accept an answer, stop emails. No account needed."""
        return reverse("community:asker", kwargs={"token": ASKER_LINK.make(self)})

    @classmethod
    def from_asker_token(cls, token: str, *, even_if_expired: bool = False) -> "Question":
        """The question this link was made for (LinkError if none, or too old)."""
        return ASKER_LINK.find(
            cls.objects.exclude(status=Status.SPAM), token, even_if_expired=even_if_expired
        )

    def accept(self, answer: "Answer") -> None:
        with transaction.atomic():
            if answer.question_id != self.pk or answer.status != Status.APPROVED:
                raise ModerationError(
                    _(
                        "Only a published answer to this question can be marked "
                        "as the one that helped."
                    ),
                    code="wrong_answer",
                )
            self.accepted_answer = answer
            self.save(update_fields=["accepted_answer"])

    STAFF_REPLY_PERMISSION = "community.add_answer"

    def answer_as_staff(self, user, body: str) -> "Answer":
        """An expert answer: published at once with the writer's name and credentials."""
        with transaction.atomic():
            if not user.has_perm(self.STAFF_REPLY_PERMISSION):
                raise ModerationError(
                    _("Only nurse reviewers and editors give expert answers."),
                    code="permission_denied",
                )
            if self.status != Status.APPROVED:
                raise ModerationError(
                    _("Approve the question before answering it."), code="not_public"
                )
            identity = staff_identity(user)
            answer = Answer.objects.create(
                question=self,
                body=body,
                is_expert=True,
                by_nurse=identity.is_nurse,
                credentials=identity.credentials,
                **Answer.written_by_staff(user),
            )
            answer.on_approved()
            return answer

    def stop_emails(self) -> None:
        self.notify_asker = False
        self.save(update_fields=["notify_asker"])

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def available_steps(self, user) -> list[str]:
        """Closing as a duplicate, for a moderator, on a published open question."""
        if self.is_public and not self.is_closed and user.has_perm(self.moderate_permission):
            return ["close_as_duplicate"]
        return []

    def close_as_duplicate_of(self, other: "Question", by) -> None:
        """A moderator says `other` asks the same: this page points there, and this
        question leaves the lists, the related questions and search. Questions
        closed as duplicates of this one now point to `other`, so no chain forms."""
        if not by.has_perm(self.moderate_permission):
            raise ModerationError(_("Only moderators can do that."), code="permission_denied")
        if other.pk == self.pk:
            raise ModerationError(
                _("A question can't be a duplicate of itself."), code="same_question"
            )
        with transaction.atomic():
            for question in sorted([self, other], key=lambda question: question.pk):
                lock_row(question)  # two moderators closing each into the other take turns
            self._check_can_close_into(other)
            self.duplicate_of, self.closed_at, self.closed_by = other, timezone.now(), by
            self.save(update_fields=["duplicate_of", "closed_at", "closed_by"])
            Question.objects.filter(duplicate_of=self).update(duplicate_of=other)

    def _check_can_close_into(self, other: "Question") -> None:
        if self.is_closed:
            raise ModerationError(_("This question is closed already."), code="already_closed")
        if not self.is_public:
            raise ModerationError(
                _("Only a published question is closed as a duplicate."), code="not_public"
            )
        if other.is_closed:
            raise ModerationError(
                _("“%(other)s” is itself closed as a duplicate (of question %(final)s): "
                  "choose that one."),
                code="closed_target",
                params={"other": other, "final": other.duplicate_of_id},
            )  # fmt: skip
        if not other.is_public:
            raise ModerationError(
                _("The other question must be published."), code="target_not_public"
            )


class AnswerQuerySet(ModeratedQuerySet):
    def for_question_page(self):
        """Approved answers: expert answers first, then the most helpful, then oldest."""
        return (
            self.approved()
            .annotate(helpful=Count("votes"))
            .order_by("-is_expert", "-helpful", "created_at", "pk")
        )

    def by_nurses(self):
        """Published expert answers by nurses: clinical advice, checked again like articles."""
        return self.approved().filter(is_expert=True, by_nurse=True)

    def out_of_date(self, today: date) -> list["Answer"]:
        """Nurses' expert answers that may be out of date (`Answer.may_be_out_of_date`),
        longest unchecked first. The query only leaves out those checked too recently
        for any interval to have run out (a month is at least 28 days)."""
        default = settings.ARTICLE_REVIEW_INTERVAL_MONTHS
        shortest = Condition.objects.aggregate(months=Min("review_interval_months"))["months"]
        months = min(shortest or default, default)
        start_of_day = datetime.combine(
            today - timedelta(days=28 * months), time(), timezone.get_current_timezone()
        )
        candidates = (
            self.by_nurses()
            .annotate(checked_at=Coalesce("confirmed_at", "created_at"))
            .filter(checked_at__lt=start_of_day)
            .select_related("question__condition")
            .defer(
                "question__body",
                "question__condition__overview",
                "question__condition__overview_html",
            )
            .order_by("checked_at", "pk")
        )
        return [answer for answer in candidates if answer.may_be_out_of_date(today)]


class Answer(StaffAuthored, Moderated):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    is_expert = models.BooleanField(
        default=False, help_text=_("Written by a nurse reviewer or an editor; listed first.")
    )
    by_nurse = models.BooleanField(default=False, editable=False)
    credentials = models.CharField(max_length=60, blank=True, editable=False)
    confirmed_at = models.DateTimeField(
        _("confirmed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When a nurse last confirmed that this expert answer is still right."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("confirmed by"),
    )
    # Claimed by the one task that emails the question's followers about it.
    followers_told = models.BooleanField(default=False, editable=False)

    objects: ClassVar = AnswerQuerySet.as_manager()

    CONFIRM_PERMISSION = "community.confirm_answer"

    class Meta:
        ordering = ["created_at", "pk"]
        permissions = [
            ("moderate_answer", "Can approve, reject or mark answers as spam"),
            ("confirm_answer", "Can confirm that a nurse's expert answer is still right"),
        ]
        indexes = [
            models.Index(fields=["question", "status"], name="answer_question_idx"),
            models.Index(fields=["status", "-created_at"], name="answer_status_idx"),
            models.Index(fields=["author_email"], name="answer_email_idx"),
        ]

    def __str__(self):
        return f"{self.author_name} on “{self.question}”"

    def get_absolute_url(self):
        return f"{self.question.get_absolute_url()}#answer-{self.pk}"

    def on_approved(self) -> None:
        from community.emails import send_answer_to_asker
        from community.tasks import tell_followers

        send_answer_to_asker(self)
        question_id = self.question_id
        transaction.on_commit(lambda: tell_followers.enqueue(question_id))

    def claim_for_followers(self) -> bool:
        """True for exactly one caller: answers approved together are told about once."""
        return bool(
            Answer.objects.filter(pk=self.pk, followers_told=False).update(followers_told=True)
        )

    @property
    def is_by_a_nurse(self) -> bool:
        """An expert answer by a nurse: it follows the articles' review rule."""
        return self.is_expert and self.by_nurse

    def check_due_on(self) -> date:
        """The last day it counts as checked: its condition's review interval (the
        site's, for a question about no condition) after it was written or confirmed."""
        return review_due_on(self.confirmed_at or self.created_at, self.question.condition)

    def may_be_out_of_date(self, today: date) -> bool:
        return self.is_by_a_nurse and self.check_due_on() < today

    def available_steps(self, user) -> list[str]:
        """Confirming, for a nurse reviewer, on a published nurse's expert answer."""
        if self.is_by_a_nurse and self.is_public and user.has_perm(self.CONFIRM_PERMISSION):
            return ["confirm"]
        return []

    def confirm(self, user, now: datetime) -> None:
        """A nurse reviewer says the answer is still right: its interval starts again."""
        if not user.has_perm(self.CONFIRM_PERMISSION):
            raise ModerationError(
                _("Only nurse reviewers can confirm expert answers."), code="permission_denied"
            )
        if not self.is_by_a_nurse:
            raise ModerationError(
                _("Only a nurse's expert answer is confirmed."), code="not_a_nurse_answer"
            )
        self.confirmed_at, self.confirmed_by = now, user
        self.save(update_fields=["confirmed_at", "confirmed_by"])

    def vote_helpful(self, visitor_key: str) -> bool:
        """Count this visitor once; False if they had already voted."""
        _vote, created = HelpfulVote.objects.get_or_create(answer=self, visitor_key=visitor_key)
        return created


class HelpfulVote(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="votes")
    visitor_key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "visitor_key"], name="one_vote_per_visitor")
        ]

    def __str__(self):
        return f"Helpful: answer {self.answer_id}"
