"""The case file: an item, the units handling it, their letters, the feedback and the history."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from govreply.case._enums import HandlingType, SessionPeriod, UnitRole
from govreply.case._handling import Assignment, Event, Feedback
from govreply.case._metadata import Header, read_header
from govreply.case._submission import Group, Submission
from govreply.model import Classification, ReplyLetter, ReplyRole
from govreply.model import _validators as v

__all__ = ["CaseFile", "letter_unit", "same_name"]


@attrs.frozen(kw_only=True)
class CaseFile:
    """Everything a handling system records about one suggestion or proposal.

    ``submission`` is the item; ``handling`` how it is handled (单办, 分办, 会办); ``assignments``
    the units and their roles. ``proposed_classification`` is the class the lead unit gave its
    answer (A, B1…), ``approved_classification`` the one the supervising office approved on
    review (it may change it). ``letters`` holds the reply letters and co-handling opinions
    (:class:`~govreply.model.ReplyLetter`, told apart by ``role``), each matched to its unit by
    ``issuer`` or ``signed_by``; ``feedback`` the filled-in feedback forms; ``history`` the
    events in the order they happened, added with :meth:`record`.

    Only ``submission`` is required; a case file may be built at any step of the handling.

    >>> from govreply.model import ItemKind
    >>> case = CaseFile(submission=Submission(kind=ItemKind.SUGGESTION, number=55))
    >>> case.assignments, case.letters, case.history
    ((), (), ())
    """

    submission: Submission = attrs.field(validator=v.instance(Submission, optional=False))
    handling: HandlingType | None = attrs.field(
        default=None, validator=v.enum_value(HandlingType, optional=True)
    )
    assignments: tuple[Assignment, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.instances(Assignment)
    )
    proposed_classification: Classification | None = attrs.field(
        default=None, validator=v.instance(Classification)
    )
    approved_classification: Classification | None = attrs.field(
        default=None, validator=v.instance(Classification)
    )
    letters: tuple[ReplyLetter, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.instances(ReplyLetter)
    )
    feedback: tuple[Feedback, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.instances(Feedback)
    )
    history: tuple[Event, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.instances(Event)
    )

    @property
    def leads(self) -> tuple[Assignment, ...]:
        """The active assignments whose unit answers the deputy (主办, 分办, 单办)."""
        return tuple(a for a in self.assignments if a.active and a.role.leads)

    def assignment_of(self, unit: str) -> Assignment | None:
        """The active assignment of ``unit`` (names compared without spaces), else ``None``."""
        found = [a for a in self.assignments if same_name(a.unit, unit)]
        active = [a for a in found if a.active]
        return (active or found)[-1] if found else None

    def letters_of(self, unit: str) -> tuple[ReplyLetter, ...]:
        """The letters ``unit`` wrote (by their ``issuer`` or ``signed_by``)."""
        return tuple(
            letter
            for letter in self.letters
            if (name := letter_unit(letter)) is not None and same_name(name, unit)
        )

    def record(self, event: Event) -> CaseFile:
        """This case file with ``event`` appended to its history.

        The history only grows: this is the way to add to it. When the event names a unit
        and a state, that unit's active assignment takes the state as its ``status``.

        >>> import datetime
        >>> from govreply.case import State
        >>> from govreply.model import ItemKind
        >>> cst = datetime.timezone(datetime.timedelta(hours=8))
        >>> case = CaseFile(
        ...     submission=Submission(kind=ItemKind.SUGGESTION, number=55),
        ...     assignments=[Assignment(unit="区教育局", role=UnitRole.SINGLE)],
        ... )
        >>> case = case.record(Event(at=datetime.datetime(2024, 3, 4, 10, tzinfo=cst),
        ...                          actor="张伟", state=State.SIGNED, unit="区教育局"))
        >>> case.assignments[0].status.chinese, len(case.history)
        ('签收', 1)
        """
        assignments = self.assignments
        if event.unit is not None and event.state is not None:
            target = self.assignment_of(event.unit)
            if target is not None:
                index = max(i for i, a in enumerate(assignments) if a is target)
                changed = attrs.evolve(target, status=event.state)
                assignments = (*assignments[:index], changed, *assignments[index + 1 :])
        return attrs.evolve(self, assignments=assignments, history=(*self.history, event))

    @classmethod
    def from_letter(
        cls,
        letter: ReplyLetter,
        metadata: Mapping[str, str] | None = None,
        /,
        *,
        submission: Submission | None = None,
        handling: HandlingType | None = None,
        assignments: tuple[Assignment, ...] | list[Assignment] | None = None,
        proposed_classification: Classification | None = None,
        approved_classification: Classification | None = None,
        feedback: tuple[Feedback, ...] | list[Feedback] | None = None,
        history: tuple[Event, ...] | list[Event] = (),
    ) -> CaseFile:
        """Build a case file from a letter, what its record header said, and a system's data.

        From the letter: the item it answers (``reference``), the deputies it is addressed to
        (the lead first), its unit and role (``issuer`` or ``signed_by``; a reply makes a
        主办 unit, a co-handling opinion a 协办 unit and, from its addressee, the 主办 unit),
        its classification as the proposed one, and a filled-in feedback form as
        :class:`Feedback`. From ``metadata`` (the key/value pairs printed around a published
        letter, :attr:`govreply.formats.text.TextParseResult.metadata`, or any mapping): the
        keys listed in :data:`~govreply.case.METADATA_KEYS`, which win over what the letter
        says; other keys are ignored. The keyword arguments are the system's own data and win
        over both.

        >>> from govreply.examples import seed_letter
        >>> case = CaseFile.from_letter(seed_letter(), {"交办日期": "2024-03-01", "是否重点": "否"})
        >>> case.submission.number, case.submission.lead, case.submission.signers_total
        (55, '马雪梅', 12)
        >>> [(a.unit, a.role.chinese, str(a.assigned_on)) for a in case.assignments]
        [('赣州市赣县区教育科技体育局', '主办', '2024-03-01')]
        >>> case.proposed_classification.code
        'A1'

        Args:
            letter: the reply letter or co-handling opinion.
            metadata: the record header's key/value pairs.
            submission: the item as the system registered it (replaces what is read).
            handling: the handling type (单办, 分办, 会办).
            assignments: the units and their roles (replace what is read).
            proposed_classification: the class the lead unit proposed.
            approved_classification: the class the supervising office approved.
            feedback: the feedback received (replaces a filled-in form's).
            history: the events so far.

        Raises:
            ValidationError: a value in ``metadata`` cannot be read; ``field`` names its key.
        """
        header = read_header(metadata or {}, letter.reference.kind)
        units = (
            tuple(assignments) if assignments is not None else tuple(_assignments(letter, header))
        )
        form = letter.feedback_form
        return cls(
            submission=submission if submission is not None else _submission(letter, header),
            handling=handling if handling is not None else _handling(header, units),
            assignments=units,
            proposed_classification=proposed_classification
            or header.proposed
            or letter.classification
            or (form.classification if form is not None else None),
            approved_classification=approved_classification or header.approved,
            letters=(letter,),
            feedback=tuple(feedback) if feedback is not None else _form_feedback(letter),
            history=tuple(history),
        )


def same_name(a: str, b: str) -> bool:
    """Whether two unit or person names are the same, spaces aside."""
    return "".join(a.split()) == "".join(b.split())


def letter_unit(letter: ReplyLetter) -> str | None:
    """The unit that wrote ``letter``: its issuer, else its signature."""
    return letter.issuer or letter.signed_by


def _submission(letter: ReplyLetter, header: Header) -> Submission:
    ref = letter.reference
    lead: str | None = None
    cosigners: tuple[str, ...] = ()
    total: int | None = None
    addressees = letter.addressees
    if letter.role is ReplyRole.REPLY and addressees.role is not None and addressees.names:
        lead, cosigners, total = addressees.names[0], addressees.names[1:], addressees.total
    if header.lead is not None or header.cosigners:
        lead, cosigners = header.lead, header.cosigners
    item = letter.feedback_form.item if letter.feedback_form is not None else None
    number, printed = ref.number, ref.printed_number
    if header.number is not None or header.printed_number is not None:
        number, printed = header.number, header.printed_number
    return Submission(
        kind=ref.kind,
        congress=header.congress or ref.congress,
        number=number,
        printed_number=printed,
        period=header.period or SessionPeriod.SESSION,
        category=header.category or ref.category or (item.category if item else None),
        title=header.title or ref.title or (item.title if item else None),
        lead=lead,
        cosigners=cosigners,
        signers_total=header.signers_total or total,
        group=Group(*header.group) if header.group is not None else None,
        submitted_on=header.submitted_on,
        key=bool(header.key),
        supervisor=header.supervisor,
        merged=header.merged,
    )


def _assignments(letter: ReplyLetter, header: Header) -> list[Assignment]:
    listed: list[tuple[str, UnitRole]] = [
        (unit, UnitRole.from_chinese(word))
        for word, units in header.units.items()
        for unit in units
    ]
    own = letter_unit(letter)
    role = UnitRole.LEAD if letter.role is ReplyRole.REPLY else UnitRole.ASSISTING
    # A header that names units of the letter's kind is the system's word: the letter's unit is
    # not added beside them (a name printed differently is for check_case to report).
    named = any(r.leads == role.leads for _, r in listed)
    if letter.role is ReplyRole.CO_HANDLING:
        lead_names = letter.addressees.names if letter.addressees.role is None else ()
        if lead_names and not any(r.leads for _, r in listed):
            listed.insert(0, (lead_names[0], UnitRole.LEAD))
    if own is not None and not named and not any(same_name(own, unit) for unit, _ in listed):
        if role is UnitRole.LEAD:
            listed.insert(0, (own, role))
        else:
            listed.append((own, role))
    # The header's sign-off date and status are the letter's unit's (or, when the header
    # names that unit otherwise, those of the one unit of its kind).
    mine = [i for i, (unit, _) in enumerate(listed) if own is not None and same_name(own, unit)]
    if not mine:
        kind = [i for i, (_, r) in enumerate(listed) if r.leads == role.leads]
        mine = kind if len(kind) == 1 else []
    return [
        Assignment(
            unit=unit,
            role=unit_role,
            assigned_on=header.assigned_on,
            deadline=header.deadline if unit_role.leads else None,
            signed_on=header.signed_on if i in mine else None,
            status=header.status if i in mine else None,
        )
        for i, (unit, unit_role) in enumerate(listed)
    ]


def _handling(header: Header, units: tuple[Assignment, ...]) -> HandlingType | None:
    if header.handling is not None:
        return header.handling
    roles = {a.role for a in units}
    if roles & {UnitRole.ASSISTING, UnitRole.JOINT}:
        return HandlingType.JOINT
    if UnitRole.SPLIT in roles:
        return HandlingType.SPLIT
    if roles == {UnitRole.SINGLE}:
        return HandlingType.SINGLE
    return None


def _form_feedback(letter: ReplyLetter) -> tuple[Feedback, ...]:
    form = letter.feedback_form
    if form is None or (form.attitude is None and form.result is None and form.opinion is None):
        return ()
    deputies = form.deputies
    respondent = deputies.names[0] if deputies.names else str(deputies)
    return (
        Feedback(
            respondent=respondent,
            unit=letter_unit(letter),
            work=form.attitude,
            result=form.result,
            comments=form.opinion,
        ),
    )
