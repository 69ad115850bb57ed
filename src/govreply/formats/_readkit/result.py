"""The result every document reader returns, and the step that ends in the text reader."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Final

import attrs

from govreply.errors import DocumentParseError, GovReplyError, TextParseError
from govreply.formats import text as text_format
from govreply.model import DocumentNumber, Finding, ReplyLetter, Review, Severity
from govreply.numerals import parse_date

__all__ = [
    "DocumentParseResult",
    "Extraction",
    "fill_from_metadata",
    "finish",
    "note",
    "read_date",
]


def note(
    code: str,
    message: str,
    *,
    line: int | None = None,
    location: str | None = None,
    error: bool = False,
) -> Finding:
    """A reader's finding (a warning unless ``error``)."""
    severity = Severity.ERROR if error else Severity.WARNING
    return Finding(code=code, severity=severity, message=message, location=location, line=line)


@attrs.frozen(kw_only=True)
class Extraction:
    """A document turned into text: what the text reader will read, and what was seen on the way.

    ``text`` holds one paragraph per line, paragraphs separated by blank lines and table rows
    as tab-separated cells (the layout :func:`govreply.formats.text.dumps` prints);
    ``findings`` are the reader's own (headers removed, paragraphs joined across pages…);
    ``metadata`` the key/value pairs found around the letter (a page's 索引号, 文号…);
    ``pages`` the number of pages read (``None`` for a web page).
    """

    text: str
    findings: tuple[Finding, ...] = ()
    metadata: Mapping[str, str] = attrs.field(factory=dict, eq=True, hash=False)
    pages: int | None = None


@attrs.frozen(kw_only=True)
class DocumentParseResult:
    """A letter read from a published document, with every finding made on the way.

    ``findings`` lists the document reader's own findings first (codes ``GP`` PDF, ``GH`` web
    page, ``GD`` DOCX, ``GO`` OFD), then those of the text reader (``GT``), whose ``line``
    numbers count lines of :attr:`text`. ``metadata`` holds the key/value pairs printed around
    the letter (a portal's 索引号, 发布机构, 文号…), keys without spaces and colon. ``text`` is
    what the document reader handed to the text reader; ``pages`` the number of pages read.
    """

    letter: ReplyLetter
    findings: tuple[Finding, ...] = ()
    metadata: dict[str, str] = attrs.field(factory=dict, eq=True, hash=False)
    text: str = ""
    pages: int | None = None

    @property
    def review(self) -> Review:
        """Whether a person should read the source before trusting the record, and why."""
        return Review.of(self.findings)


# The metadata keys that may fill an empty field, in order of preference, with the field's
# name. 发布日期 (publication) is never among them: a page is published after the letter.
_FIELD_KEYS: Final = (
    ("doc_number", ("文号", "发文字号", "文件编号")),
    ("issuer", ("发文机关", "发布机构", "发文单位", "成文机关")),
    ("date", ("成文日期", "发文日期")),
    ("title", ("标题", "文件名称", "名称")),
)


def _metadata_value(metadata: Mapping[str, str], keys: Iterable[str]) -> tuple[str, str] | None:
    for key in keys:
        value = metadata.get(key, "").strip()
        if value:
            return key, value
    return None


# 2019-01-04 / 2019/1/4 / 2019.01.04  (how portals print dates; 2019年1月4日 goes to parse_date)
_ISO_DATE = re.compile(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})")


def read_date(text: str) -> datetime.date:
    """A date as portals print it: ``2019-01-04``, ``2019/1/4`` or ``2019年1月4日``.

    Raises:
        NumeralError: not such a date.
        ValueError: the date does not exist.
    """
    match = _ISO_DATE.fullmatch(text.strip())
    if match is None:
        return parse_date(text)
    return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))


def fill_from_metadata(
    letter: ReplyLetter, metadata: Mapping[str, str], code: str, where: str
) -> tuple[ReplyLetter, list[Finding]]:
    """Fill the fields ``letter`` lacks from ``metadata``; one ``code`` finding per field.

    ``where`` names the source in messages ("the page's metadata").
    """
    changes: dict[str, object] = {}
    findings: list[Finding] = []
    for field, keys in _FIELD_KEYS:
        if getattr(letter, field) is not None:
            continue
        found = _metadata_value(metadata, keys)
        if found is None:
            continue
        key, value = found
        filled: object
        try:
            if field == "doc_number":
                filled = DocumentNumber.parse(value)
            elif field == "date":
                filled = read_date(value)
            else:
                filled = value
        except (GovReplyError, ValueError):
            continue
        changes[field] = filled
        findings.append(note(code, f"{field} taken from {where} ({key}: {value})", location=field))
    if not changes:
        return letter, findings
    try:
        return attrs.evolve(letter, **changes), findings  # type: ignore[arg-type]
    except GovReplyError:
        return letter, []


def finish(
    extraction: Extraction,
    error: Callable[[str], DocumentParseError],
    *,
    fill: tuple[str, str] | None = None,
) -> DocumentParseResult:
    """Read ``extraction.text`` with the text reader and combine the findings of both.

    ``fill`` is ``(code, where)`` when the document's metadata may fill fields the letter
    lacks. ``error`` builds the reader's error when the text is not a reply letter.
    """
    try:
        parsed = text_format.parse(extraction.text)
    except TextParseError as exc:
        raise error(
            f"the document's text is not a reply letter ({exc.message}, {_at(exc)})"
        ) from exc
    letter = parsed.letter
    framed = any((letter.title, letter.opening, letter.doc_number, letter.date, letter.closing))
    if not framed:
        raise error(
            "the document's text is not a reply letter: it has none of a title, an opening, "
            "a document number, a closing and a date"
        )
    metadata = {**extraction.metadata, **parsed.metadata}
    findings = [*extraction.findings]
    if fill is not None and metadata:
        letter, filled = fill_from_metadata(letter, metadata, *fill)
        findings += filled
    findings += parsed.findings
    return DocumentParseResult(
        letter=letter,
        findings=tuple(findings),
        metadata=metadata,
        text=extraction.text,
        pages=extraction.pages,
    )


def _at(exc: TextParseError) -> str:
    return f"line {exc.line} of its text" if exc.line is not None else "in its text"
