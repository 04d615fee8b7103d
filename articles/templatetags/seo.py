"""Search-engine metadata: JSON-LD that keeps the Content Security Policy strict."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The same escapes as Django's json_script: nothing in the data can close the tag.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, data):
    """<script type="application/ld+json"> with the page's CSP nonce."""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_ESCAPES)
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        context.get("csp_nonce", ""),
        mark_safe(payload),  # noqa: S308 - JSON with <, > and & escaped, as json_script does
    )
