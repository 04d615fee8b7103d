import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout

from staff.signin import LAST_SEEN, session_expired

# Writing the session on every request would cost a query each; a minute's
# precision is plenty for a 30-minute idle limit.
TOUCH_EVERY_SECONDS = 60


class StaffSessionMiddleware:
    """Ends a session that has run too long, sat idle, or was never verified by
    a second factor (one made before second factors were required, say)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie there is no one to check, and not asking
        # keeps the session untouched (no "Vary: Cookie" on public pages).
        if request.COOKIES.get(settings.SESSION_COOKIE_NAME) and request.user.is_authenticated:
            now = time.time()
            if not request.user.is_verified() or session_expired(request.session, now=now):
                logout(request)
                messages.info(request, "Your staff session has ended. Sign in again to go on.")
            elif now - request.session[LAST_SEEN] > TOUCH_EVERY_SECONDS:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
