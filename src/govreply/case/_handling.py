"""Who handles an item (assignments), what its deputies said (feedback), what happened (events)."""

from __future__ import annotations

import datetime

import attrs

from govreply.case._enums import CommunicationMode, State, UnitRole
from govreply.errors import ValidationError
from govreply.model import Rating
from govreply.model import _validators as v

__all__ = ["Assignment", "Event", "Feedback"]


@attrs.frozen(kw_only=True)
class Assignment:
    """One unit's part in handling an item (交办): its role, dates and where it stands.

    ``deadline`` is the date the office set (办理期限); when it is ``None`` the rules apply the
    usual period: three months from ``assigned_on`` for a unit that answers the deputy, six
    when an extension was approved (``extended``, 延期), one month for a co-handler's opinion.
    ``signed_on`` is the date the unit signed for the item (签收); ``status`` the state its
    handling is in.

    >>> a = Assignment(unit="区教育科技体育局", role=UnitRole.LEAD,
    ...                assigned_on=datetime.date(2024, 3, 1))
    >>> a.role.chinese, a.status
    ('主办', None)
    """

    unit: str = attrs.field(validator=v.text(optional=False))
    role: UnitRole = attrs.field(validator=v.enum_value(UnitRole))
    assigned_on: datetime.date | None = attrs.field(default=None, validator=v.date_value())
    deadline: datetime.date | None = attrs.field(default=None, validator=v.date_value())
    extended: bool = attrs.field(default=False, validator=v.flag())
    signed_on: datetime.date | None = attrs.field(default=None, validator=v.date_value())
    status: State | None = attrs.field(default=None, validator=v.enum_value(State, optional=True))

    @property
    def active(self) -> bool:
        """Whether the unit still holds the item (it was not returned, 退回)."""
        return self.status is not State.RETURNED


@attrs.frozen(kw_only=True)
class Feedback:
    """One respondent's filled-in feedback form (征询意见表), as data.

    ``respondent`` is the deputy or member who answered; ``unit`` the unit whose handling they
    rated (``None``: the item's handling as a whole). ``modes`` are the ways the unit
    communicated with them (面谈, 电话…). ``work`` is the rating of the handling work (办理工作,
    the form's 办理态度: :attr:`govreply.model.FeedbackForm.attitude`) and ``result`` the
    rating of the result (办理结果), kept apart as the forms keep them.

    >>> f = Feedback(respondent="马雪梅", work=Rating.SATISFIED, result=Rating.BASICALLY_SATISFIED)
    >>> f.work.chinese, f.result.chinese
    ('满意', '基本满意')
    """

    respondent: str = attrs.field(validator=v.text(optional=False))
    unit: str | None = attrs.field(default=None, validator=v.text())
    modes: tuple[CommunicationMode, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.instances(CommunicationMode)
    )
    work: Rating | None = attrs.field(default=None, validator=v.enum_value(Rating, optional=True))
    result: Rating | None = attrs.field(default=None, validator=v.enum_value(Rating, optional=True))
    comments: str | None = attrs.field(default=None, validator=v.text())
    given_on: datetime.date | None = attrs.field(default=None, validator=v.date_value())


@attrs.frozen(kw_only=True)
class Event:
    """One entry of a case's history: who did what, and when.

    ``at`` is a time-zone-aware time (China Standard Time is ``timezone(timedelta(hours=8))``);
    ``actor`` the person or office that acted; ``state`` the state the item (or, with
    ``unit``, that unit's assignment) entered; ``note`` what was done, in words. An event
    says what happened: it has a ``state``, a ``note`` or both.

    >>> cst = datetime.timezone(datetime.timedelta(hours=8))
    >>> e = Event(at=datetime.datetime(2024, 3, 1, 9, 30, tzinfo=cst), actor="区人大选任联工委",
    ...           state=State.ASSIGNED, unit="区教育科技体育局")
    >>> e.state.chinese
    '交办'
    """

    at: datetime.datetime = attrs.field(validator=v.timestamp())
    actor: str = attrs.field(validator=v.text(optional=False))
    state: State | None = attrs.field(default=None, validator=v.enum_value(State, optional=True))
    unit: str | None = attrs.field(default=None, validator=v.text())
    note: str | None = attrs.field(default=None, validator=v.text())

    def __attrs_post_init__(self) -> None:
        if self.state is None and self.note is None:
            raise ValidationError(
                "an event needs a state, a note or both (what happened)", field="state"
            )
