r"""HTML: a letter's official layout (GB/T 9704-2012) as a semantic, accessible HTML5 page.

:func:`dumps` writes the page a portal publishes: semantic HTML5 in ``lang="zh-CN"`` (the title
as ``<h1>``, sections as ``<section>`` with ``<h2>``–``<h5>``, the 抄送 organs as a list, the
feedback form as a real ``<table>``), a screen view that shows the letter as a sheet of A4, and
a print stylesheet that carries the geometry of the standard (``@page`` margins, 22 lines of 28
characters, the red issuer mark and double rules of 信函格式 at their millimetre positions, page
numbers ``— N —`` outside, none on page 1). :mod:`govreply.formats.pdf` prints this page.

>>> from govreply.examples import seed_letter
>>> page = dumps(seed_letter())
>>> page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
True
>>> '<span class="gr-title-line">关于区二届人大四次会议第55号建议答复的函</span>' in page
True

Fonts are named, not shipped: each typeface the standard names (:class:`Typefaces`) is an
``@font-face`` of ``local()`` sources and a ``font-family`` list, so a reader's browser uses
仿宋_GB2312 where it has it and falls back along the chain.
"""

from __future__ import annotations

# --- writer (govreply.formats.html.dumps) ------------------------------------------------------
import attrs

from govreply.errors import ValidationError
from govreply.formats._layout import LayoutOptions, Typefaces, checked_plan, page_title
from govreply.formats.html._css import default_faces, stylesheet
from govreply.formats.html._write import build
from govreply.model import ReplyLetter

# --- end writer --------------------------------------------------------------------------------

__all__ = ["HtmlOptions", "Typefaces", "dumps"]


def __dir__() -> list[str]:
    return __all__


# --- writer (govreply.formats.html.dumps) ------------------------------------------------------
@attrs.frozen(kw_only=True)
class HtmlOptions(LayoutOptions):
    """Options of :func:`dumps`.

    Attributes:
        layout: ``"letter"`` (信函格式, the default) or ``"ordinary"``.
        issuer_mark: the issuer mark's text; ``None`` prints the letter's ``issuer``.
        masthead: ``False`` leaves out the issuer mark and red rules (letterhead paper).
        typefaces: the font chains, most wanted first (:class:`Typefaces`).
        styles: embed the stylesheet; ``False`` writes the bare markup for a site's own CSS.

    >>> HtmlOptions(layout="ordinary").layout
    'ordinary'
    """

    styles: bool = attrs.field(default=True)

    @styles.validator
    def _check_styles(self, attribute: attrs.Attribute[bool], value: object) -> None:
        if not isinstance(value, bool):
            raise ValidationError(
                f"styles must be True or False, got {value!r}", field="styles", value=value
            )


def dumps(letter: ReplyLetter, /, *, options: HtmlOptions | None = None) -> str:
    r"""Write ``letter`` as an HTML5 page in the official layout.

    >>> from govreply.examples import seed_letter
    >>> "<th scope=\\"row\\">代表姓名</th>" in dumps(seed_letter())
    True

    Args:
        letter: the letter to write.
        options: layout, issuer mark, typefaces, stylesheet (:class:`HtmlOptions`).

    Raises:
        ValidationError: some text holds a control character (other than tab and line feed)
            or a lone surrogate, which no page can show; the message names each field.
    """
    options = options if options is not None else HtmlOptions()
    parts = checked_plan(letter, options)
    css = ""
    if options.styles:
        faces, rules = default_faces(options.typefaces)
        css = stylesheet(parts, faces, rules)
    return build(parts, css=css, title=page_title(letter))


# --- end writer --------------------------------------------------------------------------------
