"""Section labels (一、 （一） 1. （1）) and inline enumerations (一是…二是…三是…)."""

from __future__ import annotations

import re

import attrs

from govreply._numerals.numbers import format_number, parse_number
from govreply.errors import NumeralError

__all__ = [
    "Item",
    "Label",
    "find_item_markers",
    "format_item",
    "format_label",
    "parse_item",
    "parse_label",
    "split_items",
]


@attrs.frozen
class Label:
    """A section label read from the start of a line by :func:`parse_label`.

    ``marker + rest`` is the line exactly; ``marker`` includes any indentation before the
    label.
    """

    level: int
    """1 for 一、, 2 for （一）, 3 for 1., 4 for （1） (GB/T 9704-2012 7.3.3)."""
    index: int
    """The number in the label, from 1."""
    rest: str
    """The line after the label."""
    marker: str
    """The label as printed, with any indentation before it."""


@attrs.frozen
class Item:
    """One item of an inline 一是…二是… enumeration, found by :func:`split_items`."""

    ordinal: int
    """1 for 一是, 2 for 二是 …"""
    text: str
    """The item as written, marker included: 一是要求各校严格落实…。"""


def _check_positive(name: str, value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise NumeralError(f"{name} must be an integer from 1, got {value!r}")


#: The largest section index a label is written for: letters never come near it.
MAX_LABEL_INDEX = 10**9


def format_label(level: int, index: int) -> str:
    """Write the label of section ``index`` at ``level`` (GB/T 9704-2012 7.3.3).

    >>> [format_label(level, 3) for level in (1, 2, 3, 4)]
    ['三、', '（三）', '3.', '（3）']

    Args:
        level: 1 (一、), 2 （一）, 3 (1.) or 4 （1）.
        index: the section's number, from 1.

    Raises:
        NumeralError: ``level`` is not 1-4, or ``index`` is below 1 or above
            :data:`MAX_LABEL_INDEX`.
    """
    _check_positive("index", index)
    if index > MAX_LABEL_INDEX:
        # also keeps str() of a huge int (Python refuses past 4300 digits) out of reach
        raise NumeralError(f"a section index is at most {MAX_LABEL_INDEX}, got a larger one")
    if level == 1:
        return format_number(index) + "、"
    if level == 2:
        return "（" + format_number(index) + "）"
    if level == 3:
        return f"{index}."
    if level == 4:
        return f"（{index}）"
    raise NumeralError(f"a section label level is 1, 2, 3 or 4, got {level!r}")


_CHINESE = "零一二三四五六七八九十百千万亿两"
_ARABIC = "0-9０-９"
_LABEL = re.compile(
    rf"""
    (?P<indent>[ \t\u3000]*)
    (?:
        # 一、  二十、  (level 1)
        (?P<level1>[{_CHINESE}]+)、
      | # （一）  (一)  (level 2)
        [（(](?P<level2>[{_CHINESE}]+)[）)]
      | # 1.  1．  1、  (level 3; 1.5亿 is a number, not a label)
        (?P<level3>[{_ARABIC}]+)(?:[.．](?![{_ARABIC}])|、)
      | # （1）  (1)  (level 4)
        [（(](?P<level4>[{_ARABIC}]+)[）)]
    )
    """,
    re.VERBOSE,
)
_UNITS = frozenset("十百千万亿")


def parse_label(text: str) -> Label | None:
    """Read the section label at the start of a line, if there is one.

    Brackets and dots may be ASCII or full-width; indentation before the label is allowed.

    >>> parse_label("（二）持续深化校政心理合作")
    Label(level=2, index=2, rest='持续深化校政心理合作', marker='（二）')
    >>> parse_label("1．加强领导")
    Label(level=3, index=1, rest='加强领导', marker='1．')
    >>> parse_label("1.5亿元已到位") is None
    True

    Returns:
        The label, or ``None`` when the line does not start with one (also when the number
        in it is malformed, as in ``（十十）``, or is a digit string such as ``一二、``).
    """
    match = _LABEL.match(text)
    if match is None:
        return None
    level = next(level for level in (1, 2, 3, 4) if match.group(f"level{level}") is not None)
    number = match.group(f"level{level}")
    if level <= 2 and len(number) > 1 and _UNITS.isdisjoint(number):
        return None
    try:
        index = parse_number(number)
    except NumeralError:
        return None
    if index < 1:
        return None
    return Label(level, index, text[match.end() :], text[: match.end()])


def format_item(n: int) -> str:
    """Write the marker of item ``n`` of an inline enumeration.

    >>> format_item(2)
    '二是'

    Raises:
        NumeralError: ``n`` is below 1.
    """
    _check_positive("item number", n)
    return format_number(n) + "是"


# 一是 / 十一是 at the start of a paragraph or after punctuation or a space; 统一是, 唯一是,
# 之一是 and 第一是 are ordinary words because a character comes right before the numeral.
_ITEM = re.compile(r"(?:^|(?<=[。；;：:，,、！!？?（(\s]))(?P<number>[一二三四五六七八九十]+)是")
_ITEM_VALUES = {format_number(n): n for n in range(1, 100)}
_AFTER_IDIOM = frozenset("。；;：:，,、！!？?）)\n")


def parse_item(text: str) -> int | None:
    """Read the item marker (一是, 二是 …) that opens a paragraph, if there is one.

    Useful when each item of an enumeration is a paragraph of its own.

    >>> parse_item("二是构建心理健康工作机制。"), parse_item("统一是标准。")
    (2, None)

    Returns:
        The item's ordinal (1-99), or ``None`` when ``text`` does not start with a marker.
    """
    match = _ITEM.match(text)
    return None if match is None else _ITEM_VALUES.get(match.group("number"))


def find_item_markers(text: str) -> tuple[tuple[int, int], ...]:
    """Find every item marker (一是, 二是 …) that stands at a clause boundary in ``text``.

    A marker counts at the start of the text or after punctuation or a space; 统一是, 之一是
    and 第一是 are words, and 一是一，二是二 is an idiom, so none of them count. Order is not
    checked: this is what :func:`split_items` and consistency checks build on.

    >>> find_item_markers("一是减负；三是培训；统一是关键。")
    ((0, 1), (5, 3))

    Returns:
        ``(position, ordinal)`` pairs, in order of position.
    """
    found = []
    for match in _ITEM.finditer(text):
        number = match.group("number")
        ordinal = _ITEM_VALUES.get(number)
        after = text[match.end() : match.end() + len(number) + 1]
        if after[: len(number)] == number and (after[len(number) :] or "\n") in _AFTER_IDIOM:
            continue  # 一是一，二是二: "one is one", not a list
        if ordinal is not None:
            found.append((match.start(), ordinal))
    return tuple(found)


def split_items(paragraph: str) -> tuple[str, tuple[Item, ...]]:
    """Split an inline enumeration 一是…二是…三是… out of a paragraph.

    Items run in order, each marker continuing the count of the one before; a marker out of
    order is ordinary text. Letters often break an enumeration across paragraphs, so a run
    may start at any ordinal when it opens the paragraph (二是构建…) or when at least two
    markers follow in order (…。二是推动…三是督促…); a single marker elsewhere counts only
    when it is 一是.

    >>> lead, items = split_items("主要措施：一是加强领导；二是细化分工。")
    >>> lead, items
    ('主要措施：', (Item(ordinal=1, text='一是加强领导；'), Item(ordinal=2, text='二是细化分工。')))
    >>> split_items("二是构建工作机制。")[1]
    (Item(ordinal=2, text='二是构建工作机制。'),)
    >>> split_items("日期格式统一是年月日。")
    ('日期格式统一是年月日。', ())

    Returns:
        The text before the first item, and the items; ``lead + "".join(item.text for item in
        items) == paragraph`` always. Without an enumeration: ``(paragraph, ())``.
    """
    markers = find_item_markers(paragraph)
    # where each ordinal last occurs, so "is this marker followed by its successor?" is O(1)
    last = {ordinal: index for index, (_, ordinal) in enumerate(markers)}
    starts: list[tuple[int, int]] = []
    for index, (position, ordinal) in enumerate(markers):
        if starts:
            if ordinal == starts[-1][1] + 1:
                starts.append((position, ordinal))
            continue
        continued = last.get(ordinal + 1, -1) > index
        if ordinal == 1 or position == 0 or continued:
            starts.append((position, ordinal))
    if not starts:
        return paragraph, ()
    ends = [start for start, _ in starts[1:]] + [len(paragraph)]
    items = tuple(
        Item(ordinal, paragraph[start:end])
        for (start, ordinal), end in zip(starts, ends, strict=True)
    )
    return paragraph[: starts[0][0]], items
