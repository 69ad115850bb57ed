"""What an official-layout page prints, in order: one plan that every writer draws.

:func:`plan` turns a :class:`~govreply.model.ReplyLetter` into the parts GB/T 9704-2012 prints,
with their text exactly as it stands on paper (labels, colons, brackets, the date in Arabic
numerals) and the typeface of each. The DOCX and HTML writers differ only in how they draw
these parts, so the three outputs always carry the same text in the same order.

The order is the standard's: issuer mark; the marks under the first rule (classification and
disclosure on the left, document number and 签发人 on the right); title; addressees; opening,
body paragraphs, sections (一、 黑体, （一） 楷体, 1. and （1） 仿宋), closing, complimentary close;
attachment notes; signature and date (the seal's place); notes (附注); the 版记 (抄报, 抄送, the
contact line); then the feedback form on a page of its own, headed 附件.
"""

from __future__ import annotations

import datetime
import unicodedata

import attrs

from govreply.formats._layout._geometry import PT_PER_MM, TABLE_PT
from govreply.formats._layout._options import FontRole, LayoutOptions
from govreply.formats._layout._title import break_title, width
from govreply.model import Contact, FeedbackForm, ItemKind, Rating, ReplyLetter, Section
from govreply.numerals import format_date, format_label

__all__ = [
    "Attachment",
    "Cell",
    "Copies",
    "Form",
    "Heading",
    "Para",
    "Plan",
    "Row",
    "Signature",
    "fit_size",
    "plan",
]

#: The typeface of each section level (GB/T 9704 §7.3.3).
HEADING_ROLES: dict[int, FontRole] = {1: "heiti", 2: "kaiti", 3: "fangsong", 4: "fangsong"}
#: The date stands this many characters from the right edge (§7.3.5.1).
DATE_RIGHT_EM = 4.0


@attrs.frozen
class Para:
    """A body paragraph, first line indented two characters. ``kind`` names its part."""

    text: str
    kind: str = "body"


@attrs.frozen
class Heading:
    """A section heading: its level (1–4), label (一、) and text, on a line of its own."""

    level: int
    label: str
    text: str

    @property
    def role(self) -> FontRole:
        """The typeface of this level."""
        return HEADING_ROLES[self.level]


@attrs.frozen
class Attachment:
    """One attachment note line: ``附件：`` on the first, ``1.`` when there are several."""

    lead: str
    number: str
    title: str


@attrs.frozen
class Signature:
    """The signature and date, with how far each stands from the right edge, in ems.

    The date stands four characters from the right; the signature is centred over the date
    (GB/T 9704 §7.3.5.1), so a long signature reaches further right than the date.
    """

    name: str | None
    date: datetime.date | None
    date_text: str | None
    name_right: float
    date_right: float


@attrs.frozen
class Copies:
    """A copy line of the 版记: ``抄送：`` and the organs, with or without the final ``。``."""

    label: str
    names: tuple[str, ...]
    stop: bool

    @property
    def text(self) -> str:
        """The line as printed."""
        return f"{self.label}：" + "、".join(self.names) + ("。" if self.stop else "")


@attrs.frozen
class Cell:
    """A table cell: text lines, columns spanned, header or data, alignment.

    ``fit`` is the size in points the last line is set at, unbroken, when it would not fit
    the cell's width on one line at the table's size (see :func:`fit_size`); ``None`` lets
    it wrap.
    """

    lines: tuple[str, ...]
    span: int = 1
    header: bool = False
    align: str = "center"
    tick: bool = False
    fit: float | None = None

    @property
    def text(self) -> str:
        """The cell's lines joined by a space (how it reads as one line)."""
        return " ".join(self.lines)


@attrs.frozen
class Row:
    """A table row; ``tall`` rows leave room to write in (the deputy's opinion)."""

    cells: tuple[Cell, ...]
    tall: bool = False


#: Column widths of the feedback form, in mm (156 in all): a label column and three pairs of
#: an option and its tick box.
FORM_COLUMNS_MM = (27.0, 29.0, 14.0, 29.0, 14.0, 29.0, 14.0)
#: The room a cell leaves its text, in mm: the larger of the HTML and Word cell paddings.
_CELL_PADDING_MM = 1.9
#: Widths in ems, on the wide side of CJK fonts' Latin glyphs: capitals, other narrow
#: characters, the space.
_UPPER_EM, _NARROW_EM, _SPACE_EM = 0.75, 0.6, 0.35
_SMALLEST_PT = 6.0


