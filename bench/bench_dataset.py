"""Benchmark the corpus batch: rows per second per core, the -j 2 speed-up, flat memory.

Three measurements, each printed with its ratio:

1. **Rows per second on one core**, in this process: ``govreply.dataset.parse_one`` (read the
   text, check the letter) and ``to_batch`` (the Arrow row) over a pool of letters, against the
   named peer, what ``govreply parse DIR`` does for JSON Lines (``text.parse`` and
   ``json.dumps``) on the same letters. Medians of ``--repeat`` runs.
2. **Speed-up of -j 2 over -j 1**: ``govreply parse DIR --to parquet -o F -j N``, run as a
   command on a folder of ``size`` letters, wall-clock medians. Target (issue 13): at least
   1.7x on 2 cores, at the largest size (worker start-up, about half a second, is included).
   The CPU time of each run (all its processes, from ``wait4``) is printed too: it does not
   depend on other work on the machine, so ``2 x`` the ratio of CPU times bounds what -j 2 can
   reach on two idle cores.
3. **Memory**: the peak resident size of the largest process of those runs (the parent or a
   worker), from ``wait4``; flat means the largest size needs at most 1.25x the smallest.

The letters are the real corpus (tests/data/letters/*.txt) and ``--generated`` letters drawn
from ``govreply.testing.reply_letters(layout_safe=True)`` and printed with
``govreply.formats.text.dumps``, cycled to fill each folder.

Run ``python bench/bench_dataset.py`` (``--sizes 10000,100000 --repeat 3``); about five minutes
on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

from govreply.dataset import parse_one, to_batch
from govreply.formats import json as gjson
from govreply.formats import text as gtext
from govreply.testing import reply_letters

LETTERS = Path(__file__).resolve().parent.parent / "tests" / "data" / "letters"
SPEEDUP_TARGET = 1.7
MEMORY_TARGET = 1.25


def pool(generated: int) -> list[bytes]:
    """The corpus's letters, then ``generated`` letters from govreply.testing, as text bytes."""
    found = [path.read_bytes() for path in sorted(LETTERS.glob("*.txt"))]
    drawn: list[bytes] = []

    @seed(13)
    @settings(
        max_examples=generated,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(reply_letters(layout_safe=True))
    def collect(letter: object) -> None:
        if len(drawn) < generated:
            drawn.append(gtext.dumps(letter).encode("utf-8"))  # type: ignore[arg-type]

    if generated:
        collect()
    return found + drawn


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def per_core(texts: list[bytes], repeat: int) -> None:
    """Print rows per second in one process, against the JSON Lines peer."""

    def rows() -> None:
        for i in range(0, len(texts), 256):
            to_batch([parse_one(f"{i}.txt", data=t) for t in texts[i : i + 256]], errors="row")

    def json_lines() -> None:
        for t in texts:
            gjson.dumps(gtext.parse(t).letter)

    rows()  # Arrow's first use imports and sets up things once
    t_rows, t_json = _median(rows, repeat), _median(json_lines, repeat)
    n = len(texts)
    print(f"one core, {n} letters (median of {repeat}):")
    print(f"  Arrow rows (parse_one + check + to_batch): {n / t_rows:8.0f} letters/s")
    print(f"  peer, JSON Lines (text.parse + json.dumps): {n / t_json:7.0f} letters/s")
    print(f"  ratio (rows time / JSON Lines time): {t_rows / t_json:.2f}")


def fill(folder: Path, texts: list[bytes], size: int) -> None:
    """Write ``size`` letter files into ``folder``, cycling through ``texts``."""
    folder.mkdir()
    for i in range(size):
        (folder / f"{i:06d}.txt").write_bytes(texts[i % len(texts)])


def run(folder: Path, jobs: int) -> tuple[float, int, float]:
    """Wall time, peak RSS (KiB, largest process) and CPU time (all its processes) of one
    ``govreply parse --to parquet``."""
    out = folder.with_suffix(f".j{jobs}.parquet")
    args = [sys.executable, "-m", "govreply", "parse", str(folder), "--to", "parquet"]
    args += ["-o", str(out), "-j", str(jobs), "-q"]
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    err = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"govreply parse failed ({process.returncode}): {err}")
    out.unlink()
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Print the three measurements and whether the targets are met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="letters per folder, in order")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement")
    parser.add_argument("--generated", type=int, default=200, help="letters from govreply.testing")
    parser.add_argument(
        "--tiny", action="store_true", help="30 and 60 letters, one run (test suite)"
    )
    args = parser.parse_args(argv)
    if args.tiny:
        args.sizes, args.repeat, args.generated = "30,60", 1, 3
    sizes = [int(s) for s in args.sizes.split(",")]
    # Other work on the machine skews every figure here; the load average says how much.
    print(f"load average at start: {os.getloadavg()[0]:.2f} (on {os.cpu_count()} CPUs)")
    texts = pool(args.generated)
    per_core(texts, args.repeat)
    peaks: dict[int, int] = {}
    speedup = 0.0
    scratch = Path(tempfile.mkdtemp(prefix="govreply-bench-"))
    try:
        for size in sizes:
            folder = scratch / f"letters-{size}"
            fill(folder, texts, size)
            timings: dict[int, list[float]] = {1: [], 2: []}
            rss: dict[int, list[int]] = {1: [], 2: []}
            cpu: dict[int, list[float]] = {1: [], 2: []}
            for _ in range(args.repeat):
                for jobs in (1, 2):
                    elapsed, peak, used = run(folder, jobs)
                    timings[jobs].append(elapsed)
                    rss[jobs].append(peak)
                    cpu[jobs].append(used)
            one, two = statistics.median(timings[1]), statistics.median(timings[2])
            speedup = one / two
            # CPU time does not depend on what else the machine runs: with two idle cores,
            # -j 2 can be at most twice this much faster than -j 1.
            efficiency = statistics.median(cpu[1]) / statistics.median(cpu[2])
            peaks[size] = max(rss[2])
            print(
                f"{size} letters: -j 1 {size / one:6.0f}/s ({one:.1f} s), "
                f"-j 2 {size / two:6.0f}/s ({two:.1f} s), speed-up {speedup:.2f}x, "
                f"peak RSS -j 1 {max(rss[1]) / 1024:.0f} MiB, -j 2 {peaks[size] / 1024:.0f} MiB"
            )
            print(
                f"  CPU time -j 1 {statistics.median(cpu[1]):.1f} s, -j 2 (all processes) "
                f"{statistics.median(cpu[2]):.1f} s: parallel efficiency {efficiency:.2f}, "
                f"so at most {2 * efficiency:.2f}x on two idle cores"
            )
            shutil.rmtree(folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    growth = peaks[sizes[-1]] / peaks[sizes[0]]
    met = "met" if speedup >= SPEEDUP_TARGET else "MISSED"
    print(
        f"speed-up of -j 2 at {sizes[-1]} letters: {speedup:.2f}x (target {SPEEDUP_TARGET}x: {met})"
    )
    met = "met" if growth <= MEMORY_TARGET else "MISSED"
    print(
        f"peak memory, {sizes[-1]} letters over {sizes[0]}: {growth:.2f}x "
        f"(target at most {MEMORY_TARGET}x: {met})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
