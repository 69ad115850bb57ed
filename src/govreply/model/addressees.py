"""Addressees (主送): the deputies, members or agency a letter is sent to."""

from __future__ import annotations

import re
import unicodedata

import attrs

from govreply.errors import NumeralError, ValidationError
from govreply.model import _validators as v
from govreply.numerals import parse_number

__all__ = ["MAX_ADDRESSEE_LINE", "Addressees"]

#: Longest addressee line :meth:`Addressees.parse` reads (a long list of names fits easily).
MAX_ADDRESSEE_LINE = 400

_ROLES = ("代表", "委员", "同志")
# Each pattern below is anchored at one end of the line and bounded, so stripping the line from
# both ends costs time linear in its length whatever it holds.
# 尊敬的 / 尊敬  (an honorific before the names)
_HONORIFIC = re.compile(r"^尊敬的?\s{0,8}")
# 陈  先  (a two-character name spaced out to the width of three: the spaces are layout)
_SPACED_NAME = re.compile(r"^[\u4e00-\u9fff](?:\s{1,4}[\u4e00-\u9fff]){1,2}$")
# ：/ 您好！/ 你们好：  (greeting and punctuation after the role, stripped by _strip_greeting)
_GREETINGS = ("您好", "你好", "你们好", "大家好")
_TRAILING = " :,!。;"
# 代表 / 委员们  (the role, last)
_ROLE = re.compile(r"(?P<role>代表|委员|同志)(?:们)?$")
# 等12名 / 等十二位 / 等 / 12名 / 二位  (the head count, before the role)
_COUNT = re.compile(
    r"(?:(?P<etal>等)\s{0,8}(?P<total>[0-9〇零一二两三四五六七八九十百]{1,6})?\s{0,8}[名位个]?"
    r"|(?P<bare>[0-9〇零一二两三四五六七八九十百]{1,4})\s{0,8}[名位])\s{0,8}$"
)
# 九三学社市委会李四委员 / 县政协经济委员会张三委员  (a unit printed around the person's name: the
# unit ends with an organisation word, the name is the two to four characters after it)
_UNIT_AND_NAME = re.compile(
    r"^(?P<unit>[^、]{2,40}?(?:委员会|委会|支部|小组|界别|代表团|学社|工商联|协会|局|委|办|院|校|中心|公司|党))"
    r"(?:主任|副主任|局长|院长|校长|主席|书记)?(?P<name>[^\s、]{2,4})$"
)
# 刘苍林政协绿春县委员  (the person's name, then the body they sit in)
_NAME_AND_UNIT = re.compile(r"^(?P<name>[^\s、]{2,4}?)(?P<unit>(?:政协|人大)[^\s、]{1,20})$")
# 各位 / 全体  (a collective address: 各位代表)
_COLLECTIVE = re.compile(r"^(?:各位|全体|诸位)$")
_SEPARATORS = re.compile(r"\s{0,8}[、,，;；]\s{0,8}")


