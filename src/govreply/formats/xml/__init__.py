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

A case file (:class:`govreply.case.CaseFile`) is a document type of its own, written and read
by :func:`dumps_case` and :func:`loads_case` under the same rules, in the namespace
``urn:govreply:case-file:1`` and validated against its own XSD
(:func:`govreply.schemas.case_xml_schema`). Its elements are the JSON keys of
:func:`govreply.formats.json.dumps_case` in kebab-case; its collections hold ``<assignment>``,
``<response>`` (feedback), ``<event>``, ``<name>`` (cosigners), ``<merged-item>`` and
``<mode>`` items; an event's ``<at>`` is an ``xs:dateTime`` with its offset. Each letter is a
complete ``<reply-letter>`` element in the letter namespace, as :func:`dumps` writes it, so a
system can take it out and read it with :func:`from_element`::

    <case-file xmlns="urn:govreply:case-file:1" version="1">
      <submission><kind>suggestion</kind>…<number>55</number>…</submission>
      <assignments><assignment><unit>区教育局</unit><role>lead</role>…</assignment></assignments>
      <letters>
        <reply-letter xmlns="urn:govreply:reply-letter:2" version="2">…</reply-letter>
      </letters>
      <feedback/>
      <history><event><at>2024-03-01T09:30:00+08:00</at>…</event></history>
    </case-file>
