"""The XML format: round trips, exact text, the XSD, and problems with lines and paths."""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given
from lxml import etree

from govreply.errors import ValidationError, XmlParseError
from govreply.examples import seed_letter
from govreply.formats import get_format
from govreply.formats import xml as gxml
from govreply.model import Addressees, Paragraph, ReplyLetter, Section
from govreply.schemas import xml_schema
from govreply.testing import reply_letters, texts

NS = "{urn:govreply:reply-letter:2}"
SCHEMA = etree.XMLSchema(etree.fromstring(xml_schema().encode("utf-8")))
SAFE = texts(xml_safe=True)
# Characters XML 1.0 cannot carry.
FORBIDDEN = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]


def problems_of(data: str | bytes) -> list[str]:
    with pytest.raises(XmlParseError) as info:
        gxml.loads(data)
    return [str(p) for p in info.value.problems]


def with_paragraph(text: str) -> ReplyLetter:
    return attrs.evolve(seed_letter(), paragraphs=(Paragraph(text),))


# ------------------------------------------------------------------------------ round trips


def test_seed_round_trips() -> None:
    """The seed letter reads back equal to itself, compact or indented."""
    assert gxml.loads(gxml.dumps(seed_letter())) == seed_letter()
    assert gxml.loads(gxml.dumps(seed_letter(), indent=2)) == seed_letter()


def test_format_table_finds_the_module() -> None:
    """get_format("xml") is this module and satisfies the Format protocol."""
    fmt = get_format("xml")
    assert fmt.loads(fmt.dumps(seed_letter())) == seed_letter()


def test_document_shape() -> None:
    """Elements are kebab-case JSON keys in the namespace; the root carries the version."""
    root = etree.fromstring(gxml.dumps(seed_letter()).encode("utf-8"))
    assert root.tag == f"{NS}reply-letter"
    assert root.get("version") == "2"
    assert root.findtext(f"{NS}doc-number/{NS}agency-code") == "赣区教议"
    assert root.findtext(f"{NS}doc-number/{NS}year") == "2024"
    names = root.findall(f"{NS}addressees/{NS}names/{NS}name")
    assert [n.text for n in names] == ["马雪梅", "黄春英", "李珍"]
    assert [r.text for r in root.findall(f"{NS}cc/{NS}recipient")] == [
        "区人大选任联工委",
        "区政府督查室",
    ]
    assert root.find(f"{NS}paragraphs") is not None  # empty collections are written
    assert root.find(f"{NS}signer") is None  # None parts are not
    tags = [etree.QName(c).localname for c in root]
    assert tags[:4] == ["kind", "role", "issuer", "doc-number"]


def test_indented_output_is_indented() -> None:
    """Indent puts each element on its own line without touching text."""
    pretty = gxml.dumps(seed_letter(), indent=2)
    assert "\n  <kind>suggestion</kind>\n" in pretty
    assert "\n    <agency-code>赣区教议</agency-code>\n" in pretty


def test_dumps_is_deterministic() -> None:
    """The same letter always gives the same document."""
    assert gxml.dumps(seed_letter()) == gxml.dumps(seed_letter())


@pytest.mark.parametrize(
    "text",
    [
        "  前后有空格  ",
        "第一行\n第二行\n",
        "Windows\r\n换行\r和单独的回车",
        "\t制表符\t",
        "全角标点：“引号”（括号）〔2024〕《书名》、。！？",
        "<b>标签</b> & 实体 &amp; ]]> 结尾",
        "emoji 😀 and astral 𠀀𪚥 characters",
        "\u3000全角空格开头",
        "\u2028line separator\u0085next line",
    ],
)
def test_text_is_kept_exactly(text: str) -> None:
    """Whitespace, CR, markup characters and astral characters survive unchanged."""
    letter = attrs.evolve(with_paragraph(text), title=text, notes=(text,))
    back = gxml.loads(gxml.dumps(letter, indent=2))
    assert back.paragraphs[0].text == text
    assert back.title == text
    assert back.notes == (text,)


