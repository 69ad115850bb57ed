"""Benchmark govreply.numerals against cn2an, in one process, on the same integers.

Run ``python bench/bench_numerals.py`` (``--n 10000`` for a quick run). Both libraries format
the same random integers in [0, 10**12) (fixed seed) and parse the same strings; the script
prints the median time per call over several repeats, the throughput ratios, and the share of
correct outputs. "Correct" is judged by an independent, digit-by-digit reference speller
(mainland convention), not by either library:

* format correct: the output equals the reference spelling;
* parse correct: parsing the reference spelling gives the integer back;
* round trip: the library parses its own output back to the integer.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from importlib.metadata import version
from typing import TypeVar

import cn2an

from govreply.numerals import format_number, parse_number

T = TypeVar("T")
R = TypeVar("R")
DIGITS = "零一二三四五六七八九"
SMALL_UNITS = ("", "十", "百", "千")


def reference_lower(n: int) -> str:
    """Spell 0 <= n < 10**16 digit by digit: the obvious algorithm, kept independent."""
    if n == 0:
        return "零"
    text = str(n)
    out: list[str] = []
    zero = False
    for i, ch in enumerate(text):
        p = len(text) - 1 - i
        d = int(ch)
        if d == 0:
            zero = bool(out)
        else:
            if zero:
                out.append("零")
            zero = False
            out.append(DIGITS[d] + SMALL_UNITS[p % 4])
        if p % 4 == 0 and p > 0:  # end of a 4-digit group
            group = int(text[max(0, i - 3) : i + 1])
            if p == 8:
                out.append("亿")  # always: the digits above are non-zero
            elif group:
                out.append("万")
            # Trailing zeros of a group are silent; a whole zero group is a skipped group.
            zero = group == 0
    spelled = "".join(out)
    return spelled[1:] if spelled.startswith("一十") else spelled


def cn2an_format(n: int) -> str:
    return str(cn2an.an2cn(n, "low"))


def cn2an_parse(text: str) -> int:
    return int(cn2an.cn2an(text, "strict"))


def _safe(function: Callable[[T], R], value: T) -> R | None:
    try:
        return function(value)
    except ValueError:
        return None


def time_it(function: Callable[[T], object], values: Sequence[T], repeats: int) -> float:
    """Median seconds per call over ``repeats`` passes (errors count as calls)."""
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        for value in values:
            # A context manager per call would cost more than the calls being timed.
            try:  # noqa: SIM105
                function(value)
            except ValueError:
                pass
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) / len(values)


def share(flags: Sequence[bool]) -> str:
    return f"{100 * sum(flags) / len(flags):.3f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="how many integers (100000)")
    parser.add_argument("--repeats", type=int, default=5, help="timed passes (5)")
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--tiny", action="store_true", help="50 integers, one pass (test suite)")
    args = parser.parse_args(argv)
    if args.tiny:
        args.n, args.repeats = 50, 1

    rng = random.Random(args.seed)
    numbers = [rng.randrange(10**12) for _ in range(args.n)]
    reference = [reference_lower(n) for n in numbers]
    libraries: dict[str, tuple[Callable[[int], str], Callable[[str], int]]] = {
        "govreply": (format_number, parse_number),
        f"cn2an {version('cn2an')}": (cn2an_format, cn2an_parse),
    }

    rows = {}
    for name, (fmt, parse) in libraries.items():
        fmt_time = time_it(fmt, numbers, args.repeats)
        parse_time = time_it(parse, reference, args.repeats)
        outputs = [_safe(fmt, n) for n in numbers]
        parsed = [_safe(parse, s) for s in reference]
        back = [_safe(parse, s) if isinstance(s, str) else None for s in outputs]
        rows[name] = (
            fmt_time,
            parse_time,
            share([o == r for o, r in zip(outputs, reference, strict=True)]),
            share([p == n for p, n in zip(parsed, numbers, strict=True)]),
            share([b == n for b, n in zip(back, numbers, strict=True)]),
        )

    print(
        f"numerals: {args.n:,} random integers in [0, 10^12), seed {args.seed}, "
        f"median of {args.repeats} passes"
    )
    print(
        f"{'':16}{'format µs':>11}{'parse µs':>10}"
        f"{'format ok':>11}{'parse ok':>10}{'round trip':>12}"
    )
    for name, (ft, pt, fok, pok, rt) in rows.items():
        print(f"{name:16}{ft * 1e6:>11.3f}{pt * 1e6:>10.3f}{fok:>11}{pok:>10}{rt:>12}")
    ours, theirs = rows["govreply"], next(v for k, v in rows.items() if k != "govreply")
    print(
        f"throughput ratio govreply/cn2an: format {theirs[0] / ours[0]:.1f}x, "
        f"parse {theirs[1] / ours[1]:.1f}x (target >= 8x)"
    )
    wrong = [n for n in numbers if _safe(cn2an_format, n) != reference_lower(n)][:3]
    if wrong:
        print(
            "examples of cn2an format errors:",
            ", ".join(f"{n}: {cn2an_format(n)} (expected {reference_lower(n)})" for n in wrong),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
