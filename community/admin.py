import re

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from comments.admin import ModeratedAdmin, StaffRepliesMixin, moderation_panel
from community.models import Answer, Question
from empower.admin import Done, Panel, PanelItem, Step, StepsAdmin, register_panel
from empower.formats import day


class DuplicateForm(forms.Form):
    other = forms.CharField(
        label="The question it duplicates",
        max_length=300,
        help_text="Its number, or its address on the site (…/community/questions/42/…).",
    )

    def clean_other(self):
        text = self.cleaned_data["other"].strip()
        found = re.search(r"questions/(\d{1,18})/", text) or re.fullmatch(r"#?(\d{1,18})", text)
        question = Question.objects.filter(pk=int(found.group(1))).first() if found else None
        if question is None:
            raise forms.ValidationError("There is no question with that number.", code="unknown")
        return question


def _close_as_duplicate(request, question, form) -> Done:
    other = form.cleaned_data["other"]
    question.close_as_duplicate_of(other, request.user)
    return Done(f"Closed: its page now points to “{other}”.")


@admin.register(Question)
class QuestionAdmin(StepsAdmin, StaffRepliesMixin, ModeratedAdmin):
    steps = (
        Step(
            "close_as_duplicate",
            "Close as a duplicate of…",
            _close_as_duplicate,
            "Its page stays, pointing to the other question; it leaves the community "
            "lists, related questions and search. Questions closed as duplicates of it "
            "will point to the other one too.",
            DuplicateForm,
        ),
    )
    reply_permission = Question.STAFF_REPLY_PERMISSION
    reply_path = "expert-answer"
    reply_noun = "an expert answer"
    reply_done = "Expert answer published."
    list_select_related = ["condition"]
    list_filter = ["status", "urgent", "created_at", "condition"]
    search_fields = ["title", *ModeratedAdmin.search_fields]

    @admin.display(description="Condition")
    def about(self, question):
        return question.condition.name if question.condition else "—"

    def excerpt(self, question):
        return f"{question.title} — {super().excerpt(question)}"

    def staff_replies(self, question):
        return question.answers.filter(is_expert=True)

    def post_staff_reply(self, question, user, body: str) -> None:
        question.answer_as_staff(user, body)


class OutOfDateFilter(admin.SimpleListFilter):
    title = "check"
    parameter_name = "check"

    def lookups(self, request, model_admin):
        return [("out_of_date", "May be out of date")]

    def queryset(self, request, queryset):
        if self.value() == "out_of_date":
            stale = Answer.objects.out_of_date(timezone.localdate())
            return queryset.filter(pk__in=[answer.pk for answer in stale])
        return queryset


def _confirm(request, answer, form) -> Done:
    answer.confirm(request.user, timezone.now())
    return Done(
        "Confirmed: the answer no longer says it may be out of date.", reverse("admin:index")
    )


@admin.register(Answer)
class AnswerAdmin(StepsAdmin, ModeratedAdmin):
    list_select_related = ["question"]
    list_filter = ["status", "urgent", "is_expert", OutOfDateFilter, "created_at"]
    step_template = "admin/community/answer/confirm_step.html"
    steps = (
        Step(
            "confirm",
            "Confirm it is still right",
            _confirm,
            "Readers will no longer see “may be out of date” beside it, and it will not "
            "be due again for a full review interval.",
        ),
    )

    @admin.display(description="Question")
    def about(self, answer):
        return answer.question.title


@register_panel
def community_panels(request):
    return [
        *moderation_panel(
            request,
            Question,
            "Questions to moderate",
            lambda question: question.condition.name if question.condition_id else "",
            ["condition"],
        ),
        *moderation_panel(
            request,
            Answer,
            "Answers to moderate",
            lambda answer: f"To “{answer.question}”",
            ["question"],
        ),
    ]


@register_panel
def expert_answer_panels(request) -> list[Panel]:
    """Nurses' expert answers older than the review interval, for a nurse to confirm."""
    if not request.user.has_perm(Answer.CONFIRM_PERMISSION):
        return []
    stale = Answer.objects.out_of_date(timezone.localdate())
    items = [
        PanelItem(
            label=f"{answer.author_name}: {answer.question.title}",
            url=reverse("admin:community_answer_step", args=[answer.pk, "confirm"]),
            detail=(
                f"Confirmed {day(timezone.localdate(answer.confirmed_at))}"
                if answer.confirmed_at
                else f"Answered {day(timezone.localdate(answer.created_at))}"
            ),
            also_label="Read it on the site",
            also_url=answer.get_absolute_url(),
        )
        for answer in stale[:8]
    ]
    return [
        Panel(
            title="Expert answers to confirm",
            count=len(stale),
            items=items,
            more_url=reverse("admin:community_answer_changelist") + "?check=out_of_date",
            empty_text="Every expert answer is in date.",
        )
    ]
