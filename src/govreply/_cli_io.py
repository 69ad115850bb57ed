"""Reading inputs and writing messages for :mod:`govreply.cli`: files, encodings, formats.

An input is read as bytes and decoded as UTF-8 (a BOM is allowed), UTF-16 with a BOM, or else
GB18030 (with a note); its format comes from the extension or is sniffed from the content.
Every failure becomes ``location: problem`` lines for the console, never a traceback.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import attrs

from govreply import formats as formats_pkg
from govreply.errors import (
    DocumentParseError,
    GovReplyError,
    JsonParseError,
    TextParseError,
    ValidationError,
    XmlParseError,
)
from govreply.examples import SEED_NAME, seed_text
from govreply.formats import get_format
from govreply.formats import text as text_format
from govreply.model import Finding, ReplyLetter

#: The program name that starts every message.
PROG = "govreply"
#: The input name that means standard input.
STDIN = "-"
#: File name extensions and the format each one means.
EXTENSIONS = {".json": "json", ".xml": "xml", ".txt": "text", ".text": "text"}
#: Extensions of published documents (PDF, web pages, DOCX, OFD), read by their own readers.
DOCUMENT_EXTENSIONS = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".docx": "docx",
    ".ofd": "ofd",
}
#: The formats read from bytes by :func:`govreply.formats.parse`, not decoded as text first.
DOCUMENT_FORMATS = frozenset(DOCUMENT_EXTENSIONS.values())
#: Characters that do not occur in letter text; finding one means a wrong decoding.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


#: Said before the bundled example's findings, so a first run does not read them as faults.
EXAMPLE_NOTE = (
    "the bundled example, a real letter as copied out of its PDF: its GT findings are the "
    "expected report of such a copy (page breaks and layout spaces repaired)"
)


class InputError(Exception):
    """A problem with one input, already worded as ``location: problem`` lines."""

    def __init__(self, *lines: str) -> None:
        self.lines = lines
        super().__init__("; ".join(lines))


@attrs.frozen
class Source:
    """One input: its name for messages, its bytes and the format it was asked to be read as."""

    name: str
    data: bytes
    format: str | None = None
    line: int | None = None  # its line in a JSON Lines file


@attrs.frozen
class Loaded:
    """A letter read from a source, with the findings made while reading it."""

    letter: ReplyLetter
    findings: tuple[Finding, ...] = ()


class Console:
    """Where messages go: one line each on stderr, with an optional progress bar."""

    def __init__(
        self, err: TextIO, *, progress_total: int = 0, quiet: bool = False, max_lines: int = 0
    ) -> None:
        self.err = err
        self.max_lines = max_lines
        self.quiet = quiet
        self.total = progress_total
        self.done = 0
        self.bar = progress_total > 1 and isatty(err)
        self.failed = 0
        self.started = time.monotonic()

    def error(self, source: str, *lines: str) -> None:
        """Report that ``source`` failed: one line per problem, at most ``max_lines``."""
        shown = lines[: self.max_lines] if self.max_lines else lines
        for line in shown or ("failed",):
            self._line(f"{PROG}: error: {source}: {line}")
        if len(shown) < len(lines):
            self._line(f"{PROG}: error: {source}: … and {len(lines) - len(shown)} more problems")

    def note(self, source: str, message: str) -> None:
        """Say how ``source`` was read (e.g. its encoding), unless quiet."""
        if not self.quiet:
            self._line(f"{PROG}: note: {source}: {message}")

    def finding(self, source: str, finding: Finding) -> None:
        """Print one finding made while reading ``source``, unless quiet."""
        if not self.quiet:
            self._line(f"{source}: {finding}")

    def advance(self, name: str, count: int = 1) -> None:
        """Count ``count`` inputs as done and redraw the progress bar (on a terminal only).

        The bar shows the inputs done, files per second and the failures so far.
        """
        self.done += count
        if self.bar:
            width = 30
            filled = width * self.done // self.total
            rate = self.done / max(time.monotonic() - self.started, 1e-9)
            failed = f", {self.failed} failed" if self.failed else ""
            label = name if len(name) <= 30 else "…" + name[-29:]
            self.err.write(
                f"\r\033[K[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
                f"{rate:.0f} files/s{failed} {label}"
            )
            self.err.flush()

    def finish(self) -> None:
        """Clear the progress bar."""
        if self.bar:
            self.err.write("\r\033[K")
            self.err.flush()

    def _line(self, text: str) -> None:
        # Keep stdout and stderr in order when both go to one pipe or file.
        sys.stdout.flush()
        if self.bar:
            self.err.write("\r\033[K")
        self.err.write(text + "\n")
        self.err.flush()


# --------------------------------------------------------------------------- reading


def expand(
    inputs: Sequence[str], err: TextIO, *, pattern: str | None = None
) -> tuple[list[str], int]:
    """Input arguments with each directory replaced by the letter files under it, sorted.

    Files under a directory are those with a letter extension, or matching ``pattern``.

    Returns the paths and the number of directories that held no letter files (reported).
    """
    paths: list[str] = []
    empty = 0
    for item in inputs:
        if item != STDIN and Path(item).is_dir():
            found = sorted(
                str(p)
                for p in Path(item).rglob(pattern or "*")
                if (
                    pattern is not None
                    or p.suffix.lower() in EXTENSIONS
                    or p.suffix.lower() in DOCUMENT_EXTENSIONS
                )
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(item).parts)
            )
            if not found:
                wanted = pattern or "letter (*.txt, *.json, *.xml, *.pdf, *.html, *.docx, *.ofd)"
                err.write(f"{PROG}: error: {item}: no {wanted} files in it\n")
                empty += 1
            paths.extend(found)
        else:
            paths.append(item)
    return paths, empty


def read_source(path: str | None, fmt: str | None, console: Console) -> Source | None:
    """Read one input (``None``: the bundled example); report a failure and return None."""
    if path is None:
        name = f"<example {SEED_NAME}>"
        console.note(name, EXAMPLE_NOTE)
        return Source(name, seed_text().encode("utf-8"), fmt or "text")
    try:
        if path == STDIN:
            return Source("<stdin>", _read_stdin(), fmt)
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as exc:
        console.error(shown(path), os_problem(exc))
        console.failed += 1
        return None
    suffix = Path(path).suffix.lower()
    found = fmt or EXTENSIONS.get(suffix) or DOCUMENT_EXTENSIONS.get(suffix)
    return Source(shown(path), data, found)


def shown(path: str) -> str:
    r"""``path`` as it can be printed: bytes of a non-UTF-8 file name written as ``\xff``.

    A file name that is not UTF-8 reaches Python with surrogate escapes, which no UTF-8 stream
    can write.

    >>> shown("\udcff.txt")
    '\\xff.txt'
    """
    if not any("\udc80" <= ch <= "\udcff" for ch in path):
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def stdin_piped() -> bool:
    """Whether standard input is a pipe or a file (``cat letter.txt | govreply parse``).

    A terminal, ``/dev/null`` or a closed stdin is not: then no input means the example.
    """
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode)


#: The extension of JSON Lines files: a letter document, or a ``parse --with-source`` record,
#: on each line (what ``govreply parse`` writes for many inputs).
JSON_LINES = ".jsonl"


def holds_many(item: str) -> bool:
    """Whether the input ``item`` names a directory or a JSON Lines file (many letters)."""
    if item == STDIN:
        return False
    path = Path(item)
    return path.suffix.lower() == JSON_LINES or path.is_dir()


def read_sources(path: str, fmt: str | None, console: Console) -> list[Source]:
    """The letters one input holds: one, or one per line of a JSON Lines file.

    A JSON Lines line is named ``FILE:LINE`` (and the source it names, for a record written by
    ``parse --with-source``). A failure is reported and gives no source.
    """
    if Path(path).suffix.lower() != JSON_LINES or fmt not in (None, "json"):
        source = read_source(path, fmt, console)
        return [] if source is None else [source]
    source = read_source(path, "json", console)
    if source is None:
        return []
    try:
        text, _ = decode(source.data)
    except InputError as exc:
        console.error(source.name, *exc.lines)
        console.failed += 1
        return []
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name, data = f"{source.name}:{number}", line
        try:
            record = json.loads(line)
        except ValueError:  # the JSON reader says what is wrong, with the line's name
            record = None
        if type(record) is dict and "format" not in record and {"source", "letter"} <= set(record):
            name = f"{name} ({record['source']})"
            data = json.dumps(record["letter"])
        found.append(Source(name, data.encode("utf-8"), "json", number))
    return found


def _read_stdin() -> bytes:
    """Standard input as bytes; a text-only replacement (an embedding's StringIO) is encoded."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data
    return sys.stdin.read().encode("utf-8")


def load_reported(source: Source, console: Console, *, show_findings: bool = True) -> Loaded | None:
    """Load a letter, printing notes and findings; report a failure and return None."""
    try:
        loaded, notes = load(source)
    except InputError as exc:
        console.error(source.name, *exc.lines)
    except GovReplyError as exc:
        console.error(source.name, *describe(exc))
    except Exception as exc:
        # A bug, not bad input; one file must not stop a batch, and users get one line.
        if os.environ.get("GOVREPLY_DEBUG"):
            raise
        console.error(
            source.name,
            f"internal error ({type(exc).__name__}: {exc}); please report it "
            "(set GOVREPLY_DEBUG=1 for the traceback)",
        )
    else:
        for note in notes:
            console.note(source.name, note)
        if show_findings:
            for finding in loaded.findings:
                console.finding(source.name, finding)
        return loaded
    console.failed += 1
    return None


def load(source: Source) -> tuple[Loaded, list[str]]:
    """Decode and parse ``source``; return the letter and any notes about how it was read."""
    document = _document_format(source)
    if document is not None:
        return _load_document(source, document), []
    notes: list[str] = []
    text, note = decode(source.data)
    if note:
        notes.append(note)
    fmt = source.format or sniff(text)
    if fmt == "text":
        result = text_format.parse(text)
        return Loaded(result.letter, tuple(result.findings)), notes
    # XML carries its own encoding declaration, so lxml gets the bytes as they are.
    data: str | bytes = source.data if fmt == "xml" else text
    return Loaded(get_format(fmt).loads(data)), notes


def _document_format(source: Source) -> str | None:
    """The document format (pdf, html, docx, ofd) of ``source``, or ``None`` for a record/text."""
    if source.format in DOCUMENT_FORMATS:
        return source.format
    if source.format is not None:
        return None
    try:
        found = formats_pkg.sniff(source.data, source.name)
    except GovReplyError as exc:
        raise InputError(exc.message) from exc
    return found if found in DOCUMENT_FORMATS else None


def _load_document(source: Source, fmt: str) -> Loaded:
    """Read a PDF, web page, DOCX or OFD with its reader (findings included)."""
    try:
        result = formats_pkg.parse(source.data, source.name, format=fmt)  # type: ignore[arg-type]
    except ImportError as exc:
        raise InputError(str(exc)) from exc
    return Loaded(result.letter, tuple(result.findings))


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of ``data``: UTF-8 (with or without BOM), UTF-16 with BOM, or else GB18030.

    Returns the text and a note when it was not read as UTF-8.

    Raises:
        InputError: the bytes are not text in any of those encodings.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"byte {exc.start}: invalid UTF-16 text") from exc
        if CONTROL.search(text):
            raise InputError("starts with a UTF-16 byte order mark but is not UTF-16 text")
        return text, "read as UTF-16 (byte order mark)"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as utf8_error:
        problem = (
            f"byte {utf8_error.start}: not UTF-8 (0x{data[utf8_error.start]:02x}), "
            "and not GB18030 text either"
        )
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise InputError(problem) from exc
        if CONTROL.search(text):
            raise InputError(problem) from utf8_error
        return text, "not UTF-8; read as GB18030 (convert it to UTF-8 to silence this note)"


