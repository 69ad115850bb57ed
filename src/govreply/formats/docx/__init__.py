"""DOCX: letters written as Word documents in the official layout, and read from them.

**Writing.**

:func:`dumps` writes the file a signing official opens in Word or WPS (install the ``docx``
extra: ``pip install govreply[docx]``): one A4 section with the standard's margins (37 mm top,
35 bottom, 28 left, 26 right), a document grid of 22 lines of 28 characters, paragraph styles
``GR …`` whose East Asian fonts (``w:eastAsia``) name the standard typefaces — 仿宋 for the
body, 小标宋 for the issuer mark and title, 黑体 and 楷体 for headings, 宋体 for page numbers —
with the next font of each chain as Word's alternative; in 信函格式 the red issuer mark 30 mm
from the top of the page with the red double rules in frames; page numbers ``— N —`` in odd
(right) and even (left) footers and none on page 1; the 版记 framed at the foot of the
letter's last page; and the feedback form on a page of its own as a bordered table.

>>> import io, zipfile
>>> from govreply.examples import seed_letter
>>> package = zipfile.ZipFile(io.BytesIO(dumps(seed_letter())))
>>> 'w:linePitch="579"' in package.read("word/document.xml").decode()
True

Fonts are named, not embedded: the reader's Word uses the named font where installed.

**Reading.**

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
GD106   python-docx could not open the package; its parts were read directly
======  ==============================================================================
"""

from __future__ import annotations

import attrs

from govreply.formats._layout import LayoutOptions, Typefaces, checked_plan, page_title

# --- readers (parse, loads, extract): formats/docx/_read.py ---------------------------------
from govreply.formats._readkit.result import DocumentParseResult, Extraction
from govreply.formats.docx._read import (
    DEFAULT_DOCX_READ_OPTIONS as DEFAULT_DOCX_READ_OPTIONS,
)
from govreply.formats.docx._read import (
    DocxReadOptions as DocxReadOptions,
)
from govreply.formats.docx._read import (
    extract_docx,
    parse_docx,
)
from govreply.model import ReplyLetter

#: The result of :func:`parse`: the letter, the findings and the text read.
DocxParseResult = DocumentParseResult


def parse(
    data: bytes, /, *, options: DocxReadOptions = DEFAULT_DOCX_READ_OPTIONS
) -> DocxParseResult:
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


def loads(data: bytes, /, *, options: DocxReadOptions = DEFAULT_DOCX_READ_OPTIONS) -> ReplyLetter:
    """Read a reply letter from a DOCX document: ``parse(data).letter``.

    Raises:
        DocxParseError: as :func:`parse`.
    """
    return parse_docx(data, options).letter


def extract(data: bytes, /, *, options: DocxReadOptions = DEFAULT_DOCX_READ_OPTIONS) -> Extraction:
    """The body of a DOCX document as the text reader reads it, letter or not.

    Raises:
        DocxParseError: as :func:`parse`, except that the text need not be a letter.
    """
    return extract_docx(data, options)


# --- end of readers -------------------------------------------------------------------------


# --- writer (govreply.formats.docx.dumps) ------------------------------------------------------
@attrs.frozen(kw_only=True)
class DocxOptions(LayoutOptions):
    """Options of :func:`dumps`.

    Attributes:
        layout: ``"letter"`` (信函格式, the default) or ``"ordinary"``.
        issuer_mark: the issuer mark's text; ``None`` prints the letter's ``issuer``.
        masthead: ``False`` leaves out the issuer mark and red rules (letterhead paper).
        typefaces: the font chains (:class:`Typefaces`): the document names each chain's
            first font, and its second as Word's alternative.

    >>> DocxOptions(typefaces=Typefaces(fangsong=("仿宋", "FangSong"))).typefaces.fangsong
    ('仿宋', 'FangSong')
    """


def dumps(letter: ReplyLetter, /, *, options: DocxOptions | None = None) -> bytes:
    """Write ``letter`` as a DOCX file in the official layout.

    Args:
        letter: the letter to write.
        options: layout, issuer mark and typefaces (:class:`DocxOptions`).

    Raises:
        ValidationError: some text holds a control character (other than tab and line feed)
            or a lone surrogate, which a document cannot hold; the message names each field.
    """
    from govreply.formats.docx._write import write

    options = options if options is not None else DocxOptions()
    parts = checked_plan(letter, options)
    return write(parts, typefaces=options.typefaces, title=page_title(letter), author=letter.issuer)


# --- end writer --------------------------------------------------------------------------------

__all__ = [
    "DEFAULT_DOCX_READ_OPTIONS",
    "DocxOptions",
    "DocxParseResult",
    "DocxReadOptions",
    "Typefaces",
    "dumps",
    "extract",
    "loads",
    "parse",
]


def __dir__() -> list[str]:
    return __all__
