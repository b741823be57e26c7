"""Opportunities and their stage history: new business from SQL leads, the pipeline
imported at go-live, and (see customers.py) the upsell, cross-sell, renewal and win-back
deals of customers. Every deal is built by `build_opp`: whether it is won, when it closes,
the stages it went through."""

from __future__ import annotations

import heapq
import math
from datetime import date, timedelta

from .accounts import new_account, new_contact
from .draws import Weighted, pick, round_to
from .formats import f_bool, f_date, f_money, f_num, f_ts
from .org import AE_SKILL, TEAM_SHARE, owner_at
from .rates import FX_APPROX
from .records import Opportunity
from .timeline import END, GO_LIVE_PIPELINE, clamp_end, in_weak_quarter, spread, work_after, work_dt

STAGES = [  # stage_name, stage_order, default_probability, is_closed, is_won
    ("prospecting", 1, 10, False, False),
    ("qualification", 2, 20, False, False),
    ("discovery", 3, 40, False, False),
    ("proposal", 4, 60, False, False),
    ("negotiation", 5, 80, False, False),
    ("closed_won", 6, 100, True, True),
    ("closed_lost", 7, 0, True, False),
]
OPEN_STAGES = [s[0] for s in STAGES if not s[3]]
STAGE_PROB = {s[0]: s[2] for s in STAGES}

LOST_REASONS = {
    0: ["no_response", "not_a_fit", "no_budget", "timing"],
    1: ["no_budget", "not_a_fit", "timing", "no_response"],
    2: ["competitor", "no_decision", "timing", "no_budget"],
    3: ["price", "competitor", "no_decision", "timing"],
    4: ["price", "competitor", "no_decision", "legal_review"],
}

# forecast_category of an open deal by its stage (all five are drawn for every open deal)
FORECAST_CATEGORIES = {
    "prospecting": Weighted([("pipeline", .8), ("omitted", .2)]),
    "qualification": Weighted([("pipeline", .85), ("omitted", .15)]),
    "discovery": Weighted([("pipeline", .7), ("best_case", .3)]),
    "proposal": Weighted([("best_case", .6), ("commit", .3), ("pipeline", .1)]),
    "negotiation": Weighted([("commit", .75), ("best_case", .25)]),
}
LOST_AT_STAGE = Weighted([(0, .28), (1, .26), (2, .2), (3, .15), (4, .11)])  # index of the last open stage

CHANNEL_WIN = {"inbound": 1.1, "outbound": .8, "linkedin": .9, "referral": 1.8,
               "event": .95, "paid_ads": .4, "partner": 1.3}
NB_BASE_WIN = .24
SEGMENT_WIN = {"smb": 1.05, "mid_market": 1.0, "enterprise": .8}
SEGMENT_CYCLE = {"smb": (45, 95), "mid_market": (65, 140), "enterprise": (110, 190)}
SEGMENT_ACV_EUR = {"smb": (5000, 15000, 100), "mid_market": (18000, 45000, 500),
                   "enterprise": (60000, 150000, 1000)}


def stage_path(rng, last_idx: int, skip_p: float, back_p: float) -> list[int]:
    path, i = [0], 0
    while i < last_idx:
        nxt = i + 1
        if nxt < last_idx and rng.random() < skip_p:
            nxt += 1
        path.append(nxt)
        i = nxt
    if len(path) >= 2 and rng.random() < back_p:
        k = rng.randrange(1, len(path))
        s = path[k]
        path = path[:k + 1] + [s - 1, s] + path[k + 1:]
    return path


