"""Letters as data: one flat Arrow row per input, Parquet files, and batches in parallel.

:func:`parse_one` reads one input (text, JSON or XML, as :func:`read_letter` tells them apart)
into a :class:`Row` and never raises: an input that cannot be read is a row whose ``error``
says why. :func:`to_arrow` turns rows (or letters built in Python) into a table of
:func:`arrow_schema`: the columns researchers filter on (:data:`COLUMNS`, each documented in
its field's metadata and in the how-to "Parse a folder of letters into Parquet"), then the
full record as the nested column ``letter``; :func:`from_arrow` gives the rows back.

For many inputs, :func:`parse_files` parses in worker processes and streams record batches,
:func:`write_parquet` writes them in row groups, and :func:`parse_to_parquet` does both,
restartably, for ``govreply parse … --to parquet``. :func:`parse_batches` is the same row
function in the shape of Spark's ``mapInArrow``.

>>> from govreply.examples import seed_text
>>> table = to_arrow([parse_one("055.txt", data=seed_text().encode("utf-8"))])
>>> table.num_rows, table["congress"][0].as_py(), table["level"][0].as_py()
(1, '区二届人大四次会议', '区')

Needs the ``arrow`` extra (``pip install 'govreply[arrow]'``).
"""

from __future__ import annotations

try:
    import pyarrow  # noqa: F401  (checked here so the message names the extra)
except ImportError as exc:  # pragma: no cover - the extra is installed wherever tests run
    raise ImportError("govreply.dataset needs pyarrow: pip install 'govreply[arrow]'") from exc

from govreply.dataset._batch import (
    BatchOptions,
    Summary,
    letter_files,
    parse_batches,
    parse_files,
    parse_to_parquet,
    write_parquet,
)
from govreply.dataset._read import EXTENSIONS, Reading, read_letter
from govreply.dataset._row import (
    COLUMNS,
    ROW_VERSION,
    Column,
    Row,
    arrow_schema,
    from_arrow,
    level_of,
    parse_one,
    place_of,
    to_arrow,
    to_batch,
)

__all__ = [
    "COLUMNS",
    "EXTENSIONS",
    "ROW_VERSION",
    "BatchOptions",
    "Column",
    "Reading",
    "Row",
    "Summary",
    "arrow_schema",
    "from_arrow",
    "letter_files",
    "level_of",
    "parse_batches",
    "parse_files",
    "parse_one",
    "parse_to_parquet",
    "place_of",
    "read_letter",
    "to_arrow",
    "to_batch",
    "write_parquet",
]


def __dir__() -> list[str]:
    return list(__all__)
