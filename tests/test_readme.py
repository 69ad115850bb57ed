"""The README's Python example runs as printed and says what it prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def test_readme_has_a_python_example() -> None:
    """There is an example to run."""
    assert BLOCKS


@pytest.mark.parametrize("block", BLOCKS)
def test_readme_python_example_runs_and_prints_its_comments(
    block: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each block runs; a print() line's trailing '# …' comment is what it prints."""
    exec(compile(block, str(README), "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    promised = [
        line.split("#", 1)[1].strip()
        for line in block.splitlines()
        if line.startswith("print(") and "#" in line and "e.g." not in line
    ]
    for claim in promised:
        assert any(claim == out.strip() for out in printed), claim
