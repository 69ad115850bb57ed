"""``govreply parse … --to parquet`` and ``govreply report``: files in, one row each, a page out."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from govreply.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from govreply.examples import seed_text

LETTERS = Path(__file__).parent / "data" / "letters"
SEED = seed_text().encode("utf-8")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _folder(root: Path, n: int, *, bad: int = 0) -> Path:
    folder = root / "letters"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03d}.txt").write_bytes(b"not a letter" if i < bad else SEED)
    return folder


def test_a_folder_becomes_one_row_per_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """-j 2 writes every file's row; the summary goes to stderr, nothing to stdout."""
    folder = _folder(tmp_path, 6)
    out = tmp_path / "letters.parquet"
    status, stdout, err = run(
        capsys, "parse", str(folder), "--to", "parquet", "-o", str(out), "-j", "2"
    )
    assert (status, stdout) == (EXIT_OK, "")
    assert err == f"govreply: wrote 6 rows to {out}\n"
    assert pq.read_table(out).column("item_number").to_pylist() == [55] * 6


def test_failed_inputs_are_rows_and_lines_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Each failure is a row with its error and one line on stderr; the exit status is 1."""
    folder = _folder(tmp_path, 4, bad=1)
    out = tmp_path / "letters.parquet"
    status, _, err = run(capsys, "parse", str(folder), "--to", "parquet", "-o", str(out))
    assert status == EXIT_INPUT
    assert f"govreply: error: {folder / '000.txt'}: line 1" in err
    assert err.endswith("(1 failed: see their error column)\n")
    assert pq.read_table(out).column("error_type").to_pylist()[0] == "TextParseError"


def test_glob_picks_the_letters_out_of_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--glob '*.txt' leaves the corpus's sidecar JSON files out."""
    out = tmp_path / "corpus.parquet"
    args = ("parse", str(LETTERS), "--glob", "*.txt", "--to", "parquet", "-o", str(out), "-q")
    status, _, _ = run(capsys, *args)
    assert status == EXIT_OK
    assert pq.read_metadata(out).num_rows == len(list(LETTERS.glob("*.txt")))


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["parse", "x", "--to", "parquet"], "-o FILE.parquet"),
        (["parse", "-", "--to", "parquet", "-o", "x.parquet"], "not stdin"),
        (["parse", "--to", "parquet", "-o", "x.parquet"], "not stdin or the example"),
        (["parse", "x", "--to", "parquet", "-o", "y", "--with-source"], "apply to JSON"),
        (["parse", "x", "--to", "parquet", "-o", "y", "-j", "-1"], "0 or more"),
        (["parse", "x", "--to", "parquet", "-o", "y", "-j", "two"], "number of jobs"),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    """A Parquet command line that cannot work exits 2 with one line saying why."""
    status, out, err = run(capsys, *argv)
    assert (status, out) == (EXIT_USAGE, "")
    assert says in err


def test_an_unwritable_output_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Writing into a missing folder fails with the OS's reason, no traceback."""
    folder = _folder(tmp_path, 1)
    out = tmp_path / "no" / "such" / "letters.parquet"
    status, _, err = run(capsys, "parse", str(folder), "--to", "parquet", "-o", str(out))
    assert status == EXIT_INPUT
    assert err.startswith("govreply: error: ")
    assert "Traceback" not in err


def test_the_progress_bar_shows_rate_and_failures(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """On a terminal the bar shows files done, files per second and failures."""
    folder = _folder(tmp_path, 5, bad=2)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    out = tmp_path / "letters.parquet"
    assert main(["parse", str(folder), "--to", "parquet", "-o", str(out)]) == EXIT_INPUT
    drawn = terminal.getvalue()
    assert "5/5" in drawn
    assert "files/s" in drawn
    assert "2 failed" in drawn


def _command() -> list[str]:
    return [sys.executable, "-m", "govreply"]


def test_sigterm_keeps_the_rows_and_resume_finishes(tmp_path: Path) -> None:
    """A run stopped by SIGTERM exits 130 leaving .partial; --resume completes the file."""
    folder = tmp_path / "many"
    folder.mkdir()
    letters = sorted(LETTERS.glob("*.txt"))
    for i in range(6000):
        (folder / f"{i:05d}.txt").write_bytes(letters[i % len(letters)].read_bytes())
    (folder / "00000.txt").write_bytes(b"not a letter")  # its error line says a batch is done
    out = tmp_path / "letters.parquet"
    args = [*_command(), "parse", str(folder), "--to", "parquet", "-o", str(out), "-q"]
    with subprocess.Popen(args, stderr=subprocess.PIPE, text=True) as process:
        assert process.stderr is not None
        first = process.stderr.readline()
        process.send_signal(signal.SIGTERM)
        rest = process.stderr.read()
        process.wait(timeout=60)
    assert "00000.txt" in first
    if process.returncode != 130:
        pytest.skip(f"the run ended before the signal arrived: {rest}")
    assert "run again with --resume" in rest
    kept = pq.read_metadata(f"{out}.partial").num_rows
    assert 0 < kept < 6000
    done = subprocess.run([*args, "--resume"], capture_output=True, text=True, check=False)
    assert done.returncode == EXIT_INPUT, done.stderr  # the bad file is still bad
    assert f"({kept} kept from the interrupted run; 1 failed" in done.stderr
    sources = [str(s) for s in pq.read_table(out, columns=["source"]).column("source").to_pylist()]
    assert sorted(sources) == sorted(str(p) for p in folder.iterdir())


# --------------------------------------------------------------------------- report


def test_report_writes_a_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The report goes to the file -o names; without -o, to stdout."""
    rows = tmp_path / "letters.parquet"
    run(capsys, "parse", str(_folder(tmp_path, 3, bad=1)), "--to", "parquet", "-o", str(rows))
    page = tmp_path / "report.html"
    assert run(capsys, "report", str(rows), "-o", str(page)) == (EXIT_OK, "", "")
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")
    status, out, _ = run(capsys, "report", str(rows), "--title", "三封信")
    assert status == EXIT_OK
    assert "<title>三封信</title>" in out


def test_report_on_a_file_that_is_not_rows_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file that is not Parquet, or lacks the columns, is one error line and exit 1."""
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"not parquet")
    status, _, err = run(capsys, "report", str(junk))
    assert status == EXIT_INPUT
    assert err.startswith(f"govreply: error: {junk}: not a readable Parquet file")
    assert err.count("\n") == 1


def test_the_commands_work_as_the_installed_script(tmp_path: Path) -> None:
    """The batch runs under python -m govreply (workers re-import __main__ safely)."""
    folder = _folder(tmp_path, 4)
    out = tmp_path / "letters.parquet"
    args = [*_command(), "parse", str(folder), "--to", "parquet", "-o", str(out), "-j", "2"]
    done = subprocess.run(args, capture_output=True, text=True, check=False, env=os.environ)
    assert done.returncode == 0, done.stderr
    assert pq.read_metadata(out).num_rows == 4


def test_resume_without_a_partial_file_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--resume with nothing to resume from starts over and notes why."""
    folder = _folder(tmp_path, 2)
    out = tmp_path / "letters.parquet"
    status, _, err = run(
        capsys, "parse", str(folder), "--to", "parquet", "-o", str(out), "--resume"
    )
    assert status == EXIT_OK
    assert f"nothing to resume ({out}.partial did not exist); started over" in err
