"""One row per input: what was read (or why not), the review signal, findings and flat fields.

:class:`Row` is the reading of one input; :data:`COLUMNS` says how a row becomes the flat Arrow
record that researchers filter on, column by column. Each column is a path into the row
(``letter.reference.congress.term``), its Arrow type derived from the model's type hints, or a
value computed from the letter (the congress level's tier, the body's length) with its type
named in the model's terms.
"""

from __future__ import annotations

import functools
import os
import typing
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

import attrs
import pyarrow as pa

from govreply.dataset._read import read_letter
from govreply.dataset._schema import Builder, Codec, codec_of
from govreply.errors import (
    DatasetError,
    GovReplyError,
    JsonParseError,
    TextParseError,
    ValidationError,
    XmlParseError,
)
from govreply.formats import FormatName
from govreply.formats import json as json_format
from govreply.model import Finding, ReplyLetter, Review, Section
from govreply.rules import check

__all__ = [
    "COLUMNS",
    "ROW_VERSION",
    "Column",
    "Row",
    "arrow_schema",
    "from_arrow",
    "parse_one",
    "to_arrow",
    "to_batch",
]

#: The version of the row layout; it changes when a column is renamed, retyped or removed.
ROW_VERSION = 1


def _optional_text(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string or None, got {value!r}")


def _findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(findings)


@attrs.frozen(kw_only=True)
class Row:
    """The reading of one input: its letter and findings, or the error that stopped it.

    ``findings`` are the reader's (page-break repairs, ignored lines…) followed by those of
    :func:`govreply.check`; ``review`` is the reader's review signal
    (:class:`govreply.Review`). A failed input has no letter and no review, and ``error`` says
    why, one line per problem; ``error_type`` names the error's class.
    """

    source: str | None = attrs.field(default=None, validator=_optional_text)
    format: str | None = attrs.field(default=None, validator=_optional_text)
    encoding: str | None = attrs.field(default=None, validator=_optional_text)
    letter: ReplyLetter | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(ReplyLetter))
    )
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings)
    review: Review | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Review))
    )
    error: str | None = attrs.field(default=None, validator=_optional_text)
    error_type: str | None = attrs.field(default=None, validator=_optional_text)

    @classmethod
    def of(cls, letter: ReplyLetter, *, source: str | None = None) -> Row:
        """The row of a letter built in Python: its findings are those of :func:`govreply.check`.

        >>> from govreply.examples import seed_letter
        >>> row = Row.of(seed_letter(), source="seed")
        >>> row.review.needed, [f.code for f in row.findings][:2]
        (False, ['GR401', 'GR410'])
        """
        return cls(
            source=source, letter=letter, findings=tuple(check(letter)), review=Review.of(())
        )


def parse_one(
    source: str | os.PathLike[str],
    *,
    data: bytes | None = None,
    fmt: FormatName | None = None,
    rules: bool = True,
) -> Row:
    """Read one input into a :class:`Row`; never raises for bad input.

    An input that cannot be read is a row with ``error`` and ``error_type`` set and no letter,
    so a batch accounts for every input it was given.

    >>> from govreply.examples import seed_text
    >>> row = parse_one("055.txt", data=seed_text().encode("utf-8"))
    >>> row.letter.reference.number, row.format, row.error
    (55, 'text', None)
    >>> bad = parse_one("056.txt", data="这不是一封答复函".encode("utf-8"))
    >>> bad.letter is None, bad.error_type
    (True, 'TextParseError')

    Args:
        source: the file to read; with ``data``, only its name.
        data: the file's content, when the caller has it (Spark's ``binaryFile`` rows).
        fmt: read as this format instead of the one the extension or content says.
        rules: add the findings of :func:`govreply.check` (on by default).
    """
    name = os.fspath(source)
    try:
        reading = read_letter(name, data, fmt=fmt)
        findings = reading.findings + (tuple(check(reading.letter)) if rules else ())
    except OSError as exc:
        return Row(source=name, error=exc.strerror or str(exc), error_type="OSError")
    except GovReplyError as exc:
        return Row(source=name, error="\n".join(_describe(exc)), error_type=type(exc).__name__)
    except Exception as exc:  # a bug, not bad input: one file must not stop a batch
        if os.environ.get("GOVREPLY_DEBUG"):
            raise
        problem = f"internal error ({type(exc).__name__}: {exc}); please report it"
        return Row(source=name, error=problem, error_type="InternalError")
    return Row(
        source=name,
        format=reading.format,
        encoding=reading.encoding,
        letter=reading.letter,
        findings=findings,
        review=reading.review,
    )


