"""Letters as data: one flat Arrow row per input, Parquet files, and batches in parallel.

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
