"""Integers <-> Chinese numerals: cardinals, ordinals and amounts with a unit word."""

from __future__ import annotations

import re
from typing import Literal

from govreply._numerals import _grammar
from govreply._numerals._tables import (
    ASCII_TO_HAN_DIGITS,
    FOLD,
    LOWER_LEAD,
    LOWER_TAIL,
    LOWER_ZERO_TAIL,
    NEGATIVE,
    ORDINAL,
    PARSE_LEAD,
    PARSE_TAIL,
    PARSE_ZERO_TAIL,
    UPPER_LEAD,
    UPPER_TAIL,
    UPPER_ZERO_TAIL,
    WAN,
    YI,
)
from govreply.errors import NumeralError

__all__ = [
    "NumberStyle",
    "format_number",
    "format_ordinal",
    "is_numeral",
    "parse_number",
    "parse_ordinal",
    "split_amount",
]

NumberStyle = Literal["lower", "upper", "digits"]
"""The spellings :func:`format_number` writes: 一百零五, 壹佰零伍, 一〇五."""

_Tables = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_STYLES: dict[str, _Tables] = {
    "lower": (LOWER_LEAD, LOWER_TAIL, LOWER_ZERO_TAIL),
    "upper": (UPPER_LEAD, UPPER_TAIL, UPPER_ZERO_TAIL),
}
# Group spellings joined with the magnitude that follows them, so the common sizes are three
# look-ups and two joins.
_LOWER_LEAD_WAN = tuple(s + WAN for s in LOWER_LEAD)
_LOWER_LEAD_YI = tuple(s + YI for s in LOWER_LEAD)
_LOWER_TAIL_WAN = tuple(s + WAN for s in LOWER_TAIL)
_E4, _E8, _E12 = 10**4, 10**8, 10**12


def format_number(n: int, *, style: NumberStyle = "lower") -> str:
    """Spell the integer ``n`` in Chinese.

    Above 亿 the units compose (10¹² is 一万亿, 10¹⁶ is 一亿亿); 兆 and 京 are never used.
    Negative numbers start with 负.

    >>> format_number(100010)
    '十万零一十'
    >>> format_number(100010, style="upper")
    '壹拾万零壹拾'
    >>> format_number(2024, style="digits")
    '二〇二四'
    >>> format_number(10**16 + 1)
    '一亿亿零一'

    Args:
        n: any integer.
        style: ``"lower"`` (一百一十, the leading 一 of 一十 dropped only at the very start),
            ``"upper"`` (financial 壹佰壹拾, always writing 壹拾) or ``"digits"`` (digit by
            digit with 〇, as years are written: 二〇二四).

    Returns:
        The numeral.

    Raises:
        TypeError: ``n`` is not an integer (``bool`` is refused too).
        NumeralError: ``style`` is not one of the three styles, or (``digits`` style only)
            ``n`` has more digits than Python converts to text (``sys.get_int_max_str_digits``).
    """
    if type(n) is not int:
        n = _as_int(n)
    if style == "lower":
        if 0 <= n < _E12:
            if n < _E4:
                return LOWER_LEAD[n]
            if n < _E8:
                high, low = divmod(n, _E4)
                return _LOWER_LEAD_WAN[high] + LOWER_TAIL[low]
            top, rest = divmod(n, _E8)
            middle, low = divmod(rest, _E4)
            if middle:
                return _LOWER_LEAD_YI[top] + _LOWER_TAIL_WAN[middle] + LOWER_TAIL[low]
            return _LOWER_LEAD_YI[top] + LOWER_ZERO_TAIL[low]
        tables = _STYLES["lower"]
    elif style == "digits":
        if n < 0:
            return NEGATIVE + format_number(-n, style="digits")
        try:
            return str(n).translate(ASCII_TO_HAN_DIGITS)
        except ValueError as exc:  # past sys.get_int_max_str_digits()
            raise NumeralError(f"{style} style: the number is too long to write") from exc
    elif style == "upper":
        tables = _STYLES["upper"]
    else:
        raise NumeralError(f"unknown numeral style {style!r}; use 'lower', 'upper' or 'digits'")
    if n < 0:
        return NEGATIVE + _spell(-n, *tables)
    return _spell(n, *tables)