def fit_size(words: str, width_mm: float, size: float) -> float | None:
    """The size at which a line of space-separated ``words`` fits ``width_mm`` unbroken.

    ``None`` when it needs no care: it fits at ``size``, or all its words are Latin letters
    and digits, whose line breaks read back as the spaces they were. A break next to a CJK
    character reads as no space at all (CJK text wraps anywhere), so a line of choices such
    as ``甲 乙 A1`` is set smaller rather than broken.

    >>> fit_size("A1 A2 A3 B1 B2 C1 C2", 39.2, 14.0) is None
    True
    >>> fit_size("甲 乙 丙 丁", 39.2, 14.0) is None
    True
    >>> fit_size("甲 丙 D3 A7 乙 C 丁", 39.2, 14.0)
    11.5
    """
    if words.isascii():
        return None
    ems = sum(
        1.0
        if unicodedata.east_asian_width(c) in "WF"
        else _SPACE_EM
        if c == " "
        else _UPPER_EM
        if c.isupper()
        else _NARROW_EM
        for c in words
    )
    room = width_mm * PT_PER_MM
    if ems * size <= room:
        return None
    return max(_SMALLEST_PT, int(room / ems * 2) / 2)


@attrs.frozen
class Form:
    """The feedback form: ``附件`` label, title, rows of :class:`Cell` and the remarks line."""

    label: str
    title: tuple[str, ...]
    rows: tuple[Row, ...]
    remarks: str | None


@attrs.frozen
class Plan:
    """Every part of the printed letter, in order (see the module docs)."""

    layout: str
    masthead: str | None
    masthead_pt: float
    show_masthead: bool
    number: str | None
    signer: str | None
    marks: tuple[str, ...]
    title: tuple[str, ...]
    addressees: str
    body: tuple[Para | Heading, ...]
    salutation: tuple[str, ...]
    attachments: tuple[Attachment, ...]
    signature: Signature | None
    notes: tuple[str, ...]
    copies: tuple[Copies, ...]
    contact: tuple[str, ...]
    form: Form | None

    @property
    def has_imprint(self) -> bool:
        """Whether there is a 版记 (copy lines or the contact line)."""
        return bool(self.copies or self.contact)

    def texts(self) -> dict[FontRole, str]:
        """All the text printed in each typeface (what the fonts must cover)."""
        out: dict[FontRole, list[str]] = {
            "xiaobiaosong": [],
            "fangsong": [],
            "heiti": [],
            "kaiti": [],
            "songti": ["— 0123456789"],
        }
        if self.masthead is not None and self.show_masthead:
            out["xiaobiaosong"].append(self.masthead)
        out["xiaobiaosong"].extend(self.title)
        body = out["fangsong"]
        body += [self.number or "", self.signer or "", "签发人：", *self.marks, self.addressees]
        for part in self.body:
            if isinstance(part, Heading):
                out[part.role].append(part.label + part.text)
            else:
                body.append(part.text)
        body += self.salutation
        body += [a.lead + a.number + a.title for a in self.attachments]
        if self.signature is not None:
            body += [self.signature.name or "", self.signature.date_text or ""]
        body += [f"（{n}）" for n in self.notes]
        body += [c.text for c in self.copies] + list(self.contact)
        if self.form is not None:
            out["heiti"].append(self.form.label)
            out["xiaobiaosong"].extend(self.form.title)
            body += [cell.text for row in self.form.rows for cell in row.cells]
            body.append(self.form.remarks or "")
        return {role: "".join(parts) for role, parts in out.items()}


def masthead_size(text: str) -> float:
    """The issuer mark's size in points: as large as fits 156 mm, from 22 to 30 points.

    >>> masthead_size("赣州市赣县区教育科技体育局")
    30.0
    >>> masthead_size("中共赣州市赣县区委教育工作领导小组秘书组")
    22.0
    """
    from govreply.formats._layout import _geometry as g

    fit = g.TEXT_WIDTH_MM * g.PT_PER_MM / max(width(text), 1.0)
    return float(max(g.MASTHEAD_MIN_PT, min(g.MASTHEAD_MAX_PT, int(fit * 2) / 2)))


def _body(letter: ReplyLetter) -> tuple[Para | Heading, ...]:
    parts: list[Para | Heading] = []
    if letter.opening is not None:
        parts.append(Para(letter.opening, "opening"))
    parts.extend(Para(p.text) for p in letter.paragraphs)

    def walk(sections: tuple[Section, ...], level: int) -> None:
        for index, section in enumerate(sections, 1):
            parts.append(Heading(level, format_label(level, index), section.heading))
            parts.extend(Para(p.text) for p in section.paragraphs)
            walk(section.subsections, level + 1)

    walk(letter.sections, 1)
    if letter.closing is not None:
        parts.append(Para(letter.closing, "closing"))
    return tuple(parts)


def _attachments(letter: ReplyLetter) -> tuple[Attachment, ...]:
    notes = letter.attachments
    if len(notes) > 1 and len({n.label for n in notes}) == 1:
        lead = f"{notes[0].label}："
        return tuple(Attachment(lead, f"{i}. ", n.title) for i, n in enumerate(notes, 1))
    return tuple(Attachment(f"{n.label}：", "", n.title) for n in notes)


