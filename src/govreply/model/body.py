"""The body of a letter and its small parts: paragraphs, sections, attachments, contact, disclosure.

Section labels (一、 （一） 1. （1）) are never stored: they follow from a section's depth and
position, so a reordered or inserted section can never carry a wrong label.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import attrs

from govreply.errors import ValidationError
from govreply.model import _validators as v
from govreply.model._enums import DisclosureKind
from govreply.numerals import Item, split_items

__all__ = ["AttachmentNote", "Contact", "Disclosure", "Item", "Paragraph", "Section"]


@attrs.frozen
class Paragraph:
    """A body paragraph, its text exactly as printed.

    >>> p = Paragraph("我局做了两件事。一是减负；二是培训。")
    >>> p.lead, [i.text for i in p.items]
    ('我局做了两件事。', ['一是减负；', '二是培训。'])
    """

    text: str = attrs.field(validator=v.text(optional=False))

    @property
    def lead(self) -> str:
        """The text before the first 一是 item (the whole text when there are no items)."""
        return split_items(self.text)[0]

    @property
    def items(self) -> tuple[Item, ...]:
        """The inline 一是/二是… items, in order; empty when the paragraph has none."""
        return split_items(self.text)[1]


def _subsections_ok(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Each subsection is a :class:`Section` (checked by ``_SUBSECTIONS``, made below it)."""
    _SUBSECTIONS(instance, attribute, value)


@attrs.frozen
class Section:
    """A numbered section: a heading, its paragraphs, and nested subsections.

    The top level prints as 一、, then （一）, 1. and （1）; deeper nesting has no label and is
    rejected by :class:`~govreply.model.ReplyLetter`.
    """

    heading: str = attrs.field(validator=v.text(optional=False))
    paragraphs: tuple[Paragraph, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.instances(Paragraph)
    )
    subsections: tuple[Section, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=_subsections_ok
    )

    @property
    def depth(self) -> int:
        """Levels in this section's tree: 1 for a section without subsections."""
        return 1 + max((s.depth for s in self.subsections), default=0)


_SUBSECTIONS = v.instances(Section)
v.describe(_subsections_ok, v.Rule("instances", cls=Section))


@attrs.frozen
class AttachmentNote:
    """An attachment note (附件说明): the attachment's title and the printed label.

    GB/T 9704 prints the label as 附件; some letters print 附, which :func:`govreply.check`
    reports.
    """

    title: str = attrs.field(validator=v.text(optional=False))
    label: str = attrs.field(default="附件", validator=v.text(optional=False))


@attrs.frozen
class Contact:
    """The contact line: the person, their phone as printed, and their unit (联系单位).

    ``phone`` keeps the number exactly as printed, whatever dash it uses (``0797—4436219``,
    ``020-83881538``, ``0571－87808443``). ``unit`` is the office the person belongs to
    (``海南省交通运输厅综合规划处``), kept apart from ``name``.

    >>> Contact("潘东", "65318096", unit="海南省交通运输厅综合规划处").unit
    '海南省交通运输厅综合规划处'
    """

    name: str | None = attrs.field(default=None, validator=v.text())
    phone: str | None = attrs.field(default=None, validator=v.text())
    unit: str | None = attrs.field(default=None, kw_only=True, validator=v.text())

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.phone is None and self.unit is None:
            raise ValidationError(
                "a contact needs a name, a phone or a unit", field="contact", value=None
            )


# Checked in order: the first pattern found in the note decides its kind.
_DISCLOSURE_PATTERNS: tuple[tuple[re.Pattern[str], DisclosureKind], ...] = (
    # bounded: at most 40 characters between 同意 and 公开, so a search is linear in the note
    (re.compile(r"不同意.{0,40}公开|同意公开[:：]?否|公开[:：]否"), DisclosureKind.NO_CONSENT),
    (re.compile(r"依申请公开"), DisclosureKind.ON_REQUEST),
    (re.compile(r"不予公开|不公开|免予公开|非公开"), DisclosureKind.NOT_PUBLIC),
    (re.compile(r"同意.{0,40}公开|同意公开[:：]?是|公开[:：]是"), DisclosureKind.CONSENT),
    (re.compile(r"主动公开|公开发布|予以公开|全文公开|公开"), DisclosureKind.PUBLIC),
)


@attrs.frozen
class Disclosure:
    """The disclosure note (公开属性) as printed, and what it means.

    >>> Disclosure.parse("（同意对外公开）")
    Disclosure(text='同意对外公开', kind=<DisclosureKind.CONSENT: 'consent'>)
    >>> Disclosure.parse("此件公开发布").kind.value
    'public'
    """

    text: str = attrs.field(validator=v.text(optional=False))
    kind: DisclosureKind = attrs.field(
        default=DisclosureKind.UNKNOWN, validator=v.enum_value(DisclosureKind)
    )

    @classmethod
    def parse(cls, text: str) -> Disclosure:
        """Read a disclosure note; surrounding brackets are dropped and the kind inferred.

        Raises:
            ValidationError: ``text`` is empty.
        """
        note = text.strip().strip("()（）").strip()
        if not note:
            raise ValidationError("empty disclosure note", field="disclosure", value=text)
        folded = unicodedata.normalize("NFKC", "".join(note.split()))
        for pattern, kind in _DISCLOSURE_PATTERNS:
            if pattern.search(folded):
                return cls(note, kind)
        return cls(note, DisclosureKind.UNKNOWN)
