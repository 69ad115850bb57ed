"""The XML format's fast paths: they accept, refuse and read exactly as the plain ones do."""

from __future__ import annotations

import copy
import datetime
import re
from typing import Any
from xml.sax.saxutils import escape

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import etree

from govreply.case import CaseFile
from govreply.errors import ValidationError, XmlParseError
from govreply.examples import seed_letter
from govreply.formats import _xmlsafe as safe
from govreply.formats import xml as gxml
from govreply.formats.json._fast import unstructure_case, unstructure_letter
from govreply.model import Paragraph, Rating, ReplyLetter, Section
from govreply.schemas import xml_schema
from govreply.testing import case_files, reply_letters, texts

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


# ------------------------------------------------------------------------------- writing


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _plain_write(out: list[str], obj: dict[str, Any], spec: Any, pad: str, unit: str) -> None:
    """The writer the generated ones replace: it walks the JSON mapping of the value."""
    inner = pad + unit
    for key, value in obj.items():
        field = spec.by_key[key]
        tag = field.tag
        if field.kind == "object":
            out.append(f"{pad}<{tag}>")
            _plain_write(out, value, field.spec, inner, unit)
            out.append(f"{pad}</{tag}>")
        elif field.kind == "list":
            if not value:
                out.append(f"{pad}<{tag}/>")
                continue
            out.append(f"{pad}<{tag}>")
            for item in value:
                if field.spec is None:
                    out.append(f"{inner}<{field.item_tag}>{_escape(item)}</{field.item_tag}>")
                else:
                    out.append(f"{inner}<{field.item_open}>")
                    _plain_write(out, item, field.spec, inner + unit, unit)
                    out.append(f"{inner}</{field.item_tag}>")
            out.append(f"{pad}</{tag}>")
        elif field.kind == "int":
            out.append(f"{pad}<{tag}>{value}</{tag}>")
        elif field.kind == "bool":
            out.append(f"{pad}<{tag}>{'true' if value else 'false'}</{tag}>")
        else:
            out.append(f"{pad}<{tag}>{_escape(value)}</{tag}>")


def _plain_dumps(
    document: dict[str, Any], start: str, root: str, spec: Any, indent: int | None
) -> str:
    unit = "" if indent is None else " " * indent
    newline = "" if indent is None else "\n"
    out = [f"<{start}>"]
    _plain_write(out, document, spec, newline + unit, unit)
    out.append(f"{newline}</{root}>")
    return "".join(out)


INDENTS = st.sampled_from([None, 0, 1, 2, 4])


@given(reply_letters(), INDENTS)
def test_generated_writer_writes_what_the_plain_one_wrote(
    letter: ReplyLetter, indent: int | None
) -> None:
    """The generated writer writes, character for character, what the plain one wrote."""
    expected = _plain_dumps(
        unstructure_letter(letter), gxml._LETTER_START, "reply-letter", gxml._SPEC, indent
    )
    try:
        written = gxml.dumps(letter, indent=indent)
    except ValidationError:  # a character XML cannot carry
        assert gxml._NOT_XML.search(expected)
        return
    assert written == expected


@pytest.mark.parametrize("special", ["&", "<", ">", "\r", "&lt", "]]>", "\r\n"])
@pytest.mark.parametrize("where", ["title", "name", "paragraph", "cc"])
def test_generated_writer_escapes_wherever_text_needs_it(special: str, where: str) -> None:
    """A text needing escapes anywhere makes the whole document escaped, as before."""
    letter = full_letter()
    if where == "title":
        letter = attrs.evolve(letter, title=f"关于{special}的函")
    elif where == "name":
        names = (*letter.addressees.names, f"李{special}四")
        letter = attrs.evolve(letter, addressees=attrs.evolve(letter.addressees, names=names))
    elif where == "paragraph":
        letter = attrs.evolve(letter, paragraphs=(Paragraph(f"{special}开头"),))
    else:
        letter = attrs.evolve(letter, cc=(*letter.cc, f"区{special}政府"))
    for indent in (None, 2):
        expected = _plain_dumps(
            unstructure_letter(letter), gxml._LETTER_START, "reply-letter", gxml._SPEC, indent
        )
        assert gxml.dumps(letter, indent=indent) == expected
        assert gxml.loads(expected) == letter


