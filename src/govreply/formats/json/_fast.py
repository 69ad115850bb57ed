"""Fast, generated dict <-> model functions for the JSON mapping of :mod:`._convert`.

cattrs is thorough but pays for it on every call. The functions here are generated once from the
attrs fields of the model, the way attrs and cattrs generate theirs, and do the same strict checks
inline (``type(v) is str``, no unknown keys…). They stop at the first problem by raising
:class:`RejectedError` (or whatever the model raises); the caller then runs the detailed cattrs
converter over the same input to list every problem. So the fast path only decides *whether*
a document is valid, never *what* is wrong with it, and cannot report less than cattrs would.
"""

from __future__ import annotations

import datetime
import enum
import re
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from govreply.case import CaseFile
from govreply.model import ReplyLetter

__all__ = [
    "RejectedError",
    "build",
    "encodable_case",
    "encodable_letter",
    "parse_timestamp",
    "structure_case",
    "structure_letter",
    "unstructure_case",
    "unstructure_letter",
]

T = TypeVar("T")


class RejectedError(Exception):
    """The fast path met something it will not accept; the detailed path explains why."""


# 2024-05-20  (RFC 3339 full-date)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch


def _check_str(v: object) -> str:
    if v.__class__ is not str:
        raise RejectedError
    return v


def _check_int(v: object) -> int:
    if v.__class__ is not int:
        raise RejectedError
    return v


def _check_bool(v: object) -> bool:
    if v.__class__ is not bool:
        raise RejectedError
    return v


def _check_date(v: object) -> datetime.date:
    if v.__class__ is not str or not _ISO_DATE(v):
        raise RejectedError
    return datetime.date.fromisoformat(v)


# 2024-03-01T09:30:00+08:00 / 2024-03-01T01:30:00.5Z  (RFC 3339 date-time, offset required)
_TIMESTAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,6}))?"
    r"(?:(Z)|([+-])([0-9]{2}):([0-9]{2}))"
).fullmatch


def parse_timestamp(text: str) -> datetime.datetime:
    """An RFC 3339 date-time with its offset (``Z`` or ``±hh:mm``), as an aware datetime.

    >>> parse_timestamp("2024-03-01T09:30:00+08:00").isoformat()
    '2024-03-01T09:30:00+08:00'

    Raises:
        ValueError: ``text`` is not of that form, or names no real time (``24:00``, ``02-30``).
    """
    match = _TIMESTAMP(text)
    if match is None:
        raise ValueError(f"expected a time as YYYY-MM-DDThh:mm:ss+hh:mm, got {text!r}")
    year, month, day, hour, minute, second, fraction, utc, sign, off_h, off_m = match.groups()
    if utc:
        zone = datetime.timezone.utc
    else:
        minutes = int(off_h) * 60 + int(off_m)
        if int(off_m) > 59 or minutes > 14 * 60:
            raise ValueError(f"UTC offset out of range in {text!r}")
        zone = datetime.timezone(datetime.timedelta(minutes=-minutes if sign == "-" else minutes))
    micro = int((fraction or "0").ljust(6, "0"))
    parts = (int(year), int(month), int(day), int(hour), int(minute), int(second), micro)
    return datetime.datetime(*parts, tzinfo=zone)


def _check_datetime(v: object) -> datetime.datetime:
    if v.__class__ is not str:
        raise RejectedError
    try:
        return parse_timestamp(v)
    except ValueError:
        raise RejectedError from None


def _check_strs(v: object) -> tuple[str, ...]:
    if v.__class__ is not list:
        raise RejectedError
    for x in v:
        if x.__class__ is not str:
            raise RejectedError
    return tuple(v)


def _check_list(v: object) -> list[Any]:
    if v.__class__ is not list:
        raise RejectedError
    return v


