"""Tests for govreply.rules: the seed's findings, one failing and one passing case per rule."""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Any, NamedTuple

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreply import rules
from govreply.errors import ValidationError
from govreply.examples import seed_letter
from govreply.model import (
    Addressees,
    AttachmentNote,
    Classification,
    ClassificationScheme,
    DocumentNumber,
    FeedbackForm,
    ItemKind,
    Paragraph,
    ReplyLetter,
    ReplyRole,
    Section,
    Severity,
    get_scheme,
)
from govreply.rules import RULES, check
from govreply.testing import reply_letters

SEED = seed_letter()


def well_formed() -> ReplyLetter:
    """The seed with its four deviations repaired."""
    return attrs.evolve(
        SEED,
        attachments=(AttachmentNote("区人大代表建议办理情况征询意见表"),),
        signed_by="赣州市赣县区教育科技体育局",
        date=datetime.date(2024, 6, 20),
        cc=("区人大选任联工委", "区政府督查室"),
        cc_stop=True,
    )


GOOD = well_formed()


def letter(**changes: Any) -> ReplyLetter:
    """The well-formed letter with some fields replaced."""
    return attrs.evolve(GOOD, **changes)


def form(**changes: Any) -> ReplyLetter:
    """The well-formed letter with some fields of its feedback form replaced."""
    assert GOOD.feedback_form is not None
    return letter(feedback_form=attrs.evolve(GOOD.feedback_form, **changes))


def number(printed: str) -> DocumentNumber:
    """The seed's doc number (赣区教议〔2024〕2号) as printed some way."""
    return DocumentNumber("赣区教议", 2024, 2, printed=printed)


def section(heading: str, *subsections: Section, text: str = "正文。") -> Section:
    """A section with one paragraph of ``text``."""
    return Section(heading, (Paragraph(text),), subsections)


def body(*first: Section) -> tuple[Section, ...]:
    """The well-formed letter's sections with the first one replaced by ``first``."""
    return (*first, *GOOD.sections[1:])


def paragraphs(*texts: str) -> tuple[Section, ...]:
    """The well-formed letter's sections, the first holding paragraphs of ``texts``."""
    first = GOOD.sections[0]
    return body(attrs.evolve(first, paragraphs=tuple(Paragraph(t) for t in texts)))


class Case(NamedTuple):
    code: str
    location: str
    bad: ReplyLetter
    good: ReplyLetter
    scheme: str | None = None
    good_scheme: str | None = None


TWO_SUBSECTIONS = section("加强领导", section("压实责任。"), section("细化分工。"))

