"""The model: invariants, named constructors, vocabularies, schemes and formula builders."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreply import testing
from govreply.errors import ValidationError
from govreply.examples import seed_letter
from govreply.model import (
    Addressees,
    AttachmentNote,
    Classification,
    ClassificationScheme,
    Congress,
    CongressBody,
    Contact,
    Disclosure,
    DisclosureKind,
    DocumentNumber,
    FeedbackForm,
    Finding,
    Item,
    ItemKind,
    ItemReference,
    Paragraph,
    Rating,
    ReplyLetter,
    ReplyRole,
    Section,
    Severity,
    get_scheme,
    register_scheme,
    scheme_names,
    standard_closing,
    standard_opening,
    standard_title,
)

REF = ItemReference(
    kind=ItemKind.SUGGESTION,
    congress=Congress(CongressBody.NPC, "区", 2, 4),
    number=55,
    title="关于关注师生心理健康的建议",
)


def letter(**changes: Any) -> ReplyLetter:
    base = ReplyLetter(
        kind=ItemKind.SUGGESTION,
        title="关于区二届人大四次会议第55号建议答复的函",
        reference=REF,
        addressees=Addressees(("马雪梅",), role="代表"),
    )
    return attrs.evolve(base, **changes)


# --- DocumentNumber -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "code", "year", "serial", "kept"),
    [
        ("赣区教议〔2024〕2号", "赣区教议", 2024, 2, None),
        ("赣区教议[2024]2号", "赣区教议", 2024, 2, "赣区教议[2024]2号"),
        ("赣区教议【2024】2号", "赣区教议", 2024, 2, "赣区教议【2024】2号"),
        ("赣区教议(2024)2号", "赣区教议", 2024, 2, "赣区教议(2024)2号"),
        ("赣区教议（2024）2号", "赣区教议", 2024, 2, "赣区教议（2024）2号"),
        ("赣区教议〔2024〕第2号", "赣区教议", 2024, 2, "赣区教议〔2024〕第2号"),
        ("赣区教议〔2024〕02号", "赣区教议", 2024, 2, "赣区教议〔2024〕02号"),
        ("赣区教议〔２０２４〕１２号", "赣区教议", 2024, 12, "赣区教议〔２０２４〕１２号"),
        ("  沙政议字〔2023〕105号 ", "沙政议字", 2023, 105, None),
    ],
)
def test_document_number_parse_reads_standard_and_misprinted_forms(
    printed: str, code: str, year: int, serial: int, kept: str | None
) -> None:
    """DocumentNumber.parse reads misprints and keeps the printed text when it is non-standard."""
    number = DocumentNumber.parse(printed)
    assert (number.agency_code, number.year, number.serial, number.printed) == (
        code,
        year,
        serial,
        kept,
    )
    assert str(number) == f"{code}〔{year}〕{serial}号"
    assert number.as_printed == (kept or str(number))


@pytest.mark.parametrize(
    ("printed", "code", "year", "serial"),
    [
        ("赣区教议〔24〕2号", "赣区教议", None, 2),
        ("〔2024〕2号", None, 2024, 2),
        ("赣区教议〔2024〕号", "赣区教议", 2024, None),
        ("湘教提复字〔2019〕来信号", "湘教提复字", 2019, None),
        ("建议字:〔2023〕8号", "建议字", 2023, 8),
        ("浙交建2018101号", "浙交建", 2018, 101),
        ("赣区教议〔2024〕2", "赣区教议", 2024, 2),
    ],
)
def test_document_number_parse_keeps_damaged_numbers(
    printed: str, code: str | None, year: int | None, serial: int | None
) -> None:
    """Damaged or non-numeric numbers load: the parts that can be read, and the text as printed."""
    number = DocumentNumber.parse(printed)
    assert (number.agency_code, number.year, number.serial) == (code, year, serial)
    assert number.as_printed == printed
    assert str(number) == (number.standard or printed)


def test_document_number_without_parts_needs_its_printed_text() -> None:
    """A number missing a part must keep what was printed, so nothing is lost."""
    with pytest.raises(ValidationError, match="printed text"):
        DocumentNumber("赣区教议", 2024, None)
    assert DocumentNumber(printed="〔2019〕来信号").standard is None


@pytest.mark.parametrize("bad", ["", "赣区教议", "关于加强管理的通知", "x" * 81])
def test_document_number_parse_rejects_non_numbers(bad: str) -> None:
    """Text that is not a document number raises ValidationError naming doc_number."""
    with pytest.raises(ValidationError, match="not a document number") as info:
        DocumentNumber.parse(bad)
    assert info.value.field == "doc_number"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"agency_code": "", "year": 2024, "serial": 1}, "agency_code"),
        ({"agency_code": "赣", "year": 24, "serial": 1}, "year"),
        ({"agency_code": "赣", "year": 20240, "serial": 1}, "year"),
        ({"agency_code": "赣", "year": 2024, "serial": 0}, "serial"),
    ],
)
def test_document_number_invariants(kwargs: dict[str, object], field: str) -> None:
    """A blank code, a year that is not four digits or a serial below 1 is rejected."""
    with pytest.raises(ValidationError) as info:
        DocumentNumber(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


# --- Classification -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("（A1）", "A1"),
        ("(A1)", "A1"),
        ("A类", "A"),
        ("类别：B", "B"),
        ("类别:B", "B"),
        ("办理结果：（C）", "C"),
        ("答复类别：A类", "A"),
        ("B类答复", "B"),
        ("b2", "B2"),
        ("（甲）", "甲"),
    ],
)
def test_classification_parse_reads_printed_forms(printed: str, code: str) -> None:
    """Classification.parse reads the printed forms found in real letters."""
    assert Classification.parse(printed).code == code


@pytest.mark.parametrize("bad", ["", "E", "A0", "A12", "类别：", "满意"])
def test_classification_rejects_bad_codes(bad: str) -> None:
    """Codes outside [A-D甲乙丙丁][1-9]? are rejected, parsed or constructed."""
    with pytest.raises(ValidationError):
        Classification.parse(bad)
    with pytest.raises(ValidationError, match="classification code"):
        Classification(bad)


def test_classification_grade_and_subcode() -> None:
    """Grade is the letter and subcode the digit, or None."""
    assert (Classification("B2").grade, Classification("B2").subcode) == ("B", "2")
    assert Classification("C").subcode is None
    assert str(Classification("A1")) == "A1"


# --- Schemes ------------------------------------------------------------------------------------


def test_builtin_schemes_describe_codes() -> None:
    """Npc describes grades A-D; ganxian offers A1-C2 and describes them by grade."""
    assert set(scheme_names()) >= {"npc", "ganxian"}
    npc, ganxian = get_scheme("npc"), get_scheme("ganxian")
    assert npc.describe(Classification("D")) == "留作参考"
    assert npc.accepts(Classification("A"))
    assert not npc.accepts(Classification("A1"))
    assert ganxian.options == ("A1", "A2", "A3", "B1", "B2", "C1", "C2")
    assert ganxian.describe(Classification("B2")).startswith("正在解决")
    with pytest.raises(ValidationError, match="does not define"):
        ganxian.describe(Classification("A"))


def test_register_scheme_adds_and_guards_names() -> None:
    """A registered scheme is found by name; a name clash needs replace=True."""
    scheme = ClassificationScheme("test-tiers", {"甲": "已解决", "乙": "未解决"}, ("甲", "乙"))
    register_scheme(scheme)
    assert get_scheme("test-tiers") is scheme
    with pytest.raises(ValidationError, match="already registered"):
        register_scheme(scheme)
    register_scheme(scheme, replace=True)
    with pytest.raises(ValidationError, match="unknown classification scheme"):
        get_scheme("no-such-scheme")


def test_scheme_rejects_options_without_meaning() -> None:
    """Every option needs a meaning for itself or its grade, and codes must be valid."""
    with pytest.raises(ValidationError, match="no meaning"):
        ClassificationScheme("x", {"A": "ok"}, ("B1",))
    with pytest.raises(ValidationError):
        ClassificationScheme("x", {"Z": "bad"})


def test_schemes_compare_and_hash_by_value() -> None:
    """Schemes are frozen values."""
    a = ClassificationScheme("x", {"A": "ok"})
    assert a == ClassificationScheme("x", {"A": "ok"})
    assert hash(a) == hash(ClassificationScheme("x", {"A": "ok"}))


# --- Congress and references -------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "body", "level", "term", "session"),
    [
        ("区二届人大四次会议", CongressBody.NPC, "区", 2, 4),
        ("沙河市第九届人民代表大会第三次会议", CongressBody.NPC, "沙河市", 9, 3),
        ("市政协第二届委员会第五次会议", CongressBody.CPPCC, "市", 2, 5),
        ("市十六届政协二次会议", CongressBody.CPPCC, "市", 16, 2),
        ("政协赣州市第六届委员会第三次会议", CongressBody.CPPCC, "赣州市", 6, 3),
        ("十四届全国人大二次会议", CongressBody.NPC, "全国", 14, 2),
        ("省十四届人大一次会议", CongressBody.NPC, "省", 14, 1),
        ("县第十八届人民代表大会", CongressBody.NPC, "县", 18, None),
    ],
)
def test_congress_parse(
    phrase: str, body: CongressBody, level: str, term: int, session: int | None
) -> None:
    """Congress.parse reads long and short session phrases of both bodies, keeping the phrase."""
    congress = Congress.parse(phrase)
    assert attrs.evolve(congress, printed=None) == Congress(body, level, term, session)
    assert str(congress) == phrase


@pytest.mark.parametrize("bad", ["", "区人大", "第二届", "区二届会议"])
def test_congress_parse_rejects_phrases_without_term_or_body(bad: str) -> None:
    """A phrase without a term or a body is not a congress session."""
    with pytest.raises(ValidationError, match="congress"):
        Congress.parse(bad)


def test_congress_str_is_the_short_form() -> None:
    """str() gives the short form used in titles."""
    assert str(Congress(CongressBody.CPPCC, "市", 16, 2)) == "市十六届政协二次会议"
    assert str(Congress(CongressBody.NPC, "全国", 14)) == "十四届全国人大"
    with pytest.raises(ValidationError):
        Congress(CongressBody.NPC, "区", 0)


def test_item_reference_label() -> None:
    """Label cites the item as 第N号建议 / 第N号提案."""
    assert REF.label == "第55号建议"
    assert attrs.evolve(REF, kind=ItemKind.PROPOSAL).label == "第55号提案"
    assert attrs.evolve(REF, number=None).label is None
    with pytest.raises(ValidationError):
        attrs.evolve(REF, number=0)


# --- Addressees -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names", "total", "role"),
    [
        ("马雪梅、黄春英、李珍等12名代表：", ("马雪梅", "黄春英", "李珍"), 12, "代表"),
        ("尊敬的王芳委员：", ("王芳",), None, "委员"),
        ("张三代表您好：", ("张三",), None, "代表"),
        ("李四、王五委员：", ("李四", "王五"), None, "委员"),
        ("市教育局：", ("市教育局",), None, None),
        ("刘洋等十二位代表:", ("刘洋",), 12, "代表"),
        ("司长虹、杨胜利二位代表：", ("司长虹", "杨胜利"), 2, "代表"),
        ("张三：：", ("张三",), None, None),
    ],
)
def test_addressees_parse(line: str, names: tuple[str, ...], total: int | None, role: str) -> None:
    """Addressees.parse reads names, head count, role and drops honorifics."""
    assert Addressees.parse(line) == Addressees(names, total=total, role=role)


@pytest.mark.parametrize(
    ("line", "printed"),
    [("马青、周丽等委员:", "马青、周丽等委员"), ("罗英等代表", "罗英等代表"), ("张三：：", "张三")],
)
def test_addressees_keep_a_bare_et_al(line: str, printed: str) -> None:
    """A 等 without a count is kept (et_al) and printed back."""
    assert str(Addressees.parse(line)) == printed
    assert Addressees.parse(line).et_al == ("等" in line)


@pytest.mark.parametrize(
    ("line", "unit", "name"),
    [
        ("九三学社市委会李四委员：", "九三学社市委会", "李四"),
        ("县政协经济委员会张三委员", "县政协经济委员会", "张三"),
    ],
)
def test_a_unit_around_the_name_is_kept_apart(line: str, unit: str, name: str) -> None:
    """九三学社市委会李四委员: the name is 李四, the unit is kept and printed back."""
    addressees = Addressees.parse(line)
    assert (addressees.names, addressees.unit) == ((name,), unit)
    assert str(addressees) == line.rstrip("：")


@pytest.mark.parametrize(
    ("line", "role"), [("各位代表：", "代表"), ("代表们：", "代表"), ("各位委员", "委员")]
)
def test_collective_addressees_have_no_names(line: str, role: str) -> None:
    """各位代表 addresses the deputies as a body: a role and no names."""
    assert Addressees.parse(line) == Addressees((), role=role)


def test_addressees_str_and_invariants() -> None:
    """str() prints the addressee line; empty names, 、 inside a name or total < 1 are rejected."""
    assert str(Addressees(("马雪梅", "李珍"), total=12, role="代表")) == "马雪梅、李珍等12名代表"
    assert str(Addressees(("市教育局",))) == "市教育局"
    with pytest.raises(ValidationError, match="at least one"):
        Addressees(())
    assert str(Addressees((), role="代表")) == "各位代表"
    with pytest.raises(ValidationError, match="et_al"):
        Addressees(("甲",), total=3, et_al=True)
    with pytest.raises(ValidationError, match="list separator"):
        Addressees(("马雪梅、李珍",))
    with pytest.raises(ValidationError):
        Addressees(("",))
    with pytest.raises(ValidationError):
        Addressees(("a",), total=0)
    with pytest.raises(ValidationError, match="not an addressee line"):
        Addressees.parse("：")


def test_addressees_total_below_names_is_representable() -> None:
    """A printed total below the number of names is a misprint that must still load."""
    assert Addressees(("甲", "乙", "丙"), total=2).total == 2


# --- Body parts -------------------------------------------------------------------------------


def test_paragraph_items_rebuild_the_text() -> None:
    """A paragraph's lead plus its items' texts is its text."""
    p = Paragraph("我局做了三件事。一是减负；二是培训；三是宣传。")
    assert [i.ordinal for i in p.items] == [1, 2, 3]
    assert p.lead + "".join(i.text for i in p.items) == p.text
    assert Paragraph("统一是关键。").items == ()
    assert Paragraph("统一是关键。").lead == "统一是关键。"
    assert Item(1, "一是") == Item(1, "一是")


def test_section_depth_and_letter_rejects_unlabelled_levels() -> None:
    """Sections nest four labelled levels; a fifth is rejected by the letter."""
    deep = Section("d")
    for _ in range(3):
        deep = Section("h", subsections=(deep,))
    assert deep.depth == 4
    assert letter(sections=(deep,)).sections == (deep,)
    with pytest.raises(ValidationError, match="nests 5 levels") as info:
        letter(sections=(Section("top", subsections=(deep,)),))
    assert info.value.field == "sections[0]"
    with pytest.raises(ValidationError):
        Section(" ")


def test_contact_needs_name_phone_or_unit() -> None:
    """A contact with neither name, phone nor unit is rejected."""
    assert Contact(phone="0797-4436219").name is None
    assert Contact(unit="县教育局").unit == "县教育局"
    with pytest.raises(ValidationError, match="name, a phone or a unit"):
        Contact()


def test_attachment_note_defaults_to_standard_label() -> None:
    """The label defaults to 附件."""
    assert AttachmentNote("征询意见表").label == "附件"


@pytest.mark.parametrize(
    ("note", "kind"),
    [
        ("（同意对外公开）", DisclosureKind.CONSENT),
        ("是否同意公开：是", DisclosureKind.CONSENT),
        ("是否同意公开：否", DisclosureKind.NO_CONSENT),
        ("不同意公开", DisclosureKind.NO_CONSENT),
        ("（此件公开发布）", DisclosureKind.PUBLIC),
        ("注：“主动公开”。", DisclosureKind.PUBLIC),
        ("依申请公开", DisclosureKind.ON_REQUEST),
        ("不予公开", DisclosureKind.NOT_PUBLIC),
        ("此件仅供参考", DisclosureKind.UNKNOWN),
    ],
)
def test_disclosure_parse_infers_kind(note: str, kind: DisclosureKind) -> None:
    """Disclosure.parse keeps the note and infers its kind."""
    parsed = Disclosure.parse(note)
    assert parsed.kind is kind
    assert parsed.text == note.strip("（）")


def test_disclosure_parse_rejects_empty_note() -> None:
    """An empty note is an error."""
    with pytest.raises(ValidationError):
        Disclosure.parse("（）")


# --- Vocabularies ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("member", "word"),
    [
        (Rating.SATISFIED, "满意"),
        (Rating.BASICALLY_SATISFIED, "基本满意"),
        (Rating.DISSATISFIED, "不满意"),
        (ItemKind.PROPOSAL, "提案"),
        (ItemKind.SUGGESTION, "建议"),
        (ReplyRole.CO_HANDLING, "会办意见"),
        (CongressBody.CPPCC, "政协"),
        (Severity.ERROR, "错误"),
    ],
)
def test_enums_carry_their_chinese_wording(member: Rating, word: str) -> None:
    """Every member maps to its Chinese wording and back (layout spaces ignored)."""
    assert member.chinese == word
    assert type(member).from_chinese(" ".join(word)) is member


def test_enum_from_unknown_wording_lists_the_choices() -> None:
    """An unknown wording raises ValidationError listing the known ones."""
    with pytest.raises(ValidationError, match="满意、基本满意、不满意"):
        Rating.from_chinese("很满意")


# --- Letter, form and finding -----------------------------------------------------------------


def test_letter_defaults_and_value_semantics() -> None:
    """Optional parts default to None or (); letters compare and hash by value."""
    a = letter()
    assert a.role is ReplyRole.REPLY
    assert (a.doc_number, a.sections, a.cc, a.feedback_form) == (None, (), (), None)
    assert a == letter()
    assert hash(a) == hash(letter())
    assert a != letter(date=datetime.date(2024, 5, 20))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.title = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "changes",
    [{"title": ""}, {"issuer": " "}, {"cc": ("区政府", "")}, {"notes": ("",)}, {"opening": ""}],
)
def test_letter_rejects_blank_text(changes: dict[str, Any]) -> None:
    """Blank text where text is required or given is an invariant violation."""
    with pytest.raises(ValidationError):
        letter(**changes)


def test_feedback_form_rejects_blank_options() -> None:
    """Form options and remarks must be non-blank."""
    with pytest.raises(ValidationError):
        FeedbackForm(
            title="表", deputies=Addressees(("a",)), item=REF, classification_options=("",)
        )


def test_finding_str() -> None:
    """A finding prints code, severity, location and message on one line."""
    f = Finding(code="GT101", severity=Severity.WARNING, message="joined", line=7)
    assert str(f) == "GT101 warning line 7: joined"


# --- Formulas --------------------------------------------------------------------------------


def test_standard_formulas() -> None:
    """Titles, openings and closings follow the usual formulas for each kind and role."""
    assert standard_title(REF) == "关于区二届人大四次会议第55号建议答复的函"
    proposal = ItemReference(
        kind=ItemKind.PROPOSAL, congress=Congress.parse("市十六届政协二次会议"), number=12
    )
    assert standard_title(proposal) == "关于市十六届政协二次会议第12号提案答复的函"
    assert standard_title(REF, role=ReplyRole.CO_HANDLING).endswith("第55号建议会办意见的函")
    untitled = ItemReference(kind=ItemKind.SUGGESTION, title="关于修路的建议")
    assert standard_title(untitled) == "关于《关于修路的建议》答复的函"
    with pytest.raises(ValidationError):
        standard_title(ItemReference(kind=ItemKind.SUGGESTION))
    assert standard_opening(REF) == (
        "您提出的《关于关注师生心理健康的建议》（第55号建议）收悉，经认真研究办理，现答复如下："
    )
    assert standard_opening(REF, role=ReplyRole.CO_HANDLING).startswith("贵单位主办的《")
    assert standard_closing("教育") == "感谢您对教育工作的关心和支持。"


# --- Strategies ------------------------------------------------------------------------------


@given(testing.reply_letters())
def test_generated_letters_pass_their_invariants(generated: ReplyLetter) -> None:
    """Rebuilding any generated letter from its own fields re-runs every validator cleanly."""
    assert attrs.evolve(generated) == generated
    for section in generated.sections:
        assert section.depth <= 4


@given(testing.paragraphs())
def test_generated_paragraph_items_rebuild_text(p: Paragraph) -> None:
    """The lead plus the items of any paragraph is the paragraph's text."""
    assert p.lead + "".join(i.text for i in p.items) == p.text


