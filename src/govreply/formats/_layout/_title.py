"""Break a title over lines as GB/T 9704 §7.3.1 asks: whole words, balanced lines.

A title longer than a line is set on several lines "keeping words whole, in a symmetric shape
(梯形 or 菱形), lines neither too long nor too short". :func:`break_title` chooses the breaks
by dynamic programming over a cost: lines as equal as possible, a bonus for breaking after a
phrase end (会议, 》, 建议, 提案, 的, 、 …), a penalty for splitting a number, a quoted
title 《…》, a 第…号 reference or a word titles are made of, and never a line that starts
with closing punctuation or ends with opening punctuation (the line-breaking rules, 禁则).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

__all__ = ["break_title", "width"]

# Characters a line may not start with, and may not end with (GB/T 15834 line-breaking rules).
_NO_START = frozenset("，。、；：？！）》〉」』】〕”’…—·%．,.;:?!)]}")
_NO_END = frozenset("（《〈「『【〔“‘([{")
# A break right after these ends a phrase: the usual places to turn a title's line.
_GOOD_AFTER = ("会议", "》", "建议", "提案", "的", "、", "关于", "和", "及", "与")
_BAD_PENALTY = 400.0
_GOOD_BONUS = 10.0


def width(text: str) -> float:
    """The width of ``text`` in ems: wide and full-width characters 1, others 1/2.

    >>> width("第55号"), width("关于")
    (3.0, 2.0)
    """
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


# Runs a break should not split: a 《…》 title, a 第…号 number, a numeral with 届/次, a run of
# Latin letters or digits, and the words titles are made of.
_WHOLE = re.compile(
    r"《[^《》]*》|第[^第号]{1,12}号|第[〇零一二两三四五六七八九十百千0-9]+|[〇零一二两三四五六七八九十百千0-9]+[届次]"
    r"|[A-Za-z0-9]+|关于|人大|政协|人民代表大会|委员会|会议|建议|提案|答复|复函|的函|意见|代表|委员"
)


def _splits(title: str) -> frozenset[int]:
    """Indices a break before which would split one of the runs of :data:`_WHOLE`."""
    inside: set[int] = set()
    for match in _WHOLE.finditer(title):
        inside.update(range(match.start() + 1, match.end()))
    return frozenset(inside)


def break_title(title: str, per_line: float) -> tuple[str, ...]:
    """Split ``title`` into lines of at most ``per_line`` ems, balanced and at word ends.

    >>> break_title("关于区二届人大四次会议第55号建议答复的函", 20)
    ('关于区二届人大四次会议第55号建议答复的函',)
    >>> long = "关于市十六届人大二次会议第123号建议《关于加快推进城乡教育一体化发展的建议》答复的函"
    >>> break_title(long, 20)
    ('关于市十六届人大二次会议第123号建议', '《关于加快推进城乡教育一体化发展的建议》', '答复的函')

    A word longer than a line is broken where it must be.
    """
    total = width(title)
    if total <= per_line or len(title) < 2:
        return (title,)
    lines = max(2, int(-(-total // per_line)))
    splits = _splits(title)

    @cache
    def best(start: int, left: int) -> tuple[float, tuple[int, ...]]:
        """Cheapest breaks of ``title[start:]`` into ``left`` lines: (cost, break indices)."""
        rest = width(title[start:])
        if left == 1:
            if rest > per_line:
                return (float("inf"), ())
            return ((rest - total / lines) ** 2, ())
        found: tuple[float, tuple[int, ...]] = (float("inf"), ())
        for end in range(start + 1, len(title)):
            line = title[start:end]
            wide = width(line)
            if wide > per_line:
                break
            if title[end] in _NO_START or title[end - 1] in _NO_END:
                continue
            cost = (wide - total / lines) ** 2
            if end in splits:
                cost += _BAD_PENALTY
            if line.endswith(_GOOD_AFTER):
                cost -= _GOOD_BONUS
            tail_cost, tail = best(end, left - 1)
            if cost + tail_cost < found[0]:
                found = (cost + tail_cost, (end, *tail))
        return found

    for count in range(lines, lines + 3):
        cost, breaks = best(0, count)
        if breaks or cost != float("inf"):
            starts = (0, *breaks)
            ends = (*breaks, len(title))
            return tuple(title[a:b] for a, b in zip(starts, ends, strict=True))
        best.cache_clear()
    return _hard(title, per_line)


def _hard(title: str, per_line: float) -> tuple[str, ...]:
    """Break by width alone (a title the rules cannot break, e.g. one long run of Latin)."""
    lines: list[str] = []
    line = ""
    for char in title:
        if line and width(line + char) > per_line:
            lines.append(line)
            line = ""
        line += char
    return (*lines, line)
