"""Closed vocabularies of the model, each member carrying its Chinese wording as data."""

from __future__ import annotations

import enum
import sys

from govreply.errors import ValidationError

if sys.version_info >= (3, 11):
    from typing import Self
else:  # pragma: no cover - Python 3.10
    from typing_extensions import Self

__all__ = ["CongressBody", "DisclosureKind", "ItemKind", "Rating", "ReplyRole", "Severity"]


class _Worded(enum.Enum):
    """An enum whose members map one-to-one to a Chinese word (``chinese``)."""

    @property
    def chinese(self) -> str:
        """The Chinese wording of this member, as printed in letters."""
        return _WORDS[self]

    @classmethod
    def from_chinese(cls, text: str) -> Self:
        """Return the member printed as ``text`` (spaces inside are ignored).

        Raises:
            ValidationError: ``text`` is not the wording of any member.
        """
        key = "".join(text.split())
        for member in cls:
            if _WORDS[member] == key:
                return member
        words = "、".join(_WORDS[m] for m in cls)
        raise ValidationError(
            f"{key!r} is not a {cls.__name__} (expected one of {words})",
            field=cls.__name__,
            value=text,
        )


class ItemKind(_Worded):
    """What the letter answers: a deputy's suggestion (人大) or a member's proposal (政协)."""

    SUGGESTION = "suggestion"
    PROPOSAL = "proposal"


class ReplyRole(_Worded):
    """Whether the letter is the lead department's reply or a co-handling opinion."""

    REPLY = "reply"
    CO_HANDLING = "co-handling"


class DisclosureKind(_Worded):
    """The disclosure status a letter's note states."""

    PUBLIC = "public"
    ON_REQUEST = "on-request"
    NOT_PUBLIC = "not-public"
    CONSENT = "consent"
    NO_CONSENT = "no-consent"
    UNKNOWN = "unknown"


class Rating(_Worded):
    """A deputy's rating of the handling on the feedback form."""

    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically-satisfied"
    DISSATISFIED = "dissatisfied"


class CongressBody(_Worded):
    """The body an item was submitted to: people's congress (人大) or CPPCC (政协)."""

    NPC = "npc"
    CPPCC = "cppcc"


class Severity(_Worded):
    """How serious a :class:`~govreply.model.Finding` is."""

    ERROR = "error"
    WARNING = "warning"


def add_words(words: dict[enum.Enum, str]) -> None:
    """Give the members of enums defined elsewhere (:mod:`govreply.case`) their wording."""
    _WORDS.update(words)


_WORDS: dict[enum.Enum, str] = {
    ItemKind.SUGGESTION: "建议",
    ItemKind.PROPOSAL: "提案",
    ReplyRole.REPLY: "答复",
    ReplyRole.CO_HANDLING: "会办意见",
    DisclosureKind.PUBLIC: "主动公开",
    DisclosureKind.ON_REQUEST: "依申请公开",
    DisclosureKind.NOT_PUBLIC: "不予公开",
    DisclosureKind.CONSENT: "同意公开",
    DisclosureKind.NO_CONSENT: "不同意公开",
    DisclosureKind.UNKNOWN: "未注明",
    Rating.SATISFIED: "满意",
    Rating.BASICALLY_SATISFIED: "基本满意",
    Rating.DISSATISFIED: "不满意",
    CongressBody.NPC: "人大",
    CongressBody.CPPCC: "政协",
    Severity.ERROR: "错误",
    Severity.WARNING: "警告",
}
