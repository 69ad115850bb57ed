r"""The fast reader of JSON documents: msgspec checks the document, generated code builds the model.

For every attrs class of the model this module makes a *mirror*, a :class:`msgspec.Struct` with
the same fields, and one function that turns a decoded mirror into the model object. msgspec
parses the JSON and checks, in C, what the mirror states: JSON types without coercion (``"4"``,
``4.0`` and ``true`` are no integers), unknown and missing keys, enum values, dates, bounds of
integers, the nesting of sections. The generated function checks what is left of the rules
(non-blank text), sets the model object's fields directly, without running again the checks
already made, and runs whatever it cannot prove: every validator that does not say what it
checks (:func:`govreply.model._validators.rule_of`), and ``__attrs_post_init__``. So every
object it makes holds every invariant the model's own ``__init__`` checks; ``tests/test_json.py``
shows both paths agree on every letter and on broken documents.

msgspec keeps the last value of a repeated key; govreply refuses repeated keys. Every optional
field of a mirror defaults to ``UNSET``, so the converters count the keys the document gave and
msgspec kept. A document has a ``:`` after each of its keys, and more only inside strings: when
it has no more ``:`` than keys kept, no key was dropped. When it has more, the mirror is
re-encoded, writing one ``:`` per key kept and every ``:`` of the strings kept, and the two
must agree. (There, ``\\u003a`` could spell a ``:`` and make up for a dropped key, so documents
holding ``\\u003`` go the slow way.)

As in :mod:`._fast`, this path only decides *whether* a document is valid: on any problem,
:class:`RejectedError` sends the caller to the detailed converter, which says what is wrong.
"""

from __future__ import annotations

import datetime
import enum
import operator
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar, Union

import attrs
import msgspec

from govreply.case import CaseFile
from govreply.formats._codegen import CodeGenerator
from govreply.formats.json._fast import parse_timestamp
from govreply.model import ReplyLetter
from govreply.model._validators import Rule, rule_of, to_tuple

__all__ = ["RejectedError", "decode_case", "decode_letter", "make_decoder"]

T = TypeVar("T")

_UNSET = msgspec.UNSET
#: The rules a mirror states, so the validator need not run.
_STATED = frozenset(
    {"text", "texts", "integer", "flag", "date", "enum", "instance", "instances", "sections"}
)


class RejectedError(Exception):
    """The fast path met something it will not accept; the detailed path explains why."""


def _timestamp(text: str) -> datetime.datetime:
    try:
        return parse_timestamp(text)
    except ValueError:
        raise RejectedError from None


