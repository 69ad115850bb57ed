"""Write a letter's :class:`~govreply.formats._layout.Plan` as a WordprocessingML document.

The document is built on python-docx's default template. Everything that sets the layout is
in the document itself, so Word, WPS and LibreOffice show the same page: one A4 section with
the GB/T 9704 margins, a document grid of 22 lines (``w:linePitch`` 579 twips) and 28
characters, paragraph styles named ``GR …`` whose fonts name the standard typefaces for East
Asian text (``w:eastAsia``), with the chain's next name as Word's alternative (``w:altName``);
exact line spacing on the grid; the issuer mark and red double rules in frames at their
millimetre positions; page numbers ``— PAGE —`` in even/odd footers (none on page 1 in
信函格式); the 版记 in a frame at the foot of the letter's last page; and the feedback form as
a bordered table on a page of its own.
"""

from __future__ import annotations

import functools
import io

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from lxml import etree

from govreply.formats._layout import FORM_COLUMNS_MM, FontRole, Form, Heading, Para, Plan, Typefaces
from govreply.formats._layout import geometry as g
from govreply.formats.docx._ooxml import (
    add_field,
    borders,
    child,
    fonts,
    frame,
    set_attrs,
    twips,
)

__all__ = ["LINE_PITCH_TWIPS", "write"]

#: The grid's line pitch: 22 lines of 579 twips (28.95 pt) fit the 225 mm text area.
LINE_PITCH_TWIPS = 579
#: Character spacing of 3号 text in twentieths of a point: 28 characters fill a line. (A
#: character grid, w:type="linesAndChars", would do the same in Word, but LibreOffice puts
#: each 16 pt character into two cells of a 15.79 pt grid.)
CHAR_SPACING = -5
_CHAR_TWIPS = g.BODY_PT * 20 + CHAR_SPACING
_RED = g.RED.lstrip("#")
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
_HEADING_STYLES = {1: "GR Heading 1", 2: "GR Heading 2", 3: "GR Heading 3", 4: "GR Heading 4"}


def _exact(ppr: etree._Element, line_twips: int, *, before: int = 0, after: int = 0) -> None:
    set_attrs(
        child(ppr, "spacing"),
        before=before,
        after=after,
        line=line_twips,
        lineRule="exact",
    )


def _style(
    document: Document,
    name: str,
    *,
    font: str,
    size: float,
    base: str | None = "GR Body",
    line: int = LINE_PITCH_TWIPS,
    first_line_chars: int | None = None,
    align: str | None = None,
    colour: str | None = None,
    outline: int | None = None,
) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = document.styles[base] if base else document.styles["Normal"]
    style.quick_style = True
    rpr = style.element.get_or_add_rPr()
    fonts(rpr, font)
    style.font.size = Pt(size)
    if colour is not None:
        style.font.color.rgb = RGBColor.from_string(colour)
    ppr = style.element.get_or_add_pPr()
    _exact(ppr, line)
    if first_line_chars is not None:
        set_attrs(
            child(ppr, "ind"),
            firstLineChars=first_line_chars * 100,
            firstLine=round(first_line_chars * _CHAR_TWIPS),
        )
    if size != g.BODY_PT:  # the character spacing and the line grid are for 3号 text
        set_attrs(child(rpr, "spacing"), val=0)
        set_attrs(child(ppr, "snapToGrid"), val=0)
    if align is not None:
        style.paragraph_format.alignment = _ALIGN[align]
    if outline is not None:
        set_attrs(child(ppr, "outlineLvl"), val=outline)
    return style


