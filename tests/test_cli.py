"""The ``govreply`` command line, in-process through ``main()`` and as the installed script."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Literal
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govreply
from govreply.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from govreply.examples import seed_letter, seed_text
from govreply.formats import get_format
from govreply.formats import text as text_format
from govreply.model import Finding, ReplyLetter, Severity
from govreply.numerals import format_number, parse_number
from govreply.rules import check
from govreply.schemas import json_schema, xml_schema
from govreply.testing import reply_letters, texts

LETTERS = Path(__file__).parent / "data" / "letters"
JSON = get_format("json")
XML = get_format("xml")


def run(
    capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:  # status, stdout, stderr
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def seed_parsed() -> tuple[ReplyLetter, tuple[Finding, ...]]:
    result = text_format.parse(seed_text())
    return result.letter, tuple(result.findings)


def loadable_letters() -> list[Path]:
    """Sample letters the text parser reads without error."""
    good = []
    for path in sorted(LETTERS.glob("*.txt")):
        with contextlib.suppress(govreply.errors.GovReplyError):
            text_format.parse(path.read_text(encoding="utf-8"))
            good.append(path)
    return good


# --------------------------------------------------------------------------- parse


def test_parse_without_file_prints_the_bundled_example_as_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`govreply parse` reads the bundled example and prints its JSON record."""
    status, out, _ = run(capsys, "parse")
    letter, _ = seed_parsed()
    assert status == EXIT_OK
    assert JSON.loads(out) == letter


