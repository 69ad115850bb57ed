"""The strict grammar of a Chinese numeral, read left to right with positions.

This is the reference reader: :func:`govreply.numerals.parse_number` first tries a few table
look-ups for the common spellings and falls back to :func:`parse` for everything else, so every
error message (with the position of the first bad character) comes from here. Rules, over text
folded to the lower style (``壹拾`` -> ``一十``, ``〇`` -> ``零``, ``３`` -> ``3``)::

    numeral  := ["第" | "负"] body                    第五十五, 负五
    body     := arabic | digits | "零" | units
    arabic   := ["-"] DIGIT+ ("," DIGIT{3})* ["." DIGIT+] suffix     3万, 1.5亿, 1,200万
    suffix   := ["十" | "百" | "千"] ["万"] "亿"*
    digits   := 一..九 (零..九)+                         二〇二四, 一〇 (digit by digit)
    units    := block ("亿" block)*                    blocks of 8 digits; 亿 composes
    block    := [group "万"] [group]                   (only the first block must be non-empty)
    group    := term ([零] term)*                       at most 4 digits: 千 百 十 个
    term     := DIGIT [十|百|千] | 廿 | 卅 | 卌 | "十"  (a bare 十 only opens a numeral)

and the conventions that make every number's spelling unique (mainland PRC usage):

* exponents strictly fall (十十 and 二十二十 are refused);
* 零 stands for skipped digits: inside a group exactly when a digit is skipped (一百零五,
  not 一百五 nor 一千零一百); at a group boundary exactly when the next group is below 1000 or
  a whole group is skipped (十万零一十, 一亿零一千, 一万亿零五千万, but 十万五千);
* a trailing digit always carries its unit (一百一 and 三千二 are spoken shorthand, refused);
* 两 (2) only before 百, 千, or alone before 万 / 亿 (两万两千, not 二十两);
* a numeral that starts with 零 is exactly 零 (零零五 is refused).
"""

from __future__ import annotations

from typing import NoReturn

from govreply._numerals._tables import (
    DIGIT_VALUES,
    FOLD,
    HAN_TO_ASCII_DIGITS,
    NEGATIVE,
    ORDINAL,
    SMALL_UNITS,
    TENS_CHARS,
    WAN,
    YI,
    ZERO,
)
from govreply.errors import NumeralError

_ASCII_DIGITS = frozenset("0123456789")
_HAN_DIGITS = frozenset("零一二三四五六七八九")
_POW10 = (1, 10, 100, 1000)
_BLOCK = 10**8
#: Longest numeral accepted; keeps every input's cost linear and below Python's own
#: int/str conversion limit (4300 digits).
MAX_LENGTH = 4000


