"""NPS: about 350 answers (at scale 1) from accounts with an active subscription on the
day, mostly with a contact of the account; +20..+40 except in the weak quarter (about 0)."""

from __future__ import annotations

from datetime import timedelta

from .draws import pick
from .formats import f_ts
from .timeline import END, MONTHS, add_months, in_weak_quarter, work_dt


def gen_nps(w):
    rng = w.r("nps")
    by_acc = {}
    for s in w.subs:
        by_acc.setdefault(s["account"]["account_id"], (s["account"], []))[1].append(s)
    accs = [by_acc[k] for k in sorted(by_acc)]
    per_month = 350 * w.scale / 24
    out = []
    for m in MONTHS:
        days_in = (add_months(m, 1) - m).days
        k = max(1, int(round(per_month * rng.uniform(.7, 1.3))))
        for _ in range(k):
            t = work_dt(rng, m + timedelta(days=rng.randrange(days_in)))
            if t > END:
                continue
            d = t.date()
            active = [x for x in accs
                      if any(s["started_on"] <= d and (s["ended_on"] is None or s["ended_on"] > d) for s in x[1])]
            if not active:
                continue
            acc, _ = rng.choice(active)
            if in_weak_quarter(d):
                dist = [("p", .34), ("n", .29), ("d", .37)]
            else:
                dist = [("p", .50), ("n", .30), ("d", .20)]
            kind = pick(rng, dist)
            score = {"p": lambda: rng.choice([9, 9, 10]), "n": lambda: rng.choice([7, 8, 8]),
                     "d": lambda: rng.choice([2, 3, 4, 5, 5, 6, 6, 6])}[kind]()
            contact = rng.choice(acc["contacts"]) if acc["contacts"] and rng.random() < .88 else None
            out.append((t, acc, contact, score))
    out.sort(key=lambda x: (x[0], x[1]["account_id"]))
    for i, (t, acc, contact, score) in enumerate(out, 1):
        w.nps.append((f"NPS-{i:04d}", acc["account_id"], contact["contact_id"] if contact else None, t, score))


def nps_responses_rows(w):
    return [[i, a, c or "", f_ts(t), str(s)] for i, a, c, t, s in w.nps]