"""

from __future__ import annotations

import datetime
import itertools
import re
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, Generic, TypeVar

import attrs
from lxml import etree

from govreply.case import CaseFile
from govreply.errors import Problem, ValidationError, XmlParseError  # noqa: F401  # the docstring example catches it
from govreply.formats import _xmlsafe as safe
from govreply.formats._xmlsafe import DEFAULT_OPTIONS, MAX_PROBLEMS, XmlOptions
from govreply.formats.json._convert import make_converter, problems_from
from govreply.formats.json._fast import (
    structure_case,
    structure_letter,
    unstructure_case,
    unstructure_letter,
)
from govreply.formats.json._upgrade import upgrade_letter
from govreply.formats.xml._binding import Binding, bind
from govreply.model import ReplyLetter
from govreply.schemas import case_xml_schema, xml_schema

__all__ = [
    "CASE_NAMESPACE",
    "CASE_VERSION",
    "DEFAULT_OPTIONS",
    "MAX_PROBLEMS",
    "NAMESPACE",
    "VERSION",
    "XmlOptions",
    "dumps",
    "dumps_case",
    "from_element",
    "loads",
    "loads_case",
    "to_element",
]

T = TypeVar("T")

#: The namespace of every element of the format.
NAMESPACE: Final = "urn:govreply:reply-letter:2"
#: The value of the root's ``version`` attribute.
VERSION: Final = "2"
#: The namespace of a case file's elements (its letters keep theirs).
CASE_NAMESPACE: Final = "urn:govreply:case-file:1"
#: The value of a case file root's ``version`` attribute.
CASE_VERSION: Final = "1"

_NS = "{" + NAMESPACE + "}"
_ROOT = "reply-letter"

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
# … and those of a case file.
_CASE_ITEM_TAGS: Final = {
    **_ITEM_TAGS,
    "cosigners": "name",
    "merged": "merged-item",
    "assignments": "assignment",
    "letters": "reply-letter",
    "feedback": "response",
    "modes": "mode",
    "history": "event",
}

_NOT_XML = safe.NOT_XML


class _Spec:
    """The fields of one model class as written: by JSON key and by element name."""

    __slots__ = ("by_key", "by_tag", "cut")

    def __init__(self, cut: int) -> None:
        self.by_key: dict[str, _Field] = {}
        self.by_tag: dict[str, _Field] = {}
        self.cut = cut  # the length of "{namespace}" in the tags of these fields


@attrs.frozen
class _Field:
    """How one model field is written: its JSON key, element name and what it holds."""

    key: str
    tag: str
    kind: str  # "text", "int", "bool", "date", "object" or "list"
    item_tag: str | None = None
    spec: _Spec | None = None  # the fields of an object, or of a list's items
    item_open: str | None = None  # an item's start tag, when it carries more than its name


def _build_spec(
    root: type,
    namespace: str,
    item_tags: Mapping[str, str],
    embedded: Mapping[type, tuple[_Spec, str]] | None = None,
) -> _Spec:
    """The spec of ``root``; ``embedded`` classes are written as given (a spec, a start tag)."""
    specs: dict[type, _Spec] = {}
    cut = len(namespace) + 2
    foreign = dict(embedded or {})

    def spec_of(cls: type) -> _Spec:
        if cls in specs:
            return specs[cls]
        spec = specs[cls] = _Spec(cut)
        hints = typing.get_type_hints(cls)
        for a in attrs.fields(cls):
            tp = hints[a.name]
            if type(None) in typing.get_args(tp):
                tp = next(t for t in typing.get_args(tp) if t is not type(None))
            tag = a.name.replace("_", "-")
            if typing.get_origin(tp) is tuple:
                item = typing.get_args(tp)[0]
                item_tag = item_tags[a.name]
                if item in foreign:
                    embedded_spec, start = foreign[item]
                    field = _Field(a.name, tag, "list", item_tag, embedded_spec, start)
                else:
                    sub = spec_of(item) if attrs.has(item) else None
                    field = _Field(a.name, tag, "list", item_tag, sub, item_tag)
            elif isinstance(tp, type) and attrs.has(tp):
                field = _Field(a.name, tag, "object", spec=spec_of(tp))
            elif tp is bool:
                field = _Field(a.name, tag, "bool")
            elif tp is int:
                field = _Field(a.name, tag, "int")
            elif tp in (datetime.date, datetime.datetime):
                field = _Field(a.name, tag, "date")
            else:
                field = _Field(a.name, tag, "text")
            spec.by_key[a.name] = spec.by_tag[tag] = field
        return spec

    return spec_of(root)


_SPEC: Final = _build_spec(ReplyLetter, NAMESPACE, _ITEM_TAGS)
_LETTER_START: Final = f'{_ROOT} xmlns="{NAMESPACE}" version="{VERSION}"'
_CASE_SPEC: Final = _build_spec(
    CaseFile, CASE_NAMESPACE, _CASE_ITEM_TAGS, {ReplyLetter: (_SPEC, _LETTER_START)}
)


# ---------------------------------------------------------------------------------- writing


def _unwritable(
    obj: dict[str, Any], path: str, spec: _Spec, root: str
) -> Iterator[tuple[str, str]]:
    """The model paths (``sections[0].heading``) of the strings XML cannot carry."""
    for key, value in obj.items():
        field = spec.by_key[key]
        here = key if path == root else f"{path}.{key}"
        items = value if field.kind == "list" else [value]
        for i, item in enumerate(items):
            where = f"{here}[{i}]" if field.kind == "list" else here
            if isinstance(item, dict):
                yield from _unwritable(item, where, field.spec, root)  # type: ignore[arg-type]
            elif isinstance(item, str) and (match := _NOT_XML.search(item)):
                yield where, match.group()


# ---------------------------------------------------------------------------------- reading


# nodes that an lxml tree may hold among the elements
_NOT_ELEMENTS = (etree._Comment, etree._ProcessingInstruction, etree._Entity)
# … and those the generated readers do not expect (entities are refused before).
_NOT_READ = (etree.Comment, etree.ProcessingInstruction)


def _text(element: etree._Element) -> str | None:
    """All the text of a validated text-only element, across comments and PIs inside it."""
    if not len(element):
        return element.text
    return (element.text or "") + "".join(node.tail or "" for node in element)


def _read(element: etree._Element, spec: _Spec) -> dict[str, Any]:
    table = spec.by_tag
    cut = spec.cut
    out: dict[str, Any] = {}
    for child in element:
        if isinstance(child, _NOT_ELEMENTS):
            continue  # a comment or PI (a tree from another parser may keep them)
        field = table[child.tag[cut:]]
        kind = field.kind
        if kind == "text":
            out[field.key] = _text(child)
        elif kind == "object":
            out[field.key] = _read(child, field.spec)  # type: ignore[arg-type]
        elif kind == "list":
            sub = field.spec
            items = [item for item in child if not isinstance(item, _NOT_ELEMENTS)]
            if sub is None:
                out[field.key] = [_text(item) for item in items]
            else:
                out[field.key] = [_read(item, sub) for item in items]
        elif kind == "int":
            out[field.key] = _integer(child)
        elif kind == "bool":
            out[field.key] = (_text(child) or "").strip() in ("true", "1")
        else:
            out[field.key] = (_text(child) or "").strip()  # xs:date collapses spaces
    return out


class _TooLongError(Exception):
    """An integer with more digits than ``int()`` converts, at ``element``."""

    def __init__(self, element: etree._Element, cause: ValueError) -> None:
        super().__init__(str(cause))
        self.element = element


def _integer(element: etree._Element) -> int:
    """The value of an element the XSD has checked as an integer."""
    try:
        return int(typing.cast(str, element.text))
    except ValueError as exc:  # more digits than int() will convert
        raise _TooLongError(element, exc) from exc


def _path_function(item_tags: frozenset[str]) -> Callable[[etree._Element], str]:
    def element_path(element: etree._Element) -> str:
        """``/reply-letter/sections/section[2]/heading``: local names, items numbered from 1."""
        steps = []
        node: etree._Element | None = element
        while node is not None:
            tag = etree.QName(node).localname if isinstance(node.tag, str) else "?"
            parent = node.getparent()
            if parent is not None and tag in item_tags:
                steps.append(f"{tag}[{parent.index(node) + 1}]")
            else:
                steps.append(tag)
            node = parent
        return "/" + "/".join(reversed(steps))

    return element_path


_element_path = _path_function(frozenset(_ITEM_TAGS.values()))
_case_element_path = _path_function(frozenset(_CASE_ITEM_TAGS.values()))


def _locate(root: etree._Element, json_path: str, prefix: str) -> etree._Element:
    """The element a JSON path (``$.letter.sections[0].heading``) of the mapping points at."""
    node = root
    for name, index in re.findall(r"\.([A-Za-z_]+)|\[(\d+)\]", json_path.removeprefix(prefix)):
        children = [c for c in node if isinstance(c.tag, str)]
        if name:
            tag = name.replace("_", "-")
            found = next((c for c in children if etree.QName(c).localname == tag), None)
        else:
            found = children[int(index)] if int(index) < len(children) else None
        if found is None:
            break
        node = found
    return node


@attrs.frozen
class _Document(Generic[T]):
    """One XML document type: its root, namespaces, schema and the functions that read it."""

    root_tag: str
    namespace: str
    versions: Mapping[str, str]  # "{namespace}" -> version, for every namespace read
    root: type[T]
    spec: _Spec
    schema: Callable[[str], etree.XMLSchema]
    unstructure: Callable[[T], dict[str, Any]]
    structure: Callable[[Any], T]
    upgrades: Mapping[str, Callable[[Any], Any]]
    path_of: Callable[[etree._Element], str]
    json_key: str
    binding: Binding[T]

    def serialize(self, value: T, indent: int | None) -> str:
        version = self.versions["{" + self.namespace + "}"]
        out = [f'<{self.root_tag} xmlns="{self.namespace}" version="{version}">']
        unit = "" if indent is None else " " * indent
        newline = "" if indent is None else "\n"
        texts: list[str] = []
        self.binding.write_raw(value, out.append, texts.append, texts.extend, newline + unit, unit)
        end = f"{newline}</{self.root_tag}>"
        # The markup is plain: only the texts can need escaping, or not fit in XML at all.
        given = "".join(texts)
        if _NOT_XML.search(given):
            document = self.unstructure(value)
            path, char = next(_unwritable(document, self.root_tag, self.spec, self.root_tag))
            raise ValidationError(
                f"{path}: U+{ord(char):04X} cannot be written in XML 1.0", field=path, value=char
            )
        if "&" in given or "<" in given or ">" in given or "\r" in given:
            del out[1:]
            self.binding.write(value, out.append, newline + unit, unit)
        out.append(end)
        return "".join(out)

    def from_element(self, element: etree._Element) -> T:
        tag = element.tag if isinstance(element.tag, str) else ""
        root = self.root_tag
        namespace = tag[: -len(root)] if tag.endswith("}" + root) else ""
        expected = self.versions.get(namespace)
        if expected is None:
            safe.fail([self.at(element, f"expected <{root}> in {self.namespace}")])
        version = element.get("version")
        if version is not None and version != expected:
            message = f"version {version!r} in the namespace of version {expected}"
            safe.fail([Problem(f"/{root}/@version", message, safe.line(element))])
        safe.refuse_entities(element, self.path_of)
        safe.schema_problems(self.schema(expected), element, self.path_of)
        upgrade = self.upgrades.get(expected)
        if upgrade is None and next(element.iter(_NOT_READ), None) is None:
            try:
                return self.binding.read(element)
            except Exception:  # the plain reader below says what is wrong
                pass
        try:
            document = _read(element, self.spec)
        except _TooLongError as exc:
            safe.fail([self.at(exc.element, f"integer too long: {exc}")], exc.__cause__)
        if upgrade is not None:
            document = upgrade(document)
        try:
            return self.structure(document)
        except Exception:  # the detailed converter below says what is wrong
            pass
        prefix = f"$.{self.json_key}"
        try:
            value: T = _converter.structure(document, self.root)
        except Exception as exc:
            found = list(itertools.islice(problems_from(exc, prefix, self.root), MAX_PROBLEMS + 1))
            located = [
                self.at(_locate(element, p.path, prefix), p.message) for p in found[:MAX_PROBLEMS]
            ]
            safe.fail(safe.capped(located, len(found)), exc)
        return value

    def at(self, node: etree._Element, message: str) -> Problem:
        return safe.at(node, message, self.path_of)


def _schema(version: str) -> etree.XMLSchema:
    """The XSD of ``version``, compiled on first use and kept."""
    schema = _XML_SCHEMAS.get(version)
    if schema is None:
        document = etree.fromstring(xml_schema(int(version)).encode("utf-8"), _PARSER)
        schema = _XML_SCHEMAS[version] = etree.XMLSchema(document)
    return schema


_XML_SCHEMAS: dict[str, etree.XMLSchema] = {}
_PARSER: Final = safe.hardened_parser()


class _LetterSchemas(etree.Resolver):
    """Resolves the case XSD's ``xs:import`` of the letter XSD to the packaged file."""

    # lxml-stubs 0.5 leave out the context argument that lxml passes and resolve_string needs.
    def resolve(  # type: ignore[override]
        self, system_url: str, public_id: str, context: object
    ) -> Any:
        name = system_url.rsplit("/", 1)[-1]
        match = re.fullmatch(r"reply-letter-([0-9]+)\.xsd", name)
        if match is None:
            return None
        return self.resolve_string(xml_schema(int(match[1])), context)  # type: ignore[call-arg]


