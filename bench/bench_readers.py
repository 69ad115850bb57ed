"""Benchmark the document readers against named peers, in one process, and print the ratios.

PDF: pages per second of ``govreply.formats.pdf.extract`` (text layer with positions, layout
rebuilt) against pdfplumber's and pypdf's ``extract_text`` of every page of the same files
(tests/data/documents/*.pdf), and the time to read and parse a two-page letter PDF
(``pdf.parse``, target: at most 30 ms). HTML: ``govreply.formats.html.parse`` of each portal
page against ``govreply.formats.text.parse`` of the text of the letter it holds (target: at
most 2x). Each timing is the median of ``--repeat`` runs.

Run ``python bench/bench_readers.py`` (``--repeat N``; ``--tiny`` runs each once, for the test
suite).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from govreply.formats import html, pdf, text

DOCUMENTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "documents"
PDF_TARGET_MS = 30.0
HTML_TARGET = 2.0


def _median(fn: Callable[[], object], repeat: int, loops: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        times.append((time.perf_counter() - start) / loops)
    return statistics.median(times)


def _pdfplumber(data: bytes) -> Callable[[], object] | None:
    try:
        import pdfplumber
    except ImportError:
        return None

    def run() -> object:
        with pdfplumber.open(io.BytesIO(data)) as doc:
            return [page.extract_text() for page in doc.pages]

    return run


def _pypdf(data: bytes) -> Callable[[], object] | None:
    try:
        import pypdf
    except ImportError:
        return None

    def run() -> object:
        return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]

    return run


def bench_pdf(repeat: int, loops: int) -> tuple[float, float]:
    """Print pages per second for govreply and the peers; return (two-page parse ms, ratio)."""
    files = sorted(DOCUMENTS.glob("*.pdf"))
    pages = 0
    totals = {"govreply": 0.0, "pdfplumber": 0.0, "pypdf": 0.0}
    for path in files:
        data = path.read_bytes()
        count = pdf.extract(data).pages or 1
        pages += count
        runs: dict[str, Callable[[], object] | None] = {
            "govreply": lambda data=data: pdf.extract(data),  # type: ignore[misc]
            "pdfplumber": _pdfplumber(data),
            "pypdf": _pypdf(data),
        }
        line = [f"{path.name:>22} {count:2d} pp"]
        for name, run in runs.items():
            if run is None:
                line.append(f"{name} (not installed)")
                continue
            t = _median(run, repeat, loops)
            totals[name] += t
            line.append(f"{name} {t * 1e3:7.1f} ms")
        print("  ".join(line))
    ours = totals["govreply"]
    for name in ("pdfplumber", "pypdf"):
        if totals[name]:
            print(
                f"pages/s: govreply {pages / ours:7.1f}  {name} {pages / totals[name]:7.1f}  "
                f"ratio (govreply speed / {name} speed) {totals[name] / ours:5.2f}"
            )
    two_page = DOCUMENTS / "letter-001.pdf"
    data = two_page.read_bytes()
    t_parse = _median(lambda: pdf.parse(data), repeat, loops) * 1e3
    met = t_parse <= PDF_TARGET_MS
    print(
        f"two-page letter {two_page.name}: read and parsed in {t_parse:.1f} ms "
        f"(target at most {PDF_TARGET_MS:.0f} ms: {'met' if met else 'MISSED'})"
    )
    return t_parse, totals["pdfplumber"] / ours if totals["pdfplumber"] else 0.0


def bench_html(repeat: int, loops: int) -> float:
    """Print html.parse vs text.parse of the same letter per page; return the worst ratio."""
    worst = 0.0
    for path in sorted(DOCUMENTS.glob("*-portal.html")):
        data = path.read_bytes()
        result = html.parse(data)
        letter_text = result.text
        t_html = _median(lambda: html.parse(data), repeat, loops)  # noqa: B023
        t_text = _median(lambda: text.parse(letter_text), repeat, loops)  # noqa: B023
        ratio = t_html / t_text
        worst = max(worst, ratio)
        print(
            f"{path.name:>24}  {len(data):6d} bytes  html.parse {t_html * 1e3:6.2f} ms  "
            f"text.parse {t_text * 1e3:6.2f} ms  ratio {ratio:5.2f}"
        )
    met = worst <= HTML_TARGET
    print(
        f"HTML worst ratio (html / text of its letter): {worst:.2f} "
        f"(target at most {HTML_TARGET:.1f}: {'met' if met else 'MISSED'})"
    )
    return worst


def main(argv: list[str] | None = None) -> int:
    """Run both benchmarks and print their ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per measurement")
    parser.add_argument("--tiny", action="store_true", help="one run of one loop (test suite)")
    args = parser.parse_args(argv)
    repeat, loops = (1, 1) if args.tiny else (args.repeat, 5)
    print("PDF readers on the same files, same process (median per file)")
    bench_pdf(repeat, loops)
    print("HTML page parse vs text parse of the same letter")
    bench_html(repeat, loops)
    return 0


if __name__ == "__main__":
    sys.exit(main())