def test_parse_reports_text_findings_on_stderr_one_line_each(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each finding made while reading text is one stderr line with its code and location."""
    _, out, err = run(capsys, "parse")
    _, findings = seed_parsed()
    note, *lines = err.splitlines()
    assert "expected report of such a copy" in note  # the example's repairs are no fault
    assert len(lines) == len(findings)
    for line, finding in zip(lines, findings, strict=True):
        assert finding.code in line
        assert (finding.location or f"line {finding.line}") in line
    assert not any(f.code in out for f in findings)


def test_parse_quiet_prints_no_findings(capsys: pytest.CaptureFixture[str]) -> None:
    """`--quiet` silences findings but not the record."""
    status, out, err = run(capsys, "parse", "--quiet")
    assert status == EXIT_OK
    assert out
    assert err == ""


@pytest.mark.parametrize("target", ["json", "xml", "text"])
def test_parse_to_other_formats_matches_the_library(
    capsys: pytest.CaptureFixture[str], target: str
) -> None:
    """`--to json|xml|text --compact` prints exactly what that format's dumps() gives."""
    status, out, _ = run(capsys, "parse", "--to", target, "--compact")
    letter, _ = seed_parsed()
    assert status == EXIT_OK
    assert out.rstrip("\n") == get_format(target).dumps(letter).rstrip("\n")


@pytest.mark.parametrize("target", ["json", "xml"])
def test_parse_indents_one_document(capsys: pytest.CaptureFixture[str], target: str) -> None:
    """Without --compact, one JSON or XML document is indented, and reads back the same."""
    status, out, _ = run(capsys, "parse", "--to", target)
    assert status == EXIT_OK
    assert out.count("\n") > 10
    assert get_format(target).loads(out) == seed_parsed()[0]


@pytest.mark.parametrize(("name", "fmt"), [("a.json", "json"), ("a.xml", "xml"), ("a", "json")])
def test_parse_reads_json_and_xml_by_extension_or_content(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, fmt: str
) -> None:
    """The input format comes from the extension, else from the first character."""
    path = tmp_path / name
    path.write_text(get_format(fmt).dumps(seed_letter()), encoding="utf-8")
    status, out, err = run(capsys, "parse", str(path))
    assert status == EXIT_OK, err
    assert JSON.loads(out) == seed_letter()


def test_parse_reads_xml_sniffed_from_content(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file without a known extension that starts with < is read as XML."""
    path = tmp_path / "letter.dat"
    path.write_text(XML.dumps(seed_letter()), encoding="utf-8")
    status, out, err = run(capsys, "parse", str(path))
    assert status == EXIT_OK, err
    assert JSON.loads(out) == seed_letter()


def test_parse_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-` reads the letter from standard input as bytes."""
    data = JSON.dumps(seed_letter()).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    status, out, _ = run(capsys, "parse", "-", "--to", "xml")
    assert status == EXIT_OK
    assert XML.loads(out) == seed_letter()


def test_parse_from_a_text_only_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stdin without a byte buffer (replaced by a StringIO) is read as text."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(JSON.dumps(seed_letter())))
    status, out, _ = run(capsys, "parse", "-")
    assert status == EXIT_OK
    assert JSON.loads(out) == seed_letter()


def test_parse_directory_writes_json_lines_and_skips_failures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A directory gives one record per line; a bad file is named on stderr and exit is 1."""
    good = loadable_letters()[:3]
    assert good, "the text parser reads none of the sample letters"
    for path in good:
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "broken.json").write_text('{"format": ', encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored: not a letter extension", encoding="utf-8")
    status, out, err = run(capsys, "parse", "--quiet", str(tmp_path))
    lines = out.splitlines()
    assert status == EXIT_INPUT
    assert [JSON.loads(line) for line in lines] == [
        text_format.parse(p.read_text(encoding="utf-8")).letter for p in good
    ]
    errors = [line for line in err.splitlines() if "error" in line]
    assert len(errors) == 1
    assert "broken.json" in errors[0]
    assert "Traceback" not in err


def test_parse_many_files_with_source(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`--with-source` wraps each JSON line as {source, review, letter}."""
    first = tmp_path / "one.json"
    first.write_text(JSON.dumps(seed_letter()), encoding="utf-8")
    status, out, _ = run(capsys, "parse", "--with-source", str(first), str(first))
    records = [json.loads(line) for line in out.splitlines()]
    assert status == EXIT_OK
    assert [r["source"] for r in records] == [str(first), str(first)]
    assert records[0]["review"] == {
        "needed": False,
        "errors": 0,
        "inferred": [],
        "unplaced": 0,
        "reasons": [],
    }
    assert JSON.loads(json.dumps(records[0]["letter"])) == seed_letter()


def test_parse_filters_by_the_review_signal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`--review needed` writes only letters a person should look at; `clean` the others."""
    clean = tmp_path / "clean.txt"
    clean.write_text(
        "张三代表：\n您提出的建议收悉，现答复如下：\n已办。\n感谢您对我们工作的关心和支持。\n"
        "\n北京市交通委员会\n2024年5月6日\n",
        encoding="utf-8",
    )
    cut = tmp_path / "cut.txt"
    cut.write_text("张三代表：\n您提出的建议收悉，现答复如下：\n我局已经", encoding="utf-8")
    _, out, _ = run(capsys, "parse", "-q", "--with-source", "--review", "needed", str(tmp_path))
    needed = [json.loads(line) for line in out.splitlines()]
    assert [r["source"] for r in needed] == [str(cut)]
    assert needed[0]["review"]["reasons"] == ["GT305"]
    _, out, _ = run(capsys, "parse", "-q", "--review", "clean", str(tmp_path))
    assert [JSON.loads(line).opening for line in out.splitlines()] == [
        "您提出的建议收悉，现答复如下："
    ]


def test_progress_bar_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Many inputs draw a progress bar on stderr when it is a terminal, and none otherwise."""
    path = tmp_path / "one.json"
    path.write_text(JSON.dumps(seed_letter()), encoding="utf-8")

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["parse", str(path), str(path), str(path)]) == EXIT_OK
    assert "3/3" in terminal.getvalue()
    monkeypatch.undo()
    _, _, err = run(capsys, "parse", str(path), str(path), str(path))
    assert "3/3" not in err
    assert "\r" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "--to", "xml", "a.json", "b.json"],
        ["parse", "--with-source", "a.json"],
        ["parse", "--to", "yaml"],
        ["frobnicate"],
        [],
        ["convert", "a.json"],
        ["numeral", "十一", "--style", "upper"],
        ["check", "--scheme", "no-such-scheme"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """A wrong command line exits with 2 and says why on stderr."""
    status, out, err = run(capsys, *argv)
    assert status == EXIT_USAGE
    assert out == ""
    assert "error" in err


def test_missing_file_is_one_clear_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file that does not exist is reported on one stderr line naming it; exit 1."""
    missing = tmp_path / "nope.txt"
    status, out, err = run(capsys, "parse", str(missing))
    assert status == EXIT_INPUT
    assert out == ""
    assert err.count("\n") == 1
    assert str(missing) in err


def test_bad_json_names_file_and_location(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A JSON record with a wrong field names the file and the JSON path of the problem."""
    record = json.loads(JSON.dumps(seed_letter()))
    record["letter"]["title"] = 5
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    status, _, err = run(capsys, "convert", str(path), "--to", "text")
    assert status == EXIT_INPUT
    assert str(path) in err
    assert "title" in err
    assert "Traceback" not in err


def test_internal_error_is_one_line_and_batch_continues(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A bug in a parser is reported as one line per file, and other files still go through."""
    good = tmp_path / "good.json"
    good.write_text(JSON.dumps(seed_letter()), encoding="utf-8")
    (tmp_path / "letter.txt").write_text(seed_text(), encoding="utf-8")

    def broken(_text: str) -> object:
        raise RuntimeError("boom")

    monkeypatch.delenv("GOVREPLY_DEBUG", raising=False)
    monkeypatch.setattr(text_format, "parse", broken)
    status, out, err = run(capsys, "parse", str(tmp_path))
    assert status == EXIT_INPUT
    assert len(out.splitlines()) == 1
    assert "internal error (RuntimeError: boom)" in err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- encodings


def test_gb18030_input_is_detected_with_a_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A GB18030 letter is read as GB18030, says so on stderr, and parses like the UTF-8 one."""
    path = tmp_path / "gbk.txt"
    path.write_bytes(seed_text().encode("gb18030"))
    status, out, err = run(capsys, "parse", str(path))
    assert status == EXIT_OK
    assert JSON.loads(out) == seed_parsed()[0]
    assert "GB18030" in err.splitlines()[0]
    assert str(path) in err.splitlines()[0]


def test_utf8_bom_is_accepted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A UTF-8 byte order mark (Windows Notepad) is skipped silently."""
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + JSON.dumps(seed_letter()).encode("utf-8"))
    status, out, err = run(capsys, "parse", str(path))
    assert status == EXIT_OK, err
    assert JSON.loads(out) == seed_letter()


def test_undecodable_input_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Bytes that are neither UTF-8 nor GB18030 are one clear error naming the byte offset."""
    path = tmp_path / "binary.txt"
    path.write_bytes("关于".encode() + b"\x80\x80\xff")
    status, out, err = run(capsys, "parse", str(path))
    assert status == EXIT_INPUT
    assert out == ""
    assert err.count("\n") == 1
    assert "not UTF-8" in err
    assert f"byte {len('关于'.encode())}" in err


def test_utf16_with_bom_is_read_with_a_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A UTF-16 file with its byte order mark (Windows "Unicode") is read, with a note."""
    path = tmp_path / "utf16.txt"
    path.write_bytes(seed_text().encode("utf-16"))
    status, out, err = run(capsys, "parse", str(path))
    assert status == EXIT_OK
    assert JSON.loads(out) == seed_parsed()[0]
    assert "UTF-16" in err.splitlines()[0]


def test_directory_input_to_convert_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A directory without -o OUTDIR is a usage error saying what to give, not a traceback."""
    status, out, err = run(capsys, "convert", str(tmp_path), "--to", "json")
    assert (status, out) == (EXIT_USAGE, "")
    assert f"{tmp_path} holds many letters: give --to FMT and -o OUTDIR" in err


# --------------------------------------------------------------------------- convert


def test_convert_round_trips_through_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Text -> XML file (format from -o) -> JSON on stdout keeps the letter."""
    source = tmp_path / "letter.txt"
    source.write_text(seed_text(), encoding="utf-8")
    xml_path = tmp_path / "letter.xml"
    status, out, _ = run(capsys, "convert", str(source), "-o", str(xml_path), "--quiet")
    assert (status, out) == (EXIT_OK, "")
    assert XML.loads(xml_path.read_bytes()) == seed_parsed()[0]
    status, out, _ = run(capsys, "convert", str(xml_path), "--to", "json")
    assert status == EXIT_OK
    assert JSON.loads(out) == seed_parsed()[0]


def test_convert_to_text_renders_the_letter(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`--to text` prints the official layout that text.dumps() gives."""
    path = tmp_path / "seed.json"
    path.write_text(JSON.dumps(seed_letter()), encoding="utf-8")
    status, out, _ = run(capsys, "convert", str(path), "--to", "text")
    assert status == EXIT_OK
    assert out.rstrip("\n") == text_format.dumps(seed_letter()).rstrip("\n")


def test_convert_unwritable_output_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An output path in a missing directory is one error line; exit 1."""
    source = tmp_path / "seed.json"
    source.write_text(JSON.dumps(seed_letter()), encoding="utf-8")
    target = tmp_path / "missing" / "out.xml"
    status, _, err = run(capsys, "convert", str(source), "-o", str(target))
    assert status == EXIT_INPUT
    assert str(target) in err
    assert err.count("\n") == 1


# --------------------------------------------------------------------------- check


def expected_findings() -> list[Finding]:
    letter, parse_findings = seed_parsed()
    return [*parse_findings, *check(letter)]


def test_check_prints_every_finding_and_exits_by_severity(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`check` prints the parse and rule findings, one per line; exit 1 iff one is an error."""
    findings = expected_findings()
    status, out, _ = run(capsys, "check")
    assert out.splitlines() == [f"<example ganxian-suggestion-55-reply.txt>: {f}" for f in findings]
    has_error = any(f.severity is Severity.ERROR for f in findings)
    assert status == (EXIT_INPUT if has_error else EXIT_OK)


def test_check_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    """`--strict` exits 1 when any finding is a warning too."""
    status, _, _ = run(capsys, "check", "--strict")
    assert status == (EXIT_INPUT if expected_findings() else EXIT_OK)


def test_check_json_lists_the_findings(capsys: pytest.CaptureFixture[str]) -> None:
    """`--json` prints the findings as a JSON array with code, severity and location."""
    _, out, _ = run(capsys, "check", "--json")
    records = json.loads(out)
    assert [(r["code"], r["severity"], r["location"]) for r in records] == [
        (f.code, f.severity.value, f.location) for f in expected_findings()
    ]


def test_check_a_clean_json_letter_with_scheme(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A JSON letter is checked against the chosen scheme, like govreply.check does."""
    path = tmp_path / "seed.json"
    path.write_text(JSON.dumps(seed_letter()), encoding="utf-8")
    status, out, _ = run(capsys, "check", "--scheme", "npc", str(path))
    findings = check(seed_letter(), scheme="npc")
    assert out.splitlines() == [f"{path}: {f}" for f in findings]
    assert status == (EXIT_INPUT if any(f.severity is Severity.ERROR for f in findings) else 0)


# --------------------------------------------------------------------------- schema, numeral


def test_schema_prints_the_packaged_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    """`schema json` and `schema xml` print the published schema texts."""
    assert run(capsys, "schema", "json")[:2] == (EXIT_OK, json_schema().rstrip("\n") + "\n")
    assert run(capsys, "schema", "xml")[:2] == (EXIT_OK, xml_schema().rstrip("\n") + "\n")


@pytest.mark.parametrize("style", ["lower", "upper", "digits"])
def test_numeral_formats_an_integer(
    capsys: pytest.CaptureFixture[str], style: Literal["lower", "upper", "digits"]
) -> None:
    """An integer argument is written in the chosen style."""
    assert run(capsys, "numeral", "100010", "--style", style)[:2] == (
        EXIT_OK,
        format_number(100010, style=style) + "\n",
    )


@pytest.mark.parametrize("text", ["一万二千三百四十五", "壹佰零伍", "第五十五", "二〇二四", "-105"])
def test_numeral_direction_is_detected(capsys: pytest.CaptureFixture[str], text: str) -> None:
    """A Chinese numeral is read as an integer; an integer (also negative) is written."""
    status, out, _ = run(capsys, "numeral", text)
    assert status == EXIT_OK
    if text.lstrip("-").isdigit():
        assert out == format_number(int(text)) + "\n"
    else:
        assert out == f"{parse_number(text)}\n"


def test_bad_numeral_is_one_line_with_position(capsys: pytest.CaptureFixture[str]) -> None:
    """A malformed numeral exits 1 with one stderr line giving the position."""
    status, out, err = run(capsys, "numeral", "十十")
    assert status == EXIT_INPUT
    assert out == ""
    assert err.count("\n") == 1
    assert "position" in err


@given(st.integers(min_value=-(10**20), max_value=10**20))
def test_numeral_round_trips_through_the_command(n: int) -> None:
    """`numeral N` then `numeral <its output>` gives N back."""
    written, read = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(written):
        assert main(["numeral", str(n)]) == EXIT_OK
    with contextlib.redirect_stdout(read):
        assert main(["numeral", written.getvalue().strip()]) == EXIT_OK
    assert int(read.getvalue()) == n


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """`--version` prints the package version."""
    assert run(capsys, "--version")[:2] == (EXIT_OK, f"govreply {govreply.__version__}\n")


# --------------------------------------------------------------------------- properties


def run_with_stdin(argv: list[str], data: bytes) -> tuple[int, str, str]:
    """Run main() with ``data`` on stdin, capturing stdout and stderr without fixtures."""
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    with (
        mock.patch.object(sys, "stdin", stdin),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


@given(reply_letters(text=texts(xml_safe=True)))
def test_convert_keeps_every_letter(letter: ReplyLetter) -> None:
    """JSON on stdin -> `convert --to xml` -> `convert --to json` gives the same letter."""
    status, xml_out, _ = run_with_stdin(
        ["convert", "-", "--to", "xml"], JSON.dumps(letter).encode()
    )
    assert status == EXIT_OK
    status, json_out, _ = run_with_stdin(["convert", "-", "--to", "json"], xml_out.encode())
    assert status == EXIT_OK
    assert JSON.loads(json_out) == letter


@given(st.binary(max_size=3000) | st.text(max_size=1000).map(str.encode))
def test_any_input_gives_a_status_never_a_traceback(data: bytes) -> None:
    """Whatever the bytes, `parse -` exits 0 or 1 and every stderr line is a message."""
    status, out, err = run_with_stdin(["parse", "-"], data)
    assert status in (EXIT_OK, EXIT_INPUT)
    assert (out != "") == (status == EXIT_OK)
    assert "Traceback" not in err
    assert "internal error" not in err


# --------------------------------------------------------------------------- real processes


def command() -> list[str]:
    """The installed console script, or ``python -m govreply`` when it is not on disk."""
    script = Path(sys.executable).with_name("govreply")
    found = shutil.which("govreply")
    if script.exists():
        return [str(script)]
    if found:
        return [found]
    return [sys.executable, "-m", "govreply"]


def c_locale_env() -> dict[str, str]:
    """An environment with the C locale and no UTF-8 overrides (ASCII console streams)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIOENC"))}
    env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    return env


def test_script_prints_utf8_under_the_c_locale() -> None:
    """The installed script writes UTF-8 JSON even when the locale is C."""
    done = subprocess.run(
        [*command(), "parse"], capture_output=True, env=c_locale_env(), check=False
    )
    assert done.returncode == EXIT_OK, done.stderr.decode("utf-8", "replace")
    assert JSON.loads(done.stdout.decode("utf-8")) == seed_parsed()[0]


def test_script_reads_chinese_arguments_under_the_c_locale() -> None:
    """A Chinese numeral argument survives the C locale's decoding of argv."""
    done = subprocess.run(
        [*command(), "numeral", "一万二千三百四十五"],
        capture_output=True,
        env=c_locale_env(),
        check=False,
    )
    assert (done.returncode, done.stdout) == (EXIT_OK, b"12345\n")


def test_script_bad_input_has_no_traceback(tmp_path: Path) -> None:
    """Bad input gives exit 1 and one UTF-8 stderr line, never a traceback."""
    path = tmp_path / "坏.json"
    path.write_text("{ not json", encoding="utf-8")
    done = subprocess.run([*command(), "parse", str(path)], capture_output=True, check=False)
    err = done.stderr.decode("utf-8")
    assert done.returncode == EXIT_INPUT
    assert err.count("\n") == 1
    assert "坏.json" in err
    assert "Traceback" not in err


def test_python_dash_m_runs_the_cli() -> None:
    """`python -m govreply` is the same command."""
    done = subprocess.run(
        [sys.executable, "-m", "govreply", "--version"], capture_output=True, check=False
    )
    assert (done.returncode, done.stdout) == (
        EXIT_OK,
        f"govreply {govreply.__version__}\n".encode(),
    )


def test_glob_selects_files_in_a_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`--glob` reads only matching files; other letter files in the folder are left alone."""
    (tmp_path / "a.json").write_text(JSON.dumps(seed_letter()), encoding="utf-8")
    (tmp_path / "b.json").write_text('{"not": "a letter"}', encoding="utf-8")
    (tmp_path / "a.data").write_text(JSON.dumps(seed_letter()), encoding="utf-8")
    status, out, _ = run(capsys, "parse", "--glob", "a.*", str(tmp_path))
    assert status == EXIT_OK
    assert [JSON.loads(line) for line in out.splitlines()] == [seed_letter()] * 2
    status, _, err = run(capsys, "parse", "--glob", "*.none", str(tmp_path))
    assert status == EXIT_INPUT
    assert "no *.none files" in err


def test_batch_errors_are_capped_per_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Reading many files, a file with many problems shows five and counts the rest."""
    (tmp_path / "x.json").write_text(
        json.dumps({f"key{i}": i for i in range(12)}), encoding="utf-8"
    )
    (tmp_path / "y.json").write_text(JSON.dumps(seed_letter()), encoding="utf-8")
    status, out, err = run(capsys, "parse", str(tmp_path))
    problems = [line for line in err.splitlines() if "x.json" in line]
    assert status == EXIT_INPUT
    assert len(out.splitlines()) == 1
    assert len(problems) == 6
    assert problems[-1].endswith("more problems")


def test_script_stops_quietly_when_the_reader_goes_away(tmp_path: Path) -> None:
    """`govreply parse DIR | head -n 1` ends without a traceback when head exits early."""
    for i in range(200):
        (tmp_path / f"{i:03}.json").write_text(JSON.dumps(seed_letter()), encoding="utf-8")
    reader = subprocess.Popen(
        [*command(), "parse", str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert reader.stdout is not None
    assert reader.stderr is not None
    first = reader.stdout.readline()
    reader.stdout.close()
    err = reader.stderr.read().decode("utf-8")
    reader.stderr.close()
    reader.wait(timeout=60)
    assert JSON.loads(first) == seed_letter()
    assert "Traceback" not in err
