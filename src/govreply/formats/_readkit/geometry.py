"""From positioned glyphs to the text reader's layout: lines, paragraphs, tables, page chrome.

PDF and OFD pages are glyphs at positions. Official letters hard-wrap every line at 28
characters, start each paragraph with a two-character indent, centre the title, set the
signature and date flush right, and print a page number (``— 2 —``) below the text block. This
module rebuilds what the text reader needs from that geometry:

1. glyphs sharing a baseline form a line, read left to right; a gap wider than a space is a
   space (``联系人：张三  电话：…``);
2. lines in a ruled table (horizontal and vertical rules around every cell) become rows of
   tab-separated cells, each cell's text once, at the grid column where the cell starts;
3. page numbers and running headers or footers at the top and bottom of pages are removed;
4. a line that starts at the left edge of the text block after a line that reached its right
   edge continues that line's paragraph, across a page break too.

Coordinates are in points with y growing downwards (PDF's are flipped by the reader).
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

from govreply.formats._readkit.result import note
from govreply.model import Finding

__all__ = ["Glyph", "Page", "Rule", "layout_text"]


class Glyph(NamedTuple):
    """One character and its box (left, top, right, bottom; y grows downwards)."""

    char: str
    x0: float
    y0: float
    x1: float
    y1: float


class Rule(NamedTuple):
    """A straight horizontal or vertical line drawn on the page (a table border)."""

    x0: float
    y0: float
    x1: float
    y1: float


class Page(NamedTuple):
    """A page's glyphs (any order), its rules, and its size."""

    glyphs: Sequence[Glyph]
    rules: Sequence[Rule]
    width: float
    height: float


class _Line:
    """Glyphs on one baseline; ``text`` once built."""

    __slots__ = ("em", "gap", "glyphs", "page", "text", "x0", "x1", "y0", "y1")

    def __init__(self, glyphs: list[Glyph], page: int) -> None:
        glyphs.sort(key=lambda g: g.x0)
        self.glyphs = glyphs = _overprint(glyphs)
        self.page = page
        self.x0 = min(g.x0 for g in glyphs)
        self.x1 = max(g.x1 for g in glyphs)
        self.y0 = min(g.y0 for g in glyphs)
        self.y1 = max(g.y1 for g in glyphs)
        self.em = statistics.median(g.y1 - g.y0 for g in glyphs if g.char != " ") or 1.0
        self.text = _join(glyphs, self.em)
        #: the widest gap between two glyphs (marks on the left, a number flush right)
        self.gap = max((b.x0 - a.x1 for a, b in itertools.pairwise(glyphs)), default=0.0)


class _Table:
    """A ruled table: its box and its rows of cells (grid columns, text once per cell)."""

    __slots__ = ("rows", "y0", "y1")

    def __init__(self, rows: list[list[str]], y0: float, y1: float) -> None:
        self.rows = rows
        self.y0 = y0
        self.y1 = y1


