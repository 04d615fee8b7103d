"""A reader with a keyboard alone, and a reader with a screen reader, can use the
article page, the comment form and the ask form: every control is reached by Tab,
shows where focus is, lets focus go on, and says what it does."""

import pytest

from comments.models import Status
from community.models import Question
from tests.e2e.conftest import E2E

pytestmark = E2E

# Everything a visitor can reach with Tab, in the order the page gives it. A group
# of radio buttons is one stop (arrow keys choose within it), at its first button.
FOCUSABLE = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]';
  const groups = new Set();
  return [...document.querySelectorAll(selector)]
    .filter(element => element.tabIndex >= 0 && !element.disabled
      && element.getClientRects().length > 0 && !element.closest('[inert]'))
    .filter(element => element.type !== 'radio'
      || !groups.has(element.name) && groups.add(element.name))
    .map((element, index) => { element.dataset.stop = index; return index; }).length;
}"""

# Whether the focused element looks focused: an outline or a focus ring.
FOCUS_SHOWN = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {stop: element.dataset.stop ?? null, tag: element.outerHTML.slice(0, 80),
          shown: outline || style.boxShadow !== 'none'};
}"""


def walk_with_tab(page) -> tuple[int, list[dict]]:
    """Tab from the top until focus leaves the page: the stops, in order."""
    count = page.evaluate(FOCUSABLE)
    stops = []
    for _ in range(count + 5):
        page.keyboard.press("Tab")
        here = page.evaluate(FOCUS_SHOWN)
        if here["stop"] is None:  # back on the page itself, or out to the browser
            break
        stops.append(here)
    return count, stops


@pytest.mark.parametrize("path", ["ARTICLE", "ARTICLE/comment/", "/community/ask/"])
def test_tab_alone_reaches_every_control_shows_focus_and_lets_go(page, commented, path):
    page.goto(path.replace("ARTICLE", commented.get_absolute_url().rstrip("/")))
    count, stops = walk_with_tab(page)
    assert count > 10
    reached = [stop["stop"] for stop in stops]
    assert sorted(set(reached), key=int) == [str(n) for n in range(count)], "not every control"
    assert len(reached) == count, "some control took focus twice: a trap"
    assert [stop["tag"] for stop in stops if not stop["shown"]] == [], "focus not shown"


def accessibility_tree(page) -> list[dict]:
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    return [
        {"role": node["role"]["value"], "name": node.get("name", {}).get("value", "").strip()}
        for node in nodes
        if not node.get("ignored") and "role" in node
    ]


CONTROLS = {"link", "button", "textbox", "searchbox", "radio", "checkbox", "combobox"}


@pytest.mark.parametrize("path", ["ARTICLE", "ARTICLE/comment/", "/community/ask/"])
def test_every_control_has_a_name(page, commented, path):
    page.goto(path.replace("ARTICLE", commented.get_absolute_url().rstrip("/")))
    controls = [node for node in accessibility_tree(page) if node["role"] in CONTROLS]
    assert len(controls) > 10
    assert [node for node in controls if not node["name"]] == []


def test_the_controls_say_what_they_do(page, commented, settings):
    page.goto(commented.get_absolute_url())
    for stars in ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"]:
        assert page.get_by_role("radio", name=stars, exact=True).count() == 1
    assert page.get_by_role("button", name="Report the comment by Kim").count() == 1

    page.goto(f"{commented.get_absolute_url()}comment/")
    assert page.get_by_role("img", name="Characters to type into the box below").count() == 1
    assert page.get_by_role("textbox", name="Enter the characters shown in the image").count() == 1
    assert page.get_by_role("button", name="Show different characters").count() == 1
    if settings.CAPTCHA_FLITE_PATH:
        assert page.get_by_role("link", name="Listen to the characters").count() == 1


def test_each_helpful_button_names_the_answer_it_is_for(page, condition):
    question = Question.objects.create(
        title="Does stress make it worse?", body="Mine get worse on Fridays.", author_name="Robin",
        author_email="robin@example.org", condition=condition, status=Status.APPROVED,
    )  # fmt: skip
    for name in ("Jo", "Sam"):
        question.answers.create(
            body=f"{name} says yes.", author_name=name, author_email=f"{name}@example.org",
            status=Status.APPROVED,
        )  # fmt: skip
    page.goto(question.get_absolute_url())
    for name in ("Jo", "Sam"):
        assert page.get_by_role("button", name=f"Helpful (answer by {name}) · 0").count() == 1
