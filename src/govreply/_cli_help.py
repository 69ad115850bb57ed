"""Help for :mod:`govreply.cli`: an example in every command's ``--help``, and shell completion.

:func:`add_examples` gives each command's help an ``examples:`` section; :func:`add_completion`
adds ``govreply completion bash`` (or ``zsh``), which prints a completion script made from the
argument parser itself, so it knows every command and option the installed version has::

    eval "$(govreply completion bash)"      # in ~/.bashrc
"""

from __future__ import annotations

import argparse
import ast
import functools
import importlib.util
import re
import shlex
import sys
from pathlib import Path
from typing import Any, Final

__all__ = [
    "EXAMPLES",
    "READERS",
    "add_completion",
    "add_examples",
    "add_explain",
    "codes_page",
    "completion_script",
    "explain",
    "reader_codes",
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

# The modules whose docstrings hold a code table, and who reports those codes.
READERS: Final = (
    ("GT", "govreply.formats.text", "the text reader"),
    ("GH", "govreply.formats.html", "the web-page reader"),
    ("GP", "govreply.formats.pdf", "the PDF reader"),
    ("GW", "govreply.formats.pdf", "the PDF writer"),
    ("GD", "govreply.formats.docx", "the DOCX reader"),
    ("GO", "govreply.formats.ofd", "the OFD reader"),
)
# A row of a code table: "GT305   error     the text looks cut off …"
_ROW = re.compile(r"^(G[A-Z]\d{3})\s{2,}(?:(error|warning|inferred|unplaced)\s+)?(\S.*)$")


def _docstring(module: str) -> str:
    """A module's docstring, read from its source: a reader's extra need not be installed."""
    spec = importlib.util.find_spec(module)
    source = Path(spec.origin).read_text(encoding="utf-8") if spec and spec.origin else ""
    return ast.get_docstring(ast.parse(source)) or ""


@functools.cache
def reader_codes() -> dict[str, tuple[str | None, str, str]]:
    """The finding codes of the readers and writers: each one's kind, meaning and reporter.

    The kind is the table's (``error``, ``warning``) or, for the other readers, what the code
    means for a review (``inferred``, ``unplaced``); ``None`` for a plain note.
    """
    from govreply.model.review import INFERRED_CODES, UNPLACED_CODES

    codes: dict[str, tuple[str | None, str, str]] = {}
    for prefix, module, who in READERS:
        for line in _docstring(module).splitlines():
            m = _ROW.match(line)
            if m is None or not m[1].startswith(prefix):
                continue
            kind = m[2]
            if kind is None and m[1] in INFERRED_CODES:
                kind = "inferred"
            elif kind is None and m[1] in UNPLACED_CODES:
                kind = "unplaced"
            codes[m[1]] = (kind, m[3].replace("``", ""), who)
    return codes


def explain(code: str) -> str | None:
    """What the finding code ``code`` means, on one line; ``None`` for an unknown code.

    >>> explain("GR401")
    'GR401 warning: attachment note label is not 附件 (GB/T 9704-2012 §7.3.4; govreply.check)'
    >>> explain("gt103")
    'GT103: layout spaces were removed from the title (the text reader)'
    >>> explain("GO203")
    'GO203 inferred: a field the letter lacks was taken from the custom tags (the OFD reader)'
    """
    from govreply.case import CASE_RULES
    from govreply.rules import RULES

    code = code.strip().upper()
    for table, who in ((RULES, "govreply.check"), (CASE_RULES, "govreply.case.check_case")):
        rule = table.get(code)
        if rule is not None:
            return f"{code} {rule.severity.value}: {rule.summary} ({rule.source}; {who})"
    found = reader_codes().get(code)
    if found is None:
        return None
    kind, meaning, who = found
    return f"{code}{' ' + kind if kind else ''}: {meaning} ({who})"


def add_explain(commands: Any) -> None:
    """Add ``govreply explain CODE...``: what each finding code means."""
    parser = commands.add_parser(
        "explain",
        help="say what a finding code (GR…, GC…, GT…, GH…) means",
        description="Print what each finding code means: its severity, summary and where the "
        "rule comes from. Codes: GR (govreply.check), GC (case files), GT (the text reader), "
        "GH, GP, GD, GO (the web-page, PDF, DOCX and OFD readers), GW (the PDF writer).",
    )
    parser.add_argument("codes", nargs="+", metavar="CODE", help="finding codes, e.g. GR401")

    def run(args: argparse.Namespace) -> int:
        status = 0
        for code in args.codes:
            line = explain(code)
            if line is None:
                sys.stdout.flush()
                sys.stderr.write(
                    f"govreply: error: {code}: no such finding code (the codes page of the docs "
                    "lists them all)\n"
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
        "The codes of the rules, the readers and the writers, each under its own anchor",
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
    for prefix, _, who in READERS:
        out += ["", f"## {prefix}: the findings of {who}", ""]
        for code, (kind, meaning, _) in reader_codes().items():
            if code.startswith(prefix):
                label = f"**{kind}**: " if kind else ""
                out += [f"({code.lower()})=", f"### {code}", "", f"{label}{meaning}", ""]
    return "\n".join(out).rstrip() + "\n"