def test_strategy_arguments_are_validated_eagerly() -> None:
    """Bad strategy bounds raise at once."""
    with pytest.raises(ValueError, match="min_size"):
        testing.texts(min_size=0)
    with pytest.raises(ValueError, match="max_depth"):
        testing.sections(max_depth=5)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"cc": "市政协提案委。"}, "cc"),
        ({"cc": ("市政协提案委。",)}, "cc[0]"),
        ({"cc": ("县政府办、县政协提案委",)}, "cc[0]"),
        ({"cc_superiors": ("市政府", 5)}, "cc_superiors[1]"),
        ({"date": "2025-06-18"}, "date"),
        ({"date": datetime.datetime(2025, 6, 18, 9, 30)}, "date"),
        ({"kind": "suggestion"}, "kind"),
        ({"role": ItemKind.PROPOSAL}, "role"),
        ({"title": 55}, "title"),
        ({"notes": "（此件公开发布）"}, "notes"),
        ({"paragraphs": ("正文。",)}, "paragraphs[0]"),
        ({"contact": "马国有 0797—4436219"}, "contact"),
        ({"cc_stop": 0}, "cc_stop"),
    ],
)
def test_construction_refuses_wrong_types_naming_the_field(
    change: dict[str, object], field: str
) -> None:
    """A str where a tuple belongs, a str where a date belongs, a wrong enum: ValidationError."""
    with pytest.raises(ValidationError) as info:
        attrs.evolve(seed_letter(), **change)  # type: ignore[arg-type]  # wrong on purpose
    assert info.value.field == field


