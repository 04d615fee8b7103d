"""Readers' "Rate this" stars, one per visitor and article."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class RatingSummary:
    def __init__(self, average: float | None, count: int):
        self.average = round(average, 1) if average is not None else None
        self.count = count


class Rating(models.Model):
    """One visitor's "Rate this" for one article. The visitor is a keyed hash, never an IP."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="ratings")
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
