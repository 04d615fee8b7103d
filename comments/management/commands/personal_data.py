import json

from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from empower import privacy


class Command(BaseCommand):
    help = "Export (as JSON) or delete everything stored for one email address."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "delete"])
        parser.add_argument("email")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="With delete: count what would go, delete nothing.",
        )

    def handle(self, *args, action, email, dry_run=False, **options):
        try:
            validate_email(email)
        except Exception:
            raise CommandError(f"{email!r} is not an email address.") from None
        if action == "export":
            data = {provider.name: provider.export(email) for provider in privacy.providers()}
            self.stdout.write(json.dumps({"email": email, "data": data}, indent=2))
            return
        with transaction.atomic():
            counts = {provider.name: provider.delete(email) for provider in privacy.providers()}
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would delete" if dry_run else "Deleted"
        for name, count in counts.items():
            self.stdout.write(f"{verb} {count} {name} record(s) for {email}.")
