"""The story's records: leads, contacts, accounts, opportunities, subscriptions.

There are millions of them at a large scale, so each kind is a dataclass with its fields
in __slots__ (about a third of a dict's memory, and faster to read). A field never set is
None. The records point at each other (a lead at its account and contact, a deal at its
account and lead ...).
"""

from __future__ import annotations

from dataclasses import fields, make_dataclass


class Record:
    """What every kind of record shares."""

    __slots__ = ()

    def copy(self, **changes) -> "Record":
        """A new record of the same kind with the same fields, then `changes`."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return type(self)(**values)

    def __repr__(self) -> str:  # without the linked records (they link back)
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self)
                          if not isinstance(getattr(self, f.name), (Record, list)))
        return f"{type(self).__name__}({shown})"


def _kind(name: str, field_names: str):
    """A kind of record: its fields (all None until set) in __slots__; eq=False, so a record
    equals only itself (opps.index(truth) finds that very deal)."""
    return make_dataclass(name, [(f, object, None) for f in field_names.split()], bases=(Record,),
                          slots=True, eq=False, repr=False)


Account = _kind("Account", (
    "seq account_id account_name domain industry segment country currency employee_count team "
    "owner0 successor created_at is_deleted contacts touched customer_import reserved_until "
    "to_new_hire updated_at deliver_twice"))

Contact = _kind("Contact", (
    "seq contact_id account first last email phone job_title created_at is_deleted updated_at"))

Lead = _kind("Lead", (
    "seq lead_id created_at source_channel owner team contact account mql_at sql_at "
    "disqualified_at is_deleted opp updated_at defect created_at_text"))

Opportunity = _kind("Opportunity", (
    "seq opportunity_id account lead sdr opportunity_type created_at expected_close_date "
    "currency amount hidden_amount probability lost_reason is_deleted won lost history "
    "stage_name closed_at forecast_category updated_at owner is_old_copy"))

Subscription = _kind("Subscription", (
    "seq subscription_id account opp product_name started_on ended_on mrr currency is_deleted "
    "updated_at"))
