"""Everything the community stores for one email address."""

from community.models import Answer, Question


def export(email: str) -> list[dict]:
    rows = [
        {
            "kind": "question",
            "title": question.title,
            "text": question.body,
            "name": question.author_name,
            "status": question.status,
            "created_at": question.created_at.isoformat(),
        }
        for question in Question.objects.filter(author_email__iexact=email)
    ]
    rows += [
        {
            "kind": "answer",
            "question": answer.question.title,
            "text": answer.body,
            "name": answer.author_name,
            "status": answer.status,
            "created_at": answer.created_at.isoformat(),
        }
        for answer in Answer.objects.filter(author_email__iexact=email).select_related("question")
    ]
    return rows


def delete(email: str) -> int:
    """Their questions (with the answers to them) and their answers."""
    questions, _ = Question.objects.filter(author_email__iexact=email).delete()
    answers, _ = Answer.objects.filter(author_email__iexact=email).delete()
    return questions + answers
