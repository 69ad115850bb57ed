"""check_case: each GC rule on one deviation, a complete conforming case, the table, properties."""

from __future__ import annotations

import datetime
import itertools
import re
import unicodedata
from typing import NamedTuple

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govreply.case
from govreply.case import (
    CASE_RULES,
    TRANSITIONS,
    Assignment,
    CaseFile,
    CommunicationMode,
    Event,
    Feedback,
    Group,
    GroupKind,
    HandlingType,
    State,
    Submission,
    UnitRole,
    check_case,
)
from govreply.errors import ValidationError
from govreply.examples import seed_letter
from govreply.model import (
    Addressees,
    Classification,
    Congress,
    CongressBody,
    FeedbackForm,
    ItemKind,
    Rating,
    ReplyLetter,
    ReplyRole,
)
from govreply.testing import case_files

CST = datetime.timezone(datetime.timedelta(hours=8))
UNIT = "赣州市赣县区教育科技体育局"
CO = "区财政局"
OFFICE = "区人大选任联工委"
SEED = seed_letter()


def day(month: int, d: int) -> datetime.date:
    return datetime.date(2024, month, d)


def at(month: int, d: int, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(2024, month, d, hour, tzinfo=CST)


def event(month: int, d: int, state: State, unit: str | None = None) -> Event:
    return Event(at=at(month, d), actor=unit or OFFICE, state=state, unit=unit)


REPLY = attrs.evolve(SEED, date=day(5, 20))
OPINION = attrs.evolve(
    SEED,
    role=ReplyRole.CO_HANDLING,
    issuer=CO,
    classification=None,
    addressees=Addressees((UNIT,)),
    date=day(3, 25),
    feedback_form=None,
)
_FORM = SEED.feedback_form
assert _FORM is not None
FORM: FeedbackForm = _FORM

# A case that went the whole way: 提交 … 办结, a key item handled jointly, every rule followed.
GOOD = CaseFile(
    submission=Submission(
        kind=ItemKind.SUGGESTION,
        congress=Congress.parse("区二届人大四次会议"),
        number=55,
        title="关于关注师生心理健康的建议",
        lead="马雪梅",
        cosigners=("黄春英", "李珍"),
        signers_total=12,
        submitted_on=day(1, 10),
        key=True,
        supervisor="刘副区长",
    ),
    handling=HandlingType.JOINT,
    assignments=(
        Assignment(
            unit=UNIT,
            role=UnitRole.LEAD,
            assigned_on=day(3, 1),
            deadline=day(6, 1),
            signed_on=day(3, 4),
            status=State.REPLIED,
        ),
        Assignment(
            unit=CO,
            role=UnitRole.ASSISTING,
            assigned_on=day(3, 1),
            deadline=day(4, 1),
            signed_on=day(3, 5),
            status=State.REPLIED,
        ),
    ),
    proposed_classification=Classification("A1"),
    approved_classification=Classification("A1"),
    letters=(REPLY, OPINION),
    feedback=(
        Feedback(
            respondent="马雪梅",
            unit=UNIT,
            modes=(CommunicationMode.IN_PERSON,),
            work=Rating.SATISFIED,
            result=Rating.SATISFIED,
            given_on=day(6, 10),
        ),
    ),
    history=(
        event(1, 10, State.SUBMITTED),
        event(1, 15, State.FIRST_REVIEW),
        event(2, 20, State.SECOND_REVIEW),
        event(3, 1, State.ASSIGNED, UNIT),
        event(3, 1, State.ASSIGNED, CO),
        event(3, 4, State.SIGNED, UNIT),
        event(3, 5, State.SIGNED, CO),
        event(3, 6, State.HANDLING, UNIT),
        event(3, 25, State.REPLIED, CO),
        event(5, 10, State.REVIEW, UNIT),
        event(5, 15, State.APPROVED, UNIT),
        event(5, 20, State.REPLIED, UNIT),
        event(6, 10, State.EVALUATED),
        event(6, 15, State.CLOSED),
    ),
)

# The seed's item with a lead and a cosigner, nothing else: no rule applies.
MINIMAL = CaseFile(
    submission=Submission(
        kind=ItemKind.SUGGESTION,
        number=55,
        title="关于关注师生心理健康的建议",
        lead="马雪梅",
        cosigners=("黄春英",),
    )
)


def minimal(**changes: object) -> CaseFile:
    return attrs.evolve(MINIMAL, **changes)  # type: ignore[arg-type]


def sub(**changes: object) -> CaseFile:
    return minimal(submission=attrs.evolve(MINIMAL.submission, **changes))  # type: ignore[arg-type]


def unit(name: str = UNIT, role: UnitRole = UnitRole.SINGLE, **changes: object) -> Assignment:
    return Assignment(unit=name, role=role, **changes)  # type: ignore[arg-type]


def single(*letters: ReplyLetter, **changes: object) -> CaseFile:
    """The minimal case, its item assigned to the seed's unit alone, with ``letters``."""
    return minimal(**{"assignments": (unit(),), "letters": letters, **changes})


def letter(**changes: object) -> ReplyLetter:
    return attrs.evolve(SEED, **changes)  # type: ignore[arg-type]


def form(**changes: object) -> ReplyLetter:
    return letter(feedback_form=attrs.evolve(FORM, **changes))  # type: ignore[arg-type]


def good(**changes: object) -> CaseFile:
    return attrs.evolve(GOOD, **changes)  # type: ignore[arg-type]


def good_unit(index: int, **changes: object) -> CaseFile:
    units = list(GOOD.assignments)
    units[index] = attrs.evolve(units[index], **changes)  # type: ignore[arg-type]
    return good(assignments=tuple(units))


APPROVED = Classification("A")
FEEDBACK = Feedback(respondent="马雪梅")


class Case(NamedTuple):
    code: str
    location: str
    bad: CaseFile
    good: CaseFile
    today: datetime.date | None = None


CASES = [
    Case("GC101", "submission", sub(number=None, title=None), sub(number=None)),
    Case("GC102", "submission.signers_total", sub(signers_total=1), sub(signers_total=2)),
    Case(
        "GC103",
        "submission.congress",
        sub(congress=Congress.parse("市政协十四届二次会议")),
        sub(congress=Congress.parse("区二届人大四次会议")),
    ),
    Case(
        "GC104",
        "submission.group.kind",
        sub(kind=ItemKind.PROPOSAL, group=Group(GroupKind.DELEGATION, "乐东代表团")),
        sub(kind=ItemKind.PROPOSAL, group=Group(GroupKind.PARTY, "民盟赣县区委")),
    ),
    Case("GC105", "submission.supervisor", sub(key=True), sub(key=True, supervisor="刘副区长")),
    Case(
        "GC106",
        "submission.lead",
        sub(lead=None, cosigners=()),
        sub(lead=None, cosigners=(), group=Group(GroupKind.DELEGATION, "乐东代表团")),
    ),
    Case(
        "GC201",
        "assignments",
        minimal(assignments=(unit(role=UnitRole.ASSISTING),)),
        minimal(assignments=(unit(),)),
    ),
    Case(
        "GC202",
        "assignments[1].role",
        minimal(assignments=(unit(role=UnitRole.LEAD), unit(CO, UnitRole.LEAD))),
        minimal(assignments=(unit(role=UnitRole.LEAD), unit(CO, UnitRole.ASSISTING))),
    ),
    Case(
        "GC203",
        "assignments[0].role",
        minimal(handling=HandlingType.SINGLE, assignments=(unit(role=UnitRole.LEAD),)),
        minimal(handling=HandlingType.SINGLE, assignments=(unit(),)),
    ),
    Case(
        "GC203",
        "assignments[1].role",
        minimal(
            handling=HandlingType.SPLIT,
            assignments=(unit(role=UnitRole.SPLIT), unit(CO, UnitRole.LEAD)),
        ),
        minimal(
            handling=HandlingType.SPLIT,
            assignments=(unit(role=UnitRole.SPLIT), unit(CO, UnitRole.SPLIT)),
        ),
    ),
    Case(
        "GC204",
        "assignments[1].unit",
        minimal(assignments=(unit(), unit("赣州市赣县区 教育科技体育局", UnitRole.ASSISTING))),
        minimal(assignments=(unit(status=State.RETURNED), unit("赣州市赣县区 教育科技体育局"))),
    ),
    Case(
        "GC205",
        "assignments[0].signed_on",
        minimal(assignments=(unit(assigned_on=day(3, 1), signed_on=day(2, 28)),)),
        minimal(assignments=(unit(assigned_on=day(3, 1), signed_on=day(3, 1)),)),
    ),
    Case(
        "GC205",
        "assignments[0].deadline",
        minimal(assignments=(unit(assigned_on=day(3, 1), deadline=day(2, 28)),)),
        minimal(assignments=(unit(assigned_on=day(3, 1), deadline=day(3, 31)),)),
    ),
    Case(
        "GC210",
        "assignments[0].deadline",
        minimal(assignments=(unit(assigned_on=day(3, 1), deadline=day(6, 2)),)),
        minimal(assignments=(unit(assigned_on=day(3, 1), deadline=day(6, 2), extended=True),)),
    ),
    Case(
        "GC210",
        "assignments[1].deadline",
        minimal(
            assignments=(
                unit(),
                unit(CO, UnitRole.JOINT, assigned_on=day(1, 31), deadline=day(3, 1)),
            )
        ),
        minimal(
            assignments=(
                unit(),
                unit(CO, UnitRole.JOINT, assigned_on=day(1, 31), deadline=day(2, 29)),
            )
        ),
    ),
    Case(
        "GC211",
        "letters[0].date",
        good(letters=(attrs.evolve(REPLY, date=day(6, 2)), OPINION)),
        good(letters=(attrs.evolve(REPLY, date=day(6, 1)), OPINION)),
    ),
    Case(
        "GC211",
        "letters[0].date",
        single(letter(date=day(6, 2)), assignments=(unit(assigned_on=day(3, 1)),)),
        single(letter(date=day(6, 2)), assignments=(unit(assigned_on=day(3, 1), extended=True),)),
    ),
    Case(
        "GC212",
        "letters[1].date",
        good(letters=(REPLY, attrs.evolve(OPINION, date=day(4, 2)))),
        good(letters=(REPLY, attrs.evolve(OPINION, date=day(4, 1)))),
    ),
    Case(
        "GC213",
        "assignments[0]",
        minimal(assignments=(unit(assigned_on=day(3, 1)),)),
        minimal(assignments=(unit(assigned_on=day(3, 1)),)),
        day(6, 2),
    ),
    Case(
        "GC214",
        "assignments[0].status",
        good_unit(0, status=State.HANDLING),
        good_unit(0, status=None),
    ),
    Case(
        "GC301",
        "assignments[0]",
        minimal(assignments=(unit(status=State.REPLIED),)),
        single(SEED, assignments=(unit(status=State.REPLIED),)),
    ),
    Case("GC301", "assignments[1]", good(letters=(REPLY,)), good()),
    Case(
        "GC302",
        "letters[0].issuer",
        minimal(assignments=(unit("区教育局"),), letters=(SEED,)),
        single(SEED),
    ),
    Case(
        "GC302",
        "letters[0].issuer",
        single(SEED, assignments=(unit(status=State.RETURNED), unit("区教育局"))),
        single(
            SEED,
            assignments=(
                unit(status=State.RETURNED),
                unit("区教育局", UnitRole.ASSISTING),
                unit(),
            ),
        ),
    ),
    Case(
        "GC303",
        "letters[0]",
        single(letter(issuer=None, signed_by=None)),
        single(letter(issuer=None, signed_by=UNIT)),
    ),
    Case(
        "GC304",
        "letters[0].role",
        minimal(
            assignments=(unit(CO, UnitRole.LEAD), unit(role=UnitRole.ASSISTING)), letters=(SEED,)
        ),
        minimal(
            assignments=(unit(CO, UnitRole.LEAD), unit(role=UnitRole.ASSISTING)),
            letters=(letter(role=ReplyRole.CO_HANDLING),),
        ),
    ),
    Case(
        "GC305",
        "letters",
        good(
            submission=attrs.evolve(GOOD.submission, key=True),
            letters=(OPINION,),
            feedback=(),
            history=(),
            assignments=tuple(attrs.evolve(a, status=None) for a in GOOD.assignments),
            approved_classification=None,
        ),
        good(
            submission=attrs.evolve(GOOD.submission, key=False),
            letters=(OPINION,),
            feedback=(),
            history=(),
            assignments=tuple(attrs.evolve(a, status=None) for a in GOOD.assignments),
            approved_classification=None,
        ),
    ),
    Case(
        "GC310",
        "letters[0].reference.kind",
        single(letter(reference=attrs.evolve(SEED.reference, kind=ItemKind.PROPOSAL))),
        single(SEED),
    ),
    Case(
        "GC311",
        "letters[0].reference.number",
        single(letter(reference=attrs.evolve(SEED.reference, number=56))),
        single(letter(reference=attrs.evolve(SEED.reference, number=None))),
    ),
    Case(
        "GC311",
        "letters[0].reference.number",
        single(
            letter(reference=attrs.evolve(SEED.reference, number=None, printed_number="温36")),
            submission=attrs.evolve(MINIMAL.submission, number=None, printed_number="温37"),
        ),
        single(
            letter(reference=attrs.evolve(SEED.reference, number=None, printed_number="温 36")),
            submission=attrs.evolve(MINIMAL.submission, number=None, printed_number="温36"),
        ),
    ),
    Case(
        "GC312",
        "letters[0].reference.title",
        single(letter(reference=attrs.evolve(SEED.reference, title="关于学生减负的建议"))),
        single(
            letter(reference=attrs.evolve(SEED.reference, title="《关于关注师生 心理健康的建议》"))
        ),
    ),
    Case(
        "GC313",
        "letters[0].reference.congress",
        single(
            SEED,
            submission=attrs.evolve(
                MINIMAL.submission, congress=Congress.parse("区二届人大五次会议")
            ),
        ),
        single(
            SEED,
            submission=attrs.evolve(
                MINIMAL.submission, congress=Congress(CongressBody.NPC, "区", 2)
            ),
        ),
    ),
    Case(
        "GC314",
        "letters[0].classification",
        single(form(classification=None), proposed_classification=Classification("B")),
        single(form(classification=None), proposed_classification=Classification("A1")),
    ),
    Case(
        "GC320",
        "letters[0].feedback_form.item.number",
        single(form(item=attrs.evolve(FORM.item, number=56))),
        single(form(item=attrs.evolve(FORM.item, number=55))),
    ),
    Case(
        "GC321",
        "letters[0].feedback_form.item.title",
        single(form(item=attrs.evolve(FORM.item, title="关于学生减负的建议"))),
        single(form(item=attrs.evolve(FORM.item, title=None))),
    ),
    Case(
        "GC322",
        "letters[0].feedback_form.item.congress",
        single(
            form(item=attrs.evolve(FORM.item, congress=Congress.parse("区三届人大四次会议"))),
            submission=attrs.evolve(GOOD.submission, key=False),
        ),
        single(
            form(item=attrs.evolve(FORM.item, congress=Congress.parse("区二届人大四次会议"))),
            submission=attrs.evolve(GOOD.submission, key=False),
        ),
    ),
    Case(
        "GC323",
        "letters[0].feedback_form.classification",
        single(
            attrs.evolve(form(classification=Classification("B1")), classification=None),
            proposed_classification=Classification("A1"),
        ),
        single(
            attrs.evolve(form(classification=Classification("A1")), classification=None),
            proposed_classification=Classification("A1"),
        ),
    ),
    Case(
        "GC401",
        "approved_classification",
        minimal(feedback=(FEEDBACK,)),
        minimal(feedback=(FEEDBACK,), approved_classification=APPROVED),
    ),
    Case(
        "GC402",
        "feedback[0].respondent",
        minimal(feedback=(Feedback(respondent="王五"),), approved_classification=APPROVED),
        minimal(feedback=(Feedback(respondent="黄 春英"),), approved_classification=APPROVED),
    ),
    Case(
        "GC403",
        "feedback[0].given_on",
        single(
            letter(date=day(5, 20)),
            feedback=(Feedback(respondent="马雪梅", given_on=day(5, 19)),),
            approved_classification=APPROVED,
        ),
        single(
            letter(date=day(5, 20)),
            feedback=(Feedback(respondent="马雪梅", given_on=day(5, 20)),),
            approved_classification=APPROVED,
        ),
    ),
    Case(
        "GC404",
        "feedback[0].work",
        single(
            form(attitude=Rating.SATISFIED),
            feedback=(Feedback(respondent="马雪梅", work=Rating.DISSATISFIED),),
            approved_classification=APPROVED,
        ),
        single(
            form(attitude=Rating.SATISFIED),
            feedback=(Feedback(respondent="马雪梅", work=Rating.SATISFIED),),
            approved_classification=APPROVED,
        ),
    ),
    Case(
        "GC404",
        "feedback[0].result",
        single(
            form(result=Rating.SATISFIED),
            feedback=(Feedback(respondent="马雪梅", unit=UNIT, result=Rating.DISSATISFIED),),
            approved_classification=APPROVED,
        ),
        single(
            form(result=Rating.SATISFIED),
            feedback=(Feedback(respondent="王五", unit=UNIT, result=Rating.DISSATISFIED),),
            approved_classification=APPROVED,
            submission=attrs.evolve(MINIMAL.submission, cosigners=("王五",)),
        ),
    ),
    Case(
        "GC405",
        "feedback[1]",
        minimal(
            feedback=(FEEDBACK, Feedback(respondent="马 雪梅")), approved_classification=APPROVED
        ),
        minimal(
            feedback=(FEEDBACK, Feedback(respondent="黄春英")), approved_classification=APPROVED
        ),
    ),
    Case(
        "GC406",
        "feedback[0].unit",
        minimal(
            feedback=(Feedback(respondent="马雪梅", unit=CO),), approved_classification=APPROVED
        ),
        minimal(feedback=(FEEDBACK,), approved_classification=APPROVED),
    ),
    Case(
        "GC501",
        "history[1].at",
        minimal(
            history=(
                Event(at=at(3, 2), actor="x", note="a"),
                Event(at=at(3, 1), actor="x", note="b"),
            )
        ),
        minimal(
            history=(
                Event(at=at(3, 1), actor="x", note="a"),
                Event(at=at(3, 1), actor="x", note="b"),
            )
        ),
    ),
    Case(
        "GC502",
        "history[1].state",
        minimal(history=(event(1, 10, State.SUBMITTED), event(1, 11, State.SIGNED))),
        minimal(history=(event(1, 10, State.SUBMITTED), event(1, 11, State.FIRST_REVIEW))),
    ),
    Case(
        "GC502",
        "history[2].state",
        single(
            SEED,
            history=(
                event(3, 1, State.ASSIGNED, UNIT),
                event(3, 2, State.SIGNED, UNIT),
                event(3, 3, State.APPROVED, UNIT),
            ),
        ),
        single(
            SEED,
            history=(
                event(3, 1, State.ASSIGNED, UNIT),
                event(3, 2, State.SIGNED, UNIT),
                event(3, 3, State.REVIEW, UNIT),
            ),
        ),
    ),
    Case(
        "GC503",
        "history[0].unit",
        minimal(history=(Event(at=at(3, 1), actor="x", unit=CO, note="电话联系"),)),
        minimal(history=(Event(at=at(3, 1), actor="x", note="电话联系"),)),
    ),
]


def _case_id(case: Case) -> str:
    return f"{case.code}-{case.location}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_rule_reports_exactly_its_deviation(case: Case) -> None:
    """A conforming case with one deviation gives that rule's finding and nothing else."""
    findings = check_case(case.bad, today=case.today)
    assert [(f.code, f.location) for f in findings] == [(case.code, case.location)]
    assert findings[0].severity is CASE_RULES[case.code].severity


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_rule_passes_a_conforming_variant(case: Case) -> None:
    """The conforming variant next to each deviation gives no finding."""
    assert check_case(case.good, today=None if case.code == "GC213" else case.today) == []


def test_every_rule_has_a_case() -> None:
    """Each code in the table is exercised by a failing and a passing case."""
    assert {case.code for case in CASES} == set(CASE_RULES)


def test_a_case_that_went_the_whole_way_passes() -> None:
    """The complete joint handling of a key item, 提交 to 办结, follows every rule."""
    assert check_case(GOOD) == []
    assert check_case(GOOD, today=datetime.date(2030, 1, 1)) == []


def test_a_case_in_progress_is_not_reported_incomplete() -> None:
    """A case still at 办理 lacks letters and feedback without any finding."""
    case = attrs.evolve(
        GOOD,
        letters=(),
        feedback=(),
        approved_classification=None,
        history=GOOD.history[:8],
        assignments=tuple(attrs.evolve(a, status=None) for a in GOOD.assignments),
    )
    assert check_case(case) == []
    assert [f.code for f in check_case(case, today=day(4, 2))] == ["GC213"]  # the opinion is due


def test_the_seed_as_a_case_file() -> None:
    """The seed letter alone, as a case, follows every rule."""
    assert check_case(CaseFile.from_letter(SEED)) == []


def test_today_must_be_a_date() -> None:
    """A datetime or a string for today is refused eagerly."""
    with pytest.raises(ValidationError, match="today"):
        check_case(GOOD, today=datetime.datetime(2024, 1, 1))


def test_every_state_has_its_moves() -> None:
    """The transition table covers every state; only 办结 ends the handling."""
    assert set(TRANSITIONS) == set(State)
    assert [s for s, moves in TRANSITIONS.items() if not moves] == [State.CLOSED]
    assert all(moves <= set(State) for moves in TRANSITIONS.values())


def test_the_usual_course_is_legal() -> None:
    """提交 → 初审 → 复审 → 交办 → 签收 → 办理 → 审核 → 通过 → 答复 → 评价 → 办结, and the loops."""
    course = [
        State.SUBMITTED,
        State.FIRST_REVIEW,
        State.SECOND_REVIEW,
        State.ASSIGNED,
        State.SIGNED,
        State.HANDLING,
        State.REVIEW,
        State.APPROVED,
        State.REPLIED,
        State.EVALUATED,
        State.CLOSED,
    ]
    assert all(b in TRANSITIONS[a] for a, b in itertools.pairwise(course))
    assert State.HANDLING in TRANSITIONS[State.REJECTED]  # 驳回: handled again
    assert State.RETURNED in TRANSITIONS[State.WITHDRAWAL_REQUESTED]  # 申退 → 退回
    assert State.ASSIGNED in TRANSITIONS[State.RETURNED]  # … → assigned to another unit


# -- the documented table --------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(line: str, start: int, end: int) -> str:
    out, column = [], 0
    for ch in line:
        if start <= column < end:
            out.append(ch)
        column += _width(ch)
    return "".join(out).strip()


def documented_table() -> dict[str, tuple[str, str, str]]:
    """The code table in the module docstring of govreply.case: code -> (severity, rule, source)."""
    assert govreply.case.__doc__ is not None
    lines = govreply.case.__doc__.splitlines()
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
        r.code: (r.severity.value, r.summary, r.source) for r in CASE_RULES.values()
    }


def test_codes_are_stable_and_well_formed() -> None:
    """Codes are GC and three digits, grouped by part, in table order."""
    assert all(re.fullmatch(r"GC[1-5]\d\d", code) for code in CASE_RULES)
    assert list(CASE_RULES) == sorted(CASE_RULES)


# -- properties ------------------------------------------------------------------------------

_DOCUMENTED = documented_table()
_PARTS = [a.name for a in attrs.fields(CaseFile)]


@given(case_files(), st.none() | st.dates())
def test_check_case_never_raises_and_reports_documented_codes(
    case: CaseFile, today: datetime.date | None
) -> None:
    """Any valid case file is checked without error, the same way twice.

    Each finding is a documented rule, located in a part of the case file.
    """
    findings = check_case(case, today=today)
    for finding in findings:
        assert finding.code in _DOCUMENTED
        assert finding.severity.value == _DOCUMENTED[finding.code][0]
        assert finding.location
        assert re.split(r"[.\[]", finding.location)[0] in _PARTS
    assert check_case(case, today=today) == findings
