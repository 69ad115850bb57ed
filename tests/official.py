"""Helpers for the official-layout writers' tests: the test font, and reading outputs back.

The test font is a subset of Noto Serif CJK SC (``tests/data/fonts``, SIL OFL 1.1) that covers
:data:`ALPHABET` and every other character the tests print, so the PDF tests render real CJK
glyphs on a machine without CJK fonts. ``PDF_OPTIONS`` uses it alone.

The ``*_text`` functions turn each output back into the plain-text layout, for
``govreply.formats.text.parse``: a small extraction of our own output (not a general reader)
that lets the round-trip laws hold until the PDF, HTML and DOCX readers take their place.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from govreply.formats import pdf
from govreply.formats._layout import geometry as g

FONT_DIR = Path(__file__).parent / "data" / "fonts"
FONT_FILE = FONT_DIR / "NotoSerifCJKsc-Subset.otf"
#: The ideographs the test font covers, for ``reply_letters(layout_safe=True, alphabet=…)``.
ALPHABET = (FONT_DIR / "alphabet.txt").read_text(encoding="utf-8").strip()
PDF_OPTIONS = pdf.PdfOptions(font_dirs=(FONT_DIR,), system_fonts=False)
MM = g.PT_PER_MM
# — 12 —  (a page number)
FOLIO = re.compile(r"^— \d+ —$")


def _table_rows(rows: list[list[str]]) -> list[str]:
    """The feedback form's rows as the text layout's seven tab-separated cells."""
    out = []
    for cells in rows:
        key = cells[0]
        if key.endswith("姓名"):
            line = [key, cells[1], "", "通讯地址及联系电话", cells[3]]
        elif key.endswith("编号"):
            line = [key, cells[1], cells[2], cells[3]]
        elif key.endswith(("态度", "结果")):
            line = cells[:7]
        elif key.endswith("意见"):
            line = [key + ":", cells[1] if len(cells) > 1 else ""]
        elif "签名" in key:
            line = [key.split("年")[0].strip() + " 年 月 日"]
        else:
            line = [key, cells[1] if len(cells) > 1 else ""]
        out.append("\t".join(line + [""] * (7 - len(line))))
    return out


def _layout(blocks: list[str], title: str | None, rows: list[str], remarks: str | None) -> str:
    text = "\n\n" + "\n\n".join(blocks)
    if title is None:
        return text
    form = ["附件", "", title, "", *rows]
    if remarks is not None:
        form += ["", remarks]
    return text + "\n\n" + "\n".join(form)


# --------------------------------------------------------------------------- PDF


def _cell(text: str | None, key: str) -> str:
    lines = [line.strip() for line in (text or "").split("\n") if line.strip()]
    if not lines:
        return ""
    if key.endswith("编号") and lines[0].endswith("分类"):  # 建议分类 and its options
        return " ".join(lines)
    if len(lines) > 1 and re.fullmatch(r"[0-9—\-－─]+", lines[-1]):  # address, then a phone
        return "".join(lines[:-1]) + " " + lines[-1]
    return "".join(lines)


def pdf_text(data: bytes) -> str:
    """The plain-text layout of a PDF written by :func:`govreply.formats.pdf.dumps`."""
    import pdfplumber

    blocks: list[str] = []
    form: list[str] = []
    right = (g.LEFT_MM + g.TEXT_WIDTH_MM) * MM
    left = g.LEFT_MM * MM
    indent = left + 2 * g.CHAR_PITCH_PT
    previous: dict[str, float] | None = None
    with pdfplumber.open(io.BytesIO(data)) as document:
        for page in document.pages:
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]
            for table in tables:
                rows = table.extract()
                keys = [(r[0] or "").replace("\n", "") for r in rows]
                cleaned = [
                    [_cell(c, key) for c in row if c is not None]
                    for row, key in zip(rows, keys, strict=True)
                ]
                form.extend(_table_rows(cleaned))
            lines: dict[float, list[dict[str, float | str]]] = {}
            for char in page.chars:
                x, y = float(char["x0"]), float(char["top"])
                if any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes):
                    continue
                base = round(float(char["matrix"][5]), 1)
                lines.setdefault(base, []).append(char)
            for base in sorted(lines, reverse=True):
                chars = sorted(lines[base], key=lambda c: float(c["x0"]))
                # split where a run of more than two characters is empty (marks | number)
                runs: list[list[dict[str, float | str]]] = [[chars[0]]]
                for char in chars[1:]:
                    gap = float(char["x0"]) - float(runs[-1][-1]["x1"])
                    if gap > 2.5 * float(char["size"]):
                        runs.append([])
                    runs[-1].append(char)
                for run in runs:
                    text = "".join(str(c["text"]) for c in run)
                    if FOLIO.match(text.strip()) and float(run[0]["top"]) > 262 * MM:
                        continue
                    info = {
                        "x0": float(run[0]["x0"]),
                        "x1": float(run[-1]["x1"]),
                        "size": round(float(run[0]["size"]), 1),
                        "runs": len(runs),
                    }
                    joined = (
                        previous is not None
                        # a line may end up to three characters short (a 禁则 break)
                        and previous["x1"] >= right - 3.5 * previous["size"]
                        and previous["size"] == info["size"]
                        and previous["x0"] <= indent + 1
                        and previous["runs"] == 1
                        # continuations start at the left edge (a 版记 line: under its names)
                        and min(abs(info["x0"] - left), abs(info["x0"] - left - 4 * info["size"]))
                        < 1
                        and len(runs) == 1
                    )
                    if joined:
                        blocks[-1] += text
                    else:
                        blocks.append(text)
                    previous = info
    remarks = blocks.pop() if form and blocks and blocks[-1].startswith("备注") else None
    head = [i for i, b in enumerate(blocks) if b == "附件"]
    title = None
    if form and head:
        title = "".join(blocks[head[-1] + 1 :])
        del blocks[head[-1] :]
    return _layout(blocks, title, form, remarks)


# --------------------------------------------------------------------------- HTML


def html_text(page: str) -> str:
    """The plain-text layout of a page written by :func:`govreply.formats.html.dumps`."""
    root = etree.fromstring(page.encode("utf-8"), etree.HTMLParser())
    blocks: list[str] = []
    rows: list[str] = []
    title = remarks = None
    for el in root.iter("p", "h1", "h2", "h3", "h4", "h5", "div", "table"):
        if any(a.tag in ("table", "head") for a in el.iterancestors()):
            continue
        cls = el.get("class", "")
        text = "".join(el.itertext())
        if el.tag == "table":
            cells = [
                [_html_cell(td) for td in tr if td.tag in ("td", "th")] for tr in el.iter("tr")
            ]
            rows = _table_rows(cells)
        elif "gr-copies" in cls:
            ul = el.find("ul")
            stop = "。" if ul is not None and "gr-stop" in ul.get("class", "") else ""
            names = ["".join(li.itertext()) for li in el.iter("li")]
            blocks.append((el.text or "") + "、".join(names) + stop)
        elif el.tag == "div" or "gr-attachment-label" in cls:
            continue
        elif "gr-form-title" in cls:
            title = text
        elif "gr-remarks" in cls:
            remarks = text
        elif "gr-attachment-line" in cls:
            pad = el.find(".//span[@class='gr-pad']")
            blocks.append(text[len(pad.text or "") :] if pad is not None else text)
        else:
            blocks.append(text)
    return _layout(blocks, title, rows, remarks)


def _html_cell(td: etree._Element) -> str:
    parts = list(td.itertext())
    if td.find("span[@class='gr-cell-line']") is not None:
        return " ".join("".join(s.itertext()) for s in td.iter("span"))
    return "".join(parts)


# --------------------------------------------------------------------------- DOCX


def docx_text(data: bytes) -> str:
    """The plain-text layout of a file written by :func:`govreply.formats.docx.dumps`."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    body = etree.fromstring(xml).find(f"{w}body")
    assert body is not None
    blocks: list[str] = []
    rows: list[str] = []
    title = remarks = None
    in_form = False
    for el in body:
        if el.tag == f"{w}tbl":
            cells = [
                [
                    " ".join(x for x in map(_docx_line, tc.iter(f"{w}p")) if x)
                    for tc in tr.iter(f"{w}tc")
                ]
                for tr in el.iter(f"{w}tr")
            ]
            rows = _table_rows(cells)
            continue
        if el.tag != f"{w}p":
            continue
        value = "".join(
            n.text or "" if n.tag == f"{w}t" else "\t" for n in el.iter(f"{w}t", f"{w}tab")
        )
        style = el.find(f"{w}pPr/{w}pStyle")
        name = style.get(f"{w}val") if style is not None else ""
        if not value.strip():
            continue
        if name == "GRAttachmentLabel":
            in_form = True
        elif in_form and title is None:
            title = value
        elif in_form:
            remarks = value
        else:
            blocks.extend(value.split("\t"))
    return _layout([b for b in blocks if b], title, rows, remarks)


def _docx_line(p: etree._Element) -> str:
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return "".join(
        (n.text or "") if n.tag == f"{w}t" else " " for n in p.iter(f"{w}t", f"{w}br", f"{w}tab")
    )
