"""Demo questions and answers, created when `manage.py seed_demo` runs."""

from datetime import timedelta

from django.utils import timezone

from articles.signals import demo_seeded
from comments.models import Status


def seed(sender, reviewers, modules, created, **kwargs):
    """Each condition's questions, answered by readers and (for some) by its nurse."""
    from articles.demo import REVIEWER_OF
    from articles.models import Condition

    for module in modules:
        slug = module.CONDITION["slug"]
        condition = Condition.objects.filter(slug=slug).first()
        if condition is None:
            continue
        for spec in module.QUESTIONS:
            seed_question(spec, condition, reviewers[REVIEWER_OF[slug]], created)


def seed_question(spec, condition, reviewer, created):
    from community.models import Answer, Question

    if Question.objects.filter(title=spec["title"]).exists():
        return
    when = timezone.now() - timedelta(days=spec["days_ago"])
    question = Question.objects.create(
        title=spec["title"],
        body=spec["body"],
        condition=condition,
        author_name=spec["author_name"],
        author_email=f"{spec['author_name'].split()[0].lower()}@reader.example",
        status=Status.APPROVED,
        created_at=when,
        notify_asker=False,
    )
    for n, answer in enumerate(spec["answers"]):
        reply = Answer.objects.create(
            question=question,
            author_name=answer["author_name"],
            author_email=f"{answer['author_name'].split()[0].lower()}@reader.example",
            body=answer["body"],
            status=Status.APPROVED,
            created_at=when + timedelta(hours=5 + n),
        )
        for vote in range(answer["votes"]):
            reply.votes.create(visitor_key=f"demo-{reply.pk}-{vote}")
    if spec["expert"]:
        question.answer_as_staff(reviewer, spec["expert"])
    created.append(f"community question “{spec['title']}”")


def connect():
    demo_seeded.connect(seed, dispatch_uid="community.demo")
