"""Subscribing to a condition's updates in a real browser, through to leaving."""

import re

from django.core import mail

from newsletter.models import Subscriber
from tests.e2e.conftest import E2E

pytestmark = E2E


def test_a_visitor_subscribes_confirms_changes_topics_and_unsubscribes(page, condition):
    # 1. Subscribe to the condition from its guide.
    page.goto(condition.get_absolute_url())
    page.get_by_label("Email for hemifacial spasm updates").fill("dana@example.org")
    page.locator(".signup-box", has_text="Get email updates").get_by_role(
        "button", name="Sign up"
    ).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check your inbox"

    # 2. Follow the confirmation link from the email.
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.get_by_role("button", name="Yes, subscribe me").click()
    assert page.get_by_role("heading", level=1).inner_text() == "You're subscribed"
    dana = Subscriber.objects.get(email="dana@example.org")
    assert dana.status == Subscriber.Status.CONFIRMED
    assert list(dana.conditions.all()) == [condition]

    # 3. Change topics on the preferences page.
    page.get_by_role("link", name="Change what you get, or unsubscribe").click()
    page.get_by_label("The health newsletter").check()
    page.get_by_label("Hemifacial spasm").uncheck()
    page.get_by_role("button", name="Save my choices").click()
    assert "Your choices are saved." in page.get_by_role("status").inner_text()
    dana.refresh_from_db()
    assert dana.wants_newsletter
    assert not dana.conditions.exists()

    # 4. Unsubscribe.
    page.get_by_role("button", name="Unsubscribe from everything").click()
    assert "We won't email you again" in page.get_by_role("status").inner_text()
    dana.refresh_from_db()
    assert dana.status == Subscriber.Status.UNSUBSCRIBED