class _Generator(CodeGenerator):
    """Makes the mirrors and writes one converter function per class (and section depth)."""

    def __init__(self) -> None:
        super().__init__("<govreply.formats.json._msgspec>", RejectedError, {"_UNSET": _UNSET})
        self.done: dict[tuple[type, int, int], tuple[Any, str]] = {}

    def add(self, cls: type, level: int = 0, limit: int = 0) -> tuple[Any, str]:
        """The mirror of ``cls`` and the name of its converter.

        A class that nests in itself (sections in sections) has a mirror per ``level``, from 1
        to ``limit``; below that, none (a deeper document is left to the detailed path).
        """
        key = (cls, level, limit)
        if key in self.done:
            return self.done[key]
        _supported(cls)
        hints = typing.get_type_hints(cls)
        name = self.name(None).replace("_n", f"_c_{cls.__name__}_")
        fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        required = sum(a.default is attrs.NOTHING for a in attrs.fields(cls))
        # c[0] counts the keys the document gave (see make_decoder); k those of this object.
        body = [f"def {name}(m, c):", f"    o = _new({self.name(cls)})", f"    k = {required}"]
        checks: list[str] = []
        for a in attrs.fields(cls):
            rule = rule_of(a.validator)
            if rule is not None and not (rule.kind in _STATED and _fits(rule, hints[a.name])):
                rule = None
            if a.validator is not None and rule is None:  # a check msgspec cannot make: run it
                checks.append(f"    {self.name(a.validator)}(o, {self.name(a)}, o.{a.name})")
            mirror, lines, expr = self.field(hints[a.name], rule, cls, level, limit)
            setter = self.name(cls.__dict__[a.name].__set__)
            body.append(f"    x = m.{a.name}")
            if a.default is attrs.NOTHING:
                fields.append((a.name, mirror))
                body += [f"    {line}" for line in lines]
                body.append(f"    {setter}(o, {expr})")
            else:
                fields.append((a.name, mirror | msgspec.UnsetType, _UNSET))
                default = self.name(a.default)
                body.append(f"    if x is _UNSET: {setter}(o, {default})")
                body += ["    else:", "        k += 1"]
                body += [f"        {line}" for line in lines]
                body.append(f"        {setter}(o, {expr})")
        body += checks
        if hasattr(cls, "__attrs_post_init__"):
            body.append("    o.__attrs_post_init__()")
        body += ["    c[0] += k", "    return o"]
        struct = msgspec.defstruct(
            f"Mirror{cls.__name__}{level or ''}", fields, kw_only=True, forbid_unknown_fields=True
        )
        self.done[key] = (struct, name)
        self.lines += [*body, ""]
        return struct, name

    def field(
        self, tp: Any, rule: Rule | None, owner: type, level: int, limit: int
    ) -> tuple[Any, list[str], str]:
        """A field's mirror type, the checks of ``x`` and the expression converting it."""
        if not _is_optional(tp):
            return self.value(tp, "x", rule, owner, level, limit)
        mirror, lines, expr = self.value(_strip_optional(tp), "x", rule, owner, level, limit)
        if rule is not None and not rule.optional:
            return mirror, lines, expr  # the validator refuses None, and so does the mirror
        if not lines and expr == "x":
            return mirror | None, [], "x"
        guarded = ["if x is not None:", *(f"    {line}" for line in lines)] if lines else []
        return mirror | None, guarded, expr if expr == "x" else f"None if x is None else {expr}"

    def value(
        self, tp: Any, var: str, rule: Rule | None, owner: type, level: int, limit: int
    ) -> tuple[Any, list[str], str]:
        """A value's mirror type, the checks of ``var`` and the expression converting it."""
        if tp is str:
            return str, self.text_checks(var, rule), var
        if tp is int:
            bounds = {"ge": rule.minimum, "le": rule.maximum} if rule is not None else {}
            given = {k: b for k, b in bounds.items() if b is not None}
            meta = msgspec.Meta(**given)  # type: ignore[call-overload]
            return (Annotated[int, meta] if given else int), [], var
        if tp in (bool, datetime.date):
            return tp, [], var
        if tp is datetime.datetime:
            return str, [], f"{self.name(_timestamp)}({var})"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return tp, [], var
        if typing.get_origin(tp) is tuple:
            return self.items(typing.get_args(tp)[0], var, rule, owner, level, limit)
        if attrs.has(tp):
            if tp is owner:
                raise TypeError(f"no fast JSON path for {tp.__name__}: it holds itself")
            mirror, converter = self.add(tp)
            return mirror, [], f"{converter}({var}, c)"
        raise TypeError(f"no fast JSON path for {tp!r}")  # pragma: no cover - model changed

    def items(
        self, item: Any, var: str, rule: Rule | None, owner: type, level: int, limit: int
    ) -> tuple[Any, list[str], str]:
        """The mirror of a tuple of ``item``, the checks of ``var`` and its conversion."""
        if item is str:
            checks = self.text_checks("y", rule)
            if not checks:
                return tuple[str, ...], [], var
            return tuple[str, ...], [f"for y in {var}:", *(f"    {c}" for c in checks)], var
        if not attrs.has(item):
            mirror, lines, expr = self.value(item, "y", None, owner, 0, 0)
            if lines or expr != "y":  # pragma: no cover - no such field in the model
                raise TypeError(f"no fast JSON path for tuple[{item!r}, ...]")
            return tuple[mirror, ...], [], var  # type: ignore[valid-type]
        if rule is not None and rule.kind == "sections":
            level, limit = 1, rule.maximum or 0  # the first level of nested sections
        elif item is owner:
            if not level:
                raise TypeError(f"no fast JSON path for {owner.__name__}: it nests without limit")
            level += 1
        else:
            level = limit = 0
        if level > limit:
            return Annotated[tuple[Any, ...], msgspec.Meta(max_length=0)], [], var
        mirror, converter = self.add(item, level, limit)
        items = f"tuple([{converter}(y, c) for y in {var}])"
        return tuple[mirror, ...], [], items  # type: ignore[valid-type]


