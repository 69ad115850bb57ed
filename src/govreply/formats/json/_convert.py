"""The private cattrs converter of the JSON format, and the walk from its errors to problems.

The converter is strict, unlike cattrs' preconfigured ones: a ``str`` field takes only a JSON
string, an ``int`` field only a JSON integer (not ``true``, ``4.7`` or ``"4"``), an enum only
one of its values as a string, a date only a ``YYYY-MM-DD`` string, a time only an RFC 3339
date-time with its offset (``2024-03-01T09:30:00+08:00``), a tuple only a JSON array,
an object only a JSON object without unknown keys. ``None`` fields are left out when
unstructuring; a missing optional key and an explicit ``null`` both read as ``None``.

Errors come back from cattrs as exception groups whose members carry ``__notes__`` naming the
attribute or index; :func:`problems_from` walks them into :class:`~govreply.errors.Problem`
tuples with a JSON path (``$.letter.sections[2].paragraphs[0].text``).
"""

from __future__ import annotations

import datetime
import enum
import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, Union

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from govreply.errors import Problem, ValidationError
from govreply.formats.json._fast import parse_timestamp
from govreply.model import ReplyLetter

__all__ = [
    "JSON_TYPE_NAMES",
    "configure_converter",
    "json_type",
    "make_converter",
    "problems_from",
]

T = TypeVar("T")

#: JSON's names for the Python types :func:`json.loads` produces.
JSON_TYPE_NAMES: dict[type, str] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
    list: "array",
    dict: "object",
}

# 2024-05-20  (RFC 3339 full-date; datetime.date.fromisoformat alone would also take 20240520)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class WrongTypeError(TypeError):
    """A JSON value of the wrong type; ``expected`` names the JSON type wanted."""

    def __init__(self, expected: str, value: object) -> None:
        self.expected = expected
        self.value = value
        super().__init__(f"expected {expected}, got {json_type(value)}")


def json_type(value: object) -> str:
    """The JSON name of ``value``'s type (``string``, ``integer``, ``object``…)."""
    return JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def _structure_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise WrongTypeError("string", value)
    return value


def _structure_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise WrongTypeError("integer", value)
    return value


def _structure_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise WrongTypeError("boolean", value)
    return value


def _structure_date(value: object, _: type) -> datetime.date:
    if type(value) is not str:
        raise WrongTypeError("date string (YYYY-MM-DD)", value)
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")
    return datetime.date.fromisoformat(value)


def _structure_datetime(value: object, _: type) -> datetime.datetime:
    if type(value) is not str:
        raise WrongTypeError("date-time string (YYYY-MM-DDThh:mm:ss+hh:mm)", value)
    return parse_timestamp(value)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    values = {member.value: member for member in cls}
    wanted = " | ".join(repr(v) for v in values)

    def structure(value: object, _: type) -> enum.Enum:
        if type(value) is not str:
            raise WrongTypeError("string", value)
        try:
            return values[value]
        except KeyError:
            raise ValueError(f"expected one of {wanted}, got {value!r}") from None

    return structure


def _is_homogeneous_tuple(tp: object) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_optional(tp: object) -> bool:
    origin = typing.get_origin(tp)
    return origin in (Union, types.UnionType) and type(None) in typing.get_args(tp)


