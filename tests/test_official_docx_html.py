"""The DOCX writer, checked in its XML, and the HTML writer, checked in its markup."""

from __future__ import annotations

import io
import zipfile

import attrs
import pytest
from lxml import etree

from govreply.errors import ValidationError
from govreply.examples import seed_letter
from govreply.formats import docx, html
from govreply.formats._layout import Typefaces, break_title

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def document() -> etree._Element:
    package = zipfile.ZipFile(io.BytesIO(docx.dumps(seed_letter())))
    return etree.fromstring(package.read("word/document.xml"))


@pytest.fixture(scope="module")
def styles() -> etree._Element:
    package = zipfile.ZipFile(io.BytesIO(docx.dumps(seed_letter())))
    return etree.fromstring(package.read("word/styles.xml"))


def _w(element: etree._Element | None, name: str) -> str | None:
    assert element is not None, f"no element to read w:{name} from"
    return element.get(f"{W}{name}")


def _text(element: etree._Element) -> str:
    return etree.tostring(element, encoding="unicode", method="text", with_tail=False)


def test_docx_page_is_a4_with_the_standard_margins(document: etree._Element) -> None:
    """PgSz 11906 x 16838 twips; margins 37, 35, 28, 26 mm; a 22-line grid of 579 twips."""
    sect = document.find(f"{W}body/{W}sectPr")
    assert sect is not None
    size, margins, grid = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar"), sect.find(f"{W}docGrid")
    assert (_w(size, "w"), _w(size, "h")) == ("11906", "16838")
    mm = {
        k: round(int(_w(margins, k) or 0) / 1440 * 25.4, 1)
        for k in ("top", "bottom", "left", "right")
    }
    assert mm == {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
    assert (_w(grid, "type"), _w(grid, "linePitch")) == ("lines", "579")
    text_height = 16838 - int(_w(margins, "top") or 0) - int(_w(margins, "bottom") or 0)
    assert 22 * 579 <= text_height < 23 * 579
    assert sect.find(f"{W}titlePg") is not None  # page 1 has its own (empty) footer


def test_docx_styles_name_east_asian_fonts(styles: etree._Element) -> None:
    """Body 仿宋_GB2312 16 pt, title 方正小标宋简体 22 pt, headings 黑体 and 楷体_GB2312."""

    def style(name: str) -> etree._Element:
        for found in styles.iter(f"{W}style"):
            label = found.find(f"{W}name")
            if label is not None and _w(label, "val") == name:
                return found
        raise AssertionError(name)

    expected = {
        "GR Paragraph": ("仿宋_GB2312", "32"),
        "GR Title": ("方正小标宋简体", "44"),
        "GR Heading 1": ("黑体", "32"),
        "GR Heading 2": ("楷体_GB2312", "32"),
        "GR Folio": ("宋体", "28"),
    }
    for name, (font, size) in expected.items():
        fonts = style(name).find(f"{W}rPr/{W}rFonts")
        assert fonts is not None, name
        assert _w(fonts, "eastAsia") == font, name
        assert _w(fonts, "asciiTheme") is None
        assert _w(style(name).find(f"{W}rPr/{W}sz"), "val") == size
    spacing = style("GR Paragraph").find(f"{W}pPr/{W}spacing")
    assert (_w(spacing, "line"), _w(spacing, "lineRule")) == ("579", "exact")
    assert _w(style("GR Paragraph").find(f"{W}pPr/{W}ind"), "firstLineChars") == "200"


def test_docx_page_numbers_are_page_fields_between_dashes() -> None:
    """Odd footers right, even footers left, each — PAGE —; settings say even and odd differ."""
    package = zipfile.ZipFile(io.BytesIO(docx.dumps(seed_letter())))
    footers = [n for n in package.namelist() if n.startswith("word/footer")]
    texts = []
    for name in footers:
        root = etree.fromstring(package.read(name))
        text = _text(root)
        if "PAGE" in text:
            texts.append(text)
            jc = root.find(f".//{W}jc")
            assert jc is not None
            assert _w(jc, "val") in ("left", "right")
    assert sorted(texts) == ["—  PAGE 1 —", "—  PAGE 1 —"]
    assert b"evenAndOddHeaders" in package.read("word/settings.xml")


def test_docx_masthead_and_rules_are_red_frames_on_page_1(document: etree._Element) -> None:
    """The issuer mark and the two double rules are frames placed from the top of the page."""
    frames = document.findall(f"{W}body/{W}p/{W}pPr/{W}framePr")[:3]
    ys = [round(int(_w(f, "y") or 0) / 1440 * 25.4, 1) for f in frames]
    assert ys[0] == 30.0
    assert ys[1] == pytest.approx(30 + 30 / 72 * 25.4 + 4, abs=0.1)
    assert ys[2] == pytest.approx(297 - 20 - 3.75 / 72 * 25.4, abs=0.1)
    borders = document.findall(f"{W}body/{W}p/{W}pPr/{W}pBdr/{W}top")
    assert [_w(b, "val") for b in borders[:2]] == ["thickThinSmallGap", "thinThickSmallGap"]
    assert {_w(b, "color") for b in borders[:2]} == {"FF0000"}


def test_docx_feedback_form_is_a_bordered_table_of_seven_columns(document: etree._Element) -> None:
    """One table, fixed layout, 156 mm wide, eight rows, single borders, merged cells spanned."""
    tables = document.findall(f"{W}body/{W}tbl")
    assert len(tables) == 1
    table = tables[0]
    assert len(table.findall(f"{W}tblGrid/{W}gridCol")) == 7
    assert len(table.findall(f"{W}tr")) == 8
    assert _w(table.find(f"{W}tblPr/{W}tblBorders/{W}insideH"), "val") == "single"
    first = table.find(f"{W}tr")
    assert first is not None
    spans = [
        int(_w(tc.find(f"{W}tcPr/{W}gridSpan"), "val") or 1)
        if tc.find(f"{W}tcPr/{W}gridSpan") is not None
        else 1
        for tc in first.findall(f"{W}tc")
    ]
    assert spans == [1, 2, 2, 2]
    assert _text(first).startswith("代表姓名马雪梅")


def test_docx_font_table_gives_alternatives() -> None:
    """The font table declares 仿宋_GB2312 with 仿宋 as its alternative, charset GB 2312."""
    package = zipfile.ZipFile(io.BytesIO(docx.dumps(seed_letter())))
    root = etree.fromstring(package.read("word/fontTable.xml"))
    font = root.find(f"{W}font[@{W}name='仿宋_GB2312']")
    assert font is not None
    assert _w(font.find(f"{W}altName"), "val") == "仿宋"
    assert _w(font.find(f"{W}charset"), "val") == "86"


def test_docx_names_the_fonts_the_options_give() -> None:
    """typefaces=… changes the names written."""
    options = docx.DocxOptions(typefaces=Typefaces(fangsong=("仿宋", "FangSong")))
    package = zipfile.ZipFile(io.BytesIO(docx.dumps(seed_letter(), options=options)))
    assert 'w:eastAsia="仿宋"' in package.read("word/styles.xml").decode()


def test_html_is_semantic_and_accessible() -> None:
    """Lang zh-CN, one h1, sections with h2, a cc list, a table with row headers, a time."""
    page = html.dumps(attrs.evolve(seed_letter(), date=__import__("datetime").date(2024, 5, 20)))
    root = etree.fromstring(page.encode(), etree.HTMLParser())
    assert root.get("lang") == "zh-CN"
    assert [h.xpath("string()") for h in root.iter("h1")] == [
        "关于区二届人大四次会议第55号建议答复的函"
    ]
    assert [h.xpath("string()") for h in root.iter("h2")][:3] == [
        "一、全力推进学校减负工作",
        "二、持续深化校政心理合作",
        "三、织密学生心理防护网",
    ]
    assert [li.text for li in root.iter("li")] == ["区人大选任联工委", "区政府督查室"]
    time = root.find(".//time")
    assert time is not None
    assert time.get("datetime") == "2024-05-20"
    headers = [th.xpath("string()") for th in root.iter("th")]
    assert headers[:2] == ["代表姓名", "通讯地址及联系电话"]
    assert all(th.get("scope") == "row" for th in root.iter("th"))
    table = root.find(".//table")
    assert table is not None
    assert table.get("aria-labelledby") == "gr-form-title"
    assert all(
        d.get("aria-hidden") == "true" for d in root.iter("div") if "gr-rule" in d.get("class", "")
    )


def test_html_print_stylesheet_carries_the_geometry() -> None:
    """@page A4 with the margins, the 28.99 pt line, :first without a page number."""
    page = html.dumps(seed_letter())
    assert "@page { size: A4; margin: 37mm 26mm 35mm" in page
    assert "line-height: 28.99pt" in page
    assert "@page :first { @bottom-right { content: none; } }" in page
    assert 'content: "— " counter(page) " —"' in page


def test_html_without_title_prints_no_h1() -> None:
    """A letter without a title prints none (the page title falls back to issuer and number)."""
    page = html.dumps(attrs.evolve(seed_letter(), title=None))
    assert "<h1" not in page
    assert "<title>赣州市赣县区教育科技体育局 赣区教议〔2024〕2号</title>" in page


def test_html_styles_false_writes_bare_markup() -> None:
    """styles=False leaves the stylesheet out."""
    assert "<style>" not in html.dumps(seed_letter(), options=html.HtmlOptions(styles=False))


def test_writers_refuse_control_characters() -> None:
    """HTML and DOCX refuse a control character with ValidationError naming the field."""
    letter = attrs.evolve(seed_letter(), opening="收悉\x0b")
    for write in (html.dumps, docx.dumps):
        with pytest.raises(ValidationError, match=r"opening holds U\+000B"):
            write(letter)


def test_line_breaks_print_as_line_breaks() -> None:
    """A line break inside a paragraph becomes <br> and w:br."""
    letter = attrs.evolve(seed_letter(), closing="第一行\n第二行")
    assert "第一行<br>第二行" in html.dumps(letter)
    assert b"<w:br/>" in zipfile.ZipFile(io.BytesIO(docx.dumps(letter))).read("word/document.xml")


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("关于区二届人大四次会议第55号建议答复的函", 1),
        ("关于市十六届人大二次会议第123号建议《关于加快推进城乡教育一体化发展的建议》答复的函", 3),
    ],
)
def test_titles_break_at_word_ends_within_the_line(title: str, lines: int) -> None:
    """A long title is broken into balanced lines of at most 20 characters, 《…》 kept whole."""
    broken = break_title(title, 20)
    assert len(broken) == lines
    assert "".join(broken) == title
    assert all(line.count("《") == line.count("》") for line in broken)


def test_a_title_line_turns_on_a_screen_only_at_word_ends() -> None:
    """Each planned title line carries <wbr> at word ends, and the screen breaks only there."""
    page = html.dumps(seed_letter())
    assert "关于区二届<wbr>人大四次会议<wbr>第55号建议<wbr>答复的函" in page
    assert "word-break: keep-all" in page