def build_opp(w, rng, *, acc, otype, created, planned_days, p_win, amount_eur,
              lead=None, sdr=None, skip_p=.12, back_p=.05, stall_p=.05,
              force=None, lost_reasons=None) -> dict:
    cur = acc.currency
    step = 100 if amount_eur < 20000 else (500 if amount_eur < 60000 else 1000)
    amount = round_to(amount_eur / FX_APPROX[cur], step)
    expected = (created + timedelta(days=planned_days)).date() + timedelta(days=rng.randint(-4, 6))
    if force is not None:
        won = force == "won"
    elif otype == "renewal":
        won = rng.random() < p_win
    else:
        # error diffusion per AE: each rep wins about the sum of the probabilities of
        # their deals, so the strong and the weak rep show even in a small sample
        owner = owner_at(acc, created)
        before = w.win_acc.setdefault(owner, rng.random())
        w.win_acc[owner] = before + p_win
        won = math.floor(before + p_win) > math.floor(before)
    frac = rng.uniform(.85, 1.3) if won else rng.uniform(.15, 1.05)
    close = work_dt(rng, (created + timedelta(days=planned_days * frac)).date())
    if close <= created + timedelta(hours=6):
        close = created + timedelta(days=rng.uniform(1, 3))
    weak_flip = False
    if won and force is None and in_weak_quarter(close):
        x = rng.random()   # Q3 2025: after the July outage, budgets freeze and deals slip
        if x < .5:
            won, weak_flip = False, True
        elif x < .65:
            close = work_dt(rng, date(2025, 10, 1) + timedelta(days=rng.randint(0, 50)))
    is_open = close > END
    if not is_open and force is None and close.date() >= date(2025, 10, 15) and rng.random() < stall_p:
        is_open = True   # stalled: still open, expected close date overdue
    opp = Opportunity(seq=w.next_seq(), opportunity_id=None, account=acc, lead=lead, sdr=sdr,
               opportunity_type=otype, created_at=created, expected_close_date=expected,
               currency=cur, amount=amount, hidden_amount=amount, probability=None,
               lost_reason=None, is_deleted=False, won=False, lost=False)
    if is_open:
        elapsed = (END - created).total_seconds() / 86400 / planned_days
        idx = int(elapsed * 4.5 + rng.uniform(-.8, .8))
        if close <= END:  # stalled late in the cycle
            idx = rng.choice([2, 3, 4])
        idx = max(0, min(4, idx))
        path = stage_path(rng, idx, skip_p, back_p)
        horizon = created + (END - created) * rng.uniform(.55, .98)
        if (horizon - created).total_seconds() < 3600 * len(path):
            horizon = END
        times = [created] + spread(rng, created, horizon, len(path) - 1)
        opp.history = [(OPEN_STAGES[s], t) for s, t in zip(path, times)]
        opp.stage_name = OPEN_STAGES[path[-1]]
        opp.closed_at = None
        st = opp.stage_name
        opp.forecast_category = {
            stage: pick(rng, categories) for stage, categories in FORECAST_CATEGORIES.items()  # five draws
        }[st]
        if close <= END and rng.random() < .3:
            opp.forecast_category = "omitted"
        if rng.random() < .35:
            opp.probability = float(max(5, min(95, STAGE_PROB[st] + rng.choice([-15, -10, -5, 5, 10, 15]))))
        last_t = opp.history[-1][1]
        opp.updated_at = clamp_end(last_t + timedelta(days=rng.uniform(0, 12)))
    else:
        if won:
            last_idx = 4 if rng.random() < .85 else 3
            path = stage_path(rng, last_idx, skip_p, back_p)
            closed_stage = "closed_won"
            opp.won = True
        else:
            last_idx = pick(rng, LOST_AT_STAGE)
            if weak_flip:
                last_idx = rng.choice([3, 4])
            path = stage_path(rng, last_idx, skip_p, back_p)
            closed_stage = "closed_lost"
            opp.lost = True
            if weak_flip:
                opp.lost_reason = "budget_freeze"
            else:
                opp.lost_reason = rng.choice(lost_reasons or LOST_REASONS[last_idx])
        if (close - created).total_seconds() < 3600 * (len(path) + 1):
            close = created + timedelta(hours=len(path) + 2)
        times = [created] + spread(rng, created, close, len(path) - 1)
        opp.history = [(OPEN_STAGES[s], t) for s, t in zip(path, times)] + [(closed_stage, close)]
        opp.stage_name = closed_stage
        opp.closed_at = close
        opp.forecast_category = "closed"
        opp.updated_at = clamp_end(close + timedelta(hours=rng.uniform(.05, 60)))
    opp.owner = owner_at(acc, opp.closed_at or END)
    acc.touched.append(opp.closed_at or opp.created_at)
    w.opps.append(opp)
    return opp