@given(case_files(), INDENTS)
def test_generated_case_writer_writes_what_the_plain_one_wrote(
    case: CaseFile, indent: int | None
) -> None:
    """… and so does the case file's."""
    start = f'case-file xmlns="{gxml.CASE_NAMESPACE}" version="{gxml.CASE_VERSION}"'
    expected = _plain_dumps(unstructure_case(case), start, "case-file", gxml._CASE_SPEC, indent)
    try:
        written = gxml.dumps_case(case, indent=indent)
    except ValidationError:
        assert gxml._NOT_XML.search(expected)
        return
    assert written == expected


# ------------------------------------------------------------------------------- reading

SAFE = texts(xml_safe=True)
# Texts that break one rule or another of some field.
JUNK = ["", " ", "\u3000", "0", "-1", "1", "2", "13", "99999", "1000", "x", "true", "false"]
JUNK += ["suggestion", "co-handling", "npc", "A1", "E", "2024-02-30", "2024-05-20", " 3 "]
JUNK += ["中、文", "区政府。", " 区政府", "1" * 5000]


def _plain_read(root: etree._Element, document: Any) -> object:
    """What the plain reader makes of a tree (``None`` if it refuses it)."""
    try:
        return document.structure(gxml._read(root, document.spec))
    except Exception:
        return None


def _mutate(root: etree._Element, data: st.DataObject) -> None:
    """Break the tree in one of the ways a reader must notice (or not be fooled by)."""
    elements = list(root.iter())[1:]
    element = data.draw(st.sampled_from(elements))
    parent = element.getparent()
    assert parent is not None
    how = data.draw(st.sampled_from(["text", "drop", "twice", "swap", "unknown", "empty"]))
    if how == "text":
        element.text = data.draw(st.sampled_from(JUNK) | SAFE)
    elif how == "drop":
        parent.remove(element)
    elif how == "twice":
        element.addnext(copy.deepcopy(element))
    elif how == "swap" and (following := element.getnext()) is not None:
        following.addnext(element)
    elif how == "unknown":
        element.addnext(etree.Element(f"{{{gxml.NAMESPACE}}}colour"))
    elif how == "empty":
        for child in list(element):
            element.remove(child)
        element.text = None


@given(reply_letters(text=SAFE))
def test_generated_reader_reads_every_letter(letter: ReplyLetter) -> None:
    """The generated reader reads every letter dumps writes, straight to the same letter."""
    root = etree.fromstring(gxml.dumps(letter).encode("utf-8"))
    assert gxml._LETTER.binding.read(root) == letter


@given(case_files(text=SAFE))
def test_generated_reader_reads_every_case_file(case: CaseFile) -> None:
    """… and every case file dumps_case writes."""
    root = etree.fromstring(gxml.dumps_case(case).encode("utf-8"))
    assert gxml._CASE.binding.read(root) == case


@given(reply_letters(text=SAFE), st.data())
def test_generated_reader_accepts_no_letter_the_plain_one_refuses(
    letter: ReplyLetter, data: st.DataObject
) -> None:
    """On a broken tree (the XSD aside), the generated reader refuses or reads as the plain one."""
    root = etree.fromstring(gxml.dumps(letter).encode("utf-8"))
    _mutate(root, data)
    try:
        fast = gxml._LETTER.binding.read(root)
    except Exception:
        return  # the plain reader takes over
    assert fast == _plain_read(root, gxml._LETTER)


@given(case_files(text=SAFE), st.data())
def test_generated_reader_accepts_no_case_file_the_plain_one_refuses(
    case: CaseFile, data: st.DataObject
) -> None:
    """… and on a broken case file."""
    root = etree.fromstring(gxml.dumps_case(case).encode("utf-8"))
    _mutate(root, data)
    try:
        fast = gxml._CASE.binding.read(root)
    except Exception:
        return
    assert fast == _plain_read(root, gxml._CASE)


