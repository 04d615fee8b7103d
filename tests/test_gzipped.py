"""A page compressed once, its end filled in per response, is still valid gzip."""

import gzip
import random

import pytest

from empower.gzipped import Gzipped

PLACEHOLDER = b"NONCE-PLACEHOLDER"


@pytest.mark.parametrize(
    "content",
    [
        b"<p>no nonce at all</p>" * 50,
        b"<p>text</p>" * 500 + b'<script nonce="NONCE-PLACEHOLDER"></script>' * 3,
        b'<script nonce="NONCE-PLACEHOLDER">' + b"x" * 200_000,  # an end past one stored block
        b'NONCE-PLACEHOLDER"></script>',  # the nonce first of all
        b"",
    ],
)
def test_each_response_decompresses_to_the_page_with_its_own_nonce(content):
    page = Gzipped(content, PLACEHOLDER)
    for nonce in (b"abc", b"a-much-longer-nonce-value"):
        assert gzip.decompress(page.body(nonce)) == content.replace(PLACEHOLDER, nonce)


def test_the_page_before_the_nonce_is_compressed():
    chooser = random.Random(1)  # noqa: S311 - varied words, not secrets
    words = b" ".join(chooser.choice([b"spasm", b"nerve", b"botox"]) for _ in range(5000))
    page = Gzipped(words + b'<script nonce="NONCE-PLACEHOLDER"></script>', PLACEHOLDER)
    assert len(page.body(b"n")) < len(words) / 3
