"""``govreply case …`` and the exchange format on the command line, in-process through main()."""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from govreply.case import CaseFile, Event, State, check_case
from govreply.cli import EXIT_INPUT, EXIT_OK, EXIT_USAGE, main
from govreply.examples import seed_letter, seed_text
from govreply.formats import exchange
from govreply.formats import json as gjson
from govreply.formats import text as text_format
from govreply.formats import xml as gxml
from govreply.schemas import case_json_schema, case_xml_schema, exchange_schema

CST = datetime.timezone(datetime.timedelta(hours=8))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def seed_case() -> CaseFile:
    return CaseFile.from_letter(text_format.loads(seed_text()), {"交办日期": "2024-03-01"})


# --------------------------------------------------------------------------- build


def test_build_from_the_bundled_letter(capsys: pytest.CaptureFixture[str]) -> None:
    """With no letter, build reads the bundled example, its reader findings going to stderr."""
    status, out, err = run(capsys, "case", "build", "--meta", "交办日期=2024-03-01")
    assert status == EXIT_OK
    assert gjson.loads_case(out) == seed_case()
    assert "GT103" in err


def test_build_reads_the_record_header_of_a_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Key/value pairs printed around a published letter go into the case; others are noted."""
    text = "索引号：11530428/2023-00123\n建议号：第56号\n领衔代表：张三\n\n" + seed_text()
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "case", "build", str(path), "-q", "--compact")
    assert status == EXIT_OK
    case = gjson.loads_case(out)
    expected = text_format.parse(text).metadata
    assert case == CaseFile.from_letter(text_format.loads(text), expected)
    assert err == ""
    status, _, err = run(capsys, "case", "build", str(path), "--meta", "浏览次数=5")
    assert status == EXIT_OK
    assert "record-header keys not read: " in err
    assert "浏览次数" in err


def test_build_from_json_xml_and_exchange(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Letters in every format build the same case file; --to xml writes XML, -o a file."""
    (tmp_path / "a.json").write_text(gjson.dumps(seed_letter()), encoding="utf-8")
    (tmp_path / "a.xml").write_text(gxml.dumps(seed_letter()), encoding="utf-8")
    (tmp_path / "payload").write_text(exchange.dumps(seed_letter()), encoding="utf-8")
    expected = CaseFile.from_letter(seed_letter())
    for name in ("a.json", "a.xml", "payload"):
        status, out, _ = run(capsys, "case", "build", str(tmp_path / name))
        assert status == EXIT_OK, name
        assert gjson.loads_case(out) == expected
    out_path = tmp_path / "case.xml"
    status, out, _ = run(
        capsys, "case", "build", str(tmp_path / "a.json"), "--to", "xml", "-o", str(out_path)
    )
    assert (status, out) == (EXIT_OK, "")
    assert gxml.loads_case(out_path.read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize(
    ("argv", "status", "fragment"),
    [
        (("--meta", "交办日期=三月"), EXIT_INPUT, "record header 交办日期：'三月': not a date"),
        (("--meta", "no-equals-sign"), EXIT_USAGE, "expected KEY=VALUE"),
        (("no-such-file.txt",), EXIT_INPUT, "no-such-file.txt: "),
        (("--to", "text"), EXIT_USAGE, "invalid choice"),
    ],
)
def test_build_problems_are_one_line_each(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], status: int, fragment: str
) -> None:
    """Bad input is exit 1, a bad command line exit 2, each with a message and no traceback."""
    got, out, err = run(capsys, "case", "build", "-q", *argv)
    assert got == status
    assert out == ""
    assert fragment in err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- check


def test_check_prints_findings_and_fails_on_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Findings go to stdout, the count to stderr; errors give exit 1."""
    path = tmp_path / "case.json"
    path.write_text(gjson.dumps_case(seed_case()), encoding="utf-8")
    assert run(capsys, "case", "check", str(path)) == (
        EXIT_OK,
        "",
        "govreply: 0 error(s), 0 warning(s)\n",
    )
    status, out, err = run(capsys, "case", "check", str(path), "--letters")
    assert status == EXIT_INPUT
    assert f"{path}: GR410 error letters[0].signed_by: no issuer signature (发文机关署名)\n" in out
    assert err == "govreply: 2 error(s), 2 warning(s)\n"


def test_check_judges_deadlines_by_today(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--today reports units past their deadline without a letter."""
    case = attrs.evolve(seed_case(), letters=())
    path = tmp_path / "case.xml"
    path.write_text(gxml.dumps_case(case), encoding="utf-8")
    status, out, _ = run(capsys, "case", "check", str(path), "--today", "2024-06-02", "--json")
    assert status == EXIT_INPUT
    (record,) = json.loads(out)
    assert record == {
        "source": str(path),
        "code": "GC213",
        "severity": "error",
        "location": "assignments[0]",
        "message": "赣州市赣县区教育科技体育局 has sent no letter; its deadline was 2024-06-01",
    }


