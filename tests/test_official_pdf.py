"""The PDF writer, measured from the character boxes of its output (pdfplumber)."""

from __future__ import annotations

import io
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import attrs
import pdfplumber
import pytest

from govreply.errors import FontError, ValidationError
from govreply.examples import seed_letter
from govreply.formats import pdf
from govreply.formats._layout import Typefaces
from govreply.formats._layout import geometry as g
from govreply.model import Paragraph, ReplyLetter, Section
from official import FONT_DIR, FONT_FILE, PDF_OPTIONS

MM = g.PT_PER_MM
#: The test font's em box: 0.88 em above the baseline (Noto CJK).
EM_TOP = 0.88


def long_letter() -> ReplyLetter:
    """The seed letter with its body three times over: five pages of text, then the form."""
    seed = seed_letter()
    more = tuple(
        Section(f"{s.heading}（续{i}）", s.paragraphs) for i in (1, 2) for s in seed.sections
    )
    return attrs.evolve(seed, sections=seed.sections + more)


@pytest.fixture(scope="module")
def seed_pdf() -> bytes:
    return pdf.dumps(seed_letter(), options=PDF_OPTIONS)


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    return pdf.dumps(long_letter(), options=PDF_OPTIONS)


def _lines(page: Any) -> list[list[dict[str, Any]]]:
    """The page's text lines, top to bottom, each a list of characters left to right."""
    lines: dict[float, list[dict[str, Any]]] = {}
    for char in page.chars:
        lines.setdefault(round(float(char["matrix"][5]), 1), []).append(char)
    return [sorted(lines[b], key=lambda c: c["x0"]) for b in sorted(lines, reverse=True)]


def _em_centre_mm(char: dict[str, Any], page_height: float) -> float:
    """Millimetres from the page top to the middle of a character's em box."""
    baseline = page_height - float(char["matrix"][5])
    return (baseline - (EM_TOP - 0.5) * float(char["size"])) / MM


def _body_lines(page: Any) -> list[list[dict[str, Any]]]:
    return [line for line in _lines(page) if round(line[0]["size"]) == g.BODY_PT]


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _red(colour: Any) -> bool:
    values = tuple(colour or ())
    return len(values) == 3 and values[0] > 0.9 and values[1] < 0.1 and values[2] < 0.1


def test_page_is_a4_with_the_text_area_within_1_mm(long_pdf: bytes) -> None:
    """A full page: A4; first line's cell at 37 mm, 22nd's at 262 mm, text from 28 to 184 mm."""
    with pdfplumber.open(io.BytesIO(long_pdf)) as document:
        page = next(p for p in document.pages[1:] if len(_body_lines(p)) == g.LINES_PER_PAGE)
        assert (round(page.width / MM), round(page.height / MM)) == (210, 297)
        lines = _body_lines(page)
        pitch = g.TEXT_HEIGHT_MM / g.LINES_PER_PAGE
        top = _em_centre_mm(lines[0][0], page.height) - pitch / 2
        bottom = _em_centre_mm(lines[-1][0], page.height) + pitch / 2
        assert abs(top - g.TOP_MM) < 1
        assert abs(bottom - (g.TOP_MM + g.TEXT_HEIGHT_MM)) < 1
        full = [line for line in lines if len(line) == g.CHARS_PER_LINE]
        assert min(line[0]["x0"] for line in lines) / MM == pytest.approx(g.LEFT_MM, abs=1)
        right = max(line[-1]["x1"] for line in full) / MM
        assert right == pytest.approx(g.LEFT_MM + g.TEXT_WIDTH_MM, abs=1)


def test_full_pages_have_22_lines_of_28_characters(long_pdf: bytes) -> None:
    """Pages of running text have 22 body lines (21 when a heading moved on); 28 per line."""
    with pdfplumber.open(io.BytesIO(long_pdf)) as document:
        counts = [len(_body_lines(page)) for page in document.pages[1:7]]
        lines = [line for page in document.pages[:7] for line in _body_lines(page)]
    wide = [line for line in lines if all(_wide(c["text"]) for c in line)]
    lengths = [len(line) for line in wide]
    assert counts.count(g.LINES_PER_PAGE) >= 4
    assert max(counts) == g.LINES_PER_PAGE
    assert max(lengths) == g.CHARS_PER_LINE
    assert lengths.count(g.CHARS_PER_LINE) > 60


