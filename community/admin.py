from django.contrib import admin

from comments.admin import ModeratedAdmin, StaffRepliesMixin, moderation_panel
from community.models import Answer, Question
from empower.admin import register_panel


@admin.register(Question)
class QuestionAdmin(StaffRepliesMixin, ModeratedAdmin):
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
