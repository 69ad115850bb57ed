"""Chinese numerals, ordinals, section labels, inline enumerations and dates.

Chinese writes integers in groups of four digits (个 十 百 千), each group followed by its
magnitude: 万 (10⁴) and 亿 (10⁸). Above 亿 the magnitudes compose, so 10¹² is 一万亿 and 10¹⁶
is 一亿亿; the old large units 兆 and 京 are ambiguous and never written here. 零 stands for
skipped digits (一百零五, 十万零一十, 一亿零一千), the 一 of a leading 一十 is dropped only at
the very start (十一, but 一百一十), and financial documents use the ``upper`` characters
(壹贰叁…拾佰仟) with 壹拾 always spelled out. Years are written digit by digit (二〇二四).

Official documents also number their sections 一、 → （一） → 1. → （1） (GB/T 9704-2012
7.3.3), enumerate points inline as 一是…二是…三是…, and date letters 2024年5月20日.

Every writer has a strict reader (``format_number`` / ``parse_number`` and so on), and
``parse_number(format_number(n, style=s)) == n`` for every integer and style:

>>> format_number(100100000), format_number(10**12), format_number(10**16 + 1)
('一亿零一十万', '一万亿', '一亿亿零一')
>>> format_number(105, style="upper"), format_number(2024, style="digits")
('壹佰零伍', '二〇二四')
>>> parse_number("第五十五"), parse_number("两万"), parse_number("3万"), parse_number("１.５亿")
(55, 20000, 30000, 150000000)
>>> split_amount("30万元")
(300000, '元')
>>> is_numeral("十十"), is_numeral(None)
(False, False)
>>> format_ordinal(55), parse_ordinal("第一百零一")
('第五十五', 101)
>>> format_label(1, 3), format_label(2, 3), format_label(3, 3), format_label(4, 3)
('三、', '（三）', '3.', '（3）')
>>> parse_label("(一)加强组织领导")
Label(level=2, index=1, rest='加强组织领导', marker='(一)')
>>> format_item(2), parse_item("二是构建工作机制。")
('二是', 2)
>>> lead, items = split_items("现提出三点意见：一是加强领导，二是细化分工，三是强化考核。")
>>> [item.text for item in items]
['一是加强领导，', '二是细化分工，', '三是强化考核。']
>>> from datetime import date
>>> format_date(date(2024, 5, 20)), format_date(date(2024, 5, 20), style="chinese")
('2024年5月20日', '二〇二四年五月二十日')
>>> parse_date("二〇二四年五月廿日")
datetime.date(2024, 5, 20)

Malformed input raises :class:`~govreply.errors.NumeralError` with the position of the first bad
character:

>>> try:
...     parse_number("二十二十")
... except NumeralError as error:
...     print(error.position)
3
"""

from __future__ import annotations

from govreply._numerals.dates import DateStyle, format_date, parse_date
from govreply._numerals.labels import (
    Item,
    Label,
    find_item_markers,
    format_item,
    format_label,
    parse_item,
    parse_label,
    split_items,
)
from govreply._numerals.numbers import (
    NumberStyle,
    format_number,
    format_ordinal,
    is_numeral,
    parse_number,
    parse_ordinal,
    split_amount,
)
from govreply.errors import NumeralError

__all__ = [
    "DateStyle",
    "Item",
    "Label",
    "NumberStyle",
    "NumeralError",
    "find_item_markers",
    "format_date",
    "format_item",
    "format_label",
    "format_number",
    "format_ordinal",
    "is_numeral",
    "parse_date",
    "parse_item",
    "parse_label",
    "parse_number",
    "parse_ordinal",
    "split_amount",
    "split_items",
]


def __dir__() -> list[str]:
    return list(__all__)
