"""The CAPTCHA's characters: easy for people to tell apart, hard for OCR to read."""

import secrets

from captcha import views as captcha_views
from django.conf import settings
from django.http import HttpResponse

from empower.ratelimit import allow
from empower.visitors import address_key

# No 0/O, 1/I/L/7, 5/S, 2/Z or 8/B: they look alike once rotated and blurred.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY3469"


def readable_challenge() -> tuple[str, str]:
    """(text drawn in the image, expected answer); answers are compared case-insensitively."""
    text = "".join(secrets.choice(ALPHABET) for _ in range(settings.CAPTCHA_LENGTH))
    return text, text.lower()


# Every showing of a challenge, a new one, or its spoken version writes or reads
# a row and starts programs: limited per address like any other form.


def _within_limit(request) -> bool:
    return allow(
        "captcha",
        address_key(request, "captcha"),
        limit=settings.CAPTCHA_REQUESTS_PER_MINUTE,
        window_seconds=60,
    )


def _too_many():
    return HttpResponse(
        "Too many requests for new characters. Please wait a minute.",
        status=429,
        content_type="text/plain",
    )


def refresh(request):
    """django-simple-captcha's "new characters", rate-limited."""
    if not _within_limit(request):
        return _too_many()
    return captcha_views.captcha_refresh(request)


def audio(request, key):
    """django-simple-captcha's spoken characters (flite, with sox noise), rate-limited,
    and read into memory so its temporary file is closed at once."""
    if not _within_limit(request):
        return _too_many()
    response = captcha_views.captcha_audio(request, key)
    spoken = getattr(response, "ranged_file", None)
    if spoken is None:
        return response  # 410 for an unknown or used challenge, 404 without flite
    with spoken.f as wav:
        wav.seek(0)
        content = wav.read()
    plain = HttpResponse(content, content_type="audio/wav")
    plain["Content-Disposition"] = response["Content-Disposition"]
    return plain
