from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from what readers can see now."

    def handle(self, *args, **options):
        counts = rebuild()
        self.stdout.write(
            "Indexed {articles} articles, {conditions} conditions, {questions} questions.".format(
                **counts
            )
        )
