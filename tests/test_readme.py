"""The README's Python example runs as printed and says what it prints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
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


CONSOLE = re.search(
    r"## On the command line\n.*?```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL
)


def test_readme_commands_run_on_files_that_exist(tmp_path: Path) -> None:
    """Each command-line example runs, in order, from a clone's root: no missing file, no crash."""
    assert CONSOLE is not None
    (tmp_path / "tests").symlink_to(README.parent / "tests", target_is_directory=True)
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    for line in CONSOLE[1].splitlines():
        command = line.split("  #", 1)[0].strip()
        assert command.startswith("govreply "), line
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
            timeout=600,
        )
        err = done.stderr.decode("utf-8")
        assert done.returncode in (0, 1), (command, err)
        assert "Traceback" not in err, (command, err)
        assert "No such file" not in err, (command, err)
        assert " error: " not in err, (command, err)  # a bad input, not findings
    assert (tmp_path / "report.html").stat().st_size > 0
