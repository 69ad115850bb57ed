"""Closed vocabularies of the case file, each member carrying its Chinese wording as data.

The wordings are those public handling systems (人大代表建议 / 政协提案 办理系统) print; the values
are the wire values of the JSON and XML formats.
"""

from __future__ import annotations

from govreply.model._enums import _Worded, add_words

__all__ = [
    "CommunicationMode",
    "GroupKind",
    "HandlingType",
    "SessionPeriod",
    "State",
    "UnitRole",
]


class HandlingType(_Worded):
    """How an item is handled: by one unit (单办), split between units (分办), or jointly (会办).

    >>> HandlingType.JOINT.chinese
    '会办'
    """

    SINGLE = "single"
    SPLIT = "split"
    JOINT = "joint"


class UnitRole(_Worded):
    """A unit's role in handling an item.

    主办 leads a joint handling and answers the deputy; 协办 and 会办 units give the lead unit
    their opinion; a 分办 unit answers its own part; a 单办 unit handles the item alone.

    >>> UnitRole.from_chinese("主办").leads, UnitRole.ASSISTING.leads
    (True, False)
    """

    LEAD = "lead"
    ASSISTING = "assisting"
    JOINT = "joint"
    SPLIT = "split"
    SINGLE = "single"

    @property
    def leads(self) -> bool:
        """Whether a unit in this role answers the deputy itself (主办, 分办, 单办)."""
        return self in (UnitRole.LEAD, UnitRole.SPLIT, UnitRole.SINGLE)


class State(_Worded):
    """A step of the handling: the state an item, or one unit's assignment, enters.

    The usual course is 提交 → 初审 → 复审 → 交办 → 签收 → 办理 → 审核 (驳回 back to 办理, or
    通过) → 答复 → 评价 → 办结; a unit may ask to be released (申退), and the item is then
    returned (退回) for assignment to another unit. :func:`govreply.case.check_case` knows the
    legal moves (:data:`govreply.case.TRANSITIONS`).
    """

    SUBMITTED = "submitted"
    FIRST_REVIEW = "first-review"
    SECOND_REVIEW = "second-review"
    ASSIGNED = "assigned"
    SIGNED = "signed"
    HANDLING = "handling"
    REVIEW = "review"
    REJECTED = "rejected"
    APPROVED = "approved"
    REPLIED = "replied"
    EVALUATED = "evaluated"
    CLOSED = "closed"
    WITHDRAWAL_REQUESTED = "withdrawal-requested"
    RETURNED = "returned"


class CommunicationMode(_Worded):
    """How a unit communicated with the deputy or member while handling the item."""

    IN_PERSON = "in-person"
    MEETING = "meeting"
    PHONE = "phone"
    EMAIL = "email"
    LETTER = "letter"
    OTHER = "other"


class GroupKind(_Worded):
    """Who submitted a group item.

    A party (党派), a sector (界别), a special committee (专委会), a people's organisation
    (人民团体) or a congress delegation (代表团).
    """

    PARTY = "party"
    SECTOR = "sector"
    COMMITTEE = "committee"
    ORGANISATION = "organisation"
    DELEGATION = "delegation"


class SessionPeriod(_Worded):
    """When an item was submitted: during the session (大会期间) or between sessions (闭会期间).

    Items submitted between sessions are numbered in a series of their own.
    """

    SESSION = "session"
    INTERIM = "interim"


add_words(
    {
        HandlingType.SINGLE: "单办",
        HandlingType.SPLIT: "分办",
        HandlingType.JOINT: "会办",
        UnitRole.LEAD: "主办",
        UnitRole.ASSISTING: "协办",
        UnitRole.JOINT: "会办",
        UnitRole.SPLIT: "分办",
        UnitRole.SINGLE: "单办",
        State.SUBMITTED: "提交",
        State.FIRST_REVIEW: "初审",
        State.SECOND_REVIEW: "复审",
        State.ASSIGNED: "交办",
        State.SIGNED: "签收",
        State.HANDLING: "办理",
        State.REVIEW: "审核",
        State.REJECTED: "驳回",
        State.APPROVED: "通过",
        State.REPLIED: "答复",
        State.EVALUATED: "评价",
        State.CLOSED: "办结",
        State.WITHDRAWAL_REQUESTED: "申退",
        State.RETURNED: "退回",
        CommunicationMode.IN_PERSON: "面谈",
        CommunicationMode.MEETING: "座谈会",
        CommunicationMode.PHONE: "电话",
        CommunicationMode.EMAIL: "邮件",
        CommunicationMode.LETTER: "书信",
        CommunicationMode.OTHER: "其它",
        GroupKind.PARTY: "党派",
        GroupKind.SECTOR: "界别",
        GroupKind.COMMITTEE: "专委会",
        GroupKind.ORGANISATION: "人民团体",
        GroupKind.DELEGATION: "代表团",
        SessionPeriod.SESSION: "大会期间",
        SessionPeriod.INTERIM: "闭会期间",
    }
)
