"""The suggestion or proposal itself, as the congress or CPPCC office registered it."""

from __future__ import annotations

import datetime

import attrs

from govreply.case._enums import GroupKind, SessionPeriod
from govreply.model import Congress, ItemKind, ItemReference
from govreply.model import _validators as v

__all__ = ["Group", "Submission"]


@attrs.frozen
class Group:
    """The body that submitted a group item: 民盟赣州市委 (a party), 经济界 (a sector).

    >>> Group(GroupKind.PARTY, "民盟赣县区委").kind.chinese
    '党派'
    """

    kind: GroupKind = attrs.field(validator=v.enum_value(GroupKind))
    name: str = attrs.field(validator=v.text(optional=False))


_TEXTS = v.texts()


@attrs.frozen(kw_only=True)
class Submission:
    """A deputy's suggestion (建议) or a member's proposal (提案), as registered.

    ``number`` is the serial the office gave it (第55号 → 55); ``printed_number`` keeps a number
    printed otherwise (with a category prefix, ``温36``; ``2021-24``), as
    :class:`~govreply.model.ItemReference` does. Items submitted between sessions
    (``period`` :attr:`~SessionPeriod.INTERIM`, 闭会期间) are numbered in a series of their own.

    ``lead`` is the first signer (领衔代表, 提案人), ``cosigners`` the others named (联名, 附议)
    and ``signers_total`` the printed head count of everyone who signed, lead included
    (…等12名代表 → 12), which may exceed the names given. ``group`` is set for a group item (a
    party's, a sector's, a delegation's); an item may have a group and no person.

    ``key`` marks a key item (重点建议 / 重点提案), whose handling a leader supervises
    (``supervisor``, 督办领导). ``merged`` lists the items merged into this one for handling
    (并案办理).

    >>> s = Submission(kind=ItemKind.SUGGESTION, number=55, title="关于关注师生心理健康的建议")
    >>> s.reference.label
    '第55号建议'
    """

    kind: ItemKind = attrs.field(validator=v.enum_value(ItemKind))
    congress: Congress | None = attrs.field(default=None, validator=v.instance(Congress))
    number: int | None = attrs.field(default=None, validator=v.integer())
    printed_number: str | None = attrs.field(default=None, validator=v.text())
    period: SessionPeriod = attrs.field(
        default=SessionPeriod.SESSION, validator=v.enum_value(SessionPeriod)
    )
    category: str | None = attrs.field(default=None, validator=v.text())
    title: str | None = attrs.field(default=None, validator=v.text())
    lead: str | None = attrs.field(default=None, validator=v.text())
    cosigners: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=_TEXTS)
    signers_total: int | None = attrs.field(default=None, validator=v.integer())
    group: Group | None = attrs.field(default=None, validator=v.instance(Group))
    submitted_on: datetime.date | None = attrs.field(default=None, validator=v.date_value())
    key: bool = attrs.field(default=False, validator=v.flag())
    supervisor: str | None = attrs.field(default=None, validator=v.text())
    merged: tuple[ItemReference, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.instances(ItemReference)
    )

    @property
    def reference(self) -> ItemReference:
        """The item as a letter cites it (kind, congress, number, category, title)."""
        return ItemReference(
            kind=self.kind,
            congress=self.congress,
            number=self.number,
            printed_number=self.printed_number,
            category=self.category,
            title=self.title,
        )

    @property
    def signers(self) -> tuple[str, ...]:
        """Everyone named as signing: the lead first, then the cosigners."""
        return (self.lead, *self.cosigners) if self.lead is not None else self.cosigners
