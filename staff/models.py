"""Second factors, and the record of every reset a superuser makes.

The factors themselves are django-otp's devices: passkeys (django-otp-webauthn),
authenticator apps (TOTP) and one-time backup codes. A staff member signs in
with a password and one of them; nobody is signed in with a password alone.
"""

import time
from binascii import unhexlify

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key
from django_otp_webauthn.models import WebAuthnCredential

from empower.records import Record

BACKUP_CODE_COUNT = 10
BACKUP_CODES_NAME = "Backup codes"


def has_second_factor(user) -> bool:
    """A confirmed passkey or authenticator app. Backup codes alone don't count:
    they are for the day the real factor is lost."""
    return (
        WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()
        or TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    )


def new_app_key() -> str:
    """A fresh authenticator-app secret (hex, as django-otp stores it)."""
    return default_key()


def app_code_step(key_hex: str, code: str, *, now: float | None = None) -> int | None:
    """The time step at which `code` is right for `key_hex` (allowing the app's
    clock to be one step off), or None."""
    if not code.isdigit():
        return None
    totp = TOTP(unhexlify(key_hex))
    totp.time = time.time() if now is None else now
    if not totp.verify(int(code), tolerance=1):
        return None
    return totp.t()


def add_authenticator_app(user, key_hex: str, step: int) -> TOTPDevice:
    """The app is saved only once it has shown a right code: a key shown on a
    page but never confirmed is never stored, so nobody can plant one for the
    owner to confirm later."""
    return TOTPDevice.objects.create(
        user=user, name="Authenticator app", key=key_hex, confirmed=True, last_t=step
    )


def has_passkey(user) -> bool:
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


@transaction.atomic
def remove_factor(user, device) -> bool:
    """Remove one of someone's own factors; False (and nothing removed) when it
    is their last passkey or app, which would leave them only backup codes."""
    # One removal at a time per person: two at once could each leave the other last.
    get_user_model().objects.select_for_update().get(pk=user.pk)
    others = [
        other
        for other in sign_in_methods(user)
        if other.persistent_id != device.persistent_id and not isinstance(other, StaticDevice)
    ]
    if not isinstance(device, StaticDevice) and not others:
        return False
    device.delete()
    return True


def sign_in_methods(user) -> list:
    """Every confirmed factor, passkeys first."""
    order = {WebAuthnCredential: 0, TOTPDevice: 1, StaticDevice: 2}
    return sorted(devices_for_user(user), key=lambda device: order.get(type(device), 3))


def describe(device) -> str:
    if isinstance(device, WebAuthnCredential):
        return "Passkey"
    if isinstance(device, TOTPDevice):
        return "Authenticator app"
    if isinstance(device, StaticDevice):
        return "Backup codes"
    return "Second factor"


@transaction.atomic
def make_backup_codes(user) -> list[str]:
    """A fresh set of one-time codes, replacing any earlier set; shown once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=BACKUP_CODES_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_backup_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


class FactorReset(Record):
    """A superuser removed someone's second factors (a lost phone or key). Kept, never edited."""

    changed_message = _("Second-factor resets are a record; they cannot be changed.")

    at = models.DateTimeField(default=timezone.now, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_username = models.CharField(_("by"), max_length=150)
    for_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    for_username = models.CharField(_("for"), max_length=150)
    removed = models.CharField(_("what was removed"), max_length=300)
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("second-factor reset")

    def __str__(self):
        return f"{self.by_username} reset {self.for_username}’s second factor on {self.at:%Y-%m-%d}"

    @classmethod
    @transaction.atomic
    def reset(cls, *, by, user, reason: str) -> "FactorReset":
        """Remove every factor of `user`, so they enrol again at their next sign-in.

        Only a superuser may, and never for themselves (another superuser must):
        otherwise a stolen superuser password would be enough to take the account.
        """
        if not by.is_superuser:
            raise PermissionDenied("Only a superuser can reset someone’s second factor.")
        if by.pk == user.pk:
            raise PermissionDenied("Ask another superuser to reset your own second factor.")
        methods = sign_in_methods(user)
        removed = ", ".join(describe(device) for device in methods) or "nothing"
        for model in (WebAuthnCredential, TOTPDevice, StaticDevice):
            model.objects.filter(user=user).delete()
        return cls.objects.create(
            by=by,
            by_username=by.get_username(),
            for_user=user,
            for_username=user.get_username(),
            removed=removed,
            reason=reason,
        )