CASES = [
    Case(
        "GR101",
        "doc_number",
        letter(doc_number=number("赣区教议[2024]2号")),
        letter(doc_number=number("赣区教议〔2024〕2号")),
    ),
    Case("GR101", "doc_number", letter(doc_number=number("赣区教议【2024】2号")), GOOD),
    Case("GR102", "doc_number", letter(doc_number=number("赣区教议〔24〕2号")), GOOD),
    Case("GR103", "doc_number", letter(doc_number=number("赣区教议〔2024〕02号")), GOOD),
    Case("GR104", "doc_number", letter(doc_number=number("赣区教议〔2024〕第2号")), GOOD),
    Case("GR105", "doc_number", letter(doc_number=number("赣区教议〔２０２４〕2号")), GOOD),
    Case("GR105", "doc_number", letter(doc_number=number("赣区教议 〔2024〕2号")), GOOD),
    Case("GR106", "doc_number", letter(doc_number=number("赣区教议〔2023〕2号")), GOOD),
    Case("GR106", "doc_number", letter(doc_number=number("湘教提复字〔2019〕来信号")), GOOD),
    Case("GR106", "doc_number", letter(doc_number=DocumentNumber(printed="赣区教议2号")), GOOD),
    Case("GR200", "title", letter(title=None), GOOD),
    Case(
        "GR201",
        "title",
        letter(title="关于区二届人大四次会议第55号建议答复的函。"),
        letter(title="关于对《关于关注师生心理健康的建议》的答复"),
    ),
    Case("GR202", "title", letter(title="关于区二届人大四次会议 第55号建议答复的函"), GOOD),
    Case("GR202", "title", letter(title="关于区二届人大四次会议\u3000第55号建议答复的函"), GOOD),
    Case("GR203", "title", letter(title="关于《关于关注师生心理健康的建议的答复"), GOOD),
    Case("GR203", "title", letter(title="关于关于关注师生心理健康的建议》的答复"), GOOD),
    Case("GR203", "title", letter(title="关于《转发〈通知》〉的函"), GOOD),
    Case(
        "GR204",
        "title",
        letter(title="关于转发《关于《进一步规范》的通知》的函"),
        letter(title="关于转发《关于〈进一步规范〉的通知》的函"),
    ),
    Case("GR204", "title", letter(title="关于转发〈进一步规范〉的函"), GOOD),
    Case(
        "GR301",
        "sections[0].heading",
        letter(sections=body(section("一、全力推进学校减负工作"))),
        letter(sections=body(section("全力推进学校减负工作"))),
    ),
    Case(
        "GR301",
        "sections[0].subsections[1].heading",
        letter(sections=body(section("加强领导", section("压实责任"), section("（二）细化分工")))),
        letter(sections=body(TWO_SUBSECTIONS)),
    ),
    Case(
        "GR302",
        "sections[0].heading",
        letter(sections=body(section("全力推进学校减负工作。"))),
        letter(sections=body(TWO_SUBSECTIONS)),
    ),
    Case(
        "GR303",
        "sections[0].subsections",
        letter(sections=body(section("加强领导", section("压实责任")))),
        letter(sections=body(TWO_SUBSECTIONS)),
    ),
    Case(
        "GR303", "sections", letter(sections=GOOD.sections[:1]), letter(sections=GOOD.sections[:2])
    ),
    Case(
        "GR304",
        "sections[0].paragraphs[0]",
        letter(sections=paragraphs("一是减负。三是培训。")),
        letter(sections=paragraphs("一是减负。", "二是培训。三是考核。")),
    ),
    Case(
        "GR304",
        "sections[0].paragraphs[0]",
        letter(sections=paragraphs("二是培训。")),
        letter(sections=paragraphs("一是减负。二是培训。", "一是加强领导。二是细化分工。")),
    ),
    Case(
        "GR304",
        "paragraphs[1]",
        letter(paragraphs=(Paragraph("一是减负。"), Paragraph("二是培训。二是考核。"))),
        letter(paragraphs=(Paragraph("日期格式统一是年月日。"), Paragraph("一是一，二是二。"))),
    ),
    Case(
        "GR401",
        "attachments[0].label",
        letter(attachments=(AttachmentNote("区人大代表建议办理情况征询意见表", label="附"),)),
        GOOD,
    ),
    Case(
        "GR402",
        "attachments[1].title",
        letter(attachments=(AttachmentNote("征询意见表"), AttachmentNote("办理情况说明。"))),
        letter(attachments=(AttachmentNote("征询意见表"), AttachmentNote("办理情况说明"))),
    ),
    Case("GR410", "signed_by", letter(signed_by=None), GOOD),
    Case("GR411", "date", letter(date=None), GOOD),
    Case(
        "GR412",
        "date",
        letter(date=datetime.date(2023, 12, 30)),
        letter(doc_number=None, date=datetime.date(2023, 12, 30)),
    ),
    Case("GR420", "notes[0]", letter(notes=("此件公开发布",)), letter(notes=("（此件公开发布）",))),
    Case("GR420", "notes[0]", letter(notes=("(此件公开发布)",)), GOOD),
    Case(
        "GR430",
        "cc_stop",
        letter(cc=("区人大选任联工委", "区政府督查室"), cc_stop=False),
        letter(cc=("区人大选任联工委",)),
    ),
    Case("GR430", "cc_stop", letter(cc=(), cc_superiors=("市政府",), cc_stop=False), GOOD),
    Case("GR431", "cc[0]", letter(cc=("区人大选任联工委！", "区政府督查室")), GOOD),
    Case("GR431", "cc_superiors[0]", letter(cc_superiors=("市政府：",)), GOOD),
    Case("GR440", "contact", letter(contact=None), GOOD),
    Case(
        "GR501",
        "addressees.total",
        letter(addressees=Addressees(("马雪梅", "黄春英", "李珍"), total=2, role="代表")),
        letter(addressees=Addressees(("马雪梅", "黄春英", "李珍"), total=3, role="代表")),
    ),
    Case(
        "GR501",
        "feedback_form.deputies.total",
        form(deputies=Addressees(("马雪梅", "黄春英", "李珍"), total=1, role="代表")),
        form(deputies=Addressees(("马雪梅", "黄春英", "李珍"), role="代表")),
    ),
    Case(
        "GR502",
        "reference.kind",
        letter(reference=attrs.evolve(GOOD.reference, kind=ItemKind.PROPOSAL)),
        GOOD,
    ),
    Case(
        "GR506",
        "addressees.role",
        letter(addressees=Addressees(("马雪梅",), role="委员"), feedback_form=None),
        letter(
            addressees=Addressees(("马雪梅",), role="委员"),
            role=ReplyRole.CO_HANDLING,
            feedback_form=None,
        ),
    ),
    Case(
        "GR503",
        "title",
        letter(title="关于区二届人大四次会议第56号建议答复的函"),
        letter(title="关于区二届人大四次会议第五十五号建议答复的函"),
    ),
    Case(
        "GR503",
        "title",
        letter(title="关于区二届人大四次会议第五十六号建议答复的函"),
        letter(title="关于区二届人大四次会议第十十号建议答复的函"),
    ),
    Case(
        "GR504",
        "opening",
        letter(opening="您提出的《关于关注师生心理健康的建议》收悉，现答复如下："),
        letter(
            opening="您提出的《关于关注师生心理健康的建议》（第五十五号建议）收悉，现答复如下："
        ),
    ),
    Case(
        "GR504",
        "opening",
        letter(opening="您提出的《关于关注师生心理健康的建议》（第550号建议）收悉，现答复如下："),
        letter(opening="您提出的“关于关注师生心理健康的建议”(第 55 号)收悉，现答复如下："),
    ),
    Case(
        "GR505",
        "opening",
        letter(opening="您提出的第55号建议收悉，经认真研究办理，现答复如下："),
        letter(opening=None),
    ),
    Case("GR601", "classification", GOOD, GOOD, scheme="npc", good_scheme="ganxian"),
    Case(
        "GR602",
        "feedback_form.classification",
        letter(classification=None),
        letter(classification=None),
        scheme="npc",
        good_scheme="ganxian",
    ),
    Case(
        "GR603",
        "feedback_form.classification_options[1]",
        form(classification_options=("A1", "X9")),
        form(classification_options=("A1", "甲2")),
    ),
    Case(
        "GR701",
        "feedback_form.deputies",
        form(deputies=Addressees(("马雪梅",), total=12)),
        form(deputies=Addressees(("马雪梅", "黄春英", "李珍"))),
    ),
    Case(
        "GR702",
        "feedback_form.item.number",
        form(item=attrs.evolve(GOOD.reference, number=56)),
        form(item=attrs.evolve(GOOD.reference, number=None)),
    ),
    Case(
        "GR703",
        "feedback_form.item.title",
        form(item=attrs.evolve(GOOD.reference, title="关于师生心理健康的建议")),
        form(item=attrs.evolve(GOOD.reference, title="《关于关注师生 心理健康的建议》")),
    ),
    Case(
        "GR704",
        "feedback_form.classification_options",
        form(classification_options=("A2", "B1")),
        form(classification_options=("A1",)),
    ),
    Case(
        "GR704",
        "feedback_form.classification_options",
        form(classification=None, classification_options=("A2", "B1")),
        form(classification=None, classification_options=()),
    ),
    Case(
        "GR705",
        "feedback_form.classification",
        form(classification=Classification("B1")),
        form(classification=None),
    ),
    Case(
        "GR706",
        "feedback_form.handler",
        form(handler="赣县区教育局"),
        attrs.evolve(form(handler="赣县区教育局"), role=ReplyRole.CO_HANDLING),
    ),
]


