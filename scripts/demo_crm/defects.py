"""The deliberate defects: records that break a rule of ../shared/spec/data_quality.md.

They are quarantined, counted as deleted or warned, never fatal, and they feed nothing
else: no subscription, activity, cost or quota comes from a defective opportunity, and the
defective leads have no activity and no deal. Other seeds pick the defective records by
the same rules; EXPECTED_DEFAULT_DEFECTS are the ids of the default run (the story's
docstring in __init__.py lists them with their rule numbers).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .activities import DIRECTION, TYPE
from .draws import round_to
from .formats import f_ts
from .timeline import clamp_end, month_of, work_after

# A stage-history row left behind by an opportunity hard-deleted in the CRM (defect 8).
ORPHAN_HISTORY_OPP = "OPP-0000"
ORPHAN_HISTORY_ROW = (ORPHAN_HISTORY_OPP, "prospecting", "2024-08-12 10:41:07")

# The defect ids of the default run (--seed 42 --scale 1.0), as the story's docstring lists them.
EXPECTED_DEFAULT_DEFECTS = {
    "duplicate_opportunity": "OPP-0082",
    "duplicate_account": "ACC-0011",
    "deleted_opportunity": "OPP-0561",
    "deleted_lead": "LEAD-01886",
    "deleted_account": "ACC-0487",
    "negative_amount": "OPP-0159",
    "unreadable_amount": "OPP-0379",
    "invalid_date_lead": "LEAD-00675",
    "mql_before_created_lead": "LEAD-01183",
    "missing_close_date": "OPP-0723",
    "deleted_activity": "ACT-010848",
    "orphan_user_activity": "ACT-016031",
    "missing_id_activity": "(empty id) call by U004 at 2025-05-05 14:46:20 on LEAD-02645",
    "fax_activity": "ACT-006864",
}


def choose_defect_opps(w):
    """Pick the opportunities that will carry defects (before activities and costs)."""
    def first(pred, taken):
        for o in w.opps:
            if o.seq not in taken and pred(o):
                return o
        raise RuntimeError("no opportunity fits a defect")
    taken = set()
    nb_lost = lambda mth: (lambda o: o.opportunity_type == "new_business" and o.lost and o.lead is not None
                           and month_of(o.created_at) >= mth)
    picks = {}
    picks["dup_opp"] = first(lambda o: o.opportunity_type == "new_business" and o.won and o.amount
                             and o.lead is not None and o.closed_at >= datetime(2024, 6, 1), taken)
    taken.add(picks["dup_opp"].seq)
    for name, mth in (("neg_amount_opp", date(2024, 4, 1)), ("unreadable_amount_opp", date(2024, 10, 1)),
                      ("deleted_opp", date(2025, 2, 1)), ("missing_close_opp", date(2025, 5, 1))):
        o = first(nb_lost(mth), taken)
        picks[name] = o
        taken.add(o.seq)
    w.defect_picks = picks
    # the duplicate's truth stays a normal record; only the others are kept out of other tables
    w.defect_opp_seqs = {picks[k].seq for k in picks if k != "dup_opp"}


def apply_defects(w):
    P = w.defect_picks
    # 1. re-sync duplicate of an opportunity: an older version with another stage and amount
    truth = P["dup_opp"]
    last_open_stage, last_open_t = truth.history[-2]
    old = truth.copy(stage_name=last_open_stage, closed_at=None, forecast_category="commit",
                     amount=round_to(truth.amount * .9, 100), probability=None, lost_reason=None,
                     updated_at=last_open_t + timedelta(hours=2), is_old_copy=True)
    assert old.updated_at < truth.updated_at
    w.opps.insert(w.opps.index(truth), old)
    w.defects["duplicate_opportunity"] = truth.opportunity_id
    # ... and an identical copy of an account
    dup_acc = next((a for a in w.accounts if a.customer_import and a.segment == "mid_market"),
                   next(a for a in w.accounts if a.customer_import))
    dup_acc.deliver_twice = True
    w.defects["duplicate_account"] = dup_acc.account_id
    # 2. soft deletes
    P["deleted_opp"].is_deleted = True
    P["deleted_opp"].updated_at = clamp_end(P["deleted_opp"].updated_at + timedelta(days=9))
    w.defects["deleted_opportunity"] = P["deleted_opp"].opportunity_id
    free = lambda l: l.opp is None and l.sql_at is None
    lead_del = next(l for l in w.leads if free(l) and l.created_at >= datetime(2025, 1, 1))
    lead_del.is_deleted = True
    lead_del.defect = True
    w.defects["deleted_lead"] = lead_del.lead_id
    # the deleted account is an accidental duplicate typed by hand, referenced by nothing
    w.defects["deleted_account"] = w.deleted_account.account_id
    # 4. negative amount
    o = P["neg_amount_opp"]
    o.amount = -o.amount
    w.defects["negative_amount"] = o.opportunity_id
    # 5. unreadable amount, impossible date
    P["unreadable_amount_opp"].amount = "12,5k"
    w.defects["unreadable_amount"] = P["unreadable_amount_opp"].opportunity_id
    lead_bad = next(l for l in w.leads if free(l) and not l.defect
                    and l.created_at >= datetime(2024, 5, 1))
    lead_bad.created_at_text = "2024-13-45 " + lead_bad.created_at.strftime("%H:%M:%S")
    lead_bad.defect = True
    w.defects["invalid_date_lead"] = lead_bad.lead_id
    # 6. mql_at before created_at
    lead_mql = next(l for l in w.leads if free(l) and not l.defect
                    and l.mql_at is not None and l.disqualified_at is None
                    and l.created_at >= datetime(2024, 9, 1))
    lead_mql.mql_at = lead_mql.created_at - timedelta(days=2, hours=3, minutes=17)
    lead_mql.defect = True
    w.defects["mql_before_created_lead"] = lead_mql.lead_id
    # 7. closed_lost without closed_at
    P["missing_close_opp"].closed_at = None
    w.defects["missing_close_date"] = P["missing_close_opp"].opportunity_id


def add_defect_rows(w):
    """Extra raw rows that exist only as defects (added before ids are assigned)."""
    # deleted account: a hand-typed duplicate of a prospect, deleted two days later
    src = next(a for a in w.accounts if not a.customer_import and a.created_at >= datetime(2025, 2, 1))
    created = src.created_at + timedelta(days=3, hours=2, minutes=11)
    acc = src.copy(seq=w.next_seq(), account_name=src.account_name.rsplit(" ", 1)[0],
                   employee_count=None, created_at=created, is_deleted=True, contacts=[],
                   touched=[created + timedelta(days=2, hours=1)], customer_import=False)
    acc.successor = src.successor
    w.accounts.append(acc)
    w.deleted_account = acc


def add_defect_activities(w):
    rng = w.r("defect_activities")
    log = w.activity_log

    def on_lead(t, user_id, lead, activity_type, outcome, has_id=True):
        links = (lead.lead_id, lead.contact.contact_id if lead.contact else "",
                 lead.account.account_id if lead.account else "", "")
        return log.add(activity_type, "outbound", user_id, t, links, outcome, None, has_id)

    # 3. an activity by a user that does not exist (an old integration user)
    lead = next(l for l in w.leads if l.created_at >= datetime(2025, 3, 1) and l.source_channel == "inbound"
                and not l.defect)
    t = work_after(rng, lead.created_at, .5, 2)
    a_orphan = on_lead(t, "U999", lead, "email", "sent")
    # 9. an activity without id, and one of an unknown type
    lead2 = next(l for l in w.leads if l.created_at >= datetime(2025, 5, 1) and l.source_channel == "outbound"
                 and not l.defect)
    t2 = work_after(rng, lead2.created_at, 1, 3)
    on_lead(t2, lead2.owner, lead2, "call", "no_answer", has_id=False)
    lead3 = next(l for l in w.leads if l.created_at >= datetime(2024, 7, 1) and l.account is not None
                 and l.source_channel == "event" and not l.defect)
    t3 = work_after(rng, lead3.created_at, 1, 4)
    a_fax = on_lead(t3, lead3.owner, lead3, "fax", "sent")
    # 2. the first outbound e-mail of November 2024 is soft-deleted
    act_del_id, act_del = log.first(lambda r: r[TYPE] == "email" and r[DIRECTION] == "outbound",
                                  since=datetime(2024, 11, 1))
    log.mark_deleted(act_del)
    w.defects["deleted_activity"] = act_del_id
    w.defects["orphan_user_activity"] = log.id_of(a_orphan)
    w.defects["missing_id_activity"] = f"(empty id) call by {lead2.owner} at {f_ts(t2)} on {lead2.lead_id}"
    w.defects["fax_activity"] = log.id_of(a_fax)


def add_orphan_history(w):
    """8. A stage-history row of an opportunity that no longer exists."""
    w.stray_history.append(ORPHAN_HISTORY_ROW)