def _describe(exc: GovReplyError) -> list[str]:
    if isinstance(exc, TextParseError):
        where = f"line {exc.line}" if exc.line is not None else ""
        if exc.column is not None:
            where += f", column {exc.column}"
        return [f"{where}: {exc.message}" if where else exc.message]
    if isinstance(exc, (JsonParseError, XmlParseError)) and exc.problems:
        return [str(problem) for problem in exc.problems]
    if isinstance(exc, ValidationError) and exc.field and exc.field not in exc.message:
        return [f"{exc.field}: {exc.message}"]
    return [exc.message]


# --------------------------------------------------------------------------- columns


@attrs.frozen
class Column:
    """One column of the row: its name, Arrow type, meaning and how its value is taken."""

    name: str
    codec: Codec = attrs.field(repr=False)
    description: str
    value: Callable[[Row], Any] = attrs.field(repr=False)

    @property
    def type(self) -> pa.DataType:
        """The column's Arrow type."""
        return self.codec.type

    def field(self) -> pa.Field[Any]:
        """The column as an Arrow field, its description in the field's metadata."""
        return pa.field(self.name, self.type, metadata={"description": self.description})


def _path(name: str, path: str, description: str) -> Column:
    """A column holding the value at ``path`` (``letter.issuer``), typed as the model types it."""
    steps = path.split(".")
    hint: Any = Row
    for step in steps:
        hint = typing.get_type_hints(_present(hint))[step]

    def value(row: Row) -> Any:
        found: Any = row
        for step in steps:
            found = getattr(found, step)
            if found is None:
                return None
        return found

    return Column(name, codec_of(hint), description, value)


def _present(hint: Any) -> Any:
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    return args[0] if typing.get_origin(hint) is not tuple and args else hint


def _computed(
    name: str, hint: Any, description: str, of_letter: Callable[[ReplyLetter], Any]
) -> Column:
    """A column computed from the letter (``None`` for a failed input), typed as ``hint``."""

    def value(row: Row) -> Any:
        return None if row.letter is None else of_letter(row.letter)

    return Column(name, codec_of(hint), description, value)


# 全国 / 广西壮族自治区 / 甘孜藏族自治州 / 赣州市 / 赣县区 / 华容县 / 阿拉善盟 / 镇  (longest first)
_TIERS = (
    "全国",
    "自治区",
    "自治州",
    "自治县",
    "省",
    "市",
    "州",
    "盟",
    "县",
    "旗",
    "区",
    "乡",
    "镇",
)


def level_of(level: str | None) -> str | None:
    """The administrative tier of a congress level as printed: 赣州市 → 市, 区 → 区, 全国 → 全国.

    >>> level_of("沙河市"), level_of("区"), level_of("甘孜藏族自治州"), level_of("北京")
    ('市', '区', '自治州', None)
    """
    if level is None:
        return None
    return next((tier for tier in _TIERS if level.endswith(tier)), None)


def place_of(level: str | None) -> str | None:
    """The place a congress level names, if it names one: 赣州市 → 赣州市, 区 → None.

    >>> place_of("沙河市"), place_of("区"), place_of("全国"), place_of("北京")
    ('沙河市', None, None, '北京')
    """
    if level is None or level == level_of(level):
        return None
    return level


def _level(letter: ReplyLetter) -> str | None:
    congress = letter.reference.congress
    return None if congress is None else level_of(congress.level)


def _place(letter: ReplyLetter) -> str | None:
    congress = letter.reference.congress
    return None if congress is None else place_of(congress.level)


def _congress(letter: ReplyLetter) -> str | None:
    congress = letter.reference.congress
    return None if congress is None else str(congress)


def _addressee_count(letter: ReplyLetter) -> int | None:
    addressees = letter.addressees
    if addressees.total is not None:
        return addressees.total
    return len(addressees.names) or None


def _walk(sections: Sequence[Section]) -> Iterable[Section]:
    for section in sections:
        yield section
        yield from _walk(section.subsections)


def _paragraph_count(letter: ReplyLetter) -> int:
    return len(letter.paragraphs) + sum(len(s.paragraphs) for s in _walk(letter.sections))


def _body_chars(letter: ReplyLetter) -> int:
    size = len(letter.opening or "") + len(letter.closing or "")
    size += sum(len(p.text) for p in letter.paragraphs)
    for section in _walk(letter.sections):
        size += len(section.heading) + sum(len(p.text) for p in section.paragraphs)
    return size


def _organ(letter: ReplyLetter) -> str | None:
    return letter.issuer or letter.signed_by