def test_lists_are_converted_to_tuples() -> None:
    """Lists are accepted where tuples are expected, and stored as tuples."""
    letter = attrs.evolve(seed_letter(), cc=["市政协提案委"], notes=["（此件公开发布）"])
    assert letter.cc == ("市政协提案委",)
    assert letter.notes == ("（此件公开发布）",)


def test_cc_stop_false_needs_a_copy_line() -> None:
    """cc_stop=False records a copy line printed without 。; without copies it is refused."""
    with pytest.raises(ValidationError, match="cc_stop"):
        attrs.evolve(seed_letter(), cc=(), cc_stop=False)
    assert attrs.evolve(seed_letter(), cc=(), cc_superiors=("市政府",)).cc_stop is False


# ------------------------------------------------------------------ what the validators say


def _model_fields() -> list[tuple[type, attrs.Attribute[Any]]]:
    """Every field, of every model and case-file class, whose validator says what it checks."""
    import govreply.case as case_module
    import govreply.model as model_module
    from govreply.model._validators import rule_of

    classes = {
        cls
        for module in (model_module, case_module)
        for cls in vars(module).values()
        if isinstance(cls, type) and attrs.has(cls)
    }
    return sorted(
        (
            (cls, a)
            for cls in classes
            for a in attrs.fields(cls)
            if rule_of(a.validator) is not None and rule_of(a.validator).kind != "timestamp"  # type: ignore[union-attr]
        ),
        key=lambda pair: (pair[0].__name__, pair[1].name),
    )


