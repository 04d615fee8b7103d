"""Health conditions: each has a guide and its articles, and sets how often they are reviewed."""

from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models.old_slugs import KeepsOldSlugs
from empower.markup import render_markdown
from images.models import lead_image_field


def published_q(prefix: str = "") -> models.Q:
    """The rule for what readers may see, usable across relations ("articles__")."""
    return models.Q(
        **{
            f"{prefix}published_revision__isnull": False,
            f"{prefix}published_at__lte": timezone.now(),
        }
    )


class ConditionQuerySet(models.QuerySet):
    def listed(self):
        """A to Z, without the guides' texts, for lists and menus."""
        return self.defer("overview", "overview_html").order_by("name")

    def with_article_counts(self):
        """Each with `article_count` (published articles) and `has_guide` (a published guide)."""
        return self.listed().annotate(
            article_count=Count(
                "articles", filter=published_q("articles__") & models.Q(articles__kind="article")
            ),
            has_guide=Exists(
                apps.get_model("articles", "Article").objects.filter(
                    published_q(), condition=OuterRef("pk"), kind="guide"
                )
            ),
        )


class Condition(KeepsOldSlugs):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The condition's web address. If you change it, the old one redirects here."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown in lists and to search engines."),
    )
    overview = models.TextField(
        _("overview"),
        blank=True,
        help_text=_("Markdown. Shown until the condition's guide is reviewed and published."),
    )
    overview_html = models.TextField(editable=False, blank=True)
    lead_image = lead_image_field()
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_(
            "How often this condition's articles must be reviewed again. "
            "Leave empty for the site default (12 months)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConditionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("condition")
        permissions = [
            # A clinical-governance decision: no editorial role has it by default.
            ("set_review_interval", "Can change how often a condition's articles are reviewed"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.overview_html = render_markdown(self.overview)
        stored = Condition.objects.filter(pk=self.pk).values_list(
            "review_interval_months", flat=True
        )
        interval_changed = not self._state.adding and stored.first() != self.review_interval_months
        super().save(*args, **kwargs)
        if interval_changed:
            # Move the due dates of its articles with the new interval.
            for article in self.articles.filter(published_revision__isnull=False):
                article.refresh_review_due()

    def get_absolute_url(self):
        return reverse("articles:condition", kwargs={"slug": self.slug})

    @property
    def contents_label(self) -> str:
        """ "guide, 3 articles": what a list says the condition has to read
        (needs `with_article_counts`)."""
        parts = ["guide"] if getattr(self, "has_guide", False) else []
        if count := getattr(self, "article_count", 0):
            parts.append(f"{count} article{'s' if count != 1 else ''}")
        return ", ".join(parts)

    @property
    def letter(self) -> str:
        """The heading this condition files under in the A to Z list."""
        first = self.name[:1].upper()
        return first if first.isalpha() else "#"
