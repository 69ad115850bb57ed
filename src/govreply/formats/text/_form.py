r"""The feedback form (征询意见表) as the seed prints it: a tab-separated table of eight rows.

Each row has seven cells; ``\\t`` separates them::

    代表姓名  <deputies>  ·  通讯地址及联系电话  <address phone>  ·  ·
    建议标题  <item title>  ·  ·  ·  ·  ·
    建议编号  <category>第55号  建议分类 A1 A2 …  <classification>  ·  ·  ·
    承办单位  <handler>  ·  ·  ·  ·  ·
    办理态度  满意  [√]  基本满意  [√]  不满意  [√]
    办理结果  满 意  [√]  基本满意  [√]  不满意  [√]
    代表意见:  <opinion>  ·  ·  ·  ·  ·
    代表签名 年 月 日  ·  ·  ·  ·  ·  ·

A proposal's form says 委员 and 提案 where a suggestion's says 代表 and 建议. The rating
cells after 满意 / 基本满意 / 不满意 are the tick boxes: the chosen one holds ``√``. The
remarks follow the table as ``备注：1. …2. …``.
"""

from __future__ import annotations

import re

from govreply.errors import GovReplyError
from govreply.formats.text._body import note
from govreply.formats.text._grammar import PHONE, fold, squash
from govreply.model import (
    Addressees,
    Classification,
    FeedbackForm,
    Finding,
    ItemKind,
    ItemReference,
    Rating,
    Severity,
)

__all__ = ["find_form", "parse_form", "render_form"]

_CELLS = 7
_TICK = "√"
_TICKS = frozenset("√✓✔☑■●VvXx×")
# 满意 / 基本满意 / 不满意, and the seed's 办理结果 row prints the first as 满 意
_RATINGS = (Rating.SATISFIED, Rating.BASICALLY_SATISFIED, Rating.DISSATISFIED)


def _words(kind: ItemKind) -> tuple[str, str]:
    return ("代表", "建议") if kind is ItemKind.SUGGESTION else ("委员", "提案")


def _row(*cells: str) -> str:
    padded = list(cells) + [""] * (_CELLS - len(cells))
    return "\t".join(padded)


def _rating_row(key: str, rating: Rating | None, *, spaced: bool) -> str:
    cells = [key]
    for member in _RATINGS:
        word = member.chinese
        if spaced and member is Rating.SATISFIED:
            word = "满 意"
        cells += [word, _TICK if rating is member else ""]
    return _row(*cells)


def render_form(form: FeedbackForm) -> list[str]:
    """The form's lines: ``附件``, its title, the table and the remarks, blank-separated."""
    person, item = _words(form.item.kind)
    contact = " ".join(x for x in (form.address, form.phone) if x is not None)
    number = (form.item.category or "") + (f"第{form.item.number}号" if form.item.number else "")
    options = " ".join((f"{item}分类", *form.classification_options))
    code = form.classification.code if form.classification is not None else ""
    table = [
        _row(f"{person}姓名", str(form.deputies), "", "通讯地址及联系电话", contact),
        _row(f"{item}标题", form.item.title or ""),
        _row(f"{item}编号", number, options, code),
        _row("承办单位", form.handler or ""),
        _rating_row("办理态度", form.attitude, spaced=False),
        _rating_row("办理结果", form.result, spaced=True),
        _row(f"{person}意见:", form.opinion or ""),
        _row(f"{person}签名 年 月 日"),
    ]
    lines = ["附件", "", form.title, "", *table]
    if form.remarks:
        lines += ["", "备注：" + "".join(f"{i}. {r}" for i, r in enumerate(form.remarks, 1))]
    return lines


# 代表姓名\t马雪梅…  /  委员姓名\t…  (the first row of the table)
_FIRST_ROW = re.compile(r"^(?:代表|委员)姓名\t")
# 备注:1. 建议分类务必按要求…;2. 每位代表均需签名…
_REMARKS = re.compile(r"^备\s*注\s*[:]\s*")
_REMARK_NUMBER = re.compile(r"(?<![0-9])(?P<n>[0-9]{1,2})\.\s")
# 教科文卫类第55号
_ITEM_NUMBER = re.compile(r"^(?P<category>.{0,40}?)第?\s*(?P<number>[0-9]{1,9})\s*号$")


def find_form(lines: list[str]) -> int | None:
    """Index of the first line of the form (its ``附件`` line, else its title); ``None``."""
    for i, line in enumerate(lines):
        if "\t" in line and _FIRST_ROW.match(line):
            start = i
            back = i - 1
            while back >= 0 and not lines[back].strip():
                back -= 1
            if back >= 0 and not lines[back].strip().startswith("附件"):
                start = back
                back -= 1
                while back >= 0 and not lines[back].strip():
                    back -= 1
            if back >= 0 and squash(fold(lines[back])).rstrip(":0123456789") == "附件":
                start = back
            return start
    return None


# 通讯地址及联系电话 / 通讯地址 / 联系电话  (the label before the contact cell)
_CONTACT_LABEL = re.compile(r"^(?:通讯|通信|联系)?(?:地址|电话)")
# 建议分类 A1 A2 …  (the label that opens the options cell)
_OPTIONS_LABEL = re.compile(r"^\s*(?:建议|提案)?\s*分\s*类\s*")


