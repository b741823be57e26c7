"""The story as Salesforce holds it, landed by the Fivetran Salesforce connector: one Parquet
file per connector table (<out>/<table>.parquet), with the connector's table and column
names (lower snake_case) and types, and, in <out>/contract/, the contract tables Salesforce
does not hold (subscriptions from billing, acquisition costs from finance, NPS answers from
the survey tool), as contract CSVs.

Names and types follow the Fivetran Salesforce connector's schema (its ERD: String ->
VARCHAR, Instant -> TIMESTAMP WITH TIME ZONE, LocalDate -> DATE, Double -> DOUBLE, Int ->
INTEGER, Boolean -> BOOLEAN) and the column lists of the public fivetran/dbt_salesforce_source
package (macros/get_*_columns.sql). An object with Salesforce's IsDeleted lands it as
`is_deleted` (the connector's soft deletes use it); an object without (user, user_role,
profile, opportunity_stage, forecasting_quota, currency_type, dated_conversion_rate) gets
`_fivetran_deleted`. Every row carries `_fivetran_synced`. Custom fields land without their
`__c` underscores: Account.Segment__c -> segment_c, Opportunity.Loss_Reason__c ->
loss_reason_c, the Activity field Outcome__c (shared by tasks and events) -> outcome_c.

The story's ids are the Salesforce ids (user U006, account ACC-0011, opportunity OPP-0082,
task or event ACT-000001 ...), so the KPIs show the same ids whatever the shape; records the
contract does not have get ids of their own kind (LH-…, OH-…, FQ-…, DCR-…).

How the story becomes Salesforce (docs: models/staging/salesforce/_salesforce__docs.md):
- teams -> user_role (one role per team; the region in rollup_description); users -> user,
  their function in their profile (Sales Development Rep, Account Executive, Sales
  Manager); a leaver is inactive;
- accounts -> account (country as billing_country_code, segment in Segment__c); the
  re-synced copy of ACC-0011 is delivered twice, as the loader delivered it;
- contacts -> contact;
- leads -> lead (LeadSource, Status; a lead that became an opportunity is converted, with
  converted_opportunity_id / _account_id / _contact_id) and lead_history (a `created` row,
  a `Status` row per status change, `leadConverted` at conversion);
- opportunities -> opportunity (Type, forecast category, probability as Salesforce fills it:
  the stage's default unless the rep set one; close_date the expected close date while open,
  the close day once closed) with the older copy of OPP-0082 delivered too;
  opportunity_stage_history -> opportunity_history (a row per stage entered, with the close
  date forecast at that time); pipeline_stages -> opportunity_stage;
- activities -> task (calls, e-mails, LinkedIn touches) and event (meetings, demos), linked
  to a lead or a contact (who_id) and an opportunity or an account (what_id);
- quotas -> forecasting_quota; exchange_rates -> currency_type (EUR corporate) and
  dated_conversion_rate, whose rate runs the other way (EUR -> currency, 6 decimals).

What Salesforce cannot carry, and what the writer does instead (each named in
python_tests/test_crm_shapes.py and the docs):
- an activity without id (Salesforce ids every record): left out;
- unreadable values (Salesforce types every field, and refuses "12,5k" or a 13th month):
  the record carries instead the bad value Salesforce does hold, a picklist value no
  mapping seed knows — LEAD-00675 has LeadSource 'Fax campaign' (and its creation time),
  OPP-0379 Type 'Pilot' (and no amount); the `fax` activity is a task of Type 'Fax';
- a closed deal without close time: Salesforce's close time is the stage change into the
  closed stage, so OPP-0723's closing row of the stage history is left out;
- exchange rates: Salesforce keeps 6 decimals of the rate EUR -> currency; the inverse of
  such a rate is not always the story's 6-decimal rate (7 GBP months differ by 0.000001:
  `rates_as_salesforce_holds_them`);
- a lead's contact and account before it is converted, an activity's contact and account
  when it is a lead's, a user's hire and termination dates, the duration of a meeting that
  did not take place (an event keeps its scheduled length).
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from . import Written
from .contract_csv import load_contract_csvs, write_csv  # noqa: F401 (load_contract_csvs: for the callers)

SYNCED = "2026-01-01 02:00:00+00"  # _fivetran_synced of every row
GO_LIVE = "2024-01-01 05:30:00+00"  # when the org was set up (roles, profiles, stages, currencies)
CORPORATE_CURRENCY = "EUR"

# The contract tables Salesforce does not hold: written in the contract's shape under contract/.
NON_CRM_TABLES = ("subscriptions", "acquisition_costs", "nps_responses")

S, TS, D, F, I, B = "VARCHAR", "TIMESTAMPTZ", "DATE", "DOUBLE", "INTEGER", "BOOLEAN"
DELETED = (("is_deleted", B), ("_fivetran_synced", TS))              # objects with IsDeleted
FIVETRAN_DELETED = (("_fivetran_deleted", B), ("_fivetran_synced", TS))  # objects without
AUDIT = (("created_date", TS), ("last_modified_date", TS), ("system_modstamp", TS))

# Every connector table the writer lands: its columns and their warehouse types, in order.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "user_role": (("id", S), ("name", S), ("developer_name", S), ("parent_role_id", S),
                  ("rollup_description", S), ("last_modified_date", TS), ("system_modstamp", TS))
    + FIVETRAN_DELETED,
    "profile": (("id", S), ("name", S), ("user_type", S), ("last_modified_date", TS), ("system_modstamp", TS))
    + FIVETRAN_DELETED,
    "user": (("id", S), ("username", S), ("first_name", S), ("last_name", S), ("name", S), ("email", S),
             ("alias", S), ("title", S), ("is_active", B), ("user_role_id", S), ("profile_id", S), ("manager_id", S),
             ("user_type", S)) + AUDIT + FIVETRAN_DELETED,
    "account": (("id", S), ("name", S), ("industry", S), ("billing_country", S), ("billing_country_code", S),
                ("number_of_employees", I), ("owner_id", S), ("currency_iso_code", S), ("segment_c", S))
    + AUDIT + DELETED,
    "contact": (("id", S), ("account_id", S), ("first_name", S), ("last_name", S), ("name", S), ("email", S),
                ("phone", S), ("title", S), ("owner_id", S)) + AUDIT + DELETED,
    "lead": (("id", S), ("first_name", S), ("last_name", S), ("email", S), ("company", S), ("status", S),
             ("lead_source", S), ("owner_id", S), ("is_converted", B), ("converted_date", D),
             ("converted_account_id", S), ("converted_contact_id", S), ("converted_opportunity_id", S))
    + AUDIT + DELETED,
    "lead_history": (("id", S), ("lead_id", S), ("field", S), ("data_type", S), ("old_value", S), ("new_value", S),
                     ("created_by_id", S), ("created_date", TS)) + DELETED,
    "opportunity": (("id", S), ("name", S), ("account_id", S), ("owner_id", S), ("type", S), ("stage_name", S),
                    ("amount", F), ("currency_iso_code", S), ("probability", F), ("close_date", D),
                    ("forecast_category", S), ("forecast_category_name", S), ("is_closed", B), ("is_won", B),
                    ("loss_reason_c", S)) + AUDIT + DELETED,
    "opportunity_history": (("id", S), ("opportunity_id", S), ("stage_name", S), ("amount", F),
                            ("currency_iso_code", S), ("probability", F), ("close_date", D), ("prev_close_date", D),
                            ("forecast_category", S), ("created_by_id", S), ("created_date", TS),
                            ("system_modstamp", TS)) + DELETED,
    "opportunity_stage": (("id", S), ("master_label", S), ("api_name", S), ("sort_order", I),
                          ("default_probability", F), ("is_active", B), ("is_closed", B), ("is_won", B),
                          ("forecast_category", S), ("forecast_category_name", S), ("last_modified_date", TS),
                          ("system_modstamp", TS)) + FIVETRAN_DELETED,
    "task": (("id", S), ("subject", S), ("task_subtype", S), ("type", S), ("status", S), ("is_closed", B),
             ("call_type", S), ("call_disposition", S), ("call_duration_in_seconds", I), ("outcome_c", S),
             ("activity_date", D), ("completed_date_time", TS), ("owner_id", S), ("who_id", S), ("what_id", S),
             ("account_id", S)) + AUDIT + DELETED,
    "event": (("id", S), ("subject", S), ("event_subtype", S), ("type", S), ("outcome_c", S),
              ("activity_date", D), ("activity_date_time", TS), ("start_date_time", TS), ("end_date_time", TS),
              ("duration_in_minutes", I), ("owner_id", S), ("who_id", S), ("what_id", S), ("account_id", S))
    + AUDIT + DELETED,
    "forecasting_quota": (("id", S), ("quota_owner_id", S), ("start_date", D), ("quota_amount", F),
                          ("currency_iso_code", S), ("is_amount", B), ("is_quantity", B), ("forecasting_type_id", S))
    + AUDIT + FIVETRAN_DELETED,
    "currency_type": (("id", S), ("iso_code", S), ("conversion_rate", F), ("decimal_places", I), ("is_active", B),
                      ("is_corporate", B)) + AUDIT + FIVETRAN_DELETED,
    "dated_conversion_rate": (("id", S), ("iso_code", S), ("start_date", D), ("next_start_date", D),
                              ("conversion_rate", F)) + AUDIT + FIVETRAN_DELETED,
}

# The demo org's picklists and names for the story's values (the mapping seeds of
# seeds/salesforce/ read them back).
PROFILES = {"sdr": ("PRF-SDR", "Sales Development Rep"), "ae": ("PRF-AE", "Account Executive"),
            "manager": ("PRF-MGR", "Sales Manager")}
SEGMENTS = {"smb": "SMB", "mid_market": "Mid-Market", "enterprise": "Enterprise"}
COUNTRIES = {"FR": "France", "BE": "Belgium", "LU": "Luxembourg", "DE": "Germany", "AT": "Austria",
             "CH": "Switzerland", "GB": "United Kingdom", "IE": "Ireland", "US": "United States"}
LEAD_SOURCES = {"inbound": "Web", "outbound": "Cold Call", "linkedin": "LinkedIn", "referral": "Customer Referral",
                "event": "Trade Show", "paid_ads": "Paid Search", "partner": "Partner Referral"}
LEAD_STATUSES = {"open": "Open - Not Contacted", "mql": "Marketing Qualified", "sql": "Sales Qualified",
                 "disqualified": "Closed - Not Converted", "converted": "Closed - Converted"}
OPPORTUNITY_TYPES = {"new_business": "New Business", "upsell": "Upsell", "cross_sell": "Cross-sell",
                     "renewal": "Renewal"}
FORECAST_CATEGORIES = {"pipeline": ("Pipeline", "Pipeline"), "best_case": ("BestCase", "Best Case"),
                       "commit": ("Forecast", "Commit"), "omitted": ("Omitted", "Omitted"),
                       "closed": ("Closed", "Closed")}
CALL_DISPOSITIONS = {"connected": "Connected", "no_answer": "No Answer", "voicemail": "Left Voicemail",
                     "meeting_booked": "Meeting Booked"}
OUTCOMES = {"sent": "Sent", "replied": "Replied", "bounced": "Bounced", "viewed": "Viewed",
            "completed": "Completed", "no_show": "No Show", "cancelled": "Cancelled"}
# activity_type -> (task_subtype, Type) of a task; meetings and demos are events
TASK_KINDS = {"call": ("Call", "Call"), "email": ("Email", "Email"), "linkedin_message": ("Task", "LinkedIn Message"),
              "linkedin_visit": ("Task", "LinkedIn Visit"), "fax": ("Task", "Fax")}
EVENT_TYPES = {"meeting": "Meeting", "demo": "Demo"}
SCHEDULED_MINUTES = {"meeting": 30, "demo": 60}  # the length of a meeting that did not take place

# Values no mapping seed knows, carrying the story's unreadable values (see the docstring).
UNKNOWN_LEAD_SOURCE = "Fax campaign"
UNKNOWN_OPPORTUNITY_TYPE = "Pilot"


def rate_as_salesforce_holds_it(rate: str) -> Decimal:
    """The story's rate currency -> EUR as Salesforce keeps it: EUR -> currency, 6 decimals."""
    return (1 / Decimal(rate)).quantize(Decimal("0.000001"), ROUND_HALF_UP)