def _font_table(document: Document, typefaces: Typefaces) -> None:
    """Declare each typeface in the font table, with the chain's next name as its alternative."""
    part = document.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
    )
    root = etree.fromstring(part.blob)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    roles: tuple[FontRole, ...] = ("xiaobiaosong", "fangsong", "heiti", "kaiti", "songti")
    for role in roles:
        chain = typefaces.chain(role)
        font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": chain[0]})
        if len(chain) > 1:
            etree.SubElement(font, f"{{{w}}}altName", {f"{{{w}}}val": chain[1]})
        etree.SubElement(font, f"{{{w}}}charset", {f"{{{w}}}val": "86"})  # GB 2312
        family = "swiss" if role == "heiti" else "roman"
        etree.SubElement(font, f"{{{w}}}family", {f"{{{w}}}val": family})
        etree.SubElement(font, f"{{{w}}}pitch", {f"{{{w}}}val": "variable"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _styles(document: Document, typefaces: Typefaces) -> None:
    first = {
        r: typefaces.chain(r)[0] for r in ("xiaobiaosong", "fangsong", "heiti", "kaiti", "songti")
    }
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:  # the grid's character pitch counts from the default size
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None:
            rpr = child(rpr_default, "rPr")
            fonts(rpr, first["fangsong"])
            set_attrs(child(rpr, "sz"), val=round(g.BODY_PT * 2))
            set_attrs(child(rpr, "szCs"), val=round(g.BODY_PT * 2))
            set_attrs(child(rpr, "lang"), val="en-US", eastAsia="zh-CN")
        ppr_default = defaults.find(qn("w:pPrDefault"))
        if ppr_default is not None:
            _exact(child(ppr_default, "pPr"), LINE_PITCH_TWIPS)
    normal = document.styles["Normal"]
    fonts(normal.element.get_or_add_rPr(), first["fangsong"])
    normal.font.size = Pt(g.BODY_PT)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    rpr = normal.element.get_or_add_rPr()
    set_attrs(child(rpr, "lang"), val="en-US", eastAsia="zh-CN")
    set_attrs(child(rpr, "spacing"), val=CHAR_SPACING)
    ppr = normal.element.get_or_add_pPr()
    set_attrs(child(ppr, "autoSpaceDE"), val=0)  # no extra space between CJK and Latin
    set_attrs(child(ppr, "autoSpaceDN"), val=0)
    _exact(ppr, LINE_PITCH_TWIPS)
    set_attrs(child(ppr, "jc"), val="both")
    _style(document, "GR Body", font=first["fangsong"], size=g.BODY_PT, base=None)
    _style(document, "GR Paragraph", font=first["fangsong"], size=g.BODY_PT, first_line_chars=2)
    _style(
        document,
        "GR Masthead",
        font=first["xiaobiaosong"],
        size=g.MASTHEAD_MAX_PT,
        line=round(g.MASTHEAD_MAX_PT * 20),
        align="center",
        colour=_RED,
    )
    _style(document, "GR Title", font=first["xiaobiaosong"], size=g.TITLE_PT, align="center")
    levels: dict[int, FontRole] = {1: "heiti", 2: "kaiti", 3: "fangsong", 4: "fangsong"}
    for level, role in levels.items():
        _style(
            document,
            _HEADING_STYLES[level],
            font=first[role],
            size=g.BODY_PT,
            first_line_chars=2,
            outline=level - 1,
        )
    _style(document, "GR Imprint", font=first["fangsong"], size=g.IMPRINT_PT)
    _style(document, "GR Folio", font=first["songti"], size=g.FOLIO_PT, line=round(g.FOLIO_PT * 20))
    _style(document, "GR Attachment Label", font=first["heiti"], size=g.BODY_PT)
    _style(document, "GR Table", font=first["fangsong"], size=g.TABLE_PT, line=420, align="center")


def _new(document: Document, style: str) -> Paragraph:
    """A new paragraph in ``style`` (set by id: python-docx looks names up one by one)."""
    paragraph = document.add_paragraph()
    set_attrs(child(paragraph._p.get_or_add_pPr(), "pStyle"), val=style.replace(" ", ""))
    return paragraph


def _para(document: Document, text: str, style: str) -> Paragraph:
    paragraph = _new(document, style)
    _runs(paragraph, text)
    return paragraph


def _runs(paragraph: Paragraph, text: str) -> None:
    """Add ``text`` to ``paragraph``; a line break inside it becomes ``w:br``."""
    first, *rest = text.split("\n")
    paragraph.add_run(first)
    for line in rest:
        paragraph.add_run().add_break()
        paragraph.add_run(line)


def _ppr(paragraph: Paragraph) -> etree._Element:
    ppr: etree._Element = paragraph._p.get_or_add_pPr()
    return ppr


def _section(document: Document, plan: Plan) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(g.PAGE_WIDTH_MM), Mm(g.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(g.TOP_MM), Mm(g.BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(g.LEFT_MM), Mm(g.RIGHT_MM)
    section.header_distance = Mm(15)
    # The footer's single exact line of 14 pt: its middle 7 mm below the text area.
    section.footer_distance = Mm(g.BOTTOM_MM - g.FOLIO_GAP_MM - g.mm(g.FOLIO_PT) / 2)
    section.gutter = Twips(0)
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    set_attrs(grid, type="lines", linePitch=LINE_PITCH_TWIPS)
    document.settings.odd_and_even_pages_header_footer = True
    section.different_first_page_header_footer = plan.layout == "letter"
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        set_attrs(child(_ppr(paragraph), "pStyle"), val="GRFolio")
        paragraph.alignment = _ALIGN[side]
        set_attrs(child(_ppr(paragraph), "ind"), **{side: round(g.FOLIO_PT * 20)})
        paragraph.add_run("— ")
        add_field(paragraph._p, "PAGE", "1", None)
        paragraph.add_run(" —")
    if plan.layout == "letter":
        section.first_page_footer.is_linked_to_previous = False


def _framed(document: Document, style: str, text: str | None, **position: str | int) -> Paragraph:
    paragraph = _new(document, style)
    if text:
        _runs(paragraph, text)
    frame(_ppr(paragraph), **position)
    return paragraph


def _rule(document: Document, top_mm: float, style: str) -> None:
    """A red double rule 170 mm long, centred on the text area, its top ``top_mm`` down."""
    paragraph = _framed(
        document,
        "GR Body",
        None,
        w=twips(g.RULE_LENGTH_MM),
        h=round(g.RULE_TOTAL_PT * 20) + 20,
        hRule="exact",
        vAnchor="page",
        hAnchor="margin",
        xAlign="center",
        y=twips(top_mm),
        wrap="notBeside",
    )
    _exact(_ppr(paragraph), 20)
    size = round(g.RULE_TOTAL_PT * 8)
    borders(_ppr(paragraph), [("top", style, size, _RED)])


def _head(document: Document, plan: Plan) -> None:
    letter = plan.layout == "letter"
    mark_mm = g.mm(plan.masthead_pt)
    top = g.MASTHEAD_TOP_MM if letter else g.ORDINARY_MASTHEAD_TOP_MM
    if plan.show_masthead:
        if plan.masthead is not None:
            masthead = _framed(
                document,
                "GR Masthead",
                plan.masthead,
                w=twips(g.TEXT_WIDTH_MM),
                vAnchor="page",
                hAnchor="margin",
                xAlign="center",
                y=twips(top),
                wrap="notBeside",
            )
            _exact(_ppr(masthead), round(plan.masthead_pt * 20))
            for run in masthead.runs:
                run.font.size = Pt(plan.masthead_pt)
        if letter:
            _rule(document, top + mark_mm + g.RULE_GAP_MM, "thickThinSmallGap")
            lower = g.PAGE_HEIGHT_MM - g.BOTTOM_RULE_MM - g.mm(g.RULE_TOTAL_PT)
            _rule(document, lower, "thinThickSmallGap")
    rule_bottom = top + mark_mm + g.RULE_GAP_MM + g.mm(g.RULE_TOTAL_PT)
    # first line below the header: 7/8 of a character under the rule (信函格式)
    gap = twips(rule_bottom + g.NUMBER_GAP_MM - g.TOP_MM) - (LINE_PITCH_TWIPS - 320) // 2
    left = list(plan.marks)
    right = [x for x in (plan.number, f"签发人：{plan.signer}" if plan.signer else None) if x]
    lines: list[tuple[str, str]] = []
    if letter:
        for i in range(max(len(left), len(right))):
            lines.append((left[i] if i < len(left) else "", right[i] if i < len(right) else ""))
    else:
        lines = [(mark, "") for mark in left]
    first = True
    for mark, number in lines:
        paragraph = _new(document, "GR Body")
        if first and letter:
            _exact(_ppr(paragraph), LINE_PITCH_TWIPS, before=max(gap, 0))
        first = False
        _runs(paragraph, mark)
        if number:
            tabs = child(_ppr(paragraph), "tabs")
            set_attrs(child(tabs, "tab"), val="right", pos=twips(g.TEXT_WIDTH_MM))
            paragraph.add_run("\t" + number if mark else number)
            if not mark:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if not letter:
        _ordinary_number(document, plan, top + mark_mm)
    if plan.title:
        paragraph = _new(document, "GR Title")
        for i, line in enumerate(plan.title):
            if i:
                paragraph.add_run().add_break()
            paragraph.add_run(line)
        before = 2 * LINE_PITCH_TWIPS
        if not lines and letter:
            before += max(gap, 0)
        _exact(_ppr(paragraph), LINE_PITCH_TWIPS, before=before, after=LINE_PITCH_TWIPS)


def _ordinary_number(document: Document, plan: Plan, mark_bottom_mm: float) -> None:
    """Ordinary layout: number (and 签发人) two lines under the mark, a red rule 4 mm below."""
    if plan.number is None and plan.signer is None:
        return
    paragraph = _new(document, "GR Body")
    y = mark_bottom_mm + g.mm(2 * g.LINE_PITCH_PT)
    frame(
        _ppr(paragraph),
        w=twips(g.TEXT_WIDTH_MM),
        vAnchor="page",
        hAnchor="margin",
        xAlign="center",
        y=twips(y),
        wrap="notBeside",
    )
    if plan.signer is not None:
        tabs = child(_ppr(paragraph), "tabs")
        set_attrs(child(tabs, "tab"), val="right", pos=twips(g.TEXT_WIDTH_MM) - round(_CHAR_TWIPS))
        _runs(paragraph, "\u3000" + (plan.number or "") + "\t签发人：" + plan.signer)
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(paragraph, plan.number or "")
    if plan.show_masthead:
        borders(_ppr(paragraph), [("bottom", "single", round(g.SEPARATOR_PT * 8), _RED)])


def _body(document: Document, plan: Plan) -> None:
    _para(document, plan.addressees, "GR Body")
    for part in plan.body:
        if isinstance(part, Heading):
            _para(document, part.label + part.text, _HEADING_STYLES[part.level])
        elif isinstance(part, Para):
            _para(document, part.text, "GR Paragraph")
    for i, line in enumerate(plan.salutation):
        _para(document, line, "GR Paragraph" if i == 0 else "GR Body")
    indent = 2 * _CHAR_TWIPS
    for i, attachment in enumerate(plan.attachments):
        first = i == 0 or not attachment.number
        paragraph = _para(
            document,
            (attachment.lead if first else "") + attachment.number + attachment.title,
            "GR Body",
        )
        lead = 3 * _CHAR_TWIPS  # 附件：
        number = 0.75 * 20 * g.BODY_PT if attachment.number else 0.0
        left = indent + lead + number
        hanging = (lead if first else 0) + number
        set_attrs(child(_ppr(paragraph), "ind"), left=round(left), hanging=round(hanging))
        if i == 0:
            _exact(_ppr(paragraph), LINE_PITCH_TWIPS, before=LINE_PITCH_TWIPS)
    sign = plan.signature
    if sign is not None:
        rows = [(sign.name, sign.name_right), (sign.date_text, sign.date_right)]
        first = True
        for text, right in rows:
            if text is None:
                continue
            paragraph = _para(document, text, "GR Body")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            set_attrs(child(_ppr(paragraph), "ind"), right=round(right * _CHAR_TWIPS))
            if first:
                _exact(_ppr(paragraph), LINE_PITCH_TWIPS, before=2 * LINE_PITCH_TWIPS)
                first = False
    for note in plan.notes:
        _para(document, f"（{note}）", "GR Paragraph")


def _imprint(document: Document, plan: Plan) -> None:
    """The 版记 in a frame at the foot of the text area of the page it falls on."""
    lines = [c.text for c in plan.copies] + list(plan.contact)
    char = round(g.IMPRINT_PT * 20)
    for i, text in enumerate(lines):
        paragraph = _framed(
            document,
            "GR Imprint",
            text,
            w=twips(g.TEXT_WIDTH_MM),
            vAnchor="margin",
            hAnchor="margin",
            xAlign="center",
            yAlign="bottom",
            wrap="notBeside",
        )
        is_copy = i < len(plan.copies)
        hanging = 3 * char if is_copy else 0
        set_attrs(child(_ppr(paragraph), "ind"), left=char + hanging, right=char, hanging=hanging)
        if plan.layout == "ordinary":
            sides = []
            if i == 0:
                sides.append(("top", "single", 8, "000000"))
            if i == len(lines) - 1:
                sides.append(("bottom", "single", 8, "000000"))
            if sides:
                borders(_ppr(paragraph), sides)


def _form(document: Document, form: Form) -> None:
    label = _para(document, form.label, "GR Attachment Label")
    label.paragraph_format.page_break_before = True
    title = _new(document, "GR Title")
    for i, line in enumerate(form.title):
        if i:
            title.add_run().add_break()
        title.add_run(line)
    _exact(_ppr(title), LINE_PITCH_TWIPS, before=LINE_PITCH_TWIPS, after=LINE_PITCH_TWIPS // 2)
    table = document.add_table(rows=len(form.rows), cols=len(FORM_COLUMNS_MM))
    table.autofit = False
    tbl = table._tbl
    tblpr = tbl.tblPr
    set_attrs(child(tblpr, "tblW"), w=twips(g.TEXT_WIDTH_MM), type="dxa")
    set_attrs(child(tblpr, "tblLayout"), type="fixed")
    tbl_borders = child(tblpr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        set_attrs(child(tbl_borders, side), val="single", sz=6, space=0, color="000000")
    for column, width in zip(table.columns, FORM_COLUMNS_MM, strict=True):
        column.width = Mm(width)
    for row, spec in zip(table.rows, form.rows, strict=True):
        row.height = Mm(45 if spec.tall else 10)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        start = 0
        for cell_spec in spec.cells:
            cell = row.cells[start]
            if cell_spec.span > 1:
                cell = cell.merge(row.cells[start + cell_spec.span - 1])
            start += cell_spec.span
            cell.vertical_alignment = (
                WD_CELL_VERTICAL_ALIGNMENT.TOP
                if cell_spec.align == "left"
                else WD_CELL_VERTICAL_ALIGNMENT.CENTER
            )
            paragraph = cell.paragraphs[0]
            set_attrs(child(_ppr(paragraph), "pStyle"), val="GRTable")
            paragraph.alignment = _ALIGN[cell_spec.align]
            lines = cell_spec.lines
            if cell_spec.align == "right":  # 代表签名 on the left, 年 月 日 on the right
                tabs = child(_ppr(paragraph), "tabs")
                set_attrs(child(tabs, "tab"), val="right", pos=twips(g.TEXT_WIDTH_MM - 4))
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                _runs(paragraph, lines[0] + "\t" + lines[1])
                continue
            for i, line in enumerate(lines):
                if i:
                    paragraph.add_run().add_break()
                _runs(paragraph, line)
            if cell_spec.fit is not None:  # the choices on one line, smaller
                paragraph.runs[-1].font.size = Pt(cell_spec.fit)
    if form.remarks is not None:
        paragraph = _para(document, form.remarks, "GR Table")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        _exact(_ppr(paragraph), 420, before=LINE_PITCH_TWIPS // 2)


@functools.lru_cache(maxsize=8)
def _template(typefaces: Typefaces) -> bytes:
    """python-docx's default template with the ``GR`` styles and the font table, no body."""
    document = docx.Document()
    _styles(document, typefaces)
    _font_table(document, typefaces)
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write(plan: Plan, *, typefaces: Typefaces, title: str, author: str | None) -> bytes:
    """The DOCX file of ``plan`` (bytes of a ZIP package)."""
    document = docx.Document(io.BytesIO(_template(typefaces)))
    _section(document, plan)
    _head(document, plan)
    _body(document, plan)
    if plan.has_imprint:
        _imprint(document, plan)
        # LibreOffice anchors a frame to the paragraph after it: keep that one on this page
        anchor = _new(document, "GR Body")
        _exact(_ppr(anchor), 20)
    if plan.form is not None:
        _form(document, plan.form)
    properties = document.core_properties
    properties.title = title
    properties.author = author or ""
    properties.language = "zh-CN"
    properties.comments = "GB/T 9704-2012"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
