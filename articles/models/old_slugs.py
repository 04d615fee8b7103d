"""Addresses that never break: an article's or a condition's old slugs keep answering,
with a permanent redirect to wherever the object is now."""

from django.conf import settings
from django.db import models, transaction
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from empower.moved import Moved


class OldSlug(models.Model):
    """A slug an article or a condition had. It points at the object, not at a path,
    so an object that moves twice sends both old addresses straight to the newest."""

    article = models.ForeignKey(
        "Article",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="old_slugs",
        verbose_name=_("article"),
    )
    condition = models.ForeignKey(
        "Condition",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="old_slugs",
        verbose_name=_("condition"),
    )
    slug = models.SlugField(_("old slug"), max_length=200)
    created_at = models.DateTimeField(_("moved"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the address outlives the account
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moved by"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(article__isnull=False, condition__isnull=True)
                | models.Q(article__isnull=True, condition__isnull=False),
                name="old_slug_of_one_object",
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(article__isnull=False),
                name="one_article_per_old_slug",
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(condition__isnull=False),
                name="one_condition_per_old_slug",
            ),
        ]

    def __str__(self):
        return self.get_absolute_url()

    def get_absolute_url(self):
        """The old address itself, which redirects."""
        name = "articles:article" if self.article_id else "articles:condition"
        return reverse(name, kwargs={"slug": self.slug})

    @property
    def target(self):
        return self.article or self.condition

    @classmethod
    def record_move(cls, obj, before: str | None, by=None) -> None:
        """`obj` now answers at its slug, and no longer at `before` (None: it is new).

        The new slug stops redirecting anywhere, whether it was this object's
        (changed back: no loop) or another's (an address taken by a new owner)."""
        owner = obj._meta.model_name  # "article" or "condition", as the foreign keys
        slugs = [slug for slug in (obj.slug, before) if slug is not None]
        cls.objects.filter(**{f"{owner}__isnull": False}, slug__in=slugs).delete()
        if before is not None:
            cls.objects.create(**{owner: obj}, slug=before, created_by=by)


class KeepsOldSlugs(models.Model):
    """For a model whose slug is its public address: saving a new slug keeps the
    old one answering, in the same transaction (`by` is who changed it)."""

    slug: str

    class Meta:
        abstract = True

    def save(self, *args, by=None, **kwargs):
        update_fields = kwargs.get("update_fields")
        if not self.slug_is_address() or (
            update_fields is not None and "slug" not in update_fields
        ):
            super().save(*args, **kwargs)
            return
        with transaction.atomic():
            before = None if self._state.adding else self._stored_slug()
            super().save(*args, **kwargs)
            if before != self.slug:
                OldSlug.record_move(self, before, by)

    def slug_is_address(self) -> bool:
        return True

    def _stored_slug(self) -> str | None:
        objects: models.Manager = type(self)._default_manager  # Article's or Condition's
        return objects.select_for_update().filter(pk=self.pk).values_list("slug", flat=True).first()


def get_by_slug_or_404(queryset, slug: str):
    """The object of `queryset` at `slug`; if that was one's old slug, `Moved` to its
    new one (answered with a permanent redirect); else Http404.

    The live object is looked for first, so an old slug never hides a page, and
    only the objects `queryset` shows are redirected to."""
    try:
        return queryset.get(slug=slug)
    except queryset.model.DoesNotExist:
        pass
    moved_to = queryset.filter(old_slugs__slug=slug).values_list("slug", flat=True).first()
    if moved_to is not None:
        raise Moved(moved_to)
    raise Http404(f"No {queryset.model._meta.verbose_name} at this address.")
