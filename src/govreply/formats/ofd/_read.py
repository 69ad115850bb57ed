"""The OFD reader (GB/T 33190-2016): text objects of each page, rebuilt into the text layout."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs
from lxml import etree

from govreply.errors import DocumentParseError, OfdNoTextError, OfdParseError, ValidationError
from govreply.formats._readkit.geometry import Glyph, Page, Rule, layout_text
from govreply.formats._readkit.package import Package, PackageLimits, resolve
from govreply.formats._readkit.result import DocumentParseResult, Extraction, finish, note
from govreply.model import Finding

__all__ = ["DEFAULT_OFD_READ_OPTIONS", "OfdReadOptions", "extract_ofd", "parse_ofd"]

_MM: Final = 72 / 25.4  # OFD measures in millimetres; the layout works in points


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValidationError(
            f"{attribute.name} must be a positive integer, got {value!r}", field=attribute.name
        )


@attrs.frozen(kw_only=True)
class OfdReadOptions:
    """Limits the OFD reader enforces on untrusted packages.

    >>> OfdReadOptions(max_pages=10).max_members
    2000

    Args:
        max_bytes: largest accepted file; 50 MiB.
        max_members: most members in the ZIP package.
        max_member_bytes: largest uncompressed member; 20 MiB.
        max_total_bytes: most uncompressed bytes over all members; 100 MiB.
        max_pages: most pages read.
        max_depth: deepest XML element nesting in any part.
    """

    max_bytes: int = attrs.field(default=50 * 1024 * 1024, validator=_positive)
    max_members: int = attrs.field(default=2000, validator=_positive)
    max_member_bytes: int = attrs.field(default=20 * 1024 * 1024, validator=_positive)
    max_total_bytes: int = attrs.field(default=100 * 1024 * 1024, validator=_positive)
    max_pages: int = attrs.field(default=200, validator=_positive)
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


#: The limits the OFD reader uses unless told otherwise.
DEFAULT_OFD_READ_OPTIONS: Final = OfdReadOptions()


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    for child in element:
        if _local(child) == name:
            yield child


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next(_children(element, name), None)


def _descendants(element: etree._Element, name: str) -> Iterator[etree._Element]:
    for node in element.iter():
        if _local(node) == name:
            yield node


# 0 0 210 297  (ST_Box: x y width height)
_NUMBER: Final = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


def _numbers(text: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(text or "")]


def _box(text: str | None) -> tuple[float, float, float, float] | None:
    values = _numbers(text)
    return (values[0], values[1], values[2], values[3]) if len(values) >= 4 else None


def _deltas(text: str | None, count: int) -> list[float]:
    """The gaps of a TextCode's DeltaX/DeltaY: numbers, and ``g N d`` for N times d."""
    out: list[float] = []
    tokens = (text or "").split()
    i = 0
    while i < len(tokens) and len(out) < count:
        token = tokens[i]
        if token == "g" and i + 2 < len(tokens):
            try:
                times, value = int(float(tokens[i + 1])), float(tokens[i + 2])
            except ValueError:
                break
            out += [value] * max(0, min(times, count - len(out)))
            i += 3
            continue
        try:
            out.append(float(token))
        except ValueError:
            break
        i += 1
    return out