def test_masthead_and_rules_stand_at_their_millimetre_positions_in_red(seed_pdf: bytes) -> None:
    """The issuer mark's top at 30 mm, rules 4 mm under it and 20 mm above the foot, 170 mm."""
    with pdfplumber.open(io.BytesIO(seed_pdf)) as document:
        page = document.pages[0]
        mark = [c for c in page.chars if c["size"] > g.TITLE_PT]
        assert "".join(c["text"] for c in mark) == "赣州市赣县区教育科技体育局"
        assert all(_red(c["non_stroking_color"]) for c in mark)
        size = mark[0]["size"]
        baseline = page.height - float(mark[0]["matrix"][5])
        assert (baseline - EM_TOP * size) / MM == pytest.approx(g.MASTHEAD_TOP_MM, abs=0.5)
        rules = _rules(page)
        assert len(rules) == 2
        (top_rule, top_gap), (foot_rule, foot_gap) = rules
        mark_bottom = g.MASTHEAD_TOP_MM + size / MM
        assert top_rule[0] == pytest.approx(mark_bottom + g.RULE_GAP_MM, abs=0.5)
        assert foot_rule[1] == pytest.approx(297 - g.BOTTOM_RULE_MM, abs=0.5)
        for rule in rules:
            box = rule[0]
            assert box[3] - box[2] == pytest.approx(g.RULE_LENGTH_MM, abs=0.5)
            assert (box[2] + box[3]) / 2 == pytest.approx(g.LEFT_MM + g.TEXT_WIDTH_MM / 2, abs=0.5)
        # thick over thin at the top, thin over thick at the foot
        assert top_gap[0] - top_rule[0] > 2 * (top_rule[1] - top_gap[1])
        assert foot_rule[1] - foot_gap[1] > 2 * (foot_gap[0] - foot_rule[0])


Box = tuple[float, float, float, float]


def _rules(page: Any) -> list[tuple[Box, Box]]:
    """Each red double rule as (outer box, gap box), in mm (top, bottom, x0, x1), top first.

    WeasyPrint paints a double border as its outer box less the gap between the lines.
    """
    boxes = sorted(
        {
            (round(r["top"] / MM, 2), round(r["bottom"] / MM, 2), round(r["x0"] / MM, 2),
             round(r["x1"] / MM, 2))
            for r in page.rects
            if _red(r["non_stroking_color"])
        }
    )  # fmt: skip
    outers = [b for b in boxes if not any(o != b and o[0] <= b[0] and b[1] <= o[1] for o in boxes)]
    return [
        (outer, next(b for b in boxes if b != outer and outer[0] <= b[0] and b[1] <= outer[1]))
        for outer in outers
    ]


def test_document_number_sits_flush_right_under_the_rule(seed_pdf: bytes) -> None:
    """赣区教议〔2024〕2号 ends at the text area's right edge, 7/8 of a character below the rule."""
    with pdfplumber.open(io.BytesIO(seed_pdf)) as document:
        page = document.pages[0]
        line = next(x for x in _lines(page) if "".join(c["text"] for c in x).endswith("2号"))
        assert line[-1]["x1"] / MM == pytest.approx(g.LEFT_MM + g.TEXT_WIDTH_MM, abs=1)
        rule_bottom = _rules(page)[0][0][1]
        em_top = (page.height - float(line[-1]["matrix"][5]) - EM_TOP * 16) / MM
        assert em_top - rule_bottom == pytest.approx(g.NUMBER_GAP_MM, abs=0.5)


def test_page_numbers_outside_and_none_on_page_1(seed_pdf: bytes) -> None:
    """Page 1 has no number; page 2 prints — 2 — on the left, page 3 — 3 — on the right."""
    with pdfplumber.open(io.BytesIO(seed_pdf)) as document:
        pages = document.pages

        def folio(page: Any) -> list[dict[str, Any]]:
            return [c for c in page.chars if round(c["size"]) == g.FOLIO_PT and c["top"] > 262 * MM]

        assert folio(pages[0]) == []
        two, three = folio(pages[1]), folio(pages[2])
        assert "".join(c["text"] for c in two) == "— 2 —"
        assert two[0]["x0"] / MM == pytest.approx(g.LEFT_MM + g.FOLIO_PT / MM, abs=0.5)
        assert three[-1]["x1"] / MM == pytest.approx(
            g.LEFT_MM + g.TEXT_WIDTH_MM - g.FOLIO_PT / MM, abs=0.5
        )
        dash = two[0]
        middle = _em_centre_mm(dash, pages[1].height)
        assert middle == pytest.approx(g.TOP_MM + g.TEXT_HEIGHT_MM + g.FOLIO_GAP_MM, abs=0.5)


def test_ordinary_layout_numbers_page_1_and_has_no_bottom_rule() -> None:
    """layout="ordinary": a page number on page 1, the mark 35 mm below the text area's top."""
    options = attrs.evolve(PDF_OPTIONS, layout="ordinary")
    with pdfplumber.open(io.BytesIO(pdf.dumps(seed_letter(), options=options))) as document:
        page = document.pages[0]
        assert "— 1 —" in page.extract_text()
        mark = [c for c in page.chars if c["size"] > g.TITLE_PT]
        baseline = page.height - float(mark[0]["matrix"][5])
        assert (baseline - EM_TOP * mark[0]["size"]) / MM == pytest.approx(72, abs=0.5)
        red = [r for r in page.rects if _red(r["non_stroking_color"])]
        assert len({round(r["top"]) for r in red}) == 1  # the separator only
        assert red[0]["width"] / MM == pytest.approx(g.TEXT_WIDTH_MM, abs=0.5)


