"""Regenerate the gallery of docs/howto/official-output.md: PDF pages and an HTML screenshot.

Needs ``pdftoppm`` (poppler-utils) and, for the screenshot, ``chromium``; uses the machine's
fonts (install fonts-noto-cjk, and texlive-lang-chinese for the Fandol faces). Run from the
repository root: ``python docs/howto/gallery/make_gallery.py`` (or ``nox -s gallery``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "tests"))

from govreply.examples import seed_letter  # noqa: E402
from govreply.formats import html, pdf  # noqa: E402
from test_official_pdf import long_letter  # noqa: E402


def _pages(data: bytes, stem: str, pages: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "letter.pdf"
        path.write_bytes(data)
        for page in pages:
            subprocess.run(
                ["pdftoppm", "-r", "50", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                 str(path), str(HERE / f"{stem}-{page}")],
                check=True,
            )  # fmt: skip


def main() -> int:
    """Write the page images and the screenshot beside this script."""
    _pages(pdf.dumps(seed_letter()), "seed", [1, 2, 4, 5])
    _pages(pdf.dumps(long_letter()), "long", [3, 8])
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no chromium: the HTML screenshot is not updated")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "letter.html"
        page.write_text(html.dumps(seed_letter()), encoding="utf-8")
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--hide-scrollbars", "--window-size=900,1100",
             f"--screenshot={HERE / 'html.png'}", page.as_uri()],
            check=True,
            capture_output=True,
        )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
