"""The reply letter itself, and the standard formulas for its title, opening and closing."""

from __future__ import annotations

import datetime

import attrs

from govreply.errors import ValidationError
from govreply.model._enums import ItemKind, ReplyRole
from govreply.model._validators import nonempty, nonempty_items
from govreply.model.addressees import Addressees
from govreply.model.body import AttachmentNote, Contact, Disclosure, Paragraph, Section
from govreply.model.classification import Classification
from govreply.model.docnumber import DocumentNumber
from govreply.model.feedback import FeedbackForm
from govreply.model.reference import ItemReference

__all__ = [
    "MAX_SECTION_DEPTH",
    "ReplyLetter",
    "standard_closing",
    "standard_opening",
    "standard_title",
]

#: Section levels that have a label: 一、 （一） 1. （1）.
MAX_SECTION_DEPTH = 4


def _sections_ok(
    _instance: object, attribute: attrs.Attribute[tuple[Section, ...]], value: tuple[Section, ...]
) -> None:
    for i, section in enumerate(value):
        if section.depth > MAX_SECTION_DEPTH:
            raise ValidationError(
                f"sections[{i}] nests {section.depth} levels; labels exist for "
                f"{MAX_SECTION_DEPTH} (一、 （一） 1. （1））",
                field=f"{attribute.name}[{i}]",
                value=section.depth,
            )


@attrs.frozen(kw_only=True)
class ReplyLetter:
    """A reply to a deputy's suggestion or a member's proposal.

    Only ``kind``, ``title``, ``reference`` and ``addressees`` are required; every other part
    is ``None`` or ``()`` when the letter does not print it. Body ``paragraphs`` stand before
    the numbered ``sections``. ``salutation`` keeps the lines of a complimentary close as
    printed (``("此致", "敬礼！")``). ``cc`` entries are kept as printed, so the last one
    carries the final ``。`` when the letter prints it.
    """

    kind: ItemKind
    role: ReplyRole = ReplyRole.REPLY
    issuer: str | None = attrs.field(default=None, validator=nonempty)
    doc_number: DocumentNumber | None = None
    signer: str | None = attrs.field(default=None, validator=nonempty)
    classification: Classification | None = None
    disclosure: Disclosure | None = None
    title: str = attrs.field(validator=nonempty)
    reference: ItemReference
    addressees: Addressees
    opening: str | None = attrs.field(default=None, validator=nonempty)
    paragraphs: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = attrs.field(default=(), validator=_sections_ok)
    closing: str | None = attrs.field(default=None, validator=nonempty)
    salutation: tuple[str, ...] = attrs.field(default=(), validator=nonempty_items)
    attachments: tuple[AttachmentNote, ...] = ()
    signed_by: str | None = attrs.field(default=None, validator=nonempty)
    date: datetime.date | None = None
    notes: tuple[str, ...] = attrs.field(default=(), validator=nonempty_items)
    contact: Contact | None = None
    cc: tuple[str, ...] = attrs.field(default=(), validator=nonempty_items)
    feedback_form: FeedbackForm | None = None


def standard_title(reference: ItemReference, *, role: ReplyRole = ReplyRole.REPLY) -> str:
    """The usual title for a reply to ``reference``.

    >>> from govreply.model import Congress
    >>> ref = ItemReference(kind=ItemKind.SUGGESTION, congress=Congress.parse("区二届人大四次会议"),
    ...                     number=55)
    >>> standard_title(ref)
    '关于区二届人大四次会议第55号建议答复的函'
    >>> standard_title(ref, role=ReplyRole.CO_HANDLING)
    '关于区二届人大四次会议第55号建议会办意见的函'
    """
    session = str(reference.congress) if reference.congress is not None else ""
    cited = reference.label
    if cited is None:
        if reference.title is None:
            raise ValidationError(
                "a title needs the item's number or its own title",
                field="reference",
                value=reference,
            )
        cited = f"《{reference.title}》"
    return f"关于{session}{cited}{role.chinese}的函"


def standard_opening(reference: ItemReference, *, role: ReplyRole = ReplyRole.REPLY) -> str:
    """The usual opening sentence for a reply to ``reference``.

    >>> ref = ItemReference(kind=ItemKind.SUGGESTION, number=55, title="关于关注师生心理健康的建议")
    >>> standard_opening(ref)
    '您提出的《关于关注师生心理健康的建议》（第55号建议）收悉，经认真研究办理，现答复如下：'
    """
    title = f"《{reference.title}》" if reference.title else f"{reference.kind.chinese}"
    cited = f"（{reference.label}）" if reference.label else ""
    if role is ReplyRole.CO_HANDLING:
        return f"贵单位主办的{title}{cited}收悉，经认真研究，现将我单位会办意见函告如下："
    return f"您提出的{title}{cited}收悉，经认真研究办理，现答复如下："


def standard_closing(field: str | None = None, *, kind: ItemKind = ItemKind.SUGGESTION) -> str:
    """The usual closing sentence, thanking the deputy or member for their interest in ``field``.

    >>> standard_closing("教育")
    '感谢您对教育工作的关心和支持。'
    >>> standard_closing(kind=ItemKind.PROPOSAL)
    '感谢您对我们工作的关心和支持。'
    """
    return f"感谢您对{field or '我们'}工作的关心和支持。"
