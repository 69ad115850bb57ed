"""The DOCX reader: the body of a Word document, rebuilt into the text reader's layout."""

from __future__ import annotations

import io
import re
from typing import Any, Final

import attrs
from lxml import etree

from govreply.errors import DocumentParseError, DocxParseError, ValidationError
from govreply.formats._readkit.package import Package, PackageLimits
from govreply.formats._readkit.result import DocumentParseResult, Extraction, finish, note
from govreply.model import Finding
from govreply.numerals import format_number

__all__ = ["DEFAULT_DOCX_READ_OPTIONS", "DocxReadOptions", "extract_docx", "parse_docx"]

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC: Final = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValidationError(
            f"{attribute.name} must be a positive integer, got {value!r}", field=attribute.name
        )


@attrs.frozen(kw_only=True)
class DocxReadOptions:
    """Limits the DOCX reader enforces on untrusted packages.

    >>> DocxReadOptions(max_bytes=1024).max_members
    2000

    Args:
        max_bytes: largest accepted file; 50 MiB.
        max_members: most members in the ZIP package.
        max_member_bytes: largest uncompressed member; 20 MiB.
        max_total_bytes: most uncompressed bytes over all members; 100 MiB.
        max_depth: deepest XML element nesting in a part.
    """

    max_bytes: int = attrs.field(default=50 * 1024 * 1024, validator=_positive)
    max_members: int = attrs.field(default=2000, validator=_positive)
    max_member_bytes: int = attrs.field(default=20 * 1024 * 1024, validator=_positive)
    max_total_bytes: int = attrs.field(default=100 * 1024 * 1024, validator=_positive)
    max_depth: int = attrs.field(default=128, validator=_positive)

    def limits(self) -> PackageLimits:
        """The package limits these options set."""
        return PackageLimits(
            max_bytes=self.max_bytes,
            max_members=self.max_members,
            max_member_bytes=self.max_member_bytes,
            max_total_bytes=self.max_total_bytes,
            max_depth=self.max_depth,
        )


#: The limits the DOCX reader uses unless told otherwise.
DEFAULT_DOCX_READ_OPTIONS: Final = DocxReadOptions()


def _docx() -> Any:
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - the extra is installed in every test run
        raise ImportError("reading DOCX needs python-docx: pip install 'govreply[docx]'") from exc
    return docx


# ------------------------------------------------------------------------- numbering


def _val(element: etree._Element | None, name: str = "val") -> str | None:
    return None if element is None else element.get(_W + name)


def _int(value: str | None, default: int) -> int:
    """A small non-negative integer attribute, or ``default`` when absent or not one."""
    if value is None or not value.isdigit() or len(value) > 6:
        return default
    return int(value)


def _letters(n: int, upper: bool) -> str:
    base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if upper else "abcdefghijklmnopqrstuvwxyz"
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, mark in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += mark
            n -= value
    return out


