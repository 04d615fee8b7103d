"""The sources a revision cites, copied with it into each new revision."""

from django.db import models
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _


class Reference(models.Model):
    revision = models.ForeignKey("Revision", on_delete=models.CASCADE, related_name="references")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source = models.CharField(
        _("source"), max_length=200, help_text=_("Who published it, e.g. a clinic or institute.")
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("web address"), blank=True, max_length=500)
    accessed_on = models.DateField(_("accessed on"))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("reference")

    def __str__(self):
        return self.citation

    def save(self, *args, **kwargs):
        self.revision.require_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.revision.require_editable()
        return super().delete(*args, **kwargs)

    @property
    def source_sentence(self) -> str:
        return end_sentence(self.source)

    @property
    def title_sentence(self) -> str:
        return end_sentence(self.title)

    @property
    def citation(self) -> str:
        """'Source. Title. Web. 5 December 2011.' (the template adds the link)."""
        accessed = format_date(self.accessed_on, "j F Y")
        return f"{self.source_sentence} {self.title_sentence} Web. {accessed}."


def end_sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."
