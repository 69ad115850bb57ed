"""The command line keeps its promise, as a real process: one line per problem, never a traceback.

Each test runs ``python -m govreply`` in a subprocess, because what breaks here (a closed pipe,
a full disk, a piped stdin, the locale's encoding of file names) only exists between processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

from govreply.examples import seed_letter
from govreply.formats import json as gjson
from govreply.model import Paragraph

COMMAND = [sys.executable, "-m", "govreply"]


def govreply(
    *argv: str | Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the command; stdin is ``stdin`` piped, or /dev/null (no input)."""
    return subprocess.run(
        [*COMMAND, *map(str, argv)],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        env=env,
        check=False,
        timeout=120,
    )


def one_line(done: subprocess.CompletedProcess[bytes]) -> str:
    """The single stderr line of a failed run (asserting there is one, and no traceback)."""
    err = done.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    assert err.count("\n") == 1, err
    return err


def letter_file(tmp_path: Path, name: str, **changes: Any) -> Path:
    path = tmp_path / name
    path.write_text(gjson.dumps(attrs.evolve(seed_letter(), **changes)), encoding="utf-8")
    return path


def test_text_layout_refusal_is_one_line_with_what_to_change(tmp_path: Path) -> None:
    """`--to text` on a letter the layout cannot carry says why and offers --lossy."""
    path = letter_file(tmp_path, "spaced.json", paragraphs=(Paragraph(" 前后有空格 "),))
    for argv in (("convert", path, "--to", "text"), ("parse", path, "--to", "text")):
        done = govreply(*argv)
        assert done.returncode == 1
        err = one_line(done)
        assert "paragraphs[0] has leading or trailing spaces" in err
        assert "--lossy" in err
        lossy = govreply(*argv, "--lossy")
        assert lossy.returncode == 0, lossy.stderr
        assert "前后有空格" in lossy.stdout.decode("utf-8")


def test_lossy_applies_to_text_only(tmp_path: Path) -> None:
    """--lossy with another output format is a usage error."""
    path = letter_file(tmp_path, "a.json")
    assert govreply("convert", path, "--to", "xml", "--lossy").returncode == 2


def test_a_closed_pipe_ends_quietly_with_status_0(tmp_path: Path) -> None:
    """`govreply parse DIR | head -n 1`: no traceback, exit 0, as Unix tools do."""
    for i in range(200):
        letter_file(tmp_path, f"{i:03}.json")
    reader = subprocess.Popen(
        [*COMMAND, "parse", str(tmp_path)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None
    assert reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()
    err = reader.stderr.read().decode("utf-8")
    reader.stderr.close()
    assert reader.wait(timeout=60) == 0
    assert err == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [("parse",), ("schema", "json"), ("check", "--json")])
def test_a_full_disk_is_one_line_and_status_1(argv: tuple[str, ...]) -> None:
    """`> /dev/full`: one line naming stdout and the system's reason."""
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*COMMAND, *argv],
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
            timeout=120,
        )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1
    assert "Traceback" not in err
    assert err.endswith("govreply: error: <stdout>: No space left on device\n"), err


@pytest.mark.parametrize("command", ["parse", "check"])
def test_piped_stdin_is_read_without_a_dash(command: str) -> None:
    """`cat letter.json | govreply parse` reads the pipe, not the bundled example."""
    letter = attrs.evolve(seed_letter(), title="关于从管道读入的答复")
    done = govreply(command, stdin=gjson.dumps(letter).encode("utf-8"))
    if command == "parse":
        assert done.returncode == 0, done.stderr
        assert gjson.loads(done.stdout) == letter
    else:
        assert b"<stdin>" in done.stdout
        assert b"<example" not in done.stdout


def test_no_input_and_no_pipe_reads_the_example() -> None:
    """With stdin from /dev/null (not a pipe), no input still means the bundled example."""
    done = govreply("parse", "-q")
    assert done.returncode == 0
    assert gjson.loads(done.stdout).title == seed_letter().title


def test_check_summary_counts_the_inputs_that_failed(tmp_path: Path) -> None:
    """After a file that cannot be read, the summary says so (not just `0 error(s)`)."""
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    done = govreply("check", tmp_path / "bad.json")
    assert done.returncode == 1
    assert done.stderr.decode("utf-8").splitlines()[-1] == (
        "govreply: 1 of 1 inputs could not be read; 0 error(s), 0 warning(s) in the 0 read"
    )


def test_a_control_character_written_as_xml_is_one_line(tmp_path: Path) -> None:
    """U+0001 in a letter's text, `--to xml`: XML 1.0 cannot carry it; one line, exit 1."""
    path = letter_file(tmp_path, "ctrl.json", title="关于\x01的答复")
    done = govreply("convert", path, "--to", "xml")
    assert done.returncode == 1
    assert "U+0001 cannot be written in XML 1.0" in one_line(done)


