"""Hostile and damaged documents: every reader raises its typed error fast, never hangs."""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreply import formats
from govreply.errors import (
    DocumentParseError,
    DocxParseError,
    HtmlParseError,
    NoTextLayerError,
    OfdNoTextError,
    OfdParseError,
    ParseError,
    PdfEncryptedError,
    PdfNoTextError,
    PdfParseError,
    UnsupportedFormatError,
)
from govreply.formats import docx, html, ofd, pdf
from readers_util import (
    LETTER_LINES,
    docx_bytes,
    ofd_bytes,
    para,
    pdf_bytes,
    text_pdf,
    zip_bytes,
)
from timing import best

DOCUMENTS = Path(__file__).parent / "data" / "documents"
SEED_PDF = (DOCUMENTS / "seed.pdf").read_bytes()
SEED_DOCX = (DOCUMENTS / "seed.docx").read_bytes()
SEED_OFD = (DOCUMENTS / "seed.ofd").read_bytes()
SEED_HTML = (DOCUMENTS / "seed-portal.html").read_bytes()


# ------------------------------------------------------------------------- PDF


def test_a_pdf_claiming_a_million_pages_is_refused() -> None:
    """/Count 1000000 over one page object is refused before any page is read."""
    data = pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>",
        ]
    )
    with pytest.raises(PdfParseError, match="max_pages"):
        pdf.parse(data)


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.999])
def test_truncated_pdfs_raise_pdf_parse_errors(cut: float) -> None:
    """A PDF cut anywhere reads as far as it can or raises PdfParseError."""
    with contextlib.suppress(PdfParseError):
        pdf.parse(SEED_PDF[: int(len(SEED_PDF) * cut)])


def test_not_a_pdf_is_a_pdf_parse_error() -> None:
    """Bytes without %PDF are refused."""
    with pytest.raises(PdfParseError, match="not a PDF"):
        pdf.parse(b"hello")


def test_a_scanned_pdf_needs_ocr() -> None:
    """A page holding only an image raises PdfNoTextError, a NoTextLayerError."""
    image = b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    data = text_pdf(
        b"q 500 0 0 700 50 50 cm /Im1 Do Q",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        image,
    )
    with pytest.raises(PdfNoTextError, match="OCR") as info:
        pdf.parse(data)
    assert isinstance(info.value, NoTextLayerError)


