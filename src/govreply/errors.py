"""The exception tree of govreply.

Every error govreply raises on bad input is a leaf of :class:`GovReplyError`, and every leaf is
also a :class:`ValueError`, so callers that only know the standard library still catch it::

    GovReplyError            (never raised itself)
    ├── NumeralError         a Chinese numeral, label or date that does not parse
    ├── ValidationError      a model value that breaks an invariant
    ├── FontError            no installed font can print a letter's text (PDF writer)
    ├── DatasetError         a file that is not a table of govreply rows (govreply.dataset)
    └── ParseError           a document that does not parse (never raised itself)
        ├── TextParseError   plain text; carries line, column and a caret drawing
        ├── JsonParseError   JSON; carries every problem with its JSON path
        ├── XmlParseError    XML; carries line and element path
        ├── DocumentParseError   a PDF, web page, DOCX or OFD (never raised itself)
        │   ├── PdfParseError        PDF; carries the page
        │   │   ├── PdfEncryptedError    the PDF needs a password
        │   │   └── PdfNoTextError       no text layer (a scan): OCR is needed
        │   ├── HtmlParseError       a web page
        │   ├── DocxParseError       DOCX; carries the part (``word/document.xml``)
        │   └── OfdParseError        OFD (GB/T 33190); carries the part
        │       └── OfdNoTextError       no text objects (scanned pages): OCR is needed
        ├── NoTextLayerError     base of PdfNoTextError and OfdNoTextError
        └── UnsupportedFormatError   input in no format govreply reads (.doc, an image…)

This module imports nothing from govreply, so any module may import it.
"""

from __future__ import annotations

__all__ = [
    "DatasetError",
    "DocumentParseError",
    "DocxParseError",
    "FontError",
    "GovReplyError",
    "HtmlParseError",
    "JsonParseError",
    "NoTextLayerError",
    "NumeralError",
    "OfdNoTextError",
    "OfdParseError",
    "ParseError",
    "PdfEncryptedError",
    "PdfNoTextError",
    "PdfParseError",
    "Problem",
    "TextParseError",
    "UnsupportedFormatError",
    "ValidationError",
    "XmlParseError",
]

import unicodedata
from typing import NamedTuple


class GovReplyError(Exception):
    """Root of every govreply error; never raised itself."""

    default_message = "govreply error"

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class NumeralError(GovReplyError, ValueError):
    """A Chinese numeral, section label, item marker or date could not be read or written.

    ``text`` is the input and ``position`` the index of the first bad character (or ``None``
    when the problem is not tied to one character, e.g. an out-of-range value).
    """

    default_message = "invalid Chinese numeral"

    def __init__(
        self, message: str | None = None, *, text: str | None = None, position: int | None = None
    ) -> None:
        self.text = text
        self.position = position
        super().__init__(message)


class ValidationError(GovReplyError, ValueError):
    """A model value breaks an invariant; ``field`` names it and ``value`` is what was given."""

    default_message = "invalid value"

    def __init__(
        self, message: str | None = None, *, field: str | None = None, value: object = None
    ) -> None:
        self.field = field
        self.value = value
        super().__init__(message)


class FontError(GovReplyError, ValueError):
    """No font found for a typeface can print every character of the text set in it.

    ``role`` names the typeface (``fangsong``, ``xiaobiaosong``…), ``missing`` holds the
    characters the best candidate lacks (empty when no candidate was found at all) and
    ``tried`` the font names looked for, in order.
    """

    default_message = "no font can print this text"

    def __init__(
        self,
        message: str | None = None,
        *,
        role: str | None = None,
        missing: str = "",
        tried: tuple[str, ...] = (),
    ) -> None:
        self.role = role
        self.missing = missing
        self.tried = tried
        super().__init__(message)


