import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles import demo, demo_images
from articles.models import (
    Article,
    Condition,
    Rating,
    Review,
    StaffProfile,
    create_article,
)
from articles.signals import demo_seeded
from empower.roles import EDITORS, NURSE_REVIEWERS
from images.models import Image


class Command(BaseCommand):
    help = (
        "Create demo conditions with guides, reviewed articles, questions and fictional "
        "staff. Safe to run again: it adds what is missing and never changes what staff edited."
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
        writer = self.user(demo.WRITER, EDITORS, "demo writer")
        reviewers = {
            fields["username"]: self.user(fields, NURSE_REVIEWERS, "demo nurse reviewer")
            for fields in demo.REVIEWERS
        }
        for number, user in enumerate([editor, writer, *reviewers.values()]):
            self.profile(user, number)

        modules = demo.content()
        for module in modules:
            condition = self.condition(module.CONDITION)
            if condition is None:
                continue
            reviewer = reviewers[demo.REVIEWER_OF[condition.slug]]
            staff = (writer, editor, reviewer)
            self.guide(module.GUIDE, condition, *staff)
            for number, spec in enumerate(module.ARTICLES, start=1):
                if not self.exists(spec):
                    self.published_article(spec, condition, *staff, variant=number)
        first_reviewer = next(iter(reviewers.values()))
        for spec in demo.WORKFLOW_ARTICLES:
            condition = Condition.objects.filter(slug=spec["condition"]).first()
            if condition is not None and not self.exists(spec):
                self.workflow_article(spec, condition, writer, editor, first_reviewer)
        demo_seeded.send(
            self.__class__,
            editor=editor,
            reviewers=reviewers,
            modules=modules,
            created=self.created,
        )

    def user(self, fields, role, description):
        User = get_user_model()
        user = User.objects.filter(username=fields["username"]).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(**fields, password=password, is_staff=True)
            user.groups.add(Group.objects.get(name=role))
            self.passwords[f"{description} ({user.get_full_name()})"] = (user.username, password)
            self.created.append(f"{description} {user.username}")
        return user

    def profile(self, user, number):
        if StaffProfile.objects.filter(user=user).exists():
            return
        fields = demo.PROFILES[user.username]
        file, alt = demo_images.portrait(fields["display_name"], number)
        photo = Image.objects.create(
            title=f"Portrait of {fields['display_name']}",
            file=file,
            alt_text=alt,
            credit="Illustration: Empower",
            licence="Our own",
        )
        StaffProfile.objects.create(
            user=user,
            photo=photo,
            credentials_verified_on=(
                timezone.localdate() - timedelta(days=40) if fields["credentials"] else None
            ),
            **fields,
        )
        self.created.append(f"profile of {fields['display_name']}")

    def condition(self, fields) -> Condition | None:
        """The condition, unless staff renamed it or changed its address (then it is
        theirs, and its demo content is not added again)."""
        found = Condition.objects.filter(Q(slug=fields["slug"]) | Q(name=fields["name"])).first()
        if found is not None:
            return found if found.slug == fields["slug"] else None
        file, alt = demo_images.illustration(fields["slug"])
        image = self.image(fields["name"], file, alt)
        condition = Condition.objects.create(
            name=fields["name"],
            slug=fields["slug"],
            summary=fields["summary"],
            lead_image=image,
        )
        self.created.append(f"condition {condition.name}")
        return condition

    def image(self, title, file, alt):
        return Image.objects.create(
            title=title, file=file, alt_text=alt, credit="Illustration: Empower", licence="Our own"
        )

    def exists(self, spec) -> bool:
        """Seeded before, even if an editor has since changed its address."""
        return Article.objects.filter(
            Q(slug=spec["slug"]) | Q(revisions__title=spec["title"])
        ).exists()

    def guide(self, spec, condition, writer, editor, reviewer):
        if Article.objects.guides().filter(condition=condition).exists():
            return
        spec = {**spec, "slug": f"{condition.slug}-guide", "days_ago": 30, "ratings": []}
        self.publish(spec, condition, writer, editor, reviewer, kind=Article.Kind.GUIDE)
        self.created.append(f"guide to {condition.name}")

    def published_article(self, spec, condition, writer, editor, reviewer, variant):
        file, alt = demo_images.illustration(condition.slug, variant)
        image = self.image(spec["title"], file, alt)
        article = self.publish(spec, condition, writer, editor, reviewer, lead_image=image)
        Rating.objects.bulk_create(
            Rating(
                article=article,
                visitor_key=demo.DEMO_RATING_KEY.format(article=article.pk, index=index),
                stars=stars,
            )
            for index, stars in enumerate(spec["ratings"])
        )
        self.created.append(f"published article “{spec['title']}”")

    @staticmethod
    def create(spec, condition, writer, editor, kind="article"):
        return create_article(
            condition=condition,
            slug=spec["slug"],
            author=writer,
            editor=editor,
            title=spec["title"],
            summary=spec["summary"],
            key_points="\n".join(spec.get("key_points", [])),
            body=spec["body"],
            references=spec["references"],
            kind=kind,
        )

    def publish(self, spec, condition, writer, editor, reviewer, kind="article", lead_image=None):
        article, revision = self.create(spec, condition, writer, editor, kind)
        if lead_image is not None:
            article.lead_image = lead_image
            article.save(update_fields=["lead_image"])
        when = timezone.now() - timedelta(days=spec["days_ago"])
        revision.submit(editor)
        review = revision.approve(reviewer, reading_note=self.reading_note(revision))
        revision.publish(editor, at=when)
        # Backdate the review so the site looks lived in (and one review is overdue).
        reviewed = when - timedelta(days=1)
        if spec["slug"] == demo.OVERDUE:
            reviewed = timezone.now() - timedelta(days=400)
        Review.objects.filter(pk=review.pk).update(reviewed_at=reviewed)
        article.refresh_review_due()
        return article

    @staticmethod
    def reading_note(revision) -> str:
        # A site whose operator set a lower target still seeds; the reason says so.
        if revision.reading_level.above_target:
            return "Medical terms that can't be simpler; each is explained where it first appears."
        return ""

    def workflow_article(self, spec, condition, writer, editor, reviewer):
        _article, revision = self.create(spec, condition, writer, editor)
        state = spec["state"]
        if state != "draft":
            revision.submit(editor)
        if state == "sent_back":
            revision.send_back(reviewer, spec["note"])
        if state in ("approved", "scheduled"):
            revision.approve(reviewer, reading_note=self.reading_note(revision))
        if state == "scheduled":
            revision.publish(editor, at=timezone.now() + timedelta(days=spec["days_ahead"]))
        self.created.append(f"{revision.get_state_display().lower()} article “{spec['title']}”")

    def print_logins(self):
        if self.passwords:
            self.stdout.write(
                self.style.SUCCESS("\nDemo logins for /admin/ (shown only this once):")
            )
            for description, (username, password) in self.passwords.items():
                self.stdout.write(f"  {description:<42} {username:<18} {password}")
        else:
            self.stdout.write(
                "Demo staff already exist; their passwords were printed when they were created. "
                f"Reset one with: manage.py changepassword {demo.EDITOR['username']}"
            )
