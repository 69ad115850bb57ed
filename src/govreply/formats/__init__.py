"""Formats of a reply letter, each with ``dumps`` and ``loads``.

The official-layout writers ``html``, ``docx`` and ``pdf`` (:data:`OFFICIAL_FORMATS`) print the
letter in the GB/T 9704-2012 layout; ``docx`` and ``pdf`` write ``bytes``
(:data:`BINARY_FORMATS`). Published documents are read by ``pdf``, ``html``, ``docx`` and
``ofd`` (each with ``parse`` and ``loads``); :func:`sniff` names the format of any input and
:func:`parse` reads any of them into a :class:`DocumentParseResult`.

``json`` and ``xml`` are govreply's own records, ``text`` the official layout, ``exchange`` the
Chinese element vocabulary of OA exchange payloads. Every format module satisfies
:class:`Format`, so callers (the CLI among them) look formats up by name with
:func:`get_format` instead of branching::

    >>> from govreply.examples import seed_letter
    >>> fmt = get_format("json")
    >>> fmt.loads(fmt.dumps(seed_letter())) == seed_letter()
    True
"""

from __future__ import annotations

import importlib
from typing import Any, Literal, Protocol, TypeVar, cast, overload

from govreply.model import ReplyLetter

__all__ = [
    "BINARY_FORMATS",
    "DOCUMENT_FORMATS",
    "FORMAT_NAMES",
    "OFFICIAL_FORMATS",
    "DocumentFormat",
    "DocumentParseResult",
    "Extraction",
    "Format",
    "FormatName",
    "get_format",
    "parse",
    "sniff",
]

FormatName = Literal["json", "xml", "text", "exchange"]

#: The format names :func:`get_format` knows, in the order the CLI lists them.
FORMAT_NAMES: tuple[FormatName, ...] = ("json", "xml", "text", "exchange")
#: The official-layout writers (their packages also hold the document readers).
OFFICIAL_FORMATS: tuple[str, ...] = ("html", "docx", "pdf")
#: Formats whose ``dumps`` returns ``bytes``.
BINARY_FORMATS: frozenset[str] = frozenset({"docx", "pdf"})


_Out_co = TypeVar("_Out_co", bound="str | bytes", covariant=True)


class Format(Protocol[_Out_co]):
    """What every format module provides; ``dumps`` gives ``bytes`` for BINARY_FORMATS."""

    def dumps(self, letter: ReplyLetter, /) -> _Out_co:
        """Serialize ``letter``."""
        ...

    def loads(self, data: str | bytes, /) -> ReplyLetter:
        """Read a letter from ``data``; raise a :class:`govreply.errors.ParseError` leaf if bad."""
        ...


@overload
def get_format(name: Literal["json", "xml", "text", "exchange", "html"]) -> Format[str]: ...
@overload
def get_format(name: Literal["docx", "pdf"]) -> Format[bytes]: ...
@overload
def get_format(name: str) -> Format[Any]: ...
def get_format(name: str) -> Format[Any]:
    """Return the format module called ``name``: json, xml, text, exchange, html, docx or pdf.

    Raises:
        ValueError: ``name`` is not a known format.
    """
    known = (*FORMAT_NAMES, *OFFICIAL_FORMATS)
    if name not in known:
        raise ValueError(f"unknown format {name!r} (expected one of {', '.join(known)})")
    return cast("Format[Any]", importlib.import_module(f"govreply.formats.{name}"))


# --- readers of published documents (sniff, parse) ------------------------------------------
from govreply.formats._readkit.result import DocumentParseResult, Extraction  # noqa: E402
from govreply.formats._readkit.sniff import DocumentFormat, parse_document  # noqa: E402
from govreply.formats._readkit.sniff import sniff as sniff  # noqa: E402

#: Every input format :func:`parse` reads, documents first.
DOCUMENT_FORMATS: tuple[DocumentFormat, ...] = ("pdf", "html", "docx", "ofd", "json", "xml", "text")


def parse(
    data: bytes, /, name: str | None = None, *, format: DocumentFormat | None = None
) -> DocumentParseResult:
    """Read a letter from any input govreply reads: PDF, web page, DOCX, OFD, JSON, XML, text.

    The format is ``format`` if given, else :func:`sniff` decides from the content and the
    file ``name``. JSON and XML records carry no findings; the other formats report every
    repair they made.

    >>> from govreply.examples import seed_text
    >>> result = parse(seed_text().encode(), "letter.txt")
    >>> str(result.letter.doc_number), result.review.needed
    ('赣区教议〔2024〕2号', False)

    Raises:
        UnsupportedFormatError: the input is in no format govreply reads.
        ParseError: a leaf for the format (``PdfParseError``, ``HtmlParseError``…).
    """
    return parse_document(data, name, format=format)


def __dir__() -> list[str]:
    return __all__


# --- end of readers of published documents ---------------------------------------------------
