"""Which format a document is in, from its name and its first bytes; and reading any of them."""

from __future__ import annotations

import codecs
import importlib
import io
import zipfile
from pathlib import PurePath
from typing import Final, Literal

from govreply.errors import UnsupportedFormatError
from govreply.formats._readkit.result import DocumentParseResult

__all__ = ["DocumentFormat", "parse_document", "sniff"]

DocumentFormat = Literal["pdf", "html", "docx", "ofd", "json", "xml", "text"]

_EXTENSIONS: Final[dict[str, DocumentFormat]] = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".jsp": "html",
    ".docx": "docx",
    ".ofd": "ofd",
    ".json": "json",
    ".xml": "xml",
    ".txt": "text",
    ".text": "text",
}
# Formats govreply does not read, named so the error can say what the file is.
_UNSUPPORTED: Final = {
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "a legacy Office file (.doc, .xls, .wps): save as .docx",
    b"\x89PNG": "a PNG image: OCR is needed",
    b"\xff\xd8\xff": "a JPEG image: OCR is needed",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image: OCR is needed",
    b"MM\x00*": "a TIFF image: OCR is needed",
    b"{\\rtf": "an RTF document: save it as .docx",
}
_HTML_MARKERS: Final = (
    b"<html",
    b"<!doctype html",
    b"<head",
    b"<body",
    b"<meta",
    b"<div",
    b"<p>",
    b"<table",
    b"<%",
)


def _zip_format(data: bytes) -> DocumentFormat | None:
    try:
        names = {
            n.replace("\\", "/").lstrip("/").lower()
            for n in zipfile.ZipFile(io.BytesIO(data)).namelist()[:5000]
        }
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None
    if "ofd.xml" in names:
        return "ofd"
    if "word/document.xml" in names or "[content_types].xml" in names:
        return "docx"
    return None


def _text_start(data: bytes) -> bytes:
    """The first bytes as lower-case ASCII-ish text, BOMs and UTF-16 undone, spaces stripped."""
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "ignore").encode("utf-8", "ignore")
    return head.removeprefix(codecs.BOM_UTF8).lstrip().lower()


def sniff(data: bytes, name: str | None = None) -> DocumentFormat:
    """The format of a document, from its content first and its file name second.

    Content decides where it is unambiguous: ``%PDF`` is PDF, a ZIP holding ``OFD.xml`` is
    OFD and one holding ``word/document.xml`` is DOCX, ``<html`` (or a page's usual first
    tags) is a web page, ``{`` JSON, ``<`` XML. Otherwise the extension of ``name`` decides
    (``.pdf``, ``.html``/``.htm``, ``.docx``, ``.ofd``, ``.json``, ``.xml``, ``.txt``), and
    failing both, the input is letter text.

    >>> sniff(b"%PDF-1.7 ...")
    'pdf'
    >>> sniff(b"<!DOCTYPE html><html><body>...", "letter.txt")
    'html'
    >>> sniff("张三代表：".encode(), "letter")
    'text'

    Raises:
        UnsupportedFormatError: the input is a format govreply does not read (a legacy
            ``.doc``, an image, RTF, another ZIP package).
    """
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        found = _zip_format(data)
        if found is not None:
            return found
        raise UnsupportedFormatError(
            "a ZIP package that is neither DOCX (word/document.xml) nor OFD (OFD.xml)"
        )
    for magic, what in _UNSUPPORTED.items():
        if head.startswith(magic):
            raise UnsupportedFormatError(
                f"{what}; govreply reads PDF, HTML, DOCX, OFD, JSON, XML and text"
            )
    start = _text_start(data)
    if start.startswith(_HTML_MARKERS) or (
        start.startswith(b"<!--") and b"<html" in data[:65536].lower()
    ):
        return "html"
    if start.startswith(b"<?xml") and b"<html" in data[:4096].lower():
        return "html"
    extension = _EXTENSIONS.get(PurePath(name).suffix.lower()) if name else None
    if extension in ("pdf", "docx", "ofd"):
        raise UnsupportedFormatError(f"named {name} but its content is not {extension.upper()}")
    if start.startswith(b"{"):
        return "json"
    if start.startswith(b"<"):
        return "html" if extension == "html" else "xml"
    return extension or "text"


def parse_document(
    data: bytes, name: str | None = None, *, format: DocumentFormat | None = None
) -> DocumentParseResult:
    """Read a letter from any supported input (see :func:`govreply.formats.parse`)."""
    fmt = format or sniff(data, name)
    if fmt in ("pdf", "html", "docx", "ofd"):
        module = importlib.import_module(f"govreply.formats.{fmt}")
        result: DocumentParseResult = module.parse(data)
        return result
    if fmt == "text":
        from govreply.formats import text

        parsed = text.parse(data)
        return DocumentParseResult(
            letter=parsed.letter,
            findings=parsed.findings,
            metadata=dict(parsed.metadata),
            text=_decoded(data),
        )
    module = importlib.import_module(f"govreply.formats.{fmt}")
    return DocumentParseResult(letter=module.loads(data))


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", "replace")
