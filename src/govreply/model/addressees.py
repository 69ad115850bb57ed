"""Addressees (主送): the deputies, members or agency a letter is sent to."""

from __future__ import annotations

import re
import unicodedata

import attrs

from govreply.errors import NumeralError, ValidationError
from govreply.model._validators import nonempty, nonempty_items, positive
from govreply.numerals import parse_number

__all__ = ["Addressees"]

# 马雪梅、黄春英、李珍等12名代表 / 马青、周丽等委员 / 司长虹、杨胜利二位代表 /
# 尊敬的王芳委员 / 张三代表您好 / 市教育局
_LINE = re.compile(
    r"""
    ^(?:尊敬的)?\s*
    (?P<names>.*?)
    (?:等\s*(?P<total>[0-9〇零一二两三四五六七八九十百]+)?\s*(?:名|位|个)?
      |(?P<bare>[0-9〇零一二两三四五六七八九十百]{1,4})\s*[名位])?
    (?P<role>代表|委员|同志)?
    (?:们)?\s*(?:您好|你好)?[:：,，!！]?\s*$
    """,
    re.VERBOSE,
)
_SEPARATORS = re.compile(r"\s*[、,，;；]\s*")


def _names_ok(
    instance: Addressees, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not value:
        raise ValidationError("addressees need at least one name", field="names", value=value)
    nonempty_items(instance, attribute, value)
    for i, name in enumerate(value):
        if "、" in name:
            raise ValidationError(
                f"names[{i}] holds a list separator 、; give each name separately",
                field=f"names[{i}]",
                value=name,
            )


@attrs.frozen
class Addressees:
    """Who a letter (or a feedback form) is addressed to.

    ``total`` is the printed head count (…等12名代表 → 12), ``role`` is 代表 (deputies),
    委员 (members) or ``None`` for an agency.

    >>> a = Addressees.parse("马雪梅、黄春英、李珍等12名代表：")
    >>> a.names, a.total, a.role, str(a)
    (('马雪梅', '黄春英', '李珍'), 12, '代表', '马雪梅、黄春英、李珍等12名代表')
    """

    names: tuple[str, ...] = attrs.field(validator=_names_ok)
    # A total below len(names) is a misprint that real letters contain: a finding, not an error.
    total: int | None = attrs.field(default=None, kw_only=True, validator=positive)
    role: str | None = attrs.field(default=None, kw_only=True, validator=nonempty)

    def __str__(self) -> str:
        text = "、".join(self.names)
        if self.total is not None:
            text += f"等{self.total}名"
        return text + (self.role or "")

    @classmethod
    def parse(cls, text: str) -> Addressees:
        """Read an addressee line: names separated by 、, an optional 等N名 and role.

        Honorifics (尊敬的…, …您好) and the final colon are dropped.

        Raises:
            ValidationError: no name can be read from ``text``.
        """
        line = unicodedata.normalize("NFKC", text).strip()
        match = _LINE.match(line)
        names = tuple(n for n in _SEPARATORS.split(match["names"]) if n) if match else ()
        if match is None or not names:
            raise ValidationError(
                f"not an addressee line (expected e.g. 马雪梅、李珍等12名代表：): {text!r}",
                field="addressees",
                value=text,
            )
        total = None
        count = match["total"] or match["bare"]
        if count:
            try:
                total = parse_number(count)
            except NumeralError as exc:
                raise ValidationError(
                    f"bad head count in {text!r}: {exc}", field="total", value=text
                ) from exc
        role = match["role"] or None
        return cls(names, total=total, role=role)
