"""The case-file model: type checks, vocabularies, the history, and building from a letter."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest

from govreply.case import (
    METADATA_KEYS,
    Assignment,
    CaseFile,
    CommunicationMode,
    Event,
    Feedback,
    Group,
    GroupKind,
    HandlingType,
    SessionPeriod,
    State,
    Submission,
    UnitRole,
    add_months,
    time_limit,
)
from govreply.errors import ValidationError
from govreply.examples import seed_letter
from govreply.formats import text as text_format
from govreply.model import (
    Addressees,
    Classification,
    ItemKind,
    ItemReference,
    Rating,
    ReplyRole,
)

CST = datetime.timezone(datetime.timedelta(hours=8))
SEED_UNIT = "赣州市赣县区教育科技体育局"


def at(day: int, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(2024, 3, day, hour, tzinfo=CST)


# ------------------------------------------------------------------------------ vocabularies


@pytest.mark.parametrize(
    ("member", "word"),
    [
        (HandlingType.SINGLE, "单办"),
        (HandlingType.SPLIT, "分办"),
        (HandlingType.JOINT, "会办"),
        (UnitRole.LEAD, "主办"),
        (UnitRole.ASSISTING, "协办"),
        (UnitRole.JOINT, "会办"),
        (UnitRole.SPLIT, "分办"),
        (UnitRole.SINGLE, "单办"),
        (State.SUBMITTED, "提交"),
        (State.REVIEW, "审核"),
        (State.REJECTED, "驳回"),
        (State.APPROVED, "通过"),
        (State.CLOSED, "办结"),
        (State.WITHDRAWAL_REQUESTED, "申退"),
        (State.RETURNED, "退回"),
        (CommunicationMode.IN_PERSON, "面谈"),
        (CommunicationMode.MEETING, "座谈会"),
        (CommunicationMode.OTHER, "其它"),
        (GroupKind.SECTOR, "界别"),
        (SessionPeriod.INTERIM, "闭会期间"),
    ],
)
def test_members_carry_their_chinese_wording(member: Any, word: str) -> None:
    """Each member prints as the word handling systems use, and reads back from it."""
    assert member.chinese == word
    assert type(member).from_chinese(word) is member or word in ("会办", "分办", "单办")


def test_every_member_has_a_wording() -> None:
    """No member of a case vocabulary lacks its Chinese word."""
    for vocabulary in (HandlingType, UnitRole, State, CommunicationMode, GroupKind, SessionPeriod):
        for member in vocabulary:
            assert member.chinese


def test_unknown_wording_is_a_validation_error() -> None:
    """A word that is no member names the vocabulary and its words."""
    with pytest.raises(ValidationError, match="主办、协办、会办、分办、单办"):
        UnitRole.from_chinese("牵头")


def test_lead_roles() -> None:
    """主办, 分办 and 单办 answer the deputy; 协办 and 会办 give opinions."""
    assert {r for r in UnitRole if r.leads} == {UnitRole.LEAD, UnitRole.SPLIT, UnitRole.SINGLE}


# ------------------------------------------------------------------------------ type checks


@pytest.mark.parametrize(
    ("cls", "kwargs", "field"),
    [
        (Submission, {"kind": "suggestion"}, "kind"),
        (Submission, {"kind": ItemKind.SUGGESTION, "cosigners": "张三、李四"}, "cosigners"),
        (Submission, {"kind": ItemKind.SUGGESTION, "submitted_on": "2024-03-01"}, "submitted_on"),
        (Submission, {"kind": ItemKind.SUGGESTION, "key": 1}, "key"),
        (Submission, {"kind": ItemKind.SUGGESTION, "merged": ["第56号"]}, "merged[0]"),
        (Assignment, {"unit": " ", "role": UnitRole.LEAD}, "unit"),
        (Assignment, {"unit": "局", "role": "主办"}, "role"),
        (Assignment, {"unit": "局", "role": UnitRole.LEAD, "deadline": at(1)}, "deadline"),
        (Feedback, {"respondent": "张三", "modes": ["phone"]}, "modes[0]"),
        (Feedback, {"respondent": "张三", "work": "满意"}, "work"),
        (Event, {"at": datetime.datetime(2024, 3, 1), "actor": "x", "note": "n"}, "at"),
        (Event, {"at": datetime.date(2024, 3, 1), "actor": "x", "note": "n"}, "at"),
        (Event, {"at": at(1), "actor": "x"}, "state"),
        (CaseFile, {"submission": None}, "submission"),
        (
            CaseFile,
            {"submission": Submission(kind=ItemKind.PROPOSAL), "letters": [object()]},
            "letters[0]",
        ),
    ],
)
def test_wrong_values_are_refused_naming_the_field(
    cls: type, kwargs: dict[str, Any], field: str
) -> None:
    """A wrong type, a blank text or a missing 'what' raises ValidationError naming the field."""
    with pytest.raises(ValidationError) as info:
        cls(**kwargs)
    assert info.value.field == field


@pytest.mark.parametrize("minutes", [14 * 60 + 1, -14 * 60 - 1])
def test_offsets_beyond_fourteen_hours_are_refused(minutes: int) -> None:
    """No time zone is further than ±14:00 from UTC."""
    zone = datetime.timezone(datetime.timedelta(minutes=minutes))
    with pytest.raises(ValidationError, match="whole minutes within ±14:00"):
        Event(at=datetime.datetime(2024, 3, 1, tzinfo=zone), actor="x", note="n")


def test_offsets_with_seconds_are_refused() -> None:
    """An offset of seconds (old local mean time) cannot be exchanged as ±hh:mm."""
    zone = datetime.timezone(datetime.timedelta(hours=8, seconds=5))
    with pytest.raises(ValidationError, match="UTC offset"):
        Event(at=datetime.datetime(2024, 3, 1, tzinfo=zone), actor="x", note="n")


def test_lists_become_tuples() -> None:
    """Collections given as lists are stored as tuples."""
    case = CaseFile(
        submission=Submission(kind=ItemKind.SUGGESTION, cosigners=["黄春英"]),
        assignments=[Assignment(unit="局", role=UnitRole.SINGLE)],
    )
    assert case.submission.cosigners == ("黄春英",)
    assert isinstance(case.assignments, tuple)


def test_submission_reference_and_signers() -> None:
    """A submission cites itself as letters cite it; the lead signs first."""
    sub = Submission(
        kind=ItemKind.PROPOSAL, number=207, category="教育类", lead="吕春林", cosigners=("王五",)
    )
    assert sub.reference == ItemReference(kind=ItemKind.PROPOSAL, number=207, category="教育类")
    assert sub.reference.label == "第207号提案"
    assert sub.signers == ("吕春林", "王五")
    assert Submission(kind=ItemKind.PROPOSAL, cosigners=("王五",)).signers == ("王五",)


# ------------------------------------------------------------------------------ history


def test_record_appends_and_moves_the_units_status() -> None:
    """record() appends the event and gives the named unit's active assignment its state."""
    case = CaseFile(
        submission=Submission(kind=ItemKind.SUGGESTION, number=1),
        assignments=(
            Assignment(unit="区财政局", role=UnitRole.LEAD, status=State.RETURNED),
            Assignment(unit="区教育局", role=UnitRole.LEAD),
            Assignment(unit="区 财政局", role=UnitRole.ASSISTING),
        ),
    )
    case = case.record(Event(at=at(1), actor="办公室", state=State.SIGNED, unit="区财政局"))
    assert [a.status for a in case.assignments] == [State.RETURNED, None, State.SIGNED]
    case = case.record(Event(at=at(2), actor="办公室", note="电话联系代表"))
    assert len(case.history) == 2
    assert case.history[-1].note == "电话联系代表"


