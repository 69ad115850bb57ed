"""The writers' benchmark runs (at tiny size), so a broken benchmark fails the suite."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_writers.py"


def test_bench_writers_runs_tiny(capsys: pytest.CaptureFixture[str]) -> None:
    """bench_writers.main(["--tiny"]) prints a line per writer and the two targets."""
    spec = importlib.util.spec_from_file_location("bench_writers", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--tiny"]) == 0
    out = capsys.readouterr().out
    assert "two-page letter: govreply PDF 2 pages" in out
    for name in ("docx", "html", "pdf", "typst"):
        assert f"{name:>6}  " in out
    assert out.count("target ") == 2
