"""The exchange profile: the vocabulary, round trips, the XSD, strictness and hardening."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from lxml import etree

from govreply.errors import ValidationError, XmlParseError
from govreply.examples import seed_letter
from govreply.formats import exchange, get_format, xml
from govreply.model import (
    AttachmentNote,
    Contact,
    DocumentNumber,
    FeedbackForm,
    ItemReference,
    Paragraph,
    Rating,
    ReplyLetter,
    ReplyRole,
    Section,
)
from govreply.schemas import exchange_schema
from govreply.testing import reply_letters, texts
from timing import best

SCHEMA = etree.XMLSchema(etree.fromstring(exchange_schema().encode("utf-8")))
SAFE = texts(xml_safe=True)
DOCS = Path(__file__).parent.parent / "docs"


def problems_of(data: str | bytes, **options: int) -> list[str]:
    with pytest.raises(XmlParseError) as info:
        exchange.loads(data, options=xml.XmlOptions(**options))
    return [str(p) for p in info.value.problems]


def root_of(letter: ReplyLetter) -> etree._Element:
    return etree.fromstring(exchange.dumps(letter).encode("utf-8"))


# ------------------------------------------------------------------------------ vocabulary


def test_the_payload_uses_the_exchange_vocabulary() -> None:
    """电子公文 > 发文机关 (办理类别) + 公文体 > 眉首 / 主体 / 版记, in no namespace."""
    root = root_of(seed_letter())
    assert root.tag == "电子公文"
    assert dict(root.attrib.items()) == {
        "公文种类": "函",
        "事项类型": "建议",
        "交换格式": "govreply.exchange",
        "格式版本": "1",
    }
    assert [c.tag for c in root] == ["发文机关", "公文体"]
    assert [c.tag for c in root[1]] == ["眉首", "主体", "版记"]
    issuer = root.find("发文机关")
    assert issuer is not None
    assert (issuer.text, issuer.get("办理类别")) == ("赣州市赣县区教育科技体育局", "主办")
    assert root.findtext("公文体/眉首/发文字号/发文机关代字") == "赣区教议"
    assert root.findtext("公文体/眉首/发文字号/发文年号") == "2024"
    assert root.findtext("公文体/主体/发文号") == "赣区教议〔2024〕2号"
    assert root.findtext("公文体/主体/关联收文/编号") == "55"
    assert root.find("公文体/主体/关联收文").get("事项类型") == "建议"  # type: ignore[union-attr]
    copies = [(c.get("抄送类型"), c.text) for c in root.iterfind("公文体/版记/抄送机关")]
    assert copies == [("抄送", "区人大选任联工委"), ("抄送", "区政府督查室")]
    assert root.findtext("公文体/版记/抄送句号") == "false"


def test_an_opinion_is_issued_by_a_co_handler_and_copies_superiors() -> None:
    """A co-handling opinion's unit is 协办; 抄报 entries come first, typed 抄报."""
    letter = attrs.evolve(
        seed_letter(), role=ReplyRole.CO_HANDLING, issuer=None, cc_superiors=("区政府",)
    )
    root = root_of(letter)
    issuer = root.find("发文机关")
    assert issuer is not None
    assert (issuer.text, issuer.get("办理类别")) == (None, "协办")
    kinds = [c.get("抄送类型") for c in root.iterfind("公文体/版记/抄送机关")]
    assert kinds == ["抄报", "抄送", "抄送"]
    assert exchange.loads(exchange.dumps(letter)) == letter


def test_the_format_table_finds_the_profile() -> None:
    """get_format("exchange") is this module and satisfies the Format protocol."""
    fmt = get_format("exchange")
    assert fmt.loads(fmt.dumps(seed_letter())) == seed_letter()


# ------------------------------------------------------------------------------ round trips


def test_seed_round_trips_compact_and_indented() -> None:
    """The seed reads back equal, on one line or indented."""
    assert exchange.loads(exchange.dumps(seed_letter())) == seed_letter()
    pretty = exchange.dumps(seed_letter(), indent=2)
    assert '\n  <发文机关 办理类别="主办">' in pretty
    assert exchange.loads(pretty) == seed_letter()
    assert exchange.loads(pretty.encode("utf-8")) == seed_letter()


@given(reply_letters(text=SAFE))
def test_every_letter_round_trips(letter: ReplyLetter) -> None:
    """loads(dumps(x)) == x: every field of every letter has its place in the profile."""
    assert exchange.loads(exchange.dumps(letter)) == letter
    assert exchange.loads(exchange.dumps(letter, indent=1)) == letter


