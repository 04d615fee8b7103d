"""Readers on a 390-pixel phone: no page is wider than the screen, every picture
is described (or marked decorative), and lead images come in a modern format."""

import re

import pytest

from comments.models import Status
from community.models import Question
from tests.e2e.conftest import E2E

pytestmark = E2E

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def site(article, guide, make_image, reviewer, condition):
    """An article and a guide with lead images, a profile with a photo, a question."""
    article.lead_image = make_image(width=1600, height=900, alt_text="A nurse with a patient")
    article.save()
    condition.lead_image = make_image(width=1200, height=675, alt_text="A face in profile")
    condition.save()
    profile = reviewer.profile
    profile.photo = make_image(width=800, height=800, alt_text="Portrait of Nora Nurse")
    profile.bio = "Nora has nursed in neurology clinics for twelve years."
    profile.save()
    question = Question.objects.create(
        condition=condition, title="Does botox wear off?", body="Mine did after months.",
        author_name="Ali", author_email="ali@example.org", status=Status.APPROVED,
    )  # fmt: skip
    return {
        "home": "/",
        "A to Z": "/conditions/",
        "guide": condition.get_absolute_url(),
        "article": article.get_absolute_url(),
        "community": "/community/",
        "question": question.get_absolute_url(),
        "search": "/search/?q=spasm",
        "profile": profile.get_absolute_url(),
        "reviewers": "/medical-reviewers/",
        "page": "/about/",
        "missing": "/no-such-page/",
    }


def test_no_public_page_is_wider_than_a_phone(page, site):
    page.set_viewport_size(PHONE)
    wider = {}
    for name, path in site.items():
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wider[name] = width
    assert wider == {}


def test_every_picture_is_described_or_marked_decorative(page, site):
    undescribed = []
    for name, path in site.items():
        page.goto(path)
        for image in page.locator("img").all():
            if image.get_attribute("alt") is None:
                undescribed.append((name, image.get_attribute("src")))
    assert undescribed == []
    page.goto(site["article"])
    assert page.locator(".lead-figure img").get_attribute("alt") == "A nurse with a patient"


def test_the_lead_image_loads_as_avif_at_a_width_the_layout_needs(page, site):
    formats = []
    page.on("response", lambda response: formats.append(response.headers.get("content-type")))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site["article"])
    lead = page.locator(".lead-figure img")
    lead.evaluate("image => image.decode()")
    source = lead.evaluate("image => image.currentSrc")
    # The main column is about 800 CSS pixels wide here: the 800-pixel file, or a
    # wider one on a denser screen, never the 400 or the original.
    assert re.search(r"/(800|1200|1600)w\.avif$", source), source
    assert "image/avif" in formats
    box = lead.bounding_box()
    assert round(box["width"] / box["height"], 2) == round(1600 / 900, 2)  # space kept, no shift