def test_carriage_return_is_escaped() -> None:
    """A CR is written as &#13; so parsers do not turn it into LF."""
    assert "a&#13;\nb" in gxml.dumps(with_paragraph("a\r\nb"))


def test_element_api_embeds_in_other_documents() -> None:
    """to_element output can live inside another document and be read back from there."""
    envelope = etree.Element("message")
    etree.SubElement(envelope, "header").text = "from OA"
    envelope.append(gxml.to_element(seed_letter()))
    data = etree.tostring(envelope, encoding="utf-8")
    received = etree.fromstring(data)
    assert gxml.from_element(received[1]) == seed_letter()


def test_from_element_rejects_other_elements() -> None:
    """An element that is not <reply-letter> in the namespace is refused."""
    with pytest.raises(XmlParseError, match="expected <reply-letter>"):
        gxml.from_element(etree.Element("reply-letter"))


def test_dates_and_numbers() -> None:
    """Dates are YYYY-MM-DD and integers are digits."""
    letter = attrs.evolve(seed_letter(), date=datetime.date(2024, 5, 20))
    root = gxml.to_element(letter)
    assert root.findtext(f"{NS}date") == "2024-05-20"
    assert gxml.from_element(root).date == datetime.date(2024, 5, 20)


@given(reply_letters(text=SAFE))
def test_every_letter_round_trips(letter: ReplyLetter) -> None:
    """loads(dumps(x)) == x for letters with any XML-safe text."""
    assert gxml.loads(gxml.dumps(letter)) == letter
    assert gxml.loads(gxml.dumps(letter, indent=1).encode("utf-8")) == letter


@given(reply_letters(text=SAFE))
def test_every_output_validates_against_the_xsd(letter: ReplyLetter) -> None:
    """The published XSD accepts every document dumps() writes."""
    SCHEMA.assertValid(etree.fromstring(gxml.dumps(letter).encode("utf-8")))


@given(reply_letters(text=SAFE))
def test_element_api_round_trips(letter: ReplyLetter) -> None:
    """from_element(to_element(x)) == x."""
    assert gxml.from_element(gxml.to_element(letter)) == letter


# ----------------------------------------------------------------- characters XML cannot carry


@pytest.mark.parametrize("char", FORBIDDEN)
def test_unwritable_characters_raise_validation_error(char: str) -> None:
    """A character XML 1.0 cannot carry is a ValidationError naming the field."""
    letter = attrs.evolve(
        seed_letter(),
        sections=(
            *seed_letter().sections,
            Section("四", (Paragraph("好"), Paragraph(f"坏{char}"))),
        ),
    )
    with pytest.raises(ValidationError) as info:
        gxml.dumps(letter)
    assert info.value.field == "sections[3].paragraphs[1].text"
    assert f"U+{ord(char):04X}" in str(info.value)
    with pytest.raises(ValidationError):
        gxml.to_element(letter)


def test_unwritable_character_in_a_list_of_names() -> None:
    """The field path points into string lists too."""
    letter = attrs.evolve(seed_letter(), addressees=Addressees(("甲", "乙\x07")))
    with pytest.raises(ValidationError) as info:
        gxml.dumps(letter)
    assert info.value.field == "addressees.names[1]"


@given(reply_letters())
def test_any_letter_either_round_trips_or_is_refused(letter: ReplyLetter) -> None:
    """With arbitrary text, dumps writes a valid document or raises; it never corrupts."""
    try:
        document = gxml.dumps(letter)
    except ValidationError as exc:
        field = exc.field
        assert field
        return
    assert gxml.loads(document) == letter


# ------------------------------------------------------------------------- validation errors


def _seed_xml() -> str:
    return gxml.dumps(seed_letter(), indent=2)


