"""Signing in takes two steps; only the second makes a session.

After the right password the session holds a *pending* sign-in (who, when,
where to go next) and nothing else: the visitor is still anonymous everywhere.
A second factor (a passkey, an authenticator-app code or a backup code)
completes it with Django's login(), and django-otp marks the session verified.
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login

PENDING = "staff.pending"
SIGNED_IN_AT = "staff.signed_in_at"
LAST_SEEN = "staff.last_seen"
ENROL_KEY = "staff.enrol_key"
# Half-finished ceremonies: passkey challenges (django-otp-webauthn's and ours)
# and an authenticator-app key being set up. None outlives the sign-in it began in.
CEREMONIES = [
    "otp_webauthn_authentication_state",
    "otp_webauthn_register_state",
    "staff.passkey_sign_in_for",
    "staff.passkey_register_for",
    ENROL_KEY,
]
# Long enough to find a phone; short enough that a half-finished sign-in on a
# shared computer is soon worth nothing.
PENDING_SECONDS = 10 * 60
SESSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def safe_next(request, url: str | None) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("admin:index")


def begin(request, user, next_url: str) -> None:
    """The password was right: remember who is signing in, not that they are."""
    request.session.cycle_key()
    forget_ceremonies(request.session)
    request.session[PENDING] = {"user": user.pk, "at": time.time(), "next": next_url}


def forget_ceremonies(session) -> None:
    for key in CEREMONIES:
        session.pop(key, None)


def pending_user(request, *, now: float | None = None):
    """The staff member half-way through signing in, or None."""
    state = request.session.get(PENDING)
    if not isinstance(state, dict):
        return None
    now = time.time() if now is None else now
    if now - state.get("at", 0) > PENDING_SECONDS or not isinstance(state.get("user"), int):
        return None
    return get_user_model().objects.filter(pk=state["user"], is_active=True, is_staff=True).first()


def pending_next(request) -> str:
    state = request.session.get(PENDING) or {}
    return state.get("next") or reverse("admin:index")


def complete(request, user, device) -> str:
    """The second factor was right: sign in, mark the session verified, and
    return where to go next."""
    next_url = pending_next(request)
    auth_login(request, user, backend=SESSION_BACKEND)
    otp_login(request, device)
    request.session.pop(PENDING, None)
    forget_ceremonies(request.session)
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now
    return next_url


def session_expired(session, *, now: float) -> bool:
    """Staff sessions end STAFF_SESSION_HOURS after signing in, and after
    STAFF_IDLE_MINUTES without a request."""
    signed_in_at = session.get(SIGNED_IN_AT)
    last_seen = session.get(LAST_SEEN)
    if not isinstance(signed_in_at, (int, float)) or not isinstance(last_seen, (int, float)):
        return True
    return (
        now - signed_in_at > settings.STAFF_SESSION_HOURS * 3600
        or now - last_seen > settings.STAFF_IDLE_MINUTES * 60
    )
