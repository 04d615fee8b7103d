"""Demo readers' comments on the demo articles, created when `manage.py seed_demo` runs."""

from datetime import timedelta

from django.utils import timezone

from articles.signals import demo_seeded
from comments.models import Comment, Status


def seed(sender, modules, created, **kwargs):
    from articles.models import Article

    for module in modules:
        for spec in module.ARTICLES:
            article = Article.objects.filter(slug=spec["slug"]).first()
            if article is None or Comment.objects.filter(article=article).exists():
                continue  # not ours any more, or already talked about
            for comment in spec.get("comments", []):
                Comment.objects.create(
                    article=article,
                    author_name=comment["author_name"],
                    author_email=f"{comment['author_name'].split()[0].lower()}@reader.example",
                    body=comment["body"],
                    status=Status.APPROVED,
                    created_at=timezone.now() - timedelta(days=comment["days_ago"]),
                )
                created.append(f"comment by {comment['author_name']} on “{spec['title']}”")


def connect():
    demo_seeded.connect(seed, dispatch_uid="comments.demo")