def test_record_for_an_unknown_unit_only_appends() -> None:
    """An event about a unit without an assignment changes no assignment."""
    case = CaseFile(submission=Submission(kind=ItemKind.SUGGESTION, number=1))
    case = case.record(Event(at=at(1), actor="x", state=State.SIGNED, unit="区财政局"))
    assert case.assignments == ()
    assert len(case.history) == 1


def test_assignment_lookup_ignores_spaces_and_prefers_active() -> None:
    """assignment_of finds a unit however it is spaced, preferring its active assignment."""
    returned = Assignment(unit="区 教育局", role=UnitRole.LEAD, status=State.RETURNED)
    active = Assignment(unit="区教育局", role=UnitRole.ASSISTING)
    case = CaseFile(submission=Submission(kind=ItemKind.SUGGESTION), assignments=(returned, active))
    assert case.assignment_of("区教育局 ") is active
    assert case.assignment_of("区卫健委") is None
    assert case.leads == ()
    only_returned = attrs.evolve(case, assignments=(returned,))
    assert only_returned.assignment_of("区教育局") is returned


# ------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2024, 3, 1), 3, datetime.date(2024, 6, 1)),
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2023, 1, 31), 1, datetime.date(2023, 2, 28)),
        (datetime.date(2024, 11, 30), 3, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 8, 31), 6, datetime.date(2025, 2, 28)),
        (datetime.date(9999, 11, 1), 3, datetime.date.max),
    ],
)
def test_add_months_stays_in_the_month(
    day: datetime.date, months: int, expected: datetime.date
) -> None:
    """Months are calendar months; the day is kept, or the month's last day taken."""
    assert add_months(day, months) == expected


