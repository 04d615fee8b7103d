"""Shared people and content for the tests: one named user per role."""

import hashlib
import hmac
import io
import os
import shutil
import struct
import time
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.core.files.base import ContentFile
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice

from articles.models import Condition, StaffProfile, create_article
from empower import pagecache
from empower.roles import EDITORS, NURSE_REVIEWERS
from staff.signin import LAST_SEEN, SESSION_BACKEND, SIGNED_IN_AT


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """Test on an SQLite file rather than in memory, as the site itself runs.

    Django shares one in-memory connection with the live server's threads and
    never closes it; with a file, each thread opens and closes its own.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        path = tmp_path_factory.mktemp("sqlite") / "test.sqlite3"
        database["TEST"]["NAME"] = str(path)
        # `make mutation` runs the tests thousands of times: each run starts from
        # a copy of a migrated database (with --reuse-db) instead of migrating.
        if template := os.environ.get("EMPOWER_TEST_DB_TEMPLATE"):
            shutil.copyfile(template, path)


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits, sign-in lockouts and pages live in the cache: each test starts afresh.
    cache.clear()
    caches["pages"].clear()
    pagecache.recent.clear()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def jpeg_bytes(width=640, height=480, colour=(180, 120, 90), exif=None) -> bytes:
    from PIL import Image as Pillow

    buffer = io.BytesIO()
    Pillow.new("RGB", (width, height), colour).save(buffer, "JPEG", exif=exif or b"")
    return buffer.getvalue()


@pytest.fixture
def make_image(db):
    """A library image, stored and with its renditions, as an upload would make it."""
    from images.models import Image

    def make(width=640, height=480, alt_text="A nurse talking with a patient", **fields):
        upload = ContentFile(jpeg_bytes(width, height), name="photo.jpg")
        return Image.objects.create(title="Photo", file=upload, alt_text=alt_text, **fields)

    return make


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hasher is slow on purpose; tests need logins, not brute-force resistance.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _any_reading_level(settings):
    # Test texts are short and full of medical words; the reading-level rule has
    # its own tests (tests/test_reading_level.py), which set the real target.
    settings.READING_GRADE_TARGET = 99


DAY = 24 * 60 * 60


def signed_at(seconds_ago, make, monkeypatch):
    """What `make()` returns when run `seconds_ago`: Django's signing reads the
    clock, so links made "in the past" get a clock of their own."""
    from django.core import signing

    then = time.time() - seconds_ago
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: then)
        return make()


def totp(key_hex: str, at: float | None = None) -> str:
    """An authenticator app's code (RFC 6238), written out here so that tests
    don't trust the code they test."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def sign_in(client, user):
    """Sign a staff member in as the sign-in pages would after their password and
    second factor: a session verified by one of their devices."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="Test device")
    client.force_login(user, backend=SESSION_BACKEND)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[SIGNED_IN_AT] = session[LAST_SEEN] = time.time()
    session.save()
    return client


@pytest.fixture
def admin_client(client, admin_user):
    """A superuser, signed in with a second factor."""
    return sign_in(client, admin_user)


def staff_member(username, first_name, last_name, role):
    user = get_user_model().objects.create_user(
        username,
        f"{username}@empower.example",
        f"{username}-password-1",
        first_name=first_name,
        last_name=last_name,
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(db):
    """Erin edits articles."""
    return staff_member("erin", "Erin", "Editor", EDITORS)


@pytest.fixture
def reviewer(db):
    """Nora is a registered nurse who reviews articles."""
    user = staff_member("nora", "Nora", "Nurse", NURSE_REVIEWERS)
    StaffProfile.objects.create(
        user=user,
        display_name="Nora Nurse",
        credentials="RN",
        credentials_verified_on=date.today() - timedelta(days=30),
    )
    return user


@pytest.fixture
def condition(db):
    return Condition.objects.create(
        name="Hemifacial spasm",
        slug="hemifacial-spasm",
        summary="Twitching on one side of the face.",
        overview="The facial nerve sends signals it should not.",
    )


@pytest.fixture
def make_article(condition, editor, reviewer):
    """Create an article written by Erin; by default approved by Nora and published a day ago."""

    def make(
        slug="what-is-hemifacial-spasm",
        *,
        title="What is hemifacial spasm?",
        body="Spasms on **one side** of the face.",
        references=1,
        approved=True,
        published_at=None,
        publish=True,
        in_condition=None,
        kind="article",
        key_points="",
    ):
        article, revision = create_article(
            condition=in_condition or condition,
            slug=slug,
            author=editor,
            editor=editor,
            title=title,
            summary=f"Summary of {title}",
            body=body,
            kind=kind,
            key_points=key_points,
            references=[
                {
                    "source": f"Source {n}",
                    "title": f"Reference title {n}",
                    "url": f"https://example.org/ref/{n}",
                    "accessed_on": date(2011, 12, 5),
                }
                for n in range(references)
            ],
        )
        if approved:
            revision.submit(editor)
            revision.approve(reviewer)
        if publish and approved:
            revision.publish(editor, at=published_at or timezone.now() - timedelta(days=1))
            article.refresh_from_db()
        return article

    return make


@pytest.fixture
def draft(make_article):
    """A revision Erin has written and not yet submitted."""
    return make_article(approved=False).revisions.get()


@pytest.fixture
def article(make_article):
    return make_article()


GUIDE_BODY = "\n\n".join(
    f"## {section}\n\nWhat to know about {section.lower()}."
    for section in ["Overview", "Symptoms", "Causes", "Treatment", "When to see a doctor"]
)


@pytest.fixture
def guide(make_article):
    """The hemifacial spasm guide, reviewed by Nora and published."""
    return make_article(
        "hemifacial-spasm-guide",
        title="Hemifacial spasm",
        body=GUIDE_BODY,
        kind="guide",
        key_points="Spasms start around the eye.\nThey are not painful.\nMost people are helped.",
    )
