"""Exchange rates: USD -> EUR and GBP -> EUR for every month, drifting slowly."""

from __future__ import annotations

from .formats import f_date
from .timeline import MONTHS

FX_APPROX = {"EUR": 1.0, "GBP": 1.17, "USD": 0.92}  # for sizing amounts only


def currency_of(country: str) -> str:
    return {"GB": "GBP", "US": "USD"}.get(country, "EUR")


def gen_rates(w):
    rng = w.r("rates")
    usd, gbp = 0.925, 1.168
    for m in MONTHS:
        usd = min(0.949, max(0.901, usd + rng.gauss(0, 0.006)))
        gbp = min(1.199, max(1.151, gbp + rng.gauss(0, 0.006)))
        w.rates.append((m, "USD", "EUR", round(usd, 6)))
        w.rates.append((m, "GBP", "EUR", round(gbp, 6)))
    w.rate = {(m, c): r for m, c, _, r in w.rates}


def exchange_rates_rows(w):
    return [[f_date(m), f, t, f"{r:.6f}"] for m, f, t, r in w.rates]
