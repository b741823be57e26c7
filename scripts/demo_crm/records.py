"""The story's records: leads, contacts, accounts, opportunities, subscriptions.

There are millions of them at a large scale, so each keeps its fields in __slots__ (about a
third of a dict's memory), yet reads and writes like the dicts they replace:
record["field"], record.get("field"), record["field"] = value. A field never set is None.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


class Record:
    """The dict-like reading and writing shared by every kind of record."""

    __slots__ = ()
    __getitem__ = object.__getattribute__
    __setitem__ = object.__setattr__

    def get(self, name: str, default=None):
        """The field, or default when it is None (never set)."""
        value = getattr(self, name)
        return default if value is None else value

    def copy(self, **changes) -> "Record":
        """A new record of the same kind with the same fields, then `changes`."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return type(self)(**values)

    def __repr__(self) -> str:  # without the linked records (they link back)
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self)
                          if not isinstance(getattr(self, f.name), (Record, list)))
        return f"{type(self).__name__}({shown})"


# eq=False: a record equals only itself (opps.index(truth) finds that very deal)
record = dataclass(slots=True, eq=False, repr=False)


@record
class Account(Record):
    seq: object = None
    account_id: object = None
    account_name: object = None
    domain: object = None
    industry: object = None
    segment: object = None
    country: object = None
    currency: object = None
    employee_count: object = None
    team: object = None
    owner0: object = None
    successor: object = None
    created_at: object = None
    is_deleted: object = None
    contacts: object = None
    touched: object = None
    customer_import: object = None
    reserved_until: object = None
    to_new_hire: object = None
    updated_at: object = None
    deliver_twice: object = None


@record
class Contact(Record):
    seq: object = None
    contact_id: object = None
    account: object = None
    first: object = None
    last: object = None
    email: object = None
    phone: object = None
    job_title: object = None
    created_at: object = None
    is_deleted: object = None
    updated_at: object = None


@record
class Lead(Record):
    seq: object = None
    lead_id: object = None
    created_at: object = None
    source_channel: object = None
    owner: object = None
    team: object = None
    contact: object = None
    account: object = None
    mql_at: object = None
    sql_at: object = None
    disqualified_at: object = None
    is_deleted: object = None
    opp: object = None
    updated_at: object = None
    defect: object = None
    created_at_text: object = None


@record
class Opportunity(Record):
    seq: object = None
    opportunity_id: object = None
    account: object = None
    lead: object = None
    sdr: object = None
    opportunity_type: object = None
    created_at: object = None
    expected_close_date: object = None
    currency: object = None
    amount: object = None
    hidden_amount: object = None
    probability: object = None
    lost_reason: object = None
    is_deleted: object = None
    won: object = None
    lost: object = None
    history: object = None
    stage_name: object = None
    closed_at: object = None
    forecast_category: object = None
    updated_at: object = None
    owner: object = None
    is_old_copy: object = None


@record
class Subscription(Record):
    seq: object = None
    subscription_id: object = None
    account: object = None
    opp: object = None
    product_name: object = None
    started_on: object = None
    ended_on: object = None
    mrr: object = None
    currency: object = None
    is_deleted: object = None
    updated_at: object = None
