"""Benchmark text parsing against JSON loading of the same letters, in one process.

For the seed (as published) and for every letter of the corpus (tests/data/letters/*.txt), the
script times ``govreply.formats.text.loads(text)`` and ``govreply.formats.json.loads(json)``,
where ``json`` is ``govreply.formats.json.dumps`` of the letter the text parses to: the same
letter, read from its two forms. Each timing is the median of ``--repeat`` runs of enough
loops to take about 0.2 s. The target (issue 5) is text parsing at most 5x JSON loading.

Run ``python bench/bench_text.py`` (``--repeat N`` for more runs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

from govreply.examples import seed_text
from govreply.formats import json as gjson
from govreply.formats import text as gtext

LETTERS = Path(__file__).resolve().parent.parent / "tests" / "data" / "letters"
TARGET = 5.0


def _median_time(fn: Callable[[], object], repeat: int) -> float:
    timer = timeit.Timer(fn)
    loops, _ = timer.autorange()
    loops = max(1, loops)
    return statistics.median(t / loops for t in timer.repeat(repeat=repeat, number=loops))


def _measure(name: str, raw: str, repeat: int) -> tuple[float, float]:
    letter = gtext.loads(raw)
    encoded = gjson.dumps(letter)
    assert gjson.loads(encoded) == letter
    t_text = _median_time(lambda: gtext.loads(raw), repeat)
    t_json = _median_time(lambda: gjson.loads(encoded), repeat)
    print(
        f"{name:>6}  {len(raw):>6} chars  text {t_text * 1e6:8.1f} us  "
        f"json {t_json * 1e6:8.1f} us  ratio {t_text / t_json:5.2f}"
    )
    return t_text, t_json


def main(argv: list[str] | None = None) -> int:
    """Print per-letter times and the text/JSON ratios, and whether the target is met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per measurement")
    parser.add_argument(
        "--tiny", action="store_true", help="one run, three corpus letters (test suite)"
    )
    args = parser.parse_args(argv)
    if args.tiny:
        args.repeat = 1
    print("text.loads vs json.loads of the same letter (median per call)")
    seed_text_time, seed_json_time = _measure("seed", seed_text(), args.repeat)
    texts, jsons, ratios = [], [], []
    for path in sorted(LETTERS.glob("*.txt"))[: 3 if args.tiny else None]:
        t, j = _measure(path.stem, path.read_text(encoding="utf-8"), args.repeat)
        texts.append(t)
        jsons.append(j)
        ratios.append(t / j)
    seed_ratio = seed_text_time / seed_json_time
    corpus_ratio = sum(texts) / sum(jsons)
    print(f"seed ratio (text / json): {seed_ratio:.2f}")
    print(
        f"corpus ratio (total text / total json, {len(texts)} letters): {corpus_ratio:.2f}; "
        f"median per letter {statistics.median(ratios):.2f}, worst {max(ratios):.2f}"
    )
    met = max(seed_ratio, corpus_ratio) <= TARGET
    print(f"target: at most {TARGET:.1f} ({'met' if met else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
