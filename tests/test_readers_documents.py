"""The readers give back the real letters set as PDF, DOCX, OFD and portal pages (tests/data/documents)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from govreply import formats
from govreply.errors import DocumentParseError, HtmlParseError
from govreply.examples import seed_text
from govreply.formats import docx, html, ofd, pdf, text
from govreply.model import DocumentNumber, ReplyLetter

DOCUMENTS = Path(__file__).parent / "data" / "documents"
LETTERS = Path(__file__).parent / "data" / "letters"
GENERATED = sorted(
    p
    for p in DOCUMENTS.iterdir()
    if p.suffix in (".pdf", ".docx", ".ofd", ".html")
    and json.loads(p.with_name(p.name + ".source.json").read_text("utf-8")).get("generated")
)


def _sidecar(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.with_name(path.name + ".source.json").read_text("utf-8"))
    return data


def _source_letter(path: Path) -> ReplyLetter:
    source = _sidecar(path)["from"]
    raw = (
        seed_text()
        if "seed" in source
        else (Path(__file__).parent.parent / source).read_text("utf-8")
    )
    letter = text.loads(raw)
    filled = _sidecar(path).get("filled", {})
    if "date" in filled:
        letter = attrs.evolve(letter, date=datetime.date.fromisoformat(filled["date"]))
    if "doc_number" in filled:
        letter = attrs.evolve(letter, doc_number=DocumentNumber.parse(filled["doc_number"]))
    return letter


@pytest.mark.parametrize("path", GENERATED, ids=lambda p: p.name)
def test_documents_give_back_their_letters(path: Path) -> None:
    """Each generated document reads back as the letter it was made from (or as its sidecar says)."""
    side = _sidecar(path)
    result = formats.parse(path.read_bytes(), path.name)
    want = _source_letter(path)
    if side["expected"]["equals_source_letter"]:
        assert result.letter == want
    else:
        differs = set(side["differs"])
        for field in attrs.fields(ReplyLetter):
            if field.name not in differs:
                assert getattr(result.letter, field.name) == getattr(want, field.name), field.name
    expected = side["expected"]
    assert (str(result.letter.doc_number) if result.letter.doc_number else None) == expected[
        "doc_number"
    ]
    assert list(result.letter.addressees.names) == expected["addressees"]
    assert result.text  # the text handed to the text reader is kept


@pytest.mark.parametrize("path", GENERATED, ids=lambda p: p.name)
def test_documents_report_only_their_own_and_text_codes(path: Path) -> None:
    """Findings carry the reader's prefix (GP, GD, GO, GH) or the text reader's GT."""
    prefix = {".pdf": "GP", ".docx": "GD", ".ofd": "GO", ".html": "GH"}[path.suffix]
    result = formats.parse(path.read_bytes(), path.name)
    assert {f.code[:2] for f in result.findings} <= {prefix, "GT"}


def test_page_numbers_are_removed_with_a_finding_each() -> None:
    """The seed PDF prints — 1 — … on five pages; each is removed and reported."""
    result = pdf.parse((DOCUMENTS / "seed.pdf").read_bytes())
    removed = [f for f in result.findings if f.code == "GP101"]
    assert len(removed) == result.pages == 5
    assert not any(line.strip().startswith("—") for line in result.text.splitlines())


def test_paragraphs_continued_across_pages_are_joined() -> None:
    """A paragraph broken by a page break is one paragraph again (GP104), not a GT101 guess."""
    result = pdf.parse((DOCUMENTS / "seed.pdf").read_bytes())
    assert any(f.code == "GP104" for f in result.findings)


def test_feedback_form_is_read_from_ruled_table_cells() -> None:
    """The form's table comes back from rules and character boxes (GP103), cell by cell."""
    result = pdf.parse((DOCUMENTS / "seed.pdf").read_bytes())
    form = result.letter.feedback_form
    assert form is not None
    assert form.classification is not None
    assert (form.address, form.phone, form.classification.code) == (
        "赣县区南塘中学",
        "18707070780",
        "A1",
    )
    assert any(f.code == "GP103" for f in result.findings)


def test_gbk_cid_font_without_tounicode_is_decoded() -> None:
    """A non-embedded GBK-EUC-H CID font with no ToUnicode map reads through the CMap."""
    data = (DOCUMENTS / "seed-gbk.pdf").read_bytes()
    assert b"/ToUnicode" not in data
    assert b"/GBK-EUC-H" in data
    letter = pdf.loads(data)
    assert letter == text.loads(seed_text())


