"""Rules on the head of a letter: doc number, classification, title, addressees, opening."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from govreply._rules._table import ends_with_punctuation, finding
from govreply.errors import NumeralError
from govreply.model import (
    Addressees,
    Classification,
    ClassificationScheme,
    DocumentNumber,
    Finding,
    ItemKind,
    ReplyLetter,
    ReplyRole,
)
from govreply.numerals import format_number, parse_number

__all__ = [
    "check_addressees",
    "check_classification",
    "check_doc_number",
    "check_opening",
    "check_reference",
    "check_title",
]

# 赣区教议〔2024〕2号 and misprints: [2024] 【2024】 (2024) 第2号 02号 ２０２４  (GB/T 9704 7.2.4)
_PRINTED_NUMBER = re.compile(
    r"""
    (?P<code>.*?\S)\s*
    (?P<open>[^\s0-9０-９])\s*(?P<year>[0-9０-９]{1,8})\s*(?P<close>[^\s0-9０-９])\s*
    (?P<di>第?)\s*(?P<serial>[0-9０-９]{1,18})\s*号
    """,
    re.VERBOSE,
)

_FULL_WIDTH_DIGITS = frozenset("０１２３４５６７８９")

# 第55号 / 第五十五号 / 第５５号  (the item number a title cites)
_NUMERAL = "0-9０-９〇零一二两三四五六七八九十百千万"
_CITED_NUMBER = re.compile(rf"第\s*(?P<number>[{_NUMERAL}]{{1,18}})\s*号")


def check_doc_number(number: DocumentNumber | None) -> Iterator[Finding]:
    """GR101–GR106: the printed doc number against 代字〔YYYY〕N号."""
    if number is None or number.printed is None:
        return  # the standard form is derived from the fields, so it cannot be misprinted
    printed = number.printed
    if not number.is_complete:
        missing = [
            name
            for name, value in (
                ("agency code", number.agency_code),
                ("year", number.year),
                ("serial", number.serial),
            )
            if value is None
        ]
        yield finding("GR106", "doc_number", f"no {' or '.join(missing)} in {printed!r}")
        return
    assert number.year is not None  # is_complete
    match = _PRINTED_NUMBER.fullmatch(printed.strip())
    if match is None:
        yield finding("GR106", "doc_number", f"cannot read {printed!r} as 代字〔YYYY〕N号")
        return
    if (match["open"], match["close"]) != ("〔", "〕"):
        found = match["open"] + match["close"]
        yield finding("GR101", "doc_number", f"year in {found} instead of 〔〕 in {printed!r}")
    if len(match["year"]) != 4:
        yield finding("GR102", "doc_number", f"year {match['year']!r} is not four digits")
    if unicodedata.normalize("NFKC", match["serial"]).startswith("0"):
        yield finding("GR103", "doc_number", f"serial {match['serial']!r} has a leading zero")
    if match["di"]:
        yield finding("GR104", "doc_number", f"第 before the serial in {printed!r}")
    if any(ch.isspace() or ch in _FULL_WIDTH_DIGITS for ch in printed):
        yield finding("GR105", "doc_number", f"full-width digits or spaces in {printed!r}")
    # a short year (〔24〕) is compared with the year's last digits: GR102 already reports it
    year_digits = len(match["year"])
    expected_year = number.year if year_digits >= 4 else number.year % 10**year_digits
    fields = (
        unicodedata.normalize("NFKC", match["code"]),
        int(match["year"]),
        int(match["serial"]),
    )
    if fields != (number.agency_code, expected_year, number.serial):
        yield finding("GR106", "doc_number", f"{printed!r} disagrees with {str(number)!r}")


def check_classification(
    classification: Classification | None, scheme: ClassificationScheme | None
) -> Iterator[Finding]:
    """GR601: the letter's classification is one the scheme defines."""
    if scheme is not None and classification is not None and not scheme.accepts(classification):
        yield finding(
            "GR601",
            "classification",
            f"scheme {scheme.name!r} does not define {classification.code!r}"
            f" (it offers {' '.join(scheme.options or tuple(scheme.meanings))})",
        )