_STEMS: Final = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES: Final = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED: Final = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (w:numFmt)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
        "ideographDigital",
        "chineseLegalSimplified",
    ):
        return format_number(n, style="upper" if fmt == "chineseLegalSimplified" else "lower")
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12]
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class _Numbering:
    """Word's automatic numbering: the label each numbered paragraph gets."""

    def __init__(self, numbering: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, tuple[int, str, str, bool]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if numbering is None:
            return
        for node in numbering.iter(_W + "abstractNum"):
            levels: dict[int, tuple[int, str, str, bool]] = {}
            for lvl in node.iter(_W + "lvl"):
                ilvl = _int(lvl.get(_W + "ilvl"), 0)
                start = _int(_val(lvl.find(_W + "start")), 1)
                fmt = _val(lvl.find(_W + "numFmt")) or "decimal"
                text = _val(lvl.find(_W + "lvlText")) or ""
                legal = lvl.find(_W + "isLgl") is not None
                levels[ilvl] = (start, fmt, text, legal)
            self.abstract[node.get(_W + "abstractNumId", "")] = levels
        for node in numbering.iter(_W + "num"):
            overrides: dict[int, int] = {}
            for override in node.iter(_W + "lvlOverride"):
                restart = _val(override.find(_W + "startOverride"))
                if restart is not None and restart.isdigit():
                    overrides[_int(override.get(_W + "ilvl"), 0)] = int(restart)
            self.nums[node.get(_W + "numId", "")] = (
                _val(node.find(_W + "abstractNumId")) or "",
                overrides,
            )

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in overrides.items():
                counters[level] = start - 1
        start, fmt, text, _legal = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return ""

        def placeholder(match: re.Match[str]) -> str:
            level = int(match[1]) - 1
            if level not in levels:
                return ""
            value = counters.get(level, levels[level][0])
            level_fmt = "decimal" if levels[ilvl][3] and level != ilvl else levels[level][1]
            return _number(value, level_fmt)

        return re.sub(r"%([1-9])", placeholder, text)


# ------------------------------------------------------------------------- body

# Runs of spaces that align text (国防部          2012年12月12日印发), not part of it.
_ALIGN_SPACES: Final = re.compile(r"[ \u3000\u00a0]{2,}")
_INDENT: Final = "\u3000\u3000"


class _Walker:
    """Collects the body's blocks: paragraphs as lines, tables as tab-separated rows."""

    def __init__(self, numbering: _Numbering, styles: dict[str, tuple[str, int] | None]) -> None:
        self.numbering = numbering
        self.styles = styles
        self.blocks: list[str] = []
        self.findings: list[Finding] = []
        self.labels = 0
        self.boxes = 0
        self.deleted = 0
        self.aligned = 0

    def body(self, body: etree._Element) -> None:
        for child in body:
            self.block(child)

    def block(self, node: etree._Element) -> None:
        tag = node.tag
        if tag == _W + "p":
            self.paragraph(node)
        elif tag == _W + "tbl":
            rows = self.table(node)
            if rows:
                self.blocks.append("\n".join("\t".join(r) for r in rows))
        elif tag in (_W + "sdt", _W + "customXml", _W + "ins", _W + "smartTag"):
            for child in node.iter(_W + "p", _W + "tbl"):
                if child.getparent() is not None and _direct(child, node):
                    self.block(child)

    def paragraph(self, node: etree._Element, *, into: list[str] | None = None) -> None:
        text, boxes = self.runs(node)
        label = self.label(node)
        lines = list(text.split("\n"))
        out = into if into is not None else self.blocks
        joined: list[str] = []
        for i, line in enumerate(lines):
            stripped = line.strip(" \u3000\u00a0\t")
            collapsed = _ALIGN_SPACES.sub(" ", stripped)
            if collapsed != stripped:
                self.aligned += 1
            if i == 0 and label:
                collapsed = label + collapsed
            if collapsed:
                joined.append(collapsed)
        if joined:
            if into is None and self.indented(node):
                joined[0] = _INDENT + joined[0]
            out.append("\n".join(joined))
        for box in boxes:
            self.boxes += 1
            for para in box.iter(_W + "p"):
                if _direct_paragraph(para, box):
                    self.paragraph(para, into=into)

    def indented(self, node: etree._Element) -> bool:
        ind = node.find(f"{_W}pPr/{_W}ind")
        if ind is None:
            return False
        chars = ind.get(_W + "firstLineChars")
        if chars is not None and chars.lstrip("-").isdigit():
            return int(chars) >= 150
        twips = ind.get(_W + "firstLine")
        return twips is not None and twips.isdigit() and int(twips) >= 400

    def label(self, node: etree._Element) -> str:
        num = node.find(f"{_W}pPr/{_W}numPr")
        num_id: str | None = None
        ilvl = 0
        if num is not None:
            num_id = _val(num.find(_W + "numId"))
            level = _val(num.find(_W + "ilvl"))
            ilvl = int(level) if level and level.isdigit() else 0
        else:
            style = _val(node.find(f"{_W}pPr/{_W}pStyle"))
            found = self.styles.get(style or "")
            if found is not None:
                num_id, ilvl = found
        if not num_id or num_id == "0":
            return ""
        label = self.numbering.label(num_id, ilvl)
        if label:
            self.labels += 1
        return label

    def runs(self, node: etree._Element) -> tuple[str, list[etree._Element]]:
        """The paragraph's text (fields show their result) and its text boxes."""
        out: list[str] = []
        boxes: list[etree._Element] = []
        in_instruction = [False]

        def walk(element: etree._Element) -> None:
            for child in element:
                tag: object = child.tag
                if not isinstance(tag, str):  # entities and other non-element nodes
                    continue
                if tag == _W + "t":
                    if not in_instruction[0]:
                        out.append(child.text or "")
                elif tag == _W + "tab":
                    if element.tag == _W + "r":
                        out.append(" ")
                elif tag in (_W + "br", _W + "cr"):
                    if child.get(_W + "type") not in ("page", "column"):
                        out.append("\n")
                elif tag == _W + "noBreakHyphen":
                    out.append("-")
                elif tag == _W + "fldChar":
                    kind = child.get(_W + "fldCharType")
                    if kind == "begin":
                        in_instruction[0] = True
                    elif kind in ("separate", "end"):
                        in_instruction[0] = False
                elif tag == _W + "del" or tag == _W + "delText":
                    self.deleted += 1
                elif tag == _W + "txbxContent":
                    boxes.append(child)
                elif tag == _MC + "Fallback":
                    continue  # the same content again, for older readers
                elif tag in (
                    _W + "instrText",
                    _W + "footnoteReference",
                    _W + "endnoteReference",
                    _W + "commentReference",
                    _W + "pPr",
                    _W + "rPr",
                ):
                    continue
                else:
                    walk(child)

        walk(node)
        return "".join(out), boxes

    def table(self, node: etree._Element) -> list[list[str]]:
        """Rows of grid cells; a merged cell's text once, at the column where it starts."""
        grid = node.find(_W + "tblGrid")
        width = len(grid.findall(_W + "gridCol")) if grid is not None else 0
        rows: list[list[str]] = []
        for tr in node.iter(_W + "tr"):
            if not _direct(tr, node):
                continue
            cells: list[str] = []
            before = _val(tr.find(f"{_W}trPr/{_W}gridBefore"))
            if before and before.isdigit():
                cells += [""] * int(before)
            for tc in tr:
                if tc.tag == _W + "sdt":
                    tcs = list(tc.iter(_W + "tc"))
                elif tc.tag == _W + "tc":
                    tcs = [tc]
                else:
                    continue
                for cell in tcs:
                    span = _val(cell.find(f"{_W}tcPr/{_W}gridSpan"))
                    merge = cell.find(f"{_W}tcPr/{_W}vMerge")
                    text = ""
                    if merge is None or _val(merge) == "restart":
                        text = self.cell_text(cell)
                    cells.append(text)
                    cells += [""] * ((int(span) if span and span.isdigit() else 1) - 1)
            width = max(width, len(cells))
            if any(cells):
                rows.append(cells)
        return [r + [""] * (width - len(r)) for r in rows]

    def cell_text(self, cell: etree._Element) -> str:
        parts: list[str] = []
        for child in cell:
            if child.tag == _W + "p":
                self.paragraph(child, into=parts)
            elif child.tag == _W + "tbl":
                parts += [" ".join(c for c in row if c) for row in self.table(child)]
        text = ""
        for part in parts:
            part = part.replace("\n", "").replace("\t", " ").strip()
            if text and part and text[-1].isascii() and part[0].isascii():
                text += " "
            text += part
        return text


def _direct(child: etree._Element, ancestor: etree._Element) -> bool:
    """Whether ``child`` belongs to ``ancestor`` and not to a table or box nested in it."""
    node = child.getparent()
    while node is not None and node is not ancestor:
        if node.tag in (_W + "tbl", _W + "txbxContent", _W + "p"):
            return False
        node = node.getparent()
    return node is ancestor


def _direct_paragraph(para: etree._Element, box: etree._Element) -> bool:
    node = para.getparent()
    while node is not None and node is not box:
        if node.tag in (_W + "tbl", _W + "txbxContent"):
            return False
        node = node.getparent()
    return True


def _style_numbering(styles: etree._Element | None) -> dict[str, tuple[str, int] | None]:
    out: dict[str, tuple[str, int] | None] = {}
    if styles is None:
        return out
    for style in styles.iter(_W + "style"):
        num = style.find(f"{_W}pPr/{_W}numPr")
        if num is None:
            continue
        num_id = _val(num.find(_W + "numId"))
        level = _val(num.find(_W + "ilvl"))
        if num_id:
            out[style.get(_W + "styleId", "")] = (
                num_id,
                int(level) if level and level.isdigit() else 0,
            )
    return out


def _chrome_text(document: Any) -> list[str]:
    """The text of the headers and footers (page chrome: reported, not read)."""
    texts: list[str] = []
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/header", "/footer")):
            continue
        element = getattr(rel.target_part, "element", None)
        if element is None:
            continue
        text = "".join(t.text or "" for t in element.iter(_W + "t")).strip()
        if text:
            texts.append(text)
    return texts


def extract_docx(data: bytes, options: DocxReadOptions = DEFAULT_DOCX_READ_OPTIONS) -> Extraction:
    """The body of a DOCX document in the text reader's layout."""
    package = Package(data, options.limits(), DocxParseError)
    if package.find("word/document.xml") is None and package.find("[Content_Types].xml") is None:
        raise DocxParseError("not a Word document (no [Content_Types].xml, no word/document.xml)")
    for name in package.members:
        if name.endswith((".xml", ".rels")):
            head = package.head(name)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise DocxParseError(
                    "a DOCTYPE is not allowed (DTDs and entities are refused)", part=name
                )
    findings: list[Finding] = []
    try:
        body, numbering, styles, chrome = _open_with_python_docx(data)
    except DocumentParseError:
        raise
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors…
        body, numbering, styles = _open_directly(package)
        chrome = []
        findings.append(
            note(
                "GD106",
                f"python-docx could not open the package ({type(exc).__name__}: {exc}); its "
                "parts were read directly",
            )
        )
    if numbering is None and package.find("word/numbering.xml") is not None:
        numbering = package.xml("word/numbering.xml")  # present but not related: still Word's
    if _too_deep(body, options.max_depth):
        raise DocxParseError(
            f"elements nest deeper than max_depth={options.max_depth}", part="word/document.xml"
        )
    walker = _Walker(_Numbering(numbering), _style_numbering(styles))
    walker.body(body)
    if walker.labels:
        findings.append(
            note(
                "GD101",
                f"{walker.labels} paragraph labels (一、 1. …) generated from Word's "
                "automatic numbering",
            )
        )
    if walker.boxes:
        findings.append(
            note("GD102", f"{walker.boxes} text boxes read after the paragraph that anchors them")
        )
    if chrome:
        shown = "; ".join(repr(t[:30]) for t in chrome[:3])
        findings.append(
            note("GD103", f"{len(chrome)} header and footer parts ignored as page chrome ({shown})")
        )
    if walker.deleted:
        findings.append(
            note("GD104", f"tracked changes: {walker.deleted} deletions left out, insertions kept")
        )
    if walker.aligned:
        findings.append(
            note("GD105", f"{walker.aligned} runs of spaces used for alignment collapsed to one")
        )
    if not any(b.strip() for b in walker.blocks):
        raise DocxParseError("the document body holds no text", part="word/document.xml")
    return Extraction(text="\n\n".join(walker.blocks) + "\n", findings=tuple(findings))


def _open_with_python_docx(
    data: bytes,
) -> tuple[etree._Element, etree._Element | None, etree._Element | None, list[str]]:
    document = _docx().Document(io.BytesIO(bytes(data)))
    try:
        numbering = document.part.numbering_part.element
    except (NotImplementedError, KeyError):
        numbering = None
    return document.element.body, numbering, document.styles.element, _chrome_text(document)


_RELS: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _open_directly(
    package: Package,
) -> tuple[etree._Element, etree._Element | None, etree._Element | None]:
    """The body, numbering and styles read from the package without python-docx."""
    main = "word/document.xml"
    if package.find("_rels/.rels") is not None:
        for rel in package.xml("_rels/.rels").iter(_RELS + "Relationship"):
            if (
                rel.get("Type", "").endswith("/officeDocument")
                and rel.get("TargetMode") != "External"
            ):
                main = rel.get("Target", main).lstrip("/")
    if package.find(main) is None:
        raise DocxParseError("the package has no main document part", part=main)
    body = package.xml(main).find(_W + "body")
    if body is None:
        raise DocxParseError("the document has no body", part=main)
    folder = main.rpartition("/")[0]

    def optional(name: str) -> etree._Element | None:
        path = f"{folder}/{name}" if folder else name
        return package.xml(path) if package.find(path) is not None else None

    return body, optional("numbering.xml"), optional("styles.xml")


def _too_deep(root: etree._Element, depth: int) -> bool:
    return bool(etree.XPath("boolean(" + "/*" * (depth + 1) + ")")(root))


def _error(message: str) -> DocumentParseError:
    return DocxParseError(message)


def parse_docx(
    data: bytes, options: DocxReadOptions = DEFAULT_DOCX_READ_OPTIONS
) -> DocumentParseResult:
    """Read a letter from a DOCX document (see :func:`govreply.formats.docx.parse`)."""
    return finish(extract_docx(data, options), _error)