def _surrogate_document(tmp_path: Path) -> Path:
    document = json.loads(gjson.dumps(seed_letter()))
    document["letter"]["title"] = "关于\ud800的答复"
    path = tmp_path / "surrogate.json"
    path.write_text(json.dumps(document), encoding="ascii")  # the surrogate as a \\u escape
    return path


def test_an_escaped_lone_surrogate_is_written_escaped_or_refused(tmp_path: Path) -> None:
    """JSON output escapes a lone surrogate again; text and XML refuse it in one line."""
    path = _surrogate_document(tmp_path)
    done = govreply("parse", path)
    assert done.returncode == 0, done.stderr
    assert b"\\ud800" in done.stdout
    assert gjson.loads(done.stdout).title == "关于\ud800的答复"
    batch = govreply("parse", path, path, "--with-source")
    assert batch.returncode == 0, batch.stderr
    for target in (("text", "--lossy"), ("xml",)):
        done = govreply("convert", path, "--to", *target)
        assert done.returncode == 1
        assert "U+D800" in one_line(done)


@pytest.mark.skipif(sys.platform != "linux", reason="byte file names are a POSIX matter")
def test_a_non_utf8_file_name_under_a_strict_utf8_locale(tmp_path: Path) -> None:
    r"""A file named with byte 0xff is read, and printed as \xff, under strict UTF-8 output."""
    name = os.fsdecode(b"\xff.json")
    letter_file(tmp_path, name)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}
    for argv in (("check", name), ("parse", name, name, "--with-source"), ("parse", "nope\udcfe")):
        done = subprocess.run(
            [*COMMAND, *argv],
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
            timeout=120,
        )
        out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
        assert "Traceback" not in err, err
        assert "\\xff.json" in out or "\\xfe" in err, (out, err)


# --------------------------------------------------------------------------- batches both ways


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    (folder / "sub").mkdir(parents=True)
    letter_file(folder, "a.json")
    letter_file(folder / "sub", "b.json", title="关于另一件事的答复")
    return folder


def test_parse_check_and_convert_read_json_lines_and_directories(tmp_path: Path) -> None:
    """What `parse DIR` writes, check and convert read back; convert writes a file per letter."""
    folder = _folder(tmp_path)
    written = govreply("parse", folder, "--with-source")
    assert written.returncode == 0, written.stderr
    lines = tmp_path / "all.jsonl"
    lines.write_bytes(written.stdout + b"\n")  # a blank line is skipped
    again = govreply("parse", lines)
    assert again.returncode == 0, again.stderr
    assert len(again.stdout.splitlines()) == 2
    checked = govreply("check", lines, folder)
    assert f"{lines}:1 ({folder / 'a.json'}): GR".encode() in checked.stdout
    assert b"could not be read" not in checked.stderr
    out = tmp_path / "out"
    for source, names in ((lines, {"all-1.xml", "all-2.xml"}), (folder, {"a.xml", "sub/b.xml"})):
        done = govreply("convert", source, "--to", "xml", "-o", out / source.stem, "-q")
        assert done.returncode == 0, done.stderr
        made = {str(p.relative_to(out / source.stem)) for p in (out / source.stem).rglob("*")}
        assert names <= made
    from govreply.formats import xml as gxml

    assert (
        gxml.loads((out / "letters" / "sub" / "b.xml").read_bytes()).title == "关于另一件事的答复"
    )


def test_a_bad_json_lines_line_is_named_and_counted(tmp_path: Path) -> None:
    """A broken line is one error naming FILE:LINE; the other lines are still read."""
    path = tmp_path / "mixed.jsonl"
    path.write_text("{bad\n" + gjson.dumps(seed_letter()) + "\n", encoding="utf-8")
    done = govreply("parse", path, "-q")
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 1
    err = done.stderr.decode("utf-8")
    assert f"{path}:1: line 1" in err
    assert err.endswith("govreply: 1 of 2 inputs failed\n")


def test_convert_many_needs_a_format_and_a_directory(tmp_path: Path) -> None:
    """`convert DIR` without --to and -o OUTDIR is a usage error saying what to give."""
    done = govreply("convert", _folder(tmp_path), "--to", "xml")
    assert done.returncode == 2
    assert b"give --to FMT and -o OUTDIR" in done.stderr


def test_an_error_no_command_reports_is_still_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The safety net: a library error that escapes a command is one line and status 1."""
    from govreply import cli
    from govreply.errors import ValidationError

    def escapes(*_: object, **__: object) -> int:
        raise ValidationError("a problem nobody caught", field="somewhere")

    monkeypatch.setattr(cli, "_cmd_numeral", escapes)
    assert cli.main(["numeral", "12"]) == 1
    assert capsys.readouterr().err == "govreply: error: somewhere: a problem nobody caught\n"