class DatasetError(GovReplyError, ValueError):
    """A file or table is not one of govreply rows: unreadable, or missing columns it needs.

    ``path`` names the file (``None`` for a table in memory).
    """

    default_message = "not a table of govreply rows"

    def __init__(self, message: str | None = None, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(message)


class ParseError(GovReplyError, ValueError):
    """A serialized document could not be read; never raised itself."""

    default_message = "could not parse document"


class TextParseError(ParseError):
    """Plain text is not a reply letter; ``line`` and ``column`` are 1-based.

    ``str()`` shows the message, the offending line and a caret under the bad text.
    """

    default_message = "not a reply letter"

    def __init__(
        self,
        message: str | None = None,
        *,
        line: int | None = None,
        column: int | None = None,
        source_line: str | None = None,
        span: int = 1,
    ) -> None:
        self.line = line
        self.column = column
        self.source_line = source_line
        self.span = max(span, 1)
        super().__init__(message)

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "input"
        if self.column is not None:
            where += f", column {self.column}"
        text = f"{where}: {self.message}"
        if self.source_line is not None and self.column is not None:
            # East Asian characters are two cells wide on a terminal; pad with the same
            # characters' widths so the caret lands under the bad text.
            prefix = self.source_line[: self.column - 1]
            pad = "".join("\u3000" if _wide(ch) else " " for ch in prefix)
            text += f"\n    {self.source_line}\n    {pad}{'^' * self.span}"
        return text


class Problem(NamedTuple):
    """One problem in a JSON or XML document: where (JSON path or XPath-like path) and why."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        at = f"line {self.line}: " if self.line is not None else ""
        return f"{at}{self.path}: {self.message}"


class _DocumentError(ParseError):
    def __init__(self, message: str | None = None, *, problems: tuple[Problem, ...] = ()) -> None:
        self.problems = problems
        if message is None and problems:
            message = "; ".join(str(p) for p in problems)
        super().__init__(message)


class JsonParseError(_DocumentError):
    """JSON input is malformed or does not match the schema; ``problems`` lists every one."""

    default_message = "invalid govreply JSON"


class XmlParseError(_DocumentError):
    """XML input is malformed, unsafe or invalid against the XSD; ``problems`` lists every one."""

    default_message = "invalid govreply XML"


# ------------------------------------------------------------------ published documents


class DocumentParseError(ParseError):
    """A published document (PDF, web page, DOCX, OFD) could not be read; never raised itself.

    ``page`` (1-based) or ``part`` (a member of the package, ``word/document.xml``) say where,
    when the problem is tied to one. ``str()`` starts with that place.
    """

    default_message = "could not read the document"

    def __init__(
        self, message: str | None = None, *, page: int | None = None, part: str | None = None
    ) -> None:
        self.page = page
        self.part = part
        super().__init__(message)

    def __str__(self) -> str:
        if self.page is not None:
            return f"page {self.page}: {self.message}"
        if self.part is not None:
            return f"{self.part}: {self.message}"
        return self.message


class NoTextLayerError(ParseError):
    """The document holds only images of text (a scan): OCR is needed; govreply does none."""

    default_message = "the document has no text layer (scanned pages?); it needs OCR"


class PdfParseError(DocumentParseError):
    """A PDF is damaged, over a limit, or its text cannot be decoded; ``page`` says where."""

    default_message = "could not read the PDF"


class PdfEncryptedError(PdfParseError):
    """The PDF is encrypted and needs a password."""

    default_message = "the PDF is encrypted (it needs a password)"


class PdfNoTextError(PdfParseError, NoTextLayerError):
    """The PDF has no text layer (its pages are images): OCR is needed."""

    default_message = "the PDF has no text layer (scanned pages?); it needs OCR"


class HtmlParseError(DocumentParseError):
    """A web page is over a limit, undecodable, or holds no letter."""

    default_message = "could not read the web page"


class DocxParseError(DocumentParseError):
    """A DOCX package is damaged, unsafe (a ZIP bomb) or over a limit; ``part`` says where."""

    default_message = "could not read the DOCX document"


class OfdParseError(DocumentParseError):
    """An OFD package (GB/T 33190) is damaged, unsafe or over a limit; ``part`` says where."""

    default_message = "could not read the OFD document"


class OfdNoTextError(OfdParseError, NoTextLayerError):
    """The OFD document has no text objects (its pages are images): OCR is needed."""

    default_message = "the OFD document has no text (scanned pages?); it needs OCR"


class UnsupportedFormatError(ParseError):
    """The input is in no format govreply reads (a legacy .doc, a spreadsheet, an image…)."""

    default_message = "not a format govreply reads"


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")
