"""Reading untrusted XML: the hardened parser, limits, and schema problems with element paths.

Shared by :mod:`govreply.formats.xml` and :mod:`govreply.formats.exchange`. Every document is
parsed with an explicit hardened lxml parser (no DTD loading, no entity resolution, no network,
libxml2's default size limits, no recovery) after a size check and a byte scan that refuses a
DOCTYPE before libxml2 sees it; a depth limit and an entity-node check follow; schema violations
become :class:`~govreply.errors.Problem` values with the line and a readable element path.
"""

from __future__ import annotations

import copy
import re
import typing
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs
from lxml import etree

from govreply.errors import Problem, ValidationError, XmlParseError

__all__ = [
    "DEFAULT_OPTIONS",
    "MAX_PROBLEMS",
    "NOT_XML",
    "XmlOptions",
    "at",
    "capped",
    "fail",
    "hardened_parser",
    "line",
    "parse_untrusted",
    "refuse_entities",
    "schema_problems",
]

#: Problems listed at most in one error (the last says how many more there were).
MAX_PROBLEMS: Final = 100

# Characters XML 1.0 cannot carry: C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF.
NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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
def hardened_parser(encoding: str | None = None) -> etree.XMLParser:
    """A new parser with govreply's hardening (``encoding`` forces the input's encoding)."""
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


_PARSER: Final = hardened_parser()
# The same hardening; str input was encoded to UTF-8 here, whatever its declaration says.
_UTF8_PARSER: Final = hardened_parser("utf-8")


def fail(problems: list[Problem], cause: BaseException | None = None) -> typing.NoReturn:
    """Raise :class:`XmlParseError` with ``problems`` (from ``cause``, if any)."""
    error = XmlParseError(problems=tuple(problems))
    if cause is not None:
        raise error from cause
    raise error


def capped(problems: list[Problem], total: int) -> list[Problem]:
    """``problems`` (at most MAX_PROBLEMS), and a last one saying that more were left out."""
    if total <= len(problems):
        return problems
    return [*problems, Problem("/", f"more problems not listed (only the first {MAX_PROBLEMS})")]


def line(node: etree._Element) -> int | None:
    """The source line of ``node``, if the tree was parsed."""
    return typing.cast("int | None", node.sourceline)


def at(node: etree._Element, message: str, path_of: Callable[[etree._Element], str]) -> Problem:
    """A problem located at ``node``: its element path and source line."""
    return Problem(path_of(node), message, line(node))


_NO_DOCTYPE = "a DOCTYPE is not allowed (DTDs and entities are refused)"
# "<!DOCTYPE" in the encodings whose bytes can be searched directly (UTF-8 and other
# ASCII-compatible ones, UTF-16 either way round). Anything else is caught after parsing.
_DOCTYPE_MARKERS: Final = tuple(
    "<!DOCTYPE".encode(codec) for codec in ("ascii", "utf-16-le", "utf-16-be")
)


def parse_untrusted(data: str | bytes, options: XmlOptions) -> etree._Element:
    """The root of ``data``, parsed after the size and DOCTYPE checks, within the depth limit.

    Raises:
        XmlParseError: the document is too large or too deep, has a DOCTYPE, or is not
            well-formed.
    """
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError as exc:
        message = f"character {exc.start} cannot be encoded: {exc.reason} (a lone surrogate?)"
        fail([Problem("/", message)], exc)
    if len(raw) > options.max_bytes:
        fail(
            [
                Problem(
                    "/",
                    f"document of {len(raw)} bytes exceeds the limit of "
                    f"{options.max_bytes} bytes (XmlOptions.max_bytes)",
                )
            ]
        )
    # Each marker holds the byte of "!", which UTF-8 Chinese text never does: one quick search
    # clears most documents.
    if b"!" in raw and any(marker in raw for marker in _DOCTYPE_MARKERS):
        # Refused before libxml2 sees it, so no DTD (internal or external) is ever processed.
        found = raw.find(next(m for m in _DOCTYPE_MARKERS if m in raw))
        fail(
            [
                Problem(
                    "/",
                    _NO_DOCTYPE,
                    raw[:found].count(b"\n") + 1 if isinstance(data, str) else None,
                )
            ]
        )
    try:
        if isinstance(data, str):
            root = etree.fromstring(raw, _UTF8_PARSER)
        else:
            root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        fail([Problem("/", f"not well-formed XML: {exc.msg}", exc.lineno or None)], exc)
    info: Any = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        fail([Problem("/", _NO_DOCTYPE, 1)])
    if _too_deep(root, options.max_depth):
        fail(
            [
                Problem(
                    "/",
                    f"elements nest deeper than {options.max_depth} levels (XmlOptions.max_depth)",
                )
            ]
        )
    return root


def _too_deep(root: etree._Element, max_depth: int) -> bool:
    # Whether the root (level 1) has a descendant at level max_depth + 1. A path relative to the
    # root element costs libxml2 a third of the same path from the document node.
    probe = _DEPTH_PROBES.get(max_depth)
    if probe is None:
        probe = _DEPTH_PROBES[max_depth] = etree.XPath("boolean(" + "/".join("*" * max_depth) + ")")
    return bool(probe(root))


