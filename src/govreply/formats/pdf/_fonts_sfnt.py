"""Read what the font resolver needs from an OpenType file: names, weight, metrics, coverage.

fontTools opens the file lazily (a 20 MB collection opens in milliseconds); the character map
is read straight from the raw ``cmap`` table as ranges (format 12, else format 4), so checking
a letter's few hundred characters against a 45,000-character font costs a bisection each
instead of building a dictionary of every mapping.
"""

from __future__ import annotations

import bisect
import functools
import os
import struct
from collections.abc import Iterator
from pathlib import Path

import attrs
from fontTools.ttLib import TTFont, TTLibError
from fontTools.ttLib.ttCollection import TTCollection

__all__ = ["Coverage", "FaceInfo", "coverage", "faces_in", "metrics"]

#: File name endings of the fonts the resolver reads.
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")

# name IDs: 1 family, 4 full name, 6 PostScript name, 16 typographic family
_FAMILY_IDS = (1, 16)
_FULL_IDS = (4, 6)
_STYLE_WEIGHTS = (("thin", 100), ("light", 300), ("medium", 500), ("semibold", 600))
_HEAVY_WEIGHTS = (("extrabold", 800), ("black", 900), ("heavy", 900), ("bold", 700))


@attrs.frozen
class FaceInfo:
    """One face of a font file: where it is, the names it answers to, and its weight."""

    path: Path
    index: int
    families: tuple[str, ...]
    full_names: tuple[str, ...]
    weight: int


def _weight(declared: int, style: str) -> int:
    """The CSS weight: the declared class, raised by a style word (Fandol's Bold says 400)."""
    lowered = style.lower().replace(" ", "").replace("-", "")
    for word, value in _HEAVY_WEIGHTS:
        if word in lowered:
            return max(declared, value)
    for word, value in _STYLE_WEIGHTS:
        if word in lowered and declared == 400:
            return value
    return declared or 400


def _names(font: TTFont, ids: tuple[int, ...]) -> tuple[str, ...]:
    found: list[str] = []
    for record in font["name"].names:
        if record.nameID in ids:
            try:
                text = record.toUnicode().strip()
            except UnicodeDecodeError:
                continue
            if text and text not in found:
                found.append(text)
    return tuple(found)


def _face(font: TTFont, path: Path, index: int) -> FaceInfo:
    style = " ".join(_names(font, (2, 17, 4)))
    declared = font["OS/2"].usWeightClass if "OS/2" in font else 400
    return FaceInfo(
        path, index, _names(font, _FAMILY_IDS), _names(font, _FULL_IDS), _weight(declared, style)
    )


@functools.lru_cache(maxsize=4096)
def _faces_of(path: Path, stamp: tuple[int, int]) -> tuple[FaceInfo, ...]:
    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            with TTCollection(str(path), lazy=True) as collection:
                return tuple(_face(font, path, i) for i, font in enumerate(collection.fonts))
        with TTFont(str(path), lazy=True) as font:
            return (_face(font, path, 0),)
    except (OSError, TTLibError, KeyError, struct.error, AssertionError):
        return ()  # not a font we can read: skip it, as fontconfig does


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


def faces_in(directory: Path) -> Iterator[FaceInfo]:
    """Every readable face of every font file under ``directory`` (recursively), sorted."""
    files: list[Path] = []
    for root, _dirs, names in os.walk(directory):
        files.extend(Path(root, n) for n in names if n.lower().endswith(FONT_SUFFIXES))
    for path in sorted(files):
        stamp = _stamp(path)
        if stamp is not None:
            yield from _faces_of(path, stamp)


def _open(path: Path, index: int) -> TTFont:
    return TTFont(str(path), fontNumber=index, lazy=True)


