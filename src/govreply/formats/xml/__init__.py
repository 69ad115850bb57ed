"""XML: a reply letter as an XML document in the namespace ``urn:govreply:reply-letter:2``.

The document mirrors the JSON mapping (:mod:`govreply.formats.json`): each JSON key is an
element in kebab-case (``doc_number`` → ``<doc-number>``), each JSON object an element with
child elements in the model's field order, each array a wrapper element holding one element per
item, named in the singular: ``<paragraphs><paragraph>``, ``<sections><section>`` (also for
``subsections``), ``<names><name>``, ``<attachments><attachment>``, ``<notes><note>``,
``<cc><recipient>`` (also ``<cc-superiors>``), ``<classification-options><option>``,
``<remarks><remark>``. Flags are ``true`` / ``false``. ``None`` parts are left out; collections
are always written. The root carries ``version="2"``::

    <reply-letter xmlns="urn:govreply:reply-letter:2" version="2">
      <kind>suggestion</kind>
      <role>reply</role>
      <doc-number><agency-code>赣区教议</agency-code><year>2024</year>…</doc-number>
      …
      <sections><section><heading>全力推进学校减负工作</heading>
        <paragraphs><paragraph><text>我局严格贯彻落实…</text></paragraph>…

Text is kept exactly: leading and trailing spaces, line breaks, full-width punctuation. A
carriage return is written as ``&#13;`` because XML parsers turn a literal CR (or CR LF) into
LF. Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR; U+FFFE,
U+FFFF; lone surrogates) make :func:`dumps` raise :class:`~govreply.errors.ValidationError`
naming the field, never a corrupt document.

:func:`loads` treats its input as hostile. It parses with one explicit hardened lxml parser
(no DTD loading, no entity resolution, no network, libxml2's default size limits, no recovery),
rejects a document with a DOCTYPE or an entity reference outright, enforces a size and a depth
limit (:class:`XmlOptions`), then validates against the published XSD
(:func:`govreply.schemas.xml_schema`) and reports every violation with its line and element
path::

    >>> bad = ('<reply-letter xmlns="urn:govreply:reply-letter:2" version="2">'
    ...        '<kind>x</kind></reply-letter>')
    >>> try:
    ...     loads(bad)
    ... except XmlParseError as exc:
    ...     print(exc.problems[0].path, exc.problems[0].line)
    ...     print(exc.problems[0].message)
    /reply-letter/kind 1
    The value 'x' is not an element of the set {'suggestion', 'proposal'}.

At most :data:`MAX_PROBLEMS` problems are listed, the last one saying how many more there were.
Version-1 documents (namespace ``urn:govreply:reply-letter:1``, govreply 0.1) are validated
against the version-1 XSD and upgraded as :mod:`govreply.formats.json` upgrades them.
"""

from __future__ import annotations

import datetime
import itertools
import re
import typing
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs
from lxml import etree

from govreply.errors import Problem, ValidationError, XmlParseError
from govreply.formats.json._convert import make_converter, problems_from
from govreply.formats.json._fast import structure_letter, unstructure_letter
from govreply.formats.json._upgrade import upgrade_letter
from govreply.model import ReplyLetter
from govreply.schemas import xml_schema

__all__ = [
    "DEFAULT_OPTIONS",
    "MAX_PROBLEMS",
    "NAMESPACE",
    "VERSION",
    "XmlOptions",
    "dumps",
    "from_element",
    "loads",
    "to_element",
]

#: The namespace of every element of the format.
NAMESPACE: Final = "urn:govreply:reply-letter:2"
#: The value of the root's ``version`` attribute.
VERSION: Final = "2"
#: Problems listed at most in one error (the last says how many more there were).
MAX_PROBLEMS: Final = 100

_NS = "{" + NAMESPACE + "}"
# The namespaces read, each with its version: {urn:govreply:reply-letter:1} -> "1".
_VERSIONS: Final = {"{urn:govreply:reply-letter:1}": "1", _NS: VERSION}
_ROOT = "reply-letter"


