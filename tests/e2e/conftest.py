"""Headless Chromium from Debian, driven by Playwright (no browser can be downloaded)."""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import totp
from tests.servers import replay_data_migrations

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags that keep Chromium from calling home on a machine with no outside network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Browser tests mark themselves with E2E: the live server runs in another
# thread, so their data must be committed.
E2E = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _rows_from_data_migrations(transactional_db):
    # The live server runs in another thread, so serialized rollback can't help:
    # while Playwright's event loop runs, asgiref keeps Django's connections per
    # context instead of per thread, and the test's has no serialized copy.
    replay_data_migrations()


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and
    # Django refuses ORM calls while one runs. The test's own ORM calls are
    # plain synchronous code, so tell Django they are safe, for this module only.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A visitor's browser tab."""
    yield from _watched_page(browser, live_server)


@pytest.fixture
def staff_page(browser, live_server):
    """staff_page("erin") gives a tab logged in to the admin as Erin."""
    tabs = []

    def log_in(username):
        tab_generator = _watched_page(browser, live_server)
        tab = next(tab_generator)
        tabs.append(tab_generator)
        app, _created = TOTPDevice.objects.get_or_create(
            user=get_user_model().objects.get(username=username), confirmed=True
        )
        tab.goto("/admin/login/")
        tab.get_by_label("Username").fill(username)
        tab.get_by_label("Password").fill(f"{username}-password-1")
        tab.get_by_role("button", name="Sign in", exact=True).click()
        tab.get_by_label("Code").fill(totp(app.key))
        tab.get_by_role("button", name="Confirm").click()
        tab.wait_for_url("**/admin/")
        return tab

    yield log_in
    for tab_generator in tabs:
        next(tab_generator, None)


@pytest.fixture
def commented(article):
    """The article, with one approved comment by Kim."""
    from comments.models import Comment, Status

    Comment.objects.create(
        article=article, body="The injections helped me.", author_name="Kim",
        author_email="kim@example.org", status=Status.APPROVED,
    )  # fmt: skip
    return article


def _watched_page(browser, live_server):
    """A tab whose console errors and failed sub-resources fail the test at the end."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []

    def on_console(message):
        # A page's own status (a 404 page, a form answered with 400) is the
        # test's business; failed sub-resources are caught by on_response.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(message.text)

    def on_response(response):
        if response.request.resource_type != "document" and response.status >= 400:
            errors.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    yield page
    context.close()
    assert errors == [], f"the browser reported errors: {errors}"
