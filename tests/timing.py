"""Timing for the scaling tests: the fastest of a few runs, with the cyclic GC paused.

The scaling tests compare a parser's time at n and at 10 n; the minimum of a few runs is the
least disturbed by a loaded machine, and the GC's passes are not the parser's cost.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best(fn: Callable[[], object], repeats: int = 5) -> float:
    """The fastest of ``repeats`` runs of ``fn``, in seconds."""
    times = []
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)
