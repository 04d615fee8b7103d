"""Library images placed in editors' Markdown (`![](image:42)`), drawn when the
page is shown: every image of a page in one query, however many there are."""

from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from empower.markup import IMAGE_MARKER
from images.models import Image


def with_images(html: str) -> SafeString:
    """Sanitised HTML with its image markers replaced by figures (a marker for an
    image that no longer exists disappears)."""
    ids = {int(found) for found in IMAGE_MARKER.findall(html)}
    if not ids:
        return mark_safe(html)  # noqa: S308 - sanitised by empower.markup when it was saved
    images = Image.objects.in_bulk(ids)
    figure = get_template("images/figure.html")

    def draw(match) -> str:
        image = images.get(int(match[1]))
        return figure.render({"image": image}) if image else ""

    return mark_safe(IMAGE_MARKER.sub(draw, html))  # noqa: S308 - our own template, escaped
