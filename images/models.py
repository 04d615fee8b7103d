"""The media library: images editors upload once and place on articles, guides and
profiles, each with the words that describe it to readers who can't see it."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from images.renditions import FORMATS, delete_renditions, make_renditions
from images.uploads import clean_upload


class Image(models.Model):
    title = models.CharField(
        _("name in the library"), max_length=120, help_text=_("For finding it again; not shown.")
    )
    file = models.ImageField(
        _("image"),
        upload_to="images/",
        help_text=_(
            "JPEG, PNG, WebP or AVIF. Location and camera details are removed when it is saved."
        ),
    )
    # Set from the cleaned file (not Django's width_field, which decodes the
    # upload the moment it is assigned, before anything has checked it).
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for readers who can't see it, in a sentence. "
            "Required unless the image is decorative."
        ),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Tick only if the image adds nothing the text doesn't say."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Who made it, e.g. Illustration: …")
    )
    licence = models.CharField(
        _("licence"),
        max_length=120,
        blank=True,
        help_text=_("How we may use it, e.g. “Our own”, “CC BY 4.0”."),
    )
    renditions = models.JSONField(default=list, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("image")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decorative=True) | ~models.Q(alt_text=""),
                name="image_alt_text_or_decorative",
                violation_error_message=_(
                    "Describe the image in the alt text, or tick “decorative”."
                ),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """A new file is cleaned (type, size, metadata) before it is stored, however
        it arrives, and its renditions are made; the old ones go once this commits."""
        new_file = self.file and not self.file._committed
        if new_file:
            if not getattr(self.file.file, "cleaned", False):  # the admin form cleans first
                clean = clean_upload(self.file)
                self.file, self.width, self.height = clean.file, clean.width, clean.height
            old = Image.objects.filter(pk=self.pk).values_list("file", "renditions").first()
        super().save(*args, **kwargs)
        if new_file:
            self.renditions = make_renditions(self.file)
            super().save(update_fields=["renditions"])
            if old is not None:
                storage = self.file.storage
                transaction.on_commit(
                    lambda: (storage.delete(old[0]), delete_renditions(storage, old[1]))
                )

    def clean(self):
        if not self.decorative and not self.alt_text.strip():
            raise ValidationError(
                {
                    "alt_text": _(
                        "Describe the image for readers who can't see it, or tick “decorative”."
                    )
                }
            )

    @property
    def alt(self) -> str:
        """The alt attribute: empty for a decorative image, so screen readers skip it."""
        return "" if self.decorative else self.alt_text

    @cached_property
    def sources(self) -> dict[str, list[dict]]:
        """Sized renditions by kind (avif, jpeg), narrowest first."""
        kinds: dict[str, list[dict]] = {kind: [] for kind in FORMATS}
        for rendition in self.renditions:
            if rendition["use"] == "size":
                kinds[rendition["kind"]].append(rendition)
        for sized in kinds.values():
            sized.sort(key=lambda rendition: rendition["width"])
        return kinds

    def share_url(self) -> str | None:
        """The absolute address of the 1200 × 630 JPEG that social sites show for a
        shared link (storage may give a full URL already, e.g. S3's)."""
        for rendition in self.renditions:
            if rendition["use"] == "share":
                return urljoin(settings.SITE_URL + "/", self.file.storage.url(rendition["name"]))
        return None


def lead_image_field():
    """The lead image of a page (an article, a condition): from the library,
    optional, and kept while a page shows it."""
    return models.ForeignKey(
        Image,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lead image"),
        help_text=_("From the media library; shown at the top and when the page is shared."),
    )
