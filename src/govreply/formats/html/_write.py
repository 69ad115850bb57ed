"""Build the HTML5 document of a letter's official layout from its :class:`Plan`.

The markup is semantic, for a portal's web view and for assistive technology: ``lang="zh-CN"``;
an ``<article>`` for the letter with a ``<header>`` (issuer mark, marks, ``<h1>`` title), the
body as ``<p>`` and nested ``<section>`` with ``<h2>``–``<h5>`` headings (their labels 一、 （一）
as text), the signature in a ``<footer>`` with the date in ``<time datetime>``, the 版记 as an
``<aside>`` whose copies are ``<ul>`` lists, and the feedback form as a ``<section>`` holding a
real ``<table>`` (``<th scope>`` headers, ``<col>`` widths) labelled by its ``<h2>`` title.
Decorations (the red rules) are ``aria-hidden``.
"""

from __future__ import annotations

from lxml import etree

from govreply.formats._layout import Copies, Form, Heading, Para, Plan, break_title, width

__all__ = ["build"]

_E = etree.Element
_SUB = etree.SubElement


def _p(parent: etree._Element, cls: str, text: str | None = None) -> etree._Element:
    el = _SUB(parent, "p", {"class": cls})
    _text(el, text)
    return el


def _text(el: etree._Element, text: str | None) -> None:
    """Set ``text`` as the content of ``el``, a line break inside it as ``<br>``."""
    if not text:
        return
    first, *rest = text.split("\n")
    el.text = first
    for line in rest:
        br = _SUB(el, "br")
        br.tail = line


def _head(article: etree._Element, plan: Plan) -> None:
    head = _SUB(article, "header", {"class": "gr-head"})
    letter = plan.layout == "letter"
    if plan.masthead is not None and plan.show_masthead:
        _p(head, "gr-masthead", plan.masthead)
    if letter and plan.show_masthead:
        _SUB(head, "div", {"class": "gr-rule gr-rule-top", "aria-hidden": "true"})
        _SUB(head, "div", {"class": "gr-rule gr-rule-bottom", "aria-hidden": "true"})
    for i, mark in enumerate(plan.marks):
        _p(head, f"gr-mark gr-mark-{i}", mark)
    # 信函格式: number and 签发人 flush right, a line each; ordinary: on one line
    line = 0
    with_signer = " gr-with-signer" if plan.signer is not None else ""
    if plan.number is not None:
        _p(head, f"gr-number gr-right-0{with_signer}", plan.number)
        line += letter
    if plan.signer is not None:
        _signer(_p(head, f"gr-signer-line gr-right-{line}"), plan.signer)
    if not letter and plan.show_masthead:
        _SUB(head, "div", {"class": "gr-separator", "aria-hidden": "true"})
    if plan.title:
        h1 = _SUB(article, "h1", {"class": "gr-title"})
        for text in plan.title:
            _title_line(_SUB(h1, "span", {"class": "gr-title-line"}), text)


def _title_line(el: etree._Element, line: str) -> None:
    """One planned line of a title, with ``<wbr>`` where a narrower screen may turn it.

    The stylesheet lets a screen break a title's line only there (``word-break: keep-all``), so
    a phone shows 关于区二届人大四次会议 / 第55号建议答复的函, never a word cut in two.
    """
    pieces = [line]
    for _ in range(2):  # halves, then quarters, each at the title breaker's word ends
        pieces = [part for piece in pieces for part in break_title(piece, width(piece) / 2 + 1)]
    el.text = pieces[0]
    for piece in pieces[1:]:
        _SUB(el, "wbr").tail = piece


def _signer(el: etree._Element, name: str) -> None:
    el.text = "签发人："
    span = _SUB(el, "span", {"class": "gr-signer"})
    _text(span, name)


def _body(article: etree._Element, plan: Plan) -> None:
    stack: list[etree._Element] = [article]
    for part in plan.body:
        if isinstance(part, Heading):
            del stack[part.level :]
            section = _SUB(stack[-1], "section", {"class": f"gr-s{part.level}"})
            h = _SUB(section, f"h{part.level + 1}", {"class": f"gr-h gr-h{part.level}"})
            h.text = part.label
            span = _SUB(h, "span", {"class": "gr-heading"})
            _text(span, part.text)
            stack.append(section)
        elif isinstance(part, Para):
            if part.kind == "closing":
                del stack[1:]
            _p(stack[-1], f"gr-p gr-{part.kind}", part.text)


