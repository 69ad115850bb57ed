"""JSON: a reply letter as a versioned, strictly checked JSON document.

A document is an envelope naming the format and its version, with the letter inside::

    {"format": "govreply.reply-letter", "version": 2, "letter": {...}}

A case file (:class:`govreply.case.CaseFile`, :func:`dumps_case` and :func:`loads_case`) is a
document type of its own, ``{"format": "govreply.case-file", "version": 1, "case": {...}}``,
mapped and checked the same way; its letters are mapped as inside a letter document.

Version-1 documents (govreply 0.1) are still read: :func:`loads` upgrades them to version 2 on
the way in (the only rewrite: a final ``。`` on the last ``cc`` entry becomes ``cc_stop``).

Inside ``letter`` every key is a model attribute name: ``kind``, ``doc_number``,
``sections``… Values map as follows:

* text is a JSON string, kept exactly (no stripping or normalisation);
* flags (``cc_stop``, ``et_al``) are JSON booleans;
* counts and numbers (``year``, ``serial``, ``number``, ``total``, ``term``, ``session``) are
  JSON integers;
* closed vocabularies are their values as strings (``"suggestion"``, ``"co-handling"``);
* ``date`` is an RFC 3339 full date, ``"2024-05-20"``;
* collections (``names``, ``paragraphs``, ``sections``, ``cc``…) are arrays, always written,
  possibly empty;
* every model class is an object, even a one-field one (``{"code": "A1"}``,
  ``{"text": "…"}``), so a class can grow without a new version;
* **None**: an optional part that is ``None`` is *left out* by :func:`dumps`. :func:`loads`
  reads a missing optional key and an explicit ``null`` the same way, as ``None``, because
  many JSON producers write ``null``; ``null`` is an error anywhere else.

:func:`loads` is strict where cattrs' preconfigured converters coerce: ``"false"``, ``1``,
``4.7`` and ``"4"`` are never read as a boolean, a string or an integer; unknown keys, missing
required keys, a wrong ``format`` or an unsupported ``version`` are errors. Every problem in
a document is reported at once in :attr:`~govreply.errors.JsonParseError.problems`, each with
its JSON path::

    >>> try:
    ...     loads('{"format": "govreply.reply-letter", "version": 2, '
    ...           '"letter": {"kind": "suggestion", "title": 5, "colour": "red"}}')
    ... except JsonParseError as exc:
    ...     for problem in exc.problems:
    ...         print(problem)
    $.letter.title: expected string, got integer
    $.letter.reference: required key missing
    $.letter.addressees: required key missing
    $.letter.colour: unknown key

Checks that span a whole object (a contact needs a name or a phone; sections nest at most four
levels) run once that object's parts are valid, so they are reported after the others are fixed.

The published JSON Schema (:func:`govreply.schemas.json_schema`) describes the same documents:
every :func:`dumps` output validates against it, and :func:`loads` rejects what it rejects.
:func:`loads` is stricter in three ways the schema cannot say: an integer written with a
fraction (``4.0``) is not an integer; a date must exist in the calendar (``2024-02-30`` fails;
the schema says so only to validators that assert ``format``); and a key repeated in one object
is an error (JSON parsers disagree on which value wins).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs
import msgspec

from govreply.case import CaseFile
from govreply.errors import JsonParseError, Problem
from govreply.formats.json._convert import json_type, make_converter, problems_from
from govreply.formats.json._fast import (
    encodable_case,
    encodable_letter,
    structure_case,
    structure_letter,
    unstructure_case,
    unstructure_letter,
)
from govreply.formats.json._msgspec import decode_case, decode_letter
from govreply.formats.json._upgrade import upgrade_letter
from govreply.model import ReplyLetter

__all__ = [
    "CASE_FORMAT_NAME",
    "CASE_READABLE_VERSIONS",
    "CASE_VERSION",
    "FORMAT_NAME",
    "MAX_PROBLEMS",
    "READABLE_VERSIONS",
    "VERSION",
    "case_from_dict",
    "case_to_dict",
    "dumps",
    "dumps_case",
    "from_dict",
    "loads",
    "loads_case",
    "to_dict",
]

#: The most problems a :class:`~govreply.errors.JsonParseError` lists; one more says how many
#: were left out (as compilers do: a document with a million bad items is reported quickly).
MAX_PROBLEMS = 100
#: The value of the envelope's ``format`` key.
FORMAT_NAME = "govreply.reply-letter"
#: The version of the mapping this module writes.
VERSION = 2
#: The versions :func:`loads` reads (older ones are upgraded on load).
READABLE_VERSIONS = (1, 2)
#: The ``format`` of a case file's envelope (:func:`dumps_case`).
CASE_FORMAT_NAME = "govreply.case-file"
#: The version of the case-file mapping this module writes.
CASE_VERSION = 1
#: The case-file versions :func:`loads_case` reads.
CASE_READABLE_VERSIONS = (1,)

T = TypeVar("T")
_converter = make_converter()


@attrs.frozen
class _Document(Generic[T]):
    """One document type: its envelope, its root class and the functions that read it."""

    name: str
    version: int
    readable: tuple[int, ...]
    key: str  # the envelope key holding the record
    root: type[T]
    structure: Callable[[Any], T]
    unstructure: Callable[[T], dict[str, Any]]
    encodable: Callable[[T], Any]  # what msgspec encodes as the record's mapping
    decode: Callable[[str | bytes], T]  # the fast reader of a whole document
    upgrades: dict[int, Callable[[Any], Any]]
    nothing: str  # the problem when nothing else can be said

    @property
    def keys(self) -> frozenset[str]:
        return frozenset({"format", "version", self.key})

    def to_dict(self, value: T) -> dict[str, Any]:
        return {"format": self.name, "version": self.version, self.key: self.unstructure(value)}

    def dumps(self, value: T, indent: int | None) -> str:
        if indent is None:
            record = self.encodable(value)
            try:
                return _ENCODER.encode(
                    {"format": self.name, "version": self.version, self.key: record}
                ).decode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate, which UTF-8 cannot carry
                return _escape_surrogates(_COMPACT.encode(self.to_dict(value)))
        document = self.to_dict(value)
        text = json.dumps(document, ensure_ascii=False, indent=indent, separators=(",", ": "))
        return _escape_surrogates(text)

    def loads(self, data: str | bytes) -> T:
        try:
            return self.decode(data)
        except Exception:  # the detailed converter below says what is wrong
            pass
        return self.from_dict(_decode(data))

    def from_dict(self, document: Any) -> T:
        if (
            type(document) is dict
            and document.keys() == self.keys
            and document["format"] == self.name
            and document["version"].__class__ is int
            and document["version"] == self.version
        ):
            try:
                return self.structure(document[self.key])
            except Exception:  # the detailed converter below says what is wrong
                pass
        problems = list(self._envelope_problems(document))
        if type(document) is dict and self.key in document:
            mapping = document[self.key]
            version = document.get("version")
            for old, upgrade in self.upgrades.items():
                if version == old:
                    mapping = upgrade(mapping)
            try:
                value = _converter.structure(mapping, self.root)
            except Exception as exc:
                problems += problems_from(exc, f"$.{self.key}", self.root)
                raise JsonParseError(problems=_capped(problems)) from exc
            if not problems:
                return value
        raise JsonParseError(problems=_capped(problems or [Problem("$", self.nothing)]))

    def _envelope_problems(self, document: Any) -> list[Problem]:
        if type(document) is not dict:
            return [Problem("$", f"expected object, got {json_type(document)}")]
        problems = []
        if "format" not in document:
            problems.append(Problem("$.format", "required key missing"))
        elif document["format"] != self.name:
            problems.append(
                Problem("$.format", f"expected {self.name!r}, got {document['format']!r}")
            )
        version = document.get("version")
        if "version" not in document:
            problems.append(Problem("$.version", "required key missing"))
        elif type(version) is not int:
            problems.append(Problem("$.version", f"expected integer, got {json_type(version)}"))
        elif version not in self.readable:
            supported = ", ".join(map(str, self.readable))
            problems.append(
                Problem("$.version", f"unsupported version {version} (supported: {supported})")
            )
        if self.key not in document:
            problems.append(Problem(f"$.{self.key}", "required key missing"))
        problems += [Problem(f"$.{key}", "unknown key") for key in document if key not in self.keys]
        return problems


_LETTER: _Document[ReplyLetter] = _Document(
    FORMAT_NAME,
    VERSION,
    READABLE_VERSIONS,
    "letter",
    ReplyLetter,
    structure_letter,
    unstructure_letter,
    encodable_letter,
    decode_letter,
    {1: upgrade_letter},
    "not a govreply letter",
)
_CASE: _Document[CaseFile] = _Document(
    CASE_FORMAT_NAME,
    CASE_VERSION,
    CASE_READABLE_VERSIONS,
    "case",
    CaseFile,
    structure_case,
    unstructure_case,
    encodable_case,
    decode_case,
    {},
    "not a govreply case file",
)


def to_dict(letter: ReplyLetter) -> dict[str, Any]:
    """The JSON-ready envelope of ``letter``: dicts, lists, strings and integers only.

    For systems that encode JSON themselves (a web framework, a document store).

    >>> from govreply.examples import seed_letter
    >>> doc = to_dict(seed_letter())
    >>> doc["format"], doc["version"], doc["letter"]["doc_number"]["year"]
    ('govreply.reply-letter', 2, 2024)
    """
    return _LETTER.to_dict(letter)


def dumps(letter: ReplyLetter, *, indent: int | None = None) -> str:
    """Serialize ``letter`` as a JSON document.

    The output is deterministic: keys follow the model's field order, non-ASCII text is
    written as is (UTF-8 when encoded), and the same letter always gives the same string.

    >>> from govreply.examples import seed_letter
    >>> dumps(seed_letter())[:46]
    '{"format":"govreply.reply-letter","version":2,'

    Args:
        letter: the letter to write.
        indent: spaces per nesting level; ``None`` (the default) writes one compact line.
    """
    return _LETTER.dumps(letter, indent)


def from_dict(document: Any) -> ReplyLetter:
    """Read a letter from an already-parsed JSON document (the envelope as a dict).

    >>> from govreply.examples import seed_letter
    >>> from_dict(to_dict(seed_letter())) == seed_letter()
    True

    Raises:
        JsonParseError: the document breaks the mapping; ``problems`` lists every problem.
    """
    return _LETTER.from_dict(document)


def case_to_dict(case: CaseFile) -> dict[str, Any]:
    """The JSON-ready envelope of a case file (see :func:`dumps_case`).

    >>> from govreply.case import CaseFile
    >>> from govreply.examples import seed_letter
    >>> doc = case_to_dict(CaseFile.from_letter(seed_letter()))
    >>> doc["format"], doc["version"], doc["case"]["submission"]["number"]
    ('govreply.case-file', 1, 55)
    """
    return _CASE.to_dict(case)


def dumps_case(case: CaseFile, *, indent: int | None = None) -> str:
    """Serialize a case file as a JSON document, in its envelope.

    The envelope is ``{"format": "govreply.case-file", "version": 1, "case": {...}}``; inside,
    the keys are the attribute names of :class:`~govreply.case.CaseFile` and the classes it
    holds, mapped as for letters (see the module docs), with two more kinds of value: an
    event's ``at`` is an RFC 3339 date-time with its UTC offset (``2024-03-01T09:30:00+08:00``),
    and ``letters`` holds each letter's mapping as the ``letter`` of a letter document does.

    >>> from govreply.case import CaseFile
    >>> from govreply.examples import seed_letter
    >>> dumps_case(CaseFile.from_letter(seed_letter()))[:59]
    '{"format":"govreply.case-file","version":1,"case":{"submiss'

    Args:
        case: the case file to write.
        indent: spaces per nesting level; ``None`` (the default) writes one compact line.
    """
    return _CASE.dumps(case, indent)


def case_from_dict(document: Any) -> CaseFile:
    """Read a case file from an already-parsed JSON document (the envelope as a dict).

    Raises:
        JsonParseError: the document breaks the mapping; ``problems`` lists every problem.
    """
    return _CASE.from_dict(document)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r}")
            seen.add(key)
    return result


def _capped(problems: list[Problem]) -> tuple[Problem, ...]:
    """The first :data:`MAX_PROBLEMS` problems, and one saying how many more there were."""
    if len(problems) <= MAX_PROBLEMS:
        return tuple(problems)
    more = len(problems) - MAX_PROBLEMS
    return (*problems[:MAX_PROBLEMS], Problem("$", f"… and {more} more problems"))


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_ENCODER = msgspec.json.Encoder()
# A lone surrogate (\ud800-\udfff): JSON text read from \u escapes may hold one, UTF-8 cannot.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogates(text: str) -> str:
    r"""``text`` with each lone surrogate written as a JSON ``\u`` escape (so it encodes)."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


