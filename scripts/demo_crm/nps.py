"""NPS: about 350 answers (at scale 1) from accounts with an active subscription on the
day, mostly with a contact of the account; +20..+40 except in the weak quarter (about 0)."""

from __future__ import annotations

from bisect import bisect_left
from datetime import timedelta

from .draws import Weighted, pick
from .formats import f_ts
from .timeline import END, MONTHS, add_months, in_weak_quarter, work_dt

FOREVER = 10 ** 7  # a day ordinal after any end of service


WEAK_QUARTER_ANSWERS = Weighted([("p", .34), ("n", .29), ("d", .37)])  # promoter, passive, detractor
USUAL_ANSWERS = Weighted([("p", .50), ("n", .30), ("d", .20)])
SCORES = {"p": [9, 9, 10], "n": [7, 8, 8], "d": [2, 3, 4, 5, 5, 6, 6, 6]}


def service_spans(subs) -> list[tuple[int, int, int, dict]]:
    """(first day, first day without service, rank, account) for every stretch of days an
    account has an active subscription: day ordinals, rank = the account's place in
    account_id order, ordered by rank (and then by day)."""
    by_acc = {}
    for s in subs:
        by_acc.setdefault(s.account.account_id, (s.account, []))[1].append(s)
    spans = []
    for rank, account_id in enumerate(sorted(by_acc)):
        acc, ss = by_acc[account_id]
        merged = []
        for lo, hi in sorted((s.started_on.toordinal(), s.ended_on.toordinal() if s.ended_on else FOREVER)
                             for s in ss):
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        spans += [(lo, hi, rank, acc) for lo, hi in merged if lo < hi]
    return spans


class ServedOn:
    """The accounts served on one day, in account_id order, as rng.choice reads them (len and
    index): those served the whole month, merged with the few served on that day only,
    without building the list."""

    def __init__(self, whole: list[dict], whole_ranks: list[int], extra: list[tuple[int, dict]]):
        self.whole = whole
        # where each extra account (rank order) stands in the merged list
        self.extra_at = [bisect_left(whole_ranks, rank) + i for i, (rank, _) in enumerate(extra)]
        self.extra = [acc for _, acc in extra]

    def __len__(self) -> int:
        return len(self.whole) + len(self.extra)

    def __getitem__(self, k: int) -> dict:
        before = bisect_left(self.extra_at, k)  # extra accounts standing before place k
        if before < len(self.extra_at) and self.extra_at[before] == k:
            return self.extra[before]
        return self.whole[k - before]


def gen_nps(w):
    rng = w.r("nps")
    spans = service_spans(w.subs)
    per_month = 350 * w.scale / 24
    out = []
    for m in MONTHS:
        # the days an answer of this month can fall on (work_dt moves a weekend to Monday)
        first, last = m.toordinal(), add_months(m, 1).toordinal() + 6
        whole = [(rank, acc) for lo, hi, rank, acc in spans if lo <= first and hi > last]
        whole_accs, whole_ranks = [acc for _, acc in whole], [rank for rank, _ in whole]
        partial = [s for s in spans if s[0] <= last and s[1] > first and not (s[0] <= first and s[1] > last)]
        served_on = {}  # day ordinal -> ServedOn
        days_in = (add_months(m, 1) - m).days
        k = max(1, int(round(per_month * rng.uniform(.7, 1.3))))
        for _ in range(k):
            t = work_dt(rng, m + timedelta(days=rng.randrange(days_in)))
            if t > END:
                continue
            d = t.date()
            day = d.toordinal()
            active = served_on.get(day)
            if active is None:
                assert first <= day <= last
                active = served_on[day] = ServedOn(whole_accs, whole_ranks,
                                                   [(rank, acc) for lo, hi, rank, acc in partial if lo <= day < hi])
            if not len(active):
                continue
            acc = rng.choice(active)
            kind = pick(rng, WEAK_QUARTER_ANSWERS if in_weak_quarter(d) else USUAL_ANSWERS)
            score = rng.choice(SCORES[kind])
            contact = rng.choice(acc.contacts) if acc.contacts and rng.random() < .88 else None
            out.append((t, acc, contact, score))
    out.sort(key=lambda x: (x[0], x[1].account_id))
    for i, (t, acc, contact, score) in enumerate(out, 1):
        w.nps.append((f"NPS-{i:04d}", acc.account_id, contact.contact_id if contact else None, t, score))


def nps_responses_rows(w):
    return [[i, a, c or "", f_ts(t), str(s)] for i, a, c, t, s in w.nps]
