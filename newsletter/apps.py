from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Newsletter and email updates"

    def ready(self):
        from articles.signals import article_published
        from empower import privacy
        from newsletter import updates
        from newsletter.models import Subscriber

        article_published.connect(updates.on_article_published, dispatch_uid="newsletter.updates")

        def export(email):
            subscriber = Subscriber.objects.filter(email__iexact=email.strip()).first()
            return [subscriber.export()] if subscriber else []

        def delete(email):
            deleted, _per_model = Subscriber.objects.filter(email__iexact=email.strip()).delete()
            return deleted

        privacy.register("newsletter", export=export, delete=delete)
