from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles and conditions"

    def ready(self):
        from articles.models import (
            Article,
            Condition,
            Page,
            Rating,
            Reference,
            Review,
            Revision,
            RevisionState,
            StaffProfile,
        )
        from empower.pagecache import bump_on_change

        # What every page may show: articles in lists, conditions, bylines, pages.
        for model in (Article, Condition, Page, Review, StaffProfile):
            bump_on_change(model, lambda instance, created: ["site"])
        # Drafts and their references change nothing readers see until published.
        bump_on_change(
            Revision,
            lambda revision, created: ["site"] if revision.state == RevisionState.PUBLISHED else [],
        )
        bump_on_change(
            Reference,
            lambda reference, created: (
                ["site"]
                if Revision.objects.filter(
                    pk=reference.revision_id, state=RevisionState.PUBLISHED
                ).exists()
                else []
            ),
        )
        # Bylines and feeds name editors and authors; signing in changes nothing shown.
        post_save.connect(_name_changed, sender=get_user_model(), dispatch_uid="pagecache:names")
        # A rating shows only on its article's page.
        bump_on_change(Rating, lambda rating, created: _article_topics(rating.article_id))


def _name_changed(sender, instance, created, update_fields=None, **kwargs) -> None:
    from empower.topics import bump

    if not created and not (update_fields and set(update_fields) <= {"last_login"}):
        bump("site")


def _article_topics(article_id) -> list[str]:
    from articles.models import Article

    slug = Article.objects.filter(pk=article_id).values_list("slug", flat=True).first()
    return [f"article:{slug}"] if slug else []
