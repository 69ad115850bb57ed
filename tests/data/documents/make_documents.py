"""Build the test documents in this folder from real letters (run by hand; the outputs are committed).

    python tests/data/documents/make_documents.py        # needs python-docx and LibreOffice

For each letter (the seed, and corpus letters 005 and 001) the official plain-text layout
(``govreply.formats.text.dumps``) is set as:

- ``NAME.docx``: python-docx in 公文 style (A4, 28 mm / 26 mm margins, 仿宋 16 pt body with a
  two-character first-line indent, centred masthead and title, right-aligned signature and
  date), section labels 一、 made by Word automatic numbering (not in the text), the feedback
  form as a table with merged cells, a footer page number ``— PAGE —``;
- ``NAME.pdf``: that DOCX converted by ``libreoffice --headless --convert-to pdf`` (fonts: the
  Noto CJK faces LibreOffice substitutes, embedded as subsets; SIL OFL 1.1);
- ``NAME.ofd``: an OFD package assembled here per GB/T 33190-2016, one TextObject per
  hard-wrapped 28-character line, ``— N —`` page numbers, ``Tags/CustomTags.xml``;
- ``seed-gbk.pdf``: a PDF written here whose only font is a non-embedded CID font in the
  GBK-EUC-H encoding with no ToUnicode map (as 公文 typesetting systems write them).

Every output has a ``.source.json`` sidecar naming how it was made and the fields it must yield.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from govreply.examples import seed_text
from govreply.formats import text
from govreply.model import ReplyLetter

HERE = Path(__file__).resolve().parent
LETTERS = HERE.parent / "letters"
CHARS = 28  # characters per line (GB/T 9704 7.1)


def letters() -> dict[str, tuple[ReplyLetter, str]]:
    out = {"seed": seed_text()}
    for name in ("005", "001"):
        out[f"letter-{name}"] = (LETTERS / f"{name}.txt").read_text("utf-8")
    result = {}
    for name, source in out.items():
        letter = text.loads(source)
        result[name] = (letter, text.dumps(letter))
    return result


def expected(letter: ReplyLetter) -> dict[str, object]:
    return {
        "doc_number": str(letter.doc_number) if letter.doc_number else None,
        "title": letter.title,
        "addressees": list(letter.addressees.names),
        "date": letter.date.isoformat() if letter.date else None,
        "sections": len(letter.sections),
        "paragraphs": len(letter.paragraphs),
        "cc": list(letter.cc),
        "feedback_form": letter.feedback_form is not None,
        "classification": letter.classification.code if letter.classification else None,
        "equals_source_letter": True,
    }


def sidecar(path: Path, how: str, letter: ReplyLetter, source: str, **extra: object) -> None:
    fields = expected(letter)
    if "differs" in extra:
        fields["equals_source_letter"] = False
    record = {
        "generated": True,
        "how": how,
        "from": source,
        "expected": fields,
        **extra,
    }
    path.with_name(path.name + ".source.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


# ------------------------------------------------------------------------- roles of lines


def roles(letter: ReplyLetter, layout: str) -> list[tuple[str, str]]:
    """Each non-blank line of the layout with its role: center, right, left, indent, row."""
    out: list[tuple[str, str]] = []
    lines = [ln for ln in layout.splitlines() if ln.strip()]
    title_seen = False
    right = {letter.signed_by or ""}
    for line in lines:
        bare = line.strip()
        if "\t" in line:
            out.append(("row", line))
        elif not title_seen and (
            bare == (letter.title or "").replace(" ", "") or bare.startswith("关于")
        ):
            out.append(("title", bare))
            title_seen = True
        elif (
            not title_seen
            and letter.addressees.names
            and bare.endswith("：")
            and any(n in bare for n in letter.addressees.names)
        ):
            out.append(("left", bare))
            title_seen = True
        elif not title_seen:
            out.append(("center", bare))
        elif bare in right or (letter.date is not None and bare.endswith("日") and len(bare) <= 12):
            out.append(("right", bare))
        elif line.startswith(("\u3000\u3000", "  ")) or bare[:2] in (
            "一、",
            "二、",
            "三、",
            "四、",
            "五、",
            "六、",
        ):
            out.append(("indent", bare))
        else:
            out.append(("left", bare))
    return out


# ------------------------------------------------------------------------- DOCX


def make_docx(letter: ReplyLetter, layout: str, path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Mm, Pt, RGBColor

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    # Free faces only (SIL OFL 1.1), named outright so that LibreOffice substitutes nothing:
    # Noto Serif CJK SC stands in for 仿宋, Noto Sans CJK SC for 黑体 (one face for Chinese
    # and Latin, so digits and letters keep their widths).
    normal.font.name = "Noto Serif CJK SC"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC")
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(28.95)
    # 一、 as Word automatic numbering: an abstract definition with chineseCounting.
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0">'
            '<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
            '<w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
        )
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("— ")
    footer._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    footer.add_run(" —")
    rows: list[list[str]] = []
    headings = {s.heading for s in letter.sections}

    def flush_rows() -> None:
        if not rows:
            return
        make_table(document, rows)
        rows.clear()

    for role, line in roles(letter, layout):
        if role == "row":
            rows.append(line.split("\t"))
            continue
        flush_rows()
        para = document.add_paragraph()
        fmt = para.paragraph_format
        label, _, rest = line.partition("、")
        if role == "indent" and rest in headings and label in "一二三四五六七八九十":
            para._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
                )
            )
            para._p.get_or_add_pPr().append(
                parse_xml(f'<w:ind {nsdecls("w")} w:firstLineChars="200" w:firstLine="640"/>')
            )
            run = para.add_run(rest)
            run.font.name = "Noto Sans CJK SC"
            run._element.get_or_add_rPr().get_or_add_rFonts().set(
                qn("w:eastAsia"), "Noto Sans CJK SC"
            )
            continue
        run = para.add_run(line)
        if role in ("center", "title"):
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if role == "title":
                run.font.size = Pt(22)
            elif line == letter.issuer:
                run.font.size = Pt(22)
                run.font.color.rgb = RGBColor(0xE0, 0x00, 0x00)
        elif role == "right":
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fmt.right_indent = Pt(64)
        elif role == "indent":
            para._p.get_or_add_pPr().append(
                parse_xml(f'<w:ind {nsdecls("w")} w:firstLineChars="200" w:firstLine="640"/>')
            )
    flush_rows()
    document.save(str(path))


def make_table(document: object, rows: list[list[str]]) -> None:
    from docx.shared import Pt

    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        cells = cells + [""] * (width - len(cells))
        c = 0
        while c < width:
            end = c + 1
            while end < width and cells[end] == "" and cells[c] != "":
                end += 1
            cell = table.cell(r, c)
            if end - 1 > c:
                cell = cell.merge(table.cell(r, end - 1))
            cell.text = cells[c]
            for para in cell.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(12)
            c = end


# ------------------------------------------------------------------------- PDF via LibreOffice


def make_pdf(docx_path: Path, pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx_path)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.move(str(Path(tmp) / (docx_path.stem + ".pdf")), pdf_path)


# ------------------------------------------------------------------------- fixed layout


def wrap(text_: str, per: int) -> list[str]:
    """Cell text in lines of at most ``per`` characters, broken at spaces where it can be."""
    lines: list[str] = []
    for word in text_.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= per:
            lines[-1] += " " + word
            continue
        while len(word) > per:
            lines.append(word[:per])
            word = word[per:]
        lines.append(word)
    return lines or [""]


Placed = tuple[str, float, float, float]  # text, x mm, baseline y mm, size mm
Rule = tuple[float, float, float, float]  # x0, y0, x1, y1 mm


def set_lines(letter: ReplyLetter, layout: str) -> list[tuple[list[Placed], list[Rule]]]:
    """Pages of placed lines and rules: 28 characters a line, 22 lines a page, ruled tables."""
    size = 16 * 25.4 / 72  # 3号 in mm
    left, right, top = 28.0, 210 - 26.0, 37.0
    bottom = top + 225
    pitch = 225 / 22
    pages: list[tuple[list[Placed], list[Rule]]] = [([], [])]
    y = top + size

    def new_page() -> None:
        nonlocal y
        pages.append(([], []))
        y = top + size

    def put(chunk: str, x: float, s: float = size) -> None:
        nonlocal y
        if y > bottom:
            new_page()
        pages[-1][0].append((chunk, x, y, s))
        y += pitch

    rows: list[list[str]] = []

    def table() -> None:
        nonlocal y
        if not rows:
            return
        cell = 12 * 25.4 / 72
        width = max(len(r) for r in rows)
        col = (right - left) / width
        top_y = y - size
        for cells in rows:
            cells = cells + [""] * (width - len(cells))
            spans: list[tuple[int, int]] = []
            c = 0
            while c < width:
                end = c + 1
                while end < width and cells[end] == "" and cells[c] != "":
                    end += 1
                spans.append((c, end))
                c = end
            wrapped = []
            for a, b in spans:
                per = max(1, int((b - a) * col / cell) - 1)
                text_ = cells[a]
                wrapped.append(wrap(text_, per))
            height = max(len(w) for w in wrapped) * cell * 1.4 + 2
            if top_y + height > bottom:
                new_page()
                top_y = y - size
            placed, rules = pages[-1]
            rules.append((left, top_y, right, top_y))
            rules.append((left, top_y + height, right, top_y + height))
            for (a, _end), parts in zip(spans, wrapped, strict=False):
                rules.append((left + a * col, top_y, left + a * col, top_y + height))
                for k, part in enumerate(parts):
                    if part:
                        placed.append(
                            (part, left + a * col + 1, top_y + 1 + cell * (1.4 * k + 1.1), cell)
                        )
            rules.append((right, top_y, right, top_y + height))
            top_y += height
        y = top_y + pitch + size
        rows.clear()

    for role, line in roles(letter, layout):
        if role == "row":
            rows.append(line.split("\t"))
            continue
        table()
        if role in ("center", "title"):
            for k in range(0, len(line), 22):
                part = line[k : k + 22]
                put(part, left + (right - left - len(part) * size) / 2)
        elif role == "right":
            put(line, right - 4 * size - len(line) * size)
        else:
            first = CHARS - 2 if role == "indent" else CHARS
            chunks = [line[:first]] + [line[k : k + CHARS] for k in range(first, len(line), CHARS)]
            for i, chunk in enumerate(chunks):
                if not chunk:
                    continue
                put(chunk, left + (2 * size if role == "indent" and i == 0 else 0))
    table()
    return pages


def make_ofd(letter: ReplyLetter, layout: str, path: Path) -> None:
    size = 16 * 25.4 / 72
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    pages = set_lines(letter, layout)
    ident = 10
    doc_number_id = None
    contents = []
    for number, (lines, rules) in enumerate(pages, 1):
        objects = []
        for x0, y0, x1, y1 in rules:
            ident += 1
            objects.append(
                f'<ofd:PathObject ID="{ident}" Stroke="true" LineWidth="0.25" '
                f'Boundary="{min(x0, x1):.2f} {min(y0, y1):.2f} {abs(x1 - x0) + 0.25:.2f} {abs(y1 - y0) + 0.25:.2f}">'
                f"<ofd:AbbreviatedData>M 0 0 L {abs(x1 - x0):.2f} {abs(y1 - y0):.2f}</ofd:AbbreviatedData>"
                "</ofd:PathObject>"
            )
        for chunk, x, y, s in [*lines, (f"— {number} —", 105 - 2.5 * size, 297 - 28.0, size)]:
            ident += 1
            if letter.doc_number is not None and chunk == str(letter.doc_number):
                doc_number_id = ident
            deltas = " ".join(f"{s:.2f}" for _ in chunk[1:])
            objects.append(
                f'<ofd:TextObject ID="{ident}" Font="2" Size="{s:.2f}" '
                f'Boundary="{x:.2f} {y - s:.2f} {len(chunk) * s + 1:.2f} {s * 1.3:.2f}">'
                f'<ofd:FillColor Value="0 0 0"/>'
                f'<ofd:TextCode X="0" Y="{s:.2f}" DeltaX="{deltas}">{chunk}</ofd:TextCode>'
                "</ofd:TextObject>"
            )
        contents.append(
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Area>'
            "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area><ofd:Content>"
            f'<ofd:Layer ID="{number}00000">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>'
        )
    page_list = "".join(
        f'<ofd:Page ID="{1000 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
        for i in range(len(pages))
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.1" DocType="OFD"><ofd:DocBody>'
            "<ofd:DocInfo><ofd:DocID>govreply-test</ofd:DocID><ofd:Creator>govreply make_documents.py</ofd:Creator></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        z.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData>'
            f"<ofd:MaxUnitID>{ident}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
            f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages>"
            "<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags></ofd:Document>",
        )
        z.writestr(
            "Doc_0/PublicRes.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {ns} BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font ID="2" FontName="仿宋" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>',
        )
        for i, content in enumerate(contents):
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", content)
        z.writestr(
            "Doc_0/Tags/CustomTags.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:CustomTags {ns}><ofd:CustomTag NameSpace="urn:govreply:test">'
            "<ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>",
        )
        ref = f'<ObjectRef PageRef="1000">{doc_number_id}</ObjectRef>' if doc_number_id else ""
        z.writestr(
            "Doc_0/Tags/CustomTag.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><公文 xmlns="urn:govreply:test"><发文字号>{ref}</发文字号></公文>',
        )


# ------------------------------------------------------------------------- GBK CID PDF


def make_gbk_pdf(letter: ReplyLetter, layout: str, path: Path) -> None:
    mm = 72 / 25.4
    pages = set_lines(letter, layout)
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /FangSong_GB2312 /Encoding /GBK-EUC-H "
        b"/DescendantFonts [3 0 R] >>"
    )
    add(b"")  # the pages tree, filled in below
    add(
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /FangSong_GB2312 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        b"/FontDescriptor 4 0 R /DW 1000 >>"
    )
    add(
        b"<< /Type /FontDescriptor /FontName /FangSong_GB2312 /Flags 6 /FontBBox [0 -120 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    )
    kids = []
    for number, (lines, rules) in enumerate(pages, 1):
        ops = [b"0.5 w"]
        for x0, y0, x1, y1 in rules:
            ops.append(
                b"%.2f %.2f m %.2f %.2f l S" % (x0 * mm, (297 - y0) * mm, x1 * mm, (297 - y1) * mm)
            )
        ops.append(b"BT")
        for chunk, x, y, s in [*lines, (f"— {number} —", 105 - 2.5 * 5.6, 297 - 28.0, 5.6)]:
            encoded = chunk.encode("gbk")
            ops.append(
                b"/F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm <%s> Tj"
                % (s * mm, x * mm, (297 - y) * mm, encoded.hex().encode())
            )
        ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        page = add(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents %d 0 R "
            b"/Resources << /Font << /F1 1 0 R >> >> >>" % content
        )
        kids.append(page)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    catalog = add(b"<< /Type /Catalog /Pages 2 0 R >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    path.write_bytes(bytes(out))


# ------------------------------------------------------------------------- portal pages

_CHROME_TOP = """<div class="top-bar"><a href="/">无障碍</a> | <a href="/">长者模式</a> | <a href="/">English</a></div>
<div class="header"><img src="logo.png" alt="{site}"><div class="search"><input type="text"><button>搜索</button></div></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zwfw/">政务服务</a></li></ul>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/jytabl/">建议提案办理</a></div>
"""
_CHROME_BOTTOM = """<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】 【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a/1.html">关于区二届人大三次会议第12号建议答复的函</a></li><li><a href="/a/2.html">2024年建议提案办理工作方案</a></li></ul></div>
<div class="footer"><p>主办：{site} 版权所有</p><p>网站标识码：3607210001 赣ICP备05004253号</p><p>访问量：123456</p></div>
<script>var _hmt = _hmt || []; document.write("索引号：");</script>
"""


def _metadata_table(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(f'<tr><td class="label">{k}：</td><td>{v}</td></tr>' for k, v in pairs)
    return f'<table class="xxgk-meta">{cells}</table>'


def _portal_body(letter: ReplyLetter, layout: str, *, skip: set[str], use_br: bool) -> str:
    parts: list[str] = []
    rows: list[str] = []

    def flush() -> None:
        if rows:
            parts.append('<table border="1" cellspacing="0">' + "".join(rows) + "</table>")
            rows.clear()

    for role, line in roles(letter, layout):
        if line in skip:
            continue
        if role == "row":
            cells = line.split("\t")
            html = []
            c = 0
            while c < len(cells):
                end = c + 1
                while end < len(cells) and cells[end] == "" and cells[c] != "":
                    end += 1
                span = f' colspan="{end - c}"' if end - c > 1 else ""
                html.append(f"<td{span}>{cells[c] or '&nbsp;'}</td>")
                c = end
            rows.append("<tr>" + "".join(html) + "</tr>")
            continue
        flush()
        if role in ("center", "title"):
            parts.append(f'<p style="text-align: center;"><strong>{line}</strong></p>')
        elif role == "right":
            parts.append(f'<p style="text-align: right;">{line}&nbsp;&nbsp;&nbsp;&nbsp;</p>')
        elif role == "indent":
            indent = "\u3000\u3000" if use_br else "&nbsp;&nbsp;&nbsp;&nbsp;"
            parts.append(f'<p style="text-indent: 2em;">{indent}{line}</p>')
        else:
            parts.append(f"<p>{line}</p>")
    flush()
    if use_br:  # an editor that writes one <div> with <br> between lines
        inner = "<br>\n".join(
            p.removeprefix('<p style="text-indent: 2em;">').removesuffix("</p>")
            if p.startswith('<p style="text-indent')
            else p
            for p in parts
        )
        return f'<div class="TRS_Editor">{inner}</div>'
    return "\n".join(parts)


def make_portal(
    letter: ReplyLetter,
    layout: str,
    path: Path,
    *,
    site: str,
    charset: str,
    meta: list[tuple[str, str]],
    skip: set[str] = frozenset(),  # type: ignore[assignment]
    heading: str | None = None,
    use_br: bool = False,
) -> None:
    declare = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        if charset == "gb2312"
        else f'<meta charset="{charset}">'
    )
    title = heading or letter.title or ""
    page = (
        f"<!DOCTYPE html>\n<html><head>{declare}<title>{title}_{site}</title>"
        f'<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="2024-06-28 09:12">'
        "<style>.nav li{display:inline}</style></head><body>\n"
        + _CHROME_TOP.format(site=site)
        + '<div class="xxgk-container">'
        + _metadata_table(meta)
        + (f'<h1 class="article-title">{heading}</h1>' if heading else "")
        + '<div class="article-info">发布时间：2024-06-28 来源：本网 浏览次数：321 【字体：大 中 小】</div>'
        + '<div id="zoom" class="article-content">\n'
        + _portal_body(letter, layout, skip=skip | ({heading} if heading else set()), use_br=use_br)
        + "\n</div></div>\n"
        + _CHROME_BOTTOM.format(site=site)
        + "</body></html>\n"
    )
    path.write_bytes(page.encode("gb18030" if charset == "gb2312" else charset))


def make_portals(all_letters: dict[str, tuple[ReplyLetter, str]]) -> None:
    seed, seed_layout = all_letters["seed"]
    path = HERE / "seed-portal.html"
    make_portal(
        seed,
        seed_layout,
        path,
        site="赣州市赣县区人民政府",
        charset="gb2312",
        meta=[
            ("索 引 号", "K22002-0403-2024-0012"),
            ("发布机构", "赣州市赣县区教育科技体育局"),
            ("文　　号", "赣区教议〔2024〕2号"),
            ("成文日期", "2024-05-20"),
            ("发布日期", "2024-06-28"),
            ("公开方式", "主动公开"),
        ],
    )
    sidecar(
        path,
        "written by make_documents.py in the manner of a county portal's 政府信息公开 page: "
        "declared gb2312, bytes GB 18030; nav, breadcrumb, metadata table, counters, share and "
        "print bar, related links, footer, a script writing 索引号; the letter in div#zoom, the "
        "form as a table with colspan",
        seed,
        "src/govreply/examples (the seed)",
        metadata={"索引号": "K22002-0403-2024-0012", "发布日期": "2024-06-28"},
        filled={"date": "2024-05-20"},
        notes="the seed prints no date: the page's 成文日期 fills it (GH201), its 发布日期 never",
    )
    letter, layout = all_letters["letter-005"]
    path = HERE / "letter-005-portal.html"
    make_portal(
        letter,
        layout,
        path,
        site="广东省交通运输厅",
        charset="utf-8",
        meta=[
            ("索引号", "006940060/2022-00118"),
            ("文号", str(letter.doc_number)),
            ("发布机构", "广东省交通运输厅"),
            ("发布日期", "2022-04-11"),
        ],
        skip={str(letter.doc_number)},
        use_br=True,
    )
    sidecar(
        path,
        "written by make_documents.py: a provincial department's page, UTF-8; the letter in "
        "one TRS_Editor div with <br> lines and ideographic-space indents; its document number "
        "printed only in the metadata table (文号), so it fills the letter's (GH201)",
        letter,
        "tests/data/letters/005.txt",
        filled={"doc_number": str(letter.doc_number)},
    )
    letter, layout = all_letters["letter-001"]
    path = HERE / "letter-001-portal.html"
    make_portal(
        letter,
        layout,
        path,
        site="淮南市交通运输局",
        charset="utf-8",
        meta=[("索引号", "11340400003148789B/202305-00021"), ("发布日期", "2023-05-12")],
        heading=letter.title,
    )
    sidecar(
        path,
        "written by make_documents.py: the title only in the page's <h1> and ArticleTitle meta, "
        "above the letter's text (GH103); the publication date 2023-05-12 is not the letter's",
        letter,
        "tests/data/letters/001.txt",
    )


def main() -> None:
    all_letters = letters()
    make_portals(all_letters)
    for name, (letter, layout) in all_letters.items():
        source = (
            "src/govreply/examples (the seed)"
            if name == "seed"
            else f"tests/data/letters/{name[-3:]}.txt"
        )
        docx_path = HERE / f"{name}.docx"
        make_docx(letter, layout, docx_path)
        sidecar(
            docx_path,
            "python-docx in 公文 style by make_documents.py (一、 by automatic numbering)",
            letter,
            source,
        )
        pdf_path = HERE / f"{name}.pdf"
        make_pdf(docx_path, pdf_path)
        sidecar(
            pdf_path,
            f"libreoffice --headless --convert-to pdf {name}.docx (LibreOffice 7; subsets of Noto "
            "Serif/Sans CJK, SIL OFL 1.1, and DejaVu Sans, Bitstream Vera licence, embedded)",
            letter,
            source,
        )
        ofd_path = HERE / f"{name}.ofd"
        make_ofd(letter, layout, ofd_path)
        sidecar(
            ofd_path,
            "assembled per GB/T 33190-2016 by make_documents.py (28-character lines, CustomTags)",
            letter,
            source,
        )
        if name == "seed":
            gbk = HERE / "seed-gbk.pdf"
            make_gbk_pdf(letter, layout, gbk)
            sidecar(
                gbk,
                "written by make_documents.py: one non-embedded CID font FangSong_GB2312, "
                "encoding GBK-EUC-H, no ToUnicode map; 28-character lines, — N — page numbers",
                letter,
                source,
            )


if __name__ == "__main__":
    main()
