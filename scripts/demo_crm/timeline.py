"""The story's calendar: two years, office hours, the seasons and the weak quarter."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from math import sqrt

START = datetime(2024, 1, 1)
END = datetime(2025, 12, 31, 23, 59, 59)
FIRST_DAY = START.date()
LAST_DAY = END.date()
MONTHS = [date(y, m, 1) for y in (2024, 2025) for m in range(1, 13)]
WEAK_QUARTER = (date(2025, 7, 1), date(2025, 10, 1))  # Q3 2025: the outage quarter
LAST_MONTH_FOR_RENEWALS = date(2026, 1, 1)  # renewals of early-2026 anniversaries start in 2025

GO_LIVE_PIPELINE = datetime(2024, 1, 2, 7, 0, 0)  # open deals imported the day after go-live

SEASON = {1: 1.15, 2: 1.10, 3: 1.20, 4: 1.00, 5: 0.95, 6: 0.95,
          7: 0.80, 8: 0.50, 9: 1.15, 10: 1.25, 11: 1.15, 12: 0.75}

HOLIDAYS = {(1, 1), (12, 25), (12, 26)}  # nobody works on these days (all teams)


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def month_of(t) -> date:
    return date(t.year, t.month, 1)


def in_weak_quarter(t) -> bool:
    d = t.date() if isinstance(t, datetime) else t
    return WEAK_QUARTER[0] <= d < WEAK_QUARTER[1]


def add_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


# office hours: 07:30 .. 18:30, most often around 12:30 (a triangular distribution)
OFFICE_OPENS, OFFICE_CLOSES, OFFICE_PEAK = 7.5 * 3600, 18.5 * 3600, 12.5 * 3600
_PEAK_AT = (OFFICE_PEAK - OFFICE_OPENS) / (OFFICE_CLOSES - OFFICE_OPENS)
_WORKDAY = {}  # day -> midnight of the first working day from it


def office_seconds(rng: random.Random) -> int:
    """int(rng.triangular(OFFICE_OPENS, OFFICE_CLOSES, OFFICE_PEAK)), the same draw and the
    same arithmetic, without the call overhead (it runs millions of times)."""
    u = rng.random()
    c, low, high = _PEAK_AT, OFFICE_OPENS, OFFICE_CLOSES
    if u > c:
        u, c, low, high = 1.0 - u, 1.0 - c, high, low
    return int(low + (high - low) * sqrt(u * c))


def work_dt(rng: random.Random, day: date) -> datetime:
    """A timestamp during office hours (UTC) on `day`, moved to Monday if a weekend."""
    base = _WORKDAY.get(day)
    if base is None:
        d = day
        while d.weekday() >= 5 or (d.month, d.day) in HOLIDAYS:
            d += timedelta(days=1)
        base = _WORKDAY[day] = datetime.combine(d, time())
    u = rng.random()  # office_seconds(rng), inlined: this runs millions of times
    c, low, high = _PEAK_AT, OFFICE_OPENS, OFFICE_CLOSES
    if u > c:
        u, c, low, high = 1.0 - u, 1.0 - c, high, low
    return base + timedelta(seconds=int(low + (high - low) * sqrt(u * c)))


def work_after(rng: random.Random, t: datetime, lo_days: float, hi_days: float) -> datetime:
    """An office-hours timestamp lo..hi days after t, always strictly after t."""
    dt = work_dt(rng, (t + timedelta(days=rng.uniform(lo_days, hi_days))).date())
    if dt <= t:
        dt = t + timedelta(minutes=rng.randint(5, 240), seconds=rng.randint(0, 59))
    return dt


def spread(rng: random.Random, a: datetime, b: datetime, k: int) -> list[datetime]:
    """k distinct increasing timestamps strictly between a and b (whole seconds)."""
    total = int((b - a).total_seconds())
    if k <= 0:
        return []
    if total <= k + 1:
        raise ValueError("interval too short")
    return [a + timedelta(seconds=s) for s in sorted(rng.sample(range(1, total), k))]


def clamp_end(t: datetime) -> datetime:
    return END if t > END else t