def _overprint(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop glyphs drawn again over themselves (fake bold prints every character twice)."""
    out: list[Glyph] = []
    for g in glyphs:
        if out:
            last = out[-1]
            width = max(last.x1 - last.x0, 0.1)
            if (
                g.char == last.char
                and abs(g.x0 - last.x0) < 0.3 * width
                and abs(g.y0 - last.y0) < 0.3 * width
            ):
                continue
        out.append(g)
    return out


# Gaps (in ems of the line) read as a space: a CJK space is about a third of an em, word
# processors' autospace between CJK and digits (no space character) about a fifth.
_CJK_GAP: Final = 0.25  # between two CJK glyphs
_MIXED_GAP: Final = 0.25  # between a CJK glyph and a Latin letter or digit
_LATIN_GAP: Final = 0.12  # between two Latin letters or digits


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _join(glyphs: Sequence[Glyph], em: float) -> str:
    out: list[str] = []
    prev: Glyph | None = None
    for g in glyphs:
        if g.char == " ":  # a space the file itself holds
            if out and out[-1] != " ":
                out.append(" ")
            continue
        if prev is not None:
            gap = g.x0 - prev.x1
            # Word processors space CJK from Latin and digits (autospace) without a space
            # character, so only a gap between two narrow characters is read at the low limit.
            wide = _wide(prev.char) + _wide(g.char)
            limit = (_LATIN_GAP, _MIXED_GAP, _CJK_GAP)[wide]
            if gap > limit * em and out and out[-1] != " ":
                out.append(" ")
        out.append(g.char)
        prev = g
    return "".join(out).strip()


def _lines(glyphs: Iterable[Glyph], page: int) -> list[_Line]:
    """Glyphs grouped by baseline, top to bottom (whitespace glyphs dropped)."""
    ordered = sorted(
        (g for g in glyphs if (g.char == " " or not g.char.isspace()) and g.y1 > g.y0),
        key=lambda g: (g.y0 + g.y1) / 2,
    )
    groups: list[list[Glyph]] = []
    centre = height = 0.0
    for g in ordered:
        mid, h = (g.y0 + g.y1) / 2, g.y1 - g.y0
        if groups and abs(mid - centre) <= 0.45 * max(height, h):
            groups[-1].append(g)
            continue
        groups.append([g])
        centre, height = mid, h
    return [_Line(group, page) for group in groups if any(g.char != " " for g in group)]


# ------------------------------------------------------------------------- tables


def _cluster(values: Iterable[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if out and value - out[-1] <= tolerance:
            continue
        out.append(value)
    return out


_MAX_RULES: Final = 2000  # more is a drawing, not a table


def _tables(rules: Sequence[Rule], lines: list[_Line]) -> tuple[list[_Table], list[_Line]]:
    """Ruled tables on the page and the lines outside them."""
    if len(rules) > _MAX_RULES:
        return [], lines
    horizontal = [r for r in rules if abs(r.y1 - r.y0) < 2.5 and r.x1 - r.x0 > 8]
    vertical = [r for r in rules if abs(r.x1 - r.x0) < 2.5 and r.y1 - r.y0 > 8]
    if len(horizontal) < 2 or len(vertical) < 2:
        return [], lines
    tables: list[_Table] = []
    for box in _table_boxes(horizontal, vertical):
        table = _read_table(box, horizontal, vertical, lines)
        if table is not None:
            tables.append(table)
    if not tables:
        return [], lines
    rest = [
        ln for ln in lines if not any(t.y0 - 1 <= (ln.y0 + ln.y1) / 2 <= t.y1 + 1 for t in tables)
    ]
    return tables, rest


def _table_boxes(
    horizontal: list[Rule], vertical: list[Rule]
) -> list[tuple[float, float, float, float]]:
    """Boxes of groups of rules that touch each other (one group per table)."""
    boxes: list[list[float]] = []
    for r in sorted(horizontal + vertical, key=lambda r: (r.y0, r.x0)):
        x0, x1 = min(r.x0, r.x1), max(r.x0, r.x1)
        y0, y1 = min(r.y0, r.y1), max(r.y0, r.y1)
        for box in boxes:
            if x0 <= box[2] + 3 and x1 >= box[0] - 3 and y0 <= box[3] + 3 and y1 >= box[1] - 3:
                box[0], box[1] = min(box[0], x0), min(box[1], y0)
                box[2], box[3] = max(box[2], x1), max(box[3], y1)
                break
        else:
            boxes.append([x0, y0, x1, y1])
    return [(b[0], b[1], b[2], b[3]) for b in boxes if b[2] - b[0] > 50 and b[3] - b[1] > 20]


def _read_table(
    box: tuple[float, float, float, float],
    horizontal: list[Rule],
    vertical: list[Rule],
    lines: list[_Line],
) -> _Table | None:
    bx0, by0, bx1, by1 = box

    def inside(r: Rule) -> bool:
        return bx0 - 3 <= r.x0 <= bx1 + 3 and by0 - 3 <= r.y0 <= by1 + 3

    hs = [r for r in horizontal if inside(r)]
    vs = [r for r in vertical if inside(r)]
    ys = _cluster((r.y0 for r in hs), 2.0)
    xs = _cluster((r.x0 for r in vs), 2.0)
    if len(ys) < 2 or len(xs) < 2:
        return None
    # Each column border's drawn stretches, merged and sorted, for bisection by row.
    spans: dict[float, list[tuple[float, float]]] = {x: [] for x in xs}
    for v in vs:
        x = xs[min(bisect.bisect_left(xs, v.x0 - 2), len(xs) - 1)]
        if abs(x - v.x0) <= 2:
            spans[x].append((min(v.y0, v.y1) - 1, max(v.y0, v.y1) + 1))
    merged = {x: _merge(stretches) for x, stretches in spans.items()}
    starts = {x: [a for a, _ in m] for x, m in merged.items()}
    glyphs = sorted(
        (
            g
            for ln in lines
            if by0 - 3 <= ln.y0 and ln.y1 <= by1 + 3
            for g in ln.glyphs
            if bx0 - 3 <= g.x0 and g.x1 <= bx1 + 3
        ),
        key=lambda g: (g.y0 + g.y1) / 2,
    )
    mids = [(g.y0 + g.y1) / 2 for g in glyphs]
    rows: list[list[str]] = []
    for top, bottom in itertools.pairwise(ys):
        mid = (top + bottom) / 2
        band = glyphs[bisect.bisect_left(mids, top) : bisect.bisect_left(mids, bottom)]
        if not band:
            continue
        # The column borders drawn across this row; a missing one means a merged cell.
        borders = [x for x in xs if _covers(merged[x], starts[x], mid)]
        if len(borders) < 2:
            continue
        cells = [""] * (len(xs) - 1)
        for left, right in itertools.pairwise(borders):
            inner = [g for g in band if left <= (g.x0 + g.x1) / 2 < right]
            if inner:
                cells[xs.index(left)] = _cell_text(inner, right)
        if any(cells):
            rows.append(cells)
    if not rows:
        return None
    return _Table(rows, ys[0], ys[-1])


def _merge(stretches: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in sorted(stretches):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _covers(merged: list[tuple[float, float]], starts: list[float], y: float) -> bool:
    i = bisect.bisect_right(starts, y) - 1
    return i >= 0 and merged[i][0] <= y <= merged[i][1]


def _cell_text(glyphs: list[Glyph], right: float) -> str:
    """A cell's lines joined: wrapped CJK runs join directly, Latin words with a space.

    A line that stops short of the cell's right edge broke at a space (or ended a
    paragraph): next to a Latin letter or digit, that space is kept; so is the break before a
    number or Latin word that follows Chinese text (``赣县区南塘中学`` / ``18707070780``,
    ``建议分类`` / ``A1 A2``): lines in narrow cells break there at the space.
    """
    parts: list[str] = []
    last: _Line | None = None
    for line in _lines(glyphs, 0):
        if last is not None and parts[-1] and line.text:
            before, after = parts[-1][-1], line.text[0]
            latin = not _wide(before) or not _wide(after)
            early = last.x1 < right - 1.5 * last.em
            starts_word = _wide(before) and after.isascii() and after.isalnum()
            if (latin and early) or starts_word or not (_wide(before) or _wide(after)):
                parts.append(" ")
        parts.append(line.text)
        last = line
    return "".join(parts).replace("\t", " ")


# ------------------------------------------------------------------------- page chrome

# — 2 —  /  - 2 -  /  –– 1 ––  /  ~2~  /  2   (GB/T 9704 7.5; word processors' variants)
_PAGE_NUMBER: Final = re.compile(r"[—–\-－~～_·.\s]*[0-9]{1,4}[—–\-－~～_·.\s]*")
# 第2页 共3页 / 第 2 页，共 3 页 / 2/3 / Page 2 of 3
_PAGE_OF: Final = re.compile(
    r"第\s*[0-9]{1,4}\s*页\s*[,，/]?\s*(?:共\s*[0-9]{1,4}\s*页)?"
    r"|[0-9]{1,4}\s*/\s*[0-9]{1,4}"
    r"|[Pp]age\s*[0-9]{1,4}(?:\s*of\s*[0-9]{1,4})?"
)
_DIGITS: Final = re.compile(r"[0-9]+")
_EDGE: Final = 0.14  # of the page height: the zones where running headers and footers sit


def _is_page_number(text: str) -> bool:
    folded = unicodedata.normalize("NFKC", text).strip()
    return bool(_PAGE_NUMBER.fullmatch(folded) or _PAGE_OF.fullmatch(folded))


def _chrome(
    pages: list[list[_Line]], sizes: list[float], findings: list[Finding], prefix: str
) -> list[list[_Line]]:
    """Remove page numbers and running headers/footers from the edges of each page."""
    edge_texts: Counter[str] = Counter()
    for lines, height in zip(pages, sizes, strict=False):
        seen = {
            _DIGITS.sub("#", ln.text)
            for ln in lines
            if ln.y1 < _EDGE * height or ln.y0 > (1 - _EDGE) * height
        }
        edge_texts.update(seen)
    repeated = len(pages) >= 2
    out: list[list[_Line]] = []
    for number, (lines, height) in enumerate(zip(pages, sizes, strict=False), 1):
        kept: list[_Line] = []
        for i, ln in enumerate(lines):
            at_edge = ln.y1 < _EDGE * height or ln.y0 > (1 - _EDGE) * height
            first_or_last = i == 0 or i == len(lines) - 1
            if (at_edge or first_or_last) and _is_page_number(ln.text):
                findings.append(
                    note(f"{prefix}101", f"page number {ln.text!r} removed (page {number})")
                )
                continue
            if (
                at_edge
                and repeated
                and edge_texts[_DIGITS.sub("#", ln.text)] >= 2
                and len(ln.text) <= 60
            ):
                findings.append(
                    note(
                        f"{prefix}102",
                        f"running header or footer {ln.text!r} removed (page {number})",
                    )
                )
                continue
            kept.append(ln)
        out.append(kept)
    return out


# ------------------------------------------------------------------------- paragraphs


class _Frame(NamedTuple):
    """The text block: its left and right edges, the body's em and character width.

    ``em`` is the height of the body's glyph boxes, which PDF readers size from the font's
    ascent and descent (about 1.4 times the font size for CJK fonts); ``char`` is the width
    of its CJK glyphs, the font size itself: the unit of indents.
    """

    left: float
    right: float
    em: float
    char: float


def _frame(pages: list[list[_Line]]) -> _Frame:
    """The text block's edges: the leftmost edge shared by two lines, and the right edge.

    The right edge is the commonest right end among the long lines that reach within three
    ems of the furthest one: wrapped lines end there (a 。 may hang a character beyond it).
    Among all lines, the commonest end may be a short one's: in a letter of a few wrapped
    lines, lines of the same length starting at the same indent end together.
    """
    lines = [ln for page in pages for ln in page]
    if not lines:
        return _Frame(0.0, 0.0, 1.0, 1.0)
    ems = [ln.em for ln in lines if len(ln.text) >= 4] or [ln.em for ln in lines]
    em = statistics.median(ems)
    widths = [g.x1 - g.x0 for ln in lines for g in ln.glyphs[:8] if _wide(g.char)]
    char = min(statistics.median(widths), em) if widths else em
    step = em / 2
    lefts = Counter(round(ln.x0 / step) for ln in lines if len(ln.text) >= 2)
    shared = [k for k, n in lefts.items() if n >= 2]
    left = min(shared or lefts or [0]) * step
    ends = [round(ln.x1 / step) for ln in lines if len(ln.text) >= 10]
    if not ends:
        return _Frame(left, max(ln.x1 for ln in lines), em, char)
    furthest = max(ends)
    rights = Counter(end for end in ends if end >= furthest - 6)
    right = max(rights, key=lambda end: (rights[end], end)) * step
    return _Frame(left, right, em, char)


# 附件 / 附件2 / 附件：  (an attachment's label, on a line of its own at the top of its page)
_ATTACHMENT_LABEL: Final = re.compile(r"附件[0-9]{0,2}[:：]?")


# 抄送：… / 附件：1. …  (a label and a colon, then maybe a number: where wrapped lines hang)
_HANG_LABEL: Final = re.compile(r"[^：:]{1,6}[：:]\s?(?:[0-9]{1,2}[.．、]\s?)?")


def _hangs(first: _Line) -> tuple[float, ...]:
    """Where the wrapped lines of a paragraph opening with a label may hang.

    The 版记 (抄送：…) wraps under the first character after the colon (GB/T 9704 §7.4.2);
    a numbered attachment (附件：1. …) under the first character of its name (§7.3.4), the
    next attachment's number standing under this one's.
    """
    match = _HANG_LABEL.match(first.text)
    if match is None:
        return ()
    glyphs = [g for g in first.glyphs if g.char != " "]
    at = len(match[0].replace(" ", ""))
    return (glyphs[at].x0,) if at < len(glyphs) else ()


def _continues(
    prev: _Line,
    line: _Line,
    frame: _Frame,
    pitch: float,
    same_page: bool,
    hangs: tuple[float, ...] = (),
) -> bool:
    """Whether ``line`` carries on the paragraph whose last line so far is ``prev``.

    A continuation starts at the left edge of the text block, or where ``hangs`` say the
    paragraph's wrapped lines hang. An attachment starts on a page of its own (GB/T 9704
    §8): its label at the top of a page continues nothing, however far the line before it
    reached.
    """
    em = frame.em
    if abs(line.em - prev.em) > 0.2 * max(line.em, prev.em):
        return False
    if not same_page and _ATTACHMENT_LABEL.fullmatch(line.text):
        return False
    # Line-breaking rules (no closing quote or 。 at a line start) pull a character or two
    # down, so a wrapped line may stop up to two characters short of the right edge.
    if prev.x1 < frame.right - 2.6 * em:
        return False
    near = 0.6 * frame.char
    if abs(line.x0 - frame.left) > near and not any(abs(line.x0 - x) <= near for x in hangs):
        return False
    if abs(prev.x0 - frame.left) > 2.6 * em:  # centred or flush-right lines stand alone
        return False
    if prev.gap > 3 * frame.char:  # parts set apart on one line (marks | 签发人) end there
        return False
    return not same_page or line.y0 - prev.y1 <= 1.2 * pitch


def _pitch(pages: list[list[_Line]]) -> float:
    steps = [
        b.y0 - a.y0
        for page in pages
        for a, b in itertools.pairwise(page)
        if 0 < b.y0 - a.y0 < 4 * a.em
    ]
    return statistics.median(steps) if steps else 2.0


def layout_text(pages: Sequence[Page], prefix: str = "GP") -> tuple[str, list[Finding]]:
    """The text of ``pages`` in the text reader's layout, and the findings made building it.

    Paragraphs are separated by blank lines; a table's rows follow each other, cells
    separated by tabs. ``prefix`` starts the findings' codes (``GP`` PDF, ``GO`` OFD).
    """
    findings: list[Finding] = []
    line_pages: list[list[_Line]] = []
    tables: dict[int, list[_Table]] = {}
    for number, page in enumerate(pages):
        lines = _lines(page.glyphs, number)
        found, lines = _tables(page.rules, lines)
        if found:
            tables[number] = found
            findings.append(
                note(
                    f"{prefix}103",
                    f"a ruled table of {sum(len(t.rows) for t in found)} rows read from its "
                    f"cells (page {number + 1})",
                )
            )
        line_pages.append(lines)
    line_pages = _chrome(line_pages, [p.height for p in pages], findings, prefix)
    frame = _frame(line_pages)
    pitch = _pitch(line_pages)
    blocks: list[str] = []
    current: list[str] = []
    prev: _Line | None = None
    hangs: tuple[float, ...] = ()  # where the current paragraph's wrapped lines may hang
    table_last = False  # the last block is a table (a table split by a page break joins up)

    width = 0

    def table_block(table: _Table) -> None:
        nonlocal table_last, width
        if table_last and blocks:  # the table goes on after a page break: same columns
            width = max(width, *(len(r) for r in table.rows))
            blocks[-1] += "\n" + _rows(table.rows, width)
        else:
            width = max(len(r) for r in table.rows)
            blocks.append(_rows(table.rows, width))
        table_last = True

    for number, lines in enumerate(line_pages):
        pending = sorted(tables.get(number, []), key=lambda t: t.y0)
        for ln in lines:
            while pending and pending[0].y0 < ln.y0:
                if current:
                    blocks.append("".join(current))
                    current, prev = [], None
                    table_last = False
                table_block(pending.pop(0))
            if prev is not None and _continues(prev, ln, frame, pitch, prev.page == ln.page, hangs):
                if prev.page != ln.page:
                    findings.append(
                        note(
                            f"{prefix}104",
                            f"a paragraph continued from page {prev.page + 1} to page "
                            f"{ln.page + 1} was joined",
                        )
                    )
                current.append(_glue(current[-1], ln.text))
            else:
                if current:
                    blocks.append("".join(current))
                current = [ln.text]
                hangs = _hangs(ln)
                table_last = False
            prev = ln
        for table in pending:
            if current:
                blocks.append("".join(current))
                current, prev = [], None
                table_last = False
            table_block(table)
    if current:
        blocks.append("".join(current))
    return "\n\n".join(blocks) + "\n", findings


def _rows(rows: list[list[str]], width: int) -> str:
    """Table rows as lines of tab-separated cells, padded to ``width`` cells."""
    return "\n".join("\t".join(r + [""] * (width - len(r))) for r in rows)


def _glue(before: str, after: str) -> str:
    """``after`` as it continues ``before``: a space between two Latin words, else nothing.

    Digits join directly: hard-wrapped lines cut numbers anywhere (``1`` / ``37公里``).
    """
    if (
        before
        and after
        and before[-1].isascii()
        and before[-1].isalpha()
        and after[0].isascii()
        and after[0].isalpha()
    ):
        return " " + after
    return after
