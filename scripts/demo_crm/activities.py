"""Activities: SDRs call, e-mail and touch leads on LinkedIn from the lead's creation to its
SQL / disqualification; AEs hold discovery meetings and demos, call and e-mail on their
deals and check in with their customers; some inbound e-mails and calls.

There are millions of them at a large scale, so they are never held as records: each is a
compact tuple spilled to disk by week (`ActivityLog`), and read back week by week, sorted,
when the ids (ACT-000001 ... in time order) are given and the rows written.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from bisect import bisect
from datetime import date, datetime, timedelta

from .draws import Weighted, choice, pick, randint
from .org import AE_CALL_MEETING, AE_EMAIL_REPLY, SDR_PROFILE, owner_at
from .timeline import END, MONTHS, START, work_after, work_dt

MEETING_OUTCOMES = Weighted([("completed", .84), ("no_show", .07), ("cancelled", .09)])
INBOUND_CALL_OUTCOMES = Weighted([("connected", .8), ("meeting_booked", .2)])
# an SDR's touches of a lead: how many, and of which kind, by source channel
TOUCH_N = {"outbound": (4, 11), "linkedin": (3, 9), "event": (2, 6), "inbound": (2, 6),
           "paid_ads": (2, 5), "referral": (2, 4), "partner": (2, 4)}
TOUCH_MIX = {
    "outbound": Weighted([("call", .42), ("email", .36), ("linkedin_visit", .11), ("linkedin_message", .11)]),
    "linkedin": Weighted([("linkedin_visit", .3), ("linkedin_message", .35), ("email", .2), ("call", .15)]),
}
DEFAULT_TOUCH_MIX = Weighted([("call", .45), ("email", .48), ("linkedin_message", .04), ("linkedin_visit", .03)])

START_ORDINAL = START.toordinal()


def _id(record: dict | None, field: str) -> str:
    return getattr(record, field) if record is not None else ""


# the fields of an activity record (see ActivityLog)
KEY, SEQ, HAS_ID, TYPE, DIRECTION, USER = range(6)


class ActivityLog:
    """Every activity as a tuple

        (key, seq, has_id, activity_type, direction, user_id,
         lead_id, contact_id, account_id, opportunity_id, outcome, duration_seconds)

    where key = occurred_at.isoformat(" ") sorts exactly as occurred_at does and its first 19
    characters are the contract's timestamp; links absent are "". seq comes from
    `next_seq`, the story's creation counter. The tuples are spilled by week into marshalled
    chunks in a temporary folder: memory holds at most `chunk` of them while the story is
    told, and one week of them while they are read back in id order."""

    def __init__(self, next_seq, chunk: int = 100_000):
        self._tmp = tempfile.TemporaryDirectory(prefix="demo_crm_activities_")
        self._next_seq = next_seq
        self.chunk = chunk
        self._buffers: dict[int, list] = {}
        self._buffered = 0
        self._counts: dict[int, int] = {}       # week -> activities
        self._without_id: dict[int, int] = {}   # week -> activities without an id
        self._deleted: set[int] = set()         # seq of the soft-deleted ones

    def __len__(self) -> int:
        self._flush()
        return sum(self._counts.values())

    def add(self, activity_type: str, direction: str, user_id: str, t: datetime, links: tuple,
            outcome: str, duration: int | None = None, has_id: bool = True) -> tuple | None:
        """Record an activity; links: (lead_id, contact_id, account_id, opportunity_id). One
        outside the story's two years is not recorded (None)."""
        if t > END or t < START:
            return None
        week = (t.toordinal() - START_ORDINAL) // 7
        rec = (t.isoformat(" "), self._next_seq(), has_id, activity_type, direction, user_id, *links, outcome,
               "" if duration is None else str(duration))
        buf = self._buffers.get(week)
        if buf is None:
            buf = self._buffers[week] = []
        buf.append(rec)
        if not has_id:
            self._without_id[week] = self._without_id.get(week, 0) + 1
        self._buffered += 1
        if self._buffered >= self.chunk:
            self._flush()
        return rec

    def _path(self, week: int) -> str:
        return os.path.join(self._tmp.name, f"week{week:+05d}.marshal")

    def _flush(self) -> None:
        for week, buf in self._buffers.items():
            self._counts[week] = self._counts.get(week, 0) + len(buf)
            data = marshal.dumps(buf)
            with open(self._path(week), "ab") as fh:  # each chunk: its length (8 bytes), its bytes
                fh.write(len(data).to_bytes(8, "little"))
                fh.write(data)
        self._buffers = {}
        self._buffered = 0

    def _week(self, week: int) -> list[tuple]:
        recs = []
        with open(self._path(week), "rb") as fh:
            data = fh.read()
        at = 0
        while at < len(data):
            size = int.from_bytes(data[at:at + 8], "little")
            recs.extend(marshal.loads(data[at + 8:at + 8 + size]))
            at += 8 + size
        recs.sort()
        return recs

    def records(self, since: str = ""):
        """(activity_id, record) in id order ("" for a record without id), from the week of
        the key `since` on (the ids still count from the first week)."""
        self._flush()
        first_week = (date.fromisoformat(since[:10]).toordinal() - START_ORDINAL) // 7 if since else None
        weeks = [k for k in sorted(self._counts) if first_week is None or k >= first_week]
        n = self._ids_before(weeks[0]) if weeks else 0
        for week in weeks:
            for rec in self._week(week):
                if rec[HAS_ID]:
                    n += 1
                    yield f"ACT-{n:06d}", rec
                else:
                    yield "", rec

    def _ids_before(self, week: int) -> int:
        """How many activities with an id there are in the weeks before `week`."""
        return sum(self._counts[k] - self._without_id.get(k, 0) for k in self._counts if k < week)

    def first(self, pred, since: datetime) -> tuple[str, tuple]:
        """The first (activity_id, record) at or after `since` for which pred(record) holds."""
        key = since.isoformat(" ")
        return next((aid, rec) for aid, rec in self.records(key) if rec[KEY] >= key and pred(rec))

    def id_of(self, rec: tuple) -> str:
        return next(aid for aid, r in self.records(rec[KEY]) if r[SEQ] == rec[SEQ])

    def mark_deleted(self, rec: tuple) -> None:
        self._deleted.add(rec[SEQ])

    def rows(self, weeks: list[int] | None = None):
        """The contract rows of the activities table, in id order: all of them, or those of
        `weeks` (consecutive weeks; records() unrolled, this runs for every activity)."""
        self._flush()
        deleted = self._deleted
        weeks = sorted(self._counts) if weeks is None else weeks
        n = self._ids_before(weeks[0]) if weeks else 0
        for week in weeks:
            for r in self._week(week):
                if r[2]:
                    n += 1
                    aid = f"ACT-{n:06d}"
                else:
                    aid = ""
                yield (aid, r[3], r[4], r[5], r[0][:19], r[6], r[7], r[8], r[9], r[10], r[11],
                       "true" if r[1] in deleted else "false")

    def parts(self, n: int) -> list:
        """The rows cut into at most n consecutive parts of about the same size (whole weeks),
        each a callable giving its rows: together, in order, they are rows()."""
        self._flush()
        weeks = sorted(self._counts)
        total = sum(self._counts.values())
        groups, group, size = [], [], 0
        for week in weeks:
            group.append(week)
            size += self._counts[week]
            if size >= total * (len(groups) + 1) / n and len(groups) < n - 1:
                groups.append(group)
                group = []
        groups.append(group)
        return [lambda g=g: self.rows(g) for g in groups if g]


