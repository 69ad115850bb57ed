"""Many inputs: parse in parallel worker processes, stream record batches, write Parquet.

Memory stays flat whatever the number of inputs: workers parse chunks of a few dozen files and
send each back as one record batch, at most a few chunks are in flight at once, and the writer
turns every ``row_group_size`` rows into a Parquet row group and lets them go.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import glob
import multiprocessing
import os
import signal
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs
import pyarrow as pa
import pyarrow.parquet as pq

from govreply.dataset._read import EXTENSIONS
from govreply.dataset._row import Row, arrow_schema, parse_one, to_batch
from govreply.formats import FormatName
from govreply.model import ReplyLetter

__all__ = [
    "MAX_CHUNK",
    "BatchOptions",
    "Summary",
    "letter_files",
    "parse_batches",
    "parse_files",
    "parse_to_parquet",
    "write_parquet",
]

Compression = Literal["zstd", "snappy", "gzip", "lz4", "brotli", "none"]
#: Most files a worker gets at a time, unless told: about a tenth of a second of work, which keeps
#: the parent's share of the work small and the progress bar moving.
MAX_CHUNK = 256
# glob characters: a path holding one is a pattern
_GLOB_CHARS = frozenset("*?[")


@attrs.frozen(kw_only=True)
class BatchOptions:
    """How a batch runs: worker processes, files per task, Parquet row groups and compression.

    ``jobs`` is the number of worker processes (``0``: one per CPU; ``1``: parse in this process,
    no workers). ``chunk_size`` files go to a worker at a time (``None``: enough for each worker
    to get a few chunks, at most :data:`MAX_CHUNK`); ``rules`` adds the findings of
    :func:`govreply.check` to each row; ``fmt`` reads every input as that format.
    """

    jobs: int = attrs.field(default=1, validator=attrs.validators.ge(0))
    chunk_size: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.ge(1))
    )
    row_group_size: int = attrs.field(default=4096, validator=attrs.validators.ge(1))
    compression: Compression = "zstd"
    rules: bool = True
    fmt: FormatName | None = None

    @property
    def workers(self) -> int:
        """The number of worker processes ``jobs`` means (``0`` means one per CPU)."""
        return self.jobs or os.cpu_count() or 1

    def chunk_for(self, inputs: int) -> int:
        """Files per task for a batch of ``inputs`` files."""
        if self.chunk_size is not None:
            return self.chunk_size
        return max(1, min(MAX_CHUNK, -(-inputs // (4 * self.workers))))


@attrs.frozen(kw_only=True)
class Summary:
    """What a batch wrote: rows (one per input), failed inputs, rows kept from a resumed run."""

    rows: int
    failed: int
    resumed: int = 0


def letter_files(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """The input files named by ``inputs``: files as given, directories and glob patterns expanded.

    A directory stands for the letter files under it (``*.txt``, ``*.json``, ``*.xml``, hidden
    ones skipped), sorted; a pattern (``letters/**/*.txt``) for the files it matches, sorted.
    """
    items = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    found: list[str] = []
    for item in [os.fspath(i) for i in items]:
        if Path(item).is_dir():
            found += sorted(
                str(p)
                for p in Path(item).rglob("*")
                if p.suffix.lower() in EXTENSIONS
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(item).parts)
            )
        elif _GLOB_CHARS & set(item):
            found += sorted(p for p in glob.glob(item, recursive=True) if Path(p).is_file())
        else:
            found.append(item)
    return found


# --------------------------------------------------------------------------- parsing


def _parse_chunk(paths: Sequence[str], options: BatchOptions) -> pa.RecordBatch:
    rows = [parse_one(path, fmt=options.fmt, rules=options.rules) for path in paths]
    return to_batch(rows, errors="row")


def _parse_chunk_ipc(paths: Sequence[str], options: BatchOptions) -> bytes:
    # Arrow's IPC bytes cross the process boundary some forty times faster than a pickled batch.
    return _parse_chunk(paths, options).serialize().to_pybytes()


def _from_ipc(data: bytes) -> pa.RecordBatch:
    return pa.ipc.read_record_batch(pa.py_buffer(data), arrow_schema())


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the group; the parent alone decides what happens.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def parse_files(
    paths: Sequence[str], *, options: BatchOptions | None = None
) -> Generator[pa.RecordBatch, None, None]:
    """Parse ``paths`` and yield record batches of their rows, in input order.

    With ``options.jobs`` other than 1, worker processes parse chunks of ``chunk_size`` files;
    at most two chunks per worker are in flight, so memory does not grow with ``paths``.
    """
    options = options or BatchOptions()
    size = options.chunk_for(len(paths))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    workers = min(options.workers, len(chunks))
    if workers <= 1:
        for chunk in chunks:
            yield _parse_chunk(chunk, options)
        return
    # spawn: workers start clean, whatever threads this process runs (Arrow's, a GUI's).
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=context, initializer=_ignore_interrupts
    ) as pool:
        pending: collections.deque[concurrent.futures.Future[bytes]] = collections.deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(_parse_chunk_ipc, chunk, options))
                if len(pending) >= 2 * workers:
                    yield _from_ipc(pending.popleft().result())
            while pending:
                yield _from_ipc(pending.popleft().result())
        finally:
            for future in pending:
                future.cancel()


def parse_batches(
    batches: Iterable[pa.RecordBatch],
    *,
    path: str = "path",
    content: str | None = "content",
    rules: bool = True,
) -> Iterator[pa.RecordBatch]:
    """Map record batches of files to record batches of rows: Spark's ``mapInArrow`` shape.

    Each input batch has a column of paths and, optionally, one of the files' bytes (Spark's
    ``binaryFile`` source gives ``path`` and ``content``); each output batch holds one row per
    input row, in the schema of :func:`~govreply.dataset.arrow_schema`.

    >>> import pyarrow as pa
    >>> from govreply.examples import seed_text
    >>> files = pa.record_batch({"path": ["a.txt"], "content": [seed_text().encode()]})
    >>> [out] = parse_batches([files])
    >>> out.num_rows, out.column("item_number")[0].as_py()
    (1, 55)
    """
    for batch in batches:
        paths: list[Any] = batch.column(path).to_pylist()
        contents: list[Any] = batch.column(content).to_pylist() if content else [None] * len(paths)
        rows = [
            parse_one(_local(name), data=data, rules=rules)
            for name, data in zip(paths, contents, strict=True)
        ]
        yield to_batch(rows, errors="row")


def _local(name: str) -> str:
    # Spark names files as URLs: file:/data/x.txt; the extension is what matters here.
    return name.removeprefix("file://").removeprefix("file:")


# --------------------------------------------------------------------------- Parquet


def write_parquet(
    rows: Iterable[Row | ReplyLetter | pa.RecordBatch],
    path: str | os.PathLike[str],
    *,
    options: BatchOptions | None = None,
) -> int:
    """Write rows to the Parquet file ``path`` as they come; return the number written.

    ``rows`` may mix :class:`~govreply.dataset.Row` objects (from :func:`parse_one`), letters
    built in Python and record batches (from :func:`parse_files`); they are written in order,
    ``options.row_group_size`` rows to a row group, so memory does not grow with the number of
    rows.

    >>> import tempfile, pyarrow.parquet as pq
    >>> from govreply.examples import seed_letter
    >>> out = tempfile.mkdtemp() + "/letters.parquet"
    >>> write_parquet([seed_letter()], out)
    1
    >>> pq.read_table(out, columns=["classification_code"]).to_pylist()
    [{'classification_code': 'A1'}]
    """
    options = options or BatchOptions()
    with _Writer(path, options) as writer:
        pending: list[Row | ReplyLetter] = []
        for item in rows:
            if isinstance(item, pa.RecordBatch):
                if pending:
                    writer.add(to_batch(pending))
                    pending = []
                writer.add(item)
                continue
            pending.append(item)
            if len(pending) >= options.row_group_size:
                writer.add(to_batch(pending))
                pending = []
        if pending:
            writer.add(to_batch(pending))
        return writer.rows


class _Writer:
    """A Parquet writer of row batches that groups them into row groups of a set size."""

    def __init__(self, path: str | os.PathLike[str], options: BatchOptions) -> None:
        self.size = options.row_group_size
        self.writer = pq.ParquetWriter(
            os.fspath(path),
            arrow_schema(),
            compression=options.compression,
            # no per-page statistics of the nested record's long texts: smaller, faster
            write_statistics=[c for c in arrow_schema().names if c not in ("letter", "findings")],
        )
        self.buffer: list[pa.RecordBatch] = []
        self.buffered = 0
        self.rows = 0

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def add(self, batch: pa.RecordBatch) -> None:
        self.buffer.append(batch)
        self.buffered += batch.num_rows
        self.rows += batch.num_rows
        if self.buffered >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            table = pa.Table.from_batches(self.buffer, schema=arrow_schema())
            self.writer.write_table(table, row_group_size=max(self.size, table.num_rows))
            self.buffer, self.buffered = [], 0

    def close(self) -> None:
        self.flush()
        self.writer.close()


def parse_to_parquet(
    paths: Sequence[str],
    output: str | os.PathLike[str],
    *,
    options: BatchOptions | None = None,
    resume: bool = False,
    on_batch: Callable[[pa.RecordBatch], None] | None = None,
) -> Summary:
    """Parse ``paths`` into the Parquet file ``output``, one row per input, restartably.

    Rows are written to ``OUTPUT.writing``, renamed to ``output`` when every input is in. If
    the run stops early (Ctrl-C, SIGTERM, an error), the rows so far are closed into a valid
    ``OUTPUT.partial``; with ``resume=True`` a later run keeps those rows and parses only the
    inputs they lack. Without ``resume``, a run starts over.

    Args:
        paths: the input files.
        output: the Parquet file to write.
        options: workers, chunks, row groups, compression.
        resume: keep the rows of ``OUTPUT.partial`` left by an interrupted run.
        on_batch: called with each batch of new rows once written (for progress and messages).
    """
    options = options or BatchOptions()
    output = os.fspath(output)
    partial, working = f"{output}.partial", f"{output}.writing"
    kept = _readable(partial) if resume else None
    todo = list(paths)
    writer = _Writer(working, options)
    resumed = failed = 0
    if kept is not None:
        try:
            sources: list[Any] = kept.read(columns=["source"]).column("source").to_pylist()
            done = collections.Counter(sources)
            todo = [p for p in paths if not _take(done, p)]
            for batch in kept.iter_batches(batch_size=options.row_group_size):
                resumed += batch.num_rows
                failed += batch.num_rows - batch.column("error").null_count
                writer.add(batch)
        except BaseException:
            writer.close()
            os.remove(working)  # the partial file stays as it was
            raise
        finally:
            kept.close()
    try:
        with contextlib.closing(parse_files(todo, options=options)) as batches:
            for batch in batches:
                writer.add(batch)
                failed += batch.num_rows - batch.column("error").null_count
                if on_batch is not None:
                    on_batch(batch)
    except BaseException:
        writer.close()
        os.replace(working, partial)
        raise
    writer.close()
    os.replace(working, output)
    if os.path.exists(partial):
        os.remove(partial)
    return Summary(rows=writer.rows, failed=failed, resumed=resumed)


def _take(done: collections.Counter[str], path: str) -> bool:
    if done[path] > 0:
        done[path] -= 1
        return True
    return False


def _readable(path: str) -> pq.ParquetFile | None:
    """The Parquet file at ``path`` if it is a complete one in the row schema, else None."""
    try:
        found = pq.ParquetFile(path)
    except (OSError, pa.ArrowInvalid):
        return None
    return found if found.schema_arrow.equals(arrow_schema(), check_metadata=False) else None
