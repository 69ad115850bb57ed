"""govreply.dask: the rows as a Dask DataFrame, computed on a local cluster of two processes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from distributed import Client, LocalCluster, get_task_stream

from govreply.dask import meta, read_letters
from govreply.dataset import arrow_schema, parse_one, to_arrow

LETTERS = Path(__file__).parent / "data" / "letters"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A cluster of two worker processes, one thread each, on this machine only."""
    with (
        LocalCluster(  # type: ignore[no-untyped-call]  # distributed leaves it unannotated
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        ) as cluster,
        Client(cluster) as connected,  # type: ignore[no-untyped-call]
    ):
        yield connected


def test_meta_is_the_arrow_schema() -> None:
    """The frame's meta has the row schema's columns with their Arrow types."""
    frame = meta()
    assert list(frame.columns) == arrow_schema().names
    types = []
    for name in frame.columns:
        dtype = frame[name].dtype
        assert isinstance(dtype, pd.ArrowDtype)
        types.append(str(dtype.pyarrow_dtype))
    assert types == [str(field.type) for field in arrow_schema()]


def test_read_letters_on_a_two_process_cluster(client: Client, tmp_path: Path) -> None:
    """Both workers parse partitions; one row per file, failures included, as parse_one gives."""
    bad = tmp_path / "bad.txt"
    bad.write_text("这不是一封答复函", "utf-8")
    paths = [*sorted(str(p) for p in LETTERS.glob("*.txt"))[:40], str(bad)]
    frame = read_letters(paths, files_per_partition=7)
    assert frame.npartitions == 6
    with get_task_stream(client) as tasks:
        computed = frame.compute()  # type: ignore[no-untyped-call]
    assert len({task["worker"] for task in tasks.data}) == 2  # both processes took partitions
    assert len(set(client.run(os.getpid).values())) == 2
    assert len(computed) == len(paths)
    assert computed["source"].tolist() == paths
    assert computed["error_type"].iloc[-1] == "TextParseError"
    expected = to_arrow([parse_one(p) for p in paths]).to_pandas(types_mapper=pd.ArrowDtype)
    pd.testing.assert_frame_equal(computed.reset_index(drop=True), expected)


def test_read_letters_takes_a_glob(client: Client) -> None:
    """A glob pattern names the files; aggregations run on the cluster."""
    frame = read_letters(f"{LETTERS}/*.txt")
    kinds = frame.groupby("kind")["source"].count().compute().to_dict()
    assert sum(kinds.values()) == len(list(LETTERS.glob("*.txt")))


def test_no_files_is_an_error(tmp_path: Path) -> None:
    """A pattern that matches nothing is refused before any work is planned."""
    with pytest.raises(ValueError, match="no letter files"):
        read_letters(f"{tmp_path}/*.txt")
