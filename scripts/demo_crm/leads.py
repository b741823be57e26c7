"""Leads: seven source channels, seasonal volume growing over the two years, each owned by
an SDR of its team, becoming MQL, SQL or disqualified; a lead that qualifies always has an
account."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from .accounts import new_account, new_contact
from .draws import Weighted, choice, pick, randint
from .formats import f_bool, f_ts
from .org import SDR_PROFILE, TEAM_COUNTRIES, TEAM_SHARE
from .records import Lead
from .timeline import END, LAST_DAY, MONTHS, SEASON, add_months, clamp_end, work_after, work_dt

CHANNELS = ["inbound", "outbound", "linkedin", "referral", "event", "paid_ads", "partner"]
CHANNEL_MIX = {"inbound": .22, "outbound": .25, "linkedin": .14, "referral": .06,
               "event": .10, "paid_ads": .16, "partner": .07}
EVENT_BOOST = {3: 2.2, 6: 1.6, 10: 2.4, 7: 0.6, 8: 0.2, 12: 0.4}
P_MQL = {"inbound": .75, "outbound": .08, "linkedin": .45, "referral": .80,
         "event": .65, "paid_ads": .60, "partner": .70}
P_SQL = {"inbound": .24, "outbound": .16, "linkedin": .18, "referral": .45,
         "event": .20, "paid_ads": .10, "partner": .32}
P_ACCOUNT = {"inbound": .45, "outbound": .85, "linkedin": .70, "referral": .80,
             "event": .60, "paid_ads": .40, "partner": .80}


def gen_leads(w):
    rng = w.r("leads")
    total = 4000 * w.scale
    weights = [SEASON[m.month] * (1 + 0.25 * i / 23) for i, m in enumerate(MONTHS)]
    sw = sum(weights)
    raw = []
    for i, m in enumerate(MONTHS):
        n = int(round(total * weights[i] / sw))
        days_in = (add_months(m, 1) - m).days
        mix = Weighted([(c, wt * (EVENT_BOOST.get(m.month, 1) if c == "event" else 1))
                        for c, wt in CHANNEL_MIX.items()])
        for _ in range(n):
            ch = pick(rng, mix)
            day = m + timedelta(days=rng.randrange(days_in))
            if ch in ("inbound", "paid_ads") and rng.random() < .25:
                created = datetime.combine(day, time()) + timedelta(seconds=rng.randrange(86400))
            else:
                created = work_dt(rng, day)
            if created > END:
                created = work_dt(rng, LAST_DAY)
            raw.append((created, w.next_seq(), ch))
    raw.sort()
    for created, seq, ch in raw:
        team = pick(rng, TEAM_SHARE)
        sdr = choice(rng, w.org.team_members(team, "sdr", created.date()))
        prof = SDR_PROFILE[sdr]
        is_sql = rng.random() < P_SQL[ch] * prof[2]
        if ch == "outbound":
            has_mql = rng.random() < (.2 if is_sql else P_MQL[ch])
        else:
            has_mql = rng.random() < (.93 if is_sql else P_MQL[ch])
        mql_at = sql_at = disq_at = None
        t = created
        if has_mql:
            lo, hi = {"inbound": (.05, 30), "paid_ads": (.05, 30), "event": (20, 160)}.get(ch, (4, 300))
            mql_at = created + timedelta(hours=rng.uniform(lo, hi))
            t = mql_at
        if is_sql:
            sql_at = work_after(rng, t, 3, 35)
            if ch == "outbound" and mql_at is not None and mql_at >= sql_at:
                mql_at = None
        elif rng.random() < .55:
            disq_at = work_after(rng, t, 4, 70)
        mql_at = mql_at if mql_at and mql_at <= END else None
        sql_at = sql_at if sql_at and sql_at <= END else None
        disq_at = disq_at if disq_at and disq_at <= END else None
        lead = Lead(seq=seq, lead_id=None, created_at=created, source_channel=ch, owner=sdr,
                    team=team, contact=None, account=None, mql_at=mql_at, sql_at=sql_at,
                    disqualified_at=disq_at, is_deleted=False, opp=None)
        # account and contact
        if sql_at is not None or rng.random() < P_ACCOUNT[ch]:
            pool = w.prospects[team][-150:]
            if sql_at is not None:  # an account already being worked by another SQL is avoided
                pool = [a for a in pool if a.reserved_until < created]
            p_new = .4 if sql_at is not None else .06
            if not pool or rng.random() < p_new:
                acc = new_account(w, rng, team, created - timedelta(seconds=randint(rng, 30, 900)))
            else:
                acc = choice(rng, pool)
            if sql_at is not None:
                acc.reserved_until = sql_at + timedelta(days=200)
            lead.account = acc
            if acc.contacts and (len(acc.contacts) >= 3 or rng.random() < .5):
                lead.contact = choice(rng, acc.contacts)
            else:
                lead.contact = new_contact(w, rng, created - timedelta(seconds=randint(rng, 1, 25)),
                                              acc, acc.country)
        elif rng.random() < .75:
            country = pick(rng, TEAM_COUNTRIES[team])
            lead.contact = new_contact(w, rng, created - timedelta(seconds=randint(rng, 1, 25)),
                                          None, country)
        last = max(x for x in (created, mql_at, sql_at, disq_at) if x is not None)
        lead.updated_at = clamp_end(last + timedelta(hours=rng.uniform(0.1, 72)))
        w.leads.append(lead)


def leads_rows(w):
    for l in w.leads:
        yield [l.lead_id, l.created_at_text or f_ts(l.created_at), l.source_channel,
               l.owner, l.contact.contact_id if l.contact else "",
               l.account.account_id if l.account else "", f_ts(l.mql_at), f_ts(l.sql_at),
               f_ts(l.disqualified_at), f_bool(l.is_deleted), f_ts(l.updated_at)]
