"""Passkeys (WebAuthn) through django-otp-webauthn, fitted to our two-step sign-in.

The library's views expect a signed-in user; ours also serve the staff member
half-way through signing in (password given, second factor not yet), and they
finish the sign-in themselves. Registration is open to a half-signed-in person
only while they have no second factor at all (their first enrolment); anyone
else adds a passkey from a verified session.

Two rules of our own: the browser must always verify the person (PIN,
fingerprint or face), and a ceremony finishes only for the person it began
for, so a challenge left in a session can't be finished once the pending
sign-in it belonged to has expired.
"""

from django.http import JsonResponse
from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import exceptions
from django_otp_webauthn import views as library
from django_otp_webauthn.helpers import WebAuthnHelper
from webauthn.helpers.structs import UserVerificationRequirement

from staff import signin
from staff.models import has_second_factor

# Who each ceremony began for (a user's pk, or None for a passwordless sign-in).
BEGUN_FOR = {"authenticate": "staff.passkey_sign_in_for", "register": "staff.passkey_register_for"}


class StaffPasskeyHelper(WebAuthnHelper):
    """Every passkey ceremony requires user verification: a security key without
    a PIN is something you have, and staff sign-in needs two factors."""

    def get_generate_registration_options_kwargs(self, *, user):
        options = super().get_generate_registration_options_kwargs(user=user)
        options["authenticator_selection"].user_verification = UserVerificationRequirement.REQUIRED
        return options

    def get_generate_authentication_options_kwargs(self, *, user=None, require_user_verification):
        return super().get_generate_authentication_options_kwargs(
            user=user, require_user_verification=True
        )


class NotYours(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_detail = "Sign in with your password and your existing second factor first."
    default_code = "not_verified"


class SigningInUser:
    def _parse_request_data(self, request):
        try:
            return super()._parse_request_data(request)
        except (RecursionError, ValueError):  # [[[[[…, or bytes that are not text at all
            raise exceptions.MalformedRequest() from None

    def get_user(self):
        if self.request.user.is_authenticated:
            return self.request.user
        return signin.pending_user(self.request)


class BoundToUser(SigningInUser):
    """Remembers who a ceremony ("authenticate" or "register") began for."""

    def post(self, *args, **kwargs):
        user = self.get_user()
        response = super().post(*args, **kwargs)
        self.request.session[BEGUN_FOR[self.ceremony]] = user.pk if user else None
        return response


class FinishesForTheSameUser(SigningInUser):
    """Completes a ceremony only for the person it began for."""

    def get_state(self):
        state = super().get_state()
        begun_for = self.request.session.pop(BEGUN_FOR[self.ceremony], "nobody")
        user = self.get_user()
        if begun_for != (user.pk if user else None):
            raise exceptions.InvalidState()
        return state


class RegistrationRules(SigningInUser):
    def _check_user_verified(self, user):
        if self.request.user.is_authenticated:
            if not self.request.user.is_verified():
                raise NotYours()
        elif has_second_factor(user):
            raise NotYours()


class BeginRegistration(BoundToUser, RegistrationRules, library.BeginCredentialRegistrationView):
    ceremony = "register"


class CompleteRegistration(
    FinishesForTheSameUser, RegistrationRules, library.CompleteCredentialRegistrationView
):
    ceremony = "register"

    def post(self, *args, **kwargs):
        user = self.get_user()
        state = self.get_state()
        with library.rewrite_exceptions(logger=library._get_pywebauthn_logger()):
            device = self.get_helper().register_complete(
                user=user, state=state, data=self.request.data
            )
        if not self.request.user.is_authenticated:
            signin.complete(self.request, user, device)
        return JsonResponse({"id": device.pk})


class BeginAuthentication(BoundToUser, library.BeginCredentialAuthenticationView):
    """With a pending sign-in, the passkey is the second factor; without one,
    it is the whole sign-in, and the browser must verify the person (PIN or
    biometrics), so it still takes two factors."""

    ceremony = "authenticate"


class CompleteAuthentication(FinishesForTheSameUser, library.CompleteCredentialAuthenticationView):
    ceremony = "authenticate"

    def check_device_usable(self, device):
        super().check_device_usable(device)
        if not device.user.is_staff:
            raise exceptions.UserDisabled()

    def complete_auth(self, device):
        self.next_url = signin.safe_next(self.request, signin.pending_next(self.request))
        signin.complete(self.request, device.user, device)

    def get_success_url(self):
        return self.next_url


urlpatterns = [
    path("register/begin/", BeginRegistration.as_view(), name="credential-registration-begin"),
    path(
        "register/complete/",
        CompleteRegistration.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "sign-in/begin/",
        BeginAuthentication.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "sign-in/complete/",
        CompleteAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
