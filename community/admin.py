from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from comments.admin import ModeratedAdmin, StaffReplyForm, moderation_panel
from comments.models import ModerationError
from comments.staff import staff_identity
from community.models import Answer, Question
from empower.admin import register_panel


@admin.register(Question)
class QuestionAdmin(ModeratedAdmin):
    list_select_related = ["condition"]
    list_filter = ["status", "urgent", "created_at", "condition"]
    search_fields = ["title", *ModeratedAdmin.search_fields]

    @admin.display(description="Condition")
    def about(self, question):
        return question.condition.name if question.condition else "—"

    def excerpt(self, question):
        return f"{question.title} — {super().excerpt(question)}"

    def get_urls(self):
        return [
            path(
                "<int:pk>/expert-answer/",
                self.admin_site.admin_view(require_POST(self.expert_answer_view)),
                name="community_question_expert_answer",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = {}
        if request.user.has_perm("community.add_answer"):
            question = self.get_object(request, object_id)
            extra = {
                "reply_form": StaffReplyForm(),
                "reply_badge": staff_identity(request.user).badge,
                "reply_url": reverse("admin:community_question_expert_answer", args=[object_id]),
                "replies": question.answers.filter(is_expert=True) if question else [],
            }
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    def expert_answer_view(self, request, pk):
        question = get_object_or_404(Question, pk=pk)
        form = StaffReplyForm(request.POST)
        if not request.user.has_perm("community.add_answer"):
            raise PermissionDenied
        if not form.is_valid():
            self.message_user(request, "Write an answer of up to 5,000 characters.", messages.ERROR)
        else:
            try:
                question.answer_as_staff(request.user, form.cleaned_data["body"])
            except ModerationError as refusal:
                self.message_user(request, " ".join(refusal.messages), messages.ERROR)
            else:
                self.message_user(request, "Expert answer published.", messages.SUCCESS)
        return redirect("admin:community_question_change", question.pk)


@admin.register(Answer)
class AnswerAdmin(ModeratedAdmin):
    list_select_related = ["question"]
    list_filter = ["status", "urgent", "is_expert", "created_at"]

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
