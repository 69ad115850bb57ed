"""Generated writers and readers of the XML mapping: one of each per model class.

The plain writer turns a model object into the JSON mapping and walks that dict, looking up how
each key is written; the plain reader walks a tree into such a dict, and the JSON mapping's
structure function builds the model from it. The functions here are generated once from the
attrs fields of the model and the element names of :mod:`govreply.formats.xml` (its ``_Spec``),
as :mod:`govreply.formats.json._msgspec` generates its own, and do the same in straight-line
code, with no dict in between and no lookup per field.

A writer appends the element of each field, in the model's order, exactly as the plain writer
writes it. A reader takes a tree the XSD has validated, without comments or processing
instructions, and reads the children of each element in the order the XSD states. It checks
inline what each field's validator checks (non-blank text and its pattern, an integer's bounds,
an enum's values, the nesting of sections), sets the model object's fields directly, and runs
every validator that does not say what it checks (:func:`govreply.model._validators.rule_of`)
and ``__attrs_post_init__``; so every object it makes holds every invariant the model's own
``__init__`` checks. On anything else (an element out of place, an integer ``int()`` will not
take, a value the model refuses) it raises, and the caller reads the tree the plain way, which
says what is wrong.
"""

from __future__ import annotations

import datetime
import enum
import re
import typing
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

import attrs
from lxml import etree

from govreply.formats._codegen import CodeGenerator
from govreply.formats._xmlsafe import NOT_XML
from govreply.formats.json._fast import parse_timestamp
from govreply.formats.json._msgspec import _STATED, _fits, _strip_optional, _supported
from govreply.model._validators import Rule, rule_of

__all__ = ["Binding", "RejectedError", "bind"]

T = TypeVar("T")


class RejectedError(Exception):
    """The fast reader met something it will not accept; the plain reader explains why."""


class _FieldSpec(Protocol):
    tag: str
    item_tag: str | None
    spec: Any
    item_open: str | None


class _Spec(Protocol):
    by_key: dict[str, Any]


# 2024-05-20  (xs:date without a time zone, as the XSD's date type states)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch
# What an xs:boolean element says when it says yes (the XSD allows true, false, 1 and 0).
_TRUE = ("true", "1")


def _date(text: str | None) -> datetime.date:
    value = (text or "").strip()  # xs:date collapses white space
    if not _ISO_DATE(value):
        raise RejectedError
    return datetime.date.fromisoformat(value)


def _timestamp(text: str | None) -> datetime.datetime:
    try:
        return parse_timestamp((text or "").strip())
    except ValueError:
        raise RejectedError from None


