"""Each benchmark script runs at a tiny size, so a broken benchmark fails the suite."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).parent.parent / "bench"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_bench_dataset_runs_tiny(capsys: pytest.CaptureFixture[str]) -> None:
    """bench_dataset prints rows per second, the -j 2 speed-up and the memory ratio."""
    bench = _load("bench_dataset")
    assert bench.main(["--sizes", "30,60", "--repeat", "1", "--generated", "3"]) == 0
    out = capsys.readouterr().out
    assert "letters/s" in out
    assert "speed-up of -j 2 at 60 letters" in out
    assert "peak memory, 60 letters over 30" in out
