"""Demo questions and answers, created when `manage.py seed_demo` runs."""

from datetime import timedelta

from django.utils import timezone

from articles.signals import demo_seeded
from comments.models import Status

QUESTIONS = [
    {
        "condition": "hemifacial-spasm",
        "title": "Does stress make hemifacial spasm worse?",
        "body": "My eyelid twitching seems much worse at the end of a busy week. "
        "Is that in my head, or do others notice it too?",
        "author_name": "Robin",
        "days_ago": 9,
        "answers": [
            {
                "author_name": "Jo",
                "body": "Same for me. Mine is worst when I'm tired or stressed, "
                "and calmer after a weekend away.",
                "votes": 3,
            },
        ],
        "expert": "Many people notice that tiredness, stress and bright light make spasms more "
        "frequent. They don't change the cause, which is usually pressure on the facial nerve, "
        "but rest and regular sleep can make the spasms easier to live with. If they are "
        "getting worse over time, mention it to your doctor.",
    },
    {
        "condition": "trigeminal-neuralgia",
        "title": "How long did it take for your medicine to work?",
        "body": "I started a medicine for trigeminal neuralgia last week. "
        "When did others feel a difference?",
        "author_name": "Sam T.",
        "days_ago": 4,
        "answers": [
            {
                "author_name": "Alex",
                "body": "For me it was a few days, but my doctor had to "
                "adjust the dose twice before it really helped.",
                "votes": 1,
            },
        ],
        "expert": None,
    },
    {
        "condition": "bells-palsy",
        "title": "Can I still wear contact lenses with Bell's palsy?",
        "body": "My eye doesn't close properly at the moment. Should I stop wearing my lenses?",
        "author_name": "Kit",
        "days_ago": 2,
        "answers": [],
        "expert": None,
    },
]


def seed(sender, reviewer, created, **kwargs):
    from articles.models import Condition
    from community.models import Answer, Question

    for spec in QUESTIONS:
        if Question.objects.filter(title=spec["title"]).exists():
            continue
        when = timezone.now() - timedelta(days=spec["days_ago"])
        question = Question.objects.create(
            title=spec["title"],
            body=spec["body"],
            condition=Condition.objects.filter(slug=spec["condition"]).first(),
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
                author_email=f"{answer['author_name'].lower()}@reader.example",
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