def test_word_numbering_labels_are_generated() -> None:
    """一、 comes from the numbering part, not the text, and is reported (GD101)."""
    data = (DOCUMENTS / "seed.docx").read_bytes()
    result = docx.parse(data)
    assert next(s.heading for s in result.letter.sections) == "全力推进学校减负工作"
    assert "一、全力推进学校减负工作" in result.text
    assert any(f.code == "GD101" for f in result.findings)


def test_ofd_custom_tags_are_read_into_metadata() -> None:
    """Tags/CustomTags.xml names the document number's text object; its text is metadata."""
    result = ofd.parse((DOCUMENTS / "seed.ofd").read_bytes())
    assert result.metadata["发文字号"] == "赣区教议〔2024〕2号"
    assert any(f.code == "GO201" for f in result.findings)


def test_page_metadata_fills_the_date_but_never_the_publication_date() -> None:
    """成文日期 fills a missing date (GH201, inferred); 发布日期 is only metadata."""
    result = html.parse((DOCUMENTS / "seed-portal.html").read_bytes())
    assert result.letter.date == datetime.date(2024, 5, 20)
    assert result.metadata["发布日期"] == "2024-06-28"
    assert result.review.inferred == ("date",)
    assert result.review.needed


def test_publication_date_alone_is_never_the_letter_date() -> None:
    """A page with only 发布日期 leaves a dateless letter dateless."""
    page = (
        (DOCUMENTS / "seed-portal.html")
        .read_bytes()
        .decode("gb18030")
        .replace("成文日期", "生成时间")
    )
    assert html.loads(page).date is None


def test_gb2312_page_is_read_as_gb18030() -> None:
    """A page declaring gb2312 may hold characters only GB 18030 has (䶮), read correctly."""
    page = '<html><head><meta charset="gb2312"></head><body><p>张䶮代表：</p><p>您提出的建议收悉，现答复如下：</p><p>我局已办理。</p><p>2024年5月20日</p></body></html>'
    letter = html.loads(page.encode("gb18030"))
    assert letter.addressees.names == ("张䶮",)


def test_document_number_from_metadata_is_inferred() -> None:
    """A 文号 printed only in the metadata table fills the letter's, reported as inferred."""
    result = html.parse((DOCUMENTS / "letter-005-portal.html").read_bytes())
    assert str(result.letter.doc_number) == "粤交案函〔2022〕8号"
    assert "doc_number" in result.review.inferred


def test_title_above_the_letter_is_taken_from_the_heading() -> None:
    """A title printed only as the page's <h1> is the letter's title (GH103)."""
    result = html.parse((DOCUMENTS / "letter-001-portal.html").read_bytes())
    assert result.letter.title == "关于市十七届人大三次会议第182号代表建议的答复函"
    assert any(f.code == "GH103" for f in result.findings)


@pytest.mark.parametrize(
    "name", ["cbirc_licence_query_portal_page.html", "tianjin_czj_2019_1_xxgk_shell.html"]
)
def test_real_pages_without_a_letter_say_so(name: str) -> None:
    """A portal page with no letter (a query form; a shell filled by script) is an error."""
    with pytest.raises(HtmlParseError, match=r"not a reply letter|no text"):
        html.parse((DOCUMENTS / name).read_bytes())


def test_metadata_of_a_real_shell_page_is_read() -> None:
    """The 天津 page's metadata (labels with ideographic spaces) is read though it has no letter."""
    found = html.extract((DOCUMENTS / "tianjin_czj_2019_1_xxgk_shell.html").read_bytes())
    assert found.metadata["发文字号"] == "津财采〔2019〕1号"
    assert found.metadata["成文日期"] == "2019-01-04"


def test_every_reader_error_is_a_document_parse_error() -> None:
    """Not-a-letter documents raise the format's leaf of DocumentParseError."""
    for module, data in (
        (pdf, (DOCUMENTS / "seed.pdf").read_bytes()),
        (docx, (DOCUMENTS / "seed.docx").read_bytes()),
        (ofd, (DOCUMENTS / "seed.ofd").read_bytes()),
    ):
        module.extract(data)
    with pytest.raises(DocumentParseError):
        html.parse(b"<html><body><p>hello</p></body></html>")
