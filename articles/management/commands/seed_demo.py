import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles import demo
from articles.models import Article, Condition, Rating, Review, ReviewerProfile, create_article
from articles.signals import demo_seeded
from empower.roles import EDITORS, NURSE_REVIEWERS


class Command(BaseCommand):
    help = (
        "Create demo conditions, reviewed articles and fictional staff. "
        "Safe to run again: what exists is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be created, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        self.created = []
        self.passwords = {}
        with transaction.atomic():
            self.seed()
            if dry_run:
                transaction.set_rollback(True)

        verb = "Would create" if dry_run else "Created"
        for item in self.created:
            self.stdout.write(f"{verb} {item}")
        if not self.created:
            self.stdout.write("Demo content is already in place; nothing to do.")
        if not dry_run:
            self.print_logins()

    def seed(self):
        editor = self.user(demo.EDITOR, EDITORS, "demo editor")
        reviewer = self.user(demo.REVIEWER, NURSE_REVIEWERS, "demo nurse reviewer")
        writer = self.user(demo.WRITER, EDITORS, "demo writer")
        ReviewerProfile.objects.get_or_create(
            user=reviewer,
            defaults={**demo.REVIEWER_PROFILE, "credentials_verified_on": timezone.localdate()},
        )

        conditions = {}
        for fields in demo.CONDITIONS:
            condition, created = Condition.objects.get_or_create(
                slug=fields["slug"], defaults=fields
            )
            conditions[condition.slug] = condition
            if created:
                self.created.append(f"condition {condition.name}")

        staff = (writer, editor, reviewer)
        for spec in demo.ARTICLES:
            if not Article.objects.filter(slug=spec["slug"]).exists():
                self.published_article(spec, conditions[spec["condition"]], *staff)
        for spec in demo.WORKFLOW_ARTICLES:
            if not Article.objects.filter(slug=spec["slug"]).exists():
                self.workflow_article(spec, conditions[spec["condition"]], *staff)
        demo_seeded.send(self.__class__, editor=editor, reviewer=reviewer, created=self.created)

    def user(self, fields, role, description):
        User = get_user_model()
        user = User.objects.filter(username=fields["username"]).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(**fields, password=password, is_staff=True)
            user.groups.add(Group.objects.get(name=role))
            self.passwords[description] = (user.username, password)
            self.created.append(f"{description} {user.username}")
        return user

    def create(self, spec, condition, writer, editor):
        return create_article(
            condition=condition,
            slug=spec["slug"],
            author=writer,
            editor=editor,
            title=spec["title"],
            summary=spec["summary"],
            body=spec["body"],
            references=spec["references"],
        )

    def published_article(self, spec, condition, writer, editor, reviewer):
        article, revision = self.create(spec, condition, writer, editor)
        when = timezone.now() - timedelta(days=spec["days_ago"])
        revision.submit(editor)
        review = revision.approve(reviewer)
        revision.publish(editor, at=when)
        # Backdate the demo review so the site looks lived in (and one review is overdue).
        Review.objects.filter(pk=review.pk).update(reviewed_at=when - timedelta(days=1))
        article.refresh_review_due()
        Rating.objects.bulk_create(
            Rating(
                article=article,
                visitor_key=demo.DEMO_RATING_KEY.format(article=article.pk, index=index),
                stars=stars,
            )
            for index, stars in enumerate(spec["ratings"])
        )
        self.created.append(f"published article “{spec['title']}”")

    def workflow_article(self, spec, condition, writer, editor, reviewer):
        _article, revision = self.create(spec, condition, writer, editor)
        state = spec["state"]
        if state != "draft":
            revision.submit(editor)
        if state == "sent_back":
            revision.send_back(reviewer, spec["note"])
        if state in ("approved", "scheduled"):
            revision.approve(reviewer)
        if state == "scheduled":
            revision.publish(editor, at=timezone.now() + timedelta(days=spec["days_ahead"]))
        self.created.append(f"{revision.get_state_display().lower()} article “{spec['title']}”")

    def print_logins(self):
        if self.passwords:
            self.stdout.write(
                self.style.SUCCESS("\nDemo logins for /admin/ (shown only this once):")
            )
            for description, (username, password) in self.passwords.items():
                self.stdout.write(f"  {description:<22} {username:<16} {password}")
        else:
            self.stdout.write(
                "Demo staff already exist; their passwords were printed when they were created. "
                "Reset one with: manage.py changepassword pat.example"
            )