def _holds(rule: Any, value: Any) -> bool:
    """Whether ``value`` satisfies ``rule``, as the rule states it (a test's own reading)."""
    import re

    if value is None:
        return bool(rule.optional)
    kind = rule.kind
    if kind == "text":
        return (
            isinstance(value, str)
            and bool(value)
            and not value.isspace()
            and (rule.pattern is None or re.fullmatch(rule.pattern, value) is not None)
        )
    if kind == "texts":
        item = attrs.evolve(rule, kind="text", optional=False)
        return isinstance(value, tuple) and all(_holds(item, v) for v in value)
    if kind == "integer":
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (rule.minimum is None or value >= rule.minimum)
            and (rule.maximum is None or value <= rule.maximum)
        )
    if kind == "flag":
        return value.__class__ is bool
    if kind == "date":
        return value.__class__ is datetime.date
    if kind == "enum":
        return value.__class__ is rule.cls
    if kind == "instance":
        return isinstance(value, rule.cls)
    if kind == "instances":
        return isinstance(value, tuple) and all(isinstance(v, rule.cls) for v in value)
    assert kind == "sections"
    return (
        isinstance(value, tuple)
        and all(isinstance(v, rule.cls) for v in value)
        and all(v.depth <= rule.maximum for v in value)
    )


