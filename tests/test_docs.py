"""Every shell example in the docs runs and prints what the page shows.

Python examples on the docs site are ``{doctest}`` blocks, run by ``sphinx-build -b doctest``
(``nox -s docs``). Shell examples are ``console`` blocks; this module runs each ``$ govreply``
command in them with the installed script, in a scratch directory per page (holding a copy of
the sample letter texts as ``letters/``, the test documents as ``documents/`` and the seed letter
as ``reply.json``), and compares the
output with the page, where ``...`` matches anything.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govreply.examples import seed_letter
from govreply.formats import get_format

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
LETTERS = Path(__file__).parent / "data" / "letters"
DOCUMENTS = Path(__file__).parent / "data" / "documents"
# ```console ... ```  (a MyST fenced block of shell commands and their output)
CONSOLE = re.compile(r"^```console\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
CHECKER = doctest.OutputChecker()


def examples(page: Path) -> list[tuple[str, str]]:
    """The (command, expected output) pairs of a page's console blocks, in order."""
    pairs: list[tuple[str, str]] = []
    for block in CONSOLE.finditer(page.read_text(encoding="utf-8")):
        for chunk in re.split(r"^\$ ", block["body"], flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            pairs.append((command, output))
    return pairs


PAGES = sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts and examples(p))


def test_docs_have_shell_examples() -> None:
    """The docs show the command line (so the collection below is not silently empty)."""
    assert DOCS / "reference" / "cli.md" in PAGES


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_shell_examples_run(page: Path, tmp_path: Path) -> None:
    """Each `$ govreply ...` line of the page prints what the page shows (stdout and stderr)."""
    (tmp_path / "letters").mkdir()
    for letter in LETTERS.glob("*.txt"):
        shutil.copy(letter, tmp_path / "letters" / letter.name)
    (tmp_path / "reply.json").write_text(get_format("json").dumps(seed_letter()), "utf-8")
    # The published documents (PDF, DOCX, OFD, web pages) as documents/.
    shutil.copytree(DOCUMENTS, tmp_path / "documents", ignore=shutil.ignore_patterns("*.py"))
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    for command, expected in examples(page):
        assert command.startswith("govreply "), f"{page.name}: not a govreply command: {command}"
        done = subprocess.run(
            ["bash", "-c", f"{{ {command} ; }} 2>&1"],
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,  # no input named means the example, not a piped stdin
            capture_output=True,
            check=False,
        )
        got = done.stdout.decode("utf-8")
        assert CHECKER.check_output(expected, got, doctest.ELLIPSIS), (
            f"{page.name}: $ {command}\n--- expected\n{expected}--- got\n{got}"
        )
