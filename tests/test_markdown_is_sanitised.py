"""Editors write Markdown; readers get HTML with nothing that can run."""

import pytest

from empower.markup import render_markdown


def test_it_renders_ordinary_markdown():
    html = render_markdown("## Causes\n\nThe **facial nerve** is involved.\n\n- one\n- two")
    assert "<h2>Causes</h2>" in html
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