def _fits(rule: Rule, tp: Any) -> bool:
    """Whether the mirror of a field of type ``tp`` states ``rule`` exactly."""
    inner = _strip_optional(tp)
    exact = {
        "text": str,
        "texts": tuple[str, ...],
        "integer": int,
        "flag": bool,
        "date": datetime.date,
        "enum": rule.cls,
        "instance": rule.cls,
        "instances": tuple[rule.cls, ...],  # type: ignore[name-defined]
        "sections": tuple[rule.cls, ...],  # type: ignore[name-defined]
    }
    return bool(inner == exact[rule.kind])


def _is_optional(tp: Any) -> bool:
    return typing.get_origin(tp) in (Union, types.UnionType) and type(None) in typing.get_args(tp)


def _strip_optional(tp: Any) -> Any:
    if not _is_optional(tp):
        return tp
    rest = [a for a in typing.get_args(tp) if a is not type(None)]
    if len(rest) != 1:
        raise TypeError(f"no fast JSON path for {tp!r}")  # pragma: no cover - model changed
    return rest[0]


def _supported(cls: type) -> None:
    """Refuse classes whose ``__init__`` does more than set fields, validate and post-init."""
    if hasattr(cls, "__attrs_pre_init__"):
        raise TypeError(f"no fast JSON path for {cls.__name__}: __attrs_pre_init__")
    for a in attrs.fields(cls):
        if a.converter is not None and a.converter is not to_tuple:
            raise TypeError(f"no fast JSON path for {cls.__name__}.{a.name}: its converter")
        if isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"no fast JSON path for {cls.__name__}.{a.name}: a factory default")
        if not isinstance(cls.__dict__.get(a.name), types.MemberDescriptorType):
            raise TypeError(f"no fast JSON path for {cls.__name__}: not a slotted class")


def make_decoder(
    root: type[T], document: str, version: int, key: str
) -> Callable[[str | bytes], T]:
    """The fast reader of documents ``{"format": document, "version": version, key: root}``.

    The reader returns the model object, or raises :class:`RejectedError` (or the model's
    own error) on the first problem it meets.
    """
    generator = _Generator()
    mirror, converter_name = generator.add(root)
    converter: Callable[[Any, list[int]], T] = generator.compile()[converter_name]
    envelope = msgspec.defstruct(
        f"Mirror{root.__name__}Document",
        [("format", Literal[document]), ("version", Literal[version]), (key, mirror)],
        forbid_unknown_fields=True,
    )
    decoder = msgspec.json.Decoder(envelope)
    encoder = msgspec.json.Encoder()
    record = operator.attrgetter(key)

    def decode(data: str | bytes) -> T:
        try:
            doc = decoder.decode(data)
        except (msgspec.ValidationError, msgspec.DecodeError, UnicodeEncodeError):
            raise RejectedError from None
        given = [3]  # the envelope's keys
        value = converter(record(doc), given)
        # str.count is faster than bytes.count, and msgspec reads either.
        text = isinstance(data, str)
        colons = data.count(":") if text else data.count(b":")  # type: ignore[arg-type]
        if colons != given[0] and (
            ("\\u003" in data if text else b"\\u003" in data)
            or colons != encoder.encode(doc).count(b":")
        ):
            raise RejectedError  # a key was given twice (see the module docs)
        return value

    return decode


decode_letter = make_decoder(ReplyLetter, "govreply.reply-letter", 2, "letter")
decode_letter.__doc__ = "Read a letter document; raise on the first problem (see the module)."
decode_case = make_decoder(CaseFile, "govreply.case-file", 1, "case")
decode_case.__doc__ = "Read a case-file document; raise on the first problem (see the module)."
