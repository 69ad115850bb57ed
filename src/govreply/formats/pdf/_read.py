"""The PDF reader: pypdfium2's text layer, rebuilt into the text reader's layout."""

from __future__ import annotations

import ctypes
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs

from govreply.errors import (
    DocumentParseError,
    PdfEncryptedError,
    PdfNoTextError,
    PdfParseError,
    ValidationError,
)
from govreply.formats._readkit.geometry import Glyph, Page, Rule, layout_text
from govreply.formats._readkit.result import DocumentParseResult, Extraction, finish, note
from govreply.model import Finding

__all__ = ["DEFAULT_PDF_READ_OPTIONS", "PdfReadOptions", "extract_pdf", "parse_pdf"]


@attrs.frozen(kw_only=True)
class PdfReadOptions:
    """Limits the PDF reader enforces on untrusted input.

    >>> PdfReadOptions(max_pages=10).max_bytes
    52428800

    Args:
        max_bytes: largest accepted file, in bytes; 50 MiB.
        max_pages: most pages read; a PDF claiming more is refused (a letter with its
            attachments has a few dozen at most).
        max_chars: most characters of text layer read over all pages.
    """

    max_bytes: int = attrs.field(default=50 * 1024 * 1024)
    max_pages: int = attrs.field(default=200)
    max_chars: int = attrs.field(default=2_000_000)

    @max_bytes.validator
    @max_pages.validator
    @max_chars.validator
    def _positive(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValidationError(
                f"{attribute.name} must be a positive integer, got {value!r}", field=attribute.name
            )


#: The limits the PDF reader uses unless told otherwise.
DEFAULT_PDF_READ_OPTIONS: Final = PdfReadOptions()


def _pdfium() -> Any:
    try:
        import pypdfium2
    except ImportError as exc:  # pragma: no cover - the extra is installed in every test run
        raise ImportError("reading PDF needs pypdfium2: pip install 'govreply[pdf]'") from exc
    return pypdfium2


def _open(data: bytes, options: PdfReadOptions) -> Any:
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"a PDF is bytes, not {type(data).__name__}")
    if len(data) > options.max_bytes:
        raise PdfParseError(
            f"the file is {len(data)} bytes, more than max_bytes={options.max_bytes}"
        )
    if not bytes(data[:1024]).lstrip().startswith(b"%PDF"):
        raise PdfParseError("not a PDF (no %PDF header)")
    pdfium = _pdfium()
    try:
        return pdfium.PdfDocument(bytes(data))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        raw = pdfium.raw
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise PdfEncryptedError() from exc
        raise PdfParseError(f"damaged or not a PDF ({exc})") from exc


# Characters a text layer yields when a font has no usable Unicode map: the replacement
# character, private-use code points, C0 controls.
_UNMAPPED: Final = re.compile("[\ufffd\ufffe\uffff\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f]")


def _gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f"


class _PageText:
    """One page's glyphs as pdfium reads them."""

    def __init__(self, pdf: Any, index: int, pdfium: Any) -> None:
        raw = pdfium.raw
        page = pdf[index]
        width, height = page.get_size()
        rotation = page.get_rotation() % 360
        self.width, self.height = (height, width) if rotation in (90, 270) else (width, height)
        self._place = _placer(rotation, width, height)
        textpage = page.get_textpage()
        count = textpage.count_chars()
        self.count = count
        text = textpage.get_text_range() if count else ""
        if len(text) != count:  # characters outside the BMP: read one at a time
            text = "".join(
                chr(raw.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(count)
            )
        self.text = text
        box = raw.FS_RECTF()
        ref = ctypes.byref(box)
        place = self._place
        glyphs: list[Glyph] = []
        unmapped: list[int] = []
        tp = textpage.raw
        generated = raw.FPDFText_IsGenerated
        for i, ch in enumerate(text):
            if ch.isspace() and (ch in "\r\n" or generated(tp, i) == 1):
                continue  # pdfium's own line breaks and inferred spaces: geometry decides
            if raw.FPDFText_HasUnicodeMapError(tp, i) == 1:
                unmapped.append(i)
            if not raw.FPDFText_GetLooseCharBox(tp, i, ref):
                continue
            glyphs.append(
                Glyph(" " if ch.isspace() else ch, *place(box.left, box.bottom, box.right, box.top))
            )
        self.glyphs = glyphs
        self.unmapped = unmapped
        self.images = self.texts = self.invisible = 0
        self.rules: list[Rule] = []
        self._objects(page, raw)
        self._font = (textpage, raw)

    def _objects(self, page: Any, raw: Any) -> None:
        left, bottom, right, upper = (ctypes.c_float() for _ in range(4))
        for obj in _walk(page.raw, raw, 0):
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                self.images += 1
                continue
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                self.texts += 1
                if raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_INVISIBLE:
                    self.invisible += 1
                continue
            if kind != raw.FPDF_PAGEOBJ_PATH or len(self.rules) > 4000:
                continue
            if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, upper):
                continue
            x0, y0, x1, y1 = self._place(left.value, bottom.value, right.value, upper.value)
            if y1 - y0 < 2.5 or x1 - x0 < 2.5:
                self.rules.append(
                    Rule(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2)
                    if y1 - y0 < 2.5
                    else Rule((x0 + x1) / 2, y0, (x0 + x1) / 2, y1)
                )
            elif x1 - x0 > 8 and y1 - y0 > 8 and _is_rectangle(obj, raw):
                self.rules += [
                    Rule(x0, y0, x1, y0),
                    Rule(x0, y1, x1, y1),
                    Rule(x0, y0, x0, y1),
                    Rule(x1, y0, x1, y1),
                ]

    def font_name(self, index: int) -> str | None:
        textpage, raw = self._font
        buffer = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        size = raw.FPDFText_GetFontInfo(textpage.raw, index, buffer, 256, ctypes.byref(flags))
        if not size:
            return None
        return buffer.raw[: size - 1].decode("utf-8", "replace")


