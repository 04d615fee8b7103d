"""The site's fixed pages: about, terms, privacy, editorial policy."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from empower.markup import render_markdown


class Page(models.Model):
    """About, Editorial policy, Medical disclaimer, Terms, Privacy: edited in the admin."""

    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("The page's address, e.g. 'about' for /about/. Footer links rely on it."),
    )
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(
        _("summary"),
        max_length=400,
        help_text=_("A short version, shown where the page is quoted (e.g. under articles)."),
    )
    body = models.TextField(_("body"), help_text=_("Markdown."))
    body_html = models.TextField(editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("page")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})
