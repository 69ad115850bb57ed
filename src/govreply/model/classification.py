"""Handling classifications (办理类别) such as A, B2 or 甲, and the schemes that give them meaning.

A classification code is a grade letter (A–D, or 甲乙丙丁) with an optional digit sub-code. The
meaning of each grade is not part of the code: it comes from a :class:`ClassificationScheme`.
Two schemes ship: ``npc`` (the usual people's-congress grades A–D) and ``ganxian`` (the grades
and sub-codes A1 A2 A3 B1 B2 C1 C2 offered by the seed letter's feedback form, whose digits
are opaque labels). Systems register their own with :func:`register_scheme`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import attrs

from govreply.errors import ValidationError
from govreply.model import _validators as v

__all__ = [
    "Classification",
    "ClassificationScheme",
    "get_scheme",
    "register_scheme",
    "scheme_names",
]

# A1 / B / 甲 / 乙2  (grade letter, optional digit sub-code)
_CODE = re.compile(r"[A-D甲乙丙丁][1-9]?")

#: Longest printed classification :meth:`Classification.parse` reads (``办理结果：（A1类）`` is 10).
MAX_PRINTED = 40

# （A1） / A类 / 类别：B / 办理结果：（C） / 答复类别: A类 / B类答复  (every run is bounded and
# input is capped at MAX_PRINTED, so adjacent space runs cannot trade characters for long)
_PRINTED = re.compile(
    r"""
    ^[\s(（【\[]{0,8}
    (?:(?:办理|答复)?(?:类别|类型|分类|结果)[\s:：]{0,8}[(（]?\s{0,8})?
    (?P<code>[A-Da-d甲乙丙丁][1-9]?)
    (?:\s{0,8}类)?(?:\s{0,8}[)）】\]])?(?:\s{0,8}(?:类|答复|件))?[)）】\]\s。]{0,8}$
    """,
    re.VERBOSE,
)


def _check_code(value: str, field: str) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise ValidationError(
            f"classification code must be a grade A-D or 甲乙丙丁 with an optional digit 1-9, "
            f"got {value!r}",
            field=field,
            value=value,
        )


def _valid_code(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    _check_code(value, attribute.name)


v.describe(_valid_code, v.Rule("text", pattern=_CODE.pattern))


def _as_dict(meanings: Mapping[str, str]) -> dict[str, str]:
    return dict(meanings)


@attrs.frozen
class Classification:
    """A handling classification code.

    >>> c = Classification.parse("（A1）")
    >>> c.code, c.grade, c.subcode
    ('A1', 'A', '1')
    >>> Classification.parse("类别：B").code
    'B'
    """

    code: str = attrs.field(validator=_valid_code)

    def __str__(self) -> str:
        return self.code

    @property
    def grade(self) -> str:
        """The grade letter, e.g. ``A`` for ``A1``."""
        return self.code[0]

    @property
    def subcode(self) -> str | None:
        """The digit after the grade, e.g. ``1`` for ``A1``; ``None`` when there is none."""
        return self.code[1:] or None

    @classmethod
    def parse(cls, text: str) -> Classification:
        """Read a classification as printed: ``（A1）``, ``A类``, ``类别：B``, ``办理结果：（C）``.

        Raises:
            ValidationError: no classification code can be read from ``text``, or it is longer
                than :data:`MAX_PRINTED` characters.
        """
        stripped = text.strip()
        folded = unicodedata.normalize("NFKC", stripped) if len(stripped) <= MAX_PRINTED else ""
        match = _PRINTED.match(folded) if folded else None
        if match is None:
            raise ValidationError(
                f"not a classification (expected e.g. A1, （B）, 类别：C): {text[:MAX_PRINTED]!r}",
                field="classification",
                value=text,
            )
        return cls(match["code"].upper())


@attrs.frozen
class ClassificationScheme:
    """What the grades (and optionally the sub-codes) of a classification mean.

    ``meanings`` maps a grade or a full code to its meaning; ``options`` lists the codes a
    feedback form offers, in order.

    >>> npc = get_scheme("npc")
    >>> npc.describe(Classification("B"))
    '正在解决或列入计划逐步解决'
    """

    name: str = attrs.field(validator=v.text(optional=False))
    meanings: Mapping[str, str] = attrs.field(converter=_as_dict, hash=False)
    options: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        for code in self.meanings:
            _check_code(code, "meanings")
        for code in self.options:
            _check_code(code, "options")
        for code in self.options:
            if code not in self.meanings and code[0] not in self.meanings:
                raise ValidationError(
                    f"option {code!r} of scheme {self.name!r} has no meaning for it or its grade",
                    field="options",
                    value=code,
                )

    def accepts(self, classification: Classification) -> bool:
        """Whether the code is one this scheme defines (as an option, a code or a grade)."""
        code = classification.code
        if self.options:
            return code in self.options
        return code in self.meanings

    def describe(self, classification: Classification) -> str:
        """The meaning of a code: its own entry, else its grade's.

        Raises:
            ValidationError: the scheme does not define the code or its grade.
        """
        code = classification.code
        meaning = self.meanings.get(code) or self.meanings.get(classification.grade)
        if meaning is None or (self.options and code not in self.options):
            raise ValidationError(
                f"scheme {self.name!r} does not define classification {code!r}",
                field="classification",
                value=code,
            )
        return meaning


_NPC_MEANINGS = {
    "A": "所提问题已经解决或基本解决",
    "B": "正在解决或列入计划逐步解决",
    "C": "因条件限制或其他原因需待以后解决",
    "D": "留作参考",
}

_SCHEMES: dict[str, ClassificationScheme] = {
    "npc": ClassificationScheme("npc", _NPC_MEANINGS, ("A", "B", "C", "D")),
    "ganxian": ClassificationScheme(
        "ganxian",
        {
            "A": "所提问题已经解决或采纳",
            "B": "正在解决或列入计划逐步解决",
            "C": "因条件限制需待以后解决或留作参考",
        },
        ("A1", "A2", "A3", "B1", "B2", "C1", "C2"),
    ),
}


def register_scheme(scheme: ClassificationScheme, *, replace: bool = False) -> None:
    """Make ``scheme`` available by name to :func:`get_scheme` and :func:`govreply.check`.

    Raises:
        ValidationError: a scheme of that name exists and ``replace`` is false.
    """
    if scheme.name in _SCHEMES and not replace:
        raise ValidationError(
            f"a classification scheme named {scheme.name!r} is already registered",
            field="name",
            value=scheme.name,
        )
    _SCHEMES[scheme.name] = scheme


def get_scheme(name: str) -> ClassificationScheme:
    """Return the registered scheme called ``name``.

    Raises:
        ValidationError: no scheme of that name is registered.
    """
    try:
        return _SCHEMES[name]
    except KeyError:
        raise ValidationError(
            f"unknown classification scheme {name!r} (known: {', '.join(sorted(_SCHEMES))})",
            field="scheme",
            value=name,
        ) from None


def scheme_names() -> tuple[str, ...]:
    """The names of the registered schemes, sorted."""
    return tuple(sorted(_SCHEMES))