def rates_as_salesforce_holds_them(story) -> list[list[str]]:
    """The exchange_rates rows a reader of Salesforce gets back: each rate inverted again and
    rounded to the contract's 6 decimals (as staging does), in the story's row order."""
    return [[month, from_currency, to_currency,
             str((1 / rate_as_salesforce_holds_it(rate)).quantize(Decimal("0.000001"), ROUND_HALF_UP))]
            for month, from_currency, to_currency, rate in story.tables["exchange_rates"].rows()]


def _ts(text: str) -> str:
    """A contract timestamp (UTC) as an Instant: with its offset."""
    return f"{text}+00" if text else ""


def _dt(t: datetime | None) -> str:
    return "" if t is None else t.isoformat(" ", "seconds") + "+00"


def _b(value: bool) -> str:
    return "true" if value else "false"


def _day(text: str) -> str:
    return text[:10]


def _readable(amount: str) -> bool:
    """An amount Salesforce's currency field can hold (empty = none)."""
    return amount == "" or amount.lstrip("-").replace(".", "", 1).isdigit()


def _stage_category(stage_row) -> str:
    """The forecast category of a stage (a pipeline_stages row): closed won counts as closed,
    closed lost is omitted, an open stage is pipeline."""
    is_closed, is_won = stage_row[3] == "true", stage_row[4] == "true"
    return "closed" if is_won else ("omitted" if is_closed else "pipeline")