def _label(cells: list[str], label: re.Pattern[str]) -> int | None:
    """The index of the first cell after the value cell (index 1) that ``label`` opens."""
    return next((i for i in range(2, len(cells)) if label.match(squash(cells[i]))), None)


def _after(cells: list[str], label: int | None, fallback: int) -> str:
    """The first non-empty cell after the ``label`` cell; ``cells[fallback]`` with no label.

    A table read from a page or a PDF has a cell per grid column, so a value spanning two
    columns is followed by an empty cell, and the cell after a label may be such a one.
    """
    if label is None:
        return cells[fallback]
    return next((c for c in cells[label + 1 :] if c), "")


def _cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.split("\t")]
    return cells + [""] * (_CELLS - len(cells))


def _rating(cells: list[str]) -> Rating | None:
    for j, member in enumerate(_RATINGS):
        word, box = cells[1 + 2 * j], cells[2 + 2 * j]
        if box in _TICKS or (word and word[0] in _TICKS):
            return member
    return None


def _opt(text: str) -> str | None:
    return text or None


def parse_form(
    lines: list[str], first_line: int, findings: list[Finding]
) -> tuple[FeedbackForm | None, list[str]]:
    """Read the form from ``lines`` (numbered from ``first_line``).

    Returns the form (``None`` when it cannot be read, with a finding) and the lines that are
    not part of it.
    """
    rows: dict[str, list[str]] = {}
    title: str | None = None
    remarks: tuple[str, ...] = ()
    rest: list[str] = []
    kind = ItemKind.SUGGESTION
    for raw in lines:
        line = raw.strip()
        if not line or squash(line).rstrip(":：0123456789") == "附件":
            continue
        if "\t" in raw:
            cells = _cells(raw.strip("\n"))
            key = squash(cells[0]).rstrip(":：")
            if key.startswith(("委员", "提案")):
                kind = ItemKind.PROPOSAL
            rows[
                key[-2:] if key.endswith(("姓名", "标题", "编号", "单位", "态度", "结果")) else key
            ] = cells
            continue
        match = _REMARKS.match(fold(line)) if line.startswith("备") else None
        if match is not None:
            body = line[match.end() :]
            marks: list[re.Match[str]] = []
            for mark in _REMARK_NUMBER.finditer(fold(body)):
                if int(mark["n"]) == len(marks) + 1:
                    marks.append(mark)
            ends = [m.start() for m in marks[1:]] + [len(body)]
            parts = [body[m.end() : end] for m, end in zip(marks, ends[: len(marks)], strict=True)]
            remarks = tuple(r.strip() for r in (parts or [body]) if r.strip())
            continue
        if title is None and not rows:
            title = line
            continue
        rest.append(raw)
    if title is None or "姓名" not in rows:
        message = (
            "a feedback-form table was found but has no title or no name row; "
            "its lines are kept as body text"
        )
        findings.append(note("GT401", message, first_line, "feedback_form"))
        return None, lines
    try:
        return _build(rows, title, remarks, kind), rest
    except GovReplyError as exc:
        message = f"the feedback form could not be read ({exc}); it is left out"
        findings.append(
            note("GT402", message, first_line, "feedback_form", severity=Severity.ERROR)
        )
        return None, rest


def _build(
    rows: dict[str, list[str]], title: str, remarks: tuple[str, ...], kind: ItemKind
) -> FeedbackForm:
    empty = [""] * _CELLS
    names = rows["姓名"]
    contact = _after(names, _label(names, _CONTACT_LABEL), 4)
    address: str | None = contact
    phone: str | None = None
    head, _, tail = contact.rpartition(" ")
    if PHONE.fullmatch(fold(contact)):
        address, phone = None, contact
    elif head.strip() and PHONE.fullmatch(fold(tail)):
        address, phone = head.strip(), tail
    number_cell = rows.get("编号", empty)
    category: str | None = None
    number: int | None = None
    match = _ITEM_NUMBER.match(fold(number_cell[1]))
    if match is not None:
        category = number_cell[1][: match.end("category")] or None
        number = int(match["number"])
    at = _label(number_cell, _OPTIONS_LABEL)
    options_cell = number_cell[at] if at is not None else number_cell[2]
    options = tuple(_OPTIONS_LABEL.sub("", options_cell, count=1).split())
    code = _after(number_cell, at, 3)
    item = ItemReference(
        kind=kind, number=number, category=category, title=_opt(rows.get("标题", empty)[1])
    )
    opinion_row = next((v for k, v in rows.items() if k.endswith("意见")), empty)
    return FeedbackForm(
        title=title,
        deputies=Addressees.parse(names[1]),
        address=_opt(address or ""),
        phone=phone,
        item=item,
        classification_options=options,
        classification=Classification.parse(code) if code else None,
        handler=_opt(rows.get("单位", empty)[1]),
        attitude=_rating(rows.get("态度", empty)),
        result=_rating(rows.get("结果", empty)),
        opinion=_opt(opinion_row[1]),
        remarks=remarks,
    )