def gen_new_business(w):
    """Pass A: SQL leads become new_business opportunities (one open deal per account)."""
    rng = w.r("new_business")
    state = {}  # account seq -> dict(busy_until, won)
    sql_leads = sorted((l for l in w.leads if l.sql_at is not None), key=lambda l: (l.sql_at, l.seq))
    w.nb_won_accounts = []
    for lead in sql_leads:
        acc = lead.account
        created = work_after(rng, lead.sql_at, 0, 2.5)
        if created > END:
            continue
        st = state.setdefault(acc.seq, dict(busy_until=None, won=False))
        if st["won"] or (st["busy_until"] is not None and created <= st["busy_until"]):
            continue
        seg = acc.segment
        lo, hi = SEGMENT_CYCLE[seg]
        owner = owner_at(acc, created)
        p = NB_BASE_WIN * CHANNEL_WIN[lead.source_channel] * AE_SKILL[owner] * SEGMENT_WIN[seg]
        a_lo, a_hi, _ = SEGMENT_ACV_EUR[seg]
        amount_eur = math.exp(rng.uniform(math.log(a_lo), math.log(a_hi)))
        opp = build_opp(w, rng, acc=acc, otype="new_business", created=created,
                        planned_days=rng.uniform(lo, hi), p_win=p, amount_eur=amount_eur,
                        lead=lead, sdr=lead.owner)
        lead.opp = opp
        st["busy_until"] = opp.closed_at or END
        if opp.won:
            st["won"] = True
            w.nb_won_accounts.append((opp, acc))


def gen_migrated_pipeline(w):
    """Deals that were already open when the CRM went live: imported on 2 January 2024."""
    rng = w.r("migrated")
    n = max(4, int(round(70 * w.scale)))
    for i in range(n):
        team = pick(rng, TEAM_SHARE)
        created = GO_LIVE_PIPELINE + timedelta(seconds=20 * i + 7)
        acc = new_account(w, rng, team, created - timedelta(seconds=5))
        acc.reserved_until = END
        for k in range(rng.randint(1, 2)):
            new_contact(w, rng, created - timedelta(seconds=4 - k), acc, acc.country)
        seg = acc.segment
        owner = owner_at(acc, created)
        a_lo, a_hi, _ = SEGMENT_ACV_EUR[seg]
        opp = build_opp(w, rng, acc=acc, otype="new_business", created=created,
                        planned_days=rng.uniform(12, SEGMENT_CYCLE[seg][0] * 1.3),
                        p_win=NB_BASE_WIN * 1.6 * AE_SKILL[owner] * SEGMENT_WIN[seg],
                        amount_eur=math.exp(rng.uniform(math.log(a_lo), math.log(a_hi))), skip_p=.3)
        if opp.won:
            w.nb_won_accounts.append((opp, acc))


def null_some_amounts(w):
    rng = w.r("null_amounts")
    for o in w.opps:
        if o.won and o.opportunity_type == "new_business" and rng.random() < .025:
            o.amount = None  # the rep forgot the amount: billing (mrr) still knows it


# ---- contract tables -----------------------------------------------------------------

def opportunities_rows(w):
    for o in w.opps:
        amount = o.amount if isinstance(o.amount, str) else f_money(o.amount)
        yield [o.opportunity_id, o.account.account_id, o.lead.lead_id if o.lead else "",
               o.owner, o.sdr or "", o.opportunity_type, f_ts(o.created_at),
               f_date(o.expected_close_date), f_ts(o.closed_at), o.stage_name, amount,
               o.currency, f_num(o.probability), o.forecast_category, o.lost_reason or "",
               f_bool(o.is_deleted), f_ts(o.updated_at)]


def stage_history_rows(w):
    """Ordered by (opportunity_id, entered_at) as text, as one sort of every row would be
    (ids of different widths sort as text: OPP-10000 before OPP-1001), streamed: the deals
    in id order, each one's rows sorted, merged with the rows of no opportunity."""
    def deals_rows():
        for o in sorted(w.opps, key=lambda o: o.opportunity_id):
            if not o.is_old_copy:
                yield from sorted(((o.opportunity_id, st, f_ts(t)) for st, t in o.history),
                                  key=lambda r: r[2])
    stray = sorted(w.stray_history, key=lambda r: (r[0], r[2]))  # rows whose opportunity is not in the CRM
    return heapq.merge(deals_rows(), stray, key=lambda r: (r[0], r[2]))


def pipeline_stages_rows(w):
    return [[s, str(o), str(p), f_bool(c), f_bool(w_)] for s, o, p, c, w_ in STAGES]
