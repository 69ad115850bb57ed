"""Reading the record header printed around a published letter (建议号, 提案人, 承办单位…).

Published letters often come with a handling-record table or a web page's metadata:
key/value pairs such as ``建议号：55``, ``领衔代表：马雪梅``, ``主办单位：区教育局``,
``交办日期：2024-03-01``. The text reader keeps them in
:attr:`govreply.formats.text.TextParseResult.metadata`, keys as printed without spaces or colon;
:meth:`govreply.case.CaseFile.from_letter` reads the keys listed in :data:`METADATA_KEYS` and
leaves the others (索引号, 浏览次数…) alone.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from govreply.case._enums import GroupKind, HandlingType, SessionPeriod, State
from govreply.errors import NumeralError, ValidationError
from govreply.model import Classification, Congress, ItemKind, ItemReference
from govreply.numerals import parse_date

__all__ = ["METADATA_KEYS", "Header", "read_header"]


def _keys(target: str, *keys: str) -> dict[str, str]:
    return dict.fromkeys(keys, target)


#: The record-header keys :meth:`~govreply.case.CaseFile.from_letter` reads, each with the
#: part of the case file it gives. Keys are compared without spaces and colons.
METADATA_KEYS: Mapping[str, str] = MappingProxyType(
    {
        **_keys("submission.number", "建议号", "建议编号", "提案号", "提案编号", "编号", "案号"),
        **_keys(
            "submission.title",
            "题目",
            "案由",
            "建议题目",
            "建议标题",
            "提案题目",
            "提案标题",
            "建议名称",
            "提案名称",
        ),
        **_keys("submission.congress", "会议", "届次", "会议名称", "会次"),
        **_keys("submission.category", "类别", "分类", "建议类别", "提案类别", "所属类别"),
        **_keys(
            "submission.lead",
            "领衔代表",
            "领衔人",
            "领衔委员",
            "提案人",
            "提案者",
            "第一提案人",
            "建议人",
            "提出人",
            "代表",
        ),
        **_keys("submission.cosigners", "附议人", "联名人", "联名代表", "联名委员", "附议代表"),
        **_keys("submission.signers_total", "人数", "联名人数", "附议人数"),
        "代表团": "submission.group (代表团)",
        "党派": "submission.group (党派)",
        "界别": "submission.group (界别)",
        "专委会": "submission.group (专委会)",
        "专门委员会": "submission.group (专委会)",
        "人民团体": "submission.group (人民团体)",
        **_keys("submission.period", "提出时段", "提交时段"),
        **_keys("submission.submitted_on", "提交日期", "提交时间", "提出日期", "提出时间"),
        **_keys("submission.key", "是否重点", "重点", "重点建议", "重点提案"),
        **_keys("submission.supervisor", "督办领导", "领办领导"),
        **_keys("submission.merged", "并案", "并案建议", "并案提案", "合并办理"),
        **_keys("assignments (主办)", "主办单位", "主办", "承办单位"),
        **_keys("assignments (协办)", "协办单位", "协办"),
        **_keys("assignments (会办)", "会办单位", "会办"),
        **_keys("assignments (分办)", "分办单位", "分办"),
        **_keys("assignments.assigned_on", "交办日期", "交办时间"),
        **_keys("assignments.deadline", "办理期限", "答复期限", "办结期限", "截止日期"),
        **_keys("assignments.signed_on", "签收日期", "签收时间"),
        **_keys("assignments.status", "办理状态", "状态"),
        **_keys("handling", "办理方式", "办理类型", "办理形式"),
        **_keys("approved_classification", "审定类别", "最终类别", "核定类别"),
    }
)

_GROUPS = {
    "代表团": GroupKind.DELEGATION,
    "党派": GroupKind.PARTY,
    "界别": GroupKind.SECTOR,
    "专委会": GroupKind.COMMITTEE,
    "专门委员会": GroupKind.COMMITTEE,
    "人民团体": GroupKind.ORGANISATION,
}

# 2016-03-01 / 2016/3/1 / 2016.03.01, optionally followed by a time (2016-03-01 09:30:00)
_NUMERIC_DATE = re.compile(r"^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[ T][0-9:.]{1,15})?$")
# 第55号 / 55号 / 第55号建议 / 温36 / 闭3  (the decoration around an item number)
_NUMBER_DECORATION = re.compile(r"^第|号?(?:建议|提案|议案)?$")
_DIGITS = re.compile(r"[0-9]+")
# 马雪梅、黄春英 / 马雪梅,黄春英 / 马雪梅 黄春英  (between names in a list)
_LIST_SEPARATOR = re.compile(r"\s*[、,，;；/]\s*|\s+")
# 等12名 / 共12人 / 12人  (a head count)
_COUNT = re.compile(r"(?:等|共)?\s*([0-9]{1,4})\s*[名人位]?$")
# ; / 。 after a value in a record table (乐东代表团;)
_TRAILING = ";；,，。、"
_YES = frozenset({"是", "重点", "Y", "y", "yes", "true", "1"})
_NO = frozenset({"否", "非重点", "一般", "N", "n", "no", "false", "0"})


@attrs.define
class Header:
    """What a record header said, field by field; ``None`` or empty where it said nothing."""

    number: int | None = None
    printed_number: str | None = None
    title: str | None = None
    congress: Congress | None = None
    category: str | None = None
    lead: str | None = None
    cosigners: tuple[str, ...] = ()
    signers_total: int | None = None
    group: tuple[GroupKind, str] | None = None
    period: SessionPeriod | None = None
    submitted_on: datetime.date | None = None
    key: bool | None = None
    supervisor: str | None = None
    merged: tuple[ItemReference, ...] = ()
    units: dict[str, tuple[str, ...]] = attrs.Factory(dict)
    assigned_on: datetime.date | None = None
    deadline: datetime.date | None = None
    signed_on: datetime.date | None = None
    status: State | None = None
    handling: HandlingType | None = None
    proposed: Classification | None = None
    approved: Classification | None = None


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def read_header(metadata: Mapping[str, str], kind: ItemKind) -> Header:
    """Read the keys of :data:`METADATA_KEYS` from ``metadata``; other keys are ignored.

    >>> h = read_header({"建议号": "第55号", "领衔代表": "马雪梅", "交办日期": "2024-03-01"},
    ...                 ItemKind.SUGGESTION)
    >>> h.number, h.lead, h.assigned_on
    (55, '马雪梅', datetime.date(2024, 3, 1))

    Raises:
        ValidationError: a value cannot be read; ``field`` is its key.
    """
    header = Header()
    for raw_key, raw_value in metadata.items():
        key = _fold(raw_key).rstrip(":")
        target = METADATA_KEYS.get(key)
        value = raw_value.strip().rstrip(_TRAILING).strip()
        if target is None or not value:
            continue
        try:
            _read_one(header, key, target, value, kind)
        except (ValidationError, NumeralError) as exc:
            raise ValidationError(
                f"record header {raw_key}：{raw_value!r}: {exc.message}",
                field=raw_key,
                value=raw_value,
            ) from exc
    return header


def _read_one(header: Header, key: str, target: str, value: str, kind: ItemKind) -> None:
    field = target.split(" ", 1)[0].split(".")[-1]
    if field == "number":
        header.number, header.printed_number = parse_item_number(value)
    elif field == "congress":
        header.congress = Congress.parse(value)
    elif field in ("title", "supervisor"):
        setattr(header, field, value)
    elif field == "category":
        code = _classification(value)
        if code is not None:
            header.proposed = code
        else:
            header.category = value
    elif field == "lead":
        names = split_names(value)
        header.lead = names[0]
        header.cosigners = (*header.cosigners, *names[1:])
    elif field == "cosigners":
        header.cosigners = (*header.cosigners, *split_names(value))
    elif field == "signers_total":
        header.signers_total = _count(value)
    elif field == "group":
        header.group = (_GROUPS[key], value)
    elif field == "period":
        header.period = SessionPeriod.from_chinese(_fold(value))
    elif field in ("submitted_on", "assigned_on", "deadline", "signed_on"):
        setattr(header, field, parse_day(value))
    elif field == "key":
        header.key = _flag(value)
    elif field == "merged":
        header.merged = tuple(
            ItemReference(kind=kind, number=number, printed_number=printed)
            for number, printed in map(parse_item_number, split_names(value))
        )
    elif field == "assignments":
        role = target.split("(", 1)[1].rstrip(")")
        header.units[role] = (*header.units.get(role, ()), *split_names(value))
    elif field == "status":
        header.status = State.from_chinese(_fold(value).removeprefix("已").removeprefix("待"))
    elif field == "handling":
        header.handling = HandlingType.from_chinese(_fold(value))
    elif field == "approved_classification":
        header.approved = Classification.parse(value)


def parse_item_number(text: str) -> tuple[int | None, str | None]:
    """An item number as printed: ``(number, printed_number)`` as :class:`ItemReference` keeps them.

    >>> parse_item_number("第55号"), parse_item_number("温36"), parse_item_number("056")
    ((55, None), (36, '温36'), (56, '056'))

    Raises:
        ValidationError: the text holds no number at all.
    """
    folded = _NUMBER_DECORATION.sub("", _fold(text))
    digits = _DIGITS.findall(folded)
    if not folded:
        raise ValidationError(f"not an item number: {text!r}", field="number", value=text)
    number = int(digits[-1]) if digits and len(digits[-1]) <= 9 and int(digits[-1]) else None
    if number is not None and folded == str(number):
        return number, None
    return number, folded


def split_names(text: str) -> tuple[str, ...]:
    """The names of a list printed ``马雪梅、黄春英`` (or with commas, semicolons or spaces).

    Raises:
        ValidationError: no name is left.
    """
    names = tuple(n for n in _LIST_SEPARATOR.split(unicodedata.normalize("NFKC", text)) if n)
    if not names:
        raise ValidationError(f"no names in {text!r}", field="names", value=text)
    return names


def parse_day(text: str) -> datetime.date:
    """A date as record tables print it: ``2016-03-01``, ``2016/3/1``, ``2024年3月1日``.

    A time after the date (``2016-03-01 09:30``) is ignored.

    Raises:
        ValidationError: no date can be read.
    """
    folded = unicodedata.normalize("NFKC", text).strip()
    match = _NUMERIC_DATE.match(folded)
    try:
        if match is not None:
            return datetime.date(*(int(part) for part in match.groups()))
        return parse_date(folded)
    except (ValueError, NumeralError) as exc:
        raise ValidationError(f"not a date: {text!r}", field="date", value=text) from exc


def _classification(text: str) -> Classification | None:
    try:
        return Classification.parse(text)
    except ValidationError:
        return None


def _count(text: str) -> int:
    match = _COUNT.search(_fold(text))
    if match is None or not int(match[1]):
        raise ValidationError(f"not a head count: {text!r}", field="signers_total", value=text)
    return int(match[1])


def _flag(text: str) -> bool:
    folded = _fold(text)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise ValidationError(f"expected 是 or 否, got {text!r}", field="key", value=text)
