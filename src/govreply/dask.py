"""Letters as a Dask DataFrame: one partition per chunk of files, parsed where Dask runs it.

:func:`read_letters` builds a lazy :class:`dask.dataframe.DataFrame` with the row schema of
:func:`govreply.dataset.arrow_schema` (its ``meta`` is that schema, as pandas Arrow-backed
columns, so nested records and nullable integers keep their types). Each partition is the rows
of a few hundred files, made by :func:`govreply.dataset.parse_one` on a worker; nothing is read
until the frame is computed. On a cluster, the files must be readable from every worker (a
shared file system).

Needs the ``dask`` extra (``pip install 'govreply[dask]'``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

try:
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:  # pragma: no cover - the extra is installed wherever tests run
    raise ImportError("govreply.dask needs dask: pip install 'govreply[dask]'") from exc

from govreply.dataset import arrow_schema, letter_files, parse_one, to_batch
from govreply.formats import FormatName

__all__ = ["FILES_PER_PARTITION", "meta", "read_letters"]

#: Files parsed into one partition, unless told otherwise (about a tenth of a second of work).
FILES_PER_PARTITION = 256


def meta() -> pd.DataFrame:
    """An empty pandas frame with the row schema: the ``meta`` of :func:`read_letters`.

    >>> frame = meta()
    >>> len(frame), str(frame["congress_term"].dtype), str(frame["date"].dtype)
    (0, 'int64[pyarrow]', 'date32[day][pyarrow]')
    """
    return arrow_schema().empty_table().to_pandas(types_mapper=pd.ArrowDtype)


def _partition(paths: Sequence[str], fmt: FormatName | None, rules: bool) -> pd.DataFrame:
    rows = [parse_one(path, fmt=fmt, rules=rules) for path in paths]
    return to_batch(rows, errors="row").to_pandas(types_mapper=pd.ArrowDtype)


def read_letters(
    paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    files_per_partition: int = FILES_PER_PARTITION,
    fmt: FormatName | None = None,
    rules: bool = True,
) -> dd.DataFrame:
    """A lazy frame of one row per input file, failed ones with their error.

    Args:
        paths_or_glob: files, directories (their letter files) or glob patterns
            (``letters/**/*.txt``), as :func:`govreply.dataset.letter_files` reads them.
        files_per_partition: files parsed into one partition.
        fmt: read every file as this format instead of the one its extension or content says.
        rules: add the findings of :func:`govreply.check` to each row.

    Raises:
        ValueError: no file matches ``paths_or_glob``, or ``files_per_partition`` is below 1.
    """
    if files_per_partition < 1:
        raise ValueError(f"files_per_partition must be at least 1, got {files_per_partition}")
    paths = letter_files(paths_or_glob)
    if not paths:
        raise ValueError(f"no letter files in {paths_or_glob!r}")
    chunks = [paths[i : i + files_per_partition] for i in range(0, len(paths), files_per_partition)]
    frame: dd.DataFrame = dd.from_map(  # type: ignore[no-untyped-call]  # dask has no hints here
        _partition,
        chunks,
        args=(fmt, rules),
        meta=meta(),
        label="govreply-read-letters",
        enforce_metadata=False,
    )
    return frame