class _Generator:
    """Writes one structure and one unstructure function per attrs class, then compiles them."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {
            "_str": _check_str,
            "_int": _check_int,
            "_bool": _check_bool,
            "_date": _check_date,
            "_datetime": _check_datetime,
            "_list": _check_list,
            "_strs": _check_strs,
            "_Rejected": RejectedError,
        }
        self.lines: list[str] = []
        self.done: dict[type, str] = {}

    def name(self, tp: Any) -> str:
        key = f"_t{len(self.namespace)}"
        self.namespace[key] = tp
        return key

    def convert(self, tp: Any, expr: str) -> str:
        """An expression that checks and converts the JSON value ``expr`` to ``tp``."""
        if tp is str:
            return f"_str({expr})"
        if tp is int:
            return f"_int({expr})"
        if tp is bool:
            return f"_bool({expr})"
        if tp is datetime.date:
            return f"_date({expr})"
        if tp is datetime.datetime:
            return f"_datetime({expr})"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            table = self.name({m.value: m for m in tp})
            return f"{table}[{expr}]"
        if typing.get_origin(tp) is tuple:
            item = typing.get_args(tp)[0]
            if item is str:
                return f"_strs({expr})"
            return f"tuple([{self.convert(item, 'x')} for x in _list({expr})])"
        if attrs.has(tp):
            return f"_s_{self.add(tp)}({expr})"
        raise TypeError(f"no fast path for {tp!r}")  # pragma: no cover - model changed

    def check(self, tp: Any, var: str, indent: str) -> list[str]:
        """Statements that check the JSON value in ``var`` and convert it in place to ``tp``."""
        if tp in (str, int, bool):
            return [
                f"{indent}if {var}.__class__ is not {tp.__name__}:",
                f"{indent}    raise _Rejected",
            ]
        return [f"{indent}{var} = {self.convert(tp, var)}"]

    def dump(self, tp: Any, expr: str) -> str:
        """An expression giving the JSON value of the model value ``expr`` of type ``tp``."""
        if tp in (str, int, bool):
            return expr
        if tp in (datetime.date, datetime.datetime):
            return f"{expr}.isoformat()"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return f"{expr}.value"
        if typing.get_origin(tp) is tuple:
            item = typing.get_args(tp)[0]
            if item is str:
                return f"list({expr})"
            return f"[{self.dump(item, 'x')} for x in {expr}]"
        if attrs.has(tp):
            return f"_u_{self.add(tp)}({expr})"
        raise TypeError(f"no fast path for {tp!r}")  # pragma: no cover - model changed

    def encodable(self, tp: Any, expr: str) -> str:
        """An expression giving what msgspec encodes as the JSON value of ``expr`` (``tp``).

        msgspec writes strings, integers, flags, enums (their values), dates and tuples as
        the JSON mapping does, and an attrs object as its slots in the order of their names:
        objects of a class whose fields come in that order and none of whose parts is left out
        when ``None`` (or is a time, which msgspec writes its own way) are passed as they are,
        the others as dicts.
        """
        if tp is datetime.datetime:
            return f"{expr}.isoformat()"
        if typing.get_origin(tp) is tuple:
            item = typing.get_args(tp)[0]
            if not attrs.has(item) or _native(item):
                return expr
            return f"[{self.encodable(item, 'x')} for x in {expr}]"
        if attrs.has(tp):
            return expr if _native(tp) else f"_e_{self.add(tp)}({expr})"
        return expr

    def add(self, cls: type) -> str:
        """Generate the functions of ``cls`` (once); return the suffix of their names."""
        if cls in self.done:
            return self.done[cls]
        suffix = self.done[cls] = f"{cls.__name__}_{len(self.done)}"
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        cls_name = self.name(cls)
        keys = self.name(frozenset(a.name for a in fields))
        s = [
            f"def _s_{suffix}(o):",
            "    if o.__class__ is not dict or not o.keys() <= " + keys + ":",
            "        raise _Rejected",
        ]
        u = [f"def _u_{suffix}(v):", "    d = {}"]
        e = [f"def _e_{suffix}(v):", "    d = {}"]
        for a in fields:
            tp = hints[a.name]
            inner, optional = _strip_optional(tp)
            if a.default is attrs.NOTHING:
                s.append(f"    f_{a.name} = o[{a.name!r}]")
                s += self.check(tp, f"f_{a.name}", "    ")
            elif optional and a.default is None:
                s += [
                    f"    f_{a.name} = o.get({a.name!r})",
                    f"    if f_{a.name} is not None:",
                    *self.check(inner, f"f_{a.name}", "        "),
                ]
            else:
                if isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                    raise TypeError(f"no fast path for factory defaults ({a.name})")
                default = self.name(a.default)
                s += [
                    f"    f_{a.name} = o.get({a.name!r}, {default})",
                    f"    if f_{a.name} is not {default}:",
                    *self.check(tp, f"f_{a.name}", "        "),
                ]
            value = f"v.{a.name}"
            if optional:
                for lines, dump in ((u, self.dump), (e, self.encodable)):
                    lines += [
                        f"    x = {value}",
                        "    if x is not None:",
                        f"        d[{a.name!r}] = {dump(inner, 'x')}",
                    ]
            else:
                u.append(f"    d[{a.name!r}] = {self.dump(tp, value)}")
                e.append(f"    d[{a.name!r}] = {self.encodable(tp, value)}")
        args = ", ".join(f"{a.name}=f_{a.name}" for a in fields)
        s.append(f"    return {cls_name}({args})")
        u.append("    return d")
        e.append("    return d")
        self.lines += [*s, "", *u, "", *e, ""]
        return suffix

    def compile(self) -> dict[str, Any]:
        source = "\n".join(self.lines)
        exec(compile(source, "<govreply.formats.json._fast>", "exec"), self.namespace)
        return self.namespace


def _native(cls: type) -> bool:
    """Whether msgspec writes objects of ``cls`` as the JSON mapping does (see ``encodable``)."""
    hints = typing.get_type_hints(cls)
    names = [a.name for a in attrs.fields(cls)]
    if names != sorted(names):
        return False
    for a in attrs.fields(cls):
        tp, optional = _strip_optional(hints[a.name])
        if optional or tp is datetime.datetime:
            return False
        if typing.get_origin(tp) is tuple:
            tp = typing.get_args(tp)[0]
        if attrs.has(tp) and tp is not cls and not _native(tp):
            return False
    return True


def _strip_optional(tp: Any) -> tuple[Any, bool]:
    args = typing.get_args(tp)
    if type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return tp, False


def build(
    root: type[T],
) -> tuple[Callable[[Any], T], Callable[[T], dict[str, Any]], Callable[[T], Any]]:
    """The generated structure, unstructure and encodable functions of the attrs class ``root``.

    ``encodable`` gives what msgspec encodes to the same JSON as the ``unstructure`` mapping,
    with less made in Python (enums, dates, tuples and some objects passed as they are).
    """
    generator = _Generator()
    suffix = generator.add(root)
    namespace = generator.compile()
    return namespace[f"_s_{suffix}"], namespace[f"_u_{suffix}"], namespace[f"_e_{suffix}"]


structure_letter, unstructure_letter, encodable_letter = build(ReplyLetter)
structure_letter.__doc__ = "Build a letter from its JSON mapping; raise on the first problem."
unstructure_letter.__doc__ = "The JSON mapping of a letter (``None`` fields left out)."
structure_case, unstructure_case, encodable_case = build(CaseFile)
structure_case.__doc__ = "Build a case file from its JSON mapping; raise on the first problem."
unstructure_case.__doc__ = "The JSON mapping of a case file (``None`` fields left out)."