def _as_int(n: object) -> int:
    """Accept int subclasses (IntEnum), refuse bool and everything else."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"expected an int, got {type(n).__name__}")
    return int(n)


def _spell(n: int, lead: tuple[str, ...], tail: tuple[str, ...], zero_tail: tuple[str, ...]) -> str:
    """Spell n >= 0 group by group: 零 before a group below 1000 or after a zero group."""
    groups: list[int] = []
    while n:
        n, group = divmod(n, _E4)
        groups.append(group)
    if not groups:
        return lead[0]
    top = len(groups) - 1
    parts = [lead[groups[top]]]
    previous_zero = False
    for index in range(top, -1, -1):
        group = groups[index]
        if index != top and group:
            parts.append((zero_tail if previous_zero else tail)[group])
        previous_zero = not group
        if index & 1:
            if group:
                parts.append(WAN)
        elif index:
            parts.append(YI)
    return "".join(parts)


def parse_number(text: str) -> int:
    """Read a Chinese numeral, strictly.

    Accepts the lower, financial and digit-by-digit styles (mixed freely), 两, 〇 for 零,
    一十一 for 十一, a leading 第 or 负, 廿 / 卅 for 二十 / 三十, and Arabic digits with a unit
    (``3万``, exactly ``1.5亿``, ``1,200万``, full-width ``３万``). See
    :mod:`govreply._numerals._grammar` for the grammar.

    >>> parse_number("十万零一十")
    100010
    >>> parse_number("壹佰零伍"), parse_number("二〇二四"), parse_number("两万")
    (105, 2024, 20000)
    >>> parse_number("1.5亿")
    150000000
    >>> try:
    ...     parse_number("一百一")
    ... except NumeralError as error:
    ...     print(error.position, error.text)
    2 一百一

    Args:
        text: the numeral, without surrounding text or spaces; at most 4,000 characters.

    Returns:
        Its value.

    Raises:
        NumeralError: the text is not a well-formed numeral (十十, 零零五, 一百一, 万, '',
            3.5, abc …); ``position`` is the index of the first bad character.
        TypeError: ``text`` is not a string.
    """
    if type(text) is not str and not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    value = _parse_fast(text)
    if value is not None:
        return value
    folded = text.translate(FOLD)
    if folded != text:
        value = _parse_fast(folded)
        if value is not None:
            return value
    return _grammar.parse(text, folded)


def _parse_fast(s: str) -> int | None:
    """Table look-ups for the canonical lower style below 10¹⁶; None means "ask the grammar"."""
    head, yi, rest = s.partition(YI)
    high, wan, low = head.partition(WAN)
    value = PARSE_LEAD.get(high)
    if value is None:
        return None
    if wan:
        value *= _E4
        if low:
            group = PARSE_TAIL.get(low)
            if group is None:
                return None
            value += group
    if not yi:
        return value
    if not rest:
        return value * _E8
    high, wan, low = rest.partition(WAN)
    if wan:
        # 零 opens the 万 group when it is below 1000 or the group before it is zero.
        group = (PARSE_ZERO_TAIL if head[-1] == WAN else PARSE_TAIL).get(high)
        if group is None:
            return None
        value = value * _E4 + group
        if low:
            group = PARSE_TAIL.get(low)
            if group is None:
                return None
            return value * _E4 + group
        return value * _E4
    group = PARSE_ZERO_TAIL.get(high)
    if group is None:
        return None
    return value * _E8 + group


def is_numeral(text: object) -> bool:
    """Tell whether :func:`parse_number` accepts ``text``; never raises.

    >>> is_numeral("一百零五"), is_numeral("一百五"), is_numeral(None), is_numeral("🙂")
    (True, False, False, False)
    """
    if not isinstance(text, str):
        return False
    try:
        parse_number(text)
    except NumeralError:
        return False
    return True


def format_ordinal(n: int) -> str:
    """Spell the ordinal 第N in the lower style.

    >>> format_ordinal(55)
    '第五十五'

    Raises:
        NumeralError: ``n`` is below 1.
    """
    if n < 1:
        raise NumeralError(f"an ordinal counts from 1, got {n}")
    return ORDINAL + format_number(n)


def parse_ordinal(text: str) -> int:
    """Read an ordinal written 第N (N >= 1 in any style :func:`parse_number` reads).

    >>> parse_ordinal("第一百零一")
    101

    Raises:
        NumeralError: ``text`` does not start with 第, or the rest is not a numeral >= 1.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str, got {type(text).__name__}")
    if not text.startswith(ORDINAL):
        _grammar.fail(text, 0, "must be 第 in an ordinal")
    value = parse_number(text)
    if value < 1:
        _grammar.fail(text, 1, "starts an ordinal below 1")
    return value


# A numeral at the start of an amount: 第/负/- then Arabic digits with , and ., or Chinese
# numeral characters (any style), as in 30万元, 1,200万元, 三千二百元, 壹佰零伍元整.
_AMOUNT = re.compile(
    r"[第负\-－]?[0-9０-９,.．]*[〇零一二三四五六七八九十百千万亿两廿卅卌"
    r"壹贰叁肆伍陆柒捌玖拾佰仟貳參叄陸萬億兩]*"
)


def split_amount(text: str) -> tuple[int, str]:
    """Split a leading numeral from the unit word that follows it.

    >>> split_amount("30万元")
    (300000, '元')
    >>> split_amount("十二名代表")
    (12, '名代表')

    Returns:
        The value of the numeral and the rest of ``text`` (possibly empty).

    Raises:
        NumeralError: ``text`` does not start with a well-formed numeral.
    """
    match = _AMOUNT.match(text)
    end = match.end() if match else 0
    # A sentence-final full stop is not a decimal point: 共3.
    while end and text[end - 1] in ".．,":
        end -= 1
    if end == 0:
        _grammar.fail(text, 0, "does not start a numeral")
    try:
        value = parse_number(text[:end])
    except NumeralError as exc:
        raise NumeralError(
            exc.message.replace(repr(text[:end]), repr(text), 1),
            text=text,
            position=exc.position,
        ) from exc
    return value, text[end:]