def _nested(depth: int) -> Section:
    section = Section("甲")
    for _ in range(depth - 1):
        section = Section("甲", subsections=(section,))
    return section


_TEXT = st.text(alphabet=" 甲乙、，,；;。.\t\u3000\n", max_size=5)
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 3) | st.sampled_from([999, 1000, 9999, 10000]),
    _TEXT,
    st.sampled_from(["A", "A1", "B9", "E", "A0", "a1", "甲", "丙2", "A12"]),
    st.tuples() | st.tuples(_TEXT) | st.tuples(_TEXT, _TEXT),
    st.just(["甲"]),
    st.sampled_from([datetime.date(2024, 5, 20), datetime.datetime(2024, 5, 20), "2024-05-20"]),
    st.sampled_from([*Rating, *ItemKind, *DisclosureKind]),
    st.integers(1, 6).map(_nested),
    st.integers(1, 6).map(lambda d: (_nested(d),)),
    st.sampled_from([Paragraph("甲"), (Paragraph("甲"),), (Paragraph("甲"), "甲"), seed_letter()]),
    st.sampled_from([seed_letter().addressees, seed_letter().reference, Classification("A")]),
)


@pytest.mark.parametrize(
    ("cls", "field"),
    _model_fields(),
    ids=lambda x: x.__name__ if isinstance(x, type) else x.name,
)
@given(value=_VALUES)
def test_each_validator_checks_exactly_what_it_says(
    cls: type, field: attrs.Attribute[Any], value: Any
) -> None:
    """A validator's rule (which the JSON reader trusts instead of running it) is exact."""
    from govreply.model._validators import rule_of

    rule = rule_of(field.validator)
    try:
        field.validator(None, field, value)  # type: ignore[misc]
    except ValidationError:
        accepted = False
    else:
        accepted = True
    assert accepted == _holds(rule, value)