@attrs.frozen
class Coverage:
    """The characters a face maps, as sorted ``[start, end]`` ranges."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __contains__(self, char: object) -> bool:
        if not isinstance(char, str) or len(char) != 1:
            return False
        code = ord(char)
        i = bisect.bisect_right(self.starts, code) - 1
        return i >= 0 and code <= self.ends[i]

    def missing(self, text: str) -> str:
        """The characters of ``text`` this face lacks, each once, in order of appearance."""
        return "".join(dict.fromkeys(c for c in text if c not in self))


def _ranges_12(raw: bytes, offset: int) -> list[tuple[int, int]]:
    (count,) = struct.unpack_from(">I", raw, offset + 12)
    groups = struct.unpack_from(f">{3 * count}I", raw, offset + 16)
    return [(groups[i], groups[i + 1]) for i in range(0, 3 * count, 3)]


def _ranges_4(raw: bytes, offset: int) -> list[tuple[int, int]]:
    (segx2,) = struct.unpack_from(">H", raw, offset + 6)
    segs = segx2 // 2
    ends = struct.unpack_from(f">{segs}H", raw, offset + 14)
    starts = struct.unpack_from(f">{segs}H", raw, offset + 16 + segx2)
    deltas = struct.unpack_from(f">{segs}h", raw, offset + 16 + 2 * segx2)
    range_base = offset + 16 + 3 * segx2
    range_offsets = struct.unpack_from(f">{segs}H", raw, range_base)
    ranges = []
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if start == 0xFFFF:
            continue
        if range_offsets[i] == 0:
            if (start + deltas[i]) % 0x10000 or end != start:
                ranges.append((start, end))
            continue
        # glyph ids through the glyph array: keep the codes that map to a glyph other than 0
        base = range_base + 2 * i + range_offsets[i]
        run: list[int] = []
        for code in range(start, end + 1):
            (glyph,) = struct.unpack_from(">H", raw, base + 2 * (code - start))
            if glyph:
                run.append(code)
        ranges.extend((c, c) for c in run)
    return ranges


@functools.lru_cache(maxsize=64)
def _coverage(path: Path, index: int, stamp: tuple[int, int]) -> Coverage:
    with _open(path, index) as font:
        raw = font.reader["cmap"]
    (_version, count) = struct.unpack_from(">HH", raw, 0)
    tables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", raw, 4 + 8 * i)
        tables[(platform, encoding)] = offset
    ranges: list[tuple[int, int]] = []
    for key in ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3), (0, 1), (0, 0)):
        if key in tables:
            offset = tables[key]
            (fmt,) = struct.unpack_from(">H", raw, offset)
            if fmt == 12:
                ranges = _ranges_12(raw, offset)
                break
            if fmt == 4:
                ranges = _ranges_4(raw, offset)
                break
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return Coverage(tuple(s for s, _ in merged), tuple(e for _, e in merged))


def coverage(path: Path, index: int) -> Coverage:
    """The characters face ``index`` of ``path`` maps (cached while the file is unchanged)."""
    return _coverage(path, index, _stamp(path) or (0, 0))


@functools.lru_cache(maxsize=64)
def _metrics(path: Path, index: int, stamp: tuple[int, int]) -> tuple[float, float, float]:
    with _open(path, index) as font:
        upm = font["head"].unitsPerEm
        os2 = font.get("OS/2", None)
        hhea = font["hhea"]
    # HarfBuzz (hence Pango, hence WeasyPrint) takes OS/2 typo metrics when USE_TYPO_METRICS is
    # set, else hhea's ascender and descender.
    if os2 is not None and os2.fsSelection & (1 << 7) and os2.sTypoAscender:
        ascent, descent = os2.sTypoAscender, os2.sTypoDescender
    else:
        ascent, descent = hhea.ascent, hhea.descent
    em_top = 0.88 * upm
    if os2 is not None and os2.sTypoAscender - os2.sTypoDescender == upm:
        em_top = os2.sTypoAscender  # the ideographic em box of CJK fonts
    return (ascent / upm, abs(descent) / upm, em_top / upm)


def metrics(path: Path, index: int) -> tuple[float, float, float]:
    """Ascent, descent (both positive) and the em box's top above the baseline, in ems."""
    return _metrics(path, index, _stamp(path) or (0, 0))
