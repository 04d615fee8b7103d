from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Avg, Count
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.markup import render_markdown


class Condition(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown in lists and to search engines."),
    )
    overview = models.TextField(
        _("overview"), blank=True, help_text=_("Markdown. Shown at the top of the guide.")
    )
    overview_html = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("condition")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.overview_html = render_markdown(self.overview)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:condition", kwargs={"slug": self.slug})

    @property
    def letter(self) -> str:
        """The heading this condition files under in the A to Z list."""
        first = self.name[:1].upper()
        return first if first.isalpha() else "#"


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles a reader may see: a reviewed revision is live and its time has come."""
        return self.filter(published_revision__isnull=False, published_at__lte=timezone.now())

    def for_listing(self):
        return self.select_related("published_revision", "condition").order_by(
            "-published_at", "-pk"
        )


class Article(models.Model):
    """A condition article. Its words live in revisions; readers see the published one.

    An article becomes public only through publish(), which accepts only a
    revision that a nurse reviewer has approved.
    """

    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The article's web address.")
    )
    condition = models.ForeignKey(
        Condition,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("condition"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("editor"),
    )
    published_revision = models.ForeignKey(
        "Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text=_("The approved revision readers see. Set only by publishing."),
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Readers see the article from this moment."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        indexes = [
            models.Index(fields=["condition", "-published_at"], name="article_condition_pub_idx"),
            models.Index(fields=["-published_at"], name="article_published_idx"),
        ]

    def __str__(self):
        revision = self.published_revision
        return revision.title if revision else self.slug

    def get_absolute_url(self):
        return reverse("articles:article", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return bool(
            self.published_revision_id and self.published_at and self.published_at <= timezone.now()
        )

    @cached_property
    def current_review(self) -> "Review | None":
        """The latest review of the live revision: the source of the byline."""
        if not self.published_revision_id:
            return None
        return self.published_revision.reviews.order_by("-reviewed_at", "-pk").first()

    def publish(self, revision: "Revision", at=None) -> None:
        if revision.article_id != self.pk:
            raise ValidationError(
                _("That revision belongs to another article."), code="wrong_article"
            )
        if not revision.reviews.exists():
            raise ValidationError(
                _("Only a revision approved by a nurse reviewer can be published."),
                code="not_approved",
            )
        self.published_revision = revision
        self.published_at = at or timezone.now()
        self.save(update_fields=["published_revision", "published_at", "updated_at"])

    def rate(self, visitor_key: str, stars: int) -> "Rating":
        rating, _created = Rating.objects.update_or_create(
            article=self, visitor_key=visitor_key, defaults={"stars": stars}
        )
        return rating

    def rating_summary(self) -> "RatingSummary":
        figures = self.ratings.aggregate(average=Avg("stars"), count=Count("pk"))
        return RatingSummary(average=figures["average"], count=figures["count"])


class Revision(models.Model):
    """The words of an article at one point in time."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences, shown in lists and to search engines."),
    )
    body = models.TextField(_("body"), help_text=_("Markdown."))
    body_html = models.TextField(editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")

    def __str__(self):
        return f"{self.title} ({self.created_at:%Y-%m-%d %H:%M})" if self.created_at else self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)

    def approve(self, reviewer) -> "Review":
        """Record that a nurse reviewer checked this revision. Does not publish."""
        profile = ReviewerProfile.objects.filter(user=reviewer).first()
        if profile is None:
            raise ValidationError(
                _("Only a nurse reviewer can approve a revision."), code="not_reviewer"
            )
        return Review.objects.create(
            revision=self,
            reviewer=reviewer,
            reviewer_name=profile.display_name,
            credentials=profile.credentials,
        )


class ReviewerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reviewer_profile",
    )
    display_name = models.CharField(
        _("display name"), max_length=120, help_text=_("As it appears in bylines.")
    )
    credentials = models.CharField(
        _("credentials"), max_length=60, help_text=_("For example RN, or MD.")
    )
    credentials_verified_on = models.DateField(
        _("credentials last verified on"),
        help_text=_("When someone last checked the licence with the issuing body."),
    )

    class Meta:
        verbose_name = _("reviewer profile")

    def __str__(self):
        return f"{self.display_name}, {self.credentials}"


class Review(models.Model):
    """A nurse reviewer's sign-off on one exact revision. Never edited, only added.

    The reviewer's name and credentials are copied at the time of review, so a
    byline keeps saying who vouched for the text even if a profile changes.
    """

    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewer_name = models.CharField(max_length=120)
    credentials = models.CharField(max_length=60)
    reviewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-reviewed_at", "-pk"]
        indexes = [models.Index(fields=["revision", "-reviewed_at"], name="review_revision_idx")]

    def __str__(self):
        return f"{self.reviewer_name}, {self.credentials} on {self.reviewed_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("A review cannot be changed once recorded."), code="immutable")
        super().save(*args, **kwargs)


class Reference(models.Model):
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="references")
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

    @property
    def citation(self) -> str:
        """'Source. Title. Web. 5 December 2011.'"""
        accessed = format_date(self.accessed_on, "j F Y")
        return f"{end_sentence(self.source)} {end_sentence(self.title)} Web. {accessed}."


def end_sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else f"{text}."


class RatingSummary:
    def __init__(self, average: float | None, count: int):
        self.average = round(average, 1) if average is not None else None
        self.count = count


class Rating(models.Model):
    """One visitor's "Rate this" for one article. The visitor is a keyed hash, never an IP."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="ratings")
    visitor_key = models.CharField(max_length=64)
    stars = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "visitor_key"], name="one_rating_per_visitor"
            ),
            models.CheckConstraint(
                condition=models.Q(stars__gte=1, stars__lte=5), name="stars_between_1_and_5"
            ),
        ]

    def __str__(self):
        return f"{self.stars}★ for {self.article_id}"


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


@transaction.atomic
def create_article(*, condition, slug, author, editor, title, summary, body, references=()):
    """Create an article with its first revision (not yet approved or published)."""
    article = Article.objects.create(slug=slug, condition=condition, author=author, editor=editor)
    revision = Revision.objects.create(
        article=article, title=title, summary=summary, body=body, created_by=author
    )
    for position, reference in enumerate(references):
        Reference.objects.create(revision=revision, position=position, **reference)
    return article, revision
