"""Markdown written by editors, turned into HTML that is safe to show readers."""

import re

import markdown
import nh3
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from markdown.extensions.toc import TocExtension

# No <img>: pictures would load from wherever their URL points, and no page of
# ours may make a request to another host. Library images are placed by
# reference instead (see IMAGE_REFERENCE).
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em",
    "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "td": {"align"},
    "th": {"align", "scope"},
}
URL_SCHEMES = {"http", "https", "mailto"}

# `![](image:42)` on a line of its own places image 42 of the media library. It is
# kept as a marker in the stored HTML and drawn when the page is shown, so the
# image's current alt text, caption and files are used.
IMAGE_REFERENCE = re.compile(r"^!\[[^\]\n]*\]\(image:(\d{1,12})\)[ \t]*$", re.MULTILINE)
IMAGE_MARKER = re.compile(r"<p>\[\[image:(\d{1,12})\]\]</p>")

# Ids the page around an article already uses: a heading never takes one.
RESERVED_IDS = {"main", "comments", "rate", "references", "key-points", "contents"}


def heading_id(text: str, separator: str) -> str:
    slug = slugify(text) or "section"
    return f"{slug}-section" if slug in RESERVED_IDS else slug


def render_markdown(text: str) -> str:
    text = IMAGE_REFERENCE.sub(lambda match: f"\n[[image:{match[1]}]]\n", text)
    html = markdown.markdown(
        text,
        extensions=["extra", "sane_lists", TocExtension(slugify=heading_id, toc_depth="2-3")],
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.DOTALL)


def sections(html: str) -> list[tuple[str, str]]:
    """The (id, text) of each level-2 heading in rendered HTML: a table of contents."""
    return [
        (anchor, mark_safe(nh3.clean(title, tags=set())))  # noqa: S308 - text only, escaped
        for anchor, title in HEADING.findall(html)
    ]