@attrs.frozen(kw_only=True)
class XmlOptions:
    """Limits :func:`loads` enforces on untrusted input.

    >>> XmlOptions(max_bytes=1024).max_depth
    32

    Args:
        max_bytes: largest accepted document, in bytes (UTF-8 for ``str`` input); 10 MiB.
        max_depth: deepest accepted element nesting; a valid letter needs 12.
    """

    max_bytes: int = attrs.field(default=10 * 1024 * 1024)
    max_depth: int = attrs.field(default=32)

    @max_bytes.validator
    def _check_bytes(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < 1:
            raise ValidationError(f"max_bytes must be at least 1, got {value}", field="max_bytes")

    @max_depth.validator
    def _check_depth(self, attribute: attrs.Attribute[int], value: int) -> None:
        # libxml2 itself stops at 256 levels (without huge_tree, which stays off).
        if not 1 <= value < 256:
            raise ValidationError(f"max_depth must be 1..255, got {value}", field="max_depth")


#: The limits :func:`loads` uses unless told otherwise.
DEFAULT_OPTIONS: Final = XmlOptions()


# Explicit parsers for every document (never lxml's global default, which any library in the
# process may replace). No DTD, no entities, no network, no recovery (recover=True silently
# drops text).
# Comments and processing instructions are dropped so text around them joins up exactly.
def _hardened_parser(encoding: str | None = None) -> etree.XMLParser:
    return etree.XMLParser(
        encoding=encoding,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=False,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=False,
        strip_cdata=True,
    )


_PARSER: Final = _hardened_parser()

# Each collection's item element.
_ITEM_TAGS: Final = {
    "names": "name",
    "paragraphs": "paragraph",
    "sections": "section",
    "subsections": "section",
    "attachments": "attachment",
    "notes": "note",
    "cc": "recipient",
    "cc_superiors": "recipient",
    "salutation": "line",
    "classification_options": "option",
    "remarks": "remark",
}

_ITEM_TAG_SET: Final = frozenset(_ITEM_TAGS.values())

# Characters XML 1.0 cannot carry: C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _Spec:
    """The fields of one model class as written: by JSON key and by element name."""

    __slots__ = ("by_key", "by_tag")

    def __init__(self) -> None:
        self.by_key: dict[str, _Field] = {}
        self.by_tag: dict[str, _Field] = {}


@attrs.frozen
class _Field:
    """How one model field is written: its JSON key, element name and what it holds."""

    key: str
    tag: str
    kind: str  # "text", "int", "bool", "date", "object" or "list"
    item_tag: str | None = None
    spec: _Spec | None = None  # the fields of an object, or of a list's items


def _build_spec() -> _Spec:
    specs: dict[type, _Spec] = {}

    def spec_of(cls: type) -> _Spec:
        if cls in specs:
            return specs[cls]
        spec = specs[cls] = _Spec()
        hints = typing.get_type_hints(cls)
        for a in attrs.fields(cls):
            tp = hints[a.name]
            if type(None) in typing.get_args(tp):
                tp = next(t for t in typing.get_args(tp) if t is not type(None))
            tag = a.name.replace("_", "-")
            if typing.get_origin(tp) is tuple:
                item = typing.get_args(tp)[0]
                sub = spec_of(item) if attrs.has(item) else None
                field = _Field(a.name, tag, "list", _ITEM_TAGS[a.name], sub)
            elif isinstance(tp, type) and attrs.has(tp):
                field = _Field(a.name, tag, "object", spec=spec_of(tp))
            elif tp is bool:
                field = _Field(a.name, tag, "bool")
            elif tp is int:
                field = _Field(a.name, tag, "int")
            elif tp is datetime.date:
                field = _Field(a.name, tag, "date")
            else:
                field = _Field(a.name, tag, "text")
            spec.by_key[a.name] = spec.by_tag[tag] = field
        return spec

    return spec_of(ReplyLetter)


_SPEC: Final = _build_spec()


# ---------------------------------------------------------------------------------- writing


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _write(out: list[str], obj: dict[str, Any], spec: _Spec, pad: str, unit: str) -> None:
    """Append the elements of ``obj``; ``pad`` starts each line ("" and "" for one line)."""
    inner = pad + unit
    for key, value in obj.items():
        field = spec.by_key[key]
        tag = field.tag
        kind = field.kind
        if kind == "object":
            out.append(f"{pad}<{tag}>")
            _write(out, value, field.spec, inner, unit)  # type: ignore[arg-type]  # has a spec
            out.append(f"{pad}</{tag}>")
        elif kind == "list":
            if not value:
                out.append(f"{pad}<{tag}/>")
                continue
            item_tag = field.item_tag
            out.append(f"{pad}<{tag}>")
            if field.spec is None:
                out += [f"{inner}<{item_tag}>{_escape(item)}</{item_tag}>" for item in value]
            else:
                for item in value:
                    out.append(f"{inner}<{item_tag}>")
                    _write(out, item, field.spec, inner + unit, unit)
                    out.append(f"{inner}</{item_tag}>")
            out.append(f"{pad}</{tag}>")
        elif kind == "int":
            out.append(f"{pad}<{tag}>{value}</{tag}>")
        elif kind == "bool":
            out.append(f"{pad}<{tag}>{'true' if value else 'false'}</{tag}>")
        else:
            out.append(f"{pad}<{tag}>{_escape(value)}</{tag}>")


def _serialize(letter: ReplyLetter, indent: int | None) -> str:
    document = unstructure_letter(letter)
    out = [f'<{_ROOT} xmlns="{NAMESPACE}" version="{VERSION}">']
    unit = "" if indent is None else " " * indent
    newline = "" if indent is None else "\n"
    _write(out, document, _SPEC, newline + unit, unit)
    out.append(f"{newline}</{_ROOT}>")
    text = "".join(out)
    if _NOT_XML.search(text):
        path, char = next(_unwritable(document, "reply-letter", _SPEC))
        raise ValidationError(
            f"{path}: U+{ord(char):04X} cannot be written in XML 1.0", field=path, value=char
        )
    return text


def _unwritable(obj: dict[str, Any], path: str, spec: _Spec) -> Iterator[tuple[str, str]]:
    """The model paths (``sections[0].heading``) of the strings XML cannot carry."""
    for key, value in obj.items():
        field = spec.by_key[key]
        here = key if path == "reply-letter" else f"{path}.{key}"
        items = value if field.kind == "list" else [value]
        for i, item in enumerate(items):
            where = f"{here}[{i}]" if field.kind == "list" else here
            if isinstance(item, dict):
                yield from _unwritable(item, where, field.spec)  # type: ignore[arg-type]
            elif isinstance(item, str) and (match := _NOT_XML.search(item)):
                yield where, match.group()


def dumps(letter: ReplyLetter, *, indent: int | None = None) -> str:
    """Serialize ``letter`` as an XML document (a ``str``, without XML declaration).

    >>> from govreply.examples import seed_letter
    >>> dumps(seed_letter())[:85]
    '<reply-letter xmlns="urn:govreply:reply-letter:2" version="2"><kind>suggestion</kind>'

    Args:
        letter: the letter to write.
        indent: spaces per nesting level; ``None`` (the default) writes one line. Text is
            never indented, so the letter reads back the same either way.

    Raises:
        ValidationError: a text holds a character XML 1.0 cannot carry; ``field`` names it
            (``sections[0].paragraphs[1].text``).
    """
    return _serialize(letter, indent)


def to_element(letter: ReplyLetter) -> etree._Element:
    """The letter as an lxml element, to embed in a larger document.

    >>> from govreply.examples import seed_letter
    >>> to_element(seed_letter()).findtext("{urn:govreply:reply-letter:2}title")
    '关于区二届人大四次会议第55号建议答复的函'

    Raises:
        ValidationError: as :func:`dumps`.
    """
    return etree.fromstring(_serialize(letter, None).encode("utf-8"), _PARSER)


# ---------------------------------------------------------------------------------- reading


def _schema(version: str) -> etree.XMLSchema:
    """The XSD of ``version``, compiled on first use and kept."""
    schema = _XML_SCHEMAS.get(version)
    if schema is None:
        document = etree.fromstring(xml_schema(int(version)).encode("utf-8"), _PARSER)
        schema = _XML_SCHEMAS[version] = etree.XMLSchema(document)
    return schema


_XML_SCHEMAS: dict[str, etree.XMLSchema] = {}
_converter = make_converter()


def _element_path(element: etree._Element) -> str:
    """``/reply-letter/sections/section[2]/heading``: local names, items numbered from 1."""
    steps = []
    node: etree._Element | None = element
    while node is not None:
        tag = etree.QName(node).localname if isinstance(node.tag, str) else "?"
        parent = node.getparent()
        if parent is not None and tag in _ITEM_TAG_SET:
            steps.append(f"{tag}[{parent.index(node) + 1}]")
        else:
            steps.append(tag)
        node = parent
    return "/" + "/".join(reversed(steps))


# nodes that an lxml tree may hold among the elements
_NOT_ELEMENTS = (etree._Comment, etree._ProcessingInstruction, etree._Entity)


def _text(element: etree._Element) -> str | None:
    """All the text of a validated text-only element, across comments and PIs inside it."""
    if not len(element):
        return element.text
    return (element.text or "") + "".join(node.tail or "" for node in element)


def _read(element: etree._Element, spec: _Spec, cut: int) -> dict[str, Any]:
    table = spec.by_tag
    out: dict[str, Any] = {}
    for child in element:
        if isinstance(child, _NOT_ELEMENTS):
            continue  # a comment or PI (a tree from another parser may keep them)
        field = table[child.tag[cut:]]
        kind = field.kind
        if kind == "text":
            out[field.key] = _text(child)
        elif kind == "object":
            out[field.key] = _read(child, field.spec, cut)  # type: ignore[arg-type]
        elif kind == "list":
            sub = field.spec
            items = [item for item in child if not isinstance(item, _NOT_ELEMENTS)]
            if sub is None:
                out[field.key] = [_text(item) for item in items]
            else:
                out[field.key] = [_read(item, sub, cut) for item in items]
        elif kind == "int":
            out[field.key] = _integer(child)
        elif kind == "bool":
            out[field.key] = (_text(child) or "").strip() in ("true", "1")
        else:
            out[field.key] = (_text(child) or "").strip()  # xs:date collapses spaces
    return out


def _integer(element: etree._Element) -> int:
    """The value of an element the XSD has checked as an integer."""
    try:
        return int(typing.cast(str, element.text))
    except ValueError as exc:  # more digits than int() will convert
        _fail([_at(element, f"integer too long: {exc}")], exc)


def _fail(problems: list[Problem], cause: BaseException | None = None) -> typing.NoReturn:
    error = XmlParseError(problems=tuple(problems))
    if cause is not None:
        raise error from cause
    raise error


def _locate(root: etree._Element, json_path: str) -> etree._Element:
    """The element a JSON path (``$.letter.sections[0].heading``) of the mapping points at."""
    node = root
    for name, index in re.findall(r"\.([A-Za-z_]+)|\[(\d+)\]", json_path.removeprefix("$.letter")):
        children = [c for c in node if isinstance(c.tag, str)]
        if name:
            tag = _NS + name.replace("_", "-")
            found = next((c for c in children if c.tag == tag), None)
        else:
            found = children[int(index)] if int(index) < len(children) else None
        if found is None:
            break
        node = found
    return node


def from_element(element: etree._Element) -> ReplyLetter:
    """Read a letter from an lxml ``<reply-letter>`` element (e.g. one embedded elsewhere).

    The element is validated against the XSD as :func:`loads` does.

    >>> from govreply.examples import seed_letter
    >>> from_element(to_element(seed_letter())) == seed_letter()
    True

    Raises:
        XmlParseError: the element is not a valid letter; ``problems`` lists every violation.
    """
    tag = element.tag if isinstance(element.tag, str) else ""
    namespace = tag[: -len(_ROOT)] if tag.endswith("}" + _ROOT) else ""
    expected = _VERSIONS.get(namespace)
    if expected is None:
        _fail([_at(element, f"expected <{_ROOT}> in {NAMESPACE}")])
    version = element.get("version")
    if version is not None and version != expected:
        message = f"version {version!r} in the namespace of version {expected}"
        _fail([Problem(f"/{_ROOT}/@version", message, _line(element))])
    for entity in element.iter(etree.Entity):
        parent = entity.getparent()
        problem = _at(parent if parent is not None else element, "")
        message = f"entity reference {entity.text} is not allowed"
        _fail([problem._replace(message=message, line=_line(entity))])
    schema = _schema(expected)
    try:
        valid = schema.validate(element)
    except etree.Error as exc:  # libxml2 gives up on trees no parser could have produced
        _fail([_at(element, f"cannot validate: {exc}")], exc)
    if not valid:
        log = list(typing.cast("Iterable[Any]", schema.error_log))
        problems = [
            _readable_path(Problem(e.path or "/", _schema_message(e.message), e.line), element)
            for e in log[:MAX_PROBLEMS]
        ]
        _fail(_capped(problems, len(log)))
    document = _read(element, _SPEC, len(namespace))
    if expected == "1":
        document = upgrade_letter(document)
    try:
        return structure_letter(document)
    except Exception:  # the detailed converter below says what is wrong
        pass
    try:
        letter: ReplyLetter = _converter.structure(document, ReplyLetter)
    except Exception as exc:
        found = list(itertools.islice(problems_from(exc, "$.letter"), MAX_PROBLEMS + 1))
        located = [_at(_locate(element, p.path), p.message) for p in found[:MAX_PROBLEMS]]
        _fail(_capped(located, len(found)), exc)
    return letter


def _capped(problems: list[Problem], total: int) -> list[Problem]:
    """``problems`` (at most MAX_PROBLEMS), and a last one saying that more were left out."""
    if total <= len(problems):
        return problems
    return [*problems, Problem("/", f"more problems not listed (only the first {MAX_PROBLEMS})")]


def _line(node: etree._Element) -> int | None:
    return typing.cast("int | None", node.sourceline)


def _at(node: etree._Element, message: str) -> Problem:
    """A problem located at ``node``: its element path and source line."""
    return Problem(_element_path(node), message, _line(node))


# Element '{urn:govreply:reply-letter:1}kind': [facet 'enumeration'] The value 'x' is not …
# (the element is named by the problem's path already; the namespace is always ours)
_SCHEMA_PREFIX = re.compile(r"^Element '[^']*': (?:\[facet '[^']*'\] )?")
_QUALIFIED = re.compile(r"\{urn:govreply:reply-letter:[0-9]+\}")


def _schema_message(message: str) -> str:
    return _QUALIFIED.sub("", _SCHEMA_PREFIX.sub("", message))


def _readable_path(problem: Problem, root: etree._Element) -> Problem:
    # libxml2 paths look like /*/*[8]/*[1]; name each step instead.
    try:
        found = root.getroottree().xpath(problem.path)
    except etree.XPathError:
        return problem
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return Problem(_element_path(found[0]), problem.message, problem.line)
    return problem


def loads(data: str | bytes, *, options: XmlOptions = DEFAULT_OPTIONS) -> ReplyLetter:
    """Read a letter from an untrusted XML document.

    ``bytes`` may use any encoding the XML declaration names and libxml2 knows (UTF-8 when
    there is none); ``str`` is read as the text it is, whatever the declaration says.

    >>> from govreply.examples import seed_letter
    >>> loads(dumps(seed_letter())) == seed_letter()
    True

    Args:
        data: the document.
        options: size and depth limits.

    Raises:
        XmlParseError: the document is too large or too deep, has a DOCTYPE or an entity
            reference, is not well-formed XML, is not valid against the XSD, or breaks a
            model invariant. ``problems`` lists each with its line and element path.
    """
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError as exc:
        message = f"character {exc.start} cannot be encoded: {exc.reason} (a lone surrogate?)"
        _fail([Problem("/", message)], exc)
    if len(raw) > options.max_bytes:
        _fail(
            [
                Problem(
                    "/",
                    f"document of {len(raw)} bytes exceeds the limit of "
                    f"{options.max_bytes} bytes (XmlOptions.max_bytes)",
                )
            ]
        )
    if any(marker in raw for marker in _DOCTYPE_MARKERS):
        # Refused before libxml2 sees it, so no DTD (internal or external) is ever processed.
        line = raw[: raw.find(next(m for m in _DOCTYPE_MARKERS if m in raw))].count(b"\n") + 1
        _fail([Problem("/", _NO_DOCTYPE, line if isinstance(data, str) else None)])
    try:
        if isinstance(data, str):
            root = etree.fromstring(raw, _UTF8_PARSER)
        else:
            root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        _fail([Problem("/", f"not well-formed XML: {exc.msg}", exc.lineno or None)], exc)
    info: Any = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        _fail([Problem("/", _NO_DOCTYPE, 1)])
    if _too_deep(root, options.max_depth):
        _fail(
            [
                Problem(
                    "/",
                    f"elements nest deeper than {options.max_depth} levels (XmlOptions.max_depth)",
                )
            ]
        )
    return from_element(root)


_NO_DOCTYPE = "a DOCTYPE is not allowed (DTDs and entities are refused)"
# "<!DOCTYPE" in the encodings whose bytes can be searched directly (UTF-8 and other
# ASCII-compatible ones, UTF-16 either way round). Anything else is caught after parsing.
_DOCTYPE_MARKERS: Final = tuple(
    "<!DOCTYPE".encode(codec) for codec in ("ascii", "utf-16-le", "utf-16-be")
)

# The same hardening; str input was encoded to UTF-8 here, whatever its declaration says.
_UTF8_PARSER: Final = _hardened_parser("utf-8")


def _too_deep(root: etree._Element, max_depth: int) -> bool:
    probe = _DEPTH_PROBES.get(max_depth)
    if probe is None:
        probe = _DEPTH_PROBES[max_depth] = etree.XPath("boolean(/" + "/*" * (max_depth + 1) + ")")
    return bool(probe(root))


_DEPTH_PROBES: dict[int, etree.XPath] = {}
