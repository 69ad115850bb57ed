"""Run-time type and invariant checks shared by the model classes.

Every field of every model class is checked when an instance is built, so a wrong type is
refused where it is made, naming the field, instead of surfacing later as a crash in a writer:
``cc="市政协提案委。"`` (a string where a tuple of names belongs) or ``date="2025-06-18"`` (a string
where a :class:`datetime.date` belongs) raise :class:`~govreply.errors.ValidationError`. Lists
are accepted where tuples are expected and converted (:func:`to_tuple`).

The factories return attrs validators, each closing over what it checks, and each one says
what it checks (:func:`rule_of`), so code that checks the same thing its own way — the JSON
reader's fast path, which lets msgspec check types and bounds in C — can skip running it.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable
from typing import Any, Literal

import attrs

from govreply.errors import ValidationError

__all__ = [
    "Rule",
    "date_value",
    "describe",
    "enum_value",
    "flag",
    "instance",
    "instances",
    "integer",
    "rule_of",
    "text",
    "texts",
    "timestamp",
    "to_tuple",
]

_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


@attrs.frozen
class Rule:
    """What a validator made by this module checks: the factory's name and its arguments.

    ``kind`` names the factory (``"text"`` for :func:`text`…); ``optional`` says whether
    ``None`` passes; ``minimum`` and ``maximum`` bound an integer; ``cls`` is the enum or model
    class of :func:`enum_value`, :func:`instance` and :func:`instances`; ``pattern`` is a
    regular expression that a ``"text"`` (or each of the ``"texts"``) must match in full, on
    top of being non-blank. ``"sections"`` is a tuple of ``cls`` instances none of which nests
    deeper than ``maximum`` levels.
    """

    kind: Literal[
        "text",
        "texts",
        "integer",
        "flag",
        "date",
        "timestamp",
        "enum",
        "instance",
        "instances",
        "sections",
    ]
    optional: bool = False
    minimum: int | None = None
    maximum: int | None = None
    cls: type | None = None
    pattern: str | None = None


_RULES: dict[Any, Rule] = {}


def describe(check: _Validator, rule: Rule) -> _Validator:
    """Record that the validator ``check`` checks exactly ``rule``; return ``check``.

    For validators written outside this module (a four-digit year). A rule must say no more
    than the validator checks: code that trusts it skips the validator.
    """
    _RULES[check] = rule
    return check


def rule_of(validator: object) -> Rule | None:
    """What ``validator`` checks, if this module made it; ``None`` for any other validator.

    >>> rule_of(integer(minimum=1000))
    Rule(kind='integer', optional=True, minimum=1000, maximum=None, cls=None, pattern=None)
    >>> rule_of(lambda instance, attribute, value: None) is None
    True
    """
    return _RULES.get(validator)


def _type_name(value: object) -> str:
    return type(value).__name__


def _wrong(name: str, wanted: str, value: object) -> ValidationError:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return ValidationError(
        f"{name} must be {wanted}, got {_type_name(value)} {shown}", field=name, value=value
    )


def to_tuple(value: Any) -> Any:
    """Convert a list to a tuple; anything else is left for the validator to judge."""
    return tuple(value) if type(value) is list else value


def _blank(name: str, value: str) -> ValidationError:
    return ValidationError(f"{name} must not be empty or blank", field=name, value=value)


def text(*, optional: bool = True) -> _Validator:
    """A non-blank ``str`` (or ``None`` when ``optional``)."""
    wanted = "a string" + (" or None" if optional else "")

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str):
            raise _wrong(attribute.name, wanted, value)
        # isspace() answers like strip() would, without copying a long paragraph.
        if not value or value.isspace():
            raise _blank(attribute.name, value)

    return describe(check, Rule("text", optional=optional))


def texts() -> _Validator:
    """A tuple of non-blank strings (a list is converted by :func:`to_tuple` first)."""

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise _wrong(attribute.name, "a tuple (or list) of strings", value)
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise _wrong(f"{attribute.name}[{i}]", "a string", item)
            if not item or item.isspace():
                raise _blank(f"{attribute.name}[{i}]", item)

    return describe(check, Rule("texts"))


def integer(*, optional: bool = True, minimum: int | None = 1) -> _Validator:
    """An ``int`` (never a ``bool``) of at least ``minimum`` (or ``None`` when ``optional``)."""
    wanted = "an integer" + (" or None" if optional else "")

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, int) or isinstance(value, bool):
            raise _wrong(attribute.name, wanted, value)
        if minimum is not None and value < minimum:
            raise ValidationError(
                f"{attribute.name} must be at least {minimum}, got {value}",
                field=attribute.name,
                value=value,
            )

    return describe(check, Rule("integer", optional=optional, minimum=minimum))


def flag() -> _Validator:
    """A ``bool``."""

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value.__class__ is not bool:
            raise _wrong(attribute.name, "True or False", value)

    return describe(check, Rule("flag"))


def date_value(*, optional: bool = True) -> _Validator:
    """A :class:`datetime.date` that is not a :class:`datetime.datetime` (or ``None``)."""

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value.__class__ is datetime.date or (value is None and optional):
            return
        wanted = "a datetime.date (not a datetime or a string)"
        raise _wrong(attribute.name, wanted + (" or None" if optional else ""), value)

    return describe(check, Rule("date", optional=optional))


#: The largest UTC offset a time zone has (Kiribati, UTC+14).
_MAX_OFFSET = datetime.timedelta(hours=14)


def timestamp() -> _Validator:
    """A time-zone-aware :class:`datetime.datetime`, its UTC offset whole minutes within ±14 h.

    A naive datetime is refused: it cannot be ordered against aware ones, and a record
    exchanged between systems must say which clock it was read from.
    """
    wanted = "a datetime.datetime with a time zone (e.g. tzinfo=timezone(timedelta(hours=8)))"

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value.__class__ is not datetime.datetime:
            raise _wrong(attribute.name, wanted, value)
        offset = value.utcoffset()
        if offset is None:
            raise ValidationError(
                f"{attribute.name} must have a time zone, got the naive {value.isoformat()}",
                field=attribute.name,
                value=value,
            )
        if offset % datetime.timedelta(minutes=1) or abs(offset) > _MAX_OFFSET:
            raise ValidationError(
                f"{attribute.name} has the UTC offset {offset}; offsets are whole minutes "
                "within ±14:00",
                field=attribute.name,
                value=value,
            )

    return describe(check, Rule("timestamp"))


def enum_value(cls: type[enum.Enum], *, optional: bool = False) -> _Validator:
    """A member of ``cls`` (or ``None`` when ``optional``)."""
    wanted = f"a {cls.__name__} member" + (" or None" if optional else "")

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value.__class__ is cls or (value is None and optional):
            return
        raise _wrong(attribute.name, wanted, value)

    return describe(check, Rule("enum", optional=optional, cls=cls))


def instance(cls: type, *, optional: bool = True) -> _Validator:
    """An instance of the model class ``cls`` (or ``None`` when ``optional``)."""
    wanted = f"a {cls.__name__}" + (" or None" if optional else "")

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if (value is None and optional) or isinstance(value, cls):
            return
        raise _wrong(attribute.name, wanted, value)

    return describe(check, Rule("instance", optional=optional, cls=cls))


def instances(cls: type) -> _Validator:
    """A tuple of instances of ``cls`` (a list is converted by :func:`to_tuple` first)."""
    wanted = f"a tuple (or list) of {cls.__name__}"

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise _wrong(attribute.name, wanted, value)
        for i, item in enumerate(value):
            if not isinstance(item, cls):
                raise _wrong(f"{attribute.name}[{i}]", f"a {cls.__name__}", item)

    return describe(check, Rule("instances", cls=cls))