def fail(text: str, position: int, why: str) -> NoReturn:
    """Raise :class:`NumeralError` naming the character of ``text`` at ``position``."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    what = repr(text[position]) if position < len(text) else "the end"
    raise NumeralError(
        f"cannot read {shown!r} as a Chinese numeral: {what} at position {position} {why}",
        text=text,
        position=position,
    )


def parse(text: str, folded: str | None = None) -> int:
    """Read ``text`` by the grammar above; raise NumeralError at the first bad character."""
    if not text:
        raise NumeralError(
            "cannot read '' as a numeral: it is empty (position 0)", text="", position=0
        )
    if len(text) > MAX_LENGTH:
        fail(text, MAX_LENGTH, f"is past the longest numeral accepted ({MAX_LENGTH} characters)")
    s = text.translate(FOLD) if folded is None else folded
    start = 0
    sign = 1
    if s[0] == ORDINAL:
        start = 1
        if s[1:2] in (NEGATIVE, "-"):
            fail(text, 1, "cannot follow 第: an ordinal is not negative")
    elif s[0] in (NEGATIVE, "-"):
        start, sign = 1, -1
    if start == len(s):
        fail(text, start - 1, "must be followed by a number")
    if s[start] in _ASCII_DIGITS:
        value = _arabic(text, s, start)
    elif s[0] == "-":
        fail(text, 0, "is only accepted before Arabic digits (write 负)")
    else:
        value = _Units(text, s, start).body()
    if sign < 0 and value == 0:
        fail(text, 0, "cannot sign zero")
    return sign * value


def _arabic(text: str, s: str, i: int) -> int:
    """Read arabic := DIGIT+ ("," DIGIT{3})* ["." DIGIT+] suffix, exact (1.5亿 = 150000000)."""
    n = len(s)
    start = i
    while i < n and s[i] in _ASCII_DIGITS:
        i += 1
    if s[start] == "0" and i - start > 1:
        fail(text, start, "is a leading zero")
    digits = s[start:i]
    if i < n and s[i] == "," and i - start > 3:
        fail(text, i, "is not a thousands separator")
    while i < n and s[i] == ",":
        group = s[i + 1 : i + 4]
        if len(group) < 3 or not _ASCII_DIGITS.issuperset(group):
            fail(text, i, "is not a thousands separator")
        if i + 4 < n and s[i + 4] in _ASCII_DIGITS:
            fail(text, i, "is not a thousands separator")
        digits += group
        i += 4
    point = -1
    fraction = ""
    if i < n and s[i] == ".":
        point = i
        i += 1
        while i < n and s[i] in _ASCII_DIGITS:
            fraction += s[i]
            i += 1
        if not fraction:
            fail(text, point, "must be followed by digits")
    exponent = 0
    if i < n and s[i] in SMALL_UNITS:
        exponent += SMALL_UNITS[s[i]]
        i += 1
    if i < n and s[i] == WAN:
        exponent += 4
        i += 1
    while i < n and s[i] == YI:
        exponent += 8
        i += 1
    if i < n:
        fail(text, i, "cannot follow an Arabic number and its unit")
    scale: int = 10**exponent
    denominator: int = 10 ** len(fraction)
    whole, rest = divmod(int(digits + fraction) * scale, denominator)
    if rest:
        fail(text, point, "leaves a fraction: the value is not a whole number")
    return whole


class _Units:
    """Read units := block ("亿" block)*, keeping the exponent of the last digit read."""

    def __init__(self, text: str, s: str, start: int) -> None:
        self.text = text
        self.s = s
        self.start = start
        self.last: int | None = None  # exponent of the last digit written

    def body(self) -> int:
        """Read body := arabic | digits | "零" | units (arabic handled by the caller)."""
        s, i = self.s, self.start
        if s[i] == ZERO:
            if len(s) > i + 1:
                fail(self.text, i + 1, "cannot follow 零: a numeral that starts with 零 is 零")
            return 0
        if len(s) == i + 1 and s[i] == "两":
            return 2
        if s[i] in _HAN_DIGITS and s[i + 1 : i + 2] in _HAN_DIGITS:
            return self.digits()
        return self.units()

    def digits(self) -> int:
        """Read digits := 一..九 (零..九)+, a character per digit: 二〇二四 = 2024."""
        for i in range(self.start, len(self.s)):
            if self.s[i] not in _HAN_DIGITS:
                fail(self.text, i, "cannot appear in a digit-by-digit numeral like 二〇二四")
        return int(self.s[self.start :].translate(HAN_TO_ASCII_DIGITS))

    def units(self) -> int:
        """Read units := block ("亿" block)*, each block at most 8 digits: 一亿亿零一."""
        s, n = self.s, len(self.s)
        blocks_left = s.count(YI, self.start)
        i = self.start
        value = 0
        while True:
            base = 8 * blocks_left
            end = _next_separator(s, i)
            block = 0
            if end < n and s[end] == WAN:
                block = self.group(i, end, base + 4) * 10000
                i = end + 1
                end = _next_separator(s, i)
                if end < n and s[end] == WAN:
                    fail(self.text, end, "repeats 万 within one block (write 万亿 for 10¹²)")
            if end > i:
                block += self.group(i, end, base)
            value = value * _BLOCK + block
            if end == n:
                return value
            if i == self.start and end == i:
                fail(self.text, end, "needs a number before it")
            i = end + 1
            blocks_left -= 1

    def group(self, i: int, end: int, base: int) -> int:
        """Read group := term ([零] term)* over s[i:end], its units at exponent ``base``."""
        s, text = self.s, self.text
        if i == end:
            fail(text, end, "needs a number before it")
        value = 0
        zero_at = -1
        while i < end:
            ch = s[i]
            at = i
            if ch == ZERO:
                if zero_at >= 0:
                    fail(text, i, "repeats 零 (one 零 stands for any run of zeros)")
                zero_at = i
                i += 1
                continue
            if ch in DIGIT_VALUES:
                digit = DIGIT_VALUES[ch]
                unit_at = i + 1 if i + 1 < end and s[i + 1] in SMALL_UNITS else i
                unit = SMALL_UNITS[s[unit_at]] if unit_at > i else 0
            elif ch in TENS_CHARS:
                digit, unit, unit_at = TENS_CHARS[ch], 1, i
            elif ch == "十" and self.last is None:
                digit, unit, unit_at = 1, 1, i
            elif ch in SMALL_UNITS:
                fail(text, i, f"needs a digit before it here (一{ch}, not {ch})")
            else:
                fail(text, i, "is not part of a Chinese numeral")
            i = unit_at + 1
            exponent = base + unit
            self._check_order(exponent, at, unit_at, zero_at)
            if ch == "两" and unit < 2 and not (unit == 0 and value == 0 and i == end < len(s)):
                fail(text, at, "is only used before 百, 千, 万 or 亿 (write 二)")
            zero_at = -1
            value += digit * _POW10[unit]
            self.last = exponent
        if zero_at >= 0:
            fail(text, zero_at, "must be followed by a digit")
        return value

    def _check_order(self, exponent: int, at: int, unit_at: int, zero_at: int) -> None:
        """Exponents fall strictly, and 零 marks exactly the skipped digits."""
        last = self.last
        if last is None:
            return
        if exponent >= last:
            if unit_at == at and at > 0 and self.s[at - 1] in _HAN_DIGITS:
                fail(self.text, at, "follows another digit without a unit")
            fail(self.text, unit_at, "is out of order: units must fall")
        last_group = last - last % 4
        # In the same group 零 marks a skipped digit; in a later group, a group that starts
        # below 千 or a whole group skipped.
        same_group = exponent >= last_group
        needs_zero = last - exponent > 1 if same_group else exponent < last_group - 1
        if needs_zero and zero_at < 0:
            fail(self.text, at, "needs 零 before it (a digit is skipped)")
        if zero_at >= 0 and not needs_zero:
            fail(self.text, zero_at, "is not needed: no digit is skipped")


def _next_separator(s: str, i: int) -> int:
    """Index of the next 万 or 亿 at or after i, or len(s)."""
    n = len(s)
    while i < n and s[i] != WAN and s[i] != YI:
        i += 1
    return i