_Box = tuple[float, float, float, float]


def _placer(
    rotation: int, width: float, height: float
) -> Callable[[float, float, float, float], _Box]:
    """Map a box in PDF user space (y up) to the page as shown (y down, /Rotate applied)."""

    def place(left: float, bottom: float, right: float, top: float) -> _Box:
        if rotation == 90:
            return bottom, left, top, right
        if rotation == 180:
            return width - right, bottom, width - left, top
        if rotation == 270:
            return height - top, width - right, height - bottom, width - left
        return left, height - top, right, height - bottom

    return place


def _walk(page: Any, raw: Any, depth: int) -> Iterator[Any]:
    count = raw.FPDFPage_CountObjects(page)
    for i in range(min(count, 20_000)):
        obj = raw.FPDFPage_GetObject(page, i)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM and depth < 4:
            yield from _walk_form(obj, raw, depth + 1)
        else:
            yield obj


def _walk_form(form: Any, raw: Any, depth: int) -> Iterator[Any]:
    count = raw.FPDFFormObj_CountObjects(form)
    for i in range(min(count, 20_000)):
        obj = raw.FPDFFormObj_GetObject(form, i)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM and depth < 4:
            yield from _walk_form(obj, raw, depth + 1)
        else:
            yield obj


def _is_rectangle(obj: Any, raw: Any) -> bool:
    """A stroked path of one closed four-sided figure (a cell border), not a filled shape."""
    segments = raw.FPDFPath_CountSegments(obj)
    if not 4 <= segments <= 6:
        return False
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    return bool(stroke.value) and not fill.value


def _check_text(page: _PageText, number: int, findings: list[Finding]) -> list[Glyph]:
    """The page's glyphs with GBK-as-Latin-1 runs repaired; raise when the text is garbled."""
    glyphs = page.glyphs
    chars = "".join(g.char for g in glyphs)
    # GBK shown as Latin-1 arrives one byte per glyph; re-read the pairs as GBK.
    if _mojibake(glyphs):
        glyphs = _repair_runs(glyphs, number, findings, page)
        chars = "".join(g.char for g in glyphs)
    bad = [i for i, ch in enumerate(chars) if _UNMAPPED.match(ch)]
    cjk = [ch for ch in chars if _cjk(ch)]
    rare = sum(1 for ch in cjk if not _gb2312(ch))
    if bad or page.unmapped or (len(cjk) >= 8 and rare > 0.3 * len(cjk)):
        where = page.unmapped[0] if page.unmapped else None
        font = page.font_name(where) if where is not None else None
        what = f" (font {font})" if font else ""
        raise PdfParseError(
            f"the text layer cannot be decoded{what}: its font has no usable Unicode map, so "
            "the characters extracted are not the ones printed; the text would be garbled "
            "(OCR of the rendered page is the remedy)",
            page=number,
        )
    return glyphs


def _byte(ch: str) -> int | None:
    """The byte a WinAnsi (cp1252) or Latin-1 font drew as ``ch``, or ``None``."""
    for codec in ("cp1252", "latin-1"):
        try:
            return ch.encode(codec)[0]
        except UnicodeEncodeError:
            continue
    return None


