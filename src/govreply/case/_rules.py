"""The rules :func:`govreply.case.check_case` applies (the table is in :mod:`govreply.case`)."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from govreply.case._casefile import CaseFile, letter_unit, same_name
from govreply.case._enums import GroupKind, HandlingType, State, UnitRole
from govreply.case._handling import Assignment
from govreply.errors import ValidationError
from govreply.model import (
    Congress,
    CongressBody,
    Finding,
    ItemKind,
    ItemReference,
    ReplyLetter,
    ReplyRole,
    Severity,
)
from govreply.rules import Rule

__all__ = [
    "CASE_RULES",
    "CO_HANDLING_MONTHS",
    "EXTENDED_MONTHS",
    "REPLY_MONTHS",
    "TRANSITIONS",
    "add_months",
    "check_case",
    "time_limit",
]

_E = Severity.ERROR
_W = Severity.WARNING
_RULE_SOURCE = "handling practice"
_CONSISTENCY = "consistency"

#: Months a unit that answers the deputy has, from the day the item was assigned.
REPLY_MONTHS = 3
#: … with an approved extension (延期).
EXTENDED_MONTHS = 6
#: Months a co-handler (协办, 会办) has to give the lead unit its opinion.
CO_HANDLING_MONTHS = 1

#: Every rule by code. The module docstring of :mod:`govreply.case` prints the same table (a
#: test keeps the two equal).
CASE_RULES: Mapping[str, Rule] = MappingProxyType(
    {
        row[0]: Rule(*row)
        for row in (
            ("GC101", _E, "submission has neither a number nor a title", _CONSISTENCY),
            ("GC102", _E, "signers total smaller than the signers named", _CONSISTENCY),
            ("GC103", _W, "congress body does not fit the item kind", _CONSISTENCY),
            ("GC104", _W, "group kind does not fit the item kind", _RULE_SOURCE),
            ("GC105", _W, "key item without a supervising leader", _RULE_SOURCE),
            ("GC106", _W, "submission names no signer and no group", _CONSISTENCY),
            ("GC201", _E, "no lead unit (主办, 分办 or 单办)", _RULE_SOURCE),
            ("GC202", _E, "more than one 主办 or 单办 unit", _RULE_SOURCE),
            ("GC203", _E, "unit role does not fit the handling type", _RULE_SOURCE),
            ("GC204", _E, "a unit holds two active assignments", _CONSISTENCY),
            ("GC205", _E, "signed for or due before it was assigned", _CONSISTENCY),
            ("GC210", _E, "deadline beyond the allowed period", _RULE_SOURCE),
            ("GC211", _E, "reply dated after its deadline", _RULE_SOURCE),
            ("GC212", _E, "co-handling opinion dated after its deadline", _RULE_SOURCE),
            ("GC213", _E, "no letter and the deadline has passed", _RULE_SOURCE),
            ("GC214", _W, "status differs from the unit's last event", _CONSISTENCY),
            ("GC301", _E, "answered item lacks a unit's letter", _RULE_SOURCE),
            ("GC302", _E, "letter from a unit that holds no assignment", _CONSISTENCY),
            ("GC303", _W, "letter names no unit (no issuer or signature)", _CONSISTENCY),
            ("GC304", _E, "letter role does not fit the unit's role", _CONSISTENCY),
            ("GC305", _E, "key item not answered by its lead unit", _RULE_SOURCE),
            ("GC310", _E, "letter's item kind differs from the submission's", _CONSISTENCY),
            ("GC311", _E, "letter's item number differs from the submission's", _CONSISTENCY),
            ("GC312", _E, "letter's item title differs from the submission's", _CONSISTENCY),
            ("GC313", _E, "letter's congress differs from the submission's", _CONSISTENCY),
            ("GC314", _E, "reply's classification differs from the proposed one", _CONSISTENCY),
            ("GC320", _E, "form's item number differs from the submission's", _CONSISTENCY),
            ("GC321", _E, "form's item title differs from the submission's", _CONSISTENCY),
            ("GC322", _E, "form's congress differs from the submission's", _CONSISTENCY),
            ("GC323", _E, "form's classification differs from the proposed one", _CONSISTENCY),
            ("GC401", _E, "feedback is in but no approved classification", _RULE_SOURCE),
            ("GC402", _W, "feedback from someone who did not sign the item", _CONSISTENCY),
            ("GC403", _W, "feedback dated before the reply", _CONSISTENCY),
            ("GC404", _E, "feedback differs from the letter's filled-in form", _CONSISTENCY),
            ("GC405", _E, "a respondent rated the same unit twice", _CONSISTENCY),
            ("GC406", _W, "feedback rates a unit that holds no assignment", _CONSISTENCY),
            ("GC501", _E, "history not in time order", _CONSISTENCY),
            ("GC502", _E, "illegal state transition", _RULE_SOURCE),
            ("GC503", _W, "event names a unit that holds no assignment", _CONSISTENCY),
        )
    }
)

_S = State
#: The states each state may be followed by (see :func:`check_case` for how they are read).
TRANSITIONS: Mapping[State, frozenset[State]] = MappingProxyType(
    {
        _S.SUBMITTED: frozenset({_S.FIRST_REVIEW, _S.SECOND_REVIEW, _S.ASSIGNED, _S.RETURNED}),
        _S.FIRST_REVIEW: frozenset({_S.SECOND_REVIEW, _S.ASSIGNED, _S.RETURNED}),
        _S.SECOND_REVIEW: frozenset({_S.ASSIGNED, _S.RETURNED}),
        _S.ASSIGNED: frozenset(
            {
                _S.ASSIGNED,
                _S.SIGNED,
                _S.HANDLING,
                _S.WITHDRAWAL_REQUESTED,
                _S.REPLIED,
                _S.EVALUATED,
                _S.CLOSED,
            }
        ),
        _S.SIGNED: frozenset({_S.HANDLING, _S.REVIEW, _S.REPLIED, _S.WITHDRAWAL_REQUESTED}),
        _S.HANDLING: frozenset({_S.HANDLING, _S.REVIEW, _S.REPLIED, _S.WITHDRAWAL_REQUESTED}),
        _S.REVIEW: frozenset({_S.REJECTED, _S.APPROVED}),
        _S.REJECTED: frozenset({_S.HANDLING, _S.REVIEW}),
        _S.APPROVED: frozenset({_S.REPLIED}),
        _S.REPLIED: frozenset({_S.REPLIED, _S.EVALUATED, _S.CLOSED, _S.HANDLING}),
        _S.EVALUATED: frozenset({_S.EVALUATED, _S.CLOSED, _S.HANDLING}),
        _S.CLOSED: frozenset(),
        _S.WITHDRAWAL_REQUESTED: frozenset({_S.RETURNED, _S.SIGNED, _S.HANDLING}),
        _S.RETURNED: frozenset({_S.ASSIGNED}),
    }
)

_ANSWERED = frozenset({State.REPLIED, State.EVALUATED, State.CLOSED})


def _finding(code: str, location: str, message: str) -> Finding:
    rule = CASE_RULES[code]
    return Finding(code=code, severity=rule.severity, message=message, location=location)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved ``months`` calendar months on, kept within the month (1-31 + 1 → 2-29).

    >>> add_months(datetime.date(2024, 1, 31), 1), add_months(datetime.date(2024, 3, 1), 3)
    (datetime.date(2024, 2, 29), datetime.date(2024, 6, 1))

    A result past the calendar's end is :data:`datetime.date.max`.
    """
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    if year > datetime.MAXYEAR:
        return datetime.date.max
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _allowed_months(assignment: Assignment) -> int:
    if not assignment.role.leads:
        return CO_HANDLING_MONTHS
    return EXTENDED_MONTHS if assignment.extended else REPLY_MONTHS


