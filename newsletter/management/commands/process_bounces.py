import csv
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsletter.bounces import parse_events, record_events


class Command(BaseCommand):
    help = (
        "Record bounces and complaints from a report file: JSON (a list, or one object per "
        'line) or CSV with columns email,type; type is "hard", "soft" or "complaint".'
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        text = path.read_text()
        try:
            events = read_events(path.suffix.lower(), text)
        except (ValueError, RecursionError) as error:  # NotAReport is a ValueError
            raise CommandError(f"{path} is not a bounce report: {error}") from None
        result = record_events(events)
        self.stdout.write(f"Recorded {result['recorded']}; ignored {result['ignored']}.")


def read_events(suffix: str, text: str) -> list:
    if suffix == ".csv":
        return list(csv.DictReader(text.splitlines()))
    stripped = text.strip()
    if stripped.startswith("["):
        return parse_events(stripped)
    return [json.loads(line) for line in stripped.splitlines() if line.strip()]
