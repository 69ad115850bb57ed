"""Every command's --help carries an example; `govreply completion` completes in a real bash."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from govreply._cli_help import EXAMPLES, completion_script
from govreply.cli import _build_parser, main


def _commands() -> list[str]:
    parser = _build_parser()
    action = next(a for a in parser._actions if hasattr(a, "choices") and a.choices)
    return sorted(action.choices)  # type: ignore[arg-type]


def test_every_command_has_examples() -> None:
    """A command without examples fails here (and no listed command is gone)."""
    assert set(_commands()) == set(EXAMPLES)


@pytest.mark.parametrize("command", _commands())
def test_help_shows_the_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`govreply COMMAND --help` ends with its examples, each starting with a command line."""
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "\nexamples:\n" in out
    for line in EXAMPLES[command]:
        assert line in out


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    ("typed", "offered"),
    [
        ("govreply ''", {"parse", "convert", "check", "completion", "--version"}),
        ("govreply parse --to ''", {"json", "xml", "text", "exchange"}),
        ("govreply case ''", {"build", "check", "convert", "schema"}),
        ("govreply parse a.txt --com", {"--compact"}),
        ("govreply completion ''", {"bash", "zsh"}),
    ],
)
def test_bash_completion_offers_commands_options_and_choices(typed: str, offered: set[str]) -> None:
    """The script, loaded into bash, completes what a user has typed so far."""
    script = completion_script(_build_parser(), "bash")
    probe = (
        f"{script}\nCOMP_WORDS=({typed}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); "
        '_govreply; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True)
    assert offered <= set(done.stdout.split()), done.stdout


def test_completion_command_prints_the_script(capsys: pytest.CaptureFixture[str]) -> None:
    """`govreply completion zsh` prints the bash script behind bashcompinit."""
    assert main(["completion", "zsh"]) == 0
    out = capsys.readouterr().out
    assert "bashcompinit" in out
    assert out.rstrip().endswith("complete -o default -F _govreply govreply")


def test_explain_says_what_each_code_means(capsys: pytest.CaptureFixture[str]) -> None:
    """`govreply explain` prints a line per known code; an unknown one is an error line."""
    assert main(["explain", "GR401", "gt305", "GC101"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("GR401 warning: attachment note label is not 附件")
    assert out[1].startswith("GT305 error: the text looks cut off")
    assert out[2].startswith("GC101 error:")
    assert main(["explain", "GD106", "GW101"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("GD106: python-docx could not open the package")
    assert out[1].startswith("GW101 warning: a typeface fell back")
    assert main(["explain", "GR999"]) == 1
    assert "GR999: no such finding code" in capsys.readouterr().err


def test_the_codes_page_has_an_anchor_per_code() -> None:
    """docs/reference/codes.md is what codes_page() writes: every code, each with its anchor."""
    from pathlib import Path

    from govreply._cli_help import codes_page, reader_codes
    from govreply.case import CASE_RULES
    from govreply.rules import RULES

    page = Path(__file__).resolve().parents[1] / "docs" / "reference" / "codes.md"
    assert page.read_text(encoding="utf-8") == codes_page(), "regenerate: see codes_page()"
    for code in [*RULES, *CASE_RULES, *reader_codes()]:
        assert f"({code.lower()})=\n### {code}\n" in codes_page()
    assert {code[:2] for code in reader_codes()} == {"GT", "GH", "GP", "GW", "GD", "GO"}


def test_every_code_the_library_reports_is_explained() -> None:
    """A code written anywhere in src (``note("GD106", …)``) has its line in explain."""
    import re
    from pathlib import Path

    from govreply._cli_help import explain

    src = Path(__file__).resolve().parents[1] / "src" / "govreply"
    used = {
        code
        for path in src.rglob("*.py")
        for code in re.findall(r"[\"'](G[A-Z][0-9]{3})[\"']", path.read_text(encoding="utf-8"))
    }
    assert len(used) > 60
    assert sorted(code for code in used if explain(code) is None) == []