def time_limit(assignment: Assignment) -> datetime.date | None:
    """The last day ``assignment``'s unit may answer: its deadline, else the usual period.

    The usual period runs from ``assigned_on``: :data:`REPLY_MONTHS` for a unit that answers
    the deputy (:data:`EXTENDED_MONTHS` with ``extended``), :data:`CO_HANDLING_MONTHS` for a
    co-handler. ``None`` when neither a deadline nor the assignment date is known.
    """
    if assignment.deadline is not None:
        return assignment.deadline
    if assignment.assigned_on is None:
        return None
    return add_months(assignment.assigned_on, _allowed_months(assignment))


def check_case(case: CaseFile, *, today: datetime.date | None = None) -> list[Finding]:
    """Check ``case`` against every rule in :data:`CASE_RULES`.

    See :mod:`govreply.case` for the table and what each rule reads.

    Args:
        case: the case file.
        today: the date to judge deadlines by; with ``None`` (the default) no assignment is
            reported overdue (GC213), so results do not depend on when they are computed.

    Returns:
        The findings, grouped by part (submission, assignments, letters, feedback, history);
        ``[]`` for a case that follows every rule.

    Raises:
        ValidationError: ``today`` is not a :class:`datetime.date`.
    """
    if today is not None and today.__class__ is not datetime.date:
        raise ValidationError(
            f"today must be a datetime.date, got {type(today).__name__}", field="today", value=today
        )
    return [
        *_submission(case),
        *_assignments(case, today),
        *_letters(case),
        *_feedback(case),
        *_history(case),
    ]