_DECODER = json.JSONDecoder(parse_constant=_no_constant, object_pairs_hook=_no_duplicates)


def loads(data: str | bytes) -> ReplyLetter:
    """Read a letter from a JSON document (``str``, or ``bytes`` in UTF-8).

    >>> from govreply.examples import seed_letter
    >>> loads(dumps(seed_letter())) == seed_letter()
    True

    Raises:
        JsonParseError: the text is not JSON (the problem carries line and column), or the
            document breaks the mapping (``problems`` lists every problem with its path).
    """
    return _LETTER.loads(data)


def _decode(data: str | bytes) -> Any:
    """The JSON value of ``data``, or a :class:`JsonParseError` saying where it breaks."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        problem = Problem("$", f"invalid JSON at {where}: {exc.msg}", line=exc.lineno)
        raise JsonParseError(problems=(problem,)) from exc
    except UnicodeDecodeError as exc:
        problem = Problem("$", f"not UTF-8: byte {exc.start} cannot be decoded")
        raise JsonParseError(problems=(problem,)) from exc
    except (ValueError, RecursionError) as exc:
        # Duplicate keys, NaN/Infinity, integers too long to convert, absurd nesting.
        raise JsonParseError(problems=(Problem("$", f"invalid JSON: {exc}"),)) from exc


def loads_case(data: str | bytes) -> CaseFile:
    """Read a case file from a JSON document (``str``, or ``bytes`` in UTF-8).

    Reading is as strict as :func:`loads`: every problem is listed with its JSON path.

    >>> from govreply.case import CaseFile
    >>> from govreply.examples import seed_letter
    >>> case = CaseFile.from_letter(seed_letter())
    >>> loads_case(dumps_case(case)) == case
    True

    Raises:
        JsonParseError: the text is not JSON, or the document breaks the mapping.
    """
    return _CASE.loads(data)