class _Generator(CodeGenerator):
    """Writes the writer and the readers of each class, then compiles them."""

    def __init__(self, embedded: Mapping[type, str]) -> None:
        names = {
            "_date": _date,
            "_timestamp": _timestamp,
            "_TRUE": _TRUE,
            "_CR": "\r",  # an f-string's expressions hold no backslash before Python 3.12
        }
        super().__init__("<govreply.formats.xml._binding>", RejectedError, names)
        self.writers: dict[tuple[type, bool], str] = {}
        self.readers: dict[tuple[type, str, int], str] = {}
        self.embedded = embedded  # classes written in a namespace of their own

    # ------------------------------------------------------------------------------ writing

    def writer(self, cls: type, spec: _Spec, raw: bool) -> str:
        """The name of the function writing the fields of ``cls``.

        Its arguments are the value, ``append`` (of the output), when ``raw`` also ``text``
        and ``texts`` (appending a text, extending with texts), then ``pad`` and ``unit``:
        ``pad`` starts each field's element (a newline and the indentation, or nothing). A raw
        writer writes text as it is and hands each to ``text`` or ``texts``, for the caller to
        check; the other escapes it.
        """
        key = (cls, raw)
        if key in self.writers:
            return self.writers[key]
        name = self.writers[key] = self.name(None, f"_w{'r' if raw else 'e'}_{cls.__name__}_")
        hints = typing.get_type_hints(cls)
        body = [f"def {name}(v, {_outputs(raw)}, p, u):", "    q = p + u"]
        for field in attrs.fields(cls):
            tp, optional = _strip_optional(hints[field.name]), _optional(hints[field.name])
            lines = self.write_value(tp, spec.by_key[field.name], "x", raw)
            body.append(f"    x = v.{field.name}")
            if optional:
                body += ["    if x is not None:", *(f"        {line}" for line in lines)]
            else:
                body += [f"    {line}" for line in lines]
        self.lines += [*body, ""]
        return name

    def write_value(self, tp: Any, field: _FieldSpec, var: str, raw: bool) -> list[str]:
        """Statements appending the element of ``field`` holding ``var`` (of type ``tp``)."""
        tag = field.tag
        if typing.get_origin(tp) is tuple:
            item = typing.get_args(tp)[0]
            start, end = f"<{field.item_open}>", f"</{field.item_tag}>"
            if attrs.has(item):
                write = self.writer(item, field.spec, raw)
                items = [
                    "    r = q + u",
                    f"    for y in {var}:",
                    f"        a({_fstring('q', start)})",
                    f"        {write}(y, {_outputs(raw)}, r, u)",
                    f"        a({_fstring('q', end)})",
                ]
            else:
                text = _fstring("q", start, self.text(item, "y", raw), end)
                items = [f"    for y in {var}:", f"        a({text})"]
                if raw and item is str:
                    items.append(f"    e({var})")
            return [
                f"if {var}:",
                f"    a({_fstring('p', f'<{tag}>')})",
                *items,
                f"    a({_fstring('p', f'</{tag}>')})",
                "else:",
                f"    a({_fstring('p', f'<{tag}/>')})",
            ]
        if attrs.has(tp):
            write = self.writer(tp, field.spec, raw)
            return [
                f"a({_fstring('p', f'<{tag}>')})",
                f"{write}({var}, {_outputs(raw)}, q, u)",
                f"a({_fstring('p', f'</{tag}>')})",
            ]
        lines = [f"a({_fstring('p', f'<{tag}>', self.text(tp, var, raw), f'</{tag}>')})"]
        if raw and tp is str:
            lines.append(f"t({var})")
        return lines

    def text(self, tp: Any, var: str, raw: bool) -> str:
        """An expression giving the element text of ``var`` (of type ``tp``).

        Text is escaped unless ``raw``; values of the other types never need it.
        """
        if tp is bool:
            return f"'true' if {var} else 'false'"
        if tp is int:
            return var
        if tp in (datetime.date, datetime.datetime):
            return f"{var}.isoformat()"  # digits, -, :, +, T and .: nothing to escape
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            if any(_escape(str(m.value)) != m.value or NOT_XML.search(m.value) for m in tp):
                raise TypeError(f"no fast XML path for {tp.__name__}: a value to escape")
            return f"{var}.value"
        if tp is str:
            if raw:
                return var
            return (
                f"{var}.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')"
                ".replace(_CR, '&#13;')"
            )
        raise TypeError(f"no fast XML path for {tp!r}")  # pragma: no cover - model changed

    # ------------------------------------------------------------------------------ reading

    def reader(self, cls: type, spec: _Spec, namespace: str, level: int = 0, limit: int = 0) -> str:
        """The name of the function reading an element holding the fields of ``cls``.

        Sections nest in sections: they have a reader per ``level``, from 1 to ``limit``.
        """
        key = (cls, namespace, level)
        if key in self.readers:
            return self.readers[key]
        _supported(cls)
        name = self.readers[key] = self.name(None, f"_r_{cls.__name__}{level or ''}_")
        hints = typing.get_type_hints(cls)
        ns = "{" + namespace + "}"
        body = [
            f"def {name}(e):",
            f"    o = _new({self.name(cls)})",
            "    it = iter(e)",
            "    c = next(it, None)",
            "    t = None if c is None else c.tag",
        ]
        checks: list[str] = []
        for field in attrs.fields(cls):
            tp = hints[field.name]
            rule = rule_of(field.validator)
            if rule is not None and not (rule.kind in _STATED and _fits(rule, tp)):
                rule = None
            if field.validator is not None and rule is None:  # a check not made here: run it
                checks.append(
                    f"    {self.name(field.validator)}(o, {self.name(field)}, o.{field.name})"
                )
            lines, value = self.read_value(
                _strip_optional(tp), spec.by_key[field.name], rule, namespace, cls, level, limit
            )
            setter = self.name(cls.__dict__[field.name].__set__)
            body += [
                f"    if t == {ns + spec.by_key[field.name].tag!r}:",
                *(f"        {line}" for line in lines),
                f"        {setter}(o, {value})",
                "        c = next(it, None)",
                "        t = None if c is None else c.tag",
            ]
            if field.default is attrs.NOTHING:
                body += ["    else:", "        raise _Rejected"]
            else:
                body += ["    else:", f"        {setter}(o, {self.name(field.default)})"]
        body += ["    if c is not None:", "        raise _Rejected", *checks]
        if hasattr(cls, "__attrs_post_init__"):
            body.append("    o.__attrs_post_init__()")
        body.append("    return o")
        self.lines += [*body, ""]
        return name

    def read_value(
        self,
        tp: Any,
        field: _FieldSpec,
        rule: Rule | None,
        namespace: str,
        owner: type,
        level: int,
        limit: int,
    ) -> tuple[list[str], str]:
        """Statements reading the element ``c`` of ``field``, and the expression of its value."""
        if typing.get_origin(tp) is tuple:
            item = typing.get_args(tp)[0]
            if not attrs.has(item):
                lines = [f"x = tuple([{self.scalar(item, 'y.text')} for y in c])"]
                checks = self.text_checks("y", rule) if item is str else []
                if checks:
                    lines += ["for y in x:", *(f"    {check}" for check in checks)]
                return lines, "x"
            if rule is not None and rule.kind == "sections":
                level, limit = 1, rule.maximum or 0
            elif item is owner:
                if not level:
                    raise TypeError(f"no fast XML path for {owner.__name__}: it nests freely")
                level += 1
            else:
                level = limit = 0
            if level > limit:
                return ["if len(c):", "    raise _Rejected"], "()"
            item_namespace = self.embedded.get(item, namespace)
            read = self.reader(item, field.spec, item_namespace, level, limit)
            return [], f"tuple([{read}(y) for y in c])"
        if attrs.has(tp):
            return [], f"{self.reader(tp, field.spec, namespace)}(c)"
        if tp is str:
            return ["x = c.text", *self.text_checks("x", rule)], "x"
        if tp is int:
            lines = ["x = int(c.text)"]
            if rule is not None and rule.minimum is not None:
                lines.append(f"if x < {rule.minimum}: raise _Rejected")
            if rule is not None and rule.maximum is not None:
                lines.append(f"if x > {rule.maximum}: raise _Rejected")
            return lines, "x"
        return [], self.scalar(tp, "c.text")

    def scalar(self, tp: Any, text: str) -> str:
        """An expression giving the value of type ``tp`` an element's ``text`` states."""
        if tp is str:
            return text
        if tp is bool:
            return f"({text} or '').strip() in _TRUE"
        if tp is datetime.date:
            return f"_date({text})"
        if tp is datetime.datetime:
            return f"_timestamp({text})"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return f"{self.name({m.value: m for m in tp})}[{text}]"
        raise TypeError(f"no fast XML path for {tp!r}")  # pragma: no cover - model changed