def test_time_limits() -> None:
    """Three months for a reply, six with an extension, one for an opinion; a deadline wins."""
    on = datetime.date(2024, 3, 1)
    assert time_limit(Assignment(unit="u", role=UnitRole.LEAD, assigned_on=on)) == datetime.date(
        2024, 6, 1
    )
    extended = Assignment(unit="u", role=UnitRole.SPLIT, assigned_on=on, extended=True)
    assert time_limit(extended) == datetime.date(2024, 9, 1)
    opinion = Assignment(unit="u", role=UnitRole.ASSISTING, assigned_on=on)
    assert time_limit(opinion) == datetime.date(2024, 4, 1)
    due = Assignment(unit="u", role=UnitRole.LEAD, deadline=datetime.date(2024, 5, 1))
    assert time_limit(due) == datetime.date(2024, 5, 1)
    assert time_limit(Assignment(unit="u", role=UnitRole.LEAD)) is None


# ------------------------------------------------------------------------------ from_letter


def test_from_letter_reads_the_seed() -> None:
    """The seed letter gives its item, deputies, unit, proposed class and the form's category."""
    case = CaseFile.from_letter(seed_letter())
    sub = case.submission
    assert (sub.kind, sub.number, sub.title) == (
        ItemKind.SUGGESTION,
        55,
        "关于关注师生心理健康的建议",
    )
    assert str(sub.congress) == "区二届人大四次会议"
    assert sub.category == "教科文卫类"  # printed on the feedback form only
    assert (sub.lead, sub.cosigners, sub.signers_total) == ("马雪梅", ("黄春英", "李珍"), 12)
    assert case.assignments == (Assignment(unit=SEED_UNIT, role=UnitRole.LEAD),)
    assert case.proposed_classification == Classification("A1")
    assert case.approved_classification is None
    assert case.letters == (seed_letter(),)
    assert case.feedback == ()  # the seed's form is blank
    assert case.history == ()
    assert case.handling is None


# The record table printed above a real letter (tests/data/letters/094.txt), as key/value pairs.
HAINAN = {
    "题目": "关于再次要求上马改造省道S314(抱由至天涯段)的建议",
    "代表团": "乐东代表团;",
    "主办单位": "省交通运输厅;",
    "交办日期": "2016-03-01",
}


def test_from_letter_reads_a_record_header() -> None:
    """Record-header keys fill the submission and the assignments; unknown keys are left alone."""
    letter = text_format.loads((_DATA / "letters" / "094.txt").read_text(encoding="utf-8"))
    case = CaseFile.from_letter(letter, {**HAINAN, "浏览次数": "740"})
    sub = case.submission
    assert sub.title == HAINAN["题目"]
    assert sub.group == Group(GroupKind.DELEGATION, "乐东代表团")
    units = [(a.unit, a.role, a.assigned_on) for a in case.assignments]
    assert units[0] == ("省交通运输厅", UnitRole.LEAD, datetime.date(2016, 3, 1))


def test_header_values_win_and_co_handlers_make_a_joint_case() -> None:
    """Metadata wins over the letter; co-handling units make the handling 会办."""
    metadata = {
        "建议号": "第56号",
        "领衔代表": "张三、李四",
        "附议人": "王五 赵六",
        "人数": "共8人",
        "会办单位": "区财政局，区卫健委",
        "交办日期": "2024年3月1日",
        "办理期限": "2024/5/31",
        "签收日期": "2024-03-04 10:02:11",
        "办理状态": "已答复",
        "是否重点": "是",
        "督办领导": "刘副区长",
        "并案": "第60号、温36",
        "类别": "B",
        "审定类别": "（A）",
        "提出时段": "闭会期间",
        "提交日期": "2024-01-10",
    }
    case = CaseFile.from_letter(seed_letter(), metadata)
    sub = case.submission
    assert sub.number == 56
    assert (sub.lead, sub.cosigners, sub.signers_total) == ("张三", ("李四", "王五", "赵六"), 8)
    assert sub.key
    assert sub.supervisor == "刘副区长"
    assert [(m.number, m.printed_number) for m in sub.merged] == [(60, None), (36, "温36")]
    assert sub.period is SessionPeriod.INTERIM
    assert sub.submitted_on == datetime.date(2024, 1, 10)
    assert case.handling is HandlingType.JOINT
    lead, *co = case.assignments
    assert (lead.unit, lead.role, lead.deadline) == (
        SEED_UNIT,
        UnitRole.LEAD,
        datetime.date(2024, 5, 31),
    )
    assert (lead.signed_on, lead.status) == (datetime.date(2024, 3, 4), State.REPLIED)
    assert [(a.unit, a.role, a.deadline) for a in co] == [
        ("区财政局", UnitRole.JOINT, None),
        ("区卫健委", UnitRole.JOINT, None),
    ]
    assert all(a.assigned_on == datetime.date(2024, 3, 1) for a in case.assignments)
    assert case.proposed_classification == Classification("B")
    assert case.approved_classification == Classification("A")