def test_an_encrypted_pdf_is_a_pdf_encrypted_error() -> None:
    """A PDF that needs a password raises PdfEncryptedError."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(SEED_PDF))
    writer.encrypt("secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(PdfEncryptedError):
        pdf.parse(out.getvalue())


def test_glyph_numbers_taken_for_code_points_are_refused() -> None:
    """An Identity-H font with no ToUnicode gives no real text: an error, not garbled fields."""
    data = text_pdf(
        b"BT /F1 16 Tf 100 700 Td <0f3a1b220c4d5e6f12345678> Tj ET",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [7 0 R] >>",
        b"<< >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R >>",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    )
    with pytest.raises(PdfParseError, match="cannot be decoded") as info:
        pdf.extract(data)
    assert info.value.page == 1


def test_gbk_codes_in_a_winansi_font_are_decoded() -> None:
    """GBK bytes drawn with a WinAnsi font (¹ØÓÚ…) are re-read as GBK, with GP201."""
    line = "关于红军作战的原则"
    data = text_pdf(
        b"BT /F1 16 Tf 100 700 Td <" + line.encode("gbk").hex().encode() + b"> Tj ET",
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    )
    found = pdf.extract(data)
    assert found.text.strip() == line
    assert "¹" not in found.text
    assert "\ufffd" not in found.text


def test_pdf_limits_are_enforced() -> None:
    """max_bytes refuses a large file before pdfium sees it."""
    with pytest.raises(PdfParseError, match="max_bytes"):
        pdf.parse(SEED_PDF, options=pdf.PdfReadOptions(max_bytes=1000))


# ------------------------------------------------------------------------- ZIP packages


def _bomb(name: str, base: dict[str, bytes | str]) -> bytes:
    return zip_bytes({**base, name: b"\0" * (30 * 1024 * 1024)})


def test_a_docx_zip_bomb_is_refused_before_inflating() -> None:
    """A member that compresses 1000 to 1 is refused (DocxParseError names it)."""
    data = _bomb("word/media/bomb.bin", {})
    assert len(data) < 100_000
    with pytest.raises(DocxParseError, match=r"ZIP bomb|max_member_bytes"):
        docx.parse(data)


def test_an_ofd_zip_bomb_is_refused_before_inflating() -> None:
    """The same for OFD."""
    with pytest.raises(OfdParseError, match=r"ZIP bomb|max_member_bytes"):
        ofd.parse(_bomb("Doc_0/Res/bomb.bin", {}))


@pytest.mark.parametrize("name", ["../evil.xml", "Doc_0/../../evil.xml", "/etc/passwd", "C:/x.xml"])
def test_member_names_leaving_the_package_are_refused(name: str) -> None:
    """Path traversal in member names is an error, for OFD and DOCX alike."""
    with pytest.raises(OfdParseError, match="traversal"):
        ofd.parse(ofd_bytes(LETTER_LINES, {name: "<x/>"}))
    with pytest.raises(DocxParseError, match="traversal"):
        docx.parse(docx_bytes(para("张三代表："), {name: "<x/>"}))


def test_a_base_loc_leaving_the_package_is_not_followed() -> None:
    """A page whose BaseLoc climbs out of the package is reported missing."""
    data = ofd_bytes(LETTER_LINES)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {n: z.read(n) for n in z.namelist()}
    members["Doc_0/Document.xml"] = members["Doc_0/Document.xml"].replace(
        b"Pages/Page_0", b"../../../Pages/Page_0"
    )
    with pytest.raises(OfdParseError, match="no such member"):
        ofd.parse(zip_bytes(members))


def test_too_many_members_are_refused() -> None:
    """More than max_members members is an error."""
    with pytest.raises(OfdParseError, match="max_members"):
        ofd.parse(
            ofd_bytes(LETTER_LINES, {f"Doc_0/Res/{i}.txt": "x" for i in range(50)}),
            options=ofd.OfdReadOptions(max_members=20),
        )


def test_a_doctype_in_a_part_is_refused() -> None:
    """DTDs and entities are refused in OFD and DOCX parts (billion laughs)."""
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>'
    )
    data = ofd_bytes(LETTER_LINES)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members: dict[str, bytes | str] = {n: z.read(n) for n in z.namelist()}
    members["OFD.xml"] = laughs
    with pytest.raises(OfdParseError, match="DOCTYPE"):
        ofd.parse(zip_bytes(members))
    with pytest.raises(DocxParseError, match="DOCTYPE"):
        docx.parse(docx_bytes(para("x"), {"word/styles.xml": laughs}))


@pytest.mark.parametrize("cut", [0.05, 0.5, 0.95])
def test_truncated_packages_raise_typed_errors(cut: float) -> None:
    """A DOCX or OFD cut short is a DocxParseError or OfdParseError."""
    with pytest.raises(DocxParseError):
        docx.parse(SEED_DOCX[: int(len(SEED_DOCX) * cut)])
    with pytest.raises(OfdParseError):
        ofd.parse(SEED_OFD[: int(len(SEED_OFD) * cut)])


def test_an_ofd_of_images_only_needs_ocr() -> None:
    """Pages with images and no text objects raise OfdNoTextError."""
    with pytest.raises(OfdNoTextError, match="OCR"):
        ofd.parse(ofd_bytes([], images=2))


def test_an_ofd_without_ofd_xml_is_refused() -> None:
    """A ZIP without OFD.xml is not OFD."""
    with pytest.raises(OfdParseError, match=r"OFD\.xml"):
        ofd.parse(zip_bytes({"a.txt": "x"}))


def test_a_docx_with_an_empty_body_is_refused() -> None:
    """A Word document with no text says so."""
    with pytest.raises(DocxParseError, match="no text"):
        docx.parse(docx_bytes(""))


# ------------------------------------------------------------------------- HTML


def test_a_hundred_thousand_nested_elements_are_refused() -> None:
    """100,000 nested <div>s raise HtmlParseError instead of losing text past libxml2's limit."""
    page = "<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(HtmlParseError, match="deeper"):
        html.parse(page)


