"""Acquisition costs: monthly marketing spend per channel (ads, content, events with a
London show in GBP in March, June and October), marketing tools without channel, and per
team the sales salaries and commissions (GBP for UK&I), sales tools (CRM seats in USD)."""

from __future__ import annotations

from datetime import timedelta

from .formats import f_date, f_money
from .org import TEAMS
from .rates import FX_APPROX
from .timeline import MONTHS, SEASON, add_months, month_of


def gen_costs(w):
    rng = w.r("costs")
    won_by_team_month = {}
    for o in w.opps:
        if o.won and o.seq not in w.defect_opp_seqs and not o.is_old_copy:
            key = (o.account.team, month_of(o.closed_at))
            won_by_team_month[key] = won_by_team_month.get(key, 0) + o.hidden_amount * FX_APPROX[o.currency]
    salary = {"manager": 11500, "ae": 8800, "sdr": 5600}
    rows = []
    for i, m in enumerate(MONTHS):
        g = 1 + .2 * i / 23
        s = SEASON[m.month]
        wobble = lambda: rng.uniform(.9, 1.1)
        rows.append((m, "marketing", "ads", "paid_ads", 15000 * g * s * wobble(), "EUR"))
        rows.append((m, "marketing", "ads", "linkedin", 6500 * g * s * wobble(), "EUR"))
        rows.append((m, "marketing", "content", "inbound", 7000 * g * wobble(), "EUR"))
        ev = {3: 26000, 6: 14000, 10: 30000}.get(m.month, 2500)
        rows.append((m, "marketing", "events", "event", ev * wobble(), "EUR"))
        if m.month in (3, 6, 10):
            rows.append((m, "marketing", "events", "event", 11000 * wobble(), "GBP"))  # London trade show
        rows.append((m, "marketing", "content", "partner", 3200 * wobble(), "EUR"))
        rows.append((m, "marketing", "content", "referral", 1200 * wobble(), "EUR"))
        rows.append((m, "marketing", "tools", None, 3800 * (1.05 if m.year == 2025 else 1), "EUR"))
        rows.append((m, "marketing", "tools", None, 450.0, "USD"))
        for team, _, _, tcur, _, _ in TEAMS:
            fx = FX_APPROX[tcur]
            heads = [u for u in w.org.users.values()
                     if u["team"] == team and u["hired_on"] <= add_months(m, 1) - timedelta(days=1)
                     and (u["terminated_on"] is None or u["terminated_on"] >= m)]
            total = sum(salary[u["role"]] for u in heads) * (1.03 if m.year == 2025 else 1)
            rows.append((m, "sales", "salaries", None, total / fx, tcur))
            won = won_by_team_month.get((team, add_months(m, -1)), 0) if i else 0
            rows.append((m, "sales", "commissions", None, max(0.0, .08 * won / fx), tcur))
        rows.append((m, "sales", "tools", None, 150.0 * len(w.org.users), "USD"))  # CRM seats
        rows.append((m, "sales", "tools", None, 1900 * wobble(), "EUR"))          # sales engagement
    for k, (m, dept, cat, ch, amt, cur) in enumerate(rows, 1):
        w.costs.append((f"COST-{k:04d}", m, dept, cat, ch, round(amt, 2), cur))


def acquisition_costs_rows(w):
    return [[i, f_date(m), d, c, ch or "", f_money(a), cur] for i, m, d, c, ch, a, cur in w.costs]
