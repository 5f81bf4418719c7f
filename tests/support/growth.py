"""How a function's time grows with its input, for tests that guard against quadratic work.

A wall-clock limit ("under 1 s") fails on a busy machine and passes a quadratic regression
on a fast one; the ratio between two sizes measured back to back does neither: linear work
takes about ``factor`` times longer on an input ``factor`` times larger, quadratic work about
``factor ** 2`` times.
"""

from __future__ import annotations

import time
from collections.abc import Callable

FACTOR = 4
LINEAR_BOUND = 10.0  # linear gives ~4, quadratic ~16; the rest is room for a noisy machine


def growth(make: Callable[[int], Callable[[], object]], size: int, *, repeats: int = 3) -> float:
    """Best-of-``repeats`` time of ``make(size * FACTOR)()`` over that of ``make(size)()``.

    ``make(n)`` builds an input of about ``n`` units (untimed) and returns the call to time."""
    return _best(make(size * FACTOR), repeats) / max(_best(make(size), repeats), 1e-6)


def _best(call: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best
