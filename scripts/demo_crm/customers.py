"""Customers: their subscriptions (the source of MRR), expansions, renewals, downgrades,
churn and win-backs.

A won new_business deal starts a core subscription; a won upsell / cross_sell adds one; a
won renewal replaces the core subscription on the anniversary at the new price; a lost
renewal ends every subscription of the account (churn); monthly-contract customers churn
or downgrade now and then; every fifth customer that churned before June 2025 gets a
win-back deal.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from .draws import round_to
from .formats import f_bool, f_date, f_money, f_ts
from .opportunities import build_opp
from .org import AE_SKILL, owner_at
from .rates import FX_APPROX
from .records import Subscription
from .timeline import (END, GO_LIVE_PIPELINE, LAST_DAY, LAST_MONTH_FOR_RENEWALS, START, add_months, add_years,
                       clamp_end, in_weak_quarter, month_of, work_dt)

CORE_PRODUCT = {"smb": "Core Starter", "mid_market": "Core Growth", "enterprise": "Core Enterprise"}
ADDONS = ["Analytics Add-on", "Automation Add-on", "Premium Support"]
UPSELL_PRODUCT = "Additional Seats"
RENEWAL_LOST_REASONS = ["switched_to_competitor", "budget_cuts", "low_adoption", "company_restructuring"]


def new_sub(w, acc, opp, product, start: date, mrr: float, updated: datetime) -> dict:
    s = Subscription(seq=w.next_seq(), subscription_id=None, account=acc, opp=opp, product_name=product,
             started_on=start, ended_on=None, mrr=round(mrr, 2), currency=acc.currency,
             is_deleted=False, updated_at=clamp_end(updated))
    w.subs.append(s)
    return s


def end_sub(s, ended_on: date, decided: datetime):
    s.ended_on = ended_on
    s.updated_at = clamp_end(max(s.updated_at, decided))


def gen_customers(w):
    starts = []
    for acc in w.accounts:
        if acc.customer_import:
            starts.append((date(2024, 1, 1), acc.seq, acc, None))
    for opp, acc in w.nb_won_accounts:
        starts.append((opp.closed_at.date(), acc.seq, acc, opp))
    starts.sort(key=lambda x: (x[0], x[1]))
    for _, _, acc, opp in starts:
        customer_life(w, acc, opp)


def customer_life(w, acc, won_opp):
    rng = w.r(f"life:{acc.seq}")
    seg = acc.segment
    cur = acc.currency
    fx = FX_APPROX[cur]
    subs = []
    if won_opp is None:  # imported customer, service migrated on 2024-01-01
        start = date(2024, 1, 1)
        lo, hi = {"smb": (350, 1400), "mid_market": (1300, 4500), "enterprise": (4000, 12000)}[seg]
        core_mrr = round_to(math.exp(rng.uniform(math.log(lo), math.log(hi))) / fx, 10)
        annual = seg != "smb" or rng.random() < .3
        anniv = date(2024, rng.randint(1, 12), rng.randint(1, 28))
        when = datetime(2024, 1, 1, 6, 30) + timedelta(seconds=acc.seq)
        subs.append(new_sub(w, acc, None, CORE_PRODUCT[seg], start, core_mrr, when))
        owned = [CORE_PRODUCT[seg]]
        if rng.random() < .35:
            addon = rng.choice(ADDONS)
            owned.append(addon)
            subs.append(new_sub(w, acc, None, addon, start, round_to(core_mrr * rng.uniform(.15, .3), 10), when))
        customer_since = start
    else:
        close = won_opp.closed_at
        start = min(LAST_DAY, close.date() + timedelta(days=rng.randint(0, 14)))
        core_mrr = won_opp.hidden_amount / 12
        annual = seg != "smb" or rng.random() < .3
        anniv = add_years(start, 1)
        subs.append(new_sub(w, acc, won_opp, CORE_PRODUCT[seg], start, core_mrr,
                            close + timedelta(hours=rng.uniform(1, 48))))
        owned = [CORE_PRODUCT[seg]]
        customer_since = start

    def active_subs():
        return [s for s in subs if s.ended_on is None]

    def churn(ended_on: date, decided: datetime) -> bool:
        if any(s.started_on >= ended_on for s in active_subs()):
            return False
        for s in active_subs():
            end_sub(s, ended_on, decided)
        return True

    churned_on = None
    open_until = None  # no second expansion deal while one is open
    month = add_months(month_of(customer_since), 1)
    while anniv < month:
        anniv = add_years(anniv, 1)
    while month <= LAST_MONTH_FOR_RENEWALS and churned_on is None:
        next_m = add_months(month, 1)
        in_data = month <= date(2025, 12, 1)
        # 1. annual renewal
        if annual and month <= anniv < next_m:
            core = next((s for s in active_subs() if s.product_name in CORE_PRODUCT.values()), None)
            created = work_dt(rng, anniv - timedelta(days=rng.randint(50, 80)))
            if won_opp is None and created < GO_LIVE_PIPELINE:
                # renewals already under way at go-live were imported with the open pipeline
                created = GO_LIVE_PIPELINE + timedelta(minutes=acc.seq % 240, seconds=acc.seq % 53)
                if (anniv - created.date()).days < 12:
                    created = END + timedelta(days=1)  # renewed before go-live: nothing to record
            if core is not None and START <= created <= END and (
                    won_opp is None or created.date() > customer_since + timedelta(days=30)):
                down = rng.random() < .12
                new_mrr = core.mrr * (rng.uniform(.7, .88) if down else rng.uniform(1.0, 1.06))
                amount_eur = round_to(new_mrr * 12, 10) * fx
                p = (.9 if seg == "enterprise" else .85) * AE_SKILL[owner_at(acc, created)] ** .25
                opp = build_opp(w, rng, acc=acc, otype="renewal", created=created,
                                planned_days=max(15, (anniv - created.date()).days - rng.randint(3, 20)),
                                p_win=p, amount_eur=amount_eur, skip_p=.45, back_p=.02, stall_p=.05,
                                lost_reasons=RENEWAL_LOST_REASONS)
                if opp.won and anniv <= LAST_DAY:
                    new_mrr = opp.hidden_amount / 12
                    decided = opp.closed_at
                    if abs(new_mrr - core.mrr) >= .01:
                        end_sub(core, anniv, decided)
                        subs.append(new_sub(w, acc, opp, core.product_name, anniv, new_mrr, decided))
                elif opp.lost:
                    if churn(anniv, opp.closed_at):
                        churned_on = anniv
            anniv = add_years(anniv, 1)
            if churned_on:
                break
        if not in_data:
            month = next_m
            continue
        weak = in_weak_quarter(month)
        # 2. monthly-contract churn and downgrades
        if not annual and month > customer_since:
            hazard = {"smb": .019, "mid_market": .008, "enterprise": .004}[seg] * (2.2 if weak else 1)
            if rng.random() < hazard:
                decided = work_dt(rng, month + timedelta(days=rng.randint(0, 26)))
                if decided <= END:
                    ended_on = add_months(month, 1 if rng.random() < .7 else 2)
                    if churn(ended_on, decided):
                        churned_on = ended_on
                        break
            elif rng.random() < .006:
                core = next((s for s in active_subs() if s.product_name in CORE_PRODUCT.values()), None)
                d = add_months(month, 1)
                decided = work_dt(rng, month + timedelta(days=rng.randint(0, 20)))
                if core is not None and d <= LAST_DAY and core.started_on < d and decided <= END:
                    end_sub(core, d, decided)
                    subs.append(new_sub(w, acc, None, core.product_name, d,
                                        core.mrr * rng.uniform(.55, .85), decided))
        # 3. expansion deals
        months_customer = (month.year - customer_since.year) * 12 + month.month - customer_since.month
        p_exp = {"smb": .025, "mid_market": .055, "enterprise": .08}[seg]
        if months_customer >= 3 and (open_until is None or open_until < month) and rng.random() < p_exp:
            created = work_dt(rng, month + timedelta(days=rng.randint(0, 27)))
            if created <= END:
                cand = [a for a in ADDONS if a not in owned]
                otype = "cross_sell" if cand and rng.random() < .45 else "upsell"
                core = next((s for s in active_subs() if s.product_name in CORE_PRODUCT.values()), None)
                base_mrr = core.mrr if core else 500
                if otype == "upsell":
                    product = UPSELL_PRODUCT
                    inc = base_mrr * rng.uniform(.15, .45)
                else:
                    product = rng.choice(cand)
                    inc = base_mrr * rng.uniform(.12, .3)
                owner = owner_at(acc, created)
                p = .5 * math.sqrt(AE_SKILL[owner])
                opp = build_opp(w, rng, acc=acc, otype=otype, created=created,
                                planned_days=rng.uniform(20, 75), p_win=p,
                                amount_eur=inc * 12 * fx, skip_p=.35, back_p=.03, stall_p=.07)
                open_until = month_of(opp.closed_at or END)
                if opp.won:
                    d = min(LAST_DAY, opp.closed_at.date() + timedelta(days=rng.randint(0, 10)))
                    owned.append(product)
                    subs.append(new_sub(w, acc, opp, product, d, opp.hidden_amount / 12,
                                        opp.closed_at + timedelta(hours=rng.uniform(1, 30))))
        month = next_m

    # 4. a few churned customers come back (win-back new_business deal, no lead):
    #    every fifth customer that churned before June 2025 gets one, three in four are won
    if churned_on is not None and churned_on <= date(2025, 6, 1):
        w.churned_count += 1
    if churned_on is not None and churned_on <= date(2025, 6, 1) and w.churned_count % 5 == 3:
        created = work_dt(rng, churned_on + timedelta(days=rng.randint(60, 200)))
        if created <= datetime(2025, 10, 15):
            owner = owner_at(acc, created)
            opp = build_opp(w, rng, acc=acc, otype="new_business", created=created,
                            planned_days=rng.uniform(25, 60), p_win=.75,
                            amount_eur=core_mrr * 12 * fx * rng.uniform(.8, 1.1), skip_p=.3,
                            force="lost" if w.churned_count % 20 == 18 else "won")
            if opp.won:
                d = min(LAST_DAY, opp.closed_at.date() + timedelta(days=rng.randint(0, 7)))
                new_sub(w, acc, opp, CORE_PRODUCT[seg], d, opp.hidden_amount / 12,
                        opp.closed_at + timedelta(hours=rng.uniform(1, 30)))


# ---- contract tables -----------------------------------------------------------------


def subscriptions_rows(w):
    for s in w.subs:
        yield [s.subscription_id, s.account.account_id,
               s.opp.opportunity_id if s.opp else "", s.product_name,
               f_date(s.started_on), f_date(s.ended_on), f_money(s.mrr), s.currency,
               f_bool(s.is_deleted), f_ts(s.updated_at)]