def _names_ok(
    instance: Addressees, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not isinstance(value, tuple):
        raise ValidationError(
            f"names must be a tuple (or list) of strings, got {type(value).__name__} {value!r}",
            field="names",
            value=value,
        )
    for i, name in enumerate(value):
        if not isinstance(name, str) or not name or name.isspace():
            raise ValidationError(
                f"names[{i}] must be a non-blank string, got {name!r}",
                field=f"names[{i}]",
                value=name,
            )
        if "、" in name:
            raise ValidationError(
                f"names[{i}] holds a list separator 、; give each name separately",
                field=f"names[{i}]",
                value=name,
            )


v.describe(_names_ok, v.Rule("texts", pattern="[^、]*"))


@attrs.frozen
class Addressees:
    """Who a letter (or a feedback form) is addressed to.

    ``total`` is the printed head count (…等12名代表 → 12); ``et_al`` records a 等 printed
    without a count (马青、周丽等委员); ``role`` is 代表 (deputies), 委员 (members), 同志, or
    ``None`` for an agency. A collective address (各位代表) has no names, only a role. ``unit``
    is the organisation printed around a person's name (九三学社市委会李四委员 → 九三学社市委会).

    >>> a = Addressees.parse("马雪梅、黄春英、李珍等12名代表：")
    >>> a.names, a.total, a.role, str(a)
    (('马雪梅', '黄春英', '李珍'), 12, '代表', '马雪梅、黄春英、李珍等12名代表')
    >>> str(Addressees.parse("马青、周丽等委员"))
    '马青、周丽等委员'
    >>> Addressees.parse("各位代表：").names, str(Addressees.parse("各位代表："))
    ((), '各位代表')
    """

    names: tuple[str, ...] = attrs.field(converter=v.to_tuple, validator=_names_ok)
    # A total below len(names) is a misprint that real letters contain: a finding, not an error.
    total: int | None = attrs.field(default=None, kw_only=True, validator=v.integer())
    role: str | None = attrs.field(default=None, kw_only=True, validator=v.text())
    et_al: bool = attrs.field(default=False, kw_only=True, validator=v.flag())
    unit: str | None = attrs.field(default=None, kw_only=True, validator=v.text())

    def __attrs_post_init__(self) -> None:
        if not self.names and self.role is None:
            raise ValidationError(
                "addressees need at least one name (or a role, for 各位代表)",
                field="names",
                value=self.names,
            )
        if self.et_al and self.total is not None:
            raise ValidationError(
                "et_al records a 等 printed without a count; with a total it is implied",
                field="et_al",
                value=True,
            )

    def __str__(self) -> str:
        if not self.names:
            return f"各位{self.role}"
        text = "、".join(self.names)
        if self.unit is not None:
            # 县政协经济委员会张三 / 刘苍林政协绿春县  (as parse reads each)
            first = self.names[0]
            after = not _UNIT_AND_NAME.match(self.unit + first) and _NAME_AND_UNIT.match(
                first + self.unit
            )
            text = text + self.unit if after else self.unit + text
        if self.total is not None:
            text += f"等{self.total}名"
        elif self.et_al:
            text += "等"
        return text + (self.role or "")

    @classmethod
    def parse(cls, text: str) -> Addressees:
        """Read an addressee line: names separated by 、, an optional 等N名 and role.

        Honorifics (尊敬的…, …您好) and the final colon are dropped.

        Raises:
            ValidationError: no name can be read from ``text``, or it is longer than
                :data:`MAX_ADDRESSEE_LINE` characters.
        """
        line = unicodedata.normalize("NFKC", text).strip()
        if len(line) > MAX_ADDRESSEE_LINE:
            raise ValidationError(
                f"an addressee line of {len(line)} characters is longer than "
                f"{MAX_ADDRESSEE_LINE}: {text[:40]!r}…",
                field="addressees",
                value=text,
            )
        line = _HONORIFIC.sub("", line)
        line = _strip_greeting(line)
        role_match = _ROLE.search(line)
        role = role_match["role"] if role_match is not None else None
        if role_match is not None:
            line = line[: role_match.start()].rstrip()
        count = _COUNT.search(line)
        total: int | None = None
        et_al = False
        if count is not None and (count["etal"] or role is not None):
            digits = count["total"] or count["bare"]
            if digits:
                try:
                    total = parse_number(digits)
                except NumeralError as exc:
                    raise ValidationError(
                        f"bad head count in {text!r}: {exc}", field="total", value=text
                    ) from exc
            et_al = bool(count["etal"]) and total is None
            line = line[: count.start()].rstrip()
        if role is not None and (not line or _COLLECTIVE.match(line)):
            return cls((), role=role)
        names = tuple(
            "".join(n.split()) if _SPACED_NAME.match(n) else n for n in _SEPARATORS.split(line) if n
        )
        unit = None
        wrapped = _UNIT_AND_NAME.match(names[0]) if len(names) == 1 and role else None
        if wrapped is None and len(names) == 1 and role:
            wrapped = _NAME_AND_UNIT.match(names[0])
        if wrapped is not None:
            unit, names = wrapped["unit"], (wrapped["name"],)
        if not names:
            raise ValidationError(
                f"not an addressee line (expected e.g. 马雪梅、李珍等12名代表：): {text!r}",
                field="addressees",
                value=text,
            )
        return cls(names, total=total, role=role, et_al=et_al, unit=unit)


def _strip_greeting(line: str) -> str:
    """``line`` without the greetings and punctuation that end it (张三代表您好： -> 张三代表)."""
    while True:
        stripped = line.rstrip(_TRAILING)
        for greeting in _GREETINGS:
            if stripped.endswith(greeting):
                stripped = stripped[: -len(greeting)]
        if stripped == line:
            return line
        line = stripped
