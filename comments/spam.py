"""The spam defences every reader-written form shares, all on our own server.

Refusals (the form is shown again with a message, nothing is stored): a wrong
CAPTCHA, a filled honeypot, a form sent too fast or too late, too many posts
from one visitor or one email address, a duplicate. Suspicions (stored, but in
the Spam state where only moderators see it): too many links, blocked phrases.
"""

import re
import time

from django.conf import settings
from django.core import signing

from comments.models import BlockedPhrase, CrisisTerm
from empower.ratelimit import allow

LINK = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|net|org|ru|info|biz|xyz|top)\b", re.I)
TIMESTAMP_SALT = "comments.form-started"


def sign_start() -> str:
    return signing.dumps(time.time(), salt=TIMESTAMP_SALT)


def seconds_since_start(token: str) -> float | None:
    """Seconds since the form was shown, or None when the token was tampered with."""
    try:
        started = signing.loads(token, salt=TIMESTAMP_SALT)
    except signing.BadSignature:
        return None
    return time.time() - float(started)


def within_rate_limits(form_name: str, address_key: str, email_key: str) -> str | None:
    """None when allowed, otherwise the refusal reason."""
    limit = settings.COMMENTS_PER_HOUR
    if not allow(f"{form_name}:address", address_key, limit=limit, window_seconds=3600):
        return "rate_limited_visitor"
    if not allow(f"{form_name}:email", email_key, limit=limit, window_seconds=3600):
        return "rate_limited_email"
    return None


def suspicions(*texts: str) -> list[tuple[str, str]]:
    """(code, explanation) for each reason to hold a submission as spam, not in the queue."""
    joined = "\n".join(texts)
    reasons = []
    links = len(LINK.findall(joined))
    if links > settings.COMMENTS_MAX_LINKS:
        reasons.append(("links", f"{links} links"))
    lowered = joined.lower()
    for phrase in BlockedPhrase.objects.values_list("phrase", flat=True):
        if phrase in lowered:
            reasons.append(("blocked_phrase", f"blocked phrase “{phrase}”"))
    return reasons


def crisis_terms(*texts: str) -> list[str]:
    """Crisis words found in the texts: the post is urgent, and its writer needs help now."""
    lowered = "\n".join(texts).lower()
    return [term for term in CrisisTerm.objects.values_list("phrase", flat=True) if term in lowered]