def _fstring(*parts: str) -> str:
    """The source of an f-string of ``parts``: expressions and literals (``<…``) in turn."""
    out = []
    for part in parts:
        if part.startswith("<"):
            out.append(part.replace("{", "{{").replace("}", "}}").replace('"', '\\"'))
        else:
            out.append("{" + part + "}")
    return 'f"' + "".join(out) + '"'


def _outputs(raw: bool) -> str:
    return "a, t, e" if raw else "a"


def _optional(tp: Any) -> bool:
    return type(None) in typing.get_args(tp)


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


@attrs.frozen
class Binding(typing.Generic[T]):
    """The generated functions of one document type (see :func:`bind`)."""

    #: ``write_raw(value, append, text, texts, pad, unit)`` appends the elements of the root's
    #: fields, text unescaped, and hands each text to ``text`` or ``texts`` (a tuple of them).
    write_raw: Callable[
        [T, Callable[[str], None], Callable[[str], None], Callable[[Any], None], str, str], None
    ]
    #: ``write(value, append, pad, unit)`` does the same, escaping text.
    write: Callable[[T, Callable[[str], None], str, str], None]
    #: ``read(element)`` reads a validated root element without comments or PIs.
    read: Callable[[etree._Element], T]


def bind(
    root: type[T], spec: _Spec, namespace: str, embedded: Mapping[type, str] | None = None
) -> Binding[T]:
    """The writers and reader of documents whose root holds a ``root`` written as ``spec`` says.

    ``embedded`` names the classes written in a namespace of their own (a case file's letters).
    """
    generator = _Generator(embedded or {})
    write_raw = generator.writer(root, spec, raw=True)
    write = generator.writer(root, spec, raw=False)
    read = generator.reader(root, spec, namespace)
    functions = generator.compile()
    return Binding(functions[write_raw], functions[write], functions[read])