class _Reader:
    def __init__(self, data: bytes, options: OfdReadOptions) -> None:
        self.options = options
        self.package = Package(data, options.limits(), OfdParseError)
        self.findings: list[Finding] = []
        self.metadata: dict[str, str] = {}
        self.images = 0

    def document(self) -> tuple[str, etree._Element]:
        entry = self.package.find("OFD.xml")
        if entry is None:
            raise OfdParseError("no OFD.xml: not an OFD package")
        root = self.package.xml(entry)
        body = _child(root, "DocBody")
        doc_root = _child(body, "DocRoot") if body is not None else None
        if doc_root is None or not (doc_root.text or "").strip():
            raise OfdParseError("OFD.xml names no DocRoot", part=entry)
        path = resolve("", doc_root.text or "")
        return path, self.package.xml(path)

    def pages(self, doc_path: str, document: etree._Element) -> list[Page]:
        common = _child(document, "CommonData")
        default_box = None
        templates: dict[str, str] = {}
        if common is not None:
            area = _child(common, "PageArea")
            if area is not None:
                physical = _child(area, "PhysicalBox")
                default_box = _box(physical.text if physical is not None else None)
            for template in _children(common, "TemplatePage"):
                loc = template.get("BaseLoc")
                if loc:
                    templates[template.get("ID", "")] = resolve(doc_path, loc)
        pages_node = _child(document, "Pages")
        entries = list(_children(pages_node, "Page")) if pages_node is not None else []
        if len(entries) > self.options.max_pages:
            raise OfdParseError(
                f"the document has {len(entries)} pages, more than "
                f"max_pages={self.options.max_pages}"
            )
        if not entries:
            raise OfdParseError("the document has no pages", part=doc_path)
        pages: list[Page] = []
        for number, entry in enumerate(entries, 1):
            loc = entry.get("BaseLoc")
            if not loc:
                raise OfdParseError(f"page {number} has no BaseLoc", part=doc_path)
            path = resolve(doc_path, loc)
            content = self.package.xml(path)
            box = default_box
            area = _child(content, "Area")
            if area is not None:
                physical = _child(area, "PhysicalBox")
                box = _box(physical.text if physical is not None else None) or box
            glyphs: list[Glyph] = []
            rules: list[Rule] = []
            ids: dict[str, str] = {}
            for template in _children(content, "Template"):
                found = templates.get(template.get("TemplateID", ""))
                if found is not None and self.package.find(found) is not None:
                    self._content(self.package.xml(found), glyphs, rules, ids)
            self._content(content, glyphs, rules, ids)
            self.objects.setdefault(number, {}).update(ids)
            width, height = (box[2], box[3]) if box else (210.0, 297.0)
            pages.append(Page(glyphs, rules, width * _MM, height * _MM))
        return pages

    objects: dict[int, dict[str, str]]

    def _content(
        self, root: etree._Element, glyphs: list[Glyph], rules: list[Rule], ids: dict[str, str]
    ) -> None:
        for node in root.iter():
            name = _local(node)
            if name == "TextObject":
                ids[node.get("ID", "")] = self._text(node, glyphs)
            elif name == "PathObject":
                self._path(node, rules)
            elif name == "ImageObject":
                self.images += 1

    def _text(self, node: etree._Element, glyphs: list[Glyph]) -> str:
        boundary = _box(node.get("Boundary"))
        if boundary is None:
            return ""
        bx, by = boundary[0], boundary[1]
        size = (_numbers(node.get("Size")) or [3.5])[0]
        ctm = _numbers(node.get("CTM"))
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        scale = (a * a + b * b) ** 0.5 or 1.0
        texts: list[str] = []
        x = y = 0.0
        for code in _children(node, "TextCode"):
            chars = code.text or ""
            texts.append(chars)
            x = float(code.get("X", x)) if _NUMBER.fullmatch(code.get("X", "") or "x") else x
            y = float(code.get("Y", y)) if _NUMBER.fullmatch(code.get("Y", "") or "x") else y
            dx = _deltas(code.get("DeltaX"), len(chars))
            dy = _deltas(code.get("DeltaY"), len(chars))
            for i, ch in enumerate(chars):
                advance = dx[i] if i < len(dx) else size
                px, py = a * x + c * y + e, b * x + d * y + f
                em = size * scale
                left, base = bx + px, by + py
                glyphs.append(
                    Glyph(
                        ch,
                        left * _MM,
                        (base - 0.86 * em) * _MM,
                        (left + advance * scale) * _MM,
                        (base + 0.14 * em) * _MM,
                    )
                )
                x += advance
                y += dy[i] if i < len(dy) else 0.0
        return "".join(texts)

    def _path(self, node: etree._Element, rules: list[Rule]) -> None:
        boundary = _box(node.get("Boundary"))
        if boundary is None or len(rules) > 4000:
            return
        bx, by, bw, bh = boundary
        data = _child(node, "AbbreviatedData")
        tokens = (data.text or "").split() if data is not None else []
        # M x y / L x y / S x y: straight segments only; curves are drawings, not rules.
        points: list[tuple[float, float]] = []
        i = 0
        while i < len(tokens):
            op = tokens[i]
            if op in ("M", "S", "L") and i + 2 < len(tokens):
                try:
                    px, py = float(tokens[i + 1]), float(tokens[i + 2])
                except ValueError:
                    return
                if op == "L" and points:
                    x0, y0 = points[-1]
                    self._segment(bx + x0, by + y0, bx + px, by + py, rules)
                points.append((px, py))
                i += 3
            elif op == "C":
                if len(points) > 1:
                    x0, y0 = points[-1]
                    x1, y1 = points[0]
                    self._segment(bx + x0, by + y0, bx + x1, by + y1, rules)
                i += 1
            else:
                i += 1
        if not tokens and (bw < 0.9 or bh < 0.9):
            self._segment(bx, by, bx + bw, by + bh, rules)

    @staticmethod
    def _segment(x0: float, y0: float, x1: float, y1: float, rules: list[Rule]) -> None:
        if abs(y1 - y0) < 0.5 or abs(x1 - x0) < 0.5:
            rules.append(
                Rule(min(x0, x1) * _MM, min(y0, y1) * _MM, max(x0, x1) * _MM, max(y0, y1) * _MM)
            )

    def tags(self, doc_path: str) -> None:
        """Read Tags/CustomTags.xml: each tag's name and the text of the objects it points at."""
        index = self.package.find(resolve(doc_path, "Tags/CustomTags.xml"))
        if index is None:
            return
        try:
            root = self.package.xml(index)
        except OfdParseError as exc:
            self.findings.append(
                note("GO202", f"the custom tags could not be read ({exc}); ignored")
            )
            return
        for tag in _descendants(root, "CustomTag"):
            loc = _child(tag, "FileLoc")
            if loc is None or not (loc.text or "").strip():
                continue
            path = resolve(index, loc.text or "")
            if self.package.find(path) is None:
                continue
            try:
                tags = self.package.xml(path)
            except OfdParseError as exc:
                self.findings.append(
                    note("GO202", f"the custom tags could not be read ({exc}); ignored")
                )
                continue
            for element in tags.iter():
                refs = [r for r in element if _local(r) == "ObjectRef"]
                if not refs:
                    continue
                texts = []
                for ref in refs:
                    page = (
                        int(ref.get("PageRef", "0") or 0)
                        if (ref.get("PageRef") or "").isdigit()
                        else 0
                    )
                    table = self.objects.get(page) or {
                        k: v for p in self.objects.values() for k, v in p.items()
                    }
                    texts.append(table.get((ref.text or "").strip(), ""))
                value = "".join(texts).strip()
                if value:
                    self.metadata.setdefault(_local(element), value)


