"""Small helpers for random draws and rounding."""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate


class Weighted:
    """A weighted choice prepared once: `pick(rng, w)` draws exactly what
    rng.choices(items, weights)[0] would (the same single rng.random() call, the same
    cumulative weights), without rebuilding the lists at every draw."""

    __slots__ = ("items", "cum", "total", "hi")

    def __init__(self, pairs):
        self.items = [p[0] for p in pairs]
        self.cum = list(accumulate(p[1] for p in pairs))
        self.total = self.cum[-1] + 0.0
        self.hi = len(self.items) - 1


def pick(rng: random.Random, pairs):
    """One item of (item, weight) pairs, or of a prepared Weighted."""
    w = pairs if type(pairs) is Weighted else Weighted(pairs)
    return w.items[bisect(w.cum, rng.random() * w.total, 0, w.hi)]


def randint(rng: random.Random, a: int, b: int) -> int:
    """rng.randint(a, b), the same draw: CPython's randint(a, b) is randrange(a, b + 1), which
    is a + rng._randbelow(b + 1 - a); this skips the argument checks (it runs millions of times)."""
    return a + rng._randbelow(b - a + 1)


def choice(rng: random.Random, seq):
    """rng.choice(seq), the same draw (seq[rng._randbelow(len(seq))]) without the call chain."""
    if not seq:
        raise IndexError("cannot choose from an empty sequence")
    return seq[rng._randbelow(len(seq))]


def round_to(x: float, step: int) -> float:
    return float(max(step, int(round(x / step)) * step))
