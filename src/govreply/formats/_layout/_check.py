"""What an official-layout writer cannot print: characters that are no text."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import attrs

from govreply.errors import ValidationError
from govreply.formats._layout._options import LayoutOptions
from govreply.formats._layout._plan import Plan, plan
from govreply.model import ReplyLetter

__all__ = ["checked_plan", "page_title", "unprintable"]

# Tab and line feed print (as a space and a line break); other controls, unpaired surrogates
# and the noncharacters U+FFFE/U+FFFF cannot stand in a page or in XML.
_ALLOWED_CONTROLS = frozenset("\t\n")


def _bad(char: str) -> bool:
    if char in _ALLOWED_CONTROLS:
        return False
    return unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff"


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    cls = type(value)
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")
    elif attrs.has(cls):
        for field in attrs.fields(cls):
            name = f"{path}.{field.name}" if path else field.name
            yield from _strings(getattr(value, field.name), name)


def unprintable(letter: ReplyLetter) -> list[str]:
    """One problem per field of ``letter`` that holds a character no page can show.

    >>> from govreply.examples import seed_letter
    >>> unprintable(seed_letter())
    []
    """
    problems = []
    for path, text in _strings(letter, ""):
        bad = sorted({f"U+{ord(c):04X}" for c in text if _bad(c)})
        if bad:
            problems.append(f"{path} holds {', '.join(bad)}, which cannot be printed")
    return problems


def page_title(letter: ReplyLetter) -> str:
    """The text of the page's ``<title>``: the letter's title, else issuer and number."""
    if letter.title is not None:
        return letter.title
    parts = [letter.issuer, letter.doc_number.as_printed if letter.doc_number else None]
    return " ".join(p for p in parts if p) or "答复函"


def checked_plan(letter: ReplyLetter, options: LayoutOptions) -> Plan:
    """The printed parts of ``letter``, after checking it holds only printable text.

    Raises:
        ValidationError: some text holds a control character or a lone surrogate.
    """
    problems = unprintable(letter)
    if problems:
        raise ValidationError("; ".join(problems), field="letter", value=letter)
    return plan(letter, options)
