"""Make the test font: a subset of Noto Serif CJK SC Regular (SIL OFL 1.1), and its alphabet.

Run from the repository root on a machine with Debian's fonts-noto-cjk installed::

    .venv/bin/python tests/data/fonts/make_subset.py

It writes ``alphabet.txt`` (the characters the Hypothesis strategies draw printable letters
from: the 600 most frequent hanzi of the test corpus that the text layout does not reserve)
and ``NotoSerifCJKsc-Subset.otf``, which covers that alphabet and every other character the
tests print: printable ASCII, CJK punctuation, the seed letter and the test corpus' titles,
the layout's keywords, and every non-ASCII character in govreply's source.
"""

from __future__ import annotations

import collections
import unicodedata
from pathlib import Path

from fontTools import subset

from govreply.formats.text import LAYOUT_RESERVED

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).resolve().parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
SC_INDEX = 2  # the TTC's Simplified Chinese face
ALPHABET_SIZE = 600
PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕—…·　√□■○●－─％"


def _hanzi(text: str) -> list[str]:
    return [c for c in text if unicodedata.name(c, "").startswith("CJK UNIFIED IDEOGRAPH")]


def main() -> None:
    counts: collections.Counter[str] = collections.Counter()
    corpus = sorted((ROOT / "tests" / "data" / "letters").glob("*.txt"))
    for path in corpus:
        counts.update(_hanzi(path.read_text(encoding="utf-8")))
    ranked = [c for c, _ in counts.most_common() if c not in LAYOUT_RESERVED]
    alphabet = "".join(sorted(ranked[:ALPHABET_SIZE]))
    (HERE / "alphabet.txt").write_text(alphabet + "\n", encoding="utf-8")
    wanted = set(alphabet) | set(PUNCTUATION) | set(LAYOUT_RESERVED)
    wanted |= {chr(c) for c in range(0x20, 0x7F)}
    for path in (ROOT / "src").rglob("*.py"):
        wanted |= {c for c in path.read_text(encoding="utf-8") if ord(c) > 0x7F}
    for path in (ROOT / "src" / "govreply" / "examples").glob("*.txt"):
        wanted |= set(path.read_text(encoding="utf-8"))
    wanted = {c for c in wanted if c.isprintable() or c == "\u3000"}
    options = subset.Options()
    options.font_number = SC_INDEX
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.layout_features = ["*"]
    options.hinting = False
    options.notdef_outline = True
    font = subset.load_font(str(SOURCE), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in wanted))
    subsetter.subset(font)
    subset.save_font(font, str(HERE / "NotoSerifCJKsc-Subset.otf"), options)
    print(f"{len(wanted)} characters, alphabet of {len(alphabet)}")


if __name__ == "__main__":
    main()