def test_check_strict_fails_on_warnings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """With --strict a warning is enough for exit 1."""
    case = seed_case().record(
        Event(at=datetime.datetime(2024, 3, 1, tzinfo=CST), actor="x", unit="区财政局", note="n")
    )
    assert [f.code for f in check_case(case)] == ["GC503"]
    path = tmp_path / "case.json"
    path.write_text(gjson.dumps_case(case), encoding="utf-8")
    assert run(capsys, "case", "check", str(path))[0] == EXIT_OK
    assert run(capsys, "case", "check", str(path), "--strict")[0] == EXIT_INPUT


def test_check_reports_bad_files_and_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file that is no case file is reported with its problems; the others are checked."""
    good = tmp_path / "good.json"
    good.write_text(gjson.dumps_case(seed_case()), encoding="utf-8")
    letter = tmp_path / "letter.json"
    letter.write_text(gjson.dumps(seed_letter()), encoding="utf-8")
    text = tmp_path / "letter.txt"
    text.write_text(seed_text(), encoding="utf-8")
    status, _, err = run(capsys, "case", "check", str(letter), str(text), str(good))
    assert status == EXIT_INPUT
    assert f"{letter}: $.format: expected 'govreply.case-file', got 'govreply.reply-letter'" in err
    assert f"{text}: not a case file: expected JSON or XML, got text" in err
    assert err.endswith("govreply: 0 error(s), 0 warning(s)\n")


def test_check_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """- reads a case file from standard input, its format sniffed."""
    monkeypatch.setattr("sys.stdin", io.StringIO(gxml.dumps_case(seed_case())))
    assert run(capsys, "case", "check", "-")[0] == EXIT_OK


# --------------------------------------------------------------------------- convert, schema


@pytest.mark.parametrize(("source", "target"), [("json", "xml"), ("xml", "json"), ("json", "json")])
def test_convert_between_json_and_xml(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, source: str, target: str
) -> None:
    """A case file converts losslessly; --compact writes one line."""
    case = seed_case().record(
        Event(at=datetime.datetime(2024, 3, 4, 10, tzinfo=CST), actor="张伟", state=State.SIGNED)
    )
    dumps = {"json": gjson.dumps_case, "xml": gxml.dumps_case}
    loads = {"json": gjson.loads_case, "xml": gxml.loads_case}
    path = tmp_path / f"case.{source}"
    path.write_text(dumps[source](case), encoding="utf-8")
    status, out, _ = run(capsys, "case", "convert", str(path), "--to", target, "--compact")
    assert status == EXIT_OK
    assert out == dumps[target](case) + "\n"
    assert loads[target](out) == case


def test_convert_needs_a_target(capsys: pytest.CaptureFixture[str]) -> None:
    """--to is required."""
    assert run(capsys, "case", "convert", "case.json")[0] == EXIT_USAGE


@pytest.mark.parametrize(("kind", "schema"), [("json", case_json_schema), ("xml", case_xml_schema)])
def test_case_schema(
    capsys: pytest.CaptureFixture[str], kind: str, schema: Callable[[], str]
) -> None:
    """`case schema` prints the case-file schemas."""
    status, out, _ = run(capsys, "case", "schema", kind)
    assert status == EXIT_OK
    assert out.rstrip("\n") == schema().rstrip("\n")


def test_schema_exchange(capsys: pytest.CaptureFixture[str]) -> None:
    """`schema exchange` prints the exchange profile's XSD."""
    status, out, _ = run(capsys, "schema", "exchange")
    assert status == EXIT_OK
    assert out.rstrip("\n") == exchange_schema().rstrip("\n")


def test_convert_a_letter_to_and_from_exchange(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The exchange profile is a letter format like the others: --to and --from exchange."""
    status, out, _ = run(capsys, "parse", "-q", "--to", "exchange")
    assert status == EXIT_OK
    assert out.startswith('<电子公文 公文种类="函"')
    letter = text_format.loads(seed_text())
    assert exchange.loads(out) == letter
    path = tmp_path / "payload.xml"
    path.write_text(out, encoding="utf-8")
    status, out, _ = run(capsys, "convert", str(path), "--from", "exchange", "--to", "json")
    assert status == EXIT_OK
    assert gjson.loads(out) == letter
