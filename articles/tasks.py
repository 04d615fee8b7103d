from django.tasks import task

from articles.models import Revision


def publish_due_revisions() -> list[Revision]:
    """Publish every scheduled revision whose time has come; return those published."""
    published = []
    for revision in Revision.objects.due_for_publishing().select_related("article__condition"):
        if revision.publish_if_due():
            published.append(revision)
    return published


@task
def publish_scheduled_revisions() -> int:
    """The periodic job, for a task worker or a scheduler: how many went live."""
    return len(publish_due_revisions())