def _case_id(case: Case) -> str:
    return f"{case.code}-{case.location}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_rule_reports_exactly_its_deviation(case: Case) -> None:
    """A well-formed letter with one deviation gives that rule's finding and nothing else."""
    findings = check(case.bad, scheme=case.scheme)
    assert [(f.code, f.location) for f in findings] == [(case.code, case.location)]
    assert findings[0].severity is RULES[case.code].severity


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_rule_passes_a_conforming_variant(case: Case) -> None:
    """The conforming variant next to each deviation gives no finding."""
    assert check(case.good, scheme=case.good_scheme) == []


def test_every_rule_has_a_case() -> None:
    """Each code in the table is exercised by a failing and a passing case."""
    assert {case.code for case in CASES} == set(RULES)


def test_seed_gives_exactly_its_real_deviations() -> None:
    """The seed prints 附 for 附件, no final 。 after 抄送, and has no signature or date."""
    findings = check(SEED)
    assert [(f.code, f.severity, f.location) for f in findings] == [
        ("GR401", Severity.WARNING, "attachments[0].label"),
        ("GR410", Severity.ERROR, "signed_by"),
        ("GR411", Severity.ERROR, "date"),
        ("GR430", Severity.WARNING, "cc_stop"),
    ]


def test_seed_fits_the_ganxian_scheme() -> None:
    """The ganxian scheme defines A1, so it adds no finding."""
    assert check(SEED, scheme="ganxian") == check(SEED)
    assert check(SEED, scheme=get_scheme("ganxian")) == check(SEED)