# --------------------------------------------------------------------------------- submission


_NPC_GROUPS = frozenset({GroupKind.DELEGATION})


def _submission(case: CaseFile) -> Iterator[Finding]:
    sub = case.submission
    if sub.number is None and sub.printed_number is None and sub.title is None:
        yield _finding("GC101", "submission", "no number and no title identify the item")
    named = len(sub.signers)
    if sub.signers_total is not None and sub.signers_total < named:
        yield _finding(
            "GC102",
            "submission.signers_total",
            f"{sub.signers_total} signers counted but {named} named",
        )
    body = CongressBody.NPC if sub.kind is ItemKind.SUGGESTION else CongressBody.CPPCC
    if sub.congress is not None and sub.congress.body is not body:
        yield _finding(
            "GC103",
            "submission.congress",
            f"a {sub.kind.chinese} is submitted to the {body.chinese}, not the "
            f"{sub.congress.body.chinese}",
        )
    if sub.group is not None and (sub.group.kind in _NPC_GROUPS) != (
        sub.kind is ItemKind.SUGGESTION
    ):
        yield _finding(
            "GC104",
            "submission.group.kind",
            f"a {sub.group.kind.chinese} does not submit a {sub.kind.chinese}",
        )
    if sub.key and sub.supervisor is None:
        yield _finding("GC105", "submission.supervisor", "a key item has no supervising leader")
    if not sub.signers and sub.group is None:
        yield _finding("GC106", "submission.lead", "no lead signer, cosigner or group")


# -------------------------------------------------------------------------------- assignments


def _assignments(case: CaseFile, today: datetime.date | None) -> Iterator[Finding]:
    active = [(i, a) for i, a in enumerate(case.assignments) if a.active]
    if (case.assignments or case.letters) and not case.leads:
        yield _finding("GC201", "assignments", "no active unit is 主办, 分办 or 单办")
    yield from _roles(case, active)
    seen: dict[str, int] = {}
    for i, a in active:
        key = "".join(a.unit.split())
        if key in seen:
            yield _finding(
                "GC204",
                f"assignments[{i}].unit",
                f"{a.unit} is also assignments[{seen[key]}]",
            )
        seen.setdefault(key, i)
    for i, a in enumerate(case.assignments):
        yield from _dates(i, a)
    for i, a in active:
        yield from _timeliness(case, i, a, today)
    yield from _status(case)


def _roles(case: CaseFile, active: list[tuple[int, Assignment]]) -> Iterator[Finding]:
    firsts = [(i, a) for i, a in active if a.role in (UnitRole.LEAD, UnitRole.SINGLE)]
    for i, a in firsts[1:]:
        yield _finding(
            "GC202",
            f"assignments[{i}].role",
            f"{a.unit} is {a.role.chinese} beside {firsts[0][1].unit}",
        )
    allowed = {
        HandlingType.SINGLE: {UnitRole.SINGLE},
        HandlingType.SPLIT: {UnitRole.SPLIT, UnitRole.ASSISTING, UnitRole.JOINT},
        HandlingType.JOINT: {UnitRole.LEAD, UnitRole.ASSISTING, UnitRole.JOINT},
    }
    if case.handling is None:
        return
    for i, a in active:
        if a.role not in allowed[case.handling]:
            yield _finding(
                "GC203",
                f"assignments[{i}].role",
                f"a {a.role.chinese} unit in {case.handling.chinese} handling",
            )


def _dates(i: int, a: Assignment) -> Iterator[Finding]:
    if a.assigned_on is None:
        return
    for field in ("signed_on", "deadline"):
        day = getattr(a, field)
        if day is not None and day < a.assigned_on:
            yield _finding(
                "GC205",
                f"assignments[{i}].{field}",
                f"{field} {day} is before the item was assigned ({a.assigned_on})",
            )
    if a.deadline is not None:
        months = _allowed_months(a)
        allowed = add_months(a.assigned_on, months)
        if a.deadline > allowed:
            yield _finding(
                "GC210",
                f"assignments[{i}].deadline",
                f"due {a.deadline}, later than {months} month(s) from {a.assigned_on} ({allowed})",
            )