class _Tables:
    """The rows of every connector table, as the text the staging CSVs hold."""

    def __init__(self):
        self.rows: dict[str, list[list[str]]] = {name: [] for name in TABLES}
        self._seq: dict[str, int] = {}

    def add(self, table: str, **values) -> None:
        unknown = set(values) - {c for c, _ in TABLES[table]}
        if unknown:
            raise KeyError(f"{table}: no columns {sorted(unknown)}")
        row = []
        for column, _ in TABLES[table]:
            value = values.get(column)
            row.append("" if value is None else str(value))
        self.rows[table].append(row)

    def next_id(self, prefix: str, width: int = 6) -> str:
        n = self._seq[prefix] = self._seq.get(prefix, 0) + 1
        return f"{prefix}-{n:0{width}d}"


class SalesforceWriter:
    name = "salesforce"

    def write(self, story, out_dir: Path) -> list[Written]:
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        t = _Tables()
        contract = {name: list(table.rows()) for name, table in story.tables.items() if name != "activities"}
        self._org(story, contract, t)
        accounts = self._accounts(contract, t)
        self._contacts(contract, accounts, t)
        self._leads(story, contract, accounts, t)
        self._opportunities(contract, accounts, t)
        self._activities(story, t)
        self._quotas(contract, t)
        self._rates(contract, t)
        written = self._write_parquet(t, out_dir)
        contract_dir = out_dir / "contract"
        contract_dir.mkdir(exist_ok=True)
        for name in NON_CRM_TABLES:
            path = contract_dir / f"{name}.csv"
            table = story.tables[name]
            written.append(Written(path, name, write_csv(path, table.columns, table.rows())))
        return written

    # ---- the org: roles (teams), profiles, users ------------------------------------------
    @staticmethod
    def _org(story, contract, t: _Tables) -> None:
        for team_id, team_name, region in contract["teams"]:
            t.add("user_role", id=team_id, name=team_name, developer_name=team_name.replace("&", "_"),
                  rollup_description=region, last_modified_date=GO_LIVE, system_modstamp=GO_LIVE,
                  _fivetran_deleted="false", _fivetran_synced=SYNCED)
        for profile_id, profile_name in PROFILES.values():
            t.add("profile", id=profile_id, name=profile_name, user_type="Standard", last_modified_date=GO_LIVE,
                  system_modstamp=GO_LIVE, _fivetran_deleted="false", _fivetran_synced=SYNCED)
        updated = {row[0]: row[-1] for row in contract["users"]}
        for u in story.users():
            profile_id, profile_name = PROFILES[u.role]
            modified = _ts(updated[u.user_id])
            created = modified if u.hired_on >= date(2024, 1, 1) else GO_LIVE
            t.add("user", id=u.user_id, username=u.email, first_name=u.first_name, last_name=u.last_name,
                  name=f"{u.first_name} {u.last_name}", email=u.email, alias=(u.first_name[0] + u.last_name[:4]).lower(),
                  title=profile_name, is_active=_b(u.terminated_on is None), user_role_id=u.team_id,
                  profile_id=profile_id, manager_id=u.manager_id, user_type="Standard", created_date=created,
                  last_modified_date=modified, system_modstamp=modified, _fivetran_deleted="false",
                  _fivetran_synced=SYNCED)

    # ---- accounts and contacts --------------------------------------------------------
    @staticmethod
    def _accounts(contract, t: _Tables) -> dict[str, list[str]]:
        accounts = {}
        for row in contract["accounts"]:  # a re-synced copy is delivered twice, as it was
            (account_id, name, industry, segment, country, employees, owner, created, deleted, updated) = row
            accounts[account_id] = row
            t.add("account", id=account_id, name=name, industry=industry, billing_country=COUNTRIES[country],
                  billing_country_code=country, number_of_employees=employees, owner_id=owner,
                  currency_iso_code={"GB": "GBP", "US": "USD"}.get(country, CORPORATE_CURRENCY),
                  segment_c=SEGMENTS[segment], created_date=_ts(created), last_modified_date=_ts(updated),
                  system_modstamp=_ts(updated), is_deleted=deleted, _fivetran_synced=SYNCED)
        return accounts

    @staticmethod
    def _contacts(contract, accounts, t: _Tables) -> None:
        for (contact_id, account_id, first, last, email, phone, title, created, deleted, updated) in contract["contacts"]:
            t.add("contact", id=contact_id, account_id=account_id, first_name=first, last_name=last,
                  name=f"{first} {last}", email=email, phone=phone, title=title,
                  owner_id=accounts[account_id][6] if account_id else None, created_date=_ts(created),
                  last_modified_date=_ts(updated), system_modstamp=_ts(updated), is_deleted=deleted,
                  _fivetran_synced=SYNCED)

    # ---- leads and their history ------------------------------------------------------
    @staticmethod
    def _leads(story, contract, accounts, t: _Tables) -> None:
        contacts = {row[0]: row for row in contract["contacts"]}
        converted = {row[2]: row for row in contract["opportunities"] if row[2]}  # lead_id -> its deal
        changes: dict[str, list] = {}
        for change in story.lead_status_changes():
            changes.setdefault(change.lead_id, []).append(change)
        invalid_date_lead = story.defects.get("invalid_date_lead")
        for (lead_id, created, channel, owner, contact_id, account_id, _mql, _sql, _disq, deleted,
             updated) in contract["leads"]:
            steps = changes[lead_id]
            if lead_id == invalid_date_lead:  # unreadable in the contract: its creation time, and a
                created = next(c.changed_at for c in steps if c.status == "open").isoformat(" ")
                source = UNKNOWN_LEAD_SOURCE  # source no seed knows (rule-4 defects, see above)
            else:
                source = LEAD_SOURCES[channel]
            deal = converted.get(lead_id)
            contact = contacts.get(contact_id)
            status = LEAD_STATUSES["open"]
            t.add("lead_history", id=t.next_id("LH", 7), lead_id=lead_id, field="created", data_type="Text",
                  created_by_id=owner, created_date=_ts(created), is_deleted=deleted, _fivetran_synced=SYNCED)
            for change in steps:
                if change.status == "open":
                    continue
                new = LEAD_STATUSES[change.status]
                t.add("lead_history", id=t.next_id("LH", 7), lead_id=lead_id, field="Status", data_type="Picklist",
                      old_value=status, new_value=new, created_by_id=owner, created_date=_dt(change.changed_at),
                      is_deleted=deleted, _fivetran_synced=SYNCED)
                if change.status == "converted":
                    t.add("lead_history", id=t.next_id("LH", 7), lead_id=lead_id, field="leadConverted",
                          data_type="Text", created_by_id=owner, created_date=_dt(change.changed_at),
                          is_deleted=deleted, _fivetran_synced=SYNCED)
                status = new
            t.add("lead", id=lead_id, first_name=contact[2] if contact else None,
                  last_name=contact[3] if contact else "[not provided]", email=contact[4] if contact else None,
                  company=accounts[account_id][1] if account_id else "[not provided]", status=status,
                  lead_source=source, owner_id=owner, is_converted=_b(deal is not None),
                  converted_date=_day(deal[6]) if deal else None,
                  converted_account_id=account_id if deal else None,
                  converted_contact_id=(contact_id or None) if deal else None,
                  converted_opportunity_id=deal[0] if deal else None, created_date=_ts(created),
                  last_modified_date=_ts(updated), system_modstamp=_ts(updated), is_deleted=deleted,
                  _fivetran_synced=SYNCED)

    # ---- opportunities, their stage history, the stages -------------------------------
    @staticmethod
    def _opportunities(contract, accounts, t: _Tables) -> None:
        stages = {row[0]: row for row in contract["pipeline_stages"]}
        for i, (stage, order, probability, is_closed, is_won) in enumerate(contract["pipeline_stages"], 1):
            category = _stage_category((stage, order, probability, is_closed, is_won))
            t.add("opportunity_stage", id=f"STG-{i:02d}", master_label=stage, api_name=stage, sort_order=order,
                  default_probability=probability, is_active="true", is_closed=is_closed, is_won=is_won,
                  forecast_category=FORECAST_CATEGORIES[category][0],
                  forecast_category_name=FORECAST_CATEGORIES[category][1], last_modified_date=GO_LIVE,
                  system_modstamp=GO_LIVE, _fivetran_deleted="false", _fivetran_synced=SYNCED)
        deals = {}
        for row in contract["opportunities"]:  # the older copy of a re-synced deal too
            (opportunity_id, account_id, _lead, owner, _sdr, opportunity_type, created, expected, closed, stage,
             amount, currency, probability, forecast, lost_reason, deleted, updated) = row
            deals[opportunity_id] = row
            readable = _readable(amount)
            category, category_name = FORECAST_CATEGORIES[forecast]
            account = accounts.get(account_id)
            t.add("opportunity", id=opportunity_id,
                  name=f"{account[1] if account else account_id} - {OPPORTUNITY_TYPES[opportunity_type]}",
                  account_id=account_id, owner_id=owner,
                  type=OPPORTUNITY_TYPES[opportunity_type] if readable else UNKNOWN_OPPORTUNITY_TYPE,
                  stage_name=stage, amount=amount if readable else None, currency_iso_code=currency,
                  probability=probability or stages[stage][2], close_date=_day(closed) if closed else expected,
                  forecast_category=category, forecast_category_name=category_name,
                  is_closed=stages[stage][3], is_won=stages[stage][4], loss_reason_c=lost_reason,
                  created_date=_ts(created), last_modified_date=_ts(updated), system_modstamp=_ts(updated),
                  is_deleted=deleted, _fivetran_synced=SYNCED)
        previous = {}
        for opportunity_id, stage, entered in contract["opportunity_stage_history"]:
            deal = deals.get(opportunity_id)  # none: a row of a deal hard-deleted from Salesforce
            closed_stage = stages[stage][3] == "true"
            if deal is not None and closed_stage and deal[8] == "":
                continue  # closed without close time: Salesforce's close time is this change
            close_date = _day(deal[8]) if closed_stage and deal else (deal[7] if deal else None)
            t.add("opportunity_history", id=t.next_id("OH", 7), opportunity_id=opportunity_id, stage_name=stage,
                  amount=deal[10] if deal and _readable(deal[10]) else None,
                  currency_iso_code=deal[11] if deal else None, probability=stages[stage][2],
                  close_date=close_date, prev_close_date=previous.get(opportunity_id),
                  forecast_category=FORECAST_CATEGORIES[_stage_category(stages[stage])][0],
                  created_by_id=deal[3] if deal else None, created_date=_ts(entered), system_modstamp=_ts(entered),
                  is_deleted=deal[15] if deal else "true", _fivetran_synced=SYNCED)
            previous[opportunity_id] = close_date

    # ---- activities -------------------------------------------------------------------
    @staticmethod
    def _activities(story, t: _Tables) -> None:
        for (activity_id, activity_type, direction, user_id, occurred, lead_id, contact_id, account_id,
             opportunity_id, outcome, duration, deleted) in story.tables["activities"].rows():
            if not activity_id:
                continue  # Salesforce ids every record: the story's activity without id has no place
            if opportunity_id:
                who, what, account = contact_id or None, opportunity_id, account_id
            elif lead_id:  # a task on a lead has no what, and Salesforce derives no account from a lead
                who, what, account = lead_id, None, None
            else:
                who, what, account = contact_id or None, account_id or None, account_id or None
            audit = dict(created_date=_ts(occurred), last_modified_date=_ts(occurred), system_modstamp=_ts(occurred),
                         is_deleted=deleted, _fivetran_synced=SYNCED)
            if activity_type in EVENT_TYPES:
                start = datetime.fromisoformat(occurred)
                seconds = int(duration) if duration else 60 * SCHEDULED_MINUTES[activity_type]
                end = start + timedelta(seconds=seconds)
                t.add("event", id=activity_id, subject=EVENT_TYPES[activity_type], event_subtype="Event",
                      type=EVENT_TYPES[activity_type], outcome_c=OUTCOMES[outcome], activity_date=occurred[:10],
                      activity_date_time=_ts(occurred), start_date_time=_ts(occurred), end_date_time=_dt(end),
                      duration_in_minutes=round(seconds / 60), owner_id=user_id, who_id=who, what_id=what,
                      account_id=account, **audit)
                continue
            subtype, kind = TASK_KINDS[activity_type]
            if activity_type == "email" and direction == "inbound":
                kind = "Inbound Email"
            is_call = activity_type == "call"
            t.add("task", id=activity_id, subject=kind, task_subtype=subtype, type=kind, status="Completed",
                  is_closed="true", call_type=direction.capitalize() if is_call else None,
                  call_disposition=CALL_DISPOSITIONS[outcome] if is_call else None,
                  call_duration_in_seconds=duration or None, outcome_c=None if is_call else OUTCOMES[outcome],
                  activity_date=occurred[:10], completed_date_time=_ts(occurred), owner_id=user_id, who_id=who,
                  what_id=what, account_id=account, **audit)

    # ---- quotas and exchange rates ----------------------------------------------------
    @staticmethod
    def _quotas(contract, t: _Tables) -> None:
        for user_id, month, amount, currency in contract["quotas"]:
            set_at = _dt(datetime.fromisoformat(month) - timedelta(days=14) + timedelta(hours=9))
            t.add("forecasting_quota", id=t.next_id("FQ", 5), quota_owner_id=user_id, start_date=month,
                  quota_amount=amount, currency_iso_code=currency, is_amount="true", is_quantity="false",
                  forecasting_type_id="FT-OPPORTUNITY-REVENUE", created_date=set_at, last_modified_date=set_at,
                  system_modstamp=set_at, _fivetran_deleted="false", _fivetran_synced=SYNCED)

    @staticmethod
    def _rates(contract, t: _Tables) -> None:
        rows = contract["exchange_rates"]
        if any(to != CORPORATE_CURRENCY for _, _, to, _ in rows):
            raise ValueError(f"the demo org's corporate currency is {CORPORATE_CURRENCY}: every rate must go to it")
        latest = {}
        by_currency: dict[str, list] = {}
        for month, currency, _, rate in rows:
            by_currency.setdefault(currency, []).append((month, rate))
        t.add("currency_type", id="CUR-EUR", iso_code=CORPORATE_CURRENCY, conversion_rate="1.0", decimal_places=2,
              is_active="true", is_corporate="true", created_date=GO_LIVE, last_modified_date=GO_LIVE,
              system_modstamp=GO_LIVE, _fivetran_deleted="false", _fivetran_synced=SYNCED)
        for currency, months in by_currency.items():
            months.sort()
            for i, (month, rate) in enumerate(months):
                next_start = months[i + 1][0] if i + 1 < len(months) else "9999-12-31"
                entered = _dt(datetime.fromisoformat(month) + timedelta(hours=6))
                held = rate_as_salesforce_holds_it(rate)
                latest[currency] = held
                t.add("dated_conversion_rate", id=t.next_id("DCR", 4), iso_code=currency, start_date=month,
                      next_start_date=next_start, conversion_rate=str(held), created_date=entered,
                      last_modified_date=entered, system_modstamp=entered, _fivetran_deleted="false",
                      _fivetran_synced=SYNCED)
            t.add("currency_type", id=f"CUR-{currency}", iso_code=currency, conversion_rate=str(latest[currency]),
                  decimal_places=2, is_active="true", is_corporate="false", created_date=GO_LIVE,
                  last_modified_date=GO_LIVE, system_modstamp=GO_LIVE, _fivetran_deleted="false",
                  _fivetran_synced=SYNCED)

    # ---- files ------------------------------------------------------------------------
    @staticmethod
    def _write_parquet(t: _Tables, out_dir: Path) -> list[Written]:
        """Each table as <out>/<table>.parquet with the connector's types: written as CSV in a
        hidden staging folder, then read by DuckDB with the declared types."""
        import duckdb  # only the writers of Parquet need it

        staging = out_dir / ".csv-staging"
        staging.mkdir(parents=True, exist_ok=True)
        written = []
        con = duckdb.connect()
        try:
            con.execute("set timezone = 'UTC'")
            for table, columns in TABLES.items():
                csv_path = staging / f"{table}.csv"
                rows = write_csv(csv_path, [c for c, _ in columns], t.rows[table])
                path = out_dir / f"{table}.parquet"
                types = "{" + ", ".join(f"'{c}': '{kind}'" for c, kind in columns) + "}"
                con.execute(
                    f"copy (select * from read_csv('{csv_path}', header = true, auto_detect = false, "
                    f"delim = ',', quote = '\"', escape = '\"', columns = {types})) to '{path}' (format parquet)")
                written.append(Written(path, table, rows))
        finally:
            con.close()
            shutil.rmtree(staging, ignore_errors=True)
        return written


def load_duckdb(export_dir: Path, con, schema: str, tables=None) -> None:
    """Create schema.<table> from each <table>.parquet of a Salesforce export (all of them, or
    `tables`), typed as the connector lands them."""
    con.execute(f'create schema if not exists "{schema}"')
    for table in tables or TABLES:
        con.execute(f'create table "{schema}"."{table}" as select * from read_parquet(\'{Path(export_dir) / table}.parquet\')')