def _make_converter_hooks(converter: cattrs.Converter, *, detailed: bool) -> None:
    def tuple_hook(tp: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = typing.get_args(tp)[0]
        item = converter.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise WrongTypeError("array", value)
            if not detailed:
                return tuple([item(v, item_type) for v in value])
            errors: list[Exception] = []
            out = []
            for i, v in enumerate(value):
                try:
                    out.append(item(v, item_type))
                except Exception as exc:
                    note = IterableValidationNote(f"Structuring {tp} @ index {i}", i, item_type)
                    # Where cattrs keeps notes (PEP 678), also on Python 3.10.
                    setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
            return tuple(out)

        return structure

    def optional_hook(tp: Any) -> Callable[[object, type], Any]:
        inner_type = next(a for a in typing.get_args(tp) if a is not type(None))
        inner = converter.get_structure_hook(inner_type)

        def structure(value: object, _: type) -> Any:
            return None if value is None else inner(value, inner_type)

        return structure

    def attrs_hook(cls: type[T]) -> Callable[[object, type], T]:
        generated = make_dict_structure_fn(
            cls,
            converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=detailed,
        )

        def structure(value: object, _: type) -> T:
            if type(value) is not dict:
                raise WrongTypeError("object", value)
            return generated(value, cls)

        return structure

    def attrs_unstructure_hook(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
        # A field whose default is None is left out while None, so documents stay short.
        omit = {
            a.name: override(omit_if_default=True) for a in attrs.fields(cls) if a.default is None
        }
        return make_dict_unstructure_fn(cls, converter, **omit)  # type: ignore[arg-type]

    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook(datetime.datetime, _structure_datetime)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    converter.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)
    converter.register_structure_hook_factory(_is_optional, optional_hook)
    converter.register_structure_hook_factory(attrs.has, attrs_hook)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_unstructure_hook(datetime.datetime, datetime.datetime.isoformat)
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda _t: lambda member: member.value,
    )
    converter.register_unstructure_hook_factory(attrs.has, attrs_unstructure_hook)
    converter.register_unstructure_hook_factory(
        _is_homogeneous_tuple,
        lambda t: _list_unstructurer(converter, typing.get_args(t)[0]),
    )


def _list_unstructurer(converter: cattrs.Converter, item_type: Any) -> Callable[[Any], list[Any]]:
    item = converter.get_unstructure_hook(item_type)
    return lambda value: [item(v) for v in value]


def configure_converter(converter: cattrs.Converter, *, detailed: bool = True) -> None:
    """Register govreply's strict hooks on ``converter``.

    Args:
        converter: a fresh converter (never cattrs' global one).
        detailed: collect every problem (slower) instead of stopping at the first.
    """
    _make_converter_hooks(converter, detailed=detailed)


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """A new strict converter for govreply's JSON mapping (see the module docs).

    >>> from govreply.examples import seed_letter
    >>> c = make_converter()
    >>> c.unstructure(seed_letter())["classification"]
    {'code': 'A1'}
    >>> c.structure(c.unstructure(seed_letter()), ReplyLetter) == seed_letter()
    True

    Args:
        detailed: collect every problem (slower) instead of stopping at the first.
    """
    converter = cattrs.Converter(detailed_validation=detailed, forbid_extra_keys=True)
    configure_converter(converter, detailed=detailed)
    return converter


def _join(path: str, name: str) -> str:
    return f"{path}{name}" if name.startswith("[") else f"{path}.{name}"


def _attrs_class(tp: Any) -> type | None:
    if _is_optional(tp):
        tp = next(a for a in typing.get_args(tp) if a is not type(None))
    return tp if isinstance(tp, type) and attrs.has(tp) else None


def problems_from(exc: BaseException, path: str, tp: Any = ReplyLetter) -> Iterator[Problem]:
    """Walk a cattrs error (group) raised while structuring ``tp`` at ``path`` into problems.

    Each leaf exception becomes one :class:`~govreply.errors.Problem`: its path is built from
    the ``__notes__`` cattrs (and our tuple hook) attach, its message from the exception.
    A model :class:`~govreply.errors.ValidationError` adds its ``field`` to the path when the
    field belongs to the class being built.
    """
    if isinstance(exc, ClassValidationError | IterableValidationError):
        for sub in exc.exceptions:
            sub_path, sub_tp = path, tp
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    sub_path, sub_tp = _join(path, note.name), note.type
                elif isinstance(note, IterableValidationNote):
                    sub_path, sub_tp = f"{path}[{note.index}]", note.type
            yield from problems_from(sub, sub_path, sub_tp)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Problem(_join(path, _key(key)), "unknown key")
    elif isinstance(exc, KeyError):
        yield Problem(path, "required key missing")
    elif isinstance(exc, ValidationError):
        cls = _attrs_class(tp)
        field = exc.field or ""
        names = {a.name for a in attrs.fields(cls)} if cls is not None else set()
        if field.split("[", 1)[0] in names:
            path = _join(path, field)
        yield Problem(path, exc.message)
    elif isinstance(exc, RecursionError):
        yield Problem(path, "nested too deeply")
    else:
        yield Problem(path, str(exc) or type(exc).__name__)


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _key(key: str) -> str:
    """A key as a JSON path step: ``name``, or ``['odd key']`` when it is not an identifier."""
    return key if _PLAIN_KEY.fullmatch(key) else f"[{key!r}]"