@given(reply_letters(text=SAFE))
def test_every_payload_validates_against_the_xsd(letter: ReplyLetter) -> None:
    """The profile's published XSD accepts every payload dumps writes."""
    assert SCHEMA.validate(root_of(letter))


@pytest.mark.parametrize(
    "text",
    ["  前后空格  ", "第一行\n第二行", "回车\r\n换行\r", "\t制表", "<b>&amp;</b> ]]>", "😀𠀀"],
)
def test_text_is_kept_exactly(text: str) -> None:
    """Spaces, line breaks, CRs, markup and astral characters survive, in text and attributes."""
    letter = attrs.evolve(
        seed_letter(),
        title=text,
        paragraphs=(Paragraph(text),),
        attachments=(AttachmentNote(text, label=text),),
    )
    back = exchange.loads(exchange.dumps(letter, indent=2))
    assert back.title == text
    assert back.paragraphs[0].text == text
    assert back.attachments == (AttachmentNote(text, label=text),)


def test_unwritable_characters_name_their_field() -> None:
    """A character XML 1.0 cannot carry raises ValidationError naming the field."""
    letter = attrs.evolve(
        seed_letter(), sections=(Section("一", (Paragraph("好"), Paragraph("坏\x0b"))),)
    )
    with pytest.raises(ValidationError) as info:
        exchange.dumps(letter)
    assert info.value.field == "sections[0].paragraphs[1].text"
    with pytest.raises(ValidationError) as info:
        exchange.dumps(attrs.evolve(seed_letter(), cc=("区\ufffe",)))
    assert info.value.field == "cc[0]"


# ------------------------------------------------------------------------------ reading


def test_schema_violations_have_lines_and_paths() -> None:
    """Every violation is listed with its line and an element path of Chinese names."""
    payload = exchange.dumps(seed_letter(), indent=1)
    bad = payload.replace('办理类别="主办"', '办理类别="会办"').replace(
        "<编号>55</编号>", "<编号>五十五</编号>", 1
    )
    problems = problems_of(bad)
    assert problems[0].startswith("line 2: /电子公文/发文机关: ")
    assert "会办" in problems[0]
    assert problems[1].startswith("line 23: /电子公文/公文体/主体/关联收文/编号: ")


def test_repeated_elements_are_numbered_in_paths() -> None:
    """A blank third paragraph is located as 段落[n] in its 层次."""
    letter = attrs.evolve(
        seed_letter(), sections=(Section("一", (Paragraph("甲"), Paragraph("乙"))),)
    )
    payload = exchange.dumps(letter).replace("<段落>乙</段落>", "<段落> </段落>")
    (problem,) = problems_of(payload)
    assert "/电子公文/公文体/主体/正文/层次[2]/段落[3]" in problem


def test_the_printed_number_must_agree_with_its_parts() -> None:
    """发文号 repeats 发文字号; a payload where they differ is refused."""
    payload = exchange.dumps(seed_letter()).replace(
        "<发文号>赣区教议〔2024〕2号", "<发文号>赣区教议〔2024〕3号"
    )
    (problem,) = problems_of(payload)
    assert problem.endswith("发文号 '赣区教议〔2024〕3号' is not 发文字号 '赣区教议〔2024〕2号'")
    alone = exchange.dumps(attrs.evolve(seed_letter(), doc_number=None)).replace(
        "<关联收文", "<发文号>赣区教议〔2024〕2号</发文号><关联收文"
    )
    assert problems_of(alone)[0].endswith("发文号 without 发文字号")


def test_a_number_printed_otherwise_keeps_its_text() -> None:
    """A misprinted number travels as its parts and its 原文; 发文号 is the printed text."""
    number = DocumentNumber.parse("赣区教议[2024]02号")
    root = root_of(attrs.evolve(seed_letter(), doc_number=number))
    assert root.findtext("公文体/眉首/发文字号/原文") == "赣区教议[2024]02号"
    assert root.findtext("公文体/主体/发文号") == str(number)


def test_model_invariants_are_located() -> None:
    """A contact line with nothing in it passes the XSD but not the model: located at it."""
    payload = exchange.dumps(seed_letter()).replace(
        "<联系方式><联系人>马国有</联系人><联系电话>0797—4436219</联系电话></联系方式>",
        "<联系方式/>",
    )
    (problem,) = problems_of(payload)
    assert (
        problem
        == "line 1: /电子公文/公文体/主体/联系方式: a contact needs a name, a phone or a unit"
    )