def _doc_number(letter: ReplyLetter) -> str | None:
    return None if letter.doc_number is None else letter.doc_number.as_printed


def _grade(letter: ReplyLetter) -> str | None:
    return None if letter.classification is None else letter.classification.grade


#: The columns of a row, in order. ``arrow_schema()`` is made of these.
COLUMNS: tuple[Column, ...] = (
    _path("source", "source", "the input as given (a file's path)"),
    _path("format", "format", "how it was read: text, json or xml"),
    _path("encoding", "encoding", "how its bytes were decoded: utf-8, utf-16 or gb18030"),
    _path("error", "error", "why the input could not be read, one line per problem; null if read"),
    _path("error_type", "error_type", "the error's class (TextParseError, OSError…); null if read"),
    _path("review_needed", "review.needed", "a person should read the source (govreply.Review)"),
    _path("review_errors", "review.errors", "error findings of the reading"),
    _path("review_inferred", "review.inferred", "fields filled from outside the letter or guessed"),
    _path("review_unplaced", "review.unplaced", "source lines that fit no part of the letter"),
    _path("review_reasons", "review.reasons", "the finding codes behind the review signal"),
    _path("findings", "findings", "the reader's findings, then those of govreply.check"),
    _path("kind", "letter.kind", "suggestion (建议) or proposal (提案)"),
    _path("role", "letter.role", "reply (主办答复) or co-handling (会办意见)"),
    _path("issuer", "letter.issuer", "the issuing organ (发文机关) as printed in the masthead"),
    _computed("organ", str | None, "the issuer, else the signing organ (发文机关署名)", _organ),
    _computed("doc_number", str | None, "the document number as printed", _doc_number),
    _path("doc_year", "letter.doc_number.year", "the document number's year"),
    _path("title", "letter.title", "the letter's title; null when it prints none"),
    _path("congress_body", "letter.reference.congress.body", "npc (人大) or cppcc (政协)"),
    _computed("congress", str | None, "the session as printed (区二届人大四次会议)", _congress),
    _computed(
        "level", str | None, "the congress's tier: 全国 省 自治区 市 州 县 区 乡 镇…", _level
    ),
    _computed(
        "place", str | None, "the place the congress level names (赣州市); null if none", _place
    ),
    _path("congress_term", "letter.reference.congress.term", "the congress's term (届)"),
    _path("congress_session", "letter.reference.congress.session", "the session (次会议)"),
    _path("item_number", "letter.reference.number", "the suggestion's or proposal's number"),
    _path("item_printed_number", "letter.reference.printed_number", "a number printed otherwise"),
    _path("item_category", "letter.reference.category", "the item's category (教科文卫类)"),
    _path("item_title", "letter.reference.title", "the item's own title"),
    _path("classification_code", "letter.classification.code", "the handling class (A1, B, 甲…)"),
    _computed("classification_grade", str | None, "the class's grade letter (A)", _grade),
    _path("disclosure", "letter.disclosure.kind", "the disclosure note's kind (public, consent…)"),
    _path("date", "letter.date", "the reply's date (成文日期)"),
    _computed(
        "addressee_count", int | None, "the printed head count, else the names", _addressee_count
    ),
    _path("addressee_role", "letter.addressees.role", "代表, 委员, 同志, or null for an agency"),
    _computed(
        "section_count", int, "top-level numbered sections", lambda letter: len(letter.sections)
    ),
    _computed("paragraph_count", int, "body paragraphs, in sections or not", _paragraph_count),
    _computed("body_chars", int, "characters of opening, body, headings and closing", _body_chars),
    _path("cc", "letter.cc", "organs copied (抄送)"),
    _path("cc_superiors", "letter.cc_superiors", "superior organs copied (抄报)"),
    _computed(
        "has_form",
        bool,
        "a feedback form is attached",
        lambda letter: letter.feedback_form is not None,
    ),
    _path("form_attitude", "letter.feedback_form.attitude", "the form's rating of the attitude"),
    _path("form_result", "letter.feedback_form.result", "the form's rating of the result"),
    _path("letter", "letter", "the full record (the govreply JSON record as a struct)"),
)

_BY_NAME = {column.name: column for column in COLUMNS}


