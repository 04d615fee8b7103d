"""Staff sign in with a password and a second factor; guessing gets an account locked."""

import base64
import hashlib
import json
import logging
import re

import cbor2
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from django.contrib import admin
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from empower.roles import EDITORS
from staff.models import FactorReset, make_backup_codes
from staff.signin import LAST_SEEN, PENDING, SIGNED_IN_AT
from tests.conftest import sign_in, staff_member, totp

ATTACKER = "203.0.113.9"
ERIN_PASSWORD = "erin-password-1"


def password_step(client, username="erin", password=ERIN_PASSWORD, address=ATTACKER, **extra):
    return client.post(
        "/admin/login/", {"username": username, "password": password, **extra}, REMOTE_ADDR=address
    )


@pytest.fixture
def app(editor):
    """Erin's authenticator app."""
    return TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=True)


def test_the_sixth_wrong_password_locks_the_account_even_with_the_right_one_next(client, app):
    for _attempt in range(5):
        response = password_step(client, password="wrong-guess-123")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.text
    locked = password_step(client, password="wrong-guess-123")
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.text
    assert "15 minutes" in locked.text

    right = password_step(client)
    assert right.status_code == 429
    assert PENDING not in client.session


def test_five_wrong_passwords_do_not_lock_anyone_out(client, app):
    for _attempt in range(5):
        password_step(client, password="wrong-guess-123")
    assert password_step(client).url == "/admin/sign-in/confirm/"


def test_a_locked_account_stays_locked_from_another_address(client, app):
    for _attempt in range(6):
        password_step(client, password="wrong-guess-123")
    assert password_step(client, address="198.51.100.7").status_code == 429


def test_an_address_that_guesses_many_usernames_is_locked_out_too(client, app):
    for n in range(6):
        password_step(client, username=f"guess{n}", password="wrong-guess-123")
    # Erin herself, from the same address, must wait as well...
    assert password_step(client).status_code == 429
    # ...but not from her own.
    assert password_step(client, address="198.51.100.7").status_code == 302


def test_signing_in_between_guesses_does_not_forgive_them(client, app):
    """A staff member guessing colleagues' passwords can't clear their address's
    count by signing in to their own account every fifth guess."""
    for n in range(5):
        password_step(client, username=f"colleague{n}", password="wrong-guess-123")
    password_step(client)
    client.post("/admin/sign-in/confirm/", {"code": totp(app.key)})
    assert "_auth_user_id" in client.session
    client.logout()
    assert password_step(client, username="colleague9", password="wrong").status_code == 429


def test_lockout_says_the_same_whether_or_not_the_username_exists(client, app):
    pages = []
    for username in ["erin", "nobody-here"]:
        cache.clear()
        for _attempt in range(6):
            response = password_step(client, username=username, password="wrong-guess-123")
        pages.append(re.sub(r'nonce="[^"]+"', "", response.text).replace(username, "NAME"))
    assert pages[0] == pages[1]


def test_lockouts_keep_no_address_or_username_in_the_cache_the_database_or_the_log(
    client, app, caplog
):
    from axes.models import AccessAttempt, AccessLog

    caplog.set_level(logging.INFO)
    for _attempt in range(6):
        password_step(client, password="wrong-guess-123")
    stored = repr(cache._cache) + repr(cache._expire_info)  # locmem's own storage
    assert stored.count("axes") >= 1
    assert ATTACKER not in stored
    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Locking out" in logged
    assert ATTACKER not in logged
    assert '"erin"' not in logged


def test_a_password_alone_opens_no_admin_page(client, editor, app):
    assert password_step(client).url == "/admin/sign-in/confirm/"
    assert "_auth_user_id" not in client.session
    urls = ["/admin/", "/admin/sign-in/methods/", "/admin/sign-in/backup-codes/"]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        if model_admin.has_add_permission.__func__ is admin.ModelAdmin.has_add_permission:
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    assert len(urls) > 20
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/admin/login/"), url


def test_a_session_without_a_second_factor_is_ended(client, editor):
    # A session made before second factors were required, say.
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/admin/").url == "/admin/login/?next=/admin/"
    assert "_auth_user_id" not in client.session


