"""The XML format's fast paths: they accept, refuse and read exactly as the plain ones do."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from govreply.formats import _xmlsafe as safe
from govreply.schemas import xml_schema

# --------------------------------------------------------------- the XSD's ``text`` pattern

# The blanks of the XSD's text type: XML's four, and Unicode's other spaces that str.isspace()
# knows (the C0 and C1 ones XML cannot carry aside).
BLANK_SET = r"\s&#x85;&#xA0;&#x1680;&#x2000;-&#x200A;&#x2028;&#x2029;&#x202F;&#x205F;&#x3000;"
# The pattern as govreply 0.1 and the first version-2 files wrote it: blanks allowed anywhere
# around one non-blank. It is nondeterministic, which libxml2 pays for on every character.
FIRST_PATTERN = rf"[\s\S]*[^{BLANK_SET}][\s\S]*"
BLANKS = [" ", "\t", "\n", "\r", "\x85", "\xa0", "\u1680", "\u2028", "\u2029", "\u202f"]
BLANKS += ["\u205f", "\u3000", *map(chr, range(0x2000, 0x200B))]
# Non-blanks, some of them close to blanks: U+180E and U+200B were or look like spaces.
OTHERS = ["a", "0", "中", "、", "。", "&", "<", "]", "\u180e", "\u200b", "\ufeff", "\U0001f600"]
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


def _pattern(version: int) -> str:
    """The ``text`` type's pattern in the published XSD of ``version``, as written there."""
    match = re.search(
        r'<xs:simpleType name="text">.*?<xs:pattern value="([^"]*)"/>', xml_schema(version), re.S
    )
    assert match is not None
    return match[1]


def _tiny_schema(pattern: str) -> etree.XMLSchema:
    """An XSD whose one element ``<t>`` holds a string matching ``pattern``."""
    return etree.XMLSchema(
        etree.fromstring(
            '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="t">'
            '<xs:simpleType><xs:restriction base="xs:string">'
            f'<xs:pattern value="{pattern}"/>'
            "</xs:restriction></xs:simpleType></xs:element></xs:schema>"
        )
    )


FIRST = _tiny_schema(FIRST_PATTERN)
PUBLISHED = {version: _tiny_schema(_pattern(version)) for version in (1, 2)}


def _accepts(schema: etree.XMLSchema, text: str) -> bool:
    document = "<t>" + escape(text).replace("\r", "&#13;") + "</t>"
    return schema.validate(etree.fromstring(document.encode("utf-8")))


def test_both_versions_publish_the_same_text_pattern() -> None:
    """The version-1 and version-2 XSDs state the text type alike, in its deterministic form."""
    assert _pattern(1) == _pattern(2) == rf"[{BLANK_SET}]*[^{BLANK_SET}][\s\S]*"


@given(st.text(st.sampled_from(BLANKS + OTHERS) | CJK | st.characters(codec="utf-8"), max_size=12))
@example("")
@example(" \u3000\r\n\t")
@example("\u3000中")
@example("中\u3000")
@example(" a ")
@example("\u180e")
def test_text_pattern_accepts_what_the_first_form_accepted(text: str) -> None:
    """Both forms accept the same strings: those holding a non-blank, as the model requires."""
    if re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", text):
        return  # XML 1.0 cannot carry it, so no document holds it
    expected = bool(text) and not text.isspace()  # the model's rule for text
    assert _accepts(FIRST, text) is expected
    for schema in PUBLISHED.values():
        assert _accepts(schema, text) is expected


@pytest.mark.parametrize("blank", BLANKS)
def test_text_pattern_refuses_each_blank_alone_and_repeated(blank: str) -> None:
    """Every blank, alone or repeated, is refused; with a letter after it, accepted."""
    for schema in (FIRST, *PUBLISHED.values()):
        assert not _accepts(schema, blank)
        assert not _accepts(schema, blank * 3)
        assert _accepts(schema, blank * 3 + "中")


# ------------------------------------------------------------------------- long lists


@pytest.mark.parametrize("children", [0, 1, 100, 101, 102, 103, 500])
@pytest.mark.parametrize("depth", [0, 1, 3])
def test_long_list_probe_finds_exactly_the_long_lists(children: int, depth: int) -> None:
    """The quick probe says yes exactly when some element has more than the kept items."""
    root = etree.Element("root")
    parent = root
    for _ in range(depth):
        parent = etree.SubElement(parent, "level")
        etree.SubElement(root, "sibling")
    for _ in range(children):
        etree.SubElement(parent, "item")
    expected = bool(safe._LONG_LISTS(root))
    assert expected is (children > safe._KEPT_ITEMS)
    assert safe._LONG_LIST(root) is expected
