"""Emails to people who asked or follow a question."""

from comments.models import Status
from empower.emails import send_email
from empower.ratelimit import allow
from empower.visitors import keyed_hash
from newsletter.sending import list_unsubscribe_headers


def send_answer_to_asker(answer) -> bool:
    """Tell the asker their question has a new answer, with their private link."""
    question = answer.question
    question.refresh_from_db(fields=["notify_asker"])  # they may have just opted out
    if (
        not question.notify_asker
        or answer.status != Status.APPROVED
        or answer.author_email.lower() == question.author_email.lower()
    ):
        return False
    send_email(
        "community/email/new_answer",
        {"question": question, "answer": answer, "asker_path": question.asker_url()},
        [question.author_email],
    )
    return True


def send_asker_link(question) -> bool:
    """A fresh private link, asked for from an expired one (at most 3 an hour)."""
    if not allow(
        "asker-link", keyed_hash("asker-link", str(question.pk)), limit=3, window_seconds=3600
    ):
        return False
    send_email(
        "community/email/asker_link",
        {"question": question, "asker_path": question.asker_url()},
        [question.author_email],
    )
    return True


def send_new_answers_to_follower(follow, question, answers) -> None:
    """New answers to a question someone follows, with a one-click stop for it."""
    links = follow.links()
    send_email(
        "community/email/followed_answers",
        {
            "question": question,
            "answers": answers,
            "discreet": follow.subscriber.discreet,
            "stop_url": links.unsubscribe,
            "preferences_url": links.preferences,
        },
        [follow.subscriber.email],
        headers=list_unsubscribe_headers(links, mailto=False),
    )