@functools.cache
def arrow_schema() -> pa.Schema:
    """The Arrow schema of a row: the flat columns, then ``letter``, the full record.

    >>> schema = arrow_schema()
    >>> schema.field("congress_term").type, schema.field("date").type
    (DataType(int64), DataType(date32[day]))
    >>> schema.metadata[b"govreply.format-version"]
    b'2'
    """
    metadata: dict[bytes | str, bytes | str] = {
        "govreply.row-version": str(ROW_VERSION),
        "govreply.format-version": str(json_format.VERSION),
    }
    return pa.schema([column.field() for column in COLUMNS], metadata=metadata)


def to_arrow(letters: Iterable[Row | ReplyLetter]) -> pa.Table:
    """A table of one row per item: a :class:`Row`, or a letter built in Python.

    A letter becomes the row :meth:`Row.of` makes of it.

    >>> from govreply.examples import seed_letter
    >>> table = to_arrow([seed_letter()])
    >>> table.num_rows, table["classification_code"][0].as_py(), table["level"][0].as_py()
    (1, 'A1', '区')
    """
    return pa.Table.from_batches([to_batch(letters)], schema=arrow_schema())


def to_batch(
    letters: Iterable[Row | ReplyLetter], *, errors: Literal["raise", "row"] = "raise"
) -> pa.RecordBatch:
    r"""Like :func:`to_arrow`, as one record batch.

    A record Arrow cannot hold (a lone surrogate, which UTF-8 cannot encode; an integer beyond
    64 bits) raises :class:`~govreply.errors.DatasetError` naming the row, or with
    ``errors="row"`` becomes an error row of its source, as :func:`parse_one` makes them.

    >>> from govreply.examples import seed_letter
    >>> bad = Row(source="x.json", letter=attrs.evolve(seed_letter(), issuer="\ud800"))
    >>> to_batch([bad], errors="row").column("error_type").to_pylist()
    ['DatasetError']
    """
    rows = [item if isinstance(item, Row) else Row.of(item) for item in letters]
    try:
        return _build(rows)
    except _UNSTORABLE:
        pass  # find the rows at fault, one by one; the fast path above is the usual one
    kept = []
    for i, row in enumerate(rows):
        try:
            _build([row])
        except _UNSTORABLE as exc:
            problem = f"the record cannot be stored in Arrow: {exc}"
            if errors == "raise":
                raise DatasetError(f"row {i} ({row.source}): {problem}") from exc
            row = Row(
                source=row.source,
                format=row.format,
                encoding=row.encoding,
                error=problem,
                error_type="DatasetError",
            )
        kept.append(row)
    return _build(kept)


# What Arrow raises for a value it cannot hold: a lone surrogate, an integer beyond 64 bits.
_UNSTORABLE = (UnicodeEncodeError, OverflowError, pa.ArrowInvalid)


def _build(rows: Sequence[Row]) -> pa.RecordBatch:
    builders: list[tuple[Callable[[Row], Any], Builder]] = [
        (column.value, column.codec.builder()) for column in COLUMNS
    ]
    for row in rows:
        for value, builder in builders:
            builder.add(value(row))
    arrays = [builder.finish() for _, builder in builders]
    return pa.RecordBatch.from_arrays(arrays, schema=arrow_schema())


def from_arrow(table: pa.Table | pa.RecordBatch) -> list[Row]:
    """The rows of a table made by :func:`to_arrow` (or read from its Parquet file).

    >>> from govreply.examples import seed_letter
    >>> [row] = from_arrow(to_arrow([seed_letter()]))
    >>> row.letter == seed_letter()
    True
    """
    columns: dict[str, list[Any]] = {name: table.column(name).to_pylist() for name in _ROW_COLUMNS}
    letters = map(_BY_NAME["letter"].codec.from_arrow, columns["letter"])
    findings = map(_BY_NAME["findings"].codec.from_arrow, columns["findings"])
    rows = []
    for i, (letter, found) in enumerate(zip(letters, findings, strict=True)):
        review = None
        if columns["review_needed"][i] is not None:
            review = Review(
                needed=columns["review_needed"][i],
                errors=columns["review_errors"][i],
                inferred=tuple(columns["review_inferred"][i]),
                unplaced=columns["review_unplaced"][i],
                reasons=tuple(columns["review_reasons"][i]),
            )
        rows.append(
            Row(
                source=columns["source"][i],
                format=columns["format"][i],
                encoding=columns["encoding"][i],
                letter=letter,
                findings=found,
                review=review,
                error=columns["error"][i],
                error_type=columns["error_type"][i],
            )
        )
    return rows


_ROW_COLUMNS = (
    "source",
    "format",
    "encoding",
    "error",
    "error_type",
    "review_needed",
    "review_errors",
    "review_inferred",
    "review_unplaced",
    "review_reasons",
    "findings",
    "letter",
)
