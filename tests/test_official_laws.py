"""Laws of the official-layout writers: what they write reads back as the letter.

Until the PDF, HTML and DOCX readers land, each output is read back by a small extraction of
our own (``tests/official.py``) into the plain-text layout, then by ``formats.text.parse``.
Letters are ``reply_letters(layout_safe=True)`` drawn from the test font's alphabet.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from govreply.examples import seed_letter
from govreply.formats import docx, html, pdf, text
from govreply.model import ReplyLetter
from govreply.testing import reply_letters
from official import ALPHABET, PDF_OPTIONS, docx_text, html_text, pdf_text

LETTERS = reply_letters(layout_safe=True, alphabet=ALPHABET)


def _differences(letter: ReplyLetter, back: ReplyLetter) -> list[str]:
    return [
        f"{f.name}: {getattr(letter, f.name)!r} != {getattr(back, f.name)!r}"
        for f in attrs.fields(ReplyLetter)
        if getattr(letter, f.name) != getattr(back, f.name)
    ]


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_seed_reads_back(fmt: str) -> None:
    """The seed letter, written and read back, is the seed letter."""
    letter = seed_letter()
    assert _differences(letter, text.loads(_round(fmt, letter))) == []


def _round(fmt: str, letter: ReplyLetter) -> str:
    if fmt == "html":
        return html_text(html.dumps(letter))
    if fmt == "docx":
        return docx_text(docx.dumps(letter))
    return pdf_text(pdf.dumps(letter, options=PDF_OPTIONS))


@given(LETTERS)
def test_html_reads_back(letter: ReplyLetter) -> None:
    """html: reading the page back gives the letter."""
    assert _differences(letter, text.loads(html_text(html.dumps(letter)))) == []


@given(LETTERS)
def test_docx_reads_back(letter: ReplyLetter) -> None:
    """docx: reading the document back gives the letter."""
    assert _differences(letter, text.loads(docx_text(docx.dumps(letter)))) == []


@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow])
@given(LETTERS)
def test_pdf_reads_back(letter: ReplyLetter) -> None:
    """pdf: reading the printed text back gives the letter (a few examples: each prints)."""
    data = pdf.dumps(letter, options=PDF_OPTIONS)
    assert _differences(letter, text.loads(pdf_text(data))) == []
