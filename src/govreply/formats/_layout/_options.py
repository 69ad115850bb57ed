"""Options shared by the official-layout writers (DOCX, HTML, PDF), and the typefaces they name."""

from __future__ import annotations

from typing import Literal, get_args

import attrs

from govreply.errors import ValidationError

__all__ = ["FONT_ROLES", "FontRole", "Layout", "LayoutOptions", "Typefaces"]

#: The typefaces GB/T 9704-2012 names: 小标宋 (issuer mark, titles), 仿宋 (body), 黑体 (一、
#: headings, the 附件 label), 楷体 (（一） headings) and 宋体 (page numbers).
FontRole = Literal["xiaobiaosong", "fangsong", "heiti", "kaiti", "songti"]
FONT_ROLES: tuple[FontRole, ...] = get_args(FontRole)

#: ``letter``: 信函格式 (GB/T 9704 §10.1), what reply letters use; ``ordinary``: the ordinary
#: document layout (§7), issuer mark 35 mm below the text area's top and a page number on page 1.
Layout = Literal["letter", "ordinary"]


def _chain(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or not all(isinstance(name, str) and name.strip() for name in value)
    ):
        raise ValidationError(
            f"{attribute.name} must be a non-empty tuple of font names, got {value!r}",
            field=attribute.name,
            value=value,
        )


def _to_tuple(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _field(*names: str) -> tuple[str, ...]:
    return attrs.field(default=names, converter=_to_tuple, validator=_chain)


@attrs.frozen(kw_only=True)
class Typefaces:
    """The font for each typeface the standard names, as a chain of names, most wanted first.

    A name is a family name (``仿宋``, ``Noto Serif CJK SC``) or a face's full name
    (``Noto Serif CJK SC Bold``), as fontconfig, Word and CSS ``local()`` know them. The DOCX
    writer names the first entry (and the second as Word's alternative), HTML lists the chain
    for the browser, and PDF uses the first entry found on the machine that has every
    character to print, reporting each fallback as a finding. No free 小标宋 exists, so its
    chain falls back to a heavy 宋体; no free 楷体 covers GB 2312 in Noto, so 楷体 falls back
    to Fandol or AR PL 楷; every chain ends with Noto Serif CJK SC, so a machine with only that
    font still prints (each such fallback is reported).

    >>> Typefaces().fangsong[:3]
    ('仿宋_GB2312', '仿宋', 'FangSong')
    >>> Typefaces(heiti=["Source Han Sans SC"]).heiti
    ('Source Han Sans SC',)
    """

    xiaobiaosong: tuple[str, ...] = _field(
        "方正小标宋简体",
        "方正小标宋_GBK",
        "FZXiaoBiaoSong-B05S",
        "小标宋",
        "华文中宋",
        "STZhongsong",
        "Source Han Serif SC Heavy",
        "Noto Serif CJK SC Black",
        "Noto Serif CJK SC Bold",
        "Noto Serif SC Bold",
        "FandolSong Bold",
        "宋体",
        "SimSun",
        "FandolSong",
        "Noto Serif CJK SC",
        "Noto Serif SC",
    )
    fangsong: tuple[str, ...] = _field(
        "仿宋_GB2312",
        "仿宋",
        "FangSong",
        "STFangsong",
        "FandolFang",
        "Noto Serif CJK SC",
        "Noto Serif SC",
        "Source Han Serif SC",
    )
    heiti: tuple[str, ...] = _field(
        "黑体",
        "SimHei",
        "STHeiti",
        "FandolHei",
        "Noto Sans CJK SC",
        "Noto Sans SC",
        "Source Han Sans SC",
        "Noto Serif CJK SC",
    )
    kaiti: tuple[str, ...] = _field(
        "楷体_GB2312",
        "楷体",
        "KaiTi",
        "STKaiti",
        "FandolKai",
        "AR PL UKai CN",
        "AR PL KaitiM GB",
        "Noto Serif CJK SC",
        "Noto Serif SC",
    )
    songti: tuple[str, ...] = _field(
        "宋体",
        "SimSun",
        "STSong",
        "FandolSong",
        "Noto Serif CJK SC",
        "Noto Serif SC",
        "Source Han Serif SC",
    )

    def chain(self, role: FontRole) -> tuple[str, ...]:
        """The chain of names for ``role``."""
        chain: tuple[str, ...] = getattr(self, role)
        return chain


def _layout_name(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in get_args(Layout):
        raise ValidationError(
            f"layout must be 'letter' (信函格式) or 'ordinary', got {value!r}",
            field="layout",
            value=value,
        )


def _optional_text(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValidationError(
            f"{attribute.name} must be None or non-blank text, got {value!r}",
            field=attribute.name,
            value=value,
        )


def _typefaces(instance: object, attribute: attrs.Attribute[Typefaces], value: object) -> None:
    if not isinstance(value, Typefaces):
        raise ValidationError(
            f"typefaces must be a Typefaces, got {type(value).__name__}",
            field="typefaces",
            value=value,
        )


def _flag(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise ValidationError(
            f"{attribute.name} must be True or False, got {value!r}",
            field=attribute.name,
            value=value,
        )


@attrs.frozen(kw_only=True)
class LayoutOptions:
    """What every official-layout writer lets you choose.

    Attributes:
        layout: ``"letter"`` (信函格式, the default) or ``"ordinary"``.
        issuer_mark: the text of the issuer mark (发文机关标志); ``None`` prints the letter's
            ``issuer`` (a letter without one prints no mark).
        masthead: ``False`` leaves the issuer mark and the red rules out but keeps their room,
            for paper with a printed letterhead.
        typefaces: the font chains (:class:`Typefaces`).
    """

    layout: Layout = attrs.field(default="letter", validator=_layout_name)
    issuer_mark: str | None = attrs.field(default=None, validator=_optional_text)
    masthead: bool = attrs.field(default=True, validator=_flag)
    typefaces: Typefaces = attrs.field(factory=Typefaces, validator=_typefaces)
