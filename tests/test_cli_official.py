"""``govreply convert --to html|docx|pdf``: the official layout from the command line."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from govreply.cli import main
from govreply.examples import seed_letter
from govreply.formats import json
from govreply.model import ReplyLetter
from official import FONT_DIR


@pytest.fixture
def letter_json(tmp_path: Path) -> Path:
    path = tmp_path / "letter.json"
    path.write_text(json.dumps(seed_letter()), encoding="utf-8")
    return path


def test_convert_to_pdf_writes_a_pdf_and_reports_fallbacks(
    letter_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--to pdf -o OUT writes the PDF; each font fallback is a GW101 line on stderr."""
    out = tmp_path / "out.pdf"
    args = ["convert", str(letter_json), "--to", "pdf", "-o", str(out), "--font-dir", str(FONT_DIR)]
    assert main(args) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert "GW101 warning fonts.fangsong" in capsys.readouterr().err


def test_convert_infers_docx_and_html_from_the_extension(letter_json: Path, tmp_path: Path) -> None:
    """-o out.docx writes a DOCX (a ZIP), -o out.html an HTML page."""
    assert main(["convert", str(letter_json), "-o", str(tmp_path / "out.docx")]) == 0
    assert (tmp_path / "out.docx").read_bytes()[:2] == b"PK"
    assert (
        main(
            ["convert", str(letter_json), "-o", str(tmp_path / "out.html"), "--layout", "ordinary"]
        )
        == 0
    )
    assert "gr-ordinary" in (tmp_path / "out.html").read_text(encoding="utf-8")


def test_binary_output_goes_to_a_redirected_stdout(letter_json: Path) -> None:
    """Without -o, a DOCX goes to stdout when it is not a terminal."""
    done = subprocess.run(
        [sys.executable, "-m", "govreply", "convert", str(letter_json), "--to", "docx"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout[:2] == b"PK"


def test_layout_options_are_refused_for_other_formats(
    letter_json: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--layout with --to text is a usage error (exit 2)."""
    assert main(["convert", str(letter_json), "--to", "text", "--layout", "ordinary"]) == 2
    assert "--layout applies to --to html, docx or pdf" in capsys.readouterr().err


def test_missing_fonts_are_one_error_line(
    letter_json: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A font that lacks a character: exit 1, one line naming it, no traceback."""
    from govreply.formats import pdf

    real = pdf.PdfOptions

    def fonts_here_only(**kwargs: object) -> pdf.PdfOptions:
        return real(**{**kwargs, "system_fonts": False})  # type: ignore[arg-type]

    monkeypatch.setattr(pdf, "PdfOptions", fonts_here_only)
    empty = tmp_path / "fonts"
    empty.mkdir()
    args = [
        "convert",
        str(letter_json),
        "--to",
        "pdf",
        "-o",
        str(tmp_path / "x.pdf"),
        "--font-dir",
        str(empty),
    ]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no font for" in err
    assert "Traceback" not in err


def test_convert_a_directory_to_each_official_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`convert DIR --to html|docx|pdf -o OUTDIR` writes one document per letter.

    Each keeps its path below DIR; a letter that cannot be read is reported, the others written.
    """
    from govreply.formats import docx, html, pdf

    letters = tmp_path / "in"
    (letters / "sub").mkdir(parents=True)
    (letters / "a.json").write_text(json.dumps(seed_letter()), encoding="utf-8")
    (letters / "sub" / "b.json").write_text(json.dumps(seed_letter()), encoding="utf-8")
    (letters / "bad.json").write_text("{}", encoding="utf-8")
    readers: dict[str, Callable[[bytes], ReplyLetter]] = {
        "html": html.loads,
        "docx": docx.loads,
        "pdf": pdf.loads,
    }
    for fmt, read in readers.items():
        out = tmp_path / fmt
        args = ["convert", str(letters), "--to", fmt, "-o", str(out), "--font-dir", str(FONT_DIR)]
        assert main(args if fmt == "pdf" else args[:-2]) == 1  # bad.json failed
        err = capsys.readouterr().err
        assert f"2 of 3 letters written to {out}, 1 failed" in err
        written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.*"))
        assert written == [f"a.{fmt}", f"sub/b.{fmt}"]
        assert read((out / f"a.{fmt}").read_bytes()).title == seed_letter().title
    assert "GW101 warning" in err  # the PDF writer's font fallbacks, under each file's name


def test_layout_options_apply_to_every_letter_of_a_directory(tmp_path: Path) -> None:
    """--layout ordinary reaches each document; --font-dir with docx stays a usage error."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.json").write_text(json.dumps(seed_letter()), encoding="utf-8")
    out = tmp_path / "out"
    args = ["convert", str(tmp_path / "in"), "--to", "html", "-o", str(out)]
    assert main([*args, "--layout", "ordinary"]) == 0
    assert "gr-ordinary" in (out / "a.html").read_text(encoding="utf-8")
    assert (
        main(
            [
                "convert",
                str(tmp_path / "in"),
                "--to",
                "docx",
                "-o",
                str(out),
                "--font-dir",
                str(tmp_path),
            ]
        )
        == 2
    )


@pytest.mark.parametrize("many", [False, True])
@pytest.mark.parametrize(
    ("option", "message"),
    [
        (
            ["--to", "pdf", "--font-dir", "/no/such/dir"],
            "font_dirs: /no/such/dir is not a directory",
        ),
        (["--to", "html", "--issuer-mark", "  "], "issuer_mark must be None or non-blank text"),
    ],
)
def test_a_bad_layout_option_is_a_usage_error(
    option: list[str],
    message: str,
    many: bool,
    letter_json: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A bad option value is one usage line (status 2), for a letter and for a directory alike."""
    source = str(letter_json.parent) if many else str(letter_json)
    out = tmp_path / ("out" if many else "out.doc")
    assert main(["convert", source, "-o", str(out), *option]) == 2
    err = capsys.readouterr().err
    assert f"govreply: error: {message}" in err
    assert "Traceback" not in err