def test_staff_sign_in_with_a_code_from_their_authenticator_app(client, app):
    assert password_step(client).url == "/admin/sign-in/confirm/"
    page = client.get("/admin/sign-in/confirm/")
    assert "Signing in as <strong>erin</strong>" in page.text
    assert "no-store" in page["Cache-Control"]
    response = client.post("/admin/sign-in/confirm/", {"code": totp(app.key)})
    assert response.url == "/admin/"
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert dashboard.context["user"].is_verified()


def test_the_same_app_code_cannot_be_used_twice(client, app):
    code = totp(app.key)
    password_step(client)
    client.post("/admin/sign-in/confirm/", {"code": code})
    client.logout()
    password_step(client)
    response = client.post("/admin/sign-in/confirm/", {"code": code})
    assert response.status_code == 200
    assert "That code isn’t right" in response.text
    assert "_auth_user_id" not in client.session


def test_a_wrong_code_is_refused_and_slows_the_next_try(client, app):
    password_step(client)
    wrong = f"{(int(totp(app.key)) + 1) % 1_000_000:06d}"
    response = client.post("/admin/sign-in/confirm/", {"code": wrong})
    assert "That code isn’t right" in response.text
    # django-otp makes the next try wait; even the right code must wait.
    response = client.post("/admin/sign-in/confirm/", {"code": totp(app.key)})
    assert re.search(r"Too many wrong codes. Wait \d+ seconds", response.text)
    assert "_auth_user_id" not in client.session


def test_a_backup_code_signs_in_once(client, editor, app):
    codes = make_backup_codes(editor)
    assert len(codes) == 10
    password_step(client)
    assert client.post("/admin/sign-in/confirm/", {"code": codes[0].upper()}).url == "/admin/"
    client.logout()
    password_step(client)
    response = client.post("/admin/sign-in/confirm/", {"code": codes[0]})
    assert "That code isn’t right" in response.text
    assert StaticToken.objects.count() == 9


def test_a_half_finished_sign_in_expires_after_ten_minutes(client, app):
    password_step(client)
    session = client.session
    session[PENDING]["at"] -= 11 * 60
    session.save()
    response = client.post("/admin/sign-in/confirm/", {"code": totp(app.key)}, follow=True)
    assert response.redirect_chain[-1][0] == "/admin/login/"
    assert "Signing in took too long" in response.text


def key_on_page(page) -> str:
    """The authenticator-app key the enrol page shows, as django-otp stores keys (hex)."""
    return base64.b32decode(page.context["app_key"].replace(" ", "")).hex()


def test_staff_without_a_second_factor_must_set_one_up_first(client, editor):
    assert password_step(client).url == "/admin/sign-in/enrol/"
    assert client.get("/admin/sign-in/confirm/").url == "/admin/sign-in/enrol/"
    page = client.get("/admin/sign-in/enrol/")
    assert "<svg" in page.text  # the QR code, drawn on our own host
    assert "otpauth" not in page.text  # the secret is in the picture and the key, not a link
    key = key_on_page(page)
    assert key_on_page(client.get("/admin/sign-in/enrol/")) == key  # a reload keeps it
    assert not TOTPDevice.objects.exists(), "nothing is stored until the app proves it has the key"

    wrong = client.post("/admin/sign-in/enrol/", {"code": "12345"})
    assert "That code isn’t right" in wrong.text
    response = client.post("/admin/sign-in/enrol/", {"code": totp(key)})
    assert response.url == "/admin/sign-in/backup-codes/"
    device = TOTPDevice.objects.get(user=editor)
    assert (device.confirmed, device.key) == (True, key)
    made = client.post("/admin/sign-in/backup-codes/")
    assert len(made.context["codes"]) == 10
    assert "no-store" in made["Cache-Control"]


def test_a_key_shown_to_one_sign_in_is_never_shown_to_another(client, editor):
    """Someone with a new colleague's password opens the enrol page and copies the
    key; the colleague must not be shown (and confirm) that same key later."""
    password_step(client)
    planted = key_on_page(client.get("/admin/sign-in/enrol/"))
    owner = Client()
    password_step(owner, address="198.51.100.7")
    assert key_on_page(owner.get("/admin/sign-in/enrol/")) != planted
    # Nor does the first browser get to confirm it once the owner has a factor.
    owner_key = key_on_page(owner.get("/admin/sign-in/enrol/"))
    owner.post("/admin/sign-in/enrol/", {"code": totp(owner_key)})
    assert client.post("/admin/sign-in/enrol/", {"code": totp(planted)}).url == "/admin/login/"
    assert TOTPDevice.objects.get(user=editor).key == owner_key


