"""The case-file benchmark runs at a tiny size, so a broken benchmark fails the test suite."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).parent.parent / "bench" / "bench_case.py"


def test_case_benchmark_runs_at_a_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    """bench_case.main reads its documents back and prints a ratio for each peer."""
    spec = importlib.util.spec_from_file_location("bench_case", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--size", "2", "--repeat", "1", "--number", "1"]) == 0
    out = capsys.readouterr().out
    assert out.count("ratio ") == 3
    assert "check_case" in out
