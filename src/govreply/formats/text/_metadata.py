"""Metadata printed around a letter: a portal's 政府信息公开 table and a handling-record table.

Portals print the page's metadata above a letter (``索 引 号 640323004/2022-00062 发文时间
2021-10-22``, ``发布机构: 县交通局 | 文号: …``), and handling systems print the item's record
(``建议号: 第55号``, ``领衔代表: 蔡亦海``, ``承办单位 交办日期``…). Neither is part of the letter;
both are kept, key by key, in :attr:`TextParseResult.metadata
<govreply.formats.text.TextParseResult.metadata>`. A line is metadata when it starts with one of
the keys below (layout spaces inside a key, ``索 引 号``, are allowed); its values run from one key
to the next, with or without a colon.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["CONTENT_KEYS", "FILLS", "KEYS", "columns", "is_metadata", "pairs", "row"]

#: The keys of page metadata and handling records, longest first within each group.
KEYS: tuple[str, ...] = (
    # 政府信息公开 (the page)
    "索引号", "组配分类", "主题分类", "体裁分类", "信息分类", "发文机关", "发布机构", "发布单位",
    "发文单位",
    "成文日期", "发文日期", "发文时间", "发布日期", "发布时间", "公开日期", "公开时间", "生成日期",
    "发文字号", "文号", "有效性", "公开方式", "公开范围", "公开时限", "标题", "关键词", "主题词",
    "信息来源", "来源", "作者", "责任部门", "所属主题", "浏览次数", "访问次数", "阅读次数",
    "点击数", "点击量", "浏览量", "更新时间", "更新日期", "录入时间", "发布人", "失效日期",
    "生效日期", "废止日期", "有效期", "时效性", "著录日期", "日期", "时间", "名称",
    # 办理记录 (the item)
    "建议号", "提案号", "建议编号", "提案编号", "案号", "领衔代表", "领衔人", "附议代表", "附议人",
    "联名代表", "提案人", "建议人", "提出人", "代表姓名", "委员姓名", "代表团", "界别",
    "主办单位", "协办单位", "会办单位", "分办单位", "承办单位", "交办日期", "交办时间", "办结日期",
    "答复时间", "答复日期", "办理情况", "办理状态", "政府督办领导", "督办领导",
    "责任领导", "题目", "案由", "答复内容", "建议内容", "提案内容", "内容", "会办", "协办",
)  # fmt: skip

#: Record keys whose value is the letter itself (or the item's text): a column of these is
#: never filled from the lines below it.
CONTENT_KEYS = frozenset({"答复内容", "建议内容", "提案内容", "内容"})

# 索 引 号 / 领衔代表  (a key, perhaps with layout spaces between its characters)
_KEY = "|".join(r"\s{0,3}".join(key) for key in sorted(KEYS, key=len, reverse=True))
# a key at the start, or after a space, a table border or a bracket ([ 索引号 ] | …), then an
# optional colon
_AT_KEY = re.compile(rf"(?:^|(?<=[\s|\[]))(?P<key>{_KEY})\s{{0,3}}\]?\s{{0,3}}:?\s{{0,3}}")
_LEADING = re.compile(rf"^[-•*·|\[\s]{{0,8}}(?:{_KEY})(?:\s{{0,3}}[:\]]|\s|$)")


def is_metadata(folded: str) -> bool:
    """Whether the folded line starts with a metadata key (``索 引 号 …``, ``建议号：…``)."""
    return _LEADING.match(folded) is not None


def pairs(text: str, folded: str) -> Iterator[tuple[str, str]]:
    """The ``(key, value)`` pairs of a metadata line, keys without spaces, values as printed.

    ``folded`` is :func:`~govreply.formats.text._grammar.fold` of ``text``; values run to the
    next key and lose their surrounding spaces, colons and table borders. Empty values are
    left out.

    >>> list(pairs("索 引 号 640323004/2022-00062 发文时间 2021-10-22",
    ...            "索 引 号 640323004/2022-00062 发文时间 2021-10-22"))
    [('索引号', '640323004/2022-00062'), ('发文时间', '2021-10-22')]
    """
    keys = list(_AT_KEY.finditer(folded))
    for match, following in zip(keys, [*keys[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        # the value, without the borders around it and the bracket of the next key
        value = text[match.end() : end].strip(" \t\u3000|:：").removesuffix("[")
        value = value.strip(" \t\u3000|:：")
        if value:
            yield "".join(match["key"].split()), value


#: Which metadata keys may fill which field of a letter that does not print it, in order of
#: preference. Publication dates (发布日期, 公开日期) never stand for the letter's date.
FILLS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("issuer", ("发文机关", "发文单位", "发布机构", "发布单位")),
    ("doc_number", ("发文字号", "文号")),
    ("disclosure", ("公开方式", "公开属性")),
    ("date", ("成文日期",)),
    ("reference.number", ("建议号", "提案号", "建议编号", "提案编号", "案号")),
    ("reference.title", ("题目", "标题")),
    ("reference.congress", ("会议",)),
)


def columns(folded: str) -> list[str]:
    """The keys of a table's header row (``主办单位 会办 交办日期``), or ``[]`` if not one.

    A header row holds two or more keys and nothing else; its values stand on the lines below.
    """
    keys = list(_AT_KEY.finditer(folded))
    rest = _AT_KEY.sub("", folded).strip(" \t\u3000|:-•*·")
    return ["".join(k["key"].split()) for k in keys] if len(keys) >= 2 and not rest else []


# 省交通运输厅;    2016-03-01  (the cells of a values row: wide gaps or a border between them)
_CELL_GAP = re.compile(r"\s{2,}|\t|\u3000|\|")
# 2016-03-01 / 2016年7月29日  (a cell holding a date)
_DATE_CELL = re.compile(r"^[0-9]{4}\s{0,2}(?:[-./年]\s{0,2}[0-9]{1,2}){2}\s{0,2}日?$")


def row(keys: list[str], text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Read a values row under the header row ``keys``: ``(pairs, keys still waiting)``.

    As many cells as keys pair up in order. With fewer, an empty cell was left out: date cells
    go to the date keys (日期, 时间) and the others to the other keys, in order. A single cell is
    the first key's value (a date cell: the first date key's), and the keys after it wait for the
    next lines (one value per line).
    """
    cells = [c.strip() for c in _CELL_GAP.split(text) if c.strip()]
    dated = [k for k in keys if k.endswith(("日期", "时间"))]
    if len(cells) == 1 and _DATE_CELL.match(cells[0]) and dated and keys[0] not in dated:
        # 主办单位 会办 交办日期 / 2011-05-19  (the cells before the date were left empty)
        return [(dated[0], cells[0])], keys[keys.index(dated[0]) + 1 :]
    if len(cells) == 1 or len(cells) > len(keys):
        return [(keys[0], text.strip())], keys[1:]
    if len(cells) == len(keys):
        return list(zip(keys, cells, strict=True)), []
    other = [k for k in keys if k not in dated]
    found: list[tuple[str, str]] = []
    for cell in cells:
        pool = dated if _DATE_CELL.match(cell) else other
        if pool:
            found.append((pool.pop(0), cell))
    return found, []
