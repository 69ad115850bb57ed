"""Render a :class:`~govreply.model.ReplyLetter` in the official plain-text layout.

The layout is the seed letter's (GB/T 9704 order), one part per line and parts separated by a
blank line; the gap where the seal and signature stand is three blank lines::

    (two blank lines)
    赣州市赣县区教育科技体育局          issuer
    赣区教议〔2024〕2号                doc number, then 签发人：…, (A1), (同意对外公开)
    关于区二届人大四次会议第55号建议答复的函
    马雪梅、黄春英、李珍等12名代表：
    您提出的《…》收悉，…现答复如下： opening (indented two characters, as body text is)
    一、全力推进学校减负工作        sections (labels from govreply.numerals), paragraphs
    感谢您对教育工作的关心和支持。        closing
    此致 / 敬礼！                        salutation, a line each
    附：区人大代表建议办理情况征询意见表  attachment notes
    (three blank lines)
    赣州市赣县区教育科技体育局          signature, date, （附注）
    抄送：区人大选任联工委、区政府督查室
    联系人及电话：马国有 0797—4436219
    附件 / form title / the tab-separated form (see _text_form.py)
"""

from __future__ import annotations

from govreply.formats.text._form import render_form
from govreply.model import AttachmentNote, Contact, ReplyLetter, Section
from govreply.numerals import format_date, format_label

__all__ = ["INDENT", "render"]

#: The first-line indent of a paragraph (GB/T 9704 §7.3.3: two characters).
INDENT = "\u3000\u3000"


def _sections(sections: tuple[Section, ...], level: int) -> list[list[str]]:
    blocks: list[list[str]] = []
    for index, section in enumerate(sections, 1):
        blocks.append([INDENT + format_label(level, index) + section.heading])
        blocks.extend([INDENT + p.text] for p in section.paragraphs)
        blocks.extend(_sections(section.subsections, level + 1))
    return blocks


def _attachments(notes: tuple[AttachmentNote, ...]) -> list[list[str]]:
    labels = {n.label for n in notes}
    if len(notes) > 1 and len(labels) == 1:
        label = notes[0].label
        return [
            [
                f"{INDENT}{label}：1. {notes[0].title}",
                *(f"{i}. {n.title}" for i, n in enumerate(notes[1:], 2)),
            ]
        ]
    return [[f"{INDENT}{n.label}：{n.title}"] for n in notes]


def _contact(contact: Contact) -> list[str]:
    lines = [f"联系单位：{contact.unit}"] if contact.unit is not None else []
    if contact.name is not None and contact.phone is not None:
        lines.append(f"联系人及电话：{contact.name} {contact.phone}")
    elif contact.name is not None:
        lines.append(f"联系人：{contact.name}")
    elif contact.phone is not None:
        lines.append(f"联系电话：{contact.phone}")
    return lines


def _copies(letter: ReplyLetter) -> list[str]:
    stop = "。" if letter.cc_stop else ""
    lines = []
    if letter.cc_superiors:
        lines.append("抄报：" + "、".join(letter.cc_superiors) + stop)
    if letter.cc:
        lines.append("抄送：" + "、".join(letter.cc) + stop)
    return lines


def render(letter: ReplyLetter) -> str:
    """The letter's text in the official layout (no checks: see ``text.dumps``)."""
    head: list[list[str]] = [["", ""]]
    if letter.issuer is not None:
        head.append([letter.issuer])
    marks: list[str] = []
    if letter.doc_number is not None:
        marks.append(letter.doc_number.as_printed)
    if letter.signer is not None:
        marks.append(f"签发人：{letter.signer}")
    if letter.classification is not None:
        marks.append(f"({letter.classification.code})")
    if letter.disclosure is not None:
        marks.append(f"({letter.disclosure.text})")
    if marks:
        head.append(marks)
    body: list[list[str]] = [[letter.title]] if letter.title is not None else []
    body.append([f"{letter.addressees}："])
    if letter.opening is not None:
        body.append([INDENT + letter.opening])
    body.extend([INDENT + p.text] for p in letter.paragraphs)
    body.extend(_sections(letter.sections, 1))
    if letter.closing is not None:
        body.append([INDENT + letter.closing])
    if letter.salutation:
        body.append([INDENT + letter.salutation[0], *letter.salutation[1:]])
    body.extend(_attachments(letter.attachments))
    tail: list[list[str]] = []
    signature = [letter.signed_by] if letter.signed_by is not None else []
    if letter.date is not None:
        signature.append(format_date(letter.date))
    if signature:
        tail.append(signature)
    tail.extend([f"（{note}）"] for note in letter.notes)
    copies = _copies(letter)
    if copies:
        tail.append(copies)
    if letter.contact is not None:
        tail.append(_contact(letter.contact))
    if letter.feedback_form is not None:
        tail.append(render_form(letter.feedback_form))
    out = "\n".join(head[0]) + "\n" + "\n\n".join("\n".join(b) for b in head[1:] + body)
    if tail:
        out += "\n\n\n\n" + "\n\n".join("\n".join(b) for b in tail)
    return out
