"""The story as HubSpot holds it, landed by the Fivetran HubSpot connector: one CSV per
connector table (<out>/<table>.csv, the connector's table and column names; TABLES below
gives each column's warehouse type, so a loader can make the typed tables the connector
makes: `load_duckdb`), and, in <out>/contract/, the contract tables HubSpot does not hold
(subscriptions from billing, quotas, acquisition costs, NPS answers, exchange rates), with
the ids the systems integrated with HubSpot would use.

Names and types follow the connector's schema (Fivetran's HubSpot ERD) and the column
lists of the public fivetran/dbt_hubspot package (macros/staging/get_*_columns.sql):
ids are BIGINT (stage and pipeline ids text), every HubSpot property is a
`property_<name>` column, timestamps are UTC, numbers DOUBLE.

Ids. HubSpot numbers every record, so the story's ids become numbers (hubspot_id): the digits
of the contract id (OPP-0082 -> deal 82, ACC-0011 -> company 11, CON-00012 -> contact 12,
ACT-000001 -> engagement 1, U006 -> owner 6, T01 -> team 1). A lead is a HubSpot contact
too, numbered LEAD_OFFSET + its digits; the records HubSpot adds (a merged-away copy, an
e-mail reply) are numbered EXTRA_OFFSET + the digits of their record. Staging keeps
HubSpot's ids (a refused record must be found in HubSpot); the mapping seeds give owners
and teams the ids quotas and targets use (seeds/hubspot/hubspot__owners.csv,
hubspot__teams.csv); `contract_id` reads a HubSpot record id back as the story's.

How the story becomes HubSpot (docs: models/staging/hubspot/_hubspot__docs.md):
- users -> owner (names and e-mail), owner_team; teams -> team;
- accounts -> company (custom property `segment`; country as its ISO code); the re-synced
  copy of an account becomes a company merged into it (property_hs_merged_object_ids);
- contacts -> contact; each lead -> a contact of its own with its lifecycle in
  contact_property_history (lifecyclestage lead / marketingqualifiedlead /
  salesqualifiedlead, hs_lead_status UNQUALIFIED) and property_hs_analytics_source;
- opportunities -> deal, deal_company, deal_contact (the deal's lead); the older copy of
  a re-synced deal -> a deal merged into it (merged_deal); opportunity_stage_history ->
  deal_stage; pipeline_stages -> deal_pipeline, deal_pipeline_stage (one pipeline);
- activities -> engagement and engagement_call / _email / _meeting (demos are meetings
  of type Demo) / _communication (LinkedIn messages) / _task (LinkedIn profile visits,
  Sales Navigator tasks), with engagement_contact / _company / _deal; a replied e-mail
  gets its reply, an incoming e-mail in the same thread.

What HubSpot cannot carry, and what the writer does instead (each named in
python_tests/test_crm_shapes.py and the docs): an activity without id (HubSpot numbers
every engagement: left out); a `fax` (no such activity: a communication on channel FAX,
which no seed maps); unreadable values (HubSpot types every property: the lead's
unreadable creation time lands null, the deal's amount "12,5k" lands as 12500 without
its currency, refused as an amount that cannot be valued); a LinkedIn message's reply or
bounce (a communication has no outcome: all "sent"); a user's role, manager, hire and
termination dates, a team's region (mapping seeds: role, region); a closed deal's forecast
close date (HubSpot's closedate becomes the actual close date).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

from . import Written
from .contract_csv import load_contract_csvs, write_csv  # noqa: F401 (load_contract_csvs: for the callers)

LEAD_OFFSET = 10_000_000   # contact id of LEAD-n: LEAD_OFFSET + n
EXTRA_OFFSET = 20_000_000  # a record HubSpot adds: EXTRA_OFFSET + the digits of its record
PORTAL_ID = 7_654_321
SYNCED = "2026-01-01 02:00:00"  # _fivetran_synced of every row

# The contract tables HubSpot does not hold: written in the contract's shape under contract/.
NON_CRM_TABLES = ("subscriptions", "quotas", "acquisition_costs", "nps_responses", "exchange_rates")

# HubSpot's default call dispositions (fixed GUIDs) and the demo portal's custom one.
CALL_DISPOSITIONS = {
    "connected": "f240bbac-87c9-4f6e-bf70-924b57d47db7",
    "no_answer": "73a0d17f-1163-4015-bdd5-ec830791da20",
    "voicemail": "b2cf5968-551e-4856-9783-52b3da59a7d0",
    "meeting_booked": "5a1d3c7e-8b2f-4e61-9c0d-3f7a9b1e2d44",  # custom: "Meeting booked"
}
MEETING_OUTCOMES = {"completed": "COMPLETED", "no_show": "NO_SHOW", "cancelled": "CANCELED"}
ANALYTICS_SOURCES = {  # source_channel -> (hs_analytics_source, hs_analytics_source_data_1)
    "inbound": ("ORGANIC_SEARCH", "google"),
    "paid_ads": ("PAID_SEARCH", "google"),
    "linkedin": ("SOCIAL_MEDIA", "LinkedIn"),
    "referral": ("REFERRALS", "customer-referral.example"),
    "partner": ("OTHER_CAMPAIGNS", "partner-program"),
    "event": ("OFFLINE", "IMPORT"),
    "outbound": ("OFFLINE", "CRM_UI"),
}
DEAL_TYPES = {"new_business": "newbusiness", "upsell": "upsell", "cross_sell": "crosssell", "renewal": "renewal"}
FORECAST = {"pipeline": "PIPELINE", "best_case": "BEST_CASE", "commit": "COMMIT", "omitted": "OMIT",
            "closed": "CLOSED"}
PIPELINE_ID = "default"

B, T, S, D, L = "BIGINT", "TIMESTAMP", "VARCHAR", "DOUBLE", "BOOLEAN"
_ENGAGEMENT = [("engagement_id", B), ("type", S), ("_fivetran_deleted", L), ("_fivetran_synced", T),
               ("property_hs_timestamp", T), ("property_hs_createdate", T), ("property_hubspot_owner_id", B)]
# every connector table written: its columns and their warehouse types, in order
TABLES: dict[str, list[tuple[str, str]]] = {
    "owner": [("owner_id", B), ("portal_id", B), ("type", S), ("first_name", S), ("last_name", S), ("email", S),
              ("active_user_id", B), ("is_active", L), ("created_at", T), ("updated_at", T),
              ("_fivetran_synced", T)],
    "team": [("id", B), ("name", S), ("_fivetran_synced", T)],
    "owner_team": [("owner_id", B), ("team_id", B), ("is_team_primary", L), ("_fivetran_synced", T)],
    "company": [("id", B), ("portal_id", B), ("is_deleted", L), ("_fivetran_deleted", L), ("_fivetran_synced", T),
                ("property_name", S), ("property_industry", S), ("property_segment", S), ("property_country", S),
                ("property_numberofemployees", B), ("property_hubspot_owner_id", B), ("property_createdate", T),
                ("property_hs_lastmodifieddate", T), ("property_hs_merged_object_ids", S)],
    "contact": [("id", B), ("_fivetran_deleted", L), ("_fivetran_synced", T), ("property_firstname", S),
                ("property_lastname", S), ("property_email", S), ("property_phone", S), ("property_jobtitle", S),
                ("property_associatedcompanyid", B), ("property_hubspot_owner_id", B), ("property_createdate", T),
                ("property_lastmodifieddate", T), ("property_lifecyclestage", S),
                ("property_hs_lifecyclestage_lead_date", T),
                ("property_hs_lifecyclestage_marketingqualifiedlead_date", T),
                ("property_hs_lifecyclestage_salesqualifiedlead_date", T), ("property_hs_lead_status", S),
                ("property_hs_analytics_source", S), ("property_hs_analytics_source_data_1", S)],
    "contact_property_history": [("contact_id", B), ("name", S), ("value", S), ("timestamp", T), ("source", S),
                                 ("source_id", S), ("_fivetran_synced", T)],
    "deal": [("deal_id", B), ("portal_id", B), ("deal_pipeline_id", S), ("deal_pipeline_stage_id", S),
             ("owner_id", B), ("is_deleted", L), ("_fivetran_deleted", L), ("_fivetran_synced", T),
             ("property_dealname", S), ("property_dealtype", S), ("property_pipeline", S), ("property_dealstage", S),
             ("property_amount", D), ("property_amount_in_home_currency", D), ("property_deal_currency_code", S),
             ("property_closedate", T), ("property_createdate", T), ("property_hs_lastmodifieddate", T),
             ("property_hs_is_closed", L), ("property_hs_is_closed_won", L), ("property_hs_forecast_probability", D),
             ("property_hs_manual_forecast_category", S), ("property_closed_lost_reason", S),
             ("property_hubspot_owner_id", B)],
    "deal_company": [("deal_id", B), ("company_id", B), ("type_id", B), ("category", S), ("_fivetran_synced", T)],
    "deal_contact": [("deal_id", B), ("contact_id", B), ("type_id", B), ("category", S), ("_fivetran_synced", T)],
    "merged_deal": [("deal_id", B), ("merged_deal_id", B), ("_fivetran_synced", T)],
    "deal_stage": [("deal_id", B), ("date_entered", T), ("value", S), ("source", S), ("source_id", S),
                   ("_fivetran_start", T), ("_fivetran_end", T), ("_fivetran_active", L), ("_fivetran_synced", T)],
    "deal_pipeline": [("pipeline_id", S), ("label", S), ("display_order", B), ("active", L), ("_fivetran_deleted", L),
                      ("created_at", T), ("updated_at", T), ("_fivetran_synced", T)],
    "deal_pipeline_stage": [("stage_id", S), ("pipeline_id", S), ("label", S), ("display_order", B),
                            ("probability", D), ("is_closed", L), ("closed_won", L), ("active", L),
                            ("_fivetran_deleted", L), ("created_at", T), ("updated_at", T), ("_fivetran_synced", T)],
    "engagement": [("id", B), ("portal_id", B), ("type", S), ("owner_id", B), ("_fivetran_synced", T)],
    "engagement_call": _ENGAGEMENT + [("property_hs_call_direction", S), ("property_hs_call_disposition", S),
                                      ("property_hs_call_duration", B)],
    "engagement_email": _ENGAGEMENT + [("property_hs_email_direction", S), ("property_hs_email_status", S),
                                       ("property_hs_email_thread_id", S)],
    "engagement_meeting": _ENGAGEMENT + [("property_hs_activity_type", S), ("property_hs_meeting_outcome", S),
                                         ("property_hs_meeting_start_time", T), ("property_hs_meeting_end_time", T)],
    "engagement_communication": _ENGAGEMENT + [("property_hs_communication_channel_type", S)],
    "engagement_task": _ENGAGEMENT + [("property_hs_task_type", S), ("property_hs_task_status", S)],
    "engagement_contact": [("engagement_id", B), ("contact_id", B), ("category", S), ("_fivetran_synced", T)],
    "engagement_company": [("engagement_id", B), ("company_id", B), ("category", S), ("_fivetran_synced", T)],
    "engagement_deal": [("engagement_id", B), ("deal_id", B), ("category", S), ("_fivetran_synced", T)],
}

_PATTERNS = {"accounts": "ACC-{:04d}", "contacts": "CON-{:05d}", "leads": "LEAD-{:05d}",
             "opportunities": "OPP-{:04d}", "activities": "ACT-{:06d}", "users": "U{:03d}", "teams": "T{:02d}"}


def digits(contract_id: str) -> int:
    """The number in a contract id (OPP-0082 -> 82); ValueError when there is none."""
    found = re.sub(r"\D", "", contract_id or "")
    if not found:
        raise ValueError(f"no number in id {contract_id!r}")
    return int(found)


def hubspot_id(kind: str, contract_id: str) -> str:
    """The HubSpot id (as text) of a story record: kind is a contract table; '' for ''."""
    if not contract_id:
        return ""
    return str(digits(contract_id) + (LEAD_OFFSET if kind == "leads" else 0))


def contract_id(table: str, record_id: str | None) -> str | None:
    """A staged HubSpot record id read back as the story's contract id (the quarantine's
    record_id of `table`); stage-history keys are (deal id|stage|entered_at)."""
    if record_id is None:
        return None
    if table == "opportunity_stage_history":
        deal, rest = record_id.split("|", 1)
        return f"{contract_id('opportunities', deal)}|{rest}"
    n = int(record_id)
    if table == "leads":
        n -= LEAD_OFFSET
    return _PATTERNS[table].format(n)


def _b(value: str) -> str:
    return "" if value == "" else ("true" if value == "true" else "false")


def _rows(story, name):
    cols = story.tables[name].columns
    for row in story.tables[name].rows():
        yield dict(zip(cols, row))


def _later(ts: str, seconds: int) -> str:
    return (datetime.fromisoformat(ts) + timedelta(seconds=seconds)).isoformat(" ")


class HubspotWriter:
    name = "hubspot"

    def write(self, story, out_dir: Path) -> list[Written]:
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        tables: dict[str, list[list[str]]] = {name: [] for name in TABLES}
        self._org(story, tables)
        self._companies(story, tables)
        self._contacts_and_leads(story, tables)
        self._deals(story, tables)
        self._engagements(story, tables)
        written = []
        for name, columns in TABLES.items():
            path = out_dir / f"{name}.csv"
            written.append(Written(path, name, write_csv(path, [c for c, _ in columns], tables[name])))
        written += self._non_crm(story, out_dir / "contract")
        return written

    # ---- owners and teams ----------------------------------------------------------------
    def _org(self, story, t):
        users = {u["user_id"]: u for u in _rows(story, "users")}
        for u in story.users():
            row = users[u.user_id]
            oid = hubspot_id("users", u.user_id)
            t["owner"].append([oid, str(PORTAL_ID), "PERSON", u.first_name, u.last_name, u.email,
                               str(digits(u.user_id) + 900_000), "false" if u.terminated_on else "true",
                               row["updated_at"], row["updated_at"], SYNCED])
            t["owner_team"].append([oid, hubspot_id("teams", u.team_id), "true", SYNCED])
        for team in _rows(story, "teams"):
            t["team"].append([hubspot_id("teams", team["team_id"]), team["team_name"], SYNCED])

    # ---- companies -----------------------------------------------------------------------
    def _companies(self, story, t):
        seen: dict[str, list] = {}
        for a in _rows(story, "accounts"):
            cid = hubspot_id("accounts", a["account_id"])
            row = [cid, str(PORTAL_ID), _b(a["is_deleted"]), "false", SYNCED, a["account_name"], a["industry"],
                   a["segment"], a["country_code"], a["employee_count"], hubspot_id("users", a["owner_id"]),
                   a["created_at"], a["updated_at"], ""]
            if cid in seen:  # a re-synced copy: in HubSpot, a company merged into the record
                row[0] = str(EXTRA_OFFSET + int(cid))
                seen[cid][-1] = row[0]
            else:
                seen[cid] = row
            t["company"].append(row)

    # ---- contacts and leads ---------------------------------------------------------------
    def _contacts_and_leads(self, story, t):
        for c in _rows(story, "contacts"):
            t["contact"].append([hubspot_id("contacts", c["contact_id"]), _b(c["is_deleted"]), SYNCED,
                                 c["first_name"], c["last_name"], c["email"], c["phone"], c["job_title"],
                                 hubspot_id("accounts", c["account_id"]), "", c["created_at"], c["updated_at"],
                                 "customer", "", "", "", "", "", ""])
        hist = t["contact_property_history"]
        for lead in _rows(story, "leads"):
            cid = hubspot_id("leads", lead["lead_id"])
            created = lead["created_at"] if _readable_ts(lead["created_at"]) else ""
            stage = ("salesqualifiedlead" if lead["sql_at"] else
                     "marketingqualifiedlead" if lead["mql_at"] else "lead")
            source, data_1 = ANALYTICS_SOURCES[lead["source_channel"]]
            t["contact"].append([cid, _b(lead["is_deleted"]), SYNCED, "", "", "", "", "",
                                 hubspot_id("accounts", lead["account_id"]), hubspot_id("users", lead["owner_id"]),
                                 created, lead["updated_at"], stage, created, lead["mql_at"], lead["sql_at"],
                                 "UNQUALIFIED" if lead["disqualified_at"] else "", source, data_1])
            for name, value, at in (("lifecyclestage", "lead", created),
                                    ("lifecyclestage", "marketingqualifiedlead", lead["mql_at"]),
                                    ("lifecyclestage", "salesqualifiedlead", lead["sql_at"]),
                                    ("hs_lead_status", "UNQUALIFIED", lead["disqualified_at"])):
                if at:
                    hist.append([cid, name, value, at, "CRM_UI", "", SYNCED])

    # ---- deals ------------------------------------------------------------------------------
    def _deals(self, story, t):
        stages = list(_rows(story, "pipeline_stages"))
        t["deal_pipeline"].append([PIPELINE_ID, "Sales Pipeline", "0", "true", "false",
                                   "2024-01-01 00:00:00", "2024-01-01 00:00:00", SYNCED])
        for s in stages:
            t["deal_pipeline_stage"].append([s["stage_name"], PIPELINE_ID, s["stage_name"].replace("_", " ").title(),
                                             str(int(s["stage_order"]) - 1), str(int(s["default_probability"]) / 100),
                                             s["is_closed"], s["is_won"], "true", "false",
                                             "2024-01-01 00:00:00", "2024-01-01 00:00:00", SYNCED])
        closed = {s["stage_name"]: s["is_closed"] == "true" for s in stages}
        won = {s["stage_name"]: s["is_won"] == "true" for s in stages}
        copies: dict[str, list] = {}
        for o in _rows(story, "opportunities"):
            did = hubspot_id("opportunities", o["opportunity_id"])
            amount, currency = o["amount"], o["currency_code"]
            home_amount = ""
            if amount and not _readable_number(amount):  # "12,5k": HubSpot types it; no currency
                amount, currency = str(float(amount.lower().replace(",", ".").replace("k", "")) * 1000), ""
                home_amount = amount
            stage = o["stage_name"]
            close = o["closed_at"] if closed.get(stage) else o["expected_close_date"] and o["expected_close_date"] + " 00:00:00"
            probability = str(float(o["probability"]) / 100) if o["probability"] else ""
            row = [did, str(PORTAL_ID), PIPELINE_ID, stage, hubspot_id("users", o["owner_id"]), _b(o["is_deleted"]),
                   "false", SYNCED, f"Deal {did}", DEAL_TYPES[o["opportunity_type"]], PIPELINE_ID, stage, amount,
                   home_amount, currency, close or "", o["created_at"], o["updated_at"],
                   "true" if closed.get(stage) else "false", "true" if won.get(stage) else "false", probability,
                   FORECAST[o["forecast_category"]], o["lost_reason"], hubspot_id("users", o["owner_id"])]
            copies.setdefault(did, []).append((o["updated_at"], row, o))
        for did, versions in copies.items():
            versions.sort(key=lambda v: v[0], reverse=True)
            for rank, (_, row, o) in enumerate(versions):
                if rank:  # an older copy: a deal merged into the latest one
                    row[0] = str(EXTRA_OFFSET * rank + int(did))
                    t["merged_deal"].append([did, row[0], SYNCED])
                    t["deal"].append(row)
                    continue
                t["deal"].append(row)
                if o["account_id"]:
                    t["deal_company"].append([did, hubspot_id("accounts", o["account_id"]), "5", "HUBSPOT_DEFINED",
                                              SYNCED])
                if o["lead_id"]:
                    t["deal_contact"].append([did, hubspot_id("leads", o["lead_id"]), "3", "HUBSPOT_DEFINED", SYNCED])
        history: dict[str, list] = {}
        for h in _rows(story, "opportunity_stage_history"):
            history.setdefault(h["opportunity_id"], []).append(h)
        for opp_id, entries in history.items():
            entries.sort(key=lambda h: h["entered_at"])
            for i, h in enumerate(entries):
                end = entries[i + 1]["entered_at"] if i + 1 < len(entries) else "9999-12-31 23:59:59"
                t["deal_stage"].append([hubspot_id("opportunities", opp_id), h["entered_at"], h["stage_name"],
                                        "CRM_UI", "", h["entered_at"], end, "true" if i + 1 == len(entries) else "false",
                                        SYNCED])

    # ---- engagements -------------------------------------------------------------------------
    def _engagements(self, story, t):
        for a in _rows(story, "activities"):
            if not a["activity_id"]:  # HubSpot numbers every engagement: none without an id
                continue
            eid = hubspot_id("activities", a["activity_id"])
            kind, at, owner = a["activity_type"], a["occurred_at"], hubspot_id("users", a["user_id"])
            base = [eid, None, "true" if a["is_deleted"] == "true" else "false", SYNCED, at, at, owner]
            if kind == "call":
                base[1] = "CALL"
                duration = str(int(a["duration_seconds"]) * 1000) if a["duration_seconds"] else ""
                t["engagement_call"].append(base + [a["direction"].upper(), CALL_DISPOSITIONS[a["outcome"]], duration])
            elif kind == "email":
                inbound = a["direction"] == "inbound"
                base[1] = "INCOMING_EMAIL" if inbound else "EMAIL"
                thread = f"thread-{eid}"
                status = "BOUNCED" if a["outcome"] == "bounced" else "SENT"
                t["engagement_email"].append(base + ["INCOMING_EMAIL" if inbound else "EMAIL", status, thread])
                if a["outcome"] == "replied":  # the reply: an incoming e-mail in the same thread
                    reply = str(EXTRA_OFFSET + int(eid))
                    t["engagement_email"].append([reply, "INCOMING_EMAIL", base[2], SYNCED, _later(at, 3 * 3600),
                                                  _later(at, 3 * 3600), owner, "INCOMING_EMAIL", "SENT", thread])
                    t["engagement"].append([reply, str(PORTAL_ID), "INCOMING_EMAIL", "", SYNCED])
                    self._links(t, reply, a)
            elif kind in ("meeting", "demo"):
                base[1] = "MEETING"
                end = _later(at, int(a["duration_seconds"])) if a["duration_seconds"] else ""
                t["engagement_meeting"].append(base + ["Demo" if kind == "demo" else "",
                                                       MEETING_OUTCOMES[a["outcome"]], at, end])
            elif kind == "linkedin_message":
                base[1] = "COMMUNICATION"
                t["engagement_communication"].append(base + ["LINKEDIN_MESSAGE"])
            elif kind == "linkedin_visit":
                base[1] = "TASK"
                t["engagement_task"].append(base + ["LINKED_IN", "COMPLETED"])
            else:  # no such activity in HubSpot (the fax): a communication on a channel no seed maps
                base[1] = "COMMUNICATION"
                t["engagement_communication"].append(base + [kind.upper()])
            t["engagement"].append([eid, str(PORTAL_ID), base[1], "", SYNCED])
            self._links(t, eid, a)

    @staticmethod
    def _links(t, eid, a):
        for table, kind, column in (("engagement_contact", "leads", "lead_id"),
                                    ("engagement_contact", "contacts", "contact_id"),
                                    ("engagement_company", "accounts", "account_id"),
                                    ("engagement_deal", "opportunities", "opportunity_id")):
            if a[column]:
                t[table].append([eid, hubspot_id(kind, a[column]), "HUBSPOT_DEFINED", SYNCED])

    # ---- what HubSpot does not hold -------------------------------------------------------
    def _non_crm(self, story, out_dir: Path) -> list[Written]:
        out_dir.mkdir(parents=True, exist_ok=True)
        ids = {"account_id": "accounts", "opportunity_id": "opportunities", "contact_id": "contacts"}
        written = []
        for name in NON_CRM_TABLES:
            columns = story.tables[name].columns
            rows = ([hubspot_id(ids[c], v) if c in ids else v for c, v in zip(columns, row)]
                    for row in story.tables[name].rows())
            path = out_dir / f"{name}.csv"
            written.append(Written(path, name, write_csv(path, columns, rows)))
        return written


def _readable_ts(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
        return True
    except ValueError:
        return False


def _readable_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def load_duckdb(folder: Path, con, schema: str) -> None:
    """Create schema.<table> for every connector table written in `folder`, typed as the
    connector lands it (TABLES), from its CSV."""
    con.execute(f'create schema if not exists "{schema}"')
    for name, columns in TABLES.items():
        types = "{" + ", ".join(f"'{c}': '{ty}'" for c, ty in columns) + "}"
        path = str(Path(folder) / f"{name}.csv").replace("'", "''")
        con.execute(f'create or replace table "{schema}"."{name}" as select * from read_csv('
                    f"'{path}', header = true, auto_detect = false, columns = {types}, "
                    f"timestampformat = '%Y-%m-%d %H:%M:%S')")
