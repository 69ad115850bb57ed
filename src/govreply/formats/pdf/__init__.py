"""PDF: read reply letters from published PDFs (extra ``govreply[pdf]``).

Reading (:func:`parse`, :func:`loads`, :func:`extract`) takes the text layer with pypdfium2
(PDFium, BSD/Apache licensed) and rebuilds the layout the text reader reads
(:mod:`govreply.formats.text`), so PDFs share one grammar with text:

- glyphs are read in reading order: lines top to bottom, each left to right, whatever order
  the file draws them in;
- official PDFs hard-wrap every line at about 28 characters: a paragraph starts with a
  two-character indent, and a line that starts at the left edge of the text block after a
  line that reached its right edge continues the paragraph, across a page break too;
- page numbers (``— 2 —``, ``- 2 -``, ``第2页 共3页``, ``2/3``) and running headers and footers
  are removed from the edges of the pages;
- ruled tables (the feedback form, 征询意见表) are rebuilt from the rules and character boxes:
  one row per line of cells, each merged cell's text once;
- fonts without a Unicode map: predefined CJK CMaps (GBK-EUC-H, GB-EUC-H, UniGB-UCS2-H…)
  are decoded by PDFium; GBK codes in a WinAnsi font (text that would come out as
  ``¹ØÓÚ``) are re-read as GBK; any other text layer whose characters are not the printed
  ones (U+FFFD, private-use code points, glyph numbers taken for code points) raises
  :class:`~govreply.errors.PdfParseError` — never a garbled field.

A PDF with no text layer (scanned pages) raises :class:`~govreply.errors.PdfNoTextError`
(OCR is needed; govreply does none), an encrypted one
:class:`~govreply.errors.PdfEncryptedError`, a damaged one or one over a limit of
:class:`PdfOptions` :class:`~govreply.errors.PdfParseError`.

Finding codes of the PDF reader (stable; the text reader's ``GT`` findings follow them):

======  ==============================================================================
GP101   a page number was removed
GP102   a running header or footer (the same line at the edge of several pages) was removed
GP103   a ruled table was read from its cells (one row per line, cells tab-separated)
GP104   a paragraph continued across a page break was joined
GP201   GBK codes shown as Latin-1 (a font without a Unicode map) were decoded as GBK
GP202   the page is a scan under an invisible OCR text layer: characters may be misread
        (an error: a person should compare the record with the page image)
======  ==============================================================================
"""

from __future__ import annotations

# --- readers (parse, loads, extract): formats/pdf/_read.py ----------------------------------
from govreply.formats._readkit.result import DocumentParseResult, Extraction
from govreply.formats.pdf._read import (
    DEFAULT_PDF_OPTIONS as DEFAULT_PDF_OPTIONS,
)
from govreply.formats.pdf._read import (
    PdfOptions as PdfOptions,
)
from govreply.formats.pdf._read import (
    extract_pdf,
    parse_pdf,
)
from govreply.model import ReplyLetter

#: The result of :func:`parse`: the letter, the findings, the page metadata and the text read.
PdfParseResult = DocumentParseResult


def parse(data: bytes, /, *, options: PdfOptions = DEFAULT_PDF_OPTIONS) -> PdfParseResult:
    """Read a reply letter from a PDF and report every repair made.

    >>> from pathlib import Path
    >>> data = Path("tests/data/documents/seed.pdf").read_bytes()
    >>> result = parse(data)
    >>> str(result.letter.doc_number), result.pages
    ('赣区教议〔2024〕2号', 5)

    Args:
        data: the file's bytes.
        options: size and page limits.

    Raises:
        PdfParseError: the PDF is damaged, over a limit, its text cannot be decoded, or its
            text is not a reply letter (``page`` says where, when one page is to blame).
        PdfEncryptedError: the PDF needs a password.
        PdfNoTextError: the PDF has no text layer (a scan): OCR is needed.
    """
    return parse_pdf(data, options)


def loads(data: bytes, /, *, options: PdfOptions = DEFAULT_PDF_OPTIONS) -> ReplyLetter:
    """Read a reply letter from a PDF: ``parse(data).letter``.

    Raises:
        PdfParseError: as :func:`parse`.
    """
    return parse_pdf(data, options).letter


def extract(data: bytes, /, *, options: PdfOptions = DEFAULT_PDF_OPTIONS) -> Extraction:
    """The text of a PDF as the text reader reads it, with the PDF reader's findings.

    Works on any PDF with a text layer, letter or not: paragraphs one per line, separated by
    blank lines; table rows as tab-separated cells.

    Raises:
        PdfParseError: as :func:`parse`, except that the text need not be a letter.
    """
    return extract_pdf(data, options)


_READ_NAMES = ["DEFAULT_PDF_OPTIONS", "PdfOptions", "PdfParseResult", "extract", "loads", "parse"]
# --- end of readers -------------------------------------------------------------------------

__all__ = sorted(_READ_NAMES)


def __dir__() -> list[str]:
    return __all__
