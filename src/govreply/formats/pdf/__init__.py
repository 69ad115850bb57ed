"""PDF: a letter printed in the official layout of GB/T 9704-2012 (信函格式 by default).

:func:`dumps` prints the page of :mod:`govreply.formats.html` with WeasyPrint (install the
``pdf`` extra: ``pip install govreply[pdf]``): A4, the 156 x 225 mm text area 37 mm from the
top and 28 mm from the left, 22 lines of 28 characters of 16 pt 仿宋, the red issuer mark 30 mm
from the top with its red double rules, page numbers ``— N —`` in 4号 宋体 7 mm below the text
area on the outer side and none on page 1, the 版记 at the foot of the letter's last page and
the feedback form as a bordered table on a page of its own. The PDF is tagged (its structure
follows the HTML's headings, paragraphs and table), and its text layer is the letter's text.

Fonts are found on the machine (see :func:`resolve_fonts`): each typeface takes the first font
of its chain that has every character it must print; every fallback is a ``GW101`` finding
(:func:`render` returns them), and a typeface no font can print raises
:class:`~govreply.errors.FontError` instead of printing empty boxes.

Finding codes: ``GW101`` a typeface fell back from the first font of its chain (warning).
"""

from __future__ import annotations

# --- writer (govreply.formats.pdf.dumps) -------------------------------------------------------
from collections.abc import Mapping
from pathlib import Path

import attrs

from govreply.errors import ValidationError
from govreply.formats._layout import (
    FONT_ROLES,
    FontRole,
    LayoutOptions,
    Typefaces,
    checked_plan,
    page_title,
)
from govreply.formats.pdf._fonts import ResolvedFont, resolve
from govreply.model import Finding, ReplyLetter

# --- end writer --------------------------------------------------------------------------------

__all__ = [
    "FONT_ROLES",
    "FontRole",
    "PdfOptions",
    "Rendered",
    "ResolvedFont",
    "Typefaces",
    "dumps",
    "render",
    "resolve_fonts",
]


def __dir__() -> list[str]:
    return __all__


# --- writer (govreply.formats.pdf.dumps) -------------------------------------------------------
def _paths(value: object) -> tuple[Path, ...]:
    if isinstance(value, (str, Path)):
        raise ValidationError(
            "font_dirs must be a sequence of directories, not one path",
            field="font_dirs",
            value=value,
        )
    if not isinstance(value, (list, tuple)) or not all(isinstance(p, (str, Path)) for p in value):
        raise ValidationError(
            f"font_dirs must be a sequence of paths, got {value!r}", field="font_dirs", value=value
        )
    return tuple(Path(p) for p in value)


def _dirs_exist(
    instance: object, attribute: attrs.Attribute[tuple[Path, ...]], value: object
) -> None:
    assert isinstance(value, tuple)
    for path in value:
        if not path.is_dir():
            raise ValidationError(
                f"font_dirs: {path} is not a directory", field="font_dirs", value=path
            )


@attrs.frozen(kw_only=True)
class PdfOptions(LayoutOptions):
    """Options of :func:`dumps` and :func:`render`.

    Attributes:
        layout: ``"letter"`` (信函格式, the default) or ``"ordinary"``.
        issuer_mark: the issuer mark's text; ``None`` prints the letter's ``issuer``.
        masthead: ``False`` leaves out the issuer mark and red rules (letterhead paper).
        typefaces: the font chains, most wanted first (:class:`Typefaces`).
        font_dirs: directories searched first for fonts (recursively).
        system_fonts: also search fontconfig and the usual font folders; ``False`` uses
            ``font_dirs`` alone (a build that must not depend on the machine).

    >>> PdfOptions(font_dirs=["tests/data/fonts"]).font_dirs
    (PosixPath('tests/data/fonts'),)
    """

    font_dirs: tuple[Path, ...] = attrs.field(default=(), converter=_paths, validator=_dirs_exist)
    system_fonts: bool = attrs.field(default=True)

    @system_fonts.validator
    def _check_system_fonts(self, attribute: attrs.Attribute[bool], value: object) -> None:
        if not isinstance(value, bool):
            raise ValidationError(
                f"system_fonts must be True or False, got {value!r}",
                field="system_fonts",
                value=value,
            )


@attrs.frozen
class Rendered:
    """A printed letter: the PDF, the fonts it is set in, and the findings made printing it."""

    data: bytes = attrs.field(repr=lambda data: f"<{len(data)} bytes>")
    fonts: Mapping[FontRole, ResolvedFont] = attrs.field(factory=dict, hash=False)
    findings: tuple[Finding, ...] = ()


def resolve_fonts(
    texts: Mapping[FontRole, str] | None = None, *, options: PdfOptions | None = None
) -> tuple[dict[FontRole, ResolvedFont], tuple[Finding, ...]]:
    """Choose the font of each typeface, as :func:`render` would, without printing.

    ``texts`` gives the characters each typeface must print (``None``: only the digits and
    dashes of page numbers, so any CJK font qualifies); :func:`render` passes the letter's.

    Returns:
        The chosen font per typeface, and a ``GW101`` finding for each that fell back.

    Raises:
        FontError: no font of a typeface's chain has every character it must print.
    """
    options = options if options is not None else PdfOptions()
    wanted = dict(texts) if texts is not None else dict.fromkeys(FONT_ROLES, "— 1 —")
    return resolve(
        wanted,
        typefaces=options.typefaces,
        font_dirs=options.font_dirs,
        system_fonts=options.system_fonts,
    )


def render(letter: ReplyLetter, /, *, options: PdfOptions | None = None) -> Rendered:
    """Print ``letter`` to PDF, with the fonts used and a finding for each font fallback.

    Raises:
        FontError: no font can print some typeface's text (the message names the characters).
        ValidationError: some text holds a control character or a lone surrogate.
    """
    from govreply.formats.pdf._write import write_pdf

    options = options if options is not None else PdfOptions()
    parts = checked_plan(letter, options)
    fonts, findings = resolve_fonts(parts.texts(), options=options)
    return Rendered(write_pdf(parts, fonts, title=page_title(letter)), fonts, findings)


def dumps(letter: ReplyLetter, /, *, options: PdfOptions | None = None) -> bytes:
    """Print ``letter`` to PDF in the official layout: ``render(letter).data``.

    Args:
        letter: the letter to print.
        options: layout, issuer mark, typefaces and where to find fonts (:class:`PdfOptions`).

    Raises:
        FontError: no font can print some typeface's text (the message names the characters).
        ValidationError: some text holds a control character or a lone surrogate.
    """
    return render(letter, options=options).data


# --- end writer --------------------------------------------------------------------------------
