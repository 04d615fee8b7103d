"""Editors write Markdown; readers get HTML with nothing that can run."""

import pytest

from empower.markup import render_markdown, sections


def test_it_renders_ordinary_markdown():
    html = render_markdown("## Causes\n\nThe **facial nerve** is involved.\n\n- one\n- two")
    assert '<h2 id="causes">Causes</h2>' in html
    assert "<strong>facial nerve</strong>" in html
    assert "<li>one</li>" in html


@pytest.mark.parametrize(
    "dangerous",
    [
        "<script>alert('x')</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="#" onclick="alert(1)">link</a>',
        "[click me](javascript:alert(1))",
        '<a href="JaVaScRiPt:alert(1)">link</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<p style="background:url(https://tracker.example/x.png)">styled</p>',
        "![tracker](https://tracker.example/pixel.gif)",
    ],
)
def test_it_removes_anything_that_could_run_or_call_another_host(dangerous):
    html = render_markdown(dangerous).lower()
    for forbidden in ["<script", "onerror", "onclick", "javascript:", "<iframe", "style=", "<img"]:
        assert forbidden not in html


def test_it_keeps_safe_links_and_marks_them_noopener():
    html = render_markdown("[NINDS](https://www.ninds.nih.gov/)")
    assert 'href="https://www.ninds.nih.gov/"' in html
    assert 'rel="noopener noreferrer"' in html


def test_the_article_body_is_sanitised_when_saved(make_article):
    article = make_article(body="Hello <script>alert(1)</script> [x](javascript:alert(1))")
    body_html = article.published_revision.body_html
    assert "<script" not in body_html
    assert "javascript:" not in body_html
    assert "Hello" in body_html


def test_headings_get_ids_for_links_that_never_clash_with_the_pages_own():
    html = render_markdown("## Symptoms\n\n## Comments\n\n## Symptoms")
    assert '<h2 id="symptoms">Symptoms</h2>' in html
    assert '<h2 id="comments-section">Comments</h2>' in html  # the page's own #comments
    assert '<h2 id="symptoms_1">Symptoms</h2>' in html


def test_a_library_image_is_placed_by_reference_and_nothing_else_becomes_an_image():
    html = render_markdown("![A chart](image:42)\n\nSee ![inline](image:7) here.")
    assert "<p>[[image:42]]</p>" in html
    assert "image:7" not in html
    assert "<img" not in html


def test_table_of_contents_text_is_plain_and_escaped_once():
    [(anchor, title)] = sections(render_markdown("## Rate & *review* <b>now</b>"))
    assert anchor == "rate-review-now"
    assert str(title) == "Rate &amp; review now"
