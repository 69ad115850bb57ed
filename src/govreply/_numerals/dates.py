"""Dates as Chinese documents write them: 2024年5月20日 (GB/T 9704) and 二〇二四年五月二十日."""

from __future__ import annotations

import datetime
import functools
from typing import Literal, NoReturn

from babel import Locale
from babel.dates import format_date as _babel_format_date

from govreply._numerals._tables import FOLD
from govreply._numerals.numbers import format_number, parse_number
from govreply.errors import NumeralError

__all__ = ["DateStyle", "format_date", "parse_date"]

DateStyle = Literal["arabic", "chinese"]
"""How :func:`format_date` writes a date: 2024年5月20日 or 二〇二四年五月二十日."""


@functools.cache
def _zh_cn() -> Locale:
    # Locale("zh", "CN") raises UnknownLocaleError; parse() resolves zh_CN to zh_Hans_CN.
    return Locale.parse("zh_CN")


def format_date(d: datetime.date, *, style: DateStyle = "arabic") -> str:
    """Write a date the way Chinese official documents do.

    >>> format_date(datetime.date(2024, 5, 20))
    '2024年5月20日'
    >>> format_date(datetime.date(2024, 10, 31), style="chinese")
    '二〇二四年十月三十一日'

    Args:
        d: the date.
        style: ``"arabic"`` (GB/T 9704-2012 成文日期: Arabic numerals, no leading zeros; the
            pattern comes from CLDR's zh_Hans_CN long date via Babel) or ``"chinese"`` (the
            year digit by digit with 〇, month and day in the lower style).

    Raises:
        NumeralError: ``style`` is not one of the two styles.
    """
    if style == "arabic":
        return str(_babel_format_date(d, "long", locale=_zh_cn()))
    if style == "chinese":
        return (
            f"{format_number(d.year, style='digits')}年"
            f"{format_number(d.month)}月{format_number(d.day)}日"
        )
    raise NumeralError(f"unknown date style {style!r}; use 'arabic' or 'chinese'")


_SPACES = frozenset(" \t\u3000")
_MARKERS = "年月日"
_ARABIC_DIGITS = frozenset("0123456789")


def parse_date(text: str) -> datetime.date:
    """Read a date written with 年月日 in Arabic or Chinese numerals.

    Grammar (spaces allowed around every part)::

        date  := year "年" month "月" day "日"
        year  := 1-4 Arabic digits | a Chinese numeral      2024, 二〇二四, 二零二四
        month := 1-2 Arabic digits | a Chinese numeral      5, 05, 五, 十二
        day   := 1-2 Arabic digits | a Chinese numeral      20, 二十, 廿, 卅一

    Full-width digits are read as ASCII. Unlike Babel's parser, an impossible month or day is
    an error, never a day/month swap.

    >>> parse_date("二〇二四年五月廿日")
    datetime.date(2024, 5, 20)
    >>> parse_date("２０２４年 ５月 ２０日")
    datetime.date(2024, 5, 20)

    Raises:
        NumeralError: the text is not such a date, or the date does not exist (2024年13月5日,
            2023年2月29日); ``position`` points at the bad part.
    """
    folded = text.translate(FOLD)
    n = len(text)
    pos = 0
    values: list[int] = []
    starts: list[int] = []
    for field, marker, width in (("year", "年", 4), ("month", "月", 2), ("day", "日", 2)):
        while pos < n and folded[pos] in _SPACES:
            pos += 1
        start = pos
        while pos < n and folded[pos] not in _MARKERS and folded[pos] not in _SPACES:
            pos += 1
        if pos == start:
            _fail(text, pos, f"should start the {field}")
        starts.append(start)
        values.append(_read_part(text, folded[start:pos], start, field, width))
        while pos < n and folded[pos] in _SPACES:
            pos += 1
        if pos == n or folded[pos] != marker:
            _fail(text, pos, f"should be {marker}")
        pos += 1
    while pos < n and folded[pos] in _SPACES:
        pos += 1
    if pos < n:
        _fail(text, pos, "follows the date")
    year, month, day = values
    try:
        return datetime.date(year, month, day)
    except ValueError as exc:
        where = starts[2] if 1 <= month <= 12 else starts[1]
        _fail(text, where, f"is not a valid date ({exc})", cause=exc)


def _read_part(text: str, part: str, start: int, field: str, width: int) -> int:
    """Read one of year / month / day from ``part`` (folded text starting at ``start``)."""
    if _ARABIC_DIGITS.issuperset(part):
        if len(part) > width:
            _fail(text, start + width, f"makes the {field} too long")
        value = int(part)
    else:
        try:
            value = parse_number(part)
        except NumeralError as exc:
            at = start + (exc.position or 0)
            _fail(text, at, f"cannot be read in the {field}", cause=exc)
    if value < 1:
        _fail(text, start, f"starts a {field} below 1")
    return value


def _fail(text: str, position: int, why: str, *, cause: Exception | None = None) -> NoReturn:
    shown = text if len(text) <= 40 else text[:37] + "..."
    what = repr(text[position]) if position < len(text) else "the end"
    error = NumeralError(
        f"cannot read {shown!r} as a date: {what} at position {position} {why}",
        text=text,
        position=position,
    )
    raise error from cause
