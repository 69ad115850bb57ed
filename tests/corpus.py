"""Score the text reader on the corpora of real letters: per field, per letter, per set.

The corpora live in ``tests/data``: ``letters/`` (the tuning set, every letter of which must parse
to its expected fields) and ``heldout/`` (letters set aside, never looked at while tuning, scored
once to tell how the reader does on letters it was not tuned on). Each letter ``NNN`` has
``NNN.txt`` (the text as published), ``NNN.source.json`` and ``NNN.expected.json`` (the fields a
person read off the letter; ``tests/data/letters/README.md`` gives the conventions).

A *field* is a top-level key of the expectation, except that ``reference``, ``addressees`` and
``contact`` count one field per key inside them, and ``record`` one per entry. Run it::

    python tests/corpus.py            # both sets: fields right, letters refused
    python tests/corpus.py heldout -v # one set, with every wrong field
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from govreply.errors import TextParseError
from govreply.formats import text
from govreply.formats.text._grammar import fold, label_at
from govreply.model import Paragraph, ReplyLetter, Section

DATA = Path(__file__).parent / "data"
SETS = ("letters", "heldout")
# keys whose value is scored key by key (a missing part scores as one field)
_SPLIT = frozenset({"reference", "addressees", "contact", "record"})


def cases(name: str) -> list[Path]:
    """The letters of set ``name`` (their ``.txt`` paths), sorted."""
    return sorted((DATA / name).glob("*.txt"))


def expected(path: Path) -> dict[str, Any]:
    """The expectation of the letter at ``path``."""
    data: dict[str, Any] = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    return data


def _paragraphs(sections: tuple[Section, ...]) -> list[Paragraph]:
    found: list[Paragraph] = []
    for section in sections:
        found += section.paragraphs
        found += _paragraphs(section.subsections)
    return found


def _headings(sections: tuple[Section, ...]) -> list[str]:
    found: list[str] = []
    for section in sections:
        found.append(section.heading)
        found += _headings(section.subsections)
    return found


def tier(level: str | None) -> str | None:
    """The administrative tier of a congress level: 华容县 -> 县, 全国 -> 全国."""
    if level is None or level == "全国":
        return level
    return level[-1]


def actual(result: text.TextParseResult) -> dict[str, Any]:
    """The fields of a parse result, keyed as the expectations are."""
    letter: ReplyLetter = result.letter
    codes = {f.code for f in result.findings}
    paragraphs = list(letter.paragraphs) + _paragraphs(letter.sections)
    first = letter.sections[0].paragraphs if letter.sections else ()
    ref = letter.reference
    contact = letter.contact
    congress = ref.congress
    return {
        "kind": letter.kind.value,
        "role": letter.role.value,
        "issuer": letter.issuer,
        "doc_number": letter.doc_number.as_printed if letter.doc_number else None,
        "signer": letter.signer,
        "classification": letter.classification.code if letter.classification else None,
        "disclosure": (
            {"text": letter.disclosure.text, "kind": letter.disclosure.kind.value}
            if letter.disclosure
            else None
        ),
        "title": letter.title,
        "reference": {
            "kind": ref.kind.value,
            "congress": (
                {
                    "body": congress.body.value,
                    "level": tier(congress.level),
                    "term": congress.term,
                    "session": congress.session,
                }
                if congress is not None
                else None
            ),
            "number": ref.number,
            "printed_number": ref.printed_number,
            "title": ref.title,
        },
        "addressees": {
            "names": list(letter.addressees.names),
            "total": letter.addressees.total,
            "role": letter.addressees.role,
        },
        "section_headings": _headings(letter.sections),
        "paragraph_count_hint": len(paragraphs),
        "run_in_numbered_paragraphs": sum(1 for p in paragraphs if label_at(fold(p.text))),
        "inline_items_first_section": [i.text[:2] for p in first for i in p.items],
        "closing": letter.closing,
        "salutation": " ".join(letter.salutation) or None,
        "attachments": [a.title for a in letter.attachments],
        "signed_by": letter.signed_by,
        "date": letter.date.isoformat() if letter.date else None,
        "contact": (
            {"unit": contact.unit, "name": contact.name, "phone": contact.phone}
            if contact
            else None
        ),
        "cc": list(letter.cc),
        "cc_superiors": list(letter.cc_superiors),
        "has_feedback_form": letter.feedback_form is not None,
        "opening_startswith": (letter.opening or "")[:10],
        "truncated": "GT305" in codes,
        "record": dict(result.metadata),
    }


@attrs.frozen
class Miss:
    """One field read wrong: its name, what was expected and what was read."""

    field: str
    expected: Any
    actual: Any


def _normalise(key: str, value: Any) -> Any:
    if key == "reference.congress" and isinstance(value, dict):
        return {**value, "level": tier(value.get("level"))}
    return value


def fields(expect: dict[str, Any], got: dict[str, Any]) -> Iterator[tuple[str, bool, Miss]]:
    """Every scored field of ``expect``: ``(name, right, miss)``."""
    for key, want in expect.items():
        have = got.get(key)
        if key in _SPLIT and isinstance(want, dict):
            inner = have if isinstance(have, dict) else {}
            for sub, sub_want in want.items():
                name = f"{key}.{sub}"
                sub_want, sub_have = _normalise(name, sub_want), _normalise(name, inner.get(sub))
                yield name, sub_want == sub_have, Miss(name, sub_want, sub_have)
            continue
        if key == "paragraph_count_hint":
            right = isinstance(have, int) and abs(have - want) <= 1
        else:
            right = want == have
        yield key, right, Miss(key, want, have)


@attrs.frozen
class Score:
    """How one letter did: fields right of fields scored, the misses, or why it was refused."""

    name: str
    right: int
    total: int
    misses: tuple[Miss, ...] = ()
    refused: str | None = None


def score(path: Path) -> Score:
    """Parse the letter at ``path`` and compare it with its expectation."""
    expect = expected(path)
    try:
        result = text.parse(path.read_bytes())
    except TextParseError as exc:
        return Score(path.stem, 0, sum(1 for _ in fields(expect, {})), refused=str(exc))
    scored = list(fields(expect, actual(result)))
    misses = tuple(miss for _, right, miss in scored if not right)
    return Score(path.stem, len(scored) - len(misses), len(scored), misses)


def main(argv: list[str] | None = None) -> int:
    """Print the score of each set named (both by default)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", choices=SETS, default=list(SETS))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong field")
    args = parser.parse_args(argv)
    for name in args.sets:
        scores = [score(path) for path in cases(name)]
        right = sum(s.right for s in scores)
        total = sum(s.total for s in scores)
        refused = [s.name for s in scores if s.refused is not None]
        perfect = sum(1 for s in scores if not s.misses and s.refused is None)
        print(
            f"{name}: {len(scores)} letters, {right}/{total} fields right "
            f"({100 * right / max(total, 1):.1f}%), {perfect} letters perfect, "
            f"{len(refused)} refused {refused if refused else ''}".rstrip()
        )
        if args.verbose:
            for s in scores:
                if s.refused is not None:
                    print(f"  {s.name}: REFUSED {s.refused.splitlines()[0]}")
                for miss in s.misses:
                    print(
                        f"  {s.name} {miss.field}: expected {miss.expected!r}, got {miss.actual!r}"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