def _signature(letter: ReplyLetter) -> Signature | None:
    if letter.signed_by is None and letter.date is None:
        return None
    date_text = format_date(letter.date) if letter.date is not None else None
    if date_text is None:
        return Signature(letter.signed_by, None, None, DATE_RIGHT_EM, DATE_RIGHT_EM)
    name_width = width(letter.signed_by or "")
    name_right = max(0.0, DATE_RIGHT_EM + (width(date_text) - name_width) / 2)
    return Signature(letter.signed_by, letter.date, date_text, name_right, DATE_RIGHT_EM)


def _contact(contact: Contact | None) -> tuple[str, ...]:
    if contact is None:
        return ()
    lines = [f"联系单位：{contact.unit}"] if contact.unit is not None else []
    if contact.name is not None and contact.phone is not None:
        lines.append(f"联系人及电话：{contact.name} {contact.phone}")
    elif contact.name is not None:
        lines.append(f"联系人：{contact.name}")
    elif contact.phone is not None:
        lines.append(f"联系电话：{contact.phone}")
    return tuple(lines)


def _ratings(key: str, rating: Rating | None) -> Row:
    cells = [Cell((key,), header=True)]
    for member in (Rating.SATISFIED, Rating.BASICALLY_SATISFIED, Rating.DISSATISFIED):
        chosen = rating is member
        cells += [Cell((member.chinese,)), Cell(("√",) if chosen else (), tick=True)]
    return Row(tuple(cells))


#: The room of the options cell (建议分类 A1 A2 …), which spans the fourth and fifth columns.
_OPTIONS_MM = FORM_COLUMNS_MM[3] + FORM_COLUMNS_MM[4] - 2 * _CELL_PADDING_MM


def _form(form: FeedbackForm, title_chars: float) -> Form:
    person, item = ("代表", "建议") if form.item.kind is ItemKind.SUGGESTION else ("委员", "提案")
    contact = " ".join(x for x in (form.address, form.phone) if x is not None)
    number = (form.item.category or "") + (
        f"第{form.item.number}号" if form.item.number is not None else ""
    )
    options = " ".join(form.classification_options)
    chosen = form.classification.code if form.classification is not None else ""
    rows = (
        Row(
            (
                Cell((f"{person}姓名",), header=True),
                Cell((str(form.deputies),), span=2),
                Cell(("通讯地址", "及联系电话"), span=2, header=True),
                Cell((contact,) if contact else (), span=2),
            )
        ),
        Row((Cell((f"{item}标题",), header=True), Cell((form.item.title or "",), span=6))),
        Row(
            (
                Cell((f"{item}编号",), header=True),
                Cell((number,) if number else (), span=2),
                Cell(
                    (f"{item}分类", options) if options else (f"{item}分类",),
                    2,
                    header=True,
                    fit=fit_size(options, _OPTIONS_MM, TABLE_PT),
                ),
                Cell((chosen,) if chosen else (), span=2),
            )
        ),
        Row((Cell(("承办单位",), header=True), Cell((form.handler or "",), span=6))),
        _ratings("办理态度", form.attitude),
        _ratings("办理结果", form.result),
        Row(
            (
                Cell((f"{person}意见",), header=True),
                Cell((form.opinion,) if form.opinion else (), span=6, align="left"),
            ),
            tall=True,
        ),
        Row((Cell((f"{person}签名", "年　月　日"), span=7, align="right"),)),
    )
    remarks = None
    if form.remarks:
        remarks = "备注：" + "".join(f"{i}. {r}" for i, r in enumerate(form.remarks, 1))
    return Form("附件", break_title(form.title, title_chars), rows, remarks)


def plan(letter: ReplyLetter, options: LayoutOptions) -> Plan:
    """The printed parts of ``letter`` under ``options`` (see the module docs)."""
    from govreply.formats._layout import _geometry as g

    masthead = options.issuer_mark or letter.issuer
    marks = []
    if letter.classification is not None:
        marks.append(f"（{letter.classification.code}）")
    if letter.disclosure is not None:
        marks.append(f"（{letter.disclosure.text}）")
    copies = []
    if letter.cc_superiors:
        copies.append(Copies("抄报", letter.cc_superiors, letter.cc_stop))
    if letter.cc:
        copies.append(Copies("抄送", letter.cc, letter.cc_stop))
    return Plan(
        layout=options.layout,
        masthead=masthead,
        masthead_pt=masthead_size(masthead) if masthead is not None else g.MASTHEAD_MAX_PT,
        show_masthead=options.masthead,
        number=letter.doc_number.as_printed if letter.doc_number is not None else None,
        signer=letter.signer,
        marks=tuple(marks),
        title=break_title(letter.title, g.TITLE_CHARS) if letter.title is not None else (),
        addressees=f"{letter.addressees}：",
        body=_body(letter),
        salutation=letter.salutation,
        attachments=_attachments(letter),
        signature=_signature(letter),
        notes=letter.notes,
        copies=tuple(copies),
        contact=_contact(letter.contact),
        form=_form(letter.feedback_form, g.TITLE_CHARS) if letter.feedback_form else None,
    )
