"""PDF: letters written in the official layout (WeasyPrint), and read from published PDFs.

**Writing.**

:func:`dumps` prints the page of :mod:`govreply.formats.html` with WeasyPrint (install the
``pdf`` extra: ``pip install govreply[pdf]``): A4, the 156 x 225 mm text area 37 mm from the
top and 28 mm from the left, 22 lines of 28 characters of 16 pt 仿宋, the red issuer mark 30 mm
from the top with its red double rules, page numbers ``— N —`` in 4号 宋体 7 mm below the text
area on the outer side and none on page 1, the 版记 at the foot of the letter's last page and
the feedback form as a bordered table on a page of its own. The PDF is tagged (its structure
follows the HTML's headings, paragraphs and table), and its text layer is the letter's text.

Fonts are found on the machine (see :func:`resolve_fonts`): each typeface takes the first font
of its chain that has every character it must print; every fallback is a ``GW101`` finding
(:func:`render` returns them), and a typeface no font can print raises
:class:`~govreply.errors.FontError` instead of printing empty boxes.

Finding codes of the writer (stable):

======  ========  =============================================================================
GW101   warning   a typeface fell back from the first font of its chain
======  ========  =============================================================================

**Reading.**

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
:class:`PdfReadOptions` :class:`~govreply.errors.PdfParseError`.

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

from collections.abc import Mapping
from pathlib import Path

import attrs

from govreply.errors import ValidationError
from govreply.formats._layout import (
    FONT_ROLES,
    FontRole,
    LayoutOptions,
    Typefaces,
    checked_plan,
    page_title,
)

# --- readers (parse, loads, extract): formats/pdf/_read.py ----------------------------------
from govreply.formats._readkit.result import DocumentParseResult, Extraction
from govreply.formats.pdf._fonts import ResolvedFont, resolve
from govreply.formats.pdf._read import (
    DEFAULT_PDF_READ_OPTIONS as DEFAULT_PDF_READ_OPTIONS,
)
from govreply.formats.pdf._read import (
    PdfReadOptions as PdfReadOptions,
)
from govreply.formats.pdf._read import (
    extract_pdf,
    parse_pdf,
)
from govreply.model import Finding, ReplyLetter

#: The result of :func:`parse`: the letter, the findings, the page metadata and the text read.
PdfParseResult = DocumentParseResult


def parse(data: bytes, /, *, options: PdfReadOptions = DEFAULT_PDF_READ_OPTIONS) -> PdfParseResult:
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


def loads(data: bytes, /, *, options: PdfReadOptions = DEFAULT_PDF_READ_OPTIONS) -> ReplyLetter:
    """Read a reply letter from a PDF: ``parse(data).letter``.

    Raises:
        PdfParseError: as :func:`parse`.
    """
    return parse_pdf(data, options).letter


def extract(data: bytes, /, *, options: PdfReadOptions = DEFAULT_PDF_READ_OPTIONS) -> Extraction:
    """The text of a PDF as the text reader reads it, with the PDF reader's findings.

    Works on any PDF with a text layer, letter or not: paragraphs one per line, separated by
    blank lines; table rows as tab-separated cells.

    Raises:
        PdfParseError: as :func:`parse`, except that the text need not be a letter.
    """
    return extract_pdf(data, options)


# --- end of readers -------------------------------------------------------------------------


# --- writer (govreply.formats.pdf.dumps) -------------------------------------------------------
def _paths(value: object) -> tuple[Path, ...]:
    if isinstance(value, (str, Path)):
        raise ValidationError(
            "font_dirs must be a sequence of directories, not one path",
            field="font_dirs",
            value=value,
        )
    if not isinstance(value, (list, tuple)) or not all(isinstance(p, (str, Path)) for p in value):
        raise ValidationError(
            f"font_dirs must be a sequence of paths, got {value!r}", field="font_dirs", value=value
        )
    return tuple(Path(p) for p in value)


def _dirs_exist(
    instance: object, attribute: attrs.Attribute[tuple[Path, ...]], value: object
) -> None:
    assert isinstance(value, tuple)
    for path in value:
        if not path.is_dir():
            raise ValidationError(
                f"font_dirs: {path} is not a directory", field="font_dirs", value=path
            )


@attrs.frozen(kw_only=True)
class PdfOptions(LayoutOptions):
    """Options of :func:`dumps` and :func:`render`.

    Attributes:
        layout: ``"letter"`` (信函格式, the default) or ``"ordinary"``.
        issuer_mark: the issuer mark's text; ``None`` prints the letter's ``issuer``.
        masthead: ``False`` leaves out the issuer mark and red rules (letterhead paper).
        typefaces: the font chains, most wanted first (:class:`Typefaces`).
        font_dirs: directories searched first for fonts (recursively).
        system_fonts: also search fontconfig and the usual font folders; ``False`` uses
            ``font_dirs`` alone (a build that must not depend on the machine).

    >>> PdfOptions(font_dirs=["tests/data/fonts"]).font_dirs
    (PosixPath('tests/data/fonts'),)
    """

    font_dirs: tuple[Path, ...] = attrs.field(default=(), converter=_paths, validator=_dirs_exist)
    system_fonts: bool = attrs.field(default=True)

    @system_fonts.validator
    def _check_system_fonts(self, attribute: attrs.Attribute[bool], value: object) -> None:
        if not isinstance(value, bool):
            raise ValidationError(
                f"system_fonts must be True or False, got {value!r}",
                field="system_fonts",
                value=value,
            )


@attrs.frozen
class Rendered:
    """A printed letter: the PDF, the fonts it is set in, and the findings made printing it."""

    data: bytes = attrs.field(repr=lambda data: f"<{len(data)} bytes>")
    fonts: Mapping[FontRole, ResolvedFont] = attrs.field(factory=dict, hash=False)
    findings: tuple[Finding, ...] = ()


def resolve_fonts(
    texts: Mapping[FontRole, str] | None = None, *, options: PdfOptions | None = None
) -> tuple[dict[FontRole, ResolvedFont], tuple[Finding, ...]]:
    """Choose the font of each typeface, as :func:`render` would, without printing.

    ``texts`` gives the characters each typeface must print (``None``: only the digits and
    dashes of page numbers, so any CJK font qualifies); :func:`render` passes the letter's.

    Returns:
        The chosen font per typeface, and a ``GW101`` finding for each that fell back.

    Raises:
        FontError: no font of a typeface's chain has every character it must print.
    """
    options = options if options is not None else PdfOptions()
    wanted = dict(texts) if texts is not None else dict.fromkeys(FONT_ROLES, "— 1 —")
    return resolve(
        wanted,
        typefaces=options.typefaces,
        font_dirs=options.font_dirs,
        system_fonts=options.system_fonts,
    )


def render(letter: ReplyLetter, /, *, options: PdfOptions | None = None) -> Rendered:
    """Print ``letter`` to PDF, with the fonts used and a finding for each font fallback.

    Raises:
        FontError: no font can print some typeface's text (the message names the characters).
        ValidationError: some text holds a control character or a lone surrogate.
    """
    from govreply.formats.pdf._write import write_pdf

    options = options if options is not None else PdfOptions()
    parts = checked_plan(letter, options)
    fonts, findings = resolve_fonts(parts.texts(), options=options)
    return Rendered(write_pdf(parts, fonts, title=page_title(letter)), fonts, findings)


def dumps(letter: ReplyLetter, /, *, options: PdfOptions | None = None) -> bytes:
    """Print ``letter`` to PDF in the official layout: ``render(letter).data``.

    Args:
        letter: the letter to print.
        options: layout, issuer mark, typefaces and where to find fonts (:class:`PdfOptions`).

    Raises:
        FontError: no font can print some typeface's text (the message names the characters).
        ValidationError: some text holds a control character or a lone surrogate.
    """
    return render(letter, options=options).data


# --- end writer --------------------------------------------------------------------------------

__all__ = [
    "DEFAULT_PDF_READ_OPTIONS",
    "FONT_ROLES",
    "FontRole",
    "PdfOptions",
    "PdfParseResult",
    "PdfReadOptions",
    "Rendered",
    "ResolvedFont",
    "Typefaces",
    "dumps",
    "extract",
    "loads",
    "parse",
    "render",
    "resolve_fonts",
]


def __dir__() -> list[str]:
    return __all__
