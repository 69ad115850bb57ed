"""Laws of the official-layout writers and the readers: what one writes, the other reads back.

Each output is read back by govreply's own reader of its format (``pdf.parse``, ``docx.parse``,
``html.parse``: the reading path every document takes, no extraction of our own). Letters are
``reply_letters(layout_safe=True)`` drawn from the test font's alphabet, so the PDF prints
every character with a real glyph; every field of the model survives, the feedback form
included, in all three formats (no exception is needed).
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from govreply.examples import seed_letter
from govreply.formats import docx, html, pdf
from govreply.model import ReplyLetter
from govreply.testing import reply_letters
from official import ALPHABET, PDF_OPTIONS

LETTERS = reply_letters(layout_safe=True, alphabet=ALPHABET)


def _differences(letter: ReplyLetter, back: ReplyLetter) -> list[str]:
    return [
        f"{f.name}: {getattr(letter, f.name)!r} != {getattr(back, f.name)!r}"
        for f in attrs.fields(ReplyLetter)
        if getattr(letter, f.name) != getattr(back, f.name)
    ]


def _round(fmt: str, letter: ReplyLetter) -> ReplyLetter:
    if fmt == "html":
        return html.parse(html.dumps(letter)).letter
    if fmt == "docx":
        return docx.parse(docx.dumps(letter)).letter
    return pdf.parse(pdf.dumps(letter, options=PDF_OPTIONS)).letter


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_seed_reads_back(fmt: str) -> None:
    """The seed letter, written and read back, is the seed letter."""
    letter = seed_letter()
    assert _differences(letter, _round(fmt, letter)) == []


@given(LETTERS)
def test_html_reads_back(letter: ReplyLetter) -> None:
    """html: reading the page back gives the letter."""
    assert _differences(letter, _round("html", letter)) == []


@given(LETTERS)
def test_docx_reads_back(letter: ReplyLetter) -> None:
    """docx: reading the document back gives the letter."""
    assert _differences(letter, _round("docx", letter)) == []


@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow])
@given(LETTERS)
def test_pdf_reads_back(letter: ReplyLetter) -> None:
    """pdf: reading the printed document back gives the letter (a few examples: each prints)."""
    assert _differences(letter, _round("pdf", letter)) == []
