"""Help for :mod:`govreply.cli`: an example in every command's ``--help``, and shell completion.

:func:`add_examples` gives each command's help an ``examples:`` section; :func:`add_completion`
adds ``govreply completion bash`` (or ``zsh``), which prints a completion script made from the
argument parser itself, so it knows every command and option the installed version has::

    eval "$(govreply completion bash)"      # in ~/.bashrc
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from typing import Any

__all__ = [
    "EXAMPLES",
    "add_completion",
    "add_examples",
    "add_explain",
    "codes_page",
    "completion_script",
    "explain",
    "text_codes",
]

#: Examples shown at the end of each command's ``--help`` (``case`` by its subcommands).
EXAMPLES: dict[str, tuple[str, ...]] = {
    "parse": (
        "govreply parse letter.txt > letter.json      # one letter -> JSON",
        "govreply parse letters/ --glob '*.txt' > all.jsonl   # a folder -> JSON Lines",
        "cat letter.txt | govreply parse --to xml     # stdin is read when piped",
    ),
    "convert": (
        "govreply convert letter.json --to xml -o letter.xml",
        "govreply convert letter.json -o letter.pdf   # the official layout",
        "govreply convert all.jsonl --to text -o out/   # one file per letter",
    ),
    "check": (
        "govreply check letter.txt                    # findings, exit 1 on errors",
        "govreply check letters/ --strict --json > findings.json",
    ),
    "schema": ("govreply schema json > reply-letter.schema.json",),
    "numeral": ("govreply numeral 12345 --style upper    # 壹万贰仟叁佰肆拾伍",),
    "case": ("govreply case build --meta 交办日期=2024-03-01 > case.json",),
    "report": ("govreply report letters.parquet -o report.html",),
    "completion": ('eval "$(govreply completion bash)"    # in ~/.bashrc',),
    "explain": ("govreply explain GR401 GT305",),
}


def add_examples(commands: Any) -> None:
    """Give every command in the subparsers action ``commands`` its examples in ``--help``."""
    for name, parser in commands.choices.items():
        examples = EXAMPLES.get(name)
        if not examples:
            continue
        text = "examples:\n" + "\n".join(f"  {line}" for line in examples)
        parser.epilog = f"{parser.epilog}\n\n{text}" if parser.epilog else text
        parser.formatter_class = argparse.RawDescriptionHelpFormatter


def add_completion(commands: Any, root: argparse.ArgumentParser) -> None:
    """Add ``govreply completion SHELL``, which prints the completion script of ``root``."""
    parser = commands.add_parser(
        "completion",
        help="print a shell completion script (bash or zsh)",
        description="Print a script that completes govreply's commands, options and their "
        "choices in bash or zsh. Load it from your shell's start-up file.",
    )
    parser.add_argument("shell", choices=("bash", "zsh"), help="the shell to complete in")

    def run(args: argparse.Namespace) -> int:
        sys.stdout.write(completion_script(root, args.shell))
        return 0

    parser.set_defaults(run=run)


def _words(parser: argparse.ArgumentParser) -> tuple[list[str], dict[str, argparse.ArgumentParser]]:
    """The option strings of ``parser`` (and fixed choices of positionals), and its commands."""
    words: list[str] = []
    commands: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands.update(action.choices)
        elif action.option_strings:
            words += action.option_strings
        elif action.choices:
            words += [str(c) for c in action.choices]
    return words, commands


def _cases(parser: argparse.ArgumentParser, path: str, out: list[str]) -> None:
    """One ``case`` arm per command path and option with choices ("parse|--to"), and per path."""
    words, commands = _words(parser)
    for action in parser._actions:
        if action.option_strings and action.choices:
            values = shlex.quote(" ".join(str(c) for c in action.choices))
            for option in action.option_strings:
                out.append(f"        {shlex.quote(f'{path}|{option}')}) echo {values};;")
    everything = shlex.quote(" ".join([*commands, *words]))
    out.append(f"        {shlex.quote(path + '|')}) echo {everything};;")
    for name, sub in commands.items():
        _cases(sub, f"{path} {name}".strip(), out)


def completion_script(parser: argparse.ArgumentParser, shell: str = "bash") -> str:
    """A bash (or zsh, through bashcompinit) completion script for ``parser``'s program.

    The script finds the command path typed so far (``case build``), then offers the choices
    of the option just typed (``--to`` -> ``json xml …``), else the path's commands and options,
    else file names.

    >>> from govreply.cli import _build_parser
    >>> script = completion_script(_build_parser())
    >>> "complete -o default -F _govreply govreply" in script, "'parse|--to')" in script
    (True, True)
    """
    prog = parser.prog
    arms: list[str] = []
    _cases(parser, "", arms)
    lines = [
        f'# {prog} completion for {shell}: eval "$({prog} completion {shell})"',
        *(["autoload -U +X bashcompinit && bashcompinit"] if shell == "zsh" else []),
        f"_{prog}_words() {{",
        '    case "$1" in',
        *arms,
        "    esac",
        "}",
        f"_{prog}() {{",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local path="" next i words',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        next="${path:+$path }${COMP_WORDS[i]}"',
        f'        if [ -n "$(_{prog}_words "$next|")" ]; then path="$next"; fi',
        "    done",
        f'    words="$(_{prog}_words "$path|$prev")"',
        f'    if [ -z "$words" ]; then words="$(_{prog}_words "$path|")"; fi',
        '    COMPREPLY=($(compgen -W "$words" -- "$cur"))',
        "}",
        f"complete -o default -F _{prog} {prog}",
        "",
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- explain

# A row of the text reader's code table: "GT305   error     the text looks cut off …"
_TEXT_ROW = re.compile(r"^(GT\d{3})\s{2,}(?:(error|inferred|unplaced)\s+)?(\S.*)$")


def text_codes() -> dict[str, tuple[str | None, str]]:
    """The text reader's finding codes: each one's review kind (or ``None``) and meaning."""
    from govreply.formats import text

    rows = (_TEXT_ROW.match(line) for line in (text.__doc__ or "").splitlines())
    return {m[1]: (m[2], m[3].replace("``", "")) for m in rows if m is not None}


def explain(code: str) -> str | None:
    """What the finding code ``code`` means, on one line; ``None`` for an unknown code.

    >>> explain("GR401")
    'GR401 warning: attachment note label is not 附件 (GB/T 9704-2012 §7.3.4; govreply.check)'
    >>> explain("gt103")
    'GT103: layout spaces were removed from the title (the text reader)'
    """
    from govreply.case import CASE_RULES
    from govreply.rules import RULES

    code = code.strip().upper()
    for table, who in ((RULES, "govreply.check"), (CASE_RULES, "govreply.case.check_case")):
        rule = table.get(code)
        if rule is not None:
            return f"{code} {rule.severity.value}: {rule.summary} ({rule.source}; {who})"
    found = text_codes().get(code)
    if found is None:
        return None
    review, meaning = found
    return f"{code}{' ' + review if review else ''}: {meaning} (the text reader)"


def add_explain(commands: Any) -> None:
    """Add ``govreply explain CODE...``: what each finding code means."""
    parser = commands.add_parser(
        "explain",
        help="say what a finding code (GR…, GC…, GT…) means",
        description="Print what each finding code means: its severity, summary and where the "
        "rule comes from. Codes: GR (govreply.check), GC (case files), GT (the text reader).",
    )
    parser.add_argument("codes", nargs="+", metavar="CODE", help="finding codes, e.g. GR401")

    def run(args: argparse.Namespace) -> int:
        status = 0
        for code in args.codes:
            line = explain(code)
            if line is None:
                sys.stdout.flush()
                sys.stderr.write(
                    f"govreply: error: {code}: no such finding code (GR…, GC… or GT…; "
                    "the rules page of the docs lists them all)\n"
                )
                status = 1
            else:
                sys.stdout.write(line + "\n")
        return status

    parser.set_defaults(run=run)


def codes_page() -> str:
    """The docs page listing every finding code under an anchor of its own (``#gr401``).

    ``docs/reference/codes.md`` is this text; ``tests/test_cli_help.py`` keeps it so.
    """
    from govreply.case import CASE_RULES
    from govreply.rules import RULES

    out = [
        "# Finding codes",
        "",
        "The codes of the rules and of the text reader, each under its own anchor",
        "(`codes.html#gr401`).",
        "`govreply explain CODE` prints the same line on the command line:",
        "",
        "```console",
        "$ govreply explain GR401",
        explain("GR401") or "",
        "```",
        "",
        "This page is generated from the code (`govreply._cli_help.codes_page`); a test keeps",
        "it in step.",
    ]
    sections = (
        ("GR: the rules of `govreply.check`", RULES),
        ("GC: the rules of `govreply.case.check_case`", CASE_RULES),
    )
    for title, table in sections:
        out += ["", f"## {title}", ""]
        for rule in table.values():
            out += [
                f"({rule.code.lower()})=",
                f"### {rule.code}",
                "",
                f"**{rule.severity.value}**: {rule.summary} (source: {rule.source})",
                "",
            ]
    out += ["", "## GT: the findings of the text reader", ""]
    for code, (review, meaning) in text_codes().items():
        kind = f"**{review}** (review): " if review else ""
        out += [f"({code.lower()})=", f"### {code}", "", f"{kind}{meaning}", ""]
    return "\n".join(out).rstrip() + "\n"