def full_letter() -> ReplyLetter:
    """The seed letter with every optional part given, and sections four levels deep."""
    seed = seed_letter()
    form = seed.feedback_form
    assert form is not None
    assert seed.doc_number is not None
    assert seed.contact is not None
    congress = seed.reference.congress
    assert congress is not None
    reference = attrs.evolve(
        seed.reference, printed_number="第55号", congress=attrs.evolve(congress, printed="二届四次")
    )
    deepest = Section("第四级", (Paragraph("四"),))
    nested = Section("第一级", (), (Section("第二级", (), (Section("第三级", (), (deepest,)),)),))
    return attrs.evolve(
        seed,
        signer="张三",
        doc_number=attrs.evolve(seed.doc_number, printed="赣区教议〔2024〕2号"),
        reference=reference,
        addressees=attrs.evolve(seed.addressees, unit="区人大"),
        sections=(*seed.sections, nested),
        salutation=("此致", "敬礼"),
        signed_by="区教育局",
        date=datetime.date(2024, 5, 20),
        notes=("（此件公开发布）",),
        contact=attrs.evolve(seed.contact, unit="办公室"),
        feedback_form=attrs.evolve(
            form, attitude=Rating.SATISFIED, result=Rating.DISSATISFIED, opinion="无"
        ),
    )


@pytest.mark.parametrize("how", ["text", "drop", "twice", "unknown", "empty"])
def test_generated_reader_refuses_every_break_the_plain_one_refuses(how: str) -> None:
    """Every element of a full letter broken every way: refused, or read as the plain way."""
    document = gxml.dumps(full_letter()).encode("utf-8")
    count = sum(1 for _ in etree.fromstring(document).iter())
    for i in range(1, count):
        for junk in JUNK if how == "text" else [""]:
            root = etree.fromstring(document)
            element = list(root.iter())[i]
            parent = element.getparent()
            assert parent is not None
            if how == "text":
                element.text = junk
            elif how == "drop":
                parent.remove(element)
            elif how == "twice":
                element.addnext(copy.deepcopy(element))
            elif how == "unknown":
                element.addnext(etree.Element(f"{{{gxml.NAMESPACE}}}colour"))
            else:
                element[:] = []
                element.text = None
            try:
                fast = gxml._LETTER.binding.read(root)
            except Exception:
                continue
            assert fast == _plain_read(root, gxml._LETTER), (i, junk)


def test_generated_reader_refuses_a_fifth_level_of_sections() -> None:
    """Sections nest four levels deep at most: a fifth is refused, as the model refuses it."""
    root = etree.fromstring(gxml.dumps(full_letter()).encode("utf-8"))
    deepest = next(e for e in root.iter(f"{{{gxml.NAMESPACE}}}heading") if e.text == "第四级")
    section = deepest.getparent()
    assert section is not None
    subsections = section.find(f"{{{gxml.NAMESPACE}}}subsections")
    assert subsections is not None
    subsections.append(copy.deepcopy(section))
    assert _plain_read(root, gxml._LETTER) is None
    with pytest.raises(gxml._binding.RejectedError):
        gxml._LETTER.binding.read(root)


def test_loads_reads_through_the_generated_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """A valid document never goes the plain way; one with comments still does."""
    document = gxml.dumps(seed_letter())
    monkeypatch.setattr(gxml, "_read", None)  # the plain reader would fail
    assert gxml.loads(document) == seed_letter()
    root = etree.fromstring(document.replace("<kind>", "<!-- c --><kind>", 1).encode("utf-8"))
    with pytest.raises(TypeError):
        gxml.from_element(root)


def test_every_doctype_marker_holds_the_byte_the_quick_search_looks_for() -> None:
    """parse_untrusted skips the DOCTYPE search when there is no "!": each marker has one."""
    assert all(b"!" in marker for marker in safe._DOCTYPE_MARKERS)
    with pytest.raises(XmlParseError, match="DOCTYPE"):
        gxml.loads("<!DOCTYPE x><x/>".encode("utf-16"))


@pytest.mark.parametrize("max_depth", [1, 2, 5, 32])
@pytest.mark.parametrize("excess", [-2, -1, 0, 1, 2])
def test_depth_probe_finds_exactly_the_trees_too_deep(max_depth: int, excess: int) -> None:
    """The probe says yes exactly when elements nest deeper than max_depth (the root is 1)."""
    depth = max(1, max_depth + excess)
    root = etree.Element("root")
    if depth > 1:
        etree.SubElement(root, "leaf")  # a shallow branch beside the deep one
    node = root
    for _ in range(depth - 1):
        node = etree.SubElement(node, "level")
    first_form = etree.XPath("boolean(/" + "/*" * (max_depth + 1) + ")")
    assert safe._too_deep(root, max_depth) is bool(first_form(root)) is (depth > max_depth)
