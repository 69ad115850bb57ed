"""Reading one input into a letter: the single place where the dataset layer meets the readers.

:func:`read_letter` decodes the bytes and picks the format the way ``govreply parse`` does: the
file extension (``.txt`` ``.json`` ``.xml``), else the content (``{`` JSON, ``<`` XML, anything
else letter text); text is UTF-8 (a BOM allowed), UTF-16 with a BOM, or else GB 18030.

Everything else in :mod:`govreply.dataset` goes through this function, so when
:mod:`govreply.formats` gains one reader dispatch for every format (PDF, HTML, DOCX, OFD too),
only this function changes.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import attrs

from govreply.errors import TextParseError
from govreply.formats import FORMAT_NAMES, FormatName, get_format
from govreply.formats import text as text_format
from govreply.model import Finding, ReplyLetter, Review

__all__ = ["EXTENSIONS", "Reading", "read_letter"]

#: File name extensions and the format each one means (as ``govreply parse`` reads them).
EXTENSIONS: dict[str, FormatName] = {
    ".json": "json",
    ".xml": "xml",
    ".txt": "text",
    ".text": "text",
}
# Characters that do not occur in letter text; finding one means a wrong decoding.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@attrs.frozen(kw_only=True)
class Reading:
    """A letter read from one input, with what the reader found and how it read the input."""

    letter: ReplyLetter
    findings: tuple[Finding, ...]
    review: Review
    format: FormatName
    encoding: str


def read_letter(
    source: str | os.PathLike[str], data: bytes | None = None, *, fmt: FormatName | None = None
) -> Reading:
    """Read the letter in the file ``source`` (or in ``data``, named ``source``).

    Args:
        source: the file's path; with ``data``, only its name (its extension picks the format).
        data: the file's content, when the caller has it already (Spark's ``binaryFile``).
        fmt: the format to read, instead of the extension's or the content's.

    Raises:
        OSError: the file cannot be read.
        govreply.errors.ParseError: a leaf for the format (the input is not a letter).
        govreply.errors.ValidationError: the record breaks an invariant of the model.
    """
    if data is None:
        data = Path(source).read_bytes()
    if fmt is not None and fmt not in FORMAT_NAMES:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMAT_NAMES)})")
    text, encoding = _decode(data)
    chosen = fmt or EXTENSIONS.get(Path(source).suffix.lower()) or _sniff(text)
    if chosen == "text":
        result = text_format.parse(text)
        return Reading(
            letter=result.letter,
            findings=result.findings,
            review=result.review,
            format=chosen,
            encoding=encoding,
        )
    # XML carries its own encoding declaration, so lxml gets the bytes as they are.
    letter = get_format(chosen).loads(data if chosen == "xml" else text)
    return Reading(
        letter=letter, findings=(), review=Review.of(()), format=chosen, encoding=encoding
    )


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise TextParseError(f"byte {exc.start}: invalid UTF-16 text", line=1) from exc
        if _CONTROL.search(text):
            raise TextParseError("starts with a UTF-16 byte order mark but is not UTF-16", line=1)
        return text, "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        problem = (
            f"byte {utf8_error.start}: not UTF-8 (0x{data[utf8_error.start]:02x}), "
            "and not GB18030 text either"
        )
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise TextParseError(problem, line=1) from exc
        if _CONTROL.search(text):
            raise TextParseError(problem, line=1) from utf8_error
        return text, "gb18030"


def _sniff(text: str) -> FormatName:
    start = text.lstrip()[:1]
    if start == "{":
        return "json"
    if start == "<":
        return "xml"
    return "text"
