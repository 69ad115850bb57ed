"""The reply letter itself, and the standard formulas for its title, opening and closing."""

from __future__ import annotations

import datetime

import attrs

from govreply.errors import ValidationError
from govreply.model import _validators as v
from govreply.model._enums import ItemKind, ReplyRole
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
    instance: object, attribute: attrs.Attribute[tuple[Section, ...]], value: tuple[Section, ...]
) -> None:
    _SECTIONS(instance, attribute, value)
    for i, section in enumerate(value):
        if section.depth > MAX_SECTION_DEPTH:
            raise ValidationError(
                f"sections[{i}] nests {section.depth} levels; labels exist for "
                f"{MAX_SECTION_DEPTH} (一、 （一） 1. （1））",
                field=f"{attribute.name}[{i}]",
                value=section.depth,
            )


_SECTIONS = v.instances(Section)
v.describe(_sections_ok, v.Rule("sections", cls=Section, maximum=MAX_SECTION_DEPTH))


# 、，,；; between names, and a final 。: printing, not part of an organ's name
_NOT_IN_COPY_NAME = frozenset("、，,；;")


def _copy_names(
    instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    _TEXTS(instance, attribute, value)
    for i, name in enumerate(value):
        if name != name.strip() or name.endswith(("。", ".")) or _NOT_IN_COPY_NAME & set(name):
            raise ValidationError(
                f"{attribute.name}[{i}] must be one organ's name, without separators, spaces "
                f"around it or a final 。 (the layout prints those), got {name!r}",
                field=f"{attribute.name}[{i}]",
                value=name,
            )


# The same as a pattern: no white space at either end, no separator, no final 。 or .
v.describe(_copy_names, v.Rule("texts", pattern=r"(?!\s)[^、，,；;]*(?<![\s。.])"))
_TEXTS = v.texts()


@attrs.frozen(kw_only=True)
class ReplyLetter:
    """A reply to a deputy's suggestion or a member's proposal.

    Only ``kind``, ``reference`` and ``addressees`` are required; every other part is ``None``
    or ``()`` when the letter does not print it (``title`` too: a letter that prints no title
    has none, and :func:`standard_title` gives the usual one). Body ``paragraphs`` stand before
    the numbered ``sections``. ``salutation`` keeps the lines of a complimentary close as
    printed (``("此致", "敬礼！")``).

    ``cc`` (抄送) and ``cc_superiors`` (抄报, copies to superior organs) hold one organ's name per
    entry, without separators or the final ``。``. GB/T 9704 ends each copy line with ``。``;
    ``cc_stop`` is ``False`` for a letter that printed none, so :func:`govreply.check` can
    report it and the text layout prints the letter back as it was.

    Every field is type-checked when the letter is built: a ``str`` where a tuple of names
    belongs, a ``str`` where a :class:`datetime.date` belongs, or a wrong enum raises
    :class:`~govreply.errors.ValidationError` naming the field (lists become tuples).
    """

    kind: ItemKind = attrs.field(validator=v.enum_value(ItemKind))
    role: ReplyRole = attrs.field(default=ReplyRole.REPLY, validator=v.enum_value(ReplyRole))
    issuer: str | None = attrs.field(default=None, validator=v.text())
    doc_number: DocumentNumber | None = attrs.field(
        default=None, validator=v.instance(DocumentNumber)
    )
    signer: str | None = attrs.field(default=None, validator=v.text())
    classification: Classification | None = attrs.field(
        default=None, validator=v.instance(Classification)
    )
    disclosure: Disclosure | None = attrs.field(default=None, validator=v.instance(Disclosure))
    title: str | None = attrs.field(default=None, validator=v.text())
    reference: ItemReference = attrs.field(validator=v.instance(ItemReference, optional=False))
    addressees: Addressees = attrs.field(validator=v.instance(Addressees, optional=False))
    opening: str | None = attrs.field(default=None, validator=v.text())
    paragraphs: tuple[Paragraph, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.instances(Paragraph)
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=_sections_ok
    )
    closing: str | None = attrs.field(default=None, validator=v.text())
    salutation: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=_TEXTS)
    attachments: tuple[AttachmentNote, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.instances(AttachmentNote)
    )
    signed_by: str | None = attrs.field(default=None, validator=v.text())
    date: datetime.date | None = attrs.field(default=None, validator=v.date_value())
    notes: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=_TEXTS)
    contact: Contact | None = attrs.field(default=None, validator=v.instance(Contact))
    cc: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=_copy_names)
    cc_superiors: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=_copy_names
    )
    cc_stop: bool = attrs.field(default=True, validator=v.flag())
    feedback_form: FeedbackForm | None = attrs.field(
        default=None, validator=v.instance(FeedbackForm)
    )

    def __attrs_post_init__(self) -> None:
        if not self.cc_stop and not (self.cc or self.cc_superiors):
            raise ValidationError(
                "cc_stop=False records a copy line printed without its 。; there is no copy line",
                field="cc_stop",
                value=False,
            )


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
