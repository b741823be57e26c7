"""Small helpers for random draws and rounding."""

from __future__ import annotations

import random


def pick(rng: random.Random, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def round_to(x: float, step: int) -> float:
    return float(max(step, int(round(x / step)) * step))