def test_a_co_handling_opinion_names_the_lead_from_its_addressee() -> None:
    """An opinion is addressed to the lead unit: both units are assigned."""
    opinion = attrs.evolve(
        seed_letter(),
        role=ReplyRole.CO_HANDLING,
        issuer="区财政局",
        addressees=Addressees(("区教育科技体育局",)),
    )
    case = CaseFile.from_letter(opinion)
    assert [(a.unit, a.role) for a in case.assignments] == [
        ("区教育科技体育局", UnitRole.LEAD),
        ("区财政局", UnitRole.ASSISTING),
    ]
    assert case.handling is HandlingType.JOINT
    assert case.submission.lead is None  # an opinion's addressee is no deputy


def test_a_filled_form_becomes_feedback() -> None:
    """The ratings of a filled-in form become the first deputy's feedback."""
    blank = seed_letter().feedback_form
    assert blank is not None
    form = attrs.evolve(
        blank,
        attitude=Rating.SATISFIED,
        result=Rating.BASICALLY_SATISFIED,
        opinion="希望继续跟进",
    )
    case = CaseFile.from_letter(attrs.evolve(seed_letter(), feedback_form=form))
    assert case.feedback == (
        Feedback(
            respondent="马雪梅",
            unit=SEED_UNIT,
            work=Rating.SATISFIED,
            result=Rating.BASICALLY_SATISFIED,
            comments="希望继续跟进",
        ),
    )


def test_system_data_wins_over_the_letter() -> None:
    """Keyword arguments replace what the letter and its header say."""
    own = Submission(kind=ItemKind.SUGGESTION, number=55, title="系统登记的标题")
    units = [Assignment(unit="区教育局", role=UnitRole.SINGLE)]
    event = Event(at=at(1), actor="系统", state=State.ASSIGNED)
    case = CaseFile.from_letter(
        seed_letter(),
        {"建议号": "99"},
        submission=own,
        assignments=units,
        handling=HandlingType.SINGLE,
        approved_classification=Classification("A"),
        feedback=[],
        history=[event],
    )
    assert case.submission is own
    assert case.assignments == tuple(units)
    assert case.handling is HandlingType.SINGLE
    assert case.approved_classification == Classification("A")
    assert case.history == (event,)


@pytest.mark.parametrize(
    ("key", "value", "fragment"),
    [
        ("交办日期", "三月初", "not a date"),
        ("办理期限", "2024-02-30", "not a date"),
        ("建议号", "第号", "not an item number"),
        ("是否重点", "也许", "expected 是 or 否"),
        ("会议", "某次会议", "not a congress session"),
        ("办理方式", "联办", "is not a HandlingType"),
        ("人数", "若干", "not a head count"),
    ],
)
def test_unreadable_header_values_name_their_key(key: str, value: str, fragment: str) -> None:
    """A value that cannot be read raises ValidationError whose field is its key."""
    with pytest.raises(ValidationError, match=fragment) as info:
        CaseFile.from_letter(seed_letter(), {key: value})
    assert info.value.field == key


def test_keys_are_compared_without_spaces_and_colons() -> None:
    """``建 议 号：`` is the key 建议号."""
    assert CaseFile.from_letter(seed_letter(), {"建 议 号：": "8"}).submission.number == 8


def test_metadata_keys_name_a_case_part() -> None:
    """Every documented key says which part of the case file it gives."""
    assert all(target.split(" ")[0].split(".")[0] in _PARTS for target in METADATA_KEYS.values())


_PARTS = {a.name for a in attrs.fields(CaseFile)}
_DATA = __import__("pathlib").Path(__file__).parent / "data"
