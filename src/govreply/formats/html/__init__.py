r"""HTML: letters as web pages — written in the official layout, read from portal pages.

**Writing.**

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
>>> '关于区二届<wbr>人大四次会议<wbr>第55号建议<wbr>答复的函</span>' in page
True

Fonts are named, not shipped: each typeface the standard names (:class:`Typefaces`) is an
``@font-face`` of ``local()`` sources and a ``font-family`` list, so a reader's browser uses
仿宋_GB2312 where it has it and falls back along the chain.

**Reading.**

Published letters mostly live on government portals (政府信息公开 pages, 建议提案办理 columns),
saved as HTML. The reader (:func:`parse`, :func:`loads`, :func:`extract`) finds the letter
inside the page and hands its text to :mod:`govreply.formats.text`:

- the charset comes from the page itself (there are no HTTP headers): a byte order mark, a
  ``<meta charset>`` or ``http-equiv`` declaration, else UTF-8, else GB 18030; ``gb2312`` and
  ``gbk`` pages are read as GB 18030, the superset their authors' tools really write;
- scripts, styles, navigation, forms, hidden elements, share and print buttons, breadcrumbs,
  counters, related links and footers are dropped; the letter is the element that holds most
  of the page's non-link text (descending while one child holds most of it);
- the metadata table or strip of 政府信息公开 pages (索引号, 发布机构, 文号, 成文日期,
  发布日期…, labels with spaces inside such as ``索 引 号``) is read into ``metadata``;
- text is read from ``<p>``, ``<br>`` and ``<div>`` blocks, ``&nbsp;`` and ideographic spaces
  kept as spaces (the text reader reads indentation), a source line break between two Chinese
  characters dropped as browsers do; tables become tab-separated rows (a spanned cell's text
  once), which is how the feedback form and handling records reach the text reader;
- the page's metadata fills what the letter lacks — 文号 the document number, 发布机构 the
  issuer, 成文日期 the date, 标题 the title — each with a ``GH201`` finding; the publication
  date (发布日期) is never taken for the letter's date.

Pages deeper than :attr:`HtmlReadOptions.max_depth`, larger than ``max_bytes``, undecodable or
without a letter raise :class:`~govreply.errors.HtmlParseError`.

Finding codes of the web-page reader (stable; the text reader's ``GT`` findings follow them):

======  ==============================================================================
GH101   the page's metadata (索引号, 发布机构…) was read and kept apart from the letter
GH102   a line of page chrome (share, print, font size, counter, breadcrumb) was removed
GH103   the title was taken from the page heading above the letter's text
GH104   the charset declared was wrong or unknown; the page was read as UTF-8 or GB 18030
GH105   server-template code (``<% … %>``, JSP or ASP) was removed
GH201   a field the letter lacks was taken from the page's metadata
======  ==============================================================================
"""

from __future__ import annotations

import attrs

from govreply.errors import ValidationError
from govreply.formats._layout import LayoutOptions, Typefaces, checked_plan, page_title

# --- readers (parse, loads, extract): formats/html/_read.py ---------------------------------
from govreply.formats._readkit.result import DocumentParseResult, Extraction
from govreply.formats.html._css import default_faces, stylesheet
from govreply.formats.html._read import (
    DEFAULT_HTML_READ_OPTIONS as DEFAULT_HTML_READ_OPTIONS,
)
from govreply.formats.html._read import (
    HtmlReadOptions as HtmlReadOptions,
)
from govreply.formats.html._read import (
    decode_html as decode_html,
)
from govreply.formats.html._read import (
    extract_html,
    parse_html,
)
from govreply.formats.html._write import build
from govreply.model import ReplyLetter

#: The result of :func:`parse`: the letter, the findings, the page metadata and the text read.
HtmlParseResult = DocumentParseResult


def parse(
    data: str | bytes, /, *, options: HtmlReadOptions = DEFAULT_HTML_READ_OPTIONS
) -> HtmlParseResult:
    """Read a reply letter from a web page and report every repair made.

    >>> page = '''<html><head><meta charset="gb2312"></head><body>
    ... <div class="nav">首页 &gt; 建议提案</div>
    ... <table class="xxgk"><tr><td>文　　号：</td><td>赣区教议〔2024〕2号</td></tr></table>
    ... <div id="zoom"><p>张三代表：</p><p>　　您提出的建议收悉，现答复如下：</p>
    ... <p>　　我局已办理。</p></div><div class="footer">版权所有</div></body></html>'''
    >>> result = parse(page.encode("gb18030"))
    >>> str(result.letter.doc_number), result.letter.addressees.names
    ('赣区教议〔2024〕2号', ('张三',))
    >>> [f.code for f in result.findings if f.code.startswith("GH")]
    ['GH101', 'GH201']

    Raises:
        HtmlParseError: the page is over a limit, undecodable, or holds no reply letter.
    """
    return parse_html(data, options)


def loads(
    data: str | bytes, /, *, options: HtmlReadOptions = DEFAULT_HTML_READ_OPTIONS
) -> ReplyLetter:
    """Read a reply letter from a web page: ``parse(data).letter``.

    Raises:
        HtmlParseError: as :func:`parse`.
    """
    return parse_html(data, options).letter


def extract(
    data: str | bytes, /, *, options: HtmlReadOptions = DEFAULT_HTML_READ_OPTIONS
) -> Extraction:
    """The text the reader finds in a web page, letter or not, with its findings and metadata.

    Raises:
        HtmlParseError: as :func:`parse`, except that the text need not be a letter.
    """
    return extract_html(data, options)


# --- end of readers -------------------------------------------------------------------------


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
    >>> '<th scope="row">代表姓名</th>' in dumps(seed_letter())
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

__all__ = [
    "DEFAULT_HTML_READ_OPTIONS",
    "HtmlOptions",
    "HtmlParseResult",
    "HtmlReadOptions",
    "Typefaces",
    "decode_html",
    "dumps",
    "extract",
    "loads",
    "parse",
]


def __dir__() -> list[str]:
    return __all__