def gen_activities(w, skip_opps: set):
    rng = w.r("activities")
    log = w.activity_log = ActivityLog(w.next_seq)
    add = log.add  # (activity_type, direction, user_id, occurred_at, links, outcome, duration)
    rand = rng.random

    def call(user, t, p_meet, links):
        x = rand()
        if x < p_meet:
            return add("call", "outbound", user, t, links, "meeting_booked", randint(rng, 180, 1200))
        if x < p_meet + .22:
            return add("call", "outbound", user, t, links, "connected", randint(rng, 45, 900))
        if x < p_meet + .52:
            return add("call", "outbound", user, t, links, "voicemail", randint(rng, 20, 75))
        return add("call", "outbound", user, t, links, "no_answer")

    def email(user, t, p_reply, links, atype="email"):
        x = rand()
        outcome = "bounced" if x < (.04 if atype == "email" else .01) else ("replied" if x < .04 + p_reply else "sent")
        return add(atype, "outbound", user, t, links, outcome)

    def meeting(user, t, links, atype="meeting"):
        outcome = pick(rng, MEETING_OUTCOMES)
        dur = None
        if outcome == "completed":
            dur = randint(rng, 1500, 3600) if atype == "meeting" else randint(rng, 2400, 5400)
        return add(atype, "outbound", user, t, links, outcome, dur)

    for lead in w.leads:
        if lead.defect:  # defective leads feed nothing else
            continue
        sdr = lead.owner
        reply, meet, _ = SDR_PROFILE[sdr]
        ch = lead.source_channel
        c0 = lead.created_at
        t_end = lead.sql_at or lead.disqualified_at or (c0 + timedelta(days=40))
        t_end = min(t_end, END)
        if (t_end - c0).total_seconds() < 7200:
            t_end = min(END, c0 + timedelta(hours=3))
        if (t_end - c0).total_seconds() < 600:
            continue
        kw = (lead.lead_id, _id(lead.contact, "contact_id"), _id(lead.account, "account_id"), "")
        n = randint(rng, *TOUCH_N[ch])
        mix = TOUCH_MIX.get(ch, DEFAULT_TOUCH_MIX)
        mix_items, mix_cum, mix_total, mix_hi = mix.items, mix.cum, mix.total, mix.hi
        span = t_end - c0
        for _ in range(n):
            t = work_dt(rng, (c0 + span * rand()).date())
            if t <= c0:
                t = c0 + timedelta(minutes=randint(rng, 10, 180))
            if t > t_end:
                t = t_end - timedelta(minutes=randint(rng, 1, 9))
                if t <= c0:
                    continue
            atype = mix_items[bisect(mix_cum, rand() * mix_total, 0, mix_hi)]  # pick(rng, mix)
            if atype == "call":
                call(sdr, t, meet, kw)
            elif atype == "email":
                email(sdr, t, reply, kw)
            elif atype == "linkedin_message":
                email(sdr, t, reply * 1.3, kw, atype="linkedin_message")
            else:
                add("linkedin_visit", "outbound", sdr, t, kw, "viewed")
        if lead.sql_at is not None and rng.random() < .3:
            t = lead.sql_at - timedelta(hours=rng.uniform(1, 48))
            if t > c0:
                add("call", "outbound", sdr, t, kw, "meeting_booked", randint(rng, 240, 1200))
        if ch != "outbound" and rng.random() < .18:
            t = c0 + timedelta(hours=rng.uniform(2, 24 * 14))
            if rng.random() < .6:
                add("email", "inbound", sdr, t, kw, "sent")
            else:
                add("call", "inbound", sdr, t, kw, pick(rng, INBOUND_CALL_OUTCOMES), randint(rng, 60, 900))

    for opp in w.opps:
        if opp.seq in skip_opps or opp.is_old_copy:
            continue
        acc = opp.account
        c0 = opp.created_at
        t_end = opp.closed_at or END
        contact = (opp.lead.contact if opp.lead else None) or \
            (choice(rng, acc.contacts) if acc.contacts else None)
        kw = ("", _id(contact, "contact_id"), acc.account_id, opp.opportunity_id)

        def when(lo_days, hi_days, after=c0):
            t = work_after(rng, after, lo_days, hi_days)
            return t if t < t_end else None

        def ae(t):
            return owner_at(acc, t)

        nb = opp.opportunity_type == "new_business"
        t = when(0, 4)
        if t:
            meeting(ae(t), t, (_id(opp.lead, "lead_id"),) + kw[1:])
        stages = {s: ts for s, ts in opp.history}
        for st in ("discovery", "proposal"):
            if st in stages and (nb or rand() < .5):
                t = when(0, 6, stages[st])
                if t:
                    meeting(ae(t), t, kw, atype="demo")
                if not nb:
                    break
        n = randint(rng, 4, 9) if nb else randint(rng, 2, 5)
        span = (t_end - c0).total_seconds()
        for _ in range(n):
            t = work_dt(rng, (c0 + timedelta(seconds=span * rand())).date())
            if not (c0 < t < t_end):
                continue
            x = rand()
            if x < .45:
                email(ae(t), t, AE_EMAIL_REPLY, kw)
            elif x < .8:
                call(ae(t), t, AE_CALL_MEETING, kw)
            else:
                meeting(ae(t), t, kw)
        if "negotiation" in stages:
            t = when(0, 5, stages["negotiation"])
            if t:
                call(ae(t), t, AE_CALL_MEETING, kw)
        if nb and rand() < .25 and opp.sdr and c0 + timedelta(hours=1) < t_end:
            t = c0 - timedelta(hours=rng.uniform(1, 20))
            if opp.lead and t > opp.lead.created_at:
                # the SDR's hand-over email before the deal exists: linked to the lead, not the deal
                email(opp.sdr, t, SDR_PROFILE[opp.sdr][0], (opp.lead.lead_id, kw[1], kw[2], ""))

    # customer success check-ins by the account owner
    by_acc = {}
    for s in w.subs:
        by_acc.setdefault(s.account.seq, (s.account, []))[1].append(s)
    for _, (acc, ss) in sorted(by_acc.items()):
        for m in MONTHS:
            mid = m + timedelta(days=14)
            if not any(s.started_on <= mid and (s.ended_on is None or s.ended_on > mid) for s in ss):
                continue
            if rand() < .22:
                t = work_dt(rng, m + timedelta(days=randint(rng, 0, 26)))
                contact = choice(rng, acc.contacts).contact_id if acc.contacts else ""
                links = ("", contact, acc.account_id, "")
                if rand() < .55:
                    meeting(owner_at(acc, t), t, links)
                else:
                    email(owner_at(acc, t), t, .3, links)
                if rand() < .1:
                    t2 = t + timedelta(days=rng.uniform(1, 10))
                    add("email", "inbound", owner_at(acc, t2), t2, links, "sent")


# ---- contract tables -----------------------------------------------------------------

def activities_rows(w):
    return w.activity_log.rows()
