"""Staff sign-in in a real browser: passkey, authenticator-app code, backup code, lockout."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from staff.models import make_backup_codes
from tests.conftest import totp
from tests.e2e.conftest import E2E

pytestmark = E2E


@pytest.fixture
def passkeys_here(settings, live_server):
    """Passkeys belong to a host name; here, the test server's."""
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]


def add_virtual_authenticator(page):
    """Chromium's DevTools authenticator: a platform passkey store that says yes."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return cdp


def type_password(page, username="erin", password="erin-password-1"):  # noqa: S107
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def sign_out(page):
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/admin/logout/")


def test_a_new_editor_enrols_a_passkey_and_signs_in_with_it(page, editor, passkeys_here):
    add_virtual_authenticator(page)
    type_password(page)
    page.wait_for_url("**/admin/sign-in/enrol/")
    page.get_by_role("button", name="Create a passkey").click()
    page.wait_for_url("**/admin/sign-in/backup-codes/")
    assert WebAuthnCredential.objects.filter(user=editor, confirmed=True).count() == 1

    page.get_by_role("button", name="Make backup codes").click()
    assert page.locator(".backup-codes li").count() == 10
    page.get_by_role("link", name="I have saved them").click()
    page.wait_for_url("**/admin/")
    sign_out(page)

    # The passkey is her second factor after the password...
    type_password(page)
    page.wait_for_url("**/admin/sign-in/confirm/")
    page.get_by_role("button", name="Use your passkey").click()
    page.wait_for_url("**/admin/")
    assert "welcome, erin" in page.locator("#user-tools").inner_text().lower()
    sign_out(page)

    # ...or the whole sign-in: the browser checked her fingerprint or PIN.
    page.goto("/admin/login/")
    page.get_by_role("button", name="Sign in with a passkey").click()
    page.wait_for_url("**/admin/")
    assert "Your work" in page.locator("h1").inner_text()


def test_an_editor_signs_in_with_a_code_from_her_authenticator_app(page, editor):
    app = TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=True)
    type_password(page)
    page.wait_for_url("**/admin/sign-in/confirm/")
    page.get_by_label("Code").fill(totp(app.key))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/admin/")
    assert "Your work" in page.locator("h1").inner_text()


def test_an_editor_who_lost_her_phone_signs_in_with_a_backup_code(page, editor):
    TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=True)
    codes = make_backup_codes(editor)
    type_password(page)
    page.get_by_label("Code").fill(codes[3])
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/admin/")
    sign_out(page)

    type_password(page)
    page.get_by_label("Code").fill(codes[3])
    page.get_by_role("button", name="Confirm").click()
    assert "That code isn’t right" in page.locator(".errornote").inner_text()


def test_guessing_passwords_locks_the_account(page, editor):
    for _attempt in range(5):
        type_password(page, password="not-her-password")
        assert (
            "Please enter the correct username and password"
            in page.locator(".errornote").inner_text()
        )
    type_password(page, password="not-her-password")
    assert page.locator("h1").inner_text() == "Signing in is paused"
    type_password(page)
    assert page.locator("h1").inner_text() == "Signing in is paused"
