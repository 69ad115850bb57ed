"""The fuzz session's short version: a few seconds of mutation fuzzing in the default suite."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import fuzz


def test_a_short_fuzz_run_finds_no_failure() -> None:
    """Three seconds of mutated corpus letters: only govreply errors, no slow parse."""
    lines: list[str] = []
    assert fuzz.run(3.0, seed=1, hang=5.0, out=lines.append) == 0, lines
    assert "0 failures" in lines[-1]
