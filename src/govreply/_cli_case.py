"""The ``govreply case`` commands: build a case file from a letter, check it, convert it.

::

    govreply case build [LETTER|-] [--meta KEY=VALUE]... [--to json|xml]   letter -> case file
    govreply case check [CASE|-]... [--today DATE] [--letters]            findings of check_case
    govreply case convert IN --to json|xml [-o OUT]                       case file -> json / xml
    govreply case schema json|xml                                         the case-file schemas

Exit status as for every command: 0 success, 1 bad input (or errors found), 2 usage.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from govreply import _cli_io as cio
from govreply.case import METADATA_KEYS, CaseFile, check_case
from govreply.errors import GovReplyError
from govreply.formats import FORMAT_NAMES
from govreply.formats import json as json_format
from govreply.formats import text as text_format
from govreply.formats import xml as xml_format
from govreply.model import Finding, ReplyLetter, Severity
from govreply.rules import check as check_letter
from govreply.schemas import case_json_schema, case_xml_schema

__all__ = ["add_parser"]

T = TypeVar("T")

_OK, _INPUT = 0, 1  # the exit statuses of govreply.cli
_CASE_FORMATS = ("json", "xml")
_LOADS: dict[str, Callable[[str | bytes], CaseFile]] = {
    "json": json_format.loads_case,
    "xml": xml_format.loads_case,
}


def _dumps(case: CaseFile, fmt: str, *, compact: bool) -> str:
    indent = None if compact else 2
    if fmt == "xml":
        return xml_format.dumps_case(case, indent=indent)
    return json_format.dumps_case(case, indent=indent)


def add_parser(commands: Any) -> None:
    """Add ``case`` and its subcommands to the ``govreply`` command's subparsers."""
    case = commands.add_parser(
        "case",
        help="build, check and convert case files (an item's handling record)",
        description="Case files record a suggestion or proposal with its handling units, "
        "letters, feedback and history (govreply.case).",
    )
    sub = case.add_subparsers(title="case commands", metavar="COMMAND", required=True)

    build = sub.add_parser(
        "build",
        help="build a case file from a letter and its record header",
        description="Read a letter (text, JSON, XML or exchange) and print the case file built "
        "from it: the item it answers, its unit and role, its classification, a filled-in "
        "feedback form, and the record header printed around a published letter (建议号, "
        "领衔代表, 承办单位, 交办日期…). --meta adds or replaces header values. With no LETTER, "
        "read the bundled example letter.",
    )
    build.add_argument("input", nargs="?", metavar="LETTER|-", help="the letter, or - for stdin")
    build.add_argument(
        "--from", dest="from_format", choices=FORMAT_NAMES, help="the letter's format"
    )
    build.add_argument(
        "--meta",
        action="append",
        default=[],
        type=_pair,
        metavar="KEY=VALUE",
        help="a record-header value, e.g. 交办日期=2024-03-01 (repeatable)",
    )
    _add_output(build)
    build.add_argument("-q", "--quiet", action="store_true", help="do not print findings and notes")
    build.set_defaults(run=_cmd_build)

    check = sub.add_parser(
        "check",
        help="check case files (GC rules)",
        description="Print the findings of govreply.case.check_case, one per line. Exit 1 when "
        "any finding is an error (with --strict, also a warning).",
    )
    check.add_argument("inputs", nargs="+", metavar="CASE|-", help="case files, or - for stdin")
    check.add_argument(
        "--today", type=_date, metavar="YYYY-MM-DD", help="report units overdue on this date"
    )
    check.add_argument(
        "--letters", action="store_true", help="also check each letter (GR rules of check)"
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--json", action="store_true", help="print findings as a JSON array")
    _add_from(check)
    check.set_defaults(run=_cmd_check)

    convert = sub.add_parser(
        "convert",
        help="convert a case file to json or xml",
        description="Convert one case file between JSON and XML.",
    )
    convert.add_argument("input", metavar="IN", help="the case file, or - for stdin")
    _add_from(convert)
    _add_output(convert, required=True)
    convert.set_defaults(run=_cmd_convert)

    schema = sub.add_parser(
        "schema",
        help="print the case-file JSON Schema or XSD",
        description="Print the published JSON Schema (json) or XML Schema (xml) of a case "
        "file. The XSD imports the letter XSD (govreply schema xml) as reply-letter-2.xsd.",
    )
    schema.add_argument("kind", choices=_CASE_FORMATS, help="which schema")
    schema.set_defaults(run=_cmd_schema)


def _add_from(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="from_format",
        choices=_CASE_FORMATS,
        help="input format (default: from the extension, else from the content)",
    )


def _add_output(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    parser.add_argument(
        "--to",
        choices=_CASE_FORMATS,
        default=None if required else "json",
        required=required,
        help="output format" + ("" if required else " (default: json)"),
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    parser.add_argument(
        "--compact", action="store_true", help="write JSON or XML on one line instead of indented"
    )


def _pair(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _guarded(name: str, console: cio.Console, fn: Callable[[], T]) -> T | None:
    """``fn()``, or ``None`` after reporting its failure as lines on stderr (never a traceback)."""
    try:
        return fn()
    except cio.InputError as exc:
        console.error(name, *exc.lines)
    except GovReplyError as exc:
        console.error(name, *cio.describe(exc))
    console.failed += 1
    return None


def _write(args: argparse.Namespace, text: str, console: cio.Console) -> int:
    if args.output is None:
        cio.write(sys.stdout, text)
        return _OK
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as stream:
            cio.write(stream, text)
    except OSError as exc:
        console.error(args.output, cio.os_problem(exc))
        return _INPUT
    return _OK


# --------------------------------------------------------------------------- build


def _cmd_build(args: argparse.Namespace) -> int:
    console = cio.Console(sys.stderr, quiet=args.quiet)
    source = cio.read_source(args.input, args.from_format, console)
    if source is None:
        return _INPUT
    read = _guarded(source.name, console, lambda: _read_letter(source, console))
    if read is None:
        return _INPUT
    letter, metadata = read
    metadata.update(dict(args.meta))
    ignored = [key for key in metadata if "".join(key.split()).rstrip(":：") not in METADATA_KEYS]
    if ignored:
        console.note(source.name, "record-header keys not read: " + "、".join(ignored))
    case = _guarded(source.name, console, lambda: CaseFile.from_letter(letter, metadata))
    if case is None:
        return _INPUT
    return _write(args, _dumps(case, args.to, compact=args.compact), console)


def _read_letter(source: cio.Source, console: cio.Console) -> tuple[ReplyLetter, dict[str, str]]:
    """The letter of ``source`` and, for text, the record header printed around it."""
    text, note = cio.decode(source.data)
    if note:
        console.note(source.name, note)
    if (source.format or cio.sniff(text)) != "text":
        loaded, _ = cio.load(source)
        return loaded.letter, {}
    result = text_format.parse(text)
    for finding in result.findings:
        console.finding(source.name, finding)
    return result.letter, dict(result.metadata)


# --------------------------------------------------------------------------- check, convert


def _read_case(source: cio.Source) -> CaseFile:
    text, _ = cio.decode(source.data)
    fmt = source.format or cio.sniff(text)
    if fmt not in _LOADS:
        raise cio.InputError(f"not a case file: expected JSON or XML, got {fmt}")
    # XML carries its own encoding declaration, so lxml gets the bytes as they are.
    return _LOADS[fmt](source.data if fmt == "xml" else text)


def _reader(source: cio.Source) -> Callable[[], CaseFile]:
    return lambda: _read_case(source)


def _source(path: str, fmt: str | None, console: cio.Console) -> cio.Source | None:
    source = cio.read_source(path, fmt, console)
    if source is not None and source.format not in (*_CASE_FORMATS, None):
        return cio.Source(source.name, source.data, None)  # a .txt name: sniff the content
    return source


def _cmd_check(args: argparse.Namespace) -> int:
    console = cio.Console(sys.stderr)
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    counts = {Severity.ERROR: 0, Severity.WARNING: 0}
    report: list[dict[str, object]] = []
    status = _OK
    for path in args.inputs:
        source = _source(path, args.from_format, console)
        case = None if source is None else _guarded(source.name, console, _reader(source))
        if source is None or case is None:
            status = _INPUT
            continue
        for finding in _findings(case, args.today, letters=args.letters):
            counts[finding.severity] += 1
            if finding.severity in failing:
                status = _INPUT
            if args.json:
                report.append({"source": source.name, **_record(finding)})
            else:
                sys.stdout.write(f"{source.name}: {finding}\n")
    if args.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    sys.stderr.write(f"{cio.PROG}: {errors} error(s), {warnings} warning(s)\n")
    return status


def _findings(case: CaseFile, today: datetime.date | None, *, letters: bool) -> list[Finding]:
    findings = check_case(case, today=today)
    if letters:
        for i, letter in enumerate(case.letters):
            for f in check_letter(letter):
                where = f"letters[{i}].{f.location}" if f.location else f"letters[{i}]"
                findings.append(
                    Finding(code=f.code, severity=f.severity, message=f.message, location=where)
                )
    return findings


def _record(finding: Finding) -> dict[str, object]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "location": finding.location,
        "message": finding.message,
    }


def _cmd_convert(args: argparse.Namespace) -> int:
    console = cio.Console(sys.stderr)
    source = _source(args.input, args.from_format, console)
    case = None if source is None else _guarded(source.name, console, _reader(source))
    if case is None:
        return _INPUT
    return _write(args, _dumps(case, args.to, compact=args.compact), console)


def _cmd_schema(args: argparse.Namespace) -> int:
    cio.write(sys.stdout, case_json_schema() if args.kind == "json" else case_xml_schema())
    return _OK