def _case_schema(version: str) -> etree.XMLSchema:
    """The case-file XSD of ``version`` (with the letter XSD it imports), compiled once."""
    schema = _CASE_SCHEMAS.get(version)
    if schema is None:
        parser = safe.hardened_parser()
        parser.resolvers.add(_LetterSchemas())
        text = case_xml_schema(int(version)).encode("utf-8")
        document = etree.fromstring(text, parser, base_url="govreply-schemas/case-file.xsd")
        schema = _CASE_SCHEMAS[version] = etree.XMLSchema(document)
    return schema


_CASE_SCHEMAS: dict[str, etree.XMLSchema] = {}
_converter = make_converter()

_LETTER: Final = _Document(
    _ROOT,
    NAMESPACE,
    {"{urn:govreply:reply-letter:1}": "1", _NS: VERSION},
    ReplyLetter,
    _SPEC,
    lambda version: _schema(version),  # looked up on each call (tests replace it)
    unstructure_letter,
    structure_letter,
    {"1": upgrade_letter},
    _element_path,
    "letter",
    bind(ReplyLetter, _SPEC, NAMESPACE),
)
_CASE: Final = _Document(
    "case-file",
    CASE_NAMESPACE,
    {"{" + CASE_NAMESPACE + "}": CASE_VERSION},
    CaseFile,
    _CASE_SPEC,
    _case_schema,
    unstructure_case,
    structure_case,
    {},
    _case_element_path,
    "case",
    bind(CaseFile, _CASE_SPEC, CASE_NAMESPACE, {ReplyLetter: NAMESPACE}),
)


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
    return _LETTER.serialize(letter, indent)