def test_enrolment_codes_are_rate_limited(client, editor):
    password_step(client)
    key = key_on_page(client.get("/admin/sign-in/enrol/"))
    for _attempt in range(10):
        client.post("/admin/sign-in/enrol/", {"code": "000000" if totp(key) != "000000" else "1"})
    refused = client.post("/admin/sign-in/enrol/", {"code": totp(key)})
    assert "Too many tries" in refused.text
    assert not TOTPDevice.objects.exists()


def test_someone_with_a_factor_cannot_add_another_with_their_password_alone(client, app):
    password_step(client)
    assert client.get("/admin/sign-in/enrol/").url == "/admin/login/"
    response = client.post("/admin/sign-in/passkeys/register/begin/")
    assert response.status_code == 403
    assert response.json()["code"] == "not_verified"


def test_staff_sessions_end_after_eight_hours(client, editor):
    sign_in(client, editor)
    session = client.session
    session[SIGNED_IN_AT] -= 8 * 3600 + 1
    session.save()
    assert client.get("/admin/").url == "/admin/login/?next=/admin/"


def test_staff_sessions_end_after_thirty_idle_minutes(client, editor):
    sign_in(client, editor)
    session = client.session
    session[LAST_SEEN] -= 29 * 60
    session.save()
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[LAST_SEEN] -= 31 * 60
    session.save()
    assert client.get("/admin/").url == "/admin/login/?next=/admin/"


def test_session_limits_come_from_settings(client, editor, settings):
    settings.STAFF_IDLE_MINUTES = 5
    sign_in(client, editor)
    session = client.session
    session[LAST_SEEN] -= 6 * 60
    session.save()
    assert client.get("/admin/").status_code == 302


def test_nobody_can_remove_their_last_passkey_or_app(client, editor, app):
    sign_in(client, editor)
    client.post(f"/admin/sign-in/methods/{app.persistent_id}/remove/")
    assert TOTPDevice.objects.filter(pk=app.pk).exists()
    second = TOTPDevice.objects.create(user=editor, name="Second phone", confirmed=True)
    client.post(f"/admin/sign-in/methods/{second.persistent_id}/remove/")
    assert not TOTPDevice.objects.filter(pk=second.pk).exists()


def test_a_superuser_resets_a_lost_factor_and_the_reset_is_recorded(admin_client, editor, app):
    make_backup_codes(editor)
    url = f"/admin/auth/user/{editor.pk}/reset-second-factor/"
    assert url in admin_client.get(f"/admin/auth/user/{editor.pk}/change/").text
    admin_client.post(url, {"reason": "Lost phone; confirmed by a call."})
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    record = FactorReset.objects.get()
    assert (record.by_username, record.for_username) == ("admin", "erin")
    assert record.removed == "Authenticator app, Backup codes"
    assert record.reason == "Lost phone; confirmed by a call."
    listing = admin_client.get("/admin/staff/factorreset/").text
    assert "Lost phone; confirmed by a call." in listing
    with pytest.raises(ValidationError, match="cannot be changed"):
        record.save()


def test_only_superusers_reset_factors_or_read_the_record(client, editor, app, admin_user):
    other = staff_member("ed", "Ed", "Other", EDITORS)
    sign_in(client, editor)
    refused = client.post(f"/admin/auth/user/{other.pk}/reset-second-factor/", {"reason": "x"})
    assert refused.status_code == 403
    assert client.get("/admin/staff/factorreset/").status_code == 403
    with pytest.raises(Exception, match="Ask another superuser"):
        FactorReset.reset(by=admin_user, user=admin_user, reason="mine")
    assert not FactorReset.objects.exists()


def test_logged_out_staff_on_the_site_are_sent_to_sign_in(client, condition):
    from community.models import Question

    question = Question.objects.create(
        title="Does it spread?", body="It moved.", author_name="Ann", author_email="a@example.org",
        status="approved",
    )  # fmt: skip
    response = client.post(f"/community/questions/{question.pk}/expert-answer/", {"body": "No."})
    assert response.url == f"/admin/login/?next={question.get_absolute_url()}"


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short-pw-9x", "password_too_short"),
        ("Empower2026!long", "password_site_word"),
        ("my-NURSE-pass-99", "password_site_word"),
        ("password1234", "password_too_common"),
        ("48213975620319", "password_entirely_numeric"),
    ],
)
def test_staff_passwords_are_long_and_not_made_of_the_sites_words(password, code):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert code in [error.code for error in refused.value.error_list]


