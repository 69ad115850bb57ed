"""The web-page reader: find the letter in a portal page and hand its text to the text reader."""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Final

import attrs
from lxml import etree

from govreply.errors import DocumentParseError, HtmlParseError, ValidationError
from govreply.formats._readkit.result import DocumentParseResult, Extraction, finish, note
from govreply.model import Finding

__all__ = [
    "DEFAULT_HTML_READ_OPTIONS",
    "HtmlReadOptions",
    "decode_html",
    "extract_html",
    "parse_html",
]


@attrs.frozen(kw_only=True)
class HtmlReadOptions:
    """Limits the web-page reader enforces on untrusted input.

    >>> HtmlReadOptions(max_bytes=1024).max_depth
    254

    Args:
        max_bytes: largest accepted page, in bytes (UTF-8 for ``str`` input); 10 MiB.
        max_depth: deepest element nesting accepted; by default libxml2's own limit (it stops
            at 256 levels and would drop the rest, so deeper pages are refused).
    """

    max_bytes: int = attrs.field(default=10 * 1024 * 1024)
    max_depth: int = attrs.field(default=254)

    @max_bytes.validator
    def _check_bytes(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not isinstance(value, int) or value < 1:
            raise ValidationError(f"max_bytes must be at least 1, got {value!r}", field="max_bytes")

    @max_depth.validator
    def _check_depth(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not isinstance(value, int) or not 1 <= value <= 254:
            raise ValidationError(f"max_depth must be 1..254, got {value!r}", field="max_depth")


#: The limits the web-page reader uses unless told otherwise.
DEFAULT_HTML_READ_OPTIONS: Final = HtmlReadOptions()

# ------------------------------------------------------------------------- charset

# <meta charset="gb2312">  /  <meta http-equiv="Content-Type" content="text/html; charset=GBK">
_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([a-z0-9_.:-]{1,40})"""
)
# What pages declare and what they mean: GB2312 and GBK pages use GB 18030 characters.
_GB: Final = frozenset(
    {"gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030", "cp936", "euc-cn", "x-euc-cn", "hz-gb-2312"}
)


def decode_html(data: bytes) -> tuple[str, str, list[Finding]]:
    """A page's text, the encoding used, and a finding when it was not the one declared.

    The encoding comes from the page itself (there are no HTTP headers): a byte order mark,
    else ``<meta charset>`` or ``http-equiv``, else UTF-8 if the bytes are UTF-8, else
    GB 18030. A declared ``gb2312`` or ``gbk`` is read as GB 18030 (its superset).

    Raises:
        HtmlParseError: the bytes are not text in that encoding, nor in UTF-8 or GB 18030.
    """
    findings: list[Finding] = []
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.removesuffix("-sig"), findings
            except UnicodeDecodeError as exc:
                raise HtmlParseError(
                    f"byte {exc.start}: not {codec} text despite its byte order mark"
                ) from exc
    # matched in lower case (ASCII): a literal "<meta" lets the regex skip ahead
    match = _META_CHARSET.search(data[:8192].lower())
    declared = match[1].decode("ascii").lower() if match else None
    order: list[str] = []
    if declared is not None:
        if declared in _GB:
            order.append("gb18030")
        else:
            try:
                order.append(codecs.lookup(declared).name)
            except LookupError:
                findings.append(
                    note(
                        "GH104",
                        f"the page declares an unknown charset {declared!r}; read as UTF-8 "
                        "or GB 18030",
                    )
                )
    order += [c for c in ("utf-8", "gb18030") if c not in order]
    for i, codec in enumerate(order):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if i > 0 and declared is not None:
            findings.append(
                note("GH104", f"the page declares charset {declared!r} but is not; read as {codec}")
            )
        return text, codec, findings
    raise HtmlParseError(f"the page is not text in {', '.join(order)}")


# ------------------------------------------------------------------------- structure

_DROP: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "svg",
        "canvas",
        "head",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "input",
        "textarea",
        "option",
        "map",
        "audio",
        "video",
    }
)
# The page's banner, footer and sidebars are chrome; a header, footer or aside inside an
# article or section is part of that composition (HTML-AAM: only those scoped to the body are
# the banner, contentinfo and complementary landmarks) — the masthead and 版记 of a letter.
_LANDMARKS: Final = frozenset({"header", "footer", "aside"})
_COMPOSITIONS: Final = ("article", "section")
# The dropped elements that are always chrome, removed by libxml2 in one call.
_ALWAYS_DROP: Final = tuple(sorted(_DROP - _LANDMARKS))
_BLOCK: Final = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "center",
        "pre",
        "address",
        "figure",
        "figcaption",
        "hr",
        "body",
        "html",
        "header",
        "footer",
        "aside",
        "fieldset",
        "caption",
        "tbody",
        "thead",
        "tfoot",
    }
)
# Elements whose start and end break a line: blocks, table rows and cells.
_BREAKS: Final = _BLOCK | {"tr", "td", "th"}
# id / class words of the containers portals put a document in (TRS, Hanweb, UCAP, Dreamweaver).
_CONTENT_HINT: Final = re.compile(
    r"zoom|trs_editor|ucap-content|article|content|conTxt|contxt|detail|zw|main-txt|view|"
    r"pages_content|xxgk_content|wzy|news_text|text|bt_content|body",
    re.I,
)
# id / class words of chrome: navigation, share and print bars, related links, footers
# (an "imprint" is a document's 版记, not a print button).
_CHROME_HINT: Final = re.compile(
    r"nav|menu|breadcrumb|crumb|position|location|share|bdshare|(?<!im)print|footer|foot|copyright|"
    r"related|xgwz|xglj|links|sidebar|side|toolbar|tool|search|login|header|top-bar|topbar|"
    r"fenxiang|dayin|guanbi|ewm|qrcode",
    re.I,
)
_HIDDEN: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# style="display: inline"  (an element's own style turns a block inline, or the reverse)
_DISPLAY: Final = re.compile(r"(?:^|;)\s*display\s*:\s*([a-z-]+)", re.I)

# Metadata labels of 政府信息公开 pages (labels print with spaces inside: 索 引 号).
_META_KEYS: Final = (
    "索引号",
    "主题分类",
    "分类",
    "发布机构",
    "发文机关",
    "发文单位",
    "生成日期",
    "成文日期",
    "发文日期",
    "发布日期",
    "公开日期",
    "文号",
    "发文字号",
    "标题",
    "名称",
    "主题词",
    "关键词",
    "公开方式",
    "公开范围",
    "公开时限",
    "有效性",
    "时效",
    "责任部门",
    "信息来源",
    "来源",
    "体裁分类",
    "组配分类",
    "服务对象",
    "信息分类",
    "发布时间",
    "有效期",
)
_META_SET: Final = frozenset(_META_KEYS)
# Spaces are what str.split() splits at: Unicode whitespace, ideographic and no-break spaces
# among it (the same characters as the regex class [\s\u3000\u00a0], without its scan).
# The characters labels start with: a cheap test before the regex.
_FIRST: Final = frozenset(key[0] for key in _META_KEYS)
# 索 引 号 / 发布机构 / 文　　号 …  at the start of an element's own text, spaces allowed inside
_LABEL_START: Final = re.compile(
    r"^[\s\u3000\u00a0]*(?:"
    + "|".join("[\\s\u3000\u00a0]*".join(key) for key in sorted(_META_KEYS, key=len, reverse=True))
    + ")"
)
# 索 引 号：014717475N/2023-0040295   (a label, a colon, the value in the same element)
# bounded: two to six characters, at most four spaces between them (no nested unbounded repeat)
_META_LINE: Final = re.compile(
    r"^\s*(?P<key>(?:[\u4e00-\u9fff][\s\u3000\u00a0]{0,4}){2,6}?)[:：]\s*(?P<value>.*)$"
)

# Lines of page chrome inside the content: share and print bars, font size, counters.
_CHROME_LINE: Final = re.compile(
    r"^(?:【?\s*(?:字体|字号)\s*[:：]?.{0,12}】?"
    r"|.{0,20}(?:分享到|打印本页|打印此页|关闭窗口|关闭本页|【打印】|【关闭】|扫一扫在手机|收藏本页|返回顶部).{0,30}"
    r"|(?:当前位置|您现在的位置|你的位置|所在位置)\s*[:：].*"
    r"|(?:访问量|浏览次数|阅读次数|点击数|浏览量)\s*[:：].{0,20}"
    r"|(?:上一篇|下一篇)\s*[:：].*"
    r"|(?:相关链接|相关文章|相关稿件|关联稿件|附件下载)\s*[:：]?"
    r")$"
)

# Every chrome line holds one of these (字体, 分享到, 打印, 关闭, 扫一扫, 收藏, 返回, 位置, 访问量,
# 浏览, 阅读, 点击数, 上一篇, 相关, 附件下载): a cheap test before the regex.
_CHROME_CHARS: Final = re.compile("[字分打关扫收返位访浏阅点篇相附]")

# libxml2's HTML parser: no network, comments and processing instructions dropped, names
# lower-cased; a plain etree parser (lxml.html's element classes cost a lookup per element).
_PARSER: Final = etree.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    huge_tree=False,
    collect_ids=False,  # no ID lookups here: hashing every id attribute is wasted work
    default_doctype=False,  # type: ignore[call-arg]  # lxml-stubs lack it
)


class _DepthProbes(dict[int, etree.XPath]):
    """One compiled XPath per depth limit: is any element nested deeper than it?"""

    def __missing__(self, depth: int) -> etree.XPath:
        probe = self[depth] = etree.XPath("boolean(" + "/*" * (depth + 1) + ")")
        return probe


_DEPTH: Final = _DepthProbes()


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag if type(tag) is str else ""


def _hint(el: etree._Element) -> str:
    return f"{el.get('id', '')} {el.get('class', '')}"


def _key(text: str) -> str:
    return "".join(text.split()).rstrip(":：")


class _Page:
    """A parsed portal page: its metadata, its letter container and the chrome around it."""

    def __init__(self, text: str, options: HtmlReadOptions) -> None:
        try:
            root = etree.fromstring(text, _PARSER)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
            raise HtmlParseError(f"not a web page ({exc})") from exc
        if root is None:
            raise HtmlParseError("not a web page (no elements)")
        self.root = root
        # lxml makes a Python proxy for an element each time one is looked at, unless one is
        # alive: holding them all makes every later walk over the page cheaper.
        self._proxies = list(root.iter())
        # libxml2 stops at 256 levels and drops the rest: its error log says so.
        if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log):
            raise HtmlParseError(
                "elements nest deeper than libxml2's 256 levels; text would be lost"
            )
        if options.max_depth < 254 and _DEPTH[options.max_depth](self.root):
            raise HtmlParseError(f"elements nest deeper than max_depth={options.max_depth} levels")
        self.findings: list[Finding] = []
        self.metadata: dict[str, str] = {}
        self.title = self._page_title()

    def _page_title(self) -> str | None:
        for meta in self.root.iter("meta"):
            if (meta.get("name") or "").lower() in ("articletitle", "title", "dc.title"):
                content = (meta.get("content") or "").strip()
                if content:
                    return content
        return None

    def clean(self) -> None:
        """Drop scripts, navigation, forms and hidden elements; read the metadata."""
        root = self.root
        # Removing an element keeps its tail: the text around it joins up, as _remove does.
        etree.strip_elements(root, *_ALWAYS_DROP, with_tail=False)
        for el in [
            el
            for el in root.iter(*_LANDMARKS)
            if next(el.iterancestors(*_COMPOSITIONS), None) is None
        ]:
            _remove(el)
        # The metadata is read from the page without its hidden elements; one pass looks for
        # both, and is made again in the rare page that hides some.
        while not self._metadata():
            pass

    def _metadata(self) -> bool:
        """Key/value pairs of the page's metadata table or strip, removed from the page.

        Returns False, having removed them and read nothing, when hidden elements were found.
        """
        found: list[etree._Element] = []
        hidden: list[etree._Element] = []
        metadata: dict[str, str] = {}
        for el in self.root.iter(etree.Element):
            style = el.get("style")
            if style is not None and _hides(style):
                hidden.append(el)
                continue
            if hidden:
                continue
            own = el.text
            if not own or len(own) > 90 or _FIRST.isdisjoint(own[:4]):
                continue
            own = own.strip()
            if (
                not own
                or own[0] not in _FIRST
                or not _LABEL_START.match(own)
                or el.getparent() is None
            ):
                continue
            key = _key(own)
            value: str | None = None
            match = _META_LINE.match(own)
            if match is not None and _key(match["key"]) in _META_SET:
                key, value = _key(match["key"]), match["value"].strip()
                if not value and len(el):
                    value = _text_of(el)[len(own) :].strip()
            elif key not in _META_SET:
                continue
            if not value and not (el.tail or "").strip():
                holder = _value_after(el)
                if holder is not None:
                    value = _text_of(holder).strip()
                    found.append(holder)
            elif not value:
                value = (el.tail or "").strip()
            if value and _is_label(value):
                continue  # a header row of labels (名称 索引号 发布机构…), not a value
            if value:
                metadata.setdefault(key, " ".join(value.split()))
                found.append(el)
        if hidden:
            for el in hidden:
                _remove(el)
            return False
        self.metadata = metadata
        for el in found:
            if el.getparent() is not None:
                _remove(el)
        if self.metadata:
            keys = "、".join(self.metadata)
            self.findings.append(
                note(
                    "GH101", f"the page's metadata ({keys}) was read and kept apart from the letter"
                )
            )
        return True

    def containers(self) -> list[etree._Element]:
        """The element holding the letter, then the attachments printed after it.

        Descend while one child holds most of the text; a sibling after that child headed
        ``附件`` (the feedback form on a page of its own) is the letter's attachment, kept.
        """
        body = self.root.find("body")
        node = body if body is not None else self.root
        weights: dict[etree._Element, int] = {}
        _weigh(node, weights)
        attachments: list[etree._Element] = []
        while True:
            total = weights.get(node, 0)
            children = [c for c in node if type(c.tag) is str and weights.get(c, 0) > 0]
            if not children or total == 0:
                break
            best = max(children, key=lambda c: weights.get(c, 0))
            share = weights.get(best, 0) / total
            hinted = _is_content(_hint(best))
            if not (share >= 0.85 or (hinted and share >= 0.6)):
                break
            after = children[children.index(best) + 1 :]
            attachments = [c for c in after if _is_attachment(c)] + attachments
            node = best
        return [node, *attachments]


# 附件 / 附件1 / 附件：  (the label over an attachment, GB/T 9704 §7.3.4)
_ATTACHMENT_LABEL: Final = re.compile(r"附件[0-9]{0,2}[:：]?$")


def _is_attachment(el: etree._Element) -> bool:
    """Whether ``el`` opens with an attachment label on a line of its own (``附件``)."""
    for text in el.itertext():
        head = "".join(text.split()) if isinstance(text, str) else ""
        if head:
            return _ATTACHMENT_LABEL.match(head) is not None
    return False


def _hides(style: str) -> bool:
    """Whether an inline style hides its element (``display: none``, ``visibility: hidden``)."""
    if style.isascii():  # ASCII: the case-blind regex can only match where these words are
        low = style.lower()
        if "none" not in low and "hidden" not in low:
            return False
    return _HIDDEN.search(style) is not None


@functools.lru_cache(maxsize=1024)
def _is_content(hint: str) -> bool:
    """Whether an element's id and class name a content container (cached: portals repeat)."""
    return _CONTENT_HINT.search(hint) is not None


def _remove(el: etree._Element) -> None:
    """Remove ``el`` but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _text_of(el: etree._Element | None) -> str:
    if el is None:
        return ""
    return "".join(t for t in el.itertext() if isinstance(t, str))


@functools.lru_cache(maxsize=4096)
def _is_chrome(classes: str | None, ident: str | None) -> bool:
    """Whether an element's class or id names page chrome (cached: portals repeat them)."""
    if not classes and not ident:
        return False
    return _CHROME_HINT.search(f"{ident or ''} {classes or ''}") is not None


def _weigh(node: etree._Element, weights: dict[etree._Element, int]) -> int:
    """Characters of non-link text under ``node``; chrome-hinted elements weigh nothing."""
    own = node.text
    total = len(own.strip()) if own else 0
    for child in node:
        tag = child.tag
        if type(tag) is str:
            # a link or chrome weighs nothing, nor does anything inside it
            if tag == "a" or _is_chrome(child.get("class"), child.get("id")):
                weights[child] = 0
            elif len(child):
                total += _weigh(child, weights)
            else:  # a leaf, weighed here: most elements are
                text = child.text
                weights[child] = inner = len(text.strip()) if text else 0
                total += inner
        tail = child.tail
        if tail:
            total += len(tail.strip())
    weights[node] = total
    return total


def _value_after(el: etree._Element) -> etree._Element | None:
    """The element after a metadata label: its next sibling, or its parent's (two levels)."""
    node: etree._Element | None = el
    for _ in range(3):
        if node is None:
            return None
        nxt = node.getnext()
        if nxt is not None:
            return nxt
        node = node.getparent()
    return None


def _is_label(value: str) -> bool:
    """Whether a would-be value is itself a label (``索引号``, ``访问量：199``)."""
    return _key(value) in _META_SET or _META_LINE.match(value) is not None


# ------------------------------------------------------------------------- text

_CJK: Final = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
# A line break in the source between two CJK characters is no space (CSS Text 3, 4.1.3).
_CJK_BREAK: Final = re.compile(f"(?<=[{_CJK}])[ \\t\\r\\n]*\\n[ \\t\\r\\n]*(?=[{_CJK}])")
_NOT_TEXT: Final = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The same C0 controls as bytes: in UTF-8 and GB 18030 they are only ever themselves (no
# multi-byte sequence holds one), and neither decoder yields a surrogate.
_C0_BYTES: Final = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_WS: Final = re.compile(r"[ \t\r\n\f]+")
# zero-width spaces and joiners, the word joiner, a byte order mark, a soft hyphen
_INVISIBLE: Final = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _has_invisible(text: str) -> bool:
    return (
        "\u200b" in text
        or "\u200c" in text
        or "\u200d" in text
        or "\u2060" in text
        or "\ufeff" in text
        or "\u00ad" in text
    )


# <%-- JSP comment --%> / <%@ page … %> / <% code %>  (pages saved from templates)
_TEMPLATE_CODE: Final = re.compile(r"<%.*?%>", re.S)


class _Text:
    """Lines of a container: blocks and ``<br>`` break lines, table rows are tab-separated."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buffer: list[str] = []

    def text(self, value: str | None) -> None:
        if value:
            self.buffer.append(value)

    def flush(self) -> None:
        buffer = self.buffer
        if not buffer:
            return
        self.buffer = []
        line = _line(buffer[0] if len(buffer) == 1 else "".join(buffer))
        if line is not None:
            self.lines.append(line)

    def walk(self, el: etree._Element) -> None:
        """Read ``el``, an element (not a comment), its descendants and its tail."""
        name = el.tag
        if name == "br":
            self.flush()
            self.text(el.tail)
            return
        if name == "table":
            self.flush()
            rows = _table(el)
            if rows:
                self.lines.append("\n".join(rows))
            self.text(el.tail)
            return
        block = _is_block(el, name)
        if block:
            self.flush()
        buffer = self.buffer
        own = el.text
        if own:
            buffer.append(own)
        for child in el:
            tag = child.tag
            if type(tag) is str:
                if len(child) or tag == "br" or tag == "table":
                    self.walk(child)
                    buffer = self.buffer  # a block child flushed it
                    continue
                # a leaf, read here as walk would read it: most elements are
                text = child.text
                if _is_block(child, tag):
                    self.flush()
                    if text:
                        line = _line(text)
                        if line is not None:
                            self.lines.append(line)
                    buffer = self.buffer
                elif text:
                    buffer.append(text)
                tail = child.tail
                if tail:
                    buffer.append(tail)
            else:
                tail = child.tail
                if tail:
                    buffer.append(tail)
        if block:
            self.flush()
        tail = el.tail
        if tail:
            self.buffer.append(tail)


def _line(raw: str) -> str | None:
    """The line a run of source text shows, or None for only spaces."""
    if raw.isspace():  # the source's indentation between blocks
        return None
    # Plain substring tests first: a regex scan of a long paragraph costs more than all.
    if "\n" in raw:
        raw = _CJK_BREAK.sub("", raw)
    if "\t" in raw or "\n" in raw or "\r" in raw or "\f" in raw or "  " in raw:
        raw = _WS.sub(" ", raw)
    if "\u00a0" in raw:
        raw = raw.replace("\u00a0", " ")
    if _has_invisible(raw):
        raw = _INVISIBLE.sub("", raw)
    line = raw.strip(" ")
    return line.rstrip() if line.strip() else None


def _is_block(el: etree._Element, name: str) -> bool:
    """Whether ``el`` breaks lines: a block by its name, unless its own style says otherwise."""
    style = el.get("style")
    if style is not None and "display" in style:
        display = _DISPLAY.search(style)
        if display is not None:
            return not display[1].lower().startswith("inline")
    return name in _BREAKS


def _cell_lines(td: etree._Element) -> list[str]:
    """The lines of a table cell, and of its tail, as _Text reads them."""
    if len(td):
        inner = _Text()
        inner.walk(td)
        inner.flush()
        return inner.lines
    # a cell of text only (most of a form): its text and tail, one line or two
    own, tail = td.text, td.tail
    if _is_block(td, td.tag):
        runs = [run for run in (own, tail) if run]
    else:
        runs = ["".join(run for run in (own, tail) if run)]
    return [line for line in map(_line, runs) if line is not None]


def _table(table: etree._Element) -> list[str]:
    """Rows of cells, tab-separated; a spanned cell's text once, then empty grid cells."""
    rows: list[str] = []
    pending: dict[int, int] = {}  # grid column -> rows still covered by a rowspan above
    for tr in table.iter("tr"):
        if _nearest_table(tr) is not table:
            continue
        cells: list[str] = []
        column = 0
        for td in tr:
            if _local(td) not in ("td", "th"):
                continue
            while pending.get(column, 0) > 0:
                pending[column] -= 1
                cells.append("")
                column += 1
            lines = _cell_lines(td)
            cells.append(" ".join(ln.replace("\n", " ").replace("\t", " ") for ln in lines))
            span = _span(td.get("colspan"))
            rowspan = _span(td.get("rowspan"))
            for k in range(span):
                if rowspan > 1:
                    pending[column + k] = rowspan - 1
            cells += [""] * (span - 1)
            column += span
        while pending.get(column, 0) > 0:
            pending[column] -= 1
            cells.append("")
            column += 1
        if any(c.strip() for c in cells):
            rows.append("\t".join(cells))
    return rows


def _span(value: str | None) -> int:
    return max(1, min(int(value), 100)) if value and value.strip().isdigit() else 1


def _nearest_table(el: etree._Element) -> etree._Element | None:
    node = el.getparent()
    while node is not None and _local(node) != "table":
        node = node.getparent()
    return node


def _lines(container: etree._Element) -> list[str]:
    text = _Text()
    text.walk(container)
    text.flush()
    return text.lines


def _chrome_lines(lines: list[str], findings: list[Finding]) -> Iterator[str]:
    for line in lines:
        if len(line) > 80 or "\t" in line:
            yield line
            continue
        folded = unicodedata.normalize("NFKC", line).strip()
        if _CHROME_CHARS.search(folded) and _CHROME_LINE.match(folded):
            findings.append(note("GH102", f"page chrome {line[:40]!r} removed"))
            continue
        yield line


def extract_html(
    data: str | bytes, options: HtmlReadOptions = DEFAULT_HTML_READ_OPTIONS
) -> Extraction:
    """The letter's text found in a web page, in the text reader's layout."""
    findings: list[Finding] = []
    if isinstance(data, str):
        if (
            len(data) > options.max_bytes
            or len(data.encode("utf-8", "surrogatepass")) > options.max_bytes
        ):
            raise HtmlParseError(f"the page is more than max_bytes={options.max_bytes} bytes")
        text, codec, raw = data, "", b""
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if len(raw) > options.max_bytes:
            raise HtmlParseError(
                f"the page is {len(raw)} bytes, more than max_bytes={options.max_bytes}"
            )
        text, codec, findings = decode_html(raw)
    else:
        raise TypeError(f"a web page is str or bytes, not {type(data).__name__}")
    # Lone surrogates and C0 controls are no text (and lxml refuses them in a tree).
    if codec not in ("utf-8", "gb18030") or any(map(raw.__contains__, _C0_BYTES)):
        text = _NOT_TEXT.sub("", text)
    if "<%" in text:
        text, count = _TEMPLATE_CODE.subn("", text)
        if count:
            findings.append(note("GH105", f"{count} server-template blocks (<% … %>) removed"))
    if not text.strip():
        raise HtmlParseError("the page is empty")
    page = _Page(text, options)
    page.clean()
    container, *attachments = page.containers()
    lines = list(_chrome_lines(_lines(container), page.findings))
    for attachment in attachments:
        lines += _chrome_lines(_lines(attachment), page.findings)
    title = page.title or page.metadata.get("标题")
    wanted = _key(title) if title else ""
    # the title as printed is in the line (no spaces to remove) or, spaces removed, it is
    if title and lines and not any(wanted in ln or wanted in _key(ln) for ln in lines[:8]):
        heading = _heading(page.root, container)
        if heading is not None and _key(heading) == _key(title):
            lines.insert(0, heading)
            page.findings.append(
                note(
                    "GH103",
                    f"the title {heading[:40]!r} was taken from the page heading above the letter",
                )
            )
    if not lines:
        raise HtmlParseError("the page holds no text outside its navigation and chrome")
    return Extraction(
        text="\n\n".join(lines) + "\n", findings=(*findings, *page.findings), metadata=page.metadata
    )


def _heading(root: etree._Element, container: etree._Element) -> str | None:
    for name in ("h1", "h2"):
        for el in root.iter(name):
            text = " ".join(_text_of(el).split())
            if text:
                return text
    return None


def _error(message: str) -> DocumentParseError:
    return HtmlParseError(message)


def parse_html(
    data: str | bytes, options: HtmlReadOptions = DEFAULT_HTML_READ_OPTIONS
) -> DocumentParseResult:
    """Read a letter from a web page (see :func:`govreply.formats.html.parse`)."""
    return finish(extract_html(data, options), _error, fill=("GH201", "the page's metadata"))
