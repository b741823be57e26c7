"""Quotas: one per AE and month employed, set from the team's run rate (75 % of the average
won revenue per AE-month outside Q1 2024 and Q3 2025), rising from 80 % to 129 % of it over
the eight quarters, ramped (40/60/80 %) for a new hire's first three months."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .draws import round_to
from .formats import f_date, f_money
from .org import TEAM_CURRENCY
from .rates import FX_APPROX
from .timeline import FIRST_DAY, MONTHS, add_months, in_weak_quarter

QUOTA_TO_RUN_RATE = .75


def gen_quotas(w):
    """Monthly quotas per AE, set from each team's run rate (so that a normal month sees
    about half the reps at quota), rising over the two years, ramped for the new hire."""
    rev, ae_months = {}, {}
    for o in w.opps:
        if o.won and not o.is_old_copy and o.seq not in w.defect_opp_seqs \
                and not in_weak_quarter(o.closed_at) and o.closed_at >= datetime(2024, 4, 1):
            team = w.org.users[o.owner]["team"]
            rev[team] = rev.get(team, 0) + o.hidden_amount * FX_APPROX[o.currency]
    for m in MONTHS:
        if m >= date(2024, 4, 1) and not in_weak_quarter(m):
            for uid, u in w.org.users.items():
                if u["role"] == "ae" and w.org.employed(uid, m):
                    ae_months[u["team"]] = ae_months.get(u["team"], 0) + 1
    base = {t: QUOTA_TO_RUN_RATE * rev.get(t, 0) / max(1, ae_months.get(t, 0)) / FX_APPROX[TEAM_CURRENCY[t]]
            for t in TEAM_CURRENCY}
    for uid, u in w.org.users.items():
        if u["role"] != "ae":
            continue
        n_emp = 0
        for i, m in enumerate(MONTHS):
            m_end = add_months(m, 1) - timedelta(days=1)
            if not (u["hired_on"] <= m and (u["terminated_on"] is None or u["terminated_on"] >= m_end)):
                continue
            n_emp += 1
            ramp = {1: .4, 2: .6, 3: .8}.get(n_emp, 1.0) if u["hired_on"] >= FIRST_DAY else 1.0
            growth = .8 + .07 * (i // 3)
            w.quotas.append((uid, m, round_to(base[u["team"]] * growth * ramp, 500), TEAM_CURRENCY[u["team"]]))


def quotas_rows(w):
    return [[u, f_date(m), f_money(a), c] for u, m, a, c in w.quotas]
