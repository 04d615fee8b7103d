"""The people behind the review: each nurse reviewer's and editor's public profile.
A reviewer's verified credentials are also what lets them sign off."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class StaffProfileQuerySet(models.QuerySet):
    def public(self):
        """Profiles readers may see: of people still on the team (`is_public`, for one)."""
        return self.filter(user__is_active=True)

    def reviewers(self):
        """Nurse reviewers: a profile with credentials that someone has verified."""
        return self.public().exclude(credentials="").filter(credentials_verified_on__isnull=False)


class StaffProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
    )
    display_name = models.CharField(
        _("display name"), max_length=120, help_text=_("As it appears in bylines.")
    )
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("The profile page's web address.")
    )
    job_title = models.CharField(
        _("role"),
        max_length=120,
        blank=True,
        help_text=_("For example Nurse reviewer, or Health editor."),
    )
    credentials = models.CharField(
        _("credentials"),
        max_length=60,
        blank=True,
        help_text=_("For example RN, or MD. Nurse reviewers need them to sign off."),
    )
    credentials_verified_on = models.DateField(
        _("credentials last verified on"),
        null=True,
        blank=True,
        help_text=_(
            "When someone last checked the licence with the issuing body. Reviewers can sign "
            "off only while this is recent enough (REVIEWER_VERIFICATION_DAYS, 2 years by default)."
        ),
    )
    bio = models.TextField(
        _("short bio"),
        blank=True,
        help_text=_("A few sentences for readers: experience, specialties. Plain text."),
    )
    photo = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
        help_text=_("From the media library."),
    )

    objects = StaffProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("staff profile")

    def __str__(self):
        return self.byline_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._free_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:profile", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        """Readers may see this profile: what `StaffProfile.objects.public()` selects."""
        return self.user.is_active

    @property
    def byline_name(self) -> str:
        return f"{self.display_name}, {self.credentials}" if self.credentials else self.display_name

    @property
    def verification_expires_on(self):
        if self.credentials_verified_on is None:
            return None
        return self.credentials_verified_on + timedelta(days=settings.REVIEWER_VERIFICATION_DAYS)

    def _free_slug(self) -> str:
        base = slugify(self.display_name)[:100] or "profile"
        taken = set(
            StaffProfile.objects.filter(slug__startswith=base).values_list("slug", flat=True)
        )
        return next(
            slug
            for slug in (base, *(f"{base}-{n}" for n in range(2, len(taken) + 3)))
            if slug not in taken
        )

    @property
    def verification_is_current(self) -> bool:
        expires = self.verification_expires_on
        return expires is not None and expires >= timezone.localdate()
