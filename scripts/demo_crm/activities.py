"""Activities: SDRs call, e-mail and touch leads on LinkedIn from the lead's creation to its
SQL / disqualification; AEs hold discovery meetings and demos, call and e-mail on their
deals and check in with their customers; some inbound e-mails and calls."""

from __future__ import annotations

from datetime import timedelta

from .draws import pick
from .formats import f_bool, f_ts
from .org import AE_CALL_MEETING, AE_EMAIL_REPLY, SDR_PROFILE, owner_at
from .timeline import END, MONTHS, START, work_after, work_dt


def gen_activities(w, skip_opps: set):
    rng = w.r("activities")
    acts = w.activities

    def add(atype, direction, user, t, lead=None, contact=None, account=None, opp=None,
            outcome=None, duration=None):
        if t > END or t < START:
            return None
        a = dict(seq=w.next_seq(), activity_id=None, activity_type=atype, direction=direction,
                 user_id=user, occurred_at=t, lead=lead, contact=contact, account=account,
                 opp=opp, outcome=outcome, duration=duration, is_deleted=False)
        acts.append(a)
        return a

    def call(user, t, p_meet, **kw):
        x = rng.random()
        if x < p_meet:
            return add("call", "outbound", user, t, outcome="meeting_booked", duration=rng.randint(180, 1200), **kw)
        if x < p_meet + .22:
            return add("call", "outbound", user, t, outcome="connected", duration=rng.randint(45, 900), **kw)
        if x < p_meet + .52:
            return add("call", "outbound", user, t, outcome="voicemail", duration=rng.randint(20, 75), **kw)
        return add("call", "outbound", user, t, outcome="no_answer", **kw)

    def email(user, t, p_reply, atype="email", **kw):
        x = rng.random()
        outcome = "bounced" if x < (.04 if atype == "email" else .01) else ("replied" if x < .04 + p_reply else "sent")
        return add(atype, "outbound", user, t, outcome=outcome, **kw)

    def meeting(user, t, atype="meeting", **kw):
        outcome = pick(rng, [("completed", .84), ("no_show", .07), ("cancelled", .09)])
        dur = None
        if outcome == "completed":
            dur = rng.randint(1500, 3600) if atype == "meeting" else rng.randint(2400, 5400)
        return add(atype, "outbound", user, t, outcome=outcome, duration=dur, **kw)

    touch_n = {"outbound": (4, 11), "linkedin": (3, 9), "event": (2, 6), "inbound": (2, 6),
               "paid_ads": (2, 5), "referral": (2, 4), "partner": (2, 4)}
    touch_mix = {
        "outbound": [("call", .42), ("email", .36), ("linkedin_visit", .11), ("linkedin_message", .11)],
        "linkedin": [("linkedin_visit", .3), ("linkedin_message", .35), ("email", .2), ("call", .15)],
    }
    default_mix = [("call", .45), ("email", .48), ("linkedin_message", .04), ("linkedin_visit", .03)]
    for lead in w.leads:
        if lead.get("defect"):  # defective leads feed nothing else
            continue
        sdr = lead["owner"]
        reply, meet, _ = SDR_PROFILE[sdr]
        ch = lead["source_channel"]
        c0 = lead["created_at"]
        t_end = lead["sql_at"] or lead["disqualified_at"] or (c0 + timedelta(days=40))
        t_end = min(t_end, END)
        if (t_end - c0).total_seconds() < 7200:
            t_end = min(END, c0 + timedelta(hours=3))
        if (t_end - c0).total_seconds() < 600:
            continue
        kw = dict(lead=lead, contact=lead["contact"], account=lead["account"])
        n = rng.randint(*touch_n[ch])
        mix = touch_mix.get(ch, default_mix)
        for _ in range(n):
            t = work_dt(rng, (c0 + (t_end - c0) * rng.random()).date())
            if t <= c0:
                t = c0 + timedelta(minutes=rng.randint(10, 180))
            if t > t_end:
                t = t_end - timedelta(minutes=rng.randint(1, 9))
                if t <= c0:
                    continue
            atype = pick(rng, mix)
            if atype == "call":
                call(sdr, t, meet, **kw)
            elif atype == "email":
                email(sdr, t, reply, **kw)
            elif atype == "linkedin_message":
                email(sdr, t, reply * 1.3, atype="linkedin_message", **kw)
            else:
                add("linkedin_visit", "outbound", sdr, t, outcome="viewed", **kw)
        if lead["sql_at"] is not None and rng.random() < .3:
            t = lead["sql_at"] - timedelta(hours=rng.uniform(1, 48))
            if t > c0:
                add("call", "outbound", sdr, t, outcome="meeting_booked", duration=rng.randint(240, 1200), **kw)
        if ch != "outbound" and rng.random() < .18:
            t = c0 + timedelta(hours=rng.uniform(2, 24 * 14))
            if rng.random() < .6:
                add("email", "inbound", sdr, t, outcome="sent", **kw)
            else:
                add("call", "inbound", sdr, t, outcome=pick(rng, [("connected", .8), ("meeting_booked", .2)]),
                    duration=rng.randint(60, 900), **kw)

    for opp in w.opps:
        if opp["seq"] in skip_opps or opp.get("is_old_copy"):
            continue
        acc = opp["account"]
        c0 = opp["created_at"]
        t_end = opp["closed_at"] or END
        contact = (opp["lead"]["contact"] if opp["lead"] else None) or \
            (rng.choice(acc["contacts"]) if acc["contacts"] else None)
        kw = dict(contact=contact, account=acc, opp=opp)

        def when(lo_days, hi_days, after=c0):
            t = work_after(rng, after, lo_days, hi_days)
            return t if t < t_end else None

        def ae(t):
            return owner_at(acc, t)

        nb = opp["opportunity_type"] == "new_business"
        t = when(0, 4)
        if t:
            meeting(ae(t), t, lead=opp["lead"], **kw)
        stages = {s: ts for s, ts in opp["history"]}
        for st in ("discovery", "proposal"):
            if st in stages and (nb or rng.random() < .5):
                t = when(0, 6, stages[st])
                if t:
                    meeting(ae(t), t, atype="demo", **kw)
                if not nb:
                    break
        n = rng.randint(4, 9) if nb else rng.randint(2, 5)
        span = (t_end - c0).total_seconds()
        for _ in range(n):
            t = work_dt(rng, (c0 + timedelta(seconds=span * rng.random())).date())
            if not (c0 < t < t_end):
                continue
            x = rng.random()
            if x < .45:
                email(ae(t), t, AE_EMAIL_REPLY, **kw)
            elif x < .8:
                call(ae(t), t, AE_CALL_MEETING, **kw)
            else:
                meeting(ae(t), t, **kw)
        if "negotiation" in stages:
            t = when(0, 5, stages["negotiation"])
            if t:
                call(ae(t), t, AE_CALL_MEETING, **kw)
        if nb and rng.random() < .25 and opp["sdr"] and c0 + timedelta(hours=1) < t_end:
            t = c0 - timedelta(hours=rng.uniform(1, 20))
            if opp["lead"] and t > opp["lead"]["created_at"]:
                # the SDR's hand-over email before the deal exists: linked to the lead, not the deal
                email(opp["sdr"], t, SDR_PROFILE[opp["sdr"]][0], lead=opp["lead"], contact=contact, account=acc)

    # customer success check-ins by the account owner
    by_acc = {}
    for s in w.subs:
        by_acc.setdefault(s["account"]["seq"], (s["account"], []))[1].append(s)
    for _, (acc, ss) in sorted(by_acc.items()):
        for m in MONTHS:
            mid = m + timedelta(days=14)
            if not any(s["started_on"] <= mid and (s["ended_on"] is None or s["ended_on"] > mid) for s in ss):
                continue
            if rng.random() < .22:
                t = work_dt(rng, m + timedelta(days=rng.randint(0, 26)))
                contact = rng.choice(acc["contacts"]) if acc["contacts"] else None
                if rng.random() < .55:
                    meeting(owner_at(acc, t), t, contact=contact, account=acc)
                else:
                    email(owner_at(acc, t), t, .3, contact=contact, account=acc)
                if rng.random() < .1:
                    t2 = t + timedelta(days=rng.uniform(1, 10))
                    add("email", "inbound", owner_at(acc, t2), t2, contact=contact, account=acc,
                        outcome="sent")


# ---- contract tables -----------------------------------------------------------------


def activities_rows(w):
    for a in w.activities:
        yield [a["activity_id"] or "", a["activity_type"], a["direction"], a["user_id"],
               f_ts(a["occurred_at"]), a["lead"]["lead_id"] if a["lead"] else "",
               a["contact"]["contact_id"] if a["contact"] else "",
               a["account"]["account_id"] if a["account"] else "",
               a["opp"]["opportunity_id"] if a["opp"] else "", a["outcome"],
               "" if a["duration"] is None else str(a["duration"]), f_bool(a["is_deleted"])]
