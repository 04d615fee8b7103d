import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.models import app_code_step

APP_CODE = re.compile(r"^\d{6}$")

CODE_WIDGET = forms.TextInput(
    attrs={
        "autocomplete": "one-time-code",
        "autocapitalize": "none",
        "spellcheck": "false",
        "size": 12,
        "autofocus": True,
    }
)


def normalise(code: str) -> str:
    # People type codes with spaces or dashes, as the app or the sheet shows them.
    return re.sub(r"[\s-]", "", code).lower()


class CodeForm(forms.Form):
    """The second step of signing in: a code from the authenticator app, or a backup code."""

    code = forms.CharField(
        label="Code",
        max_length=20,
        widget=CODE_WIDGET,
        help_text="The 6-digit code your authenticator app shows now, or one of your "
        "backup codes (each works once).",
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        # Each kind of device counts its own wrong tries (django-otp slows down
        # the next try after each), so a code goes only to the kind it can be.
        model = TOTPDevice if APP_CODE.match(code) else StaticDevice
        with transaction.atomic():
            devices = model.objects.devices_for_user(self.user, confirmed=True).select_for_update()
            for device in devices:
                allowed, why = device.verify_is_allowed()
                if not allowed:
                    wait = max(1, int((why["locked_until"] - timezone.now()).total_seconds()))
                    raise ValidationError(
                        "Too many wrong codes. Wait %(seconds)s seconds, then try the newest code.",
                        code="throttled",
                        params={"seconds": wait},
                    )
                if device.verify_token(code):
                    self.device = device
                    return code
        raise ValidationError(
            "That code isn’t right. Use the newest code from your app, or a backup code.",
            code="wrong_code",
        )


class AppSetupForm(forms.Form):
    """Proves the authenticator app was set up: the code it shows now."""

    code = forms.CharField(
        label="Code from your app",
        max_length=10,
        widget=CODE_WIDGET,
        help_text="After adding Empower to your app, type the 6-digit code it shows.",
    )

    def __init__(self, key_hex, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key_hex = key_hex
        self.step = None

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        self.step = app_code_step(self.key_hex, code) if APP_CODE.match(code) else None
        if self.step is None:
            raise ValidationError(
                "That code isn’t right. Check the app’s clock is right and type the newest code.",
                code="wrong_code",
            )
        return code


class ResetForm(forms.Form):
    reason = forms.CharField(
        label="Why",
        max_length=300,
        help_text="For the record, e.g. “lost phone, confirmed by a call on 3 May”.",
    )
