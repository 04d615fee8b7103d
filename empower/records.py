"""Records of what happened (reviews, an article's history, consent, factor resets):
written once and never changed, so they can be trusted as evidence."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Record(models.Model):
    changed_message = _("This is a record of what happened; it cannot be changed.")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(self.changed_message, code="immutable")
        super().save(*args, **kwargs)
