"""Laws of the official-layout writers and the readers: what one writes, the other reads back.

Each output is read back by govreply's own reader of its format (``pdf.loads``, ``docx.loads``,
``html.loads``). Letters are ``reply_letters(layout_safe=True)`` drawn from the test font's
alphabet, so the PDF prints every character with a real glyph.
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
        return html.loads(html.dumps(letter))
    if fmt == "docx":
        return docx.loads(docx.dumps(letter))
    return pdf.loads(pdf.dumps(letter, options=PDF_OPTIONS))


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_seed_reads_back(fmt: str) -> None:
    """The seed letter, written and read back, is the seed letter."""
    letter = seed_letter()
    assert _differences(letter, _round(fmt, letter)) == []


@given(LETTERS)
def test_html_reads_back(letter: ReplyLetter) -> None:
    """html: reading the page back gives the letter."""
    assert _differences(letter, html.loads(html.dumps(letter))) == []


@given(LETTERS)
def test_docx_reads_back(letter: ReplyLetter) -> None:
    """docx: reading the document back gives the letter."""
    assert _differences(letter, docx.loads(docx.dumps(letter))) == []


@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow])
@given(LETTERS)
def test_pdf_reads_back(letter: ReplyLetter) -> None:
    """pdf: reading the printed document back gives the letter (a few examples: each prints)."""
    assert _differences(letter, pdf.loads(pdf.dumps(letter, options=PDF_OPTIONS))) == []
