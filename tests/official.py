"""Helpers for the official-layout writers' tests: the test font.

The test font is a subset of Noto Serif CJK SC (``tests/data/fonts``, SIL OFL 1.1) that covers
:data:`ALPHABET` and every other character the tests print, so the PDF tests render real CJK
glyphs on a machine without CJK fonts. ``PDF_OPTIONS`` uses it alone.
"""

from __future__ import annotations

from pathlib import Path

from govreply.formats import pdf

FONT_DIR = Path(__file__).parent / "data" / "fonts"
FONT_FILE = FONT_DIR / "NotoSerifCJKsc-Subset.otf"
#: The ideographs the test font covers, for ``reply_letters(layout_safe=True, alphabet=…)``.
ALPHABET = (FONT_DIR / "alphabet.txt").read_text(encoding="utf-8").strip()
PDF_OPTIONS = pdf.PdfOptions(font_dirs=(FONT_DIR,), system_fonts=False)
