"""Behaviour of each reader on small documents built for one feature each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govreply.cli import main
from govreply.formats import docx, html, ofd
from readers_util import LETTER_LINES, W, docx_bytes, ofd_bytes, para

DOCUMENTS = Path(__file__).parent / "data" / "documents"
BENCH = Path(__file__).parent.parent / "bench"

NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>'
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    '</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
)


def _numbered(text: str, level: int) -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="7"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def test_word_numbering_counts_levels_and_restarts_deeper_ones() -> None:
    """一、（一）（二） 二、（一） 1. — deeper levels restart under a new parent."""
    body = (
        _numbered("甲", 0)
        + _numbered("乙", 1)
        + _numbered("丙", 1)
        + _numbered("丁", 0)
        + _numbered("戊", 1)
        + _numbered("己", 2)
    )
    found = docx.extract(docx_bytes(body, {"word/numbering.xml": NUMBERING}))
    lines = [ln for ln in found.text.splitlines() if ln]
    assert lines == ["一、甲", "（一）乙", "（二）丙", "二、丁", "（一）戊", "1.己"]
    assert [f.code for f in found.findings] == ["GD101"]


def test_merged_cells_are_read_once() -> None:
    """A horizontally merged cell (gridSpan) and a vertical merge give their text once."""
    table = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:p><w:r><w:t>代表姓名</w:t></w:r></w:p></w:tc>"
        '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>张三</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>办理</w:t></w:r></w:p></w:tc>'
        "<w:tc><w:p><w:r><w:t>满意</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>办理</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>不满意</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"
    )
    found = docx.extract(docx_bytes(table))
    assert found.text.splitlines()[:3] == ["代表姓名\t张三\t", "办理\t满意\t", "\t不满意\t"]


def test_text_boxes_are_read_once_after_their_anchor() -> None:
    """Text in a text box follows its anchoring paragraph; the mc:Fallback copy is skipped."""
    box = (
        '<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        "<mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>赣区教议〔2024〕2号</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>赣区教议〔2024〕2号</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    found = docx.extract(docx_bytes(box))
    assert [ln for ln in found.text.splitlines() if ln] == ["正文", "赣区教议〔2024〕2号"]
    assert any(f.code == "GD102" for f in found.findings)


def test_tracked_deletions_are_dropped_and_fields_show_results() -> None:
    """w:del text is left out (GD104), w:ins kept; a field shows its result, not its code."""
    body = (
        "<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    found = docx.extract(docx_bytes(body))
    assert [ln for ln in found.text.splitlines() if ln] == ["保留插入", "3"]
    assert any(f.code == "GD104" for f in found.findings)


def test_any_namespace_prefix_is_read() -> None:
    """WordprocessingML under another prefix (ns0:) reads the same."""
    data = (
        docx_bytes("".join(para(ln) for ln in LETTER_LINES))
        .replace(b"w:", b"ns0:")
        .replace(b"xmlns:w=", b"xmlns:ns0=")
    )
    assert docx.loads(data).addressees.names == ("张三",)


def test_ofd_deltas_with_repeat_syntax_are_placed() -> None:
    """DeltaX "g 3 5.6" repeats a gap; the glyphs land where the file puts them."""
    data = ofd_bytes(LETTER_LINES)
    assert ofd.loads(data).addressees.names == ("张三",)
    repeated = data.replace(b'DeltaX="5.6 5.6 5.6 5.6"', b'DeltaX="g 4 5.6"')
    assert ofd.loads(repeated) == ofd.loads(data)


def test_nbsp_ideographic_spaces_and_br_are_read() -> None:
    """&nbsp; and 　 indents, <br> line breaks and inline styles reach the text reader."""
    page = (
        '<html><body><div class="TRS_Editor"><p style="text-align:center"><b>关于第1号建议的答复</b></p>'
        "张三代表：<br>&nbsp;&nbsp;&nbsp;&nbsp;您提出的建议收悉，现答复如下：<br>　　我局已办理。<br>"
        '<p style="text-align:right">某某局</p><p style="text-align:right">2024年5月20日</p></div></body></html>'
    )
    letter = html.loads(page)
    assert letter.title == "关于第1号建议的答复"
    assert letter.opening == "您提出的建议收悉，现答复如下："
    assert str(letter.date) == "2024-05-20"


def test_a_source_line_break_between_chinese_characters_is_no_space() -> None:
    """Text wrapped in the HTML source joins up as a browser shows it (CSS Text 3)."""
    page = "<p>张三代表：</p><p>您提出的建议\n    收悉，现答复如下：</p><p>我局已办理。</p><p>2024年5月20日</p>"
    assert (
        html.loads(f"<html><body>{page}</body></html>").opening == "您提出的建议收悉，现答复如下："
    )


@pytest.mark.parametrize(
    "name", ["seed.pdf", "seed.docx", "seed.ofd", "seed-portal.html", "seed-gbk.pdf"]
)
def test_cli_reads_every_document_format(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Govreply parse picks the reader by extension and content."""
    assert main(["parse", str(DOCUMENTS / name), "--to", "text", "-q"]) == 0
    assert "赣区教议〔2024〕2号" in capsys.readouterr().out


def test_cli_sniffs_content_over_a_wrong_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A PDF saved without its extension is still read as PDF."""
    target = tmp_path / "letter"
    target.write_bytes((DOCUMENTS / "seed.pdf").read_bytes())
    assert main(["check", str(target)]) in (0, 1)
    assert "GP101" in capsys.readouterr().out


def test_cli_reports_reader_errors_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scanned or damaged document is one error line and exit 1, never a traceback."""
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    assert main(["parse", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_cli_reads_a_folder_of_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A directory's PDF, DOCX, OFD and HTML files are read as JSON Lines."""
    for name in ("seed.pdf", "seed.docx", "seed.ofd", "seed-portal.html"):
        (tmp_path / name).write_bytes((DOCUMENTS / name).read_bytes())
    status = main(["parse", str(tmp_path), "-q"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.count("\n") == 4


def test_measure_script_runs_on_the_committed_documents() -> None:
    """bench/measure_readers.py reads a folder and counts no crash."""
    result = subprocess.run(
        [sys.executable, str(BENCH / "measure_readers.py"), str(DOCUMENTS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 crashes" in result.stdout
