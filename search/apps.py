from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Site search"

    def ready(self):
        from community import similar
        from search import demo, indexing, query

        indexing.connect()
        demo.connect()
        similar.register_finder(query.similar_question_ids)
