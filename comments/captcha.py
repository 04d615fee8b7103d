"""The CAPTCHA's characters: easy for people to tell apart, hard for OCR to read."""

import secrets

from django.conf import settings

# No 0/O, 1/I/L/7, 5/S, 2/Z or 8/B: they look alike once rotated and blurred.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY3469"


def readable_challenge() -> tuple[str, str]:
    """(text drawn in the image, expected answer); answers are compared case-insensitively."""
    text = "".join(secrets.choice(ALPHABET) for _ in range(settings.CAPTCHA_LENGTH))
    return text, text.lower()
