"""What a letter answers: the congress session and the suggestion or proposal itself.

Sessions are written many ways; :meth:`Congress.parse` reads the common ones::

    区二届人大四次会议                      npc,   level 区,     term 2,  session 4
    沙河市第九届人民代表大会第三次会议       npc,   level 沙河市,  term 9,  session 3
    市政协第二届委员会第五次会议             cppcc, level 市,     term 2,  session 5
    市十六届政协二次会议                     cppcc, level 市,     term 16, session 2
    政协赣州市第六届委员会第三次会议         cppcc, level 赣州市,  term 6,  session 3
    十四届全国人大二次会议                   npc,   level 全国,   term 14, session 2

A phrase is kept as printed (``printed``) when it is not the form ``str()`` writes, so
``市政协十四届二次会议`` prints back as itself and not as ``市十四届政协二次会议``.
"""

from __future__ import annotations

import re

import attrs

from govreply.errors import NumeralError, ValidationError
from govreply.model import _validators as v
from govreply.model._enums import CongressBody, ItemKind
from govreply.numerals import format_number, parse_number

__all__ = ["MAX_CONGRESS_PHRASE", "Congress", "ItemReference"]

#: Longest congress phrase :meth:`Congress.parse` reads (the longest real ones are about 30).
MAX_CONGRESS_PHRASE = 60

_NUM = r"[〇零一二两三四五六七八九十百0-9]+"

# 区二届人大四次会议 / 沙河市第九届人民代表大会第三次会议 / 市十六届政协二次会议
# 十四届全国人大二次会议 / 政协赣州市第六届委员会第三次会议
_CONGRESS = re.compile(
    rf"""
    ^(?P<pre>政协|中国人民政治协商会议)?
    (?P<level>.*?)
    (?P<body1>人大|政协)?
    第?(?P<term>{_NUM})届
    (?P<level2>全国)?
    (?P<body2>人大|人民代表大会|政协|人民政治协商会议)?
    (?:[^第]{{0,12}}?委员会)?
    (?:第?(?P<session>{_NUM})次(?:全体)?会议?)?$
    """,
    re.VERBOSE,
)


@attrs.frozen
class Congress:
    """A session of a people's congress (人大) or a CPPCC committee (政协).

    >>> c = Congress.parse("区二届人大四次会议")
    >>> c.body.value, c.level, c.term, c.session, str(c)
    ('npc', '区', 2, 4, '区二届人大四次会议')
    >>> str(Congress.parse("市政协十四届二次会议"))
    '市政协十四届二次会议'
    """

    body: CongressBody = attrs.field(validator=v.enum_value(CongressBody))
    level: str | None = attrs.field(default=None, validator=v.text())
    term: int = attrs.field(default=1, validator=v.integer(optional=False))
    session: int | None = attrs.field(default=None, validator=v.integer())
    printed: str | None = attrs.field(default=None, kw_only=True, validator=v.text())

    def __str__(self) -> str:
        return self.printed if self.printed is not None else self.standard

    @property
    def standard(self) -> str:
        """The phrase in govreply's form: level, term, body, session (区二届人大四次会议)."""
        level = self.level or ""
        text = f"{level}{format_number(self.term)}届{self.body.chinese}"
        if level == "全国":
            text = f"{format_number(self.term)}届全国{self.body.chinese}"
        if self.session is not None:
            text += f"{format_number(self.session)}次会议"
        return text

    @classmethod
    def parse(cls, text: str) -> Congress:
        """Read a congress session phrase (see the module docs for the forms).

        Raises:
            ValidationError: the phrase names no term or no body.
        """
        phrase = "".join(text.split())
        if len(phrase) > MAX_CONGRESS_PHRASE:
            raise ValidationError(
                f"a congress phrase of {len(phrase)} characters is longer than "
                f"{MAX_CONGRESS_PHRASE}: {text[:40]!r}…",
                field="congress",
                value=text,
            )
        match = _CONGRESS.match(phrase)
        body_word = match and (match["body1"] or match["body2"] or match["pre"])
        if match is None or not body_word:
            raise ValidationError(
                f"not a congress session (expected e.g. 区二届人大四次会议): {text!r}",
                field="congress",
                value=text,
            )
        body = CongressBody.NPC if body_word in ("人大", "人民代表大会") else CongressBody.CPPCC
        level = match["level2"] or match["level"] or None
        try:
            term = parse_number(match["term"])
            session = parse_number(match["session"]) if match["session"] else None
        except NumeralError as exc:
            raise ValidationError(
                f"bad number in congress session {text!r}: {exc}", field="congress", value=text
            ) from exc
        congress = cls(body, level, term, session)
        if phrase != congress.standard:
            congress = attrs.evolve(congress, printed=phrase)
        return congress


@attrs.frozen(kw_only=True)
class ItemReference:
    """The suggestion or proposal a letter answers.

    ``number`` is its serial (第55号 → 55), ``category`` its group (教科文卫类) and ``title`` its
    own title (关于关注师生心理健康的建议). ``printed_number`` keeps the number as printed (without
    第 and 号) when it is not a plain integer: ``温36``, ``2021-24``, ``056``, or ``来信`` (a
    placeholder, with ``number`` ``None``).
    """

    kind: ItemKind = attrs.field(validator=v.enum_value(ItemKind))
    congress: Congress | None = attrs.field(default=None, validator=v.instance(Congress))
    number: int | None = attrs.field(default=None, validator=v.integer())
    printed_number: str | None = attrs.field(default=None, validator=v.text())
    category: str | None = attrs.field(default=None, validator=v.text())
    title: str | None = attrs.field(default=None, validator=v.text())

    @property
    def label(self) -> str | None:
        """The item's number as letters cite it, e.g. ``第55号建议``; ``None`` without a number."""
        if self.printed_number is not None and not self.printed_number[0].isdigit():
            return f"{self.printed_number}号{self.kind.chinese}"  # 温36号建议, 来信号提案
        number = self.printed_number or (str(self.number) if self.number is not None else None)
        if number is None:
            return None
        return f"第{number}号{self.kind.chinese}"