_DEPTH_PROBES: dict[int, etree.XPath] = {}


def refuse_entities(element: etree._Element, path_of: Callable[[etree._Element], str]) -> None:
    """Raise for an entity reference node anywhere under ``element`` (a tree built elsewhere).

    Raises:
        XmlParseError: there is one.
    """
    for entity in element.iter(etree.Entity):
        parent = entity.getparent()
        problem = at(parent if parent is not None else element, "", path_of)
        message = f"entity reference {entity.text} is not allowed"
        fail([problem._replace(message=message, line=line(entity))])


# Element '{urn:govreply:reply-letter:1}kind': [facet 'enumeration'] The value 'x' is not …
# (the element is named by the problem's path already; the namespace is always ours)
_SCHEMA_PREFIX = re.compile(r"^Element '[^']*': (?:\[facet '[^']*'\] )?")
_QUALIFIED = re.compile(r"\{urn:govreply:[a-z-]+:[0-9]+\}")


def _schema_message(message: str) -> str:
    return _QUALIFIED.sub("", _SCHEMA_PREFIX.sub("", message))


def schema_problems(
    schema: etree.XMLSchema,
    element: etree._Element,
    path_of: Callable[[etree._Element], str],
) -> None:
    """Validate ``element`` against ``schema``; raise listing every violation.

    Raises:
        XmlParseError: the element is not valid (or libxml2 cannot validate the tree).
    """
    if _LONG_LIST(element):
        _long_list_problems(schema, element, path_of)
        return
    _tree_problems(schema, element, element, path_of)


def _tree_problems(
    schema: etree.XMLSchema,
    tree: etree._Element,
    element: etree._Element,
    path_of: Callable[[etree._Element], str],
    at_least: int = 0,
) -> None:
    """Validate ``tree`` (``element`` or a pruned copy of it); raise listing its violations.

    ``at_least`` is how many violations ``element`` is known to have (a pruned copy may show
    fewer).
    """
    try:
        valid = schema.validate(tree)
    except etree.Error as exc:  # libxml2 gives up on trees no parser could have produced
        fail([at(element, f"cannot validate: {exc}", path_of)], exc)
    if valid:
        return
    log = list(typing.cast("Iterable[Any]", schema.error_log))
    problems = [
        _readable_path(Problem(e.path or "/", _schema_message(e.message), e.line), tree, path_of)
        for e in log[:MAX_PROBLEMS]
    ]
    fail(capped(problems, max(len(log), at_least)))


# Items of one list that the pruned copy keeps (see _long_list_problems).
_KEPT_ITEMS: Final = MAX_PROBLEMS + 1
# Elements with more children than that (one linear pass, in libxml2).
_LONG_LISTS: Final = etree.XPath(f"descendant-or-self::*[count(*) > {_KEPT_ITEMS}]")
# Whether there is one: a child past the kept ones. libxml2 stops counting each element's
# children there, where count(*) counts them all (a valid letter pays a fifth of the time).
_LONG_LIST: Final = etree.XPath(f"boolean(descendant-or-self::*/*[{_KEPT_ITEMS + 1}])")


def _long_list_problems(
    schema: etree.XMLSchema,
    element: etree._Element,
    path_of: Callable[[etree._Element], str],
) -> None:
    """Validate a tree with a long list in linear time.

    libxml2 names the node of every violation it logs by counting the node's earlier siblings,
    so validating a tree whose long list is all bad costs the square of the list (100,000 bad
    names took two minutes). The tree is validated streaming instead (serialized and re-parsed
    by a validating parser, which stops after a hundred errors and names no node); when that
    fails, a copy that keeps the first hundred items of each list is validated for the element
    paths, and only if that copy is valid (every violation sits further down a list) are the
    streaming errors reported, by line.

    Raises:
        XmlParseError: the element is not valid.
    """
    parser = etree.XMLParser(
        schema=schema, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        etree.fromstring(etree.tostring(element, encoding="utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        error = exc
    else:
        return
    streamed = list(typing.cast("Iterable[Any]", parser.error_log))
    pruned = copy.deepcopy(element)
    for node in typing.cast("list[etree._Element]", _LONG_LISTS(pruned)):
        del node[_KEPT_ITEMS:]
    _tree_problems(schema, pruned, element, path_of, len(streamed))
    problems = [
        Problem(path_of(element), _schema_message(e.message), e.line or None)
        for e in streamed[:MAX_PROBLEMS]
    ] or [at(element, f"not valid: {error.msg}", path_of)]
    fail(capped(problems, len(streamed)), error)


def _readable_path(
    problem: Problem, root: etree._Element, path_of: Callable[[etree._Element], str]
) -> Problem:
    # libxml2 paths look like /*/*[8]/*[1]; name each step instead.
    try:
        found = root.getroottree().xpath(problem.path)
    except etree.XPathError:
        return problem
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return Problem(path_of(found[0]), problem.message, problem.line)
    return problem