def check_title(title: str | None) -> Iterator[Finding]:
    """GR200–GR204: a title, without final punctuation, spaces or unbalanced book-title marks."""
    if title is None:
        yield finding("GR200", "title", "no title (standard_title() gives the usual one)")
        return
    if ends_with_punctuation(title):
        yield finding("GR201", "title", f"title ends with {title.rstrip()[-1]!r}")
    if any(ch.isspace() for ch in title):
        yield finding("GR202", "title", "title contains spaces (layout is not part of a title)")
    yield from _book_title_marks(title)


def _book_title_marks(title: str) -> Iterator[Finding]:
    """《 opens the outer level and 〈 the inner one (GB/T 15834-2011 §4.15.3)."""
    stack: list[str] = []
    nesting_reported = False
    for position, ch in enumerate(title):
        if ch in "《〈":
            wrong = (ch == "《" and bool(stack)) or (ch == "〈" and stack != ["《"])
            if wrong and not nesting_reported:
                nesting_reported = True
                yield finding(
                    "GR204",
                    "title",
                    f"{ch} at position {position}: use 《 outside and 〈 inside 《…〈…〉…》",
                )
            stack.append(ch)
        elif ch in "》〉":
            if not stack or stack[-1] != {"》": "《", "〉": "〈"}[ch]:
                yield finding("GR203", "title", f"{ch} at position {position} closes nothing")
                return
            stack.pop()
    if stack:
        yield finding("GR203", "title", f"{''.join(stack)} never closed")


def check_reference(letter: ReplyLetter) -> Iterator[Finding]:
    """GR502–GR503: the item reference agrees with the letter's kind and title."""
    reference = letter.reference
    if reference.number is not None and letter.title is not None:
        matches = _CITED_NUMBER.finditer(letter.title)
        cited = {n for m in matches if (n := _cited_number(m["number"])) is not None}
        if cited and reference.number not in cited:
            numbers = "、".join(str(n) for n in sorted(cited))
            yield finding(
                "GR503", "title", f"title cites No. {numbers}, the item is No. {reference.number}"
            )
    if reference.kind is not letter.kind:
        yield finding(
            "GR502",
            "reference.kind",
            f"the letter answers a {letter.kind.chinese} but cites a {reference.kind.chinese}",
        )
    expected = _ROLE_OF_KIND[letter.kind]
    role = letter.addressees.role
    if role in _ROLE_OF_KIND.values() and role != expected and letter.role is ReplyRole.REPLY:
        yield finding(
            "GR506",
            "addressees.role",
            f"a {letter.kind.chinese} reply is addressed to {role} (usually {expected})",
        )


# 建议 come from deputies (代表), 提案 from members (委员)
_ROLE_OF_KIND = {ItemKind.SUGGESTION: "代表", ItemKind.PROPOSAL: "委员"}


def _cited_number(text: str) -> int | None:
    folded = unicodedata.normalize("NFKC", text)
    if folded.isdecimal():
        return int(folded)
    try:
        return parse_number(folded)
    except NumeralError:
        return None


def check_addressees(addressees: Addressees, location: str) -> Iterator[Finding]:
    """GR501: a printed head count (等12名) covers the names listed."""
    if addressees.total is not None and addressees.total < len(addressees.names):
        yield finding(
            "GR501",
            f"{location}.total",
            f"等{addressees.total}名 but {len(addressees.names)} names are listed",
        )


def check_opening(letter: ReplyLetter) -> Iterator[Finding]:
    """GR504–GR505: the opening cites the item's number and title when they are known."""
    opening, reference = letter.opening, letter.reference
    if opening is None:
        return
    folded = unicodedata.normalize("NFKC", "".join(opening.split()))
    number = reference.number
    if number is not None:
        in_digits = re.search(rf"(?<![0-9]){number}(?![0-9])", folded) is not None
        if not in_digits and f"第{format_number(number)}号" not in folded:
            yield finding("GR504", "opening", f"opening does not cite item No. {number}")
    if reference.title is not None:
        title = unicodedata.normalize("NFKC", "".join(reference.title.split()))
        if title not in folded:
            yield finding("GR505", "opening", f"opening does not cite {reference.title!r}")
