"""The table of rule codes, and the small text predicates several rules share."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from govreply.model import Finding, Severity

__all__ = ["RULES", "TRAILING_PUNCTUATION", "Rule", "ends_with_punctuation", "finding"]

#: Sentence and clause punctuation that must not end a title, heading or attachment name.
#: Closing brackets and quotes may end them, so they are not listed.
TRAILING_PUNCTUATION = frozenset("。，、；：？！…—,.;:?!·～~")

_E = Severity.ERROR
_W = Severity.WARNING


@attrs.frozen
class Rule:
    """One rule :func:`govreply.check` applies: its stable code, severity, summary and source.

    >>> RULES["GR401"].severity.value, RULES["GR401"].source
    ('warning', 'GB/T 9704-2012 §7.3.4')
    """

    code: str
    severity: Severity
    summary: str
    source: str


def _table(*rows: tuple[str, Severity, str, str]) -> Mapping[str, Rule]:
    return MappingProxyType({row[0]: Rule(*row) for row in rows})


_STD = "GB/T 9704-2012"
_PUNCT = "GB/T 15834-2011"

#: Every rule by code, in the order of the letter's parts. The module docstring of
#: :mod:`govreply.rules` prints the same table (a test keeps the two equal).
RULES: Mapping[str, Rule] = _table(
    ("GR101", _W, "doc number brackets are not 〔〕", f"{_STD} §7.2.4"),
    ("GR102", _W, "doc number year is not four digits", f"{_STD} §7.2.4"),
    ("GR103", _W, "doc number serial has a leading zero", f"{_STD} §7.2.4"),
    ("GR104", _W, "doc number serial is preceded by 第", f"{_STD} §7.2.4"),
    ("GR105", _W, "doc number has full-width digits or spaces", f"{_STD} §7.2.4"),
    ("GR106", _E, "doc number incomplete, or printed unlike its fields", "consistency"),
    ("GR200", _E, "title missing", f"{_STD} §7.3.1"),
    ("GR201", _W, "title ends with punctuation", "公文处理办法 (2000) 第十条"),
    ("GR202", _W, "title contains layout spaces", f"{_STD} §7.3.1"),
    ("GR203", _E, "title has unbalanced book-title marks", f"{_PUNCT} §4.15"),
    ("GR204", _W, "title nests book-title marks wrongly", f"{_PUNCT} §4.15.3"),
    ("GR301", _W, "heading starts with a label of its own", f"{_STD} §7.3.3"),
    ("GR302", _W, "top-level heading ends with punctuation", "drafting practice"),
    ("GR303", _W, "a level holds a single section", "drafting practice"),
    ("GR304", _W, "一是/二是 enumeration skips or starts late", "consistency"),
    ("GR401", _W, "attachment note label is not 附件", f"{_STD} §7.3.4"),
    ("GR402", _W, "attachment name ends with punctuation", f"{_STD} §7.3.4"),
    ("GR410", _E, "issuer signature (signed_by) missing", f"{_STD} §7.3.5"),
    ("GR411", _E, "date of issue (date) missing", f"{_STD} §7.3.5"),
    ("GR412", _W, "date's year differs from the doc number's year", "consistency"),
    ("GR420", _W, "note (附注) not in round brackets （…）", f"{_STD} §7.3.6"),
    ("GR430", _W, "cc line does not end with 。", f"{_STD} §7.4.2"),
    ("GR431", _W, "a copy entry ends with punctuation", f"{_STD} §7.4.2"),
    ("GR440", _W, "contact line missing", "handling practice"),
    ("GR501", _E, "addressee total smaller than the names given", "consistency"),
    ("GR502", _E, "item kind differs from the letter's kind", "consistency"),
    ("GR503", _E, "title cites another item number", "consistency"),
    ("GR504", _W, "opening does not cite the item's number", "handling practice"),
    ("GR505", _W, "opening does not cite the item's title", "handling practice"),
    ("GR506", _W, "addressee role does not fit the item kind", "consistency"),
    ("GR601", _E, "classification not defined by the scheme", "classification scheme"),
    ("GR602", _E, "form's classification not defined by the scheme", "classification scheme"),
    ("GR603", _W, "form offers an option that is no classification code", "classification scheme"),
    ("GR701", _W, "form's deputies differ from the addressees", "consistency"),
    ("GR702", _E, "form's item number differs from the letter's", "consistency"),
    ("GR703", _E, "form's item title differs from the letter's", "consistency"),
    ("GR704", _E, "form's options lack the chosen classification", "consistency"),
    ("GR705", _E, "form's classification differs from the letter's", "consistency"),
    ("GR706", _E, "form's handler differs from the issuer", "consistency"),
)


def finding(code: str, location: str, message: str) -> Finding:
    """A finding for rule ``code`` at ``location``, with the rule's severity."""
    return Finding(code=code, severity=RULES[code].severity, message=message, location=location)


def ends_with_punctuation(text: str) -> bool:
    """Whether ``text`` (trailing spaces ignored) ends with sentence or clause punctuation."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in TRAILING_PUNCTUATION
