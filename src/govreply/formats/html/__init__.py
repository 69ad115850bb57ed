"""Web pages: read reply letters from the portal pages that publish them (lxml).

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

Pages deeper than :attr:`HtmlOptions.max_depth`, larger than ``max_bytes``, undecodable or
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

# --- readers (parse, loads, extract): formats/html/_read.py ---------------------------------
from govreply.formats._readkit.result import DocumentParseResult, Extraction
from govreply.formats.html._read import (
    DEFAULT_HTML_OPTIONS as DEFAULT_HTML_OPTIONS,
)
from govreply.formats.html._read import (
    HtmlOptions as HtmlOptions,
)
from govreply.formats.html._read import (
    decode_html as decode_html,
)
from govreply.formats.html._read import (
    extract_html,
    parse_html,
)
from govreply.model import ReplyLetter

#: The result of :func:`parse`: the letter, the findings, the page metadata and the text read.
HtmlParseResult = DocumentParseResult


def parse(data: str | bytes, /, *, options: HtmlOptions = DEFAULT_HTML_OPTIONS) -> HtmlParseResult:
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


def loads(data: str | bytes, /, *, options: HtmlOptions = DEFAULT_HTML_OPTIONS) -> ReplyLetter:
    """Read a reply letter from a web page: ``parse(data).letter``.

    Raises:
        HtmlParseError: as :func:`parse`.
    """
    return parse_html(data, options).letter


def extract(data: str | bytes, /, *, options: HtmlOptions = DEFAULT_HTML_OPTIONS) -> Extraction:
    """The text the reader finds in a web page, letter or not, with its findings and metadata.

    Raises:
        HtmlParseError: as :func:`parse`, except that the text need not be a letter.
    """
    return extract_html(data, options)


_READ_NAMES = [
    "DEFAULT_HTML_OPTIONS",
    "HtmlOptions",
    "HtmlParseResult",
    "decode_html",
    "extract",
    "loads",
    "parse",
]
# --- end of readers -------------------------------------------------------------------------

__all__ = sorted(_READ_NAMES)


def __dir__() -> list[str]:
    return __all__