def test_a_vendor_payload_is_refused_clearly() -> None:
    """A payload in the wider vocabulary is refused, each difference named, nothing lost.

    It has no profile attributes, joins two copies in one element, and encodes 正文 as a file.
    """
    vendor = (
        '<电子公文 公文标识="x" 版本号="1.0" 公文类别="行政" 公文种类="函">'
        '<发文机关 组织机构代码="" 办理类别="主办">苏州市政府办公室</发文机关><公文体><眉首/><主体>'
        "<标题>关于…的函</标题><正文><版式文件>TUlJ</版式文件></正文></主体>"
        '<版记><抄送机关 抄送类型="抄报">省委、省政府</抄送机关></版记></公文体></电子公文>'
    )
    problems = problems_of(vendor)
    assert any("公文标识" in p for p in problems)
    assert any("/电子公文/公文体/主体/正文" in p for p in problems)
    assert any("抄送机关" in p and "省委、省政府" in p for p in problems)


def test_other_roots_are_refused() -> None:
    """A govreply XML letter is not an exchange payload."""
    assert problems_of(xml.dumps(seed_letter())) == [
        "line 1: /{urn:govreply:reply-letter:2}reply-letter: expected <电子公文> (no namespace)"
    ]


def test_hostile_payloads_fail_fast() -> None:
    """DOCTYPE, entities, size and depth are refused as formats.xml refuses them."""
    payload = exchange.dumps(seed_letter())
    attack = '<!DOCTYPE 电子公文 [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + payload
    assert "DOCTYPE is not allowed" in problems_of(attack)[0]
    assert "not well-formed" in problems_of(payload.replace("区人大选任联工委", "&x;"))[0]
    assert "exceeds the limit" in problems_of(payload, max_bytes=64)[0]
    deep = payload.replace("<开头>", "<开头>" + "<a>" * 40 + "</a>" * 40, 1)
    assert "deeper than 32 levels" in problems_of(deep)[0]
    assert "not well-formed" in problems_of("<" * 100_000)[0]


def test_bytes_are_read_in_their_declared_encoding() -> None:
    """Bytes with an encoding declaration are read in that encoding."""
    payload = '<?xml version="1.0" encoding="GB18030"?>' + exchange.dumps(seed_letter())
    assert exchange.loads(payload.encode("gb18030")) == seed_letter()


# ------------------------------------------------------------------------------ the docs

MAPPING = DOCS / "reference" / "exchange.md"


def _documented_fields() -> set[str]:
    """The model fields named in the first column of the mapping tables (``letter.cc``)."""
    found = set()
    for line in MAPPING.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|\s*`([a-z_.]+)`", line)
        if match:
            found.add(match[1])
    return found


@pytest.mark.parametrize(
    ("prefix", "cls"),
    [
        ("letter", ReplyLetter),
        ("doc_number", DocumentNumber),
        ("reference", ItemReference),
        ("contact", Contact),
        ("feedback_form", FeedbackForm),
    ],
)
def test_the_mapping_table_names_every_field(prefix: str, cls: type) -> None:
    """The docs map every field of the letter and of its parts to its element."""
    documented = _documented_fields()
    missing = [f.name for f in attrs.fields(cls) if f"{prefix}.{f.name}" not in documented]
    assert missing == []


# ------------------------------------------------------------------------------ scaling


def test_reading_scales_linearly() -> None:
    """Ten times the paragraphs take at most fifteen times as long to read."""

    def payload(n: int) -> str:
        paragraphs = tuple(Paragraph(f"第{i}段。") for i in range(n))
        return exchange.dumps(attrs.evolve(seed_letter(), paragraphs=paragraphs))

    small, large = payload(1000), payload(10_000)
    assert best(lambda: exchange.loads(large)) <= 15 * max(
        best(lambda: exchange.loads(small)), 2e-3
    )


def test_feedback_ratings_are_words() -> None:
    """Ratings travel as the form's words (满意, 基本满意, 不满意)."""
    blank = seed_letter().feedback_form
    assert blank is not None
    form = attrs.evolve(blank, attitude=Rating.BASICALLY_SATISFIED)
    root = root_of(attrs.evolve(seed_letter(), feedback_form=form))
    assert root.findtext("公文体/主体/附件/征询意见表/办理态度") == "基本满意"