def test_seed_breaks_the_npc_scheme() -> None:
    """The npc scheme offers A-D only, so the seed's A1 is reported once, first."""
    findings = check(SEED, scheme="npc")
    assert findings[0].code == "GR601"
    assert findings[0].location == "classification"
    assert "'A1'" in findings[0].message
    assert findings[1:] == check(SEED)


def test_well_formed_letter_gives_no_findings() -> None:
    """The repaired seed follows every rule, with or without its scheme."""
    assert check(GOOD) == []
    assert check(GOOD, scheme="ganxian") == []


def test_custom_scheme_object_is_used() -> None:
    """A ClassificationScheme passed directly decides which codes are accepted."""
    only_a2 = ClassificationScheme("only-a2", {"A": "solved"}, ("A2",))
    assert [f.code for f in check(GOOD, scheme=only_a2)] == ["GR601"]


def test_unknown_scheme_name_raises() -> None:
    """A scheme name nobody registered is a ValidationError, not an empty check."""
    with pytest.raises(ValidationError, match="unknown classification scheme"):
        check(GOOD, scheme="no-such-scheme")


def test_minimal_letter_reports_missing_parts_only() -> None:
    """A letter with only the required parts misses signature, date and contact."""
    bare = ReplyLetter(
        kind=ItemKind.SUGGESTION,
        title="关于第55号建议答复的函",
        reference=attrs.evolve(GOOD.reference, title=None),
        addressees=Addressees(("马雪梅",), role="代表"),
    )
    assert [f.code for f in check(bare)] == ["GR410", "GR411", "GR440"]


def test_form_without_classification_uses_the_letter_s() -> None:
    """A blank form classification is checked through the letter's against the options."""
    blank = FeedbackForm(
        title="征询意见表",
        deputies=GOOD.addressees,
        item=GOOD.reference,
        classification_options=("B1", "B2"),
    )
    assert [f.code for f in check(letter(feedback_form=blank))] == ["GR704"]


# -- the documented table --------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(line: str, start: int, end: int) -> str:
    """The characters of ``line`` between display columns ``start`` and ``end``."""
    out, column = [], 0
    for ch in line:
        if start <= column < end:
            out.append(ch)
        column += _width(ch)
    return "".join(out).strip()


def documented_table() -> dict[str, tuple[str, str, str]]:
    """The code table in the module docstring: code -> (severity, rule, source)."""
    assert rules.__doc__ is not None
    lines = rules.__doc__.splitlines()
    borders = [i for i, line in enumerate(lines) if line.startswith("===== ")]
    spans = [(m.start(), m.end() + 1) for m in re.finditer(r"=+", lines[borders[0]])]
    table: dict[str, tuple[str, str, str]] = {}
    for line in lines[borders[1] + 1 : borders[2]]:
        code, level, rule, source = (_cut(line, a, b) for a, b in spans)
        table[code] = (level, rule, source)
    return table


def test_docstring_table_matches_the_rules() -> None:
    """The module docstring documents every rule with its severity, summary and source."""
    assert documented_table() == {
        r.code: (r.severity.value, r.summary, r.source) for r in RULES.values()
    }


def test_codes_are_stable_and_well_formed() -> None:
    """Codes are GR and three digits, grouped by the part of the letter, in table order."""
    assert all(re.fullmatch(r"GR[1-7]\d\d", code) for code in RULES)
    assert list(RULES) == sorted(RULES)


# -- properties ------------------------------------------------------------------------------

_FIELDS = [field.name for field in attrs.fields(ReplyLetter)]
_DOCUMENTED = documented_table()


@given(reply_letters(), st.sampled_from([None, "npc", "ganxian"]))
def test_check_never_raises_and_reports_documented_codes(
    letter: ReplyLetter, scheme: str | None
) -> None:
    """Any valid letter is checked without error; each finding is a documented rule."""
    findings = check(letter, scheme=scheme)
    for f in findings:
        assert f.code in _DOCUMENTED
        assert f.severity.value == _DOCUMENTED[f.code][0]
        assert f.location


@given(reply_letters())
def test_findings_follow_the_letter_s_order(letter: ReplyLetter) -> None:
    """Findings are ordered by the position of the part they concern."""
    positions = [_FIELDS.index(re.split(r"[.\[]", f.location or "")[0]) for f in check(letter)]
    assert positions == sorted(positions)


@given(reply_letters())
def test_check_is_deterministic(letter: ReplyLetter) -> None:
    """Checking a letter twice gives the same findings."""
    assert check(letter) == check(letter)