def _high(ch: str) -> bool:
    b = _byte(ch)
    return b is not None and b >= 0x81 and ch != "\u00a0"


def _mojibake(glyphs: list[Glyph]) -> bool:
    """Whether the page reads as GBK bytes shown one per glyph (¹ØÓÚ…): many high Latin."""
    chars = [g.char for g in glyphs if g.char != " "]
    # Only Latin-1 letters count: … — “ ” are everyday Chinese punctuation.
    high = sum(1 for ch in chars if "\u00a1" <= ch <= "\u00ff")
    return high >= 6 and high >= 0.3 * len(chars)


def _repair_runs(
    glyphs: list[Glyph], number: int, findings: list[Finding], page: _PageText
) -> list[Glyph]:
    """GBK byte pairs drawn as two Latin glyphs re-read as one character each.

    A lead byte (0x81–0xFE) and the byte after it (0x40–0xFE; a soft hyphen 0xAD comes out as
    ``-``) make one GBK character, drawn over both boxes.
    """
    out: list[Glyph] = []
    i = 0
    repaired = failed = 0
    while i < len(glyphs):
        g = glyphs[i]
        lead = _byte(g.char) if _high(g.char) else None
        if lead is not None and i + 1 < len(glyphs):
            nxt = glyphs[i + 1]
            trail = 0xAD if nxt.char == "-" else _byte(nxt.char)
            if trail is not None and 0x40 <= trail <= 0xFE and trail != 0x7F:
                try:
                    ch = bytes((lead, trail)).decode("gbk")
                except UnicodeDecodeError:
                    ch = ""
                if ch and (_cjk(ch) or unicodedata.category(ch)[0] in "PS"):
                    out.append(Glyph(ch, g.x0, min(g.y0, nxt.y0), nxt.x1, max(g.y1, nxt.y1)))
                    repaired += 1
                    i += 2
                    continue
            failed += 1
        out.append(g)
        i += 1
    if failed > max(2, repaired // 10):
        raise PdfParseError(
            "the text layer is garbled: a font without a Unicode map holds GBK codes that do "
            "not all decode",
            page=number,
        )
    if repaired:
        findings.append(
            note(
                "GP201",
                f"{repaired} characters of a font without a Unicode map were GBK codes shown as "
                f"Latin-1 (¹ØÓÚ…) and were decoded as GBK (page {number})",
            )
        )
    return out


def extract_pdf(data: bytes, options: PdfReadOptions = DEFAULT_PDF_READ_OPTIONS) -> Extraction:
    """The text of a PDF in the text reader's layout (see :func:`govreply.formats.pdf.parse`)."""
    pdf = _open(data, options)
    try:
        pdfium = _pdfium()
        count = len(pdf)
        if count > options.max_pages:
            raise PdfParseError(
                f"the PDF claims {count} pages, more than max_pages={options.max_pages}"
            )
        if count == 0:
            raise PdfParseError("the PDF has no pages")
        findings: list[Finding] = []
        pages: list[Page] = []
        chars = images = 0
        for index in range(count):
            try:
                text = _PageText(pdf, index, pdfium)
            except pdfium.PdfiumError as exc:
                raise PdfParseError(f"the page cannot be read ({exc})", page=index + 1) from exc
            chars += text.count
            images += text.images
            if chars > options.max_chars:
                raise PdfParseError(
                    f"more than max_chars={options.max_chars} characters of text", page=index + 1
                )
            glyphs = _check_text(text, index + 1, findings) if text.glyphs else []
            if text.images and text.invisible and text.invisible >= 0.8 * text.texts:
                findings.append(
                    note(
                        "GP202",
                        f"page {index + 1} is a scan with an invisible OCR text layer: its "
                        "characters may be misread (compare with the page image)",
                        error=True,
                    )
                )
            pages.append(Page(glyphs, text.rules, text.width, text.height))
        if not any(p.glyphs for p in pages):
            raise PdfNoTextError(
                f"the PDF has no text layer ({count} pages, {images} images: a scan); it needs "
                "OCR, which govreply does not do"
            )
        body, layout_findings = layout_text(pages)
        return Extraction(text=body, findings=(*findings, *layout_findings), pages=count)
    finally:
        pdf.close()


def _error(message: str) -> DocumentParseError:
    return PdfParseError(message)


def parse_pdf(
    data: bytes, options: PdfReadOptions = DEFAULT_PDF_READ_OPTIONS
) -> DocumentParseResult:
    """Read a letter from a PDF (see :func:`govreply.formats.pdf.parse`)."""
    return finish(extract_pdf(data, options), _error)
