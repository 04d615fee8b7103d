"""`{% picture image sizes="…" %}`: a library image in a modern format at the width
the layout needs, with a JPEG for browsers that can't, and its size set so the
page never shifts while it loads."""

from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.templatetags.static import static

from images import embeds

register = template.Library()

# How wide each layout shows an image, for the browser to pick a file before the CSS loads.
LAYOUT_SIZES = {
    "lead": "(min-width: 1400px) 856px, (min-width: 992px) 62vw, calc(100vw - 24px)",
    "card": "7.5rem",
}


@register.simple_tag
def picture(image, sizes="100vw", loading="lazy", css_class="", priority=False, decorative=False):
    if image is None:
        return ""
    storage = image.file.storage
    srcsets = {
        kind: ", ".join(f"{storage.url(r['name'])} {r['width']}w" for r in sized)
        for kind, sized in image.sources.items()
        if sized
    }
    jpegs = image.sources["jpeg"]
    if not jpegs:  # renditions not made (yet): the cleaned original
        fallback, width, height = image.file.url, image.width, image.height
    else:
        fallback = storage.url(jpegs[len(jpegs) // 2]["name"])
        width, height = jpegs[-1]["width"], jpegs[-1]["height"]
    return get_template("images/picture.html").render(
        {
            "alt": "" if decorative else image.alt,
            "avif": srcsets.get("avif"),
            "jpeg": srcsets.get("jpeg"),
            "fallback": fallback,
            "width": width,
            "height": height,
            "sizes": LAYOUT_SIZES.get(sizes, sizes),
            "loading": "eager" if priority else loading,
            "priority": priority,
            "css_class": css_class,
        }
    )


@register.simple_tag
def share_image_url(image=None) -> str:
    """The absolute address of the 1200 × 630 image social sites show for a page:
    its lead image's, or the site's own."""
    url = image.share_url() if image is not None else None
    return url or urljoin(settings.SITE_URL + "/", static("img/share.png"))


@register.filter
def with_images(html: str):
    """`{{ revision.body_html|with_images }}`: the body with its library images drawn."""
    return embeds.with_images(html)
