"""Benchmark the official-layout writers against Typst compiling the same letter, in one process.

The letter is a two-page reply built from the seed's parts (its opening, two sections and its
closing; no feedback form). The script times ``govreply.formats.docx.dumps`` (target: 50 ms),
``govreply.formats.html.dumps`` and ``govreply.formats.pdf.dumps`` (target: 250 ms), and, as the
peer, ``typst.compile`` (typst from PyPI) of a Typst document of the same letter in the same
geometry (A4, the GB/T 9704 margins, 16 pt 仿宋 on a 28.99 pt pitch, first-line indent).

The Typst package ``gbt9704-gongwen`` is not used: this repository may not carry its code, so
the peer is the equivalent minimal document written below, without a masthead, red rules or
feedback form — less work than govreply's PDF does. Both print with the same font files (the
test font subset, so the run does not depend on the machine). Each timing is the median of
``--repeat`` runs, after one warm-up call; the first call's time (fonts indexed, caches empty)
is printed apart. ``--tiny`` times one call of each, for the test suite.

Run ``python bench/bench_writers.py`` (``--repeat N`` for more runs).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import attrs

from govreply.examples import seed_letter
from govreply.formats import docx, html, pdf
from govreply.formats._layout import geometry as g
from govreply.model import ReplyLetter

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "tests" / "data" / "fonts"
TARGETS = {"docx": 0.050, "pdf": 0.250}


def two_page_letter() -> ReplyLetter:
    """The seed's opening, sections 一 and 二 (its 二 cut to a paragraph) and closing: two pages."""
    seed = seed_letter()
    second = attrs.evolve(seed.sections[1], paragraphs=seed.sections[2].paragraphs[:1])
    return attrs.evolve(seed, sections=(seed.sections[0], second), feedback_form=None)


def _typst_source(letter: ReplyLetter) -> str:
    def esc(text: str) -> str:
        return "".join("\\" + c if c in "\\#*_`$<>@[]/=-+~" else c for c in text)

    body = [f"#align(center)[#text(size: 22pt)[{esc(letter.title or '')}]]", ""]
    body.append(f"#par(first-line-indent: 0pt)[{esc(str(letter.addressees))}：]")
    body.append(esc(letter.opening or ""))
    for number, section in enumerate(letter.sections, 1):
        body.append(f"{'一二三四五六七八九十'[number - 1]}、{esc(section.heading)}")
        body += [esc(p.text) for p in section.paragraphs]
    body.append(esc(letter.closing or ""))
    leading = g.LINE_PITCH_PT - g.BODY_PT
    return "\n".join(
        [
            f'#set page(paper: "a4", margin: (top: {g.TOP_MM}mm, bottom: {g.BOTTOM_MM}mm, '
            f'left: {g.LEFT_MM}mm, right: {g.RIGHT_MM}mm), numbering: "— 1 —")',
            '#set text(font: "Noto Serif CJK SC", size: 16pt, lang: "zh", cjk-latin-spacing: none)',
            f"#set par(first-line-indent: (amount: 2em, all: true), leading: {leading:.3f}pt, "
            f"spacing: {leading:.3f}pt, justify: true)",
            "",
            "\n\n".join(body),
        ]
    )


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _pages(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        return len(document.pages)


def main(argv: list[str] | None = None) -> int:
    """Print the writers' and Typst's times and ratios, and whether the targets are met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per measurement")
    parser.add_argument("--tiny", action="store_true", help="one run of each (for the tests)")
    args = parser.parse_args(argv)
    repeat = 1 if args.tiny else args.repeat
    letter = two_page_letter()
    options = pdf.PdfOptions(font_dirs=(FONTS,), system_fonts=False)
    import typst

    source = _typst_source(letter).encode("utf-8")
    runs: dict[str, Callable[[], object]] = {
        "docx": lambda: docx.dumps(letter),
        "html": lambda: html.dumps(letter),
        "pdf": lambda: pdf.dumps(letter, options=options),
        "typst": lambda: typst.compile(source, font_paths=[str(FONTS)], ignore_system_fonts=True),
    }
    first: dict[str, float] = {}
    for name, fn in runs.items():
        start = time.perf_counter()
        fn()
        first[name] = time.perf_counter() - start
    times = {name: _median(fn, repeat) for name, fn in runs.items()}
    pdf_pages = _pages(pdf.dumps(letter, options=options))
    typst_out = typst.compile(source, font_paths=[str(FONTS)], ignore_system_fonts=True)
    assert isinstance(typst_out, bytes)
    print(f"two-page letter: govreply PDF {pdf_pages} pages, Typst PDF {_pages(typst_out)} pages")
    print(f"{'writer':>6}  {'median':>9}  {'first call':>10}  {'vs typst':>8}")
    for name, seconds in times.items():
        ratio = seconds / times["typst"]
        print(f"{name:>6}  {seconds * 1e3:7.1f} ms  {first[name] * 1e3:8.1f} ms  {ratio:7.2f}x")
    met = True
    for name, target in TARGETS.items():
        ok = times[name] <= target
        met &= ok
        print(f"target {name} <= {target * 1e3:.0f} ms: {'met' if ok else 'MISSED'}")
    return 0 if met or args.tiny else 1


if __name__ == "__main__":
    sys.exit(main())
