"""The analytics report: one self-contained HTML page about a Parquet file of letters.

:func:`write_report` reads a file written by ``govreply parse … --to parquet`` (or by
:func:`govreply.dataset.write_parquet`) and writes one HTML page: the class mix (overall, by
congress level, by issuer), satisfaction from returned feedback forms, when replies are dated,
letters per issuer, reply length, the share of letters a person should review and the most
common findings, each as a chart and a table, and the inputs that failed.

The page needs nothing but a browser: CSS inline, charts as inline SVG drawn by
:mod:`govreply.report._svg` (text stays text, so Chinese names are drawn with the reader's
fonts), no script, no font, image or style sheet from anywhere else.

Needs the ``arrow`` extra (``pip install 'govreply[arrow]'``).

>>> import pathlib, tempfile
>>> from govreply.dataset import write_parquet
>>> from govreply.examples import seed_letter
>>> folder = tempfile.mkdtemp()
>>> _ = write_parquet([seed_letter()], folder + "/letters.parquet")
>>> write_report(folder + "/letters.parquet", folder + "/report.html")
>>> pathlib.Path(folder, "report.html").read_text(encoding="utf-8")[:15]
'<!DOCTYPE html>'
"""

from __future__ import annotations

import os

import pyarrow as pa
import pyarrow.parquet as pq

from govreply.errors import DatasetError
from govreply.report._page import page
from govreply.report._stats import NEEDED

__all__ = ["read_rows", "render_report", "write_report"]

_TITLE = "govreply corpus report"


def render_report(table: pa.Table, *, title: str = _TITLE, source: str = "a table") -> str:
    """The report page on the rows of ``table`` (made by :func:`govreply.dataset.to_arrow`).

    Args:
        table: rows in the schema of :func:`govreply.dataset.arrow_schema` (the columns the
            report reads are enough).
        title: the page's title.
        source: what the page says the rows come from.

    Raises:
        govreply.errors.DatasetError: ``table`` lacks a column the report reads.
    """
    from govreply import __version__

    missing = [name for name in NEEDED if name not in table.column_names]
    if missing:
        raise DatasetError(f"not a table of govreply rows: no column {', '.join(missing)}")
    columns = {name: table.column(name).to_pylist() for name in NEEDED}
    return page(columns, title=title, source=source, version=__version__)


def read_rows(parquet: str | os.PathLike[str]) -> pa.Table:
    """The columns the report reads, from the Parquet file ``parquet``.

    Raises:
        govreply.errors.DatasetError: ``parquet`` is not a readable Parquet file.
    """
    name = os.fspath(parquet)
    try:
        schema = pq.read_schema(name)
        present = [column for column in NEEDED if column in schema.names]
        table: pa.Table = pq.read_table(name, columns=present)
    except (OSError, pa.ArrowException) as exc:
        raise DatasetError(f"not a readable Parquet file ({exc})", path=name) from exc
    return table


def write_report(
    parquet: str | os.PathLike[str], output: str | os.PathLike[str], *, title: str = _TITLE
) -> None:
    """Read the Parquet file ``parquet`` and write the report page to ``output``.

    Only the columns the report needs are read, so a large corpus's full records stay on disk.

    Raises:
        govreply.errors.DatasetError: ``parquet`` is not a readable Parquet file of govreply
            rows.
        OSError: ``output`` cannot be written.
    """
    source = os.path.basename(os.fspath(parquet))
    text = render_report(read_rows(parquet), title=title, source=source)
    with open(output, "w", encoding="utf-8") as stream:
        stream.write(text)
