"""The page geometry of GB/T 9704-2012, in millimetres and points (one source for every writer).

A4 paper; a text area (版心) of 156 x 225 mm whose top edge is 37 mm below the top of the page
and whose left edge is 28 mm from the left (so 26 mm on the right and 35 mm at the bottom);
22 lines of 28 characters of 3号 (16 pt) type, so a line pitch of 225 mm / 22 = 28.99 pt and a
character pitch of 156 mm / 28 = 15.79 pt (§5.2.1, §5.2.2, §7.1). 信函格式 (§10.1) adds the
issuer mark 30 mm from the top of the page, a red double rule 4 mm below it (thick over thin)
and another 20 mm above the bottom edge (thin over thick), both 170 mm long.
"""

from __future__ import annotations

__all__ = [
    "BODY_PT",
    "BOTTOM_MM",
    "BOTTOM_RULE_MM",
    "CHARS_PER_LINE",
    "CHAR_PITCH_PT",
    "FOLIO_GAP_MM",
    "FOLIO_PT",
    "IMPRINT_PT",
    "LEFT_MM",
    "LINES_PER_PAGE",
    "LINE_PITCH_PT",
    "MASTHEAD_MAX_PT",
    "MASTHEAD_MIN_PT",
    "MASTHEAD_TOP_MM",
    "NUMBER_GAP_MM",
    "ORDINARY_MASTHEAD_TOP_MM",
    "PAGE_HEIGHT_MM",
    "PAGE_WIDTH_MM",
    "PT_PER_MM",
    "RED",
    "RIGHT_MM",
    "RULE_GAP_MM",
    "RULE_LENGTH_MM",
    "RULE_SPACE_PT",
    "RULE_THICK_PT",
    "RULE_THIN_PT",
    "RULE_TOTAL_PT",
    "SEPARATOR_PT",
    "TABLE_PT",
    "TEXT_HEIGHT_MM",
    "TEXT_WIDTH_MM",
    "TITLE_CHARS",
    "TITLE_PT",
    "TOP_MM",
    "mm",
    "pt",
]

#: Points in a millimetre.
PT_PER_MM = 72 / 25.4

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
TOP_MM = 37.0
LEFT_MM = 28.0
TEXT_WIDTH_MM = 156.0
TEXT_HEIGHT_MM = 225.0
RIGHT_MM = PAGE_WIDTH_MM - LEFT_MM - TEXT_WIDTH_MM
BOTTOM_MM = PAGE_HEIGHT_MM - TOP_MM - TEXT_HEIGHT_MM

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
#: 225 mm / 22 lines = 28.99 pt.
LINE_PITCH_PT = TEXT_HEIGHT_MM * PT_PER_MM / LINES_PER_PAGE
#: 156 mm / 28 characters = 15.79 pt, a hair less so 28 characters always fit a line.
CHAR_PITCH_PT = TEXT_WIDTH_MM * PT_PER_MM / CHARS_PER_LINE - 0.005

#: 3号: body text, headings, document number, signature, date.
BODY_PT = 16.0
#: 2号: the title and the attachment's title.
TITLE_PT = 22.0
#: Full-width characters of the title on one line (156 mm at 22 pt).
TITLE_CHARS = int(TEXT_WIDTH_MM * PT_PER_MM // TITLE_PT)
#: 4号: page numbers (§7.5) and the 版记 (抄送, §7.4.2).
FOLIO_PT = 14.0
IMPRINT_PT = 14.0
#: The feedback form's cells: 4号 as well, so its long labels fit their cells.
TABLE_PT = 14.0
#: The page number's em dash lies this far below the text area (§7.5).
FOLIO_GAP_MM = 7.0

#: 信函格式: the issuer mark's top edge below the top of the page (§10.1).
MASTHEAD_TOP_MM = 30.0
#: Ordinary layout: the issuer mark's top edge 35 mm below the text area's top (§7.2.6).
ORDINARY_MASTHEAD_TOP_MM = TOP_MM + 35.0
#: The issuer mark's size: as large as fits the text area's width, within these bounds.
MASTHEAD_MAX_PT = 30.0
MASTHEAD_MIN_PT = 22.0
#: The first double rule lies this far below the issuer mark.
RULE_GAP_MM = 4.0
#: The second double rule lies this far above the bottom edge of the page.
BOTTOM_RULE_MM = 20.0
RULE_LENGTH_MM = 170.0
#: Thick and thin lines of a double rule and the space between them (Word's 3 pt double line).
RULE_THICK_PT = 2.25
RULE_THIN_PT = 0.75
RULE_SPACE_PT = 0.75
RULE_TOTAL_PT = RULE_THICK_PT + RULE_SPACE_PT + RULE_THIN_PT
#: Ordinary layout: the red separator under the document number (§7.2.6), and the 版记 rules.
SEPARATOR_PT = 1.0
#: The red of the masthead and its rules (pure red, as 公文 templates print it).
RED = "#FF0000"
#: The document number (and the first marks) stand 7/8 of a 3号 character below the rule.
NUMBER_GAP_MM = BODY_PT * 7 / 8 / PT_PER_MM


def mm(value_pt: float) -> float:
    """Millimetres in ``value_pt`` points.

    >>> round(mm(LINE_PITCH_PT) * LINES_PER_PAGE, 6)
    225.0
    """
    return value_pt / PT_PER_MM


def pt(value_mm: float) -> float:
    """Points in ``value_mm`` millimetres.

    >>> round(pt(25.4), 6)
    72.0
    """
    return value_mm * PT_PER_MM