def extract_ofd(data: bytes, options: OfdReadOptions = DEFAULT_OFD_READ_OPTIONS) -> Extraction:
    """The text of an OFD document in the text reader's layout."""
    reader = _Reader(data, options)
    reader.objects = {}
    doc_path, document = reader.document()
    pages = reader.pages(doc_path, document)
    if not any(p.glyphs for p in pages):
        raise OfdNoTextError(
            f"the document has no text objects ({len(pages)} pages, {reader.images} images: "
            "a scan); it needs OCR, which govreply does not do"
        )
    reader.tags(doc_path)
    text, findings = layout_text(pages, prefix="GO")
    if reader.metadata:
        keys = "、".join(reader.metadata)
        findings.insert(0, note("GO201", f"custom tags read ({keys}); kept in metadata"))
    return Extraction(
        text=text,
        findings=(*reader.findings, *findings),
        metadata=reader.metadata,
        pages=len(pages),
    )


def _error(message: str) -> DocumentParseError:
    return OfdParseError(message)


def parse_ofd(
    data: bytes, options: OfdReadOptions = DEFAULT_OFD_READ_OPTIONS
) -> DocumentParseResult:
    """Read a letter from an OFD document (see :func:`govreply.formats.ofd.parse`)."""
    return finish(extract_ofd(data, options), _error, fill=("GO203", "the document's custom tags"))