def test_a_page_over_max_bytes_is_refused() -> None:
    """max_bytes bounds the page."""
    with pytest.raises(HtmlParseError, match="max_bytes"):
        html.parse(SEED_HTML, options=html.HtmlReadOptions(max_bytes=1000))


def test_wrong_encoding_declared_is_read_and_reported() -> None:
    """A UTF-8 page declaring gb2312 is read as UTF-8, with GH104."""
    page = (
        '<html><head><meta charset="gb2312"></head><body>'
        + "".join(f"<p>{ln}</p>" for ln in LETTER_LINES)
        + "</body></html>"
    )
    result = html.parse(page.encode("utf-8"))
    assert result.letter.addressees.names == ("张三",)
    assert any(f.code == "GH104" for f in result.findings)


def test_undecodable_bytes_are_an_html_parse_error() -> None:
    """Bytes that are no text in any encoding tried are refused."""
    with pytest.raises(HtmlParseError):
        html.parse(b"<html>\xff\xfe\xfd\x80\x80\xff" * 3)


def test_bom_decides_the_encoding() -> None:
    """A UTF-16 BOM is obeyed."""
    page = "<html><body>" + "".join(f"<p>{ln}</p>" for ln in LETTER_LINES) + "</body></html>"
    assert html.loads(page.encode("utf-16")).addressees.names == ("张三",)


# ------------------------------------------------------------------------- sniff


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (SEED_PDF, None, "pdf"),
        (SEED_DOCX, None, "docx"),
        (SEED_OFD, "x.zip", "ofd"),
        (SEED_HTML, None, "html"),
        (b'{"format": 1}', None, "json"),
        (b"<reply-letter/>", None, "xml"),
        (b"<p>x</p>", "a.htm", "html"),
        ("张三代表：".encode(), None, "text"),
        ("张三代表：".encode(), "a.json", "json"),
    ],
)
def test_sniff_names_the_format(data: bytes, name: str | None, expected: str) -> None:
    """Content decides first, the extension second."""
    assert formats.sniff(data, name) == expected


@pytest.mark.parametrize(
    "data",
    [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, b"\x89PNG\r\n", zip_bytes({"a.txt": "x"})],
)
def test_sniff_refuses_what_govreply_does_not_read(data: bytes) -> None:
    """A legacy .doc, an image or a stray ZIP is an UnsupportedFormatError."""
    with pytest.raises(UnsupportedFormatError):
        formats.sniff(data)


def test_a_pdf_name_over_other_bytes_is_refused() -> None:
    """letter.pdf holding text is not read as text."""
    with pytest.raises(UnsupportedFormatError, match="not PDF"):
        formats.sniff("张三代表：".encode(), "letter.pdf")


# ------------------------------------------------------------------------- fuzzing

READERS: dict[str, Callable[[bytes], object]] = {
    "pdf": pdf.parse,
    "docx": docx.parse,
    "ofd": ofd.parse,
    "html": html.parse,
}
SEEDS = {"pdf": SEED_PDF, "docx": SEED_DOCX, "ofd": SEED_OFD, "html": SEED_HTML}


@pytest.mark.parametrize("fmt", sorted(READERS))
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_parse_errors(fmt: str, data: bytes) -> None:
    """Any bytes either parse or raise a ParseError leaf."""
    with contextlib.suppress(ParseError):
        READERS[fmt](data)


@pytest.mark.parametrize("fmt", sorted(READERS))
@given(at=st.integers(0, 10**9), junk=st.binary(min_size=1, max_size=16))
def test_corrupted_documents_raise_only_parse_errors(fmt: str, at: int, junk: bytes) -> None:
    """A real document with bytes overwritten anywhere parses or raises a ParseError leaf."""
    seed = SEEDS[fmt]
    i = at % len(seed)
    with contextlib.suppress(ParseError):
        READERS[fmt](seed[:i] + junk + seed[i + len(junk) :])


# ------------------------------------------------------------------------- scaling


def _html_page(n: int) -> str:
    body = "".join(f"<p>　　第{i}段正文，我局已办理。</p>" for i in range(n))
    return f"<html><body><div class='nav'><a href='/'>首页</a></div><div id='zoom'><p>张三代表：</p><p>　　您提出的建议收悉，现答复如下：</p>{body}</div></body></html>"