def test_schema_violations_name_line_and_element() -> None:
    """Each XSD violation is a problem with its line and element path."""
    document = (
        _seed_xml()
        .replace("<kind>suggestion</kind>", "<kind>建议</kind>", 1)
        .replace("<year>2024</year>", "<year>24</year>")
        .replace("<heading>织密学生心理防护网</heading>", "<heading>   </heading>")
    )
    problems = problems_of(document)
    assert len(problems) == 3
    assert problems[0].startswith("line 2: /reply-letter/kind: ")
    assert "'建议' is not an element of the set" in problems[0]
    assert problems[1].startswith("line 7: /reply-letter/doc-number/year: ")
    assert "minimum value allowed ('1000')" in problems[1]
    assert "/reply-letter/sections/section[3]/heading: " in problems[2]


def test_unknown_and_missing_elements() -> None:
    """Unknown elements, wrong order and missing required ones are reported."""
    document = _seed_xml().replace("<role>reply</role>", "<colour>red</colour>")
    (problem,) = problems_of(document)
    assert problem.startswith("line 3: /reply-letter/colour: ")
    assert "not expected" in problem
    (problem,) = problems_of(
        '<reply-letter xmlns="urn:govreply:reply-letter:2" version="2"><kind>proposal</kind>'
        "<title>题</title></reply-letter>"
    )
    assert "Missing child element(s)" in problem


def test_invalid_calendar_date_is_rejected() -> None:
    """2024-02-30 is not a date."""
    letter = attrs.evolve(seed_letter(), date=datetime.date(2024, 2, 28))
    document = gxml.dumps(letter).replace("2024-02-28", "2024-02-30")
    (problem,) = problems_of(document)
    assert "/reply-letter/date" in problem


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        (
            '<reply-letter xmlns="urn:govreply:reply-letter:1" version="2"/>',
            "version '2' in the namespace of version 1",
        ),
        (
            '<reply-letter xmlns="urn:govreply:reply-letter:9" version="9"/>',
            "expected <reply-letter>",
        ),
        ("<reply-letter version='1'/>", "expected <reply-letter>"),
        ('<letter xmlns="urn:govreply:reply-letter:2"/>', "expected <reply-letter>"),
    ],
)
def test_root_is_checked(document: str, fragment: str) -> None:
    """The root element, namespace and version are checked first."""
    (problem,) = problems_of(document)
    assert fragment in problem


def test_missing_version_is_a_schema_error() -> None:
    """The version attribute is required."""
    (problem,) = problems_of(_seed_xml().replace(' version="2"', "", 1))
    assert "version" in problem


def test_malformed_xml_reports_the_line() -> None:
    """A well-formedness error carries its line."""
    with pytest.raises(XmlParseError) as info:
        gxml.loads(_seed_xml().replace("</title>", "</titel>", 1))
    (problem,) = info.value.problems
    assert problem.line == 17
    assert "not well-formed XML" in problem.message


def test_comments_and_cdata_do_not_split_text() -> None:
    """Text around comments, processing instructions and CDATA is read whole."""
    document = _seed_xml().replace(
        "<title>关于区二届", "<title>关于<!-- 注 -->区<?pi x?>二<![CDATA[届]]>", 1
    )
    assert gxml.loads(document) == seed_letter()


def test_str_input_ignores_the_declared_encoding() -> None:
    """A str is read as text even when its declaration names another encoding."""
    document = '<?xml version="1.0" encoding="GB18030"?>\n' + gxml.dumps(seed_letter())
    assert gxml.loads(document) == seed_letter()


@pytest.mark.parametrize("encoding", ["GB18030", "UTF-16", "UTF-8"])
def test_bytes_in_declared_encodings(encoding: str) -> None:
    """Bytes may use any encoding their declaration names (GB18030 is common in China)."""
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>\n'
    data = (declaration + gxml.dumps(seed_letter())).encode(encoding)
    assert gxml.loads(data) == seed_letter()