def test_a_long_unguessable_password_is_accepted():
    assert validate_password("correct horse battery staple") is None


# Passkeys, without a browser: a software authenticator signing like a real one.

PASSKEY_BEGIN = "/admin/sign-in/passkeys/sign-in/begin/"
PASSKEY_COMPLETE = "/admin/sign-in/passkeys/sign-in/complete/"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class SoftwareAuthenticator:
    """Holds one P-256 passkey for `user`, registered as the library stores them."""

    def __init__(self, user):
        self.key = ec.generate_private_key(ec.SECP256R1())
        numbers = self.key.public_key().public_numbers()
        public = cbor2.dumps(
            {
                1: 2,
                3: -7,
                -1: 1,
                -2: numbers.x.to_bytes(32, "big"),
                -3: numbers.y.to_bytes(32, "big"),
            }
        )
        self.credential_id = f"passkey-of-{user.username}".encode()
        WebAuthnCredential.objects.create(
            user=user, credential_id=self.credential_id, public_key=public, sign_count=0,
            confirmed=True, name="Passkey",
        )  # fmt: skip

    def signed_assertion(self, challenge: str, *, user_verified: bool) -> str:
        flags = 0x01 | (0x04 if user_verified else 0)  # user present, user verified
        data = hashlib.sha256(b"localhost").digest() + bytes([flags]) + (1).to_bytes(4, "big")
        client_data = json.dumps(
            {"type": "webauthn.get", "challenge": challenge, "origin": "http://localhost:8000"}
        ).encode()
        signature = self.key.sign(
            data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256())
        )
        return json.dumps(
            {
                "id": b64url(self.credential_id), "rawId": b64url(self.credential_id),
                "type": "public-key",
                "response": {
                    "authenticatorData": b64url(data), "clientDataJSON": b64url(client_data),
                    "signature": b64url(signature), "userHandle": None,
                },
            }
        )  # fmt: skip


@pytest.fixture
def passkeys_on_localhost(settings):
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = ["http://localhost:8000"]


def passkey_sign_in(client, authenticator, *, user_verified=True):
    options = client.post(PASSKEY_BEGIN, content_type="application/json").json()
    assertion = authenticator.signed_assertion(options["challenge"], user_verified=user_verified)
    return client.post(PASSKEY_COMPLETE, assertion, content_type="application/json")


def test_a_passkey_alone_signs_a_superuser_in_when_the_browser_verified_them(
    client, admin_user, passkeys_on_localhost
):
    response = passkey_sign_in(client, SoftwareAuthenticator(admin_user))
    assert response.status_code == 200
    assert response.json()["redirect_url"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_passkey_never_counts_without_the_person_verified(
    client, editor, admin_user, passkeys_on_localhost
):
    """A security key without a PIN is something you have, not a second factor."""
    erins = SoftwareAuthenticator(editor)
    password_step(client)
    assert passkey_sign_in(client, erins, user_verified=False).status_code >= 400
    assert "_auth_user_id" not in client.session
    password_step(client)
    assert passkey_sign_in(client, SoftwareAuthenticator(admin_user)).status_code >= 400
    assert "_auth_user_id" not in client.session, "nor does someone else's key"
    password_step(client)
    assert passkey_sign_in(client, erins).status_code == 200


def test_a_passkey_challenge_cannot_outlive_the_sign_in_it_began_for(
    client, admin_user, app, passkeys_on_localhost
):
    """Begun after Erin's password, finished once her pending sign-in has expired:
    without the binding it would finish as a passwordless sign-in for anyone."""
    key = SoftwareAuthenticator(admin_user)
    password_step(client)
    options = client.post(PASSKEY_BEGIN, content_type="application/json").json()
    session = client.session
    session[PENDING]["at"] -= 11 * 60
    session.save()
    assertion = key.signed_assertion(options["challenge"], user_verified=True)
    response = client.post(PASSKEY_COMPLETE, assertion, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_state"
    assert "_auth_user_id" not in client.session