# <电子公文  (the root of an exchange payload, after any XML declaration)
_EXCHANGE_ROOT = re.compile(r"^\s*(?:<\?xml[^>]{0,200}\?>\s*)?<电子公文[\s>/]")


def sniff(text: str) -> str:
    """The format ``text`` looks like: JSON object, XML document, exchange payload or text."""
    start = text.lstrip()[:1]
    if start == "{":
        return "json"
    if start == "<":
        return "exchange" if _EXCHANGE_ROOT.match(text[:400]) else "xml"
    return "text"


# --------------------------------------------------------------------------- messages


def describe(exc: GovReplyError) -> list[str]:
    """One ``location: problem`` line per problem in ``exc`` (never a traceback)."""
    if isinstance(exc, TextParseError):
        where = []
        if exc.line is not None:
            where.append(f"line {exc.line}")
        if exc.column is not None:
            where.append(f"column {exc.column}")
        return [f"{', '.join(where)}: {exc.message}" if where else exc.message]
    if isinstance(exc, DocumentParseError):
        return [str(exc)]
    if isinstance(exc, (JsonParseError, XmlParseError)) and exc.problems:
        return [str(problem) for problem in exc.problems]
    if isinstance(exc, ValidationError) and exc.field and exc.field not in exc.message:
        return [f"{exc.field}: {exc.message}"]
    return [exc.message]


def os_problem(exc: OSError) -> str:
    return exc.strerror or str(exc)


# --------------------------------------------------------------------------- streams


def write(stream: TextIO, text: str) -> None:
    stream.write(text if text.endswith("\n") else text + "\n")


def use_utf8(stream: TextIO) -> None:
    """Make a console stream write UTF-8 even under a non-UTF-8 locale (LC_ALL=C, cp936)."""
    if not isinstance(stream, io.TextIOWrapper):
        return
    if codecs.lookup(stream.encoding).name != "utf-8":
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def recover_arg(arg: str) -> str:
    """Undo the locale's decoding of a UTF-8 argument (LC_ALL=C gives surrogate escapes)."""
    if not any("\udc80" <= ch <= "\udcff" for ch in arg):
        return arg
    try:
        return os.fsencode(arg).decode("utf-8")
    except UnicodeDecodeError:
        return arg


def isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def silence_stdout() -> None:
    # Python flushes stdout at exit; point it at devnull so that flush cannot fail again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
    finally:
        os.close(devnull)
