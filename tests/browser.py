"""Render a page in headless Chromium and look at the pixels; redraw the docs' report screenshot.

Chromium comes from the system (Debian: ``apt-get install chromium fonts-noto-cjk``, the fonts
so that Chinese text is drawn). Run it as a script to redraw the screenshot in the docs from
the corpus of real letters::

    python tests/browser.py docs/_static/report.png
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

LETTERS = Path(__file__).parent / "data" / "letters"
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium() -> str | None:
    """The path of a Chromium (or Chrome) on this machine, if any."""
    return next((found for name in NAMES if (found := shutil.which(name))), None)


def screenshot(page: Path, png: Path, *, width: int = 800, height: int = 2400) -> None:
    """Save a ``width`` × ``height`` screenshot of the HTML file ``page`` to ``png``."""
    browser = chromium()
    if browser is None:
        raise FileNotFoundError("no Chromium: apt-get install chromium fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",  # root in a container has no user namespace for the sandbox
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={png}",
                page.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def pixels(png: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the RGB rows of an 8-bit RGB or RGBA, non-interlaced PNG."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    chunks: dict[bytes, bytes] = {}
    at = 8
    idat = b""
    while at < len(data):
        (size,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + size]
        if kind == b"IDAT":
            idat += body
        chunks.setdefault(kind, body)
        at += 12 + size
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert depth == 8, "not an 8-bit PNG"
    assert color in (2, 6), "not an RGB or RGBA PNG"
    assert not interlace, "an interlaced PNG"
    step = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * step
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - step] if x >= step else 0
            up = previous[x]
            corner = previous[x - step] if x >= step else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + guess) & 0xFF
        previous = line
        rows.append(bytes(line if step == 3 else _rgb(line)))
    return width, height, rows


def _rgb(line: bytearray) -> bytearray:
    out = bytearray()
    for x in range(0, len(line), 4):
        out += line[x : x + 3]
    return out


def corpus_report(folder: Path) -> Path:
    """Parse the corpus into ``folder/letters.parquet`` and write its report; return the page."""
    from govreply.dataset import letter_files, parse_to_parquet
    from govreply.report import write_report

    rows = folder / "letters.parquet"
    parse_to_parquet(letter_files(f"{LETTERS}/*.txt"), rows)
    page = folder / "report.html"
    write_report(rows, page, title="govreply report: the corpus of real letters")
    return page


def main(argv: list[str]) -> int:
    """Write a screenshot of the corpus report to ``argv[0]``."""
    target = Path(argv[0])
    with tempfile.TemporaryDirectory() as scratch:
        screenshot(corpus_report(Path(scratch)), target, height=2000)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
