"""The corpus commands of :mod:`govreply.cli`: ``parse … --to parquet`` and ``report``.

Kept apart from ``cli.py`` so that the command line's core does not import pyarrow: the
``arrow`` extra is needed only when one of these runs, and its absence is a one-line error.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType, ModuleType
from typing import Any

from govreply import _cli_io as cio

__all__ = [
    "EXIT_INTERRUPTED",
    "UsageError",
    "add_parse_options",
    "add_report_command",
    "parse_parquet",
    "report",
]

#: Exit status after Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130
#: Problems printed per failed input (the rest are counted).
_PROBLEMS = 5


class UsageError(Exception):
    """The command line asks for something these commands cannot do."""


def add_parse_options(parse: argparse.ArgumentParser) -> None:
    """Add the options of ``govreply parse … --to parquet`` to the ``parse`` subcommand."""
    group = parse.add_argument_group(
        "Parquet (--to parquet)",
        "Write one row per input, failed ones with their error, to a Parquet file "
        "(needs pip install 'govreply[arrow]').",
    )
    group.add_argument("-o", "--output", metavar="FILE", help="the Parquet file to write")
    group.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0: one per CPU)",
    )
    group.add_argument(
        "--resume",
        action="store_true",
        help="keep the rows of FILE.partial left by an interrupted run and parse the rest",
    )


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of jobs: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"jobs must be 0 or more, got {value}")
    return value


def add_report_command(commands: Any) -> argparse.ArgumentParser:
    """Add the ``report`` subcommand to ``commands`` (argparse's subparsers); return it."""
    report_parser: argparse.ArgumentParser = commands.add_parser(
        "report",
        help="write an HTML report on a Parquet file of letters",
        description="Read a Parquet file written by 'govreply parse … --to parquet' and write "
        "one self-contained HTML page of charts and tables: class mix, satisfaction, time to "
        "reply, letters per issuer, reply length, review signal, findings, failures.",
    )
    report_parser.add_argument("input", metavar="FILE.parquet", help="the Parquet file to read")
    report_parser.add_argument(
        "-o", "--output", metavar="OUT.html", help="write here instead of stdout"
    )
    report_parser.add_argument("--title", help="the page's title")
    return report_parser


def _import(name: str) -> ModuleType:
    try:
        return __import__(name, fromlist=["_"])
    except ImportError as exc:
        raise UsageError(f"{exc}; install it with: pip install 'govreply[arrow]'") from exc


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """Treat SIGTERM (a batch system stopping the job) as Ctrl-C, so the rows are kept."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def parse_parquet(args: argparse.Namespace) -> int:
    """Run ``govreply parse INPUTS --to parquet -o FILE [-j N] [--resume]``.

    Raises:
        UsageError: no ``-o``, stdin or no input, an option that applies to JSON only, or no
            pyarrow.
    """
    if args.output is None:
        raise UsageError("--to parquet writes a file: give -o FILE.parquet")
    if not args.inputs or cio.STDIN in args.inputs:
        raise UsageError("--to parquet reads files and directories (not stdin or the example)")
    if args.with_source or args.compact:
        raise UsageError("--with-source and --compact apply to JSON; Parquet rows carry the source")
    dataset = _import("govreply.dataset")
    paths, empty_dirs = cio.expand(args.inputs, sys.stderr, pattern=args.glob)
    if not paths:
        return 1
    console = cio.Console(
        sys.stderr, progress_total=len(paths), quiet=args.quiet, max_lines=_PROBLEMS
    )

    def on_batch(batch: Any) -> None:
        sources = batch.column("source").to_pylist()
        for source, error in zip(sources, batch.column("error").to_pylist(), strict=True):
            if error is not None:
                console.failed += 1
                console.error(source, *error.splitlines())
        console.advance(sources[-1], count=len(sources))

    options = dataset.BatchOptions(jobs=args.jobs, fmt=args.from_format)
    had_partial = os.path.exists(f"{args.output}.partial")
    try:
        with _sigterm_interrupts():
            summary = dataset.parse_to_parquet(
                paths, args.output, options=options, resume=args.resume, on_batch=on_batch
            )
    except KeyboardInterrupt:
        console.finish()
        sys.stderr.write(
            f"{cio.PROG}: interrupted after {console.done} of {len(paths)} inputs; the rows so "
            f"far are in {args.output}.partial (run again with --resume to go on)\n"
        )
        return EXIT_INTERRUPTED
    except OSError as exc:
        console.finish()
        console.error(exc.filename or args.output, cio.os_problem(exc))
        return 1
    console.finish()
    if args.resume and not summary.resumed:
        why = "was incomplete" if had_partial else "did not exist"
        console.note(args.output, f"nothing to resume ({args.output}.partial {why}); started over")
    notes = []
    if summary.resumed:
        notes.append(f"{summary.resumed} kept from the interrupted run")
    if summary.failed:
        notes.append(f"{summary.failed} failed: see their error column")
    said = f" ({'; '.join(notes)})" if notes else ""
    sys.stderr.write(f"{cio.PROG}: wrote {summary.rows} rows to {args.output}{said}\n")
    return 1 if summary.failed or empty_dirs else 0


def report(args: argparse.Namespace) -> int:
    """Run ``govreply report FILE.parquet [-o OUT.html] [--title TITLE]``.

    Raises:
        UsageError: pyarrow is not installed.
    """
    reports = _import("govreply.report")
    errors = _import("govreply.errors")
    options = {} if args.title is None else {"title": args.title}
    console = cio.Console(sys.stderr)
    try:
        if args.output is None:
            rows = reports.read_rows(args.input)
            page = reports.render_report(rows, source=os.path.basename(args.input), **options)
            cio.write(sys.stdout, page)
        else:
            reports.write_report(args.input, args.output, **options)
    except errors.DatasetError as exc:
        console.error(args.input, exc.message)
        return 1
    except OSError as exc:
        console.error(exc.filename or args.output, cio.os_problem(exc))
        return 1
    return 0