def test_feedback_form_is_a_bordered_table_on_its_own_page(seed_pdf: bytes) -> None:
    """The last page starts with 附件 and holds the form as a table of eight rows."""
    with pdfplumber.open(io.BytesIO(seed_pdf)) as document:
        page = document.pages[-1]
        assert page.extract_text().startswith("附件\n区人大代表建议办理情况征询意见表")
        tables = page.extract_tables()
        assert len(tables) == 1
        assert len(tables[0]) == 8
        assert [row[0] for row in tables[0]][:6] == [
            "代表姓名",
            "建议标题",
            "建议编号",
            "承办单位",
            "办理态度",
            "办理结果",
        ]
        assert "A1 A2 A3 B1 B2" in page.extract_text().replace("\n", " ")


def test_imprint_stands_at_the_foot_of_the_letters_last_page(seed_pdf: bytes) -> None:
    """抄送 and the contact line end at the text area's foot, before the form's page."""
    with pdfplumber.open(io.BytesIO(seed_pdf)) as document:
        page = document.pages[-2]
        lines = [
            line
            for line in _lines(page)
            if round(line[0]["size"]) == g.IMPRINT_PT and line[0]["top"] < 262 * MM
        ]
        assert "".join(c["text"] for c in lines[0]).startswith("抄送：")
        assert _em_centre_mm(lines[-1][0], page.height) > 262 - 10


def test_render_reports_each_font_fallback() -> None:
    """With the test font alone, every typeface falls back to it, each one a GW101 finding."""
    rendered = pdf.render(seed_letter(), options=PDF_OPTIONS)
    assert rendered.data.startswith(b"%PDF-")
    assert {f.code for f in rendered.findings} == {"GW101"}
    assert {f.location for f in rendered.findings} == {
        "fonts.xiaobiaosong",
        "fonts.fangsong",
        "fonts.heiti",
        "fonts.kaiti",
        "fonts.songti",
    }
    assert {font.path for font in rendered.fonts.values()} == {FONT_FILE}


def test_the_first_font_of_a_chain_is_no_finding() -> None:
    """A chain naming the test font first resolves without a finding."""
    options = attrs.evolve(
        PDF_OPTIONS, typefaces=Typefaces(**dict.fromkeys(pdf.FONT_ROLES, ("Noto Serif CJK SC",)))
    )
    fonts, findings = pdf.resolve_fonts(options=options)
    assert findings == ()
    assert fonts["fangsong"].family == "Noto Serif CJK SC"


def test_missing_glyphs_raise_font_error_naming_them() -> None:
    """A character the font lacks is refused with FontError, never printed as a box."""
    letter = attrs.evolve(seed_letter(), paragraphs=(Paragraph("龘字。"),))
    with pytest.raises(FontError, match=r"龘 \(U\+9F98\)") as caught:
        pdf.dumps(letter, options=PDF_OPTIONS)
    assert caught.value.role == "fangsong"
    assert "龘" in caught.value.missing


def test_no_font_at_all_raises_font_error(tmp_path: Path) -> None:
    """An empty font directory, system fonts off: FontError saying none is installed."""
    options = pdf.PdfOptions(font_dirs=(tmp_path,), system_fonts=False)
    with pytest.raises(FontError, match="is installed"):
        pdf.dumps(seed_letter(), options=options)


def test_font_dirs_come_before_later_chain_entries(tmp_path: Path) -> None:
    """A font in font_dirs answers its chain entry; the chain's order decides, not the folder."""
    shutil.copy(FONT_FILE, tmp_path / "copy.otf")
    fonts, _ = pdf.resolve_fonts(
        options=pdf.PdfOptions(font_dirs=(tmp_path, FONT_DIR), system_fonts=False)
    )
    assert fonts["fangsong"].path == tmp_path / "copy.otf"
    assert fonts["fangsong"].source == "font_dirs"


def test_options_are_checked() -> None:
    """Bad options are ValidationError naming the option."""
    with pytest.raises(ValidationError, match="font_dirs"):
        pdf.PdfOptions(font_dirs="fonts")  # a str is an iterable of paths to the type checker
    with pytest.raises(ValidationError, match="not a directory"):
        pdf.PdfOptions(font_dirs=["/no/such/dir"])
    with pytest.raises(ValidationError, match="layout"):
        pdf.PdfOptions(layout="fancy")  # type: ignore[arg-type]


def test_control_characters_are_refused() -> None:
    """A control character in the text is a ValidationError naming the field."""
    letter = attrs.evolve(seed_letter(), closing="谢谢\x07")
    with pytest.raises(ValidationError, match=r"closing holds U\+0007"):
        pdf.dumps(letter, options=PDF_OPTIONS)