def _timeliness(
    case: CaseFile, i: int, a: Assignment, today: datetime.date | None
) -> Iterator[Finding]:
    limit = time_limit(a)
    if limit is None:
        return
    letters = [(j, letter) for j, letter in enumerate(case.letters) if _by(letter, a.unit)]
    code = "GC211" if a.role.leads else "GC212"
    for j, letter in letters:
        if letter.date is not None and letter.date > limit:
            yield _finding(
                code,
                f"letters[{j}].date",
                f"{a.unit} wrote on {letter.date}, after its deadline {limit}",
            )
    if today is not None and not letters and today > limit and a.status not in _ANSWERED:
        yield _finding(
            "GC213",
            f"assignments[{i}]",
            f"{a.unit} has sent no letter; its deadline was {limit}",
        )


def _status(case: CaseFile) -> Iterator[Finding]:
    last: dict[str, State] = {}
    for event in case.history:
        if event.unit is not None and event.state is not None:
            last["".join(event.unit.split())] = event.state
    for i, a in enumerate(case.assignments):
        recorded = last.get("".join(a.unit.split()))
        if a.status is not None and recorded is not None and a.status is not recorded:
            yield _finding(
                "GC214",
                f"assignments[{i}].status",
                f"status {a.status.chinese} but the last event of {a.unit} is {recorded.chinese}",
            )


# ------------------------------------------------------------------------------------ letters


def _by(letter: ReplyLetter, unit: str) -> bool:
    name = letter_unit(letter)
    return name is not None and same_name(name, unit)


def _answered(case: CaseFile) -> bool:
    return bool(case.feedback) or any(e.state in _ANSWERED for e in case.history if e.unit is None)


def _letters(case: CaseFile) -> Iterator[Finding]:
    answered = _answered(case)
    for i, a in enumerate(case.assignments):
        if not a.active or any(_by(letter, a.unit) for letter in case.letters):
            continue
        if answered or a.status in _ANSWERED:
            wanted = "reply" if a.role.leads else "co-handling opinion"
            yield _finding("GC301", f"assignments[{i}]", f"no {wanted} from {a.unit}")
    for j, letter in enumerate(case.letters):
        yield from _letter_unit(case, j, letter)
        yield from _agreement(case, j, letter)
    if (
        case.submission.key
        and case.letters
        and not any(
            letter.role is ReplyRole.REPLY and any(_by(letter, a.unit) for a in case.leads)
            for letter in case.letters
        )
    ):
        yield _finding("GC305", "letters", "no reply from the lead unit of a key item")


def _letter_unit(case: CaseFile, j: int, letter: ReplyLetter) -> Iterator[Finding]:
    unit = letter_unit(letter)
    if unit is None:
        yield _finding("GC303", f"letters[{j}]", "no issuer or signature says who wrote it")
        return
    assignment = case.assignment_of(unit)
    if assignment is None or not assignment.active:
        yield _finding("GC302", f"letters[{j}].issuer", f"{unit} holds no active assignment")
        return
    if (letter.role is ReplyRole.REPLY) != assignment.role.leads:
        yield _finding(
            "GC304",
            f"letters[{j}].role",
            f"a {letter.role.chinese} from a {assignment.role.chinese} unit ({unit})",
        )


def _squash(text: str) -> str:
    return "".join(text.split()).removeprefix("《").removesuffix("》")


def _congress_differs(a: Congress, b: Congress) -> bool:
    if (a.body, a.term) != (b.body, b.term):
        return True
    return a.session is not None and b.session is not None and a.session != b.session


def _reference_findings(
    sub_ref: ItemReference, ref: ItemReference, where: str, codes: tuple[str, str, str]
) -> Iterator[Finding]:
    number, title, congress = codes
    if ref.number is not None and sub_ref.number is not None:
        differs = ref.number != sub_ref.number
    elif ref.printed_number is not None and sub_ref.printed_number is not None:
        differs = _squash(ref.printed_number) != _squash(sub_ref.printed_number)
    else:
        differs = False
    if differs:
        yield _finding(number, f"{where}.number", f"cites {ref.label}, the item is {sub_ref.label}")
    if (
        ref.title is not None
        and sub_ref.title is not None
        and _squash(ref.title) != _squash(sub_ref.title)
    ):
        yield _finding(
            title, f"{where}.title", f"cites {ref.title!r}, the item is {sub_ref.title!r}"
        )
    if (
        ref.congress is not None
        and sub_ref.congress is not None
        and _congress_differs(ref.congress, sub_ref.congress)
    ):
        yield _finding(
            congress,
            f"{where}.congress",
            f"cites {ref.congress}, the item was submitted to {sub_ref.congress}",
        )


