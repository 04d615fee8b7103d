from django.tasks import task

from comments.models import Status
from community.emails import send_new_answers_to_follower
from community.models import Question
from newsletter.models import Follow


@task
def tell_followers(question_id: int) -> int:
    """One email per confirmed follower, with every answer approved since the last
    one (several approved together go in one email). Never to the asker, whose
    own email already tells them. Returns how many emails were sent."""
    question = Question.objects.approved().filter(pk=question_id).first()
    if question is None:
        return 0
    waiting = question.answers.filter(status=Status.APPROVED, followers_told=False)
    answers = [answer for answer in waiting.order_by("pk") if answer.claim_for_followers()]
    if not answers:
        return 0
    follows = Follow.objects.to_tell(question).exclude(
        subscriber__email=question.author_email.strip().lower()
    )
    sent = 0
    for follow in follows:
        news = [answer for answer in answers if follow.should_hear_of(answer)]
        if news:
            send_new_answers_to_follower(follow, question, news)
            sent += 1
    return sent