def to_element(letter: ReplyLetter) -> etree._Element:
    """The letter as an lxml element, to embed in a larger document.

    >>> from govreply.examples import seed_letter
    >>> to_element(seed_letter()).findtext("{urn:govreply:reply-letter:2}title")
    '关于区二届人大四次会议第55号建议答复的函'

    Raises:
        ValidationError: as :func:`dumps`.
    """
    return etree.fromstring(_LETTER.serialize(letter, None).encode("utf-8"), _PARSER)


def from_element(element: etree._Element) -> ReplyLetter:
    """Read a letter from an lxml ``<reply-letter>`` element (e.g. one embedded elsewhere).

    The element is validated against the XSD as :func:`loads` does.

    >>> from govreply.examples import seed_letter
    >>> from_element(to_element(seed_letter())) == seed_letter()
    True

    Raises:
        XmlParseError: the element is not a valid letter; ``problems`` lists every violation.
    """
    return _LETTER.from_element(element)


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
    return _LETTER.from_element(safe.parse_untrusted(data, options))


def dumps_case(case: CaseFile, *, indent: int | None = None) -> str:
    """Serialize a case file as an XML document in ``urn:govreply:case-file:1``.

    >>> from govreply.case import CaseFile
    >>> from govreply.examples import seed_letter
    >>> dumps_case(CaseFile.from_letter(seed_letter()))[:71]
    '<case-file xmlns="urn:govreply:case-file:1" version="1"><submission><ki'

    Args:
        case: the case file to write.
        indent: spaces per nesting level; ``None`` (the default) writes one line.

    Raises:
        ValidationError: a text holds a character XML 1.0 cannot carry; ``field`` names it
            (``letters[0].title``).
    """
    return _CASE.serialize(case, indent)


def loads_case(data: str | bytes, *, options: XmlOptions = DEFAULT_OPTIONS) -> CaseFile:
    """Read a case file from an untrusted XML document, as :func:`loads` reads a letter.

    >>> from govreply.case import CaseFile
    >>> from govreply.examples import seed_letter
    >>> case = CaseFile.from_letter(seed_letter())
    >>> loads_case(dumps_case(case)) == case
    True

    Args:
        data: the document.
        options: size and depth limits.

    Raises:
        XmlParseError: as :func:`loads`; element paths run from ``/case-file``.
    """
    return _CASE.from_element(safe.parse_untrusted(data, options))