def _agreement(case: CaseFile, j: int, letter: ReplyLetter) -> Iterator[Finding]:
    sub = case.submission.reference
    ref = letter.reference
    if ref.kind is not sub.kind:
        yield _finding(
            "GC310",
            f"letters[{j}].reference.kind",
            f"answers a {ref.kind.chinese}, the item is a {sub.kind.chinese}",
        )
    yield from _reference_findings(sub, ref, f"letters[{j}].reference", ("GC311", "GC312", "GC313"))
    proposed = case.proposed_classification
    if (
        proposed is not None
        and letter.role is ReplyRole.REPLY
        and letter.classification is not None
        and letter.classification != proposed
    ):
        yield _finding(
            "GC314",
            f"letters[{j}].classification",
            f"classified {letter.classification}, proposed {proposed}",
        )
    form = letter.feedback_form
    if form is None:
        return
    yield from _reference_findings(
        sub, form.item, f"letters[{j}].feedback_form.item", ("GC320", "GC321", "GC322")
    )
    if proposed is not None and form.classification is not None and form.classification != proposed:
        yield _finding(
            "GC323",
            f"letters[{j}].feedback_form.classification",
            f"the form says {form.classification}, proposed {proposed}",
        )


# ----------------------------------------------------------------------------------- feedback


def _feedback(case: CaseFile) -> Iterator[Finding]:
    if case.feedback and case.approved_classification is None:
        yield _finding(
            "GC401", "approved_classification", "feedback is in; the office approved no class"
        )
    sub = case.submission
    signers = [*sub.signers, *([sub.group.name] if sub.group is not None else [])]
    replies = [
        letter.date
        for letter in case.letters
        if letter.role is ReplyRole.REPLY and letter.date is not None
    ]
    seen: dict[tuple[str, str], int] = {}
    for i, fb in enumerate(case.feedback):
        if signers and not any(same_name(fb.respondent, s) for s in signers):
            yield _finding(
                "GC402", f"feedback[{i}].respondent", f"{fb.respondent} did not sign the item"
            )
        if fb.given_on is not None and replies and fb.given_on < min(replies):
            yield _finding(
                "GC403",
                f"feedback[{i}].given_on",
                f"given on {fb.given_on}, before the first reply ({min(replies)})",
            )
        key = ("".join(fb.respondent.split()), "".join((fb.unit or "").split()))
        if key in seen:
            yield _finding(
                "GC405", f"feedback[{i}]", f"{fb.respondent} already rated in feedback[{seen[key]}]"
            )
        seen.setdefault(key, i)
        if fb.unit is not None and case.assignment_of(fb.unit) is None:
            yield _finding("GC406", f"feedback[{i}].unit", f"{fb.unit} holds no assignment")
        yield from _against_forms(case, i)


def _against_forms(case: CaseFile, i: int) -> Iterator[Finding]:
    fb = case.feedback[i]
    for letter in case.letters:
        form = letter.feedback_form
        if form is None or not any(same_name(fb.respondent, n) for n in form.deputies.names):
            continue
        if fb.unit is not None and not _by(letter, fb.unit):
            continue
        for field, mine, theirs in (
            ("work", fb.work, form.attitude),
            ("result", fb.result, form.result),
        ):
            if mine is not None and theirs is not None and mine is not theirs:
                yield _finding(
                    "GC404",
                    f"feedback[{i}].{field}",
                    f"{mine.chinese}, but the form on the letter says {theirs.chinese}",
                )


# ------------------------------------------------------------------------------------ history


def _history(case: CaseFile) -> Iterator[Finding]:
    for i in range(1, len(case.history)):
        if case.history[i].at < case.history[i - 1].at:
            yield _finding(
                "GC501",
                f"history[{i}].at",
                f"{case.history[i].at.isoformat()} comes after "
                f"{case.history[i - 1].at.isoformat()}",
            )
    last_any: State | None = None
    last_case: State | None = None
    last_unit: dict[str, State] = {}
    for i, event in enumerate(case.history):
        if event.unit is not None and case.assignment_of(event.unit) is None:
            yield _finding("GC503", f"history[{i}].unit", f"{event.unit} holds no assignment")
        state = event.state
        if state is None:
            continue
        if event.unit is None:
            before = last_any
            last_case = state
        else:
            key = "".join(event.unit.split())
            before = last_unit.get(key, last_case)
            last_unit[key] = state
        last_any = state
        if before is not None and state not in TRANSITIONS[before]:
            who = f" ({event.unit})" if event.unit is not None else ""
            yield _finding(
                "GC502", f"history[{i}].state", f"{before.chinese} → {state.chinese}{who}"
            )
