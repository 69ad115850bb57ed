"""Character classes and precomputed 4-digit group tables shared by the numeral code.

A Chinese numeral is written in groups of four digits (个十百千), each group followed by its
magnitude (万, 亿, 万亿, 亿亿 …). Every group value 0-9999 is spelled once here, per style, so
formatting a number is a few table look-ups and string joins, and parsing a common numeral is a
few dictionary look-ups.
"""

from __future__ import annotations

from typing import Final

LOWER_DIGITS: Final = "零一二三四五六七八九"
UPPER_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
LOWER_UNITS: Final = ("", "十", "百", "千")
UPPER_UNITS: Final = ("", "拾", "佰", "仟")
ZERO: Final = "零"
WAN: Final = "万"
YI: Final = "亿"
NEGATIVE: Final = "负"
ORDINAL: Final = "第"

#: ``str.translate`` table mapping ASCII digits to the digit-by-digit style (二〇二四).
ASCII_TO_HAN_DIGITS: Final = str.maketrans("0123456789", "〇一二三四五六七八九")

#: Folds every accepted spelling onto the lower style, one character for one, so positions in
#: the folded text are positions in the input: financial (壹拾), traditional (萬 億 貳 參 陸),
#: 〇 for 零, full-width digits and punctuation for ASCII.
FOLD: Final = str.maketrans(
    "壹贰叁肆伍陆柒捌玖拾佰仟〇貳參叄陸萬億兩０１２３４５６７８９．－",
    "一二三四五六七八九十百千零二三三六万亿两0123456789.-",
)

#: Digit characters of the folded lower style, and their values.
DIGIT_VALUES: Final = {ch: value for value, ch in enumerate(LOWER_DIGITS)} | {"两": 2}
#: Unit characters below 万 and their exponents.
SMALL_UNITS: Final = {"十": 1, "百": 2, "千": 3}
#: 廿 (20), 卅 (30) and 卌 (40): a tens digit and its 十 in one character, as in dates.
TENS_CHARS: Final = {"廿": 2, "卅": 3, "卌": 4}

#: Folded text -> ASCII digits, for digit-by-digit numerals (二〇二四 -> 2024).
HAN_TO_ASCII_DIGITS: Final = str.maketrans(LOWER_DIGITS, "0123456789")


def _spell_group(value: int, digits: str, units: tuple[str, ...]) -> str:
    """Spell 1 <= value <= 9999 in the inner form: 一千零一十, 一十一, 一百零五."""
    out: list[str] = []
    skipped_zero = False
    for exponent in (3, 2, 1, 0):
        digit = value // 10**exponent % 10
        if digit == 0:
            skipped_zero = bool(out)
            continue
        if skipped_zero:
            out.append(ZERO)
            skipped_zero = False
        out.append(digits[digit] + units[exponent])
    return "".join(out)


def _build(
    digits: str, units: tuple[str, ...], *, drop_leading_one: bool
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Return (inner, lead, tail, zero_tail) spellings of 0-9999.

    ``inner[g]`` is the plain spelling (一十一; empty for 0); ``lead[g]`` opens a numeral (十一
    in the lower style, 零 for 0); ``tail[g]`` follows a non-zero group (零 in front when
    g < 1000, empty for 0); ``zero_tail[g]`` follows a zero group (零 in front, empty for 0).
    """
    inner = ("", *(_spell_group(g, digits, units) for g in range(1, 10000)))
    lead = list(inner)
    lead[0] = ZERO
    if drop_leading_one:
        # 十, 十一 … 十九 only at the very start of a numeral: 一百一十, 十万零一十.
        for g in range(10, 20):
            lead[g] = inner[g][1:]
    tail = tuple(("" if g == 0 else ZERO + s) if g < 1000 else s for g, s in enumerate(inner))
    zero_tail = tuple("" if g == 0 else ZERO + s for g, s in enumerate(inner))
    return inner, tuple(lead), tail, zero_tail


LOWER_INNER, LOWER_LEAD, LOWER_TAIL, LOWER_ZERO_TAIL = _build(
    LOWER_DIGITS, LOWER_UNITS, drop_leading_one=True
)
_, UPPER_LEAD, UPPER_TAIL, UPPER_ZERO_TAIL = _build(
    UPPER_DIGITS, UPPER_UNITS, drop_leading_one=False
)

#: Parse tables over folded text, group spelling -> value. ``PARSE_LEAD`` holds the groups that
#: may open a numeral (十一 and 一十一 alike); ``PARSE_TAIL`` the groups that may follow a
#: non-zero group (with 零 exactly when below 1000); ``PARSE_ZERO_TAIL`` those that follow a
#: zero group (always with 零).
PARSE_LEAD: Final = {s: g for g, s in enumerate(LOWER_INNER) if g} | {
    s: g for g, s in enumerate(LOWER_LEAD) if g
}
PARSE_TAIL: Final = {s: g for g, s in enumerate(LOWER_TAIL) if g}
PARSE_ZERO_TAIL: Final = {s: g for g, s in enumerate(LOWER_ZERO_TAIL) if g}
