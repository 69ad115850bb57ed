"""Every benchmark script runs at a tiny size, so a broken benchmark fails the suite.

The scripts are found, not listed: each ``bench/bench_*.py`` must have a ``main(argv)`` that
takes ``--tiny`` and returns 0, and a new script is run here as soon as it exists. The full-size
runs, which print the ratios against the peers, are ``nox -s bench``.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
SCRIPTS = sorted(BENCH.glob("bench_*.py"))
#: What a tiny run of a script prints, beyond returning 0 (a few words that prove it ran).
PRINTS: dict[str, tuple[str, ...]] = {
    "bench_case": ("ratio ", "check_case"),
    "bench_dataset": ("letters/s", "speed-up of -j 2 at 60 letters", "peak memory, 60 letters"),
    "bench_formats": ("ratio JSON vs pydantic v2", "ratio XML vs xsdata", "targets "),
    "bench_numerals": ("throughput ratio govreply/cn2an",),
    "bench_readers": ("pages/s", "HTML worst ratio"),
    "bench_text": ("seed ratio", "target: at most"),
    "bench_writers": ("two-page letter: govreply PDF 2 pages", "target "),
}


@pytest.fixture
def bench_path() -> Iterator[None]:
    """bench/ on sys.path, as when a script runs (the scripts import bench/peers.py)."""
    sys.path.insert(0, str(BENCH))
    try:
        yield
    finally:
        sys.path.remove(str(BENCH))


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


def test_every_script_is_known() -> None:
    """Each script says here what its tiny run prints (and no listed script is gone)."""
    assert {p.stem for p in SCRIPTS} == set(PRINTS)


@pytest.mark.usefixtures("bench_path")
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_benchmark_runs_tiny(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``main(["--tiny"])`` returns 0 and prints its measurements."""
    assert _load(script).main(["--tiny"]) == 0
    out = capsys.readouterr().out
    for words in PRINTS.get(script.stem, ()):
        assert words in out, f"{script.name} --tiny did not print {words!r}:\n{out}"
