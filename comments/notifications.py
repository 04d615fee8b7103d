"""Telling moderators there is work, as a digest rather than one email per comment."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from comments import emails
from comments.models import Moderated, ModerationNotice, Status

# Models whose pending items moderators hear about; community/ adds its own.
_moderated_models: list[type[Moderated]] = []


def register_moderated(model) -> None:
    if model not in _moderated_models:
        _moderated_models.append(model)


def moderators():
    """Active staff who may moderate something and have an email address."""
    User = get_user_model()
    codenames = [f"moderate_{model._meta.model_name}" for model in _moderated_models]
    return (
        User.objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__permissions__codename__in=codenames) | Q(is_superuser=True))
        .exclude(email="")
        .distinct()
    )


@transaction.atomic
def notify_moderators(*, urgent: bool = False) -> bool:
    """Email moderators about what arrived since the last email, at most every N minutes.

    Called after each new pending submission, and by `manage.py notify_moderators`
    from cron so that the last items of a burst are not left waiting. An urgent
    submission (crisis language) is sent at once, whatever the interval. Returns
    whether an email went out.
    """
    now = timezone.now()
    notice, _created = ModerationNotice.objects.select_for_update().get_or_create(key="moderation")
    quiet = timedelta(minutes=settings.MODERATION_EMAIL_MINUTES)
    if not urgent and notice.last_sent_at and now - notice.last_sent_at < quiet:
        return False
    since = notice.last_sent_at
    new_items, waiting = [], 0
    for model in _moderated_models:
        pending = model.objects.filter(status=Status.PENDING)
        waiting += pending.count()
        if since:
            pending = pending.filter(created_at__gt=since)
        new_items += list(pending.order_by("created_at")[:50])
    if not new_items:
        return False
    recipients = list(moderators().values_list("email", flat=True))
    if recipients:
        emails.send_moderation_digest(recipients, new_items, waiting, urgent=urgent)
    notice.last_sent_at = now
    notice.save(update_fields=["last_sent_at"])
    return bool(recipients)
