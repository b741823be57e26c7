"""Tell the story once (`tell`) and hand it, finished, to the writers (`Story`).

A writer gets a `Story`: the contract tables (`story.tables`, rows as the contract's text)
and the richer facts a CRM records that the contract flattens away (`story.users()` with
first and last names, `story.lead_status_changes()`, `story.opportunity_stage_changes()`,
`story.owner_changes()`), plus the ids of the deliberate defects (`story.defects`).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

from . import accounts, activities, costs, customers, defects, leads, nps, opportunities, org, quotas, rates
from .contract import COLUMNS
from .org import HANDOVER_AT, NEW_HIRE_SPLIT_AT, owner_at
from .state import StoryState
from .timeline import END


@dataclass(frozen=True)
class Table:
    """One table of the raw contract: its columns in contract order and its rows in id order,
    each row a sequence of strings as the contract writes them ("" is null). Deliberately
    defective values ("12,5k", "2024-13-45 ...") are in there as the CRM delivers them."""
    name: str
    columns: tuple[str, ...]
    _rows: Callable[[], Iterable[Sequence[str]]]
    _parts: Callable[[int], list] | None = None

    def rows(self) -> Iterator[Sequence[str]]:
        """The rows, produced on demand (large tables are streamed): call again to read again."""
        return iter(self._rows())

    def parts(self, n: int) -> list[Callable[[], Iterable[Sequence[str]]]]:
        """The rows as at most n consecutive parts, each a callable giving its rows, that
        writers may write side by side: together, in order, they are rows()."""
        return self._parts(n) if self._parts is not None else [self._rows]


class User(NamedTuple):
    user_id: str
    first_name: str
    last_name: str
    email: str
    role: str                  # sdr, ae, manager
    team_id: str
    manager_id: str | None
    hired_on: date
    terminated_on: date | None


class LeadStatusChange(NamedTuple):
    lead_id: str
    status: str                # open, mql, sql, disqualified, converted (an opportunity was created)
    changed_at: datetime       # to the second, as the contract's timestamps


class StageChange(NamedTuple):
    opportunity_id: str
    stage_name: str
    entered_at: datetime


class OwnerChange(NamedTuple):
    record_type: str           # account, opportunity
    record_id: str
    owner_id: str
    since: datetime            # the record's creation, or when the CRM moved it to this owner


# When an owner can change: the new hire takes part of the UK&I book, the leaver's book is
# handed over (owner_at switches on his last day + 1; the CRM records it at HANDOVER_AT).
BOOK_CHANGES = (NEW_HIRE_SPLIT_AT, HANDOVER_AT)


class Story:
    """The finished story, read-only. Build it with `tell(seed, scale)`."""

    def __init__(self, state: StoryState):
        self._w = state
        self.seed = state.seed
        self.scale = state.scale
        self.defects: dict[str, str] = dict(state.defects)
        w = state
        producers = {
            "teams": lambda: org.teams_rows(w),
            "users": lambda: org.users_rows(w),
            "accounts": lambda: accounts.accounts_rows(w),
            "contacts": lambda: accounts.contacts_rows(w),
            "leads": lambda: leads.leads_rows(w),
            "opportunities": lambda: opportunities.opportunities_rows(w),
            "opportunity_stage_history": lambda: opportunities.stage_history_rows(w),
            "pipeline_stages": lambda: opportunities.pipeline_stages_rows(w),
            "activities": lambda: activities.activities_rows(w),
            "subscriptions": lambda: customers.subscriptions_rows(w),
            "quotas": lambda: quotas.quotas_rows(w),
            "acquisition_costs": lambda: costs.acquisition_costs_rows(w),
            "nps_responses": lambda: nps.nps_responses_rows(w),
            "exchange_rates": lambda: rates.exchange_rates_rows(w),
        }
        parts = {"activities": lambda n: w.activity_log.parts(n)}
        self.tables: dict[str, Table] = {name: Table(name, cols, producers[name], parts.get(name))
                                         for name, cols in COLUMNS.items()}

    # ---- richer facts ------------------------------------------------------------------
    def users(self) -> Iterator[User]:
        o = self._w.org
        for uid, u in o.users.items():
            yield User(uid, u["first"], u["last"], o.email_of(uid), u["role"], u["team"], o.manager_of(uid),
                       u["hired_on"], u["terminated_on"])

    def lead_status_changes(self) -> Iterator[LeadStatusChange]:
        """Each lead's statuses in time order, as a CRM's lead history records them."""
        for l in self._w.leads:
            steps = [("open", l.created_at), ("mql", l.mql_at), ("sql", l.sql_at),
                     ("disqualified", l.disqualified_at),
                     ("converted", l.opp.created_at if l.opp else None)]
            for status, at in sorted((s for s in steps if s[1] is not None), key=lambda s: s[1]):
                yield LeadStatusChange(l.lead_id, status, at.replace(microsecond=0))

    def opportunity_stage_changes(self) -> Iterator[StageChange]:
        """Every stage a deal entered, in time order (the contract's stage history, typed)."""
        for o in self._w.opps:
            if not o.is_old_copy:
                for stage, at in o.history:
                    yield StageChange(o.opportunity_id, stage, at)

    def owner_changes(self) -> Iterator[OwnerChange]:
        """Who owned each account and each deal since when (leads keep their SDR)."""
        for a in self._w.accounts:
            yield from _owner_periods("account", a.account_id, a, a.created_at, END)
        for o in self._w.opps:
            if not o.is_old_copy:
                yield from _owner_periods("opportunity", o.opportunity_id, o.account, o.created_at,
                                          o.closed_at or END)


def _owner_periods(kind: str, record_id: str, acc: dict, start: datetime, end: datetime) -> Iterator[OwnerChange]:
    owner = owner_at(acc, start)
    yield OwnerChange(kind, record_id, owner, start)
    for at in BOOK_CHANGES:
        if start < at <= end and owner_at(acc, at) != owner:
            owner = owner_at(acc, at)
            yield OwnerChange(kind, record_id, owner, at)


def assign_ids(w: StoryState) -> None:
    """Ids in the order of creation time (ties: creation order)."""
    _number(w.accounts, lambda a: (a.created_at, a.seq), "account_id", "ACC-{:04d}")
    _number(w.contacts, lambda c: (c.created_at, c.seq), "contact_id", "CON-{:05d}")
    _number(w.leads, lambda x: (x.created_at, x.seq), "lead_id", "LEAD-{:05d}")
    _number(w.opps, lambda o: (o.created_at, o.seq), "opportunity_id", "OPP-{:04d}")
    _number(w.subs, lambda s: (s.started_on, s.account.account_id, s.seq), "subscription_id",
            "SUB-{:04d}")


def _number(records: list[dict], key, field: str, pattern: str) -> None:
    records.sort(key=key)
    for i, r in enumerate(records, 1):
        setattr(r, field, pattern.format(i))


@contextmanager
def _gc_paused():
    """No cyclic garbage collection while the story grows: it makes millions of records that
    all live on, which the collector would walk again and again (a fifth of the time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def tell(seed: int = 42, scale: float = 1.0) -> Story:
    """The whole story, in the order its parts depend on each other."""
    with _gc_paused():
        return _tell(StoryState(seed, scale))


def _tell(w: StoryState) -> Story:
    rates.gen_rates(w)
    accounts.gen_imported_customers(w)
    leads.gen_leads(w)
    opportunities.gen_new_business(w)
    opportunities.gen_migrated_pipeline(w)
    customers.gen_customers(w)
    defects.add_defect_rows(w)
    assign_ids(w)
    opportunities.null_some_amounts(w)
    defects.choose_defect_opps(w)
    defects.apply_defects(w)
    activities.gen_activities(w, w.defect_opp_seqs)
    defects.add_defect_activities(w)
    quotas.gen_quotas(w)
    costs.gen_costs(w)
    nps.gen_nps(w)
    accounts.finish_accounts(w)
    defects.add_orphan_history(w)
    w.forget_bookkeeping()
    return Story(w)