def _docx_doc(n: int) -> bytes:
    return docx_bytes(
        para("张三代表：") + para("您提出的建议收悉，现答复如下：") + para("我局已办理。") * n
    )


def _ofd_doc(n: int) -> bytes:
    return ofd_bytes([*LETTER_LINES[:2], *(["　　我局已办理，正文正文正文正文正文正文。"] * n)])


def _glyph_pages(n: int) -> list[object]:
    from govreply.formats._readkit.geometry import Glyph, Page

    glyphs = []
    for i in range(n):
        y = 100 + (i % 40) * 20
        glyphs += [Glyph("正", 80 + 16 * k, y, 96 + 16 * k, y + 16) for k in range(28)]
    return [Page(glyphs[k : k + 40 * 28], [], 595, 1800) for k in range(0, len(glyphs), 40 * 28)]


def _layout(pages: list[object]) -> object:
    from govreply.formats._readkit.geometry import layout_text

    return layout_text(pages)  # type: ignore[arg-type]


SCALING: dict[str, tuple[Callable[[int], Any], Callable[[Any], object], int]] = {
    "html": (lambda n: _html_page(n), html.extract, 500),
    "docx": (lambda n: _docx_doc(n), docx.extract, 300),
    "ofd": (lambda n: _ofd_doc(n), ofd.extract, 100),
    "layout": (lambda n: _glyph_pages(n), _layout, 100),
}


@pytest.mark.parametrize("kind", sorted(SCALING))
def test_readers_scale_linearly(kind: str) -> None:
    """Ten times the input takes at most fifteen times as long."""
    build, run, n = SCALING[kind]
    small, large = build(n), build(10 * n)
    t_small = best(lambda: run(small))
    t_large = best(lambda: run(large))
    assert t_large <= 15 * max(t_small, 2e-3)


def test_a_table_of_many_rules_scales_linearly() -> None:
    """Ruled tables are read in time linear in their cells."""
    from govreply.formats._readkit.geometry import Glyph, Page, Rule, layout_text

    def page(rows: int) -> list[Page]:
        rules = [Rule(80, 100 + 20 * r, 500, 100 + 20 * r) for r in range(rows + 1)]
        rules += [Rule(x, 100, x, 100 + 20 * rows) for x in (80, 200, 500)]
        glyphs = [Glyph("格", 90, 104 + 20 * r, 102, 116 + 20 * r) for r in range(rows)]
        return [Page(glyphs, rules, 595, 100 + 20 * rows + 100)]

    small, large = page(60), page(600)
    t_small = best(lambda: layout_text(small))
    t_large = best(lambda: layout_text(large))
    assert t_large <= 15 * max(t_small, 2e-3)


def test_errors_are_document_parse_errors() -> None:
    """The readers' errors are DocumentParseError leaves (and ValueErrors)."""
    for exc in (PdfParseError(), DocxParseError(), OfdParseError(), HtmlParseError()):
        assert isinstance(exc, DocumentParseError)
        assert isinstance(exc, ValueError)
    assert str(PdfParseError("bad", page=2)) == "page 2: bad"
    assert str(OfdParseError("bad", part="OFD.xml")) == "OFD.xml: bad"
    assert OfdNoTextError.__mro__.index(NoTextLayerError) > 0


@pytest.mark.parametrize("fmt", ["docx", "ofd"])
def test_a_package_whose_members_claim_encryption_is_a_parse_error(fmt: str) -> None:
    """A ZIP member flagged encrypted (zipfile would want a password) is a typed error."""
    source = zipfile.ZipFile(io.BytesIO(SEEDS[fmt]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
    data = bytearray(out.getvalue())
    # set the encryption bit in every central-directory and local header
    for signature, flags_at in ((b"PK\x01\x02", 8), (b"PK\x03\x04", 6)):
        start = data.find(signature)
        while start >= 0:
            data[start + flags_at] |= 0x1
            start = data.find(signature, start + 4)
    with pytest.raises(ParseError, match="encrypted"):
        READERS[fmt](bytes(data))
