from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import pluralize
from django.utils import timezone

from articles import linkcheck


class Command(BaseCommand):
    help = (
        "Fetch every web address that published articles cite and record whether it "
        "answers; an address that fails REFERENCE_DEAD_AFTER_CHECKS checks in a row puts "
        "its articles under “Needs attention”. Run it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "urls",
            nargs="*",
            metavar="URL",
            help="Check only these addresses (each cited by a published article).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be checked; fetch nothing."
        )

    def handle(self, *args, urls, dry_run=False, verbosity=1, **options):
        for url in urls:
            if urlsplit(url).scheme not in ("http", "https"):
                raise CommandError(f"Not a web address: {url}")
        cited = linkcheck.cited_urls()
        if uncited := sorted(set(urls) - set(cited)):
            raise CommandError(f"No published article cites {', '.join(uncited)}")
        urls = urls or cited
        if dry_run:
            hosts = {urlsplit(url).hostname for url in urls}
            self.stdout.write(
                f"Would check {len(urls)} address{pluralize(len(urls), 'es')} "
                f"on {len(hosts)} host{pluralize(len(hosts))}."
            )
            return
        summary = linkcheck.check_urls(
            urls, now=timezone.now(), progress=self._show if verbosity > 1 else None
        )
        self.stdout.write(str(summary))

    def _show(self, check):
        self.stdout.write(f"{check.answer:>20}  {check.url}")
