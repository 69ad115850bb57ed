"""DOCX: read reply letters from Word documents (extra ``govreply[docx]``).

Drafts and many published letters circulate as ``.docx``. The reader (:func:`parse`,
:func:`loads`, :func:`extract`) opens the package with python-docx after checking it as
hostile input (ZIP bombs, member names that leave the package, member count and size limits,
no DTD), then walks the body in document order:

- paragraphs, one per line; a first-line indent of two characters is printed as two
  ideographic spaces, as published text has it; runs of spaces used to align a signature or a
  date are collapsed to one;
- Word's automatic numbering: the label a numbering definition generates (``一、``,
  ``（一）``, ``1.``) is not in the text; it is computed from the numbering part
  (``word/numbering.xml``: formats, level texts, start values, overrides, restarts) and put
  before the paragraph's text;
- text boxes (``w:txbxContent``), read after the paragraph that anchors them, once (the
  ``mc:Fallback`` copy is skipped);
- tables, one row per line with tab-separated grid cells: a merged cell's text once, at the
  grid column where it starts (python-docx repeats a merged cell at every grid position);
- fields show their result (not their code), tracked insertions are kept and deletions left
  out, and headers and footers are page chrome: reported, not read.

Finding codes of the DOCX reader (stable; the text reader's ``GT`` findings follow them):

======  ==============================================================================
GD101   paragraph labels were generated from Word's automatic numbering
GD102   text boxes were read after the paragraph that anchors them
GD103   header and footer parts were ignored as page chrome
GD104   tracked deletions were left out (insertions are kept)
GD105   runs of spaces used for alignment were collapsed to one space
======  ==============================================================================
"""

from __future__ import annotations

# --- readers (parse, loads, extract): formats/docx/_read.py ---------------------------------
from govreply.formats._readkit.result import DocumentParseResult, Extraction
from govreply.formats.docx._read import (
    DEFAULT_DOCX_OPTIONS as DEFAULT_DOCX_OPTIONS,
)
from govreply.formats.docx._read import (
    DocxOptions as DocxOptions,
)
from govreply.formats.docx._read import (
    extract_docx,
    parse_docx,
)
from govreply.model import ReplyLetter

#: The result of :func:`parse`: the letter, the findings and the text read.
DocxParseResult = DocumentParseResult


def parse(data: bytes, /, *, options: DocxOptions = DEFAULT_DOCX_OPTIONS) -> DocxParseResult:
    """Read a reply letter from a DOCX document and report every repair made.

    >>> from pathlib import Path
    >>> result = parse(Path("tests/data/documents/seed.docx").read_bytes())
    >>> str(result.letter.doc_number), result.letter.feedback_form.classification.code
    ('赣区教议〔2024〕2号', 'A1')

    Raises:
        DocxParseError: the package is damaged, unsafe or over a limit (``part`` names the
            member), or its text is not a reply letter.
    """
    return parse_docx(data, options)


def loads(data: bytes, /, *, options: DocxOptions = DEFAULT_DOCX_OPTIONS) -> ReplyLetter:
    """Read a reply letter from a DOCX document: ``parse(data).letter``.

    Raises:
        DocxParseError: as :func:`parse`.
    """
    return parse_docx(data, options).letter


def extract(data: bytes, /, *, options: DocxOptions = DEFAULT_DOCX_OPTIONS) -> Extraction:
    """The body of a DOCX document as the text reader reads it, letter or not.

    Raises:
        DocxParseError: as :func:`parse`, except that the text need not be a letter.
    """
    return extract_docx(data, options)


_READ_NAMES = [
    "DEFAULT_DOCX_OPTIONS",
    "DocxOptions",
    "DocxParseResult",
    "extract",
    "loads",
    "parse",
]
# --- end of readers -------------------------------------------------------------------------

__all__ = sorted(_READ_NAMES)


def __dir__() -> list[str]:
    return __all__