def _tail(article: etree._Element, plan: Plan) -> None:
    for line in plan.salutation:
        _p(article, "gr-salutation", line)
    if plan.attachments:
        numbered = " gr-numbered" if plan.attachments[0].number else ""
        box = _SUB(article, "div", {"class": "gr-attachments" + numbered})
        for i, attachment in enumerate(plan.attachments):
            entry = _p(box, "gr-attachment-line")
            lead = _SUB(entry, "span", {"class": "gr-attachment-lead"})
            if i == 0 or not attachment.number:
                lead.text = attachment.lead
            else:  # the later lines align under the first one's name
                _SUB(
                    lead, "span", {"class": "gr-pad", "style": "visibility: hidden"}
                ).text = attachment.lead
            name = _SUB(entry, "span", {"class": "gr-attachment-name"})
            _text(name, attachment.number + attachment.title)
    sign = plan.signature
    if sign is not None:
        footer = _SUB(article, "footer", {"class": "gr-signature"})
        if sign.name is not None:
            p = _p(footer, "gr-signed-by", sign.name)
            p.set("style", f"padding-right: {sign.name_right:.3f}em")
        if sign.date is not None and sign.date_text is not None:
            p = _p(footer, "gr-date")
            p.set("style", f"padding-right: {sign.date_right:.3f}em")
            _SUB(p, "time", {"datetime": sign.date.isoformat()}).text = sign.date_text
    for note in plan.notes:
        _p(article, "gr-note", f"（{note}）")
    if plan.has_imprint:
        aside = _SUB(article, "aside", {"class": "gr-imprint", "aria-label": "版记"})
        for copies in plan.copies:
            _copies(_SUB(aside, "div", {"class": "gr-copies"}), copies)
        for line in plan.contact:
            _p(aside, "gr-contact", line)


def _copies(line: etree._Element, copies: Copies) -> None:
    """A copy line: its label, then the organs as an inline list.

    The separators ``、`` and the final ``。`` are text (hidden from screen readers, which
    announce the list), so a copy of the page and a reader without the stylesheet see them;
    the inline ``display`` is in the markup for the same reason.
    """
    line.text = f"{copies.label}："
    ul = _SUB(line, "ul", {"class": "gr-cc", "style": "display: inline"})
    for i, name in enumerate(copies.names, 1):
        li = _SUB(ul, "li", {"style": "display: inline"})
        _text(li, name)
        mark = "、" if i < len(copies.names) else "。" if copies.stop else ""
        if mark:
            _SUB(li, "span", {"class": "gr-sep", "aria-hidden": "true"}).text = mark


def _form(body: etree._Element, form: Form) -> None:
    section = _SUB(body, "section", {"class": "gr-attachment", "aria-labelledby": "gr-form-title"})
    _p(section, "gr-attachment-label", form.label)
    h2 = _SUB(section, "h2", {"class": "gr-form-title", "id": "gr-form-title"})
    for line in form.title:
        _title_line(_SUB(h2, "span", {"class": "gr-title-line"}), line)
    table = _SUB(section, "table", {"class": "gr-form", "aria-labelledby": "gr-form-title"})
    group = _SUB(table, "colgroup")
    for _ in range(7):
        _SUB(group, "col")
    tbody = _SUB(table, "tbody")
    for row in form.rows:
        tr = _SUB(tbody, "tr", {"class": "gr-tall"} if row.tall else {})
        for cell in row.cells:
            attrs: dict[str, str] = {}
            if cell.header:
                attrs["scope"] = "row"
            if cell.span > 1:
                attrs["colspan"] = str(cell.span)
            if cell.align != "center":
                attrs["class"] = f"gr-{cell.align}"
            td = _SUB(tr, "th" if cell.header else "td", attrs)
            if cell.tick and cell.lines:
                td.set("aria-label", "已选")
            if len(cell.lines) == 1 and cell.align != "right":
                _text(td, cell.lines[0])
            elif cell.align == "right":  # 代表签名 on the left, 年 月 日 on the right
                _text(_SUB(td, "span", {"class": "gr-sign-label"}), cell.lines[0])
                _text(_SUB(td, "span", {"class": "gr-sign-date"}), cell.lines[1])
            else:
                for line in cell.lines:
                    _text(_SUB(td, "span", {"class": "gr-cell-line"}), line)
                if cell.fit is not None:  # the choices on one line, smaller
                    td[-1].set("style", f"white-space: nowrap; font-size: {cell.fit:g}pt")
    if form.remarks is not None:
        _p(section, "gr-remarks", form.remarks)


def build(plan: Plan, *, css: str, title: str) -> str:
    """The HTML5 document (a ``str`` starting with ``<!DOCTYPE html>``)."""
    html = _E("html", {"lang": "zh-CN"})
    head = _SUB(html, "head")
    _SUB(head, "meta", {"charset": "utf-8"})
    _SUB(head, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    _SUB(head, "title").text = title
    if css:
        _SUB(head, "style").text = css
    body = _SUB(html, "body")
    layout = "gr-letter-layout" if plan.layout == "letter" else "gr-ordinary"
    article = _SUB(body, "article", {"class": f"gr-letter {layout}"})
    _head(article, plan)
    _p(article, "gr-addressees", plan.addressees)
    _body(article, plan)
    _tail(article, plan)
    if plan.form is not None:
        section_parent = body
        _form(section_parent, plan.form)
        section_parent[-1].set("class", f"gr-attachment {layout}")
    out: str = etree.tostring(html, method="html", encoding="unicode", doctype="<!DOCTYPE html>")
    # libxml2's HTML serializer does not know <wbr> is a void element
    return out.replace("<wbr></wbr>", "<wbr>") + "\n"
