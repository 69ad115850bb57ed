"""The ``govreply`` command: parse, convert and check reply letters; print schemas and numerals.

Subcommands (``govreply COMMAND --help`` shows each one's options)::

    govreply parse [FILE|DIR|-]...          letters -> JSON (one file) or JSON Lines (many)
    govreply parse DIR --to parquet -o F    letters -> one Parquet row each, in parallel (-j N)
    govreply convert IN [-o OUT] --to FMT   one letter to json, xml, text, exchange, html, docx, pdf
    govreply check [FILE|-]...              findings of govreply.check; exit 1 on errors
    govreply schema json|xml|exchange       the published JSON Schema or XSD
    govreply numeral 12345 | 一万二千三百四十五   integer <-> Chinese numeral
    govreply case build|check|convert|schema   case files (govreply.case), see _cli_case
    govreply report F.parquet -o report.html   an HTML report on a Parquet file of letters
    govreply completion bash|zsh            a shell completion script (see _cli_help)
    govreply explain GR401 GT305            what finding codes mean

The input format comes from the file extension (``.json``, ``.xml``, ``.txt``, and for
published documents ``.pdf``, ``.html``, ``.docx``, ``.ofd``) or, failing that, from the
content (``%PDF``, a ZIP holding ``word/document.xml`` or ``OFD.xml``, ``<html``, ``{`` starts
JSON, ``<`` starts XML, anything else is letter text).
Input is read as UTF-8; a file that is not UTF-8 but is valid GB18030 is read as GB18030 with
a note on stderr. Output is always UTF-8, whatever the locale.

Exit status: 0 success, 1 bad input (some file failed, or ``check`` found errors), 2 usage.
Every problem is one line on stderr naming the file, the place in it and what is wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from govreply import __version__, _cli_case, _cli_help
from govreply import _cli_dataset as cds
from govreply import _cli_io as cio
from govreply.errors import GovReplyError, NumeralError, ValidationError
from govreply.formats import FORMAT_NAMES, get_format
from govreply.formats import exchange as exchange_format
from govreply.formats import json as json_format
from govreply.formats import text as text_format
from govreply.formats import xml as xml_format
from govreply.model import Finding, ReplyLetter, Review, Severity, scheme_names
from govreply.numerals import format_number, parse_number
from govreply.rules import check as check_letter
from govreply.schemas import exchange_schema, json_schema, xml_schema

__all__ = ["EXIT_INPUT", "EXIT_OK", "EXIT_USAGE", "main"]

#: Exit status: success.
EXIT_OK = 0
#: Exit status: bad input (a file failed, or ``check`` found errors).
EXIT_INPUT = 1
#: Exit status: the command line itself is wrong.
EXIT_USAGE = 2

#: The longest integer `govreply numeral` writes (Python itself refuses to read past 4300 digits).
_MAX_DIGITS = 4000
# 12345 / -105 / １２３ (full-width digits are folded by NFKC first)
_INTEGER = re.compile(r"[+-]?[0-9]+")
#: Problems printed per failed input when reading many (the rest are counted).
_BATCH_PROBLEMS = 5
#: How one document is written for people: JSON and XML indented, text in its own layout.
_PRETTY: dict[str, Callable[[ReplyLetter], str]] = {
    "json": lambda letter: json_format.dumps(letter, indent=2),
    "xml": lambda letter: xml_format.dumps(letter, indent=2),
    "text": text_format.dumps,  # replaced by a lossy dump with --lossy (see _render)
    "exchange": lambda letter: exchange_format.dumps(letter, indent=2),
}


class _UsageError(Exception):
    """The command line is inconsistent in a way argparse cannot see."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``govreply`` command line and return its exit status.

    Args:
        argv: the arguments after the program name; ``None`` reads ``sys.argv``.

    Returns:
        0 on success, 1 when an input was bad (or ``check`` found errors), 2 on a usage error.

    >>> main(["numeral", "12345"])
    一万二千三百四十五
    0
    >>> main(["numeral", "壹佰零伍"])
    105
    0
    """
    cio.use_utf8(sys.stdout)
    cio.use_utf8(sys.stderr)
    args_in = list(argv) if argv is not None else [cio.recover_arg(a) for a in sys.argv[1:]]
    parser = _build_parser()
    try:
        args = parser.parse_args(args_in)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        status: int = args.run(args)
        sys.stdout.flush()
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        sys.stderr.write(f"{cio.PROG}: error: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (``govreply parse DIR | head``); stop quietly, as Unix tools do.
        cio.silence_stdout()
        return EXIT_OK
    except OSError as exc:  # stdout on a full disk (``> /dev/full``), a vanished terminal
        cio.silence_stdout()
        sys.stderr.write(f"{cio.PROG}: error: {_stream_of(exc)}: {cio.os_problem(exc)}\n")
        return EXIT_INPUT
    except UnicodeEncodeError as exc:  # a safety net: outputs are checked before writing
        cio.silence_stdout()
        char = f"U+{ord(exc.object[exc.start]):04X}"
        sys.stderr.write(f"{cio.PROG}: error: <stdout>: {char} cannot be written as UTF-8\n")
        return EXIT_INPUT
    except KeyboardInterrupt:
        sys.stderr.write(f"\n{cio.PROG}: interrupted\n")
        return 130
    except GovReplyError as exc:  # a safety net: each command reports its inputs' errors itself
        sys.stdout.flush()
        first, *more = cio.describe(exc)
        sys.stderr.write(f"{cio.PROG}: error: {first}\n" + "".join(f"  {m}\n" for m in more))
        return EXIT_INPUT
    return status


def _stream_of(exc: OSError) -> str:
    """The file an unexpected OSError is about: its name, else standard output."""
    return cio.shown(str(exc.filename)) if exc.filename is not None else "<stdout>"


# --------------------------------------------------------------------------- parser


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=cio.PROG,
        description="Parse, convert, check and render Chinese government suggestion-reply "
        "letters (答复函).",
        epilog="Exit status: 0 success, 1 bad input, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"{cio.PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    parse = commands.add_parser(
        "parse",
        help="read letters and print them as JSON (JSON Lines for many)",
        description="Read letters (text, JSON or XML) and print each as a typed record. With "
        "no FILE, read the bundled example letter. One input prints one document; several "
        "inputs or a directory print JSON Lines, one record per line, skipping inputs that fail.",
    )
    parse.add_argument(
        "inputs",
        nargs="*",
        metavar="FILE|DIR|-",
        help="letter files, directories (searched for *.txt, *.json, *.xml) or - for stdin",
    )
    parse.add_argument(
        "--glob",
        metavar="PATTERN",
        help="in directories, read only the files whose name matches PATTERN (e.g. '*.txt')",
    )
    _add_from(parse)
    parse.add_argument(
        "--to",
        choices=(*FORMAT_NAMES, "parquet"),
        default="json",
        help="output format (default: json; parquet needs -o)",
    )
    _add_compact(parse)
    _add_lossy(parse)
    parse.add_argument(
        "--with-source",
        action="store_true",
        help='JSON Lines only: write {"source": FILE, "review": {...}, "letter": RECORD} per line',
    )
    parse.add_argument(
        "--review",
        choices=("needed", "clean"),
        help="JSON Lines only: write only the letters a person should review (needed), or only "
        "the others (clean); see the review signal in the docs",
    )
    parse.add_argument("-q", "--quiet", action="store_true", help="do not print findings and notes")
    cds.add_parse_options(parse)
    parse.set_defaults(run=_cmd_parse)

    convert = commands.add_parser(
        "convert",
        help="convert one letter to json, xml, text, exchange, or html/docx/pdf (official layout)",
        description="Convert one letter between formats. The output format is --to, or taken "
        "from the extension of OUT. html, docx and pdf print the GB/T 9704-2012 layout "
        "(信函格式 unless --layout ordinary); docx and pdf are binary: give -o OUT or "
        "redirect stdout.",
    )
    convert.add_argument(
        "input",
        metavar="IN",
        help="the letter file, or - for stdin; a directory or JSON Lines file (*.jsonl) "
        "converts each letter in it to a file under -o OUTDIR",
    )
    convert.add_argument("-o", "--output", metavar="OUT", help="write here instead of stdout")
    convert.add_argument("--to", choices=(*FORMAT_NAMES, *OFFICIAL_NAMES), help="output format")
    _add_official(convert)
    _add_from(convert)
    _add_compact(convert)
    _add_lossy(convert)
    convert.add_argument("-q", "--quiet", action="store_true", help="do not print findings")
    convert.set_defaults(run=_cmd_convert)

    check = commands.add_parser(
        "check",
        help="check letters against GB/T 9704-2012 and for consistency",
        description="Print the findings of govreply.check (and of reading the text, if the "
        "input is text), one per line. Exit 1 when any finding is an error (with --strict, "
        "also a warning). With no FILE, check the bundled example letter.",
    )
    check.add_argument(
        "inputs",
        nargs="*",
        metavar="FILE|DIR|-",
        help="letter files, JSON Lines files (*.jsonl), directories, or - for stdin",
    )
    check.add_argument(
        "--scheme",
        choices=scheme_names(),
        help="classification scheme the codes must belong to",
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--json", action="store_true", help="print findings as a JSON array")
    _add_from(check)
    check.set_defaults(run=_cmd_check)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema or the XSD",
        description="Print the published JSON Schema (json) or XML Schema (xml) of a record, "
        "or the XML Schema of the exchange profile (exchange).",
    )
    schema.add_argument("kind", choices=tuple(_SCHEMAS), help="which schema")
    schema.set_defaults(run=_cmd_schema)

    numeral = commands.add_parser(
        "numeral",
        help="integer -> Chinese numeral, or Chinese numeral -> integer",
        description="Write an integer as a Chinese numeral (12345 -> 一万二千三百四十五), or "
        "read a Chinese numeral as an integer (壹佰零伍 -> 105); the direction is detected.",
    )
    numeral.add_argument("value", metavar="VALUE", help="an integer or a Chinese numeral")
    numeral.add_argument(
        "--style",
        choices=("lower", "upper", "digits"),
        help="for an integer: lower 一百零五 (default), upper 壹佰零伍, digits 一〇五",
    )
    numeral.set_defaults(run=_cmd_numeral)
    _cli_case.add_parser(commands)

    cds.add_report_command(commands).set_defaults(run=_cmd_report)
    _cli_help.add_completion(commands, parser)
    _cli_help.add_explain(commands)
    _cli_help.add_examples(commands)
    return parser


def _add_compact(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--compact",
        action="store_true",
        help="write JSON or XML on one line instead of indented",
    )


def _add_lossy(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lossy",
        action="store_true",
        help="--to text: write the letter even when the text layout cannot carry all of it "
        "(the text will not read back the same)",
    )


def _render(fmt: str, letter: ReplyLetter, *, compact: bool, lossy: bool = False) -> str:
    if fmt == "text" and lossy:
        return text_format.dumps(letter, strict=False)
    if not compact:
        return _PRETTY[fmt](letter)
    out = get_format(fmt).dumps(letter)
    assert isinstance(out, str)  # json, xml and text write text
    return out


# A lone surrogate (U+D800-U+DFFF): a JSON \u escape can make one, no UTF-8 stream writes it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _render_reported(
    args: argparse.Namespace, fmt: str, letter: ReplyLetter, name: str, console: cio.Console
) -> str | None:
    """``letter`` written as ``fmt``, or ``None`` after one line saying why it cannot be."""
    try:
        output = _render(fmt, letter, compact=args.compact, lossy=args.lossy)
    except GovReplyError as exc:
        hint = ""
        if fmt == "text":
            hint = (
                "; write --to json or xml to keep all of it, or give --lossy to write the text "
                "anyway (it will not read back the same)"
            )
        lines = cio.describe(exc)
        console.error(name, lines[0] + hint, *lines[1:])
        return None
    found = _SURROGATE.search(output)
    if found is not None:
        console.error(
            name,
            f"the letter holds U+{ord(found[0]):04X}, a lone surrogate, which {fmt} output in "
            "UTF-8 cannot carry; write --to json, which escapes it",
        )
        return None
    return output


def _add_from(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="from_format",
        choices=(*FORMAT_NAMES, *sorted(cio.DOCUMENT_FORMATS)),
        help="input format (default: from the extension, else from the content)",
    )


# --------------------------------------------------------------------------- commands


def _cmd_parse(args: argparse.Namespace) -> int:
    if args.to == "parquet":
        return _cmd_parse_parquet(args)
    inputs: list[str] = args.inputs
    many = len(inputs) > 1 or any(cio.holds_many(i) for i in inputs)
    if many and args.to != "json":
        raise _UsageError(f"several inputs are written as JSON Lines; --to {args.to} needs one")
    if args.with_source and not many:
        raise _UsageError("--with-source applies to JSON Lines (several inputs or a directory)")
    if args.review and not many:
        raise _UsageError("--review applies to JSON Lines (several inputs or a directory)")
    if args.lossy and args.to != "text":
        raise _UsageError("--lossy applies to --to text")
    paths, empty_dirs = cio.expand(inputs, sys.stderr, pattern=args.glob)
    if not many:
        console = cio.Console(sys.stderr, quiet=args.quiet)
        source = cio.read_source(paths[0] if paths else _default_input(), args.from_format, console)
        if source is None:
            return EXIT_INPUT
        loaded = cio.load_reported(source, console)
        if loaded is None:
            return EXIT_INPUT
        output = _render_reported(args, args.to, loaded.letter, source.name, console)
        if output is None:
            return EXIT_INPUT
        cio.write(sys.stdout, output)
        return EXIT_OK
    console = cio.Console(
        sys.stderr, progress_total=len(paths), quiet=args.quiet, max_lines=_BATCH_PROBLEMS
    )
    total = 0
    for path in paths:
        found = cio.read_sources(path, args.from_format, console)
        total += len(found) or 1
        for source in found:
            _parse_one(args, source, console)
        console.advance(path)
    console.finish()
    if console.failed:
        sys.stdout.flush()
        sys.stderr.write(f"{cio.PROG}: {console.failed} of {total} inputs failed\n")
    return EXIT_INPUT if empty_dirs or console.failed else EXIT_OK


def _parse_one(args: argparse.Namespace, source: cio.Source, console: cio.Console) -> None:
    """Write one letter of a batch as a JSON Lines line (unless it fails or --review drops it)."""
    loaded = cio.load_reported(source, console)
    if loaded is not None:
        review = Review.of(loaded.findings)
        if args.review is not None and review.needed != (args.review == "needed"):
            return
        if args.with_source:
            record = {
                "source": source.name,
                "review": review.to_dict(),
                "letter": json_format.to_dict(loaded.letter),
            }
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            if _SURROGATE.search(line) is not None:  # escaped, as json_format.dumps does
                line = json.dumps(record, separators=(",", ":"))
        else:
            line = json_format.dumps(loaded.letter)  # one line: newlines in text are escaped
        sys.stdout.write(line + "\n")


def _cmd_parse_parquet(args: argparse.Namespace) -> int:
    try:
        return cds.parse_parquet(args)
    except cds.UsageError as exc:
        raise _UsageError(str(exc)) from exc


def _cmd_report(args: argparse.Namespace) -> int:
    try:
        return cds.report(args)
    except cds.UsageError as exc:
        raise _UsageError(str(exc)) from exc


def _cmd_convert(args: argparse.Namespace) -> int:
    target: str | None = args.to
    if target is None and args.output is not None:
        suffix = Path(args.output).suffix.lower()
        target = cio.EXTENSIONS.get(suffix) or _OFFICIAL_EXTENSIONS.get(suffix)
    if target is None:
        raise _UsageError(
            "say --to json|xml|text|exchange|html|docx|pdf (or give -o OUT with one of those "
            "extensions)"
        )
    if cio.holds_many(args.input):
        return _convert_many(args, target)
    if target in OFFICIAL_NAMES:
        return _convert_official(args, target)
    _no_official_options(args, target)
    if args.lossy and target != "text":
        raise _UsageError("--lossy applies to --to text")
    console = cio.Console(sys.stderr, quiet=args.quiet)
    source = cio.read_source(args.input, args.from_format, console)
    loaded = cio.load_reported(source, console) if source is not None else None
    if source is None or loaded is None:
        return EXIT_INPUT
    output = _render_reported(args, target, loaded.letter, source.name, console)
    if output is None:
        return EXIT_INPUT
    if args.output is None:
        cio.write(sys.stdout, output)
        return EXIT_OK
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as stream:
            cio.write(stream, output)
    except OSError as exc:
        console.error(args.output, cio.os_problem(exc))
        return EXIT_INPUT
    return EXIT_OK


#: The extension of each file ``convert DIR -o OUTDIR`` writes.
_SUFFIXES = {
    "json": ".json",
    "xml": ".xml",
    "text": ".txt",
    "exchange": ".xml",
    "html": ".html",
    "docx": ".docx",
    "pdf": ".pdf",
}


def _convert_many(args: argparse.Namespace, target: str) -> int:
    """``convert DIR|FILE.jsonl --to FMT -o OUTDIR``: one file per letter, named after its input.

    A file under DIR keeps its path below it; line N of a JSON Lines file becomes
    ``STEM-N.EXT``. Letters that fail are reported and skipped.
    """
    if args.output is None or args.to is None:
        raise _UsageError(f"{args.input} holds many letters: give --to FMT and -o OUTDIR")
    write: _OfficialWriter | None = None
    if target in OFFICIAL_NAMES:
        write = _official_writer(args, target)
    else:
        _no_official_options(args, target)
    if args.lossy and target != "text":
        raise _UsageError("--lossy applies to --to text")
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise _UsageError(f"-o {args.output}: many letters are written to a directory")
    paths, empty = cio.expand([args.input], sys.stderr)
    console = cio.Console(
        sys.stderr, progress_total=len(paths), quiet=args.quiet, max_lines=_BATCH_PROBLEMS
    )
    total = written = 0
    root = Path(args.input)
    for path in paths:
        found = cio.read_sources(path, args.from_format, console)
        total += len(found) or 1
        for source in found:
            loaded = cio.load_reported(source, console)
            output: str | bytes | None = None
            findings: tuple[Finding, ...] = ()
            if loaded is not None and write is None:
                output = _render_reported(args, target, loaded.letter, source.name, console)
            elif loaded is not None and write is not None:
                try:
                    output, findings = write(loaded.letter)
                except ImportError as exc:
                    return _missing_extra(target, exc, console)
                except GovReplyError as exc:
                    console.error(source.name, *cio.describe(exc))
            if output is None:
                console.failed += loaded is not None  # load_reported counted its own failures
                continue
            relative = Path(path).relative_to(root) if root.is_dir() else Path(Path(path).name)
            if source.line is not None:
                relative = relative.with_name(f"{relative.stem}-{source.line}")
            destination = out / relative.with_suffix(_SUFFIXES[target])
            for finding in findings:
                console.finding(str(destination), finding)
            try:
                destination.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(output, bytes):
                    destination.write_bytes(output)
                else:
                    with open(destination, "w", encoding="utf-8", newline="") as stream:
                        cio.write(stream, output)
            except OSError as exc:
                console.error(str(destination), cio.os_problem(exc))
                console.failed += 1
                continue
            written += 1
        console.advance(path)
    console.finish()
    sys.stdout.flush()
    failed = f", {console.failed} failed" if console.failed else ""
    sys.stderr.write(f"{cio.PROG}: {written} of {total} letters written to {out}{failed}\n")
    return EXIT_INPUT if empty or console.failed else EXIT_OK


# --------------------------------------------------------------------------- official layout

#: Formats that print the official layout (GB/T 9704-2012); docx and pdf are binary.
OFFICIAL_NAMES = ("html", "docx", "pdf")
_OFFICIAL_EXTENSIONS = {".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}


def _add_official(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("official layout (html, docx, pdf)")
    group.add_argument(
        "--layout",
        choices=("letter", "ordinary"),
        help="信函格式 (letter, the default) or the ordinary document layout",
    )
    group.add_argument(
        "--issuer-mark", metavar="TEXT", help="the issuer mark's text (default: the issuer)"
    )
    group.add_argument(
        "--no-masthead",
        action="store_true",
        help="leave out the issuer mark and red rules (paper with a printed letterhead)",
    )
    group.add_argument(
        "--font-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="pdf: look for fonts in DIR first (repeatable)",
    )


def _no_official_options(args: argparse.Namespace, target: str) -> None:
    used = [
        flag
        for flag, value in (
            ("--layout", args.layout),
            ("--issuer-mark", args.issuer_mark),
            ("--no-masthead", args.no_masthead),
            ("--font-dir", args.font_dir),
        )
        if value
    ]
    if used:
        raise _UsageError(f"{', '.join(used)} applies to --to html, docx or pdf, not {target}")


#: What an official-layout writer does with one letter: the document and its findings.
_OfficialWriter = Callable[[ReplyLetter], tuple[str | bytes, tuple[Finding, ...]]]


def _official_writer(args: argparse.Namespace, target: str) -> _OfficialWriter:
    """The writer of ``target`` with the options given.

    The writer raises ImportError when the extra it needs is missing (pdf imports WeasyPrint
    on the first letter it writes).
    """
    if args.font_dir and target != "pdf":
        raise _UsageError("--font-dir applies to --to pdf")
    common = {
        "layout": args.layout or "letter",
        "issuer_mark": args.issuer_mark,
        "masthead": not args.no_masthead,
    }
    try:  # a bad option (--issuer-mark " ", --font-dir that is no directory) is a usage error
        if target == "html":
            from govreply.formats import html

            html_options = html.HtmlOptions(**common)
            return lambda letter: (html.dumps(letter, options=html_options), ())
        if target == "docx":
            from govreply.formats import docx

            docx_options = docx.DocxOptions(**common)
            return lambda letter: (docx.dumps(letter, options=docx_options), ())
        from govreply.formats import pdf

        pdf_options = pdf.PdfOptions(**common, font_dirs=args.font_dir)
    except ValidationError as exc:
        raise _UsageError(str(exc)) from exc

    def write_pdf(letter: ReplyLetter) -> tuple[str | bytes, tuple[Finding, ...]]:
        rendered = pdf.render(letter, options=pdf_options)
        return rendered.data, tuple(rendered.findings)

    return write_pdf


def _missing_extra(target: str, exc: ImportError, console: cio.Console) -> int:
    extra = "pdf" if target == "pdf" else "docx"
    console.error(target, f"needs the {extra} extra: pip install 'govreply[{extra}]' ({exc})")
    return EXIT_INPUT


def _convert_official(args: argparse.Namespace, target: str) -> int:
    binary = target != "html"
    if binary and args.output is None and cio.isatty(sys.stdout):
        raise _UsageError(f"{target} is binary: give -o OUT or redirect stdout to a file")
    console = cio.Console(sys.stderr, quiet=args.quiet)
    source = cio.read_source(args.input, args.from_format, console)
    loaded = cio.load_reported(source, console) if source is not None else None
    if source is None or loaded is None:
        return EXIT_INPUT
    try:
        output, findings = _official_writer(args, target)(loaded.letter)
    except ImportError as exc:
        return _missing_extra(target, exc, console)
    except GovReplyError as exc:
        console.error(source.name, *cio.describe(exc))
        return EXIT_INPUT
    for finding in findings:
        console.finding(args.output or "-", finding)
    return _write_output(args.output, output, console)


def _write_output(path: str | None, output: str | bytes, console: cio.Console) -> int:
    try:
        if path is None:
            if isinstance(output, bytes):
                sys.stdout.flush()
                sys.stdout.buffer.write(output)
                sys.stdout.buffer.flush()
            else:
                cio.write(sys.stdout, output)
            return EXIT_OK
        if isinstance(output, bytes):
            Path(path).write_bytes(output)
        else:
            with open(path, "w", encoding="utf-8", newline="") as stream:
                cio.write(stream, output)
    except OSError as exc:
        console.error(path or "-", cio.os_problem(exc))
        return EXIT_INPUT
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    console = cio.Console(sys.stderr)
    paths, empty_dirs = cio.expand(args.inputs, sys.stderr)
    named: list[str | None] = list(paths) if args.inputs else [_default_input()]
    report: list[dict[str, object]] = []
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    status = EXIT_INPUT if empty_dirs else EXIT_OK
    counts = {Severity.ERROR: 0, Severity.WARNING: 0}
    sources: list[cio.Source | None] = []
    for path in named:
        if path is None:
            sources.append(cio.read_source(None, args.from_format, console))
        else:
            sources += cio.read_sources(path, args.from_format, console) or [None]
    for source in sources:
        loaded = None if source is None else cio.load_reported(source, console, show_findings=False)
        if source is None or loaded is None:
            status = EXIT_INPUT
            continue
        findings = [*loaded.findings, *check_letter(loaded.letter, scheme=args.scheme)]
        for finding in findings:
            counts[finding.severity] += 1
            if finding.severity in failing:
                status = EXIT_INPUT
            if args.json:
                report.append({"source": source.name, **_finding_record(finding)})
            else:
                sys.stdout.write(f"{source.name}: {finding}\n")
    if args.json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    sys.stdout.flush()
    summary = f"{errors} error(s), {warnings} warning(s)"
    if console.failed:
        read = len(sources) - console.failed
        summary = (
            f"{console.failed} of {len(sources)} inputs could not be read; "
            f"{summary} in the {read} read"
        )
    sys.stderr.write(f"{cio.PROG}: {summary}\n")
    return status


def _default_input() -> str | None:
    """With no input named: standard input when it is piped, else the bundled example."""
    return cio.STDIN if cio.stdin_piped() else None


def _cmd_schema(args: argparse.Namespace) -> int:
    cio.write(sys.stdout, _SCHEMAS[args.kind]())
    return EXIT_OK


#: The schema of each format, by the name ``govreply schema`` takes.
_SCHEMAS: dict[str, Callable[[], str]] = {
    "json": json_schema,
    "xml": xml_schema,
    "exchange": exchange_schema,
}


def _cmd_numeral(args: argparse.Namespace) -> int:
    value: str = args.value.strip()
    folded = unicodedata.normalize("NFKC", value)
    if _INTEGER.fullmatch(folded):
        if len(folded.lstrip("+-")) > _MAX_DIGITS:
            cio.Console(sys.stderr).error(
                f"{folded[:12]}…", f"an integer of at most {_MAX_DIGITS} digits, please"
            )
            return EXIT_INPUT
        print(format_number(int(folded), style=args.style or "lower"))
        return EXIT_OK
    if args.style is not None:
        raise _UsageError("--style applies when VALUE is an integer (e.g. 12345)")
    try:
        print(parse_number(value))
    except NumeralError as exc:
        cio.Console(sys.stderr).error(repr(value), exc.message)
        return EXIT_INPUT
    return EXIT_OK


def _finding_record(finding: Finding) -> dict[str, object]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "location": finding.location,
        "line": finding.line,
        "message": finding.message,
    }
