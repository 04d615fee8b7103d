"""The sources a revision cites, copied with it into each new revision, and the
checks that say whether their web addresses still answer."""

from datetime import datetime

from django.conf import settings
from django.db import models, transaction
from django.db.models import OuterRef, Subquery
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _

from articles.models.conditions import published_q


class ReferenceQuerySet(models.QuerySet):
    def cited_in_live_texts(self):
        """References of the revisions readers see now."""
        return self.filter(
            published_q("revision__article__"),
            revision__article__published_revision=models.F("revision"),
        )

    def with_last_check(self):
        """Each reference with its address's last check (`check_status`, `check_error`,
        `check_failures`, `checked_at`), in the same query."""
        check = LinkCheck.objects.filter(url=OuterRef("url"))
        return self.annotate(
            check_status=Subquery(check.values("status")[:1]),
            check_error=Subquery(check.values("error")[:1]),
            check_failures=Subquery(check.values("failures_in_a_row")[:1]),
            checked_at=Subquery(check.values("checked_at")[:1]),
        )

    def dead(self):
        """References whose address failed its last REFERENCE_DEAD_AFTER_CHECKS checks."""
        return self.with_last_check().filter(
            check_failures__gte=settings.REFERENCE_DEAD_AFTER_CHECKS
        )


class Reference(models.Model):
    revision = models.ForeignKey("Revision", on_delete=models.CASCADE, related_name="references")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    source = models.CharField(
        _("source"), max_length=200, help_text=_("Who published it, e.g. a clinic or institute.")
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("web address"), blank=True, max_length=500)
    accessed_on = models.DateField(_("accessed on"))

    objects = ReferenceQuerySet.as_manager()

    # From ReferenceQuerySet.with_last_check().
    check_status: int | None
    check_error: str | None
    check_failures: int | None
    checked_at: datetime | None

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

    @property
    def check_answer(self) -> str:
        """What the last check got ("404", "timed out"), from `with_last_check()`."""
        return answer_text(self.check_status, self.check_error)


ERROR_LENGTH = 100
FINAL_URL_LENGTH = 2000


class LinkCheckQuerySet(models.QuerySet):
    def record(self, url: str, *, status: int | None, final_url: str, error: str, now: datetime):
        """Keep the outcome of one fetch of `url`; many references share one check."""
        with transaction.atomic():
            check, _created = LinkCheck.objects.select_for_update().get_or_create(url=url)
            check.record(status=status, final_url=final_url, error=error, now=now)
            return check


class LinkCheck(models.Model):
    """The last check of one web address that references cite.

    Kept per address rather than per reference, because every revision copies
    its references: one address is fetched once, however many revisions cite it.
    """

    url = models.URLField(_("web address"), max_length=500, unique=True)
    status = models.PositiveSmallIntegerField(
        _("HTTP status"), null=True, blank=True, help_text=_("None when nothing answered.")
    )
    error = models.CharField(_("error"), max_length=ERROR_LENGTH, blank=True)
    final_url = models.CharField(
        _("final address"), max_length=FINAL_URL_LENGTH, blank=True, help_text=_("After redirects.")
    )
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    failures_in_a_row = models.PositiveSmallIntegerField(_("failures in a row"), default=0)

    objects = LinkCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("link check")

    def __str__(self):
        return f"{self.url}: {self.answer}"

    @property
    def answer(self) -> str:
        return answer_text(self.status, self.error)

    @property
    def is_dead(self) -> bool:
        return self.failures_in_a_row >= settings.REFERENCE_DEAD_AFTER_CHECKS

    def record(self, *, status: int | None, final_url: str, error: str, now: datetime) -> None:
        """A success (a 2xx, after any redirects) forgives earlier failures; anything
        else, an error status or no answer at all, is one more failure in a row."""
        self.status = status
        self.final_url = final_url[:FINAL_URL_LENGTH]
        self.error = error[:ERROR_LENGTH]
        self.checked_at = now
        self.failures_in_a_row = 0 if answered(status) else self.failures_in_a_row + 1
        self.save()


def answered(status: int | None) -> bool:
    return status is not None and 200 <= status < 300


def answer_text(status: int | None, error: str | None) -> str:
    return str(status) if status is not None else error or "not checked"


def end_sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."