def test_unknown_encoding_is_a_parse_error() -> None:
    """An encoding libxml2 does not know is refused."""
    data = b'<?xml version="1.0" encoding="x-no-such"?>\n<a/>'
    (problem,) = problems_of(data)
    assert "not well-formed XML" in problem


def test_options_are_validated() -> None:
    """Limits must be positive and the depth below libxml2's own."""
    with pytest.raises(ValidationError, match="max_bytes"):
        gxml.XmlOptions(max_bytes=0)
    with pytest.raises(ValidationError, match="max_depth"):
        gxml.XmlOptions(max_depth=1000)


_ANYTHING_GOES = etree.XMLSchema(
    etree.fromstring(
        b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        b'targetNamespace="urn:govreply:reply-letter:2" elementFormDefault="qualified">'
        b'<xs:element name="reply-letter"><xs:complexType><xs:sequence>'
        b'<xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/>'
        b'</xs:sequence><xs:anyAttribute processContents="skip"/></xs:complexType></xs:element>'
        b"</xs:schema>"
    )
)


def test_model_errors_past_the_xsd_are_located(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a model invariant ever be looser in the XSD, its error still has path and line."""
    monkeypatch.setattr(gxml, "_schema", lambda _version: _ANYTHING_GOES)
    document = _seed_xml().replace("<heading>织密学生心理防护网</heading>", "<heading> </heading>")
    document = document.replace(
        "<agency-code>赣区教议</agency-code>", "<agency-code>\t</agency-code>"
    )
    problems = problems_of(document)
    assert (
        problems[0]
        == "line 6: /reply-letter/doc-number/agency-code: agency_code must not be empty or blank"
    )
    assert problems[1].endswith(
        "/reply-letter/sections/section[3]/heading: heading must not be empty or blank"
    )


def test_version_1_documents_are_read_and_upgraded() -> None:
    """A govreply 0.1 document (namespace …:1) is validated by the version-1 XSD and upgraded."""
    v2 = _seed_xml()
    v1 = (
        v2.replace("urn:govreply:reply-letter:2", "urn:govreply:reply-letter:1")
        .replace(' version="2"', ' version="1"')
        .replace("<cc-superiors/>", "")
        .replace("<cc-stop>false</cc-stop>", "")
        .replace("<et-al>false</et-al>", "")
    )
    assert "cc-stop" not in v1
    assert gxml.loads(v1) == seed_letter()
    stopped = v1.replace(
        "<recipient>区政府督查室</recipient>", "<recipient>区政府督查室。</recipient>"
    )
    assert gxml.loads(stopped) == attrs.evolve(seed_letter(), cc_stop=True)


def test_a_tree_with_comments_is_read_whole() -> None:
    """from_element on a tree that kept comments and PIs reads all the text around them."""
    parser = etree.XMLParser()  # an ordinary parser keeps comments
    document = _seed_xml().replace("<title>关于区二届", "<title>关于<!-- 注 -->区<?pi x?>二届", 1)
    document = document.replace("<reference>", "<reference><!-- 引用 -->", 1)
    root = etree.fromstring(document.encode("utf-8"), parser)
    assert gxml.from_element(root) == seed_letter()


def test_unencodable_text_is_a_typed_error() -> None:
    """A lone surrogate in str input is an XmlParseError, not a UnicodeEncodeError."""
    with pytest.raises(XmlParseError, match="cannot be encoded"):
        gxml.loads("\ud800")


def test_problems_are_capped() -> None:
    """Thousands of invalid elements give the first MAX_PROBLEMS problems and a last line."""
    junk = "<junk/>" * 5000
    document = _seed_xml().replace("<kind>suggestion</kind>", "<kind>suggestion</kind>" + junk, 1)
    problems = problems_of(document)
    assert len(problems) <= gxml.MAX_PROBLEMS + 1