def test_white_space_in_patterns_is_what_str_isspace_says() -> None:
    r"""A rule pattern's \s is str.isspace(), so the copy-name pattern matches strip()."""
    import re

    space = re.compile(r"\s")
    assert all(
        (space.fullmatch(chr(cp)) is not None) == chr(cp).isspace()
        for cp in range(0x110000)
        if not 0xD800 <= cp <= 0xDFFF
    )


@pytest.mark.parametrize(
    ("line", "names", "unit"),
    [
        ("尊敬袁大金代表:", ("袁大金",), None),  # 尊敬 without 的
        ("严秀英、陈  先、梁  盼代表:", ("严秀英", "陈先", "梁盼"), None),  # names padded to three
        ("刘苍林政协绿春县委员:", ("刘苍林",), "政协绿春县"),  # the body after the name
        ("县政协经济委员会张三委员:", ("张三",), "县政协经济委员会"),
    ],
)
def test_addressee_honorifics_padding_and_units(
    line: str, names: tuple[str, ...], unit: str | None
) -> None:
    """Addressee lines as printed: the names and unit read, and str() reads back the same."""
    addressees = Addressees.parse(line)
    assert (addressees.names, addressees.unit) == (names, unit)
    assert Addressees.parse(str(addressees)) == addressees


def test_a_portal_document_number_of_year_and_serial() -> None:
    """2022-92 (a portal's 发文字号) is year 2022, serial 92, no code; a date is not one."""
    number = DocumentNumber.parse("2022-92")
    assert (number.agency_code, number.year, number.serial, str(number)) == (
        None,
        2022,
        92,
        "2022-92",
    )
    with pytest.raises(ValidationError):
        DocumentNumber.parse("2022-05-25")
