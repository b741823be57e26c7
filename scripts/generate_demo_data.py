"""Deterministic demo CRM export for sales_kpis: writes seeds/crm/<table>.csv.

    python scripts/generate_demo_data.py [--seed 42] [--scale 1.0] [--out seeds/crm]

Standard library only. Every table of ../shared/spec/raw_crm_contract.md gets one CSV whose
header is exactly the contract's columns in the contract's order. The same --seed and
--scale give byte-identical files: every section draws from its own random.Random seeded
with "<seed>:<section>", nothing reads the wall clock, rows are written in id order with
"\n" line ends. --scale multiplies the volumes (leads, accounts, contacts, opportunities,
activities, imported customers, NPS answers); the 3 teams and 22 users stay as they are.

Formats: empty field = null; booleans true/false; timestamps "YYYY-MM-DD HH:MM:SS" (UTC);
dates "YYYY-MM-DD"; amounts with a dot and 2 decimals, exchange rates with 6. Names,
e-mails (*.example domains) and phone numbers (ranges reserved for fiction, e.g.
+44 20 7946 0xxx, +1 202-555-01xx, +33 1 99 00 xx xx) are invented.

The story (2024-01-01 .. 2025-12-31; no event timestamp outside these two years)
-------------------------------------------------------------------------------
Brightlane, a B2B SaaS vendor, moves to a new CRM on 1 January 2024.

* Go-live. The customers it already had are imported at 2024-01-01 06:00 (accounts,
  1-3 contacts each, subscriptions started_on 2024-01-01 with no opportunity_id), so that
  churn and retention are meaningful from the first month. Deals that were already open
  are imported on 2024-01-02 07:00 as new_business opportunities without a lead.
* Teams. T01 France (FR/BE/LU), T02 DACH (DE/AT/CH), T03 UK&I (GB/IE/US); each has a
  manager (manager_id null), 2-3 SDRs and 3-4 AEs whose manager_id is the team manager.
  Quotas and sales costs are in GBP for UK&I, EUR otherwise. U006 (Camille Laurent,
  France) is the star closer; U014 (Tobias Krüger, DACH) is the weak AE: he leaves
  (terminated_on 2025-06-30) and his book is handed over to his DACH colleagues
  (accounts.owner_id is the current owner; deals open on 2025-07-01 change owner).
  U022 (Daniel Okafor, UK&I) is hired on 2024-07-01, takes over about 30 % of the UK&I
  non-enterprise accounts that day and has ramped quotas (40/60/80 %) for 3 months.
  Junior AEs (U014, U022) get no enterprise account.
* Leads (~4000 at scale 1): seven source channels; volume grows ~25 % over the two years,
  peaks in Q1 and in the autumn, dips in August (and December); event leads spike in
  March, June and October (trade shows). Owner = an SDR of the team. Inbound, paid_ads,
  event, referral and partner leads usually become MQL (form fill / scoring, minutes to
  days later); outbound leads rarely do and go straight to SQL when they qualify. sql_at
  is after mql_at when both exist; about half of the leads that do not qualify get
  disqualified_at. A lead that qualifies always has an account; others often have only a
  contact without account, or no contact at all. mql_at / sql_at are never before
  created_at, except defect 6.
* Opportunities (~1000 at scale 1). new_business from SQL leads (lead_id, sdr_id = the
  lead owner, account = the lead's account, created 0-2.5 days after sql_at), at most
  one open new_business deal per account, none on an account already won. Customers get
  upsell / cross_sell deals and, on annual contracts, a renewal deal ~2 months before each
  anniversary (lead_id and sdr_id null). Every fifth customer that churned before June
  2025 gets a win-back new_business deal without lead, most of them won (reactivation).
  owner_id = the account's AE at close (or on 2025-12-31 when open). Win rate ~30 % overall: referral converts best, paid_ads
  worst; enterprise deals are bigger, slower (4-6 months) and harder; the AE effect is
  spread evenly over each rep's deals (error diffusion), so the strong and the weak rep
  show. Amounts are annual contract values in the account's currency (GB -> GBP,
  US -> USD, else EUR); a few won deals have no amount (billing still knows the MRR).
  probability is null except on about a third of the open deals; forecast_category is
  closed for closed deals, pipeline / best_case / commit / omitted by stage for open ones.
  Lost deals carry a lost_reason. 80-100 deals are still open on 2025-12-31, mostly with
  an expected_close_date in 2026, some overdue in 2025 (stalled).
* opportunity_stage_history: each deal starts in prospecting at its created_at, moves
  forward (some skip a stage, a few step back one stage and move on), lost deals drop out
  at various stages, closed deals end with closed_won / closed_lost entered exactly at
  closed_at; the last entry is the current stage_name; no two entries of a deal share an
  instant.
* Subscriptions: a won new_business deal starts a core subscription 0-14 days after the
  close (mrr = amount / 12); a won upsell / cross_sell adds one (expansion); a won
  renewal replaces the core subscription on the anniversary at the new price (+0-6 %, or
  -12..-30 % for a downgrade: contraction); a lost renewal ends every subscription of the
  account on the anniversary (churn, possibly a planned end in 2026); monthly-contract
  SMB customers churn at ~2 %/month or downgrade (the old subscription ends and a cheaper
  one starts the same day, no opportunity). ended_on is the first day without service.
* Q3 2025 is the weak quarter: an outage in July freezes budgets. Half of the deals that
  would have been won that quarter are lost (lost_reason budget_freeze), 15 % slip to
  Q4; renewals are lost too, so churn spikes in August; NPS falls to about 0 (it is
  +20..+40 otherwise); most reps miss quota.
* Activities (~30000 at scale 1): SDRs call, e-mail and touch leads on LinkedIn from the
  lead's creation to its SQL / disqualification (e-mail reply rate 5-15 % and call ->
  meeting 2-8 %, depending on the rep); AEs hold discovery meetings and demos, call and
  e-mail on their deals and check in with their customers; some inbound e-mails and
  calls. Outcomes come from the contract's list for each type; calls and meetings carry
  duration_seconds when they happened.
* Quotas: one row per AE and month employed (2024-01 .. 2025-12), set from the team's
  run rate (75 % of the average won revenue per AE-month outside Q1 2024 and Q3 2025),
  rising from 80 % to 129 % of it over the eight quarters.
* Acquisition costs: monthly marketing spend per channel (ads: paid_ads, linkedin;
  content: inbound, partner, referral; events: event, plus a London show in GBP in March,
  June and October) and marketing tools without channel (EUR, and one USD tool); sales
  salaries and commissions per team (GBP for UK&I), sales tools (CRM seats in USD).
* NPS: ~350 answers from accounts with an active subscription on the day, mostly with a
  contact of the account.
* Exchange rates: USD -> EUR (0.90-0.95) and GBP -> EUR (1.15-1.20) for every month
  2024-01 .. 2025-12, drifting slowly. Every non-EUR amount has its rate; no defect here.

Deliberate defects (ids of the default run, --seed 42 --scale 1.0; rule numbers of
../shared/spec/data_quality.md). They are quarantined, counted as deleted or warned,
never fatal, and they feed nothing else: no subscription, activity, cost or quota comes
from a defective opportunity, and the defective leads have no activity and no deal.
 1. Re-sync duplicates (rule 2, `duplicate`): OPP-0082 is delivered twice; the older copy
    (updated_at 2024-05-14, stage negotiation, amount 66600.00 USD, no closed_at) loses
    to the later one (closed_won, 74000.00 USD). ACC-0011 is delivered twice as an
    identical copy.
 2. Soft deletes (rule 1, `is_deleted = true`): lead LEAD-01886, opportunity OPP-0561 (a
    lost deal; its stage history stays and becomes `orphan_history` by rule 11),
    activity ACT-010848, account ACC-0487 (a hand-typed duplicate of a prospect,
    referenced by nothing).
 3. Orphan activity (rule 9, kept, user shown as unknown): ACT-016031 by user U999, who
    is not in users.
 4. Negative amount (rule 6, `out_of_range`): OPP-0159 (-147000.00).
 5. Unreadable values (rule 4, `invalid_value`): OPP-0379 has amount "12,5k"; LEAD-00675
    has created_at "2024-13-45 14:11:51".
 6. mql_at before created_at (rule 7, `inconsistent_dates`): LEAD-01183.
 7. Closed without close date (rule 8, `missing_close_date`): OPP-0723 is closed_lost
    with an empty closed_at.
 8. Orphan stage history (rule 11, `orphan_history`): one row for OPP-0000, an id that no
    opportunity has. (The histories of OPP-0561, OPP-0159, OPP-0379 and OPP-0723 are
    quarantined the same way, because their opportunities are not staged.)
 9. Activities (rule 3 `missing_id`, rule 5 `invalid_value`): a call with an empty
    activity_id (U004, 2025-05-05 14:46:20, LEAD-02645) and ACT-006864 with
    activity_type "fax".
Other seeds pick the defective records by the same rules (the run prints their ids); for
the default run the script checks that they are still the ones listed here.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import random
import sys
import time as _time
import unicodedata
from datetime import date, datetime, time, timedelta

# --------------------------------------------------------------------------------------
# Calendar
# --------------------------------------------------------------------------------------

START = datetime(2024, 1, 1)
END = datetime(2025, 12, 31, 23, 59, 59)
FIRST_DAY = START.date()
LAST_DAY = END.date()
MONTHS = [date(y, m, 1) for y in (2024, 2025) for m in range(1, 13)]
WEAK_QUARTER = (date(2025, 7, 1), date(2025, 10, 1))  # Q3 2025: the outage quarter
LAST_MONTH_FOR_RENEWALS = date(2026, 1, 1)  # renewals of early-2026 anniversaries start in 2025

GO_LIVE_PIPELINE = datetime(2024, 1, 2, 7, 0, 0)  # open deals imported the day after go-live

SEASON = {1: 1.15, 2: 1.10, 3: 1.20, 4: 1.00, 5: 0.95, 6: 0.95,
          7: 0.80, 8: 0.50, 9: 1.15, 10: 1.25, 11: 1.15, 12: 0.75}


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def month_of(t) -> date:
    return date(t.year, t.month, 1)


def in_weak_quarter(t) -> bool:
    d = t.date() if isinstance(t, datetime) else t
    return WEAK_QUARTER[0] <= d < WEAK_QUARTER[1]


def add_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


HOLIDAYS = {(1, 1), (12, 25), (12, 26)}  # nobody works on these days (all teams)


def work_dt(rng: random.Random, day: date) -> datetime:
    """A timestamp during office hours (UTC) on `day`, moved to Monday if a weekend."""
    while day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
        day += timedelta(days=1)
    secs = int(rng.triangular(7.5 * 3600, 18.5 * 3600, 12.5 * 3600))
    return datetime.combine(day, time()) + timedelta(seconds=secs)


def work_after(rng: random.Random, t: datetime, lo_days: float, hi_days: float) -> datetime:
    """An office-hours timestamp lo..hi days after t, always strictly after t."""
    dt = work_dt(rng, (t + timedelta(days=rng.uniform(lo_days, hi_days))).date())
    if dt <= t:
        dt = t + timedelta(minutes=rng.randint(5, 240), seconds=rng.randint(0, 59))
    return dt


def spread(rng: random.Random, a: datetime, b: datetime, k: int) -> list[datetime]:
    """k distinct increasing timestamps strictly between a and b (whole seconds)."""
    total = int((b - a).total_seconds())
    if k <= 0:
        return []
    if total <= k + 1:
        raise ValueError("interval too short")
    return [a + timedelta(seconds=s) for s in sorted(rng.sample(range(1, total), k))]


def clamp_end(t: datetime) -> datetime:
    return END if t > END else t


# --------------------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------------------

def f_ts(t) -> str:
    return "" if t is None else t.strftime("%Y-%m-%d %H:%M:%S")


def f_date(d) -> str:
    return "" if d is None else d.strftime("%Y-%m-%d")


def f_money(x) -> str:
    return "" if x is None else f"{x:.2f}"


def f_bool(b: bool) -> str:
    return "true" if b else "false"


def f_num(x) -> str:
    if x is None:
        return ""
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.2f}"


def ascii_slug(s: str, sep: str = ".") -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    out, prev = [], False
    for ch in s.lower():
        if ch.isalnum():
            out.append(ch)
            prev = False
        elif not prev and out:
            out.append(sep)
            prev = True
    return "".join(out).strip(sep)


# --------------------------------------------------------------------------------------
# The company
# --------------------------------------------------------------------------------------

COMPANY_DOMAIN = "brightlane.example"

TEAMS = [
    # team_id, team_name, region, quota/cost currency, (country, weight) ..., share of leads
    ("T01", "France", "France & Benelux", "EUR", [("FR", .80), ("BE", .15), ("LU", .05)], .38),
    ("T02", "DACH", "Germany, Austria & Switzerland", "EUR", [("DE", .70), ("AT", .15), ("CH", .15)], .30),
    ("T03", "UK&I", "UK, Ireland & North America", "GBP", [("GB", .70), ("IE", .15), ("US", .15)], .32),
]
TEAM_CURRENCY = {t[0]: t[3] for t in TEAMS}

USERS = [
    # user_id, first, last, role, team, hired_on, terminated_on
    ("U001", "Claire", "Dubois", "manager", "T01", "2019-03-04", None),
    ("U002", "Hugo", "Lefèvre", "sdr", "T01", "2022-09-05", None),
    ("U003", "Inès", "Moreau", "sdr", "T01", "2023-02-01", None),
    ("U004", "Lucas", "Bernard", "sdr", "T01", "2023-06-12", None),
    ("U005", "Julien", "Petit", "ae", "T01", "2020-01-06", None),
    ("U006", "Camille", "Laurent", "ae", "T01", "2019-09-02", None),   # the star closer
    ("U007", "Sarah", "Garnier", "ae", "T01", "2021-04-12", None),
    ("U008", "Thomas", "Roux", "ae", "T01", "2022-11-07", None),
    ("U009", "Katrin", "Vogel", "manager", "T02", "2020-05-04", None),
    ("U010", "Jonas", "Becker", "sdr", "T02", "2022-03-01", None),
    ("U011", "Lea", "Hoffmann", "sdr", "T02", "2023-01-09", None),
    ("U012", "Felix", "Wagner", "ae", "T02", "2020-08-03", None),
    ("U013", "Miriam", "Schulz", "ae", "T02", "2021-10-01", None),
    ("U014", "Tobias", "Krüger", "ae", "T02", "2023-03-01", "2025-06-30"),  # weak, leaves
    ("U015", "Anna", "Richter", "ae", "T02", "2022-06-01", None),
    ("U016", "Fiona", "Campbell", "manager", "T03", "2019-11-18", None),
    ("U017", "Oliver", "Hughes", "sdr", "T03", "2022-10-03", None),
    ("U018", "Priya", "Patel", "sdr", "T03", "2023-04-17", None),
    ("U019", "Conor", "Byrne", "sdr", "T03", "2023-08-21", None),
    ("U020", "James", "Whitfield", "ae", "T03", "2020-02-10", None),
    ("U021", "Emily", "Carter", "ae", "T03", "2021-07-05", None),
    ("U022", "Daniel", "Okafor", "ae", "T03", "2024-07-01", None),    # hired mid-2024
]
LEAVER = "U014"
LEAVER_LAST_DAY = date(2025, 6, 30)
HANDOVER_AT = datetime(2025, 7, 1, 8, 30, 0)
NEW_HIRE = "U022"
NEW_HIRE_SPLIT_AT = datetime(2024, 7, 1, 8, 0, 0)  # part of the UK&I book moves to the new hire

# win-probability multiplier of each AE
AE_SKILL = {"U005": 1.0, "U006": 1.6, "U007": 0.95, "U008": 1.05, "U012": 1.05, "U013": 1.0,
            "U014": 0.45, "U015": 0.95, "U020": 1.1, "U021": 0.95, "U022": 0.85}
# SDR: (email reply rate, call -> meeting booked rate, SQL multiplier)
SDR_PROFILE = {"U002": (.12, .030, 1.05), "U003": (.08, .020, 1.0), "U004": (.05, .008, 0.85),
               "U010": (.11, .035, 1.10), "U011": (.14, .025, 1.0), "U017": (.09, .018, 0.95),
               "U018": (.10, .022, 1.0), "U019": (.07, .012, 0.9)}
AE_EMAIL_REPLY = .10
QUOTA_TO_RUN_RATE = .75
AE_CALL_MEETING = .05

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
CHANNEL_WIN = {"inbound": 1.1, "outbound": .8, "linkedin": .9, "referral": 1.8,
               "event": .95, "paid_ads": .4, "partner": 1.3}
NB_BASE_WIN = .24
SEGMENTS = [("smb", .55), ("mid_market", .32), ("enterprise", .13)]
SEGMENT_WIN = {"smb": 1.05, "mid_market": 1.0, "enterprise": .8}
SEGMENT_CYCLE = {"smb": (45, 95), "mid_market": (65, 140), "enterprise": (110, 190)}
SEGMENT_ACV_EUR = {"smb": (5000, 15000, 100), "mid_market": (18000, 45000, 500),
                   "enterprise": (60000, 150000, 1000)}
SEGMENT_EMPLOYEES = {"smb": (10, 199), "mid_market": (200, 999), "enterprise": (1000, 25000)}
CORE_PRODUCT = {"smb": "Core Starter", "mid_market": "Core Growth", "enterprise": "Core Enterprise"}
ADDONS = ["Analytics Add-on", "Automation Add-on", "Premium Support"]
UPSELL_PRODUCT = "Additional Seats"
FX_APPROX = {"EUR": 1.0, "GBP": 1.17, "USD": 0.92}  # for sizing amounts only

STAGES = [  # stage_name, stage_order, default_probability, is_closed, is_won
    ("prospecting", 1, 10, False, False),
    ("qualification", 2, 20, False, False),
    ("discovery", 3, 40, False, False),
    ("proposal", 4, 60, False, False),
    ("negotiation", 5, 80, False, False),
    ("closed_won", 6, 100, True, True),
    ("closed_lost", 7, 0, True, False),
]
OPEN_STAGES = [s[0] for s in STAGES if not s[3]]
STAGE_PROB = {s[0]: s[2] for s in STAGES}

LOST_REASONS = {
    0: ["no_response", "not_a_fit", "no_budget", "timing"],
    1: ["no_budget", "not_a_fit", "timing", "no_response"],
    2: ["competitor", "no_decision", "timing", "no_budget"],
    3: ["price", "competitor", "no_decision", "timing"],
    4: ["price", "competitor", "no_decision", "legal_review"],
}
RENEWAL_LOST_REASONS = ["switched_to_competitor", "budget_cuts", "low_adoption", "company_restructuring"]

INDUSTRIES = [  # label, French word, German word, English word
    ("Software", "Logiciels", "Software", "Software"),
    ("Manufacturing", "Industrie", "Maschinenbau", "Manufacturing"),
    ("Retail", "Distribution", "Handel", "Retail"),
    ("Financial Services", "Finance", "Finanz", "Capital"),
    ("Healthcare", "Santé", "Medizintechnik", "Health"),
    ("Logistics", "Logistique", "Logistik", "Logistics"),
    ("Professional Services", "Conseil", "Beratung", "Consulting"),
    ("Education", "Formation", "Bildung", "Learning"),
    ("Media", "Médias", "Medien", "Media"),
    ("Energy", "Énergie", "Energie", "Energy"),
]
NAME_ROOTS_A = ["Nord", "Sol", "Alp", "Lum", "Vert", "Ard", "Kestr", "Oak", "Brook", "Stein", "Fern",
                "Hel", "Cor", "Mar", "Vel", "Tal", "Quin", "Rav", "Sil", "Bel", "Ast", "Bor", "Cal",
                "Dor", "Ember", "Fal", "Gran", "Hav", "Iri", "Jun", "Kor", "Lin", "Mist", "Nov",
                "Orb", "Pax", "Riv", "Sta", "Tor", "Ul", "Val", "Wen", "Zen", "Aqu", "Cedr"]
NAME_ROOTS_B = ["wind", "via", "ora", "ix", "ena", "gate", "field", "line", "mark", "tec", "nova",
                "lane", "bridge", "well", "port", "stone", "is", "ano", "eon", "ium", "ly", "ra"]
LEGAL = {"FR": ["SAS", "SA", "SARL"], "BE": ["SRL", "NV", "SA"], "LU": ["S.à r.l.", "SA"],
         "DE": ["GmbH", "AG", "GmbH & Co. KG"], "AT": ["GmbH", "AG"], "CH": ["AG", "SA", "GmbH"],
         "GB": ["Ltd", "plc", "Ltd"], "IE": ["Ltd", "DAC"], "US": ["Inc.", "LLC", "Corp."]}
LANG = {"FR": 1, "BE": 1, "LU": 1, "DE": 2, "AT": 2, "CH": 2, "GB": 3, "IE": 3, "US": 3}

FIRST_NAMES = {
    1: ["Camille", "Julien", "Sophie", "Antoine", "Manon", "Nicolas", "Chloé", "Maxime", "Léa",
        "Pierre", "Élodie", "Romain", "Mathilde", "Guillaume", "Aurélie", "Baptiste", "Pauline",
        "Vincent", "Céline", "Quentin", "Margaux", "Alexandre", "Émilie", "Florian", "Justine"],
    2: ["Lukas", "Anna", "Maximilian", "Laura", "Jonas", "Julia", "Felix", "Sarah", "Leon", "Lisa",
        "Paul", "Katharina", "Niklas", "Hannah", "Tim", "Johanna", "Moritz", "Sophie", "Florian",
        "Marie", "Sebastian", "Lena", "Matthias", "Franziska", "Stefan"],
    3: ["Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Mia", "Charlie", "Grace",
        "Thomas", "Sophie", "James", "Emily", "William", "Lucy", "Daniel", "Hannah", "Samuel",
        "Chloe", "Aoife", "Sean", "Ciara", "Liam", "Megan", "Ethan", "Olivia", "Noah", "Madison"],
}
LAST_NAMES = {
    1: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
        "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Blanc", "Guérin", "Boyer",
        "Chevalier", "François", "Lambert", "Peeters", "Janssens", "Maes"],
    2: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
        "Hoffmann", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
        "Zimmermann", "Braun", "Hofmann", "Hartmann", "Lange", "Werner", "Krause", "Gruber", "Huber"],
    3: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
        "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
        "Jackson", "Clarke", "Murphy", "Kelly", "O'Brien", "Walsh", "Ryan", "Byrne", "Miller",
        "Anderson", "Martinez", "Nguyen"],
}
JOB_TITLES = ["Head of Sales", "Sales Operations Manager", "VP Sales", "Chief Revenue Officer",
              "Revenue Operations Lead", "Marketing Director", "CFO", "Business Analyst",
              "IT Manager", "Head of Customer Success", "CEO", "Data Analyst",
              "Operations Director", "Sales Manager", "Head of Marketing"]
# phone numbers in ranges reserved for fiction or obviously fake
PHONE_FORMATS = {
    "FR": lambda r: f"+33 1 99 00 {r.randint(0, 99):02d} {r.randint(0, 99):02d}",
    "BE": lambda r: f"+32 2 555 {r.randint(0, 99):02d} {r.randint(0, 99):02d}",
    "LU": lambda r: f"+352 555 {r.randint(0, 999):03d}",
    "DE": lambda r: f"+49 30 5550 {r.randint(0, 9999):04d}",
    "AT": lambda r: f"+43 1 555 {r.randint(0, 9999):04d}",
    "CH": lambda r: f"+41 44 555 {r.randint(0, 99):02d} {r.randint(0, 99):02d}",
    "GB": lambda r: f"+44 20 7946 0{r.randint(0, 999):03d}",
    "IE": lambda r: f"+353 1 555 {r.randint(0, 9999):04d}",
    "US": lambda r: f"+1 202-555-01{r.randint(0, 99):02d}",
}


def currency_of(country: str) -> str:
    return {"GB": "GBP", "US": "USD"}.get(country, "EUR")


def round_to(x: float, step: int) -> float:
    return float(max(step, int(round(x / step)) * step))


def pick(rng: random.Random, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


# --------------------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------------------

class Generator:
    def __init__(self, seed: int, scale: float):
        self.seed = seed
        self.scale = scale
        self.seq = 0
        self.users = {}
        for uid, first, last, role, team, hired, term in USERS:
            self.users[uid] = dict(
                user_id=uid, first=first, last=last, role=role, team=team,
                hired_on=date.fromisoformat(hired),
                terminated_on=date.fromisoformat(term) if term else None)
        self.accounts = []        # every account (dicts)
        self.prospects = {t[0]: [] for t in TEAMS}
        self.contacts = []
        self.leads = []
        self.opps = []
        self.subs = []
        self.activities = []
        self.quotas = []
        self.costs = []
        self.nps = []
        self.rates = []
        self.defects = {}
        self.used_names = set()
        self.win_acc = {}
        self.deal_rr = {}
        self.churned_count = 0
        self.used_emails = set()

    # ---- helpers ------------------------------------------------------------------
    def r(self, name: str) -> random.Random:
        return random.Random(f"{self.seed}:{name}")

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def employed(self, uid: str, d: date) -> bool:
        u = self.users[uid]
        return u["hired_on"] <= d and (u["terminated_on"] is None or d <= u["terminated_on"])

    def team_members(self, team: str, role: str, d: date | None = None) -> list[str]:
        return [u for u, x in self.users.items()
                if x["team"] == team and x["role"] == role and (d is None or self.employed(u, d))]

    def owner_at(self, acc: dict, t: datetime) -> str:
        """The AE who owns the account at time t: part of the UK&I book goes to the new hire
        when he starts, and the leaver's book is handed over when he leaves."""
        owner = acc["owner0"]
        if acc["to_new_hire"] and t >= NEW_HIRE_SPLIT_AT:
            owner = NEW_HIRE
        if owner == LEAVER and t.date() > LEAVER_LAST_DAY:
            owner = acc["successor"]
        return owner

    # ---- reference data -------------------------------------------------------------
    def gen_rates(self):
        rng = self.r("rates")
        usd, gbp = 0.925, 1.168
        for m in MONTHS:
            usd = min(0.949, max(0.901, usd + rng.gauss(0, 0.006)))
            gbp = min(1.199, max(1.151, gbp + rng.gauss(0, 0.006)))
            self.rates.append((m, "USD", "EUR", round(usd, 6)))
            self.rates.append((m, "GBP", "EUR", round(gbp, 6)))
        self.rate = {(m, c): r for m, c, _, r in self.rates}

    # ---- accounts & contacts -------------------------------------------------------
    def company_name(self, rng, country: str, industry: tuple) -> tuple[str, str]:
        lang = LANG[country]
        for _ in range(200):
            root = rng.choice(NAME_ROOTS_A) + rng.choice(NAME_ROOTS_B)
            word = industry[lang]
            legal = rng.choice(LEGAL[country])
            base = f"{root} {word}"
            name = f"{base} {legal}"
            if base not in self.used_names:
                self.used_names.add(base)
                return name, ascii_slug(base, "-") + ".example"
        raise RuntimeError("ran out of company names")

    def new_account(self, rng, team: str, created: datetime, segment: str | None = None,
                    customer_import: bool = False) -> dict:
        country = pick(rng, next(t[4] for t in TEAMS if t[0] == team))
        segment = segment or pick(rng, SEGMENTS)
        industry = rng.choice(INDUSTRIES)
        name, domain = self.company_name(rng, country, industry)
        lo, hi = SEGMENT_EMPLOYEES[segment]
        emp = None if rng.random() < .06 else int(math.exp(rng.uniform(math.log(lo), math.log(hi))))
        aes = self.team_members(team, "ae", created.date())
        if segment == "enterprise":  # the junior AEs get no enterprise account
            aes = [a for a in aes if a not in (LEAVER, NEW_HIRE)]
        if customer_import:  # the existing book is dealt round-robin to the AEs
            k = self.deal_rr.get((team, segment), 0)
            self.deal_rr[(team, segment)] = k + 1
            owner = aes[k % len(aes)]
        else:
            owner = rng.choice(aes)
        to_new_hire = (team == self.users[NEW_HIRE]["team"] and created < NEW_HIRE_SPLIT_AT
                       and segment != "enterprise" and rng.random() < .3)
        acc = dict(seq=self.next_seq(), account_id=None, account_name=name, domain=domain,
                   industry=industry[0], segment=segment, country=country,
                   currency=currency_of(country), employee_count=emp, team=team, owner0=owner,
                   successor=rng.choice([a for a in self.team_members(team, "ae") if a != LEAVER]),
                   created_at=created, is_deleted=False, contacts=[], touched=[created],
                   customer_import=customer_import, reserved_until=START, to_new_hire=to_new_hire)
        self.accounts.append(acc)
        if not customer_import:
            self.prospects[team].append(acc)
        return acc

    def new_contact(self, rng, created: datetime, acc: dict | None, country: str) -> dict:
        lang = LANG[country]
        first = rng.choice(FIRST_NAMES[lang])
        last = rng.choice(LAST_NAMES[lang])
        if acc is not None:
            domain = acc["domain"]
        else:
            domain = rng.choice(["mail.example", "inbox.example", "post.example", "webmail.example"])
        local = f"{ascii_slug(first, '')}.{ascii_slug(last, '')}"
        email = f"{local}@{domain}"
        n = 2
        while email in self.used_emails:
            email = f"{local}{n}@{domain}"
            n += 1
        self.used_emails.add(email)
        c = dict(seq=self.next_seq(), contact_id=None, account=acc, first=first, last=last,
                 email=email, phone=None if rng.random() < .18 else PHONE_FORMATS[country](rng),
                 job_title=None if rng.random() < .1 else rng.choice(JOB_TITLES),
                 created_at=created, is_deleted=False)
        c["updated_at"] = clamp_end(created + timedelta(days=rng.uniform(0, 240), seconds=rng.randint(0, 3600)))
        self.contacts.append(c)
        if acc is not None:
            acc["contacts"].append(c)
        return c

    def gen_imported_customers(self):
        """Customers the company already had when the CRM went live on 1 January 2024."""
        rng = self.r("imported")
        n = max(8, int(round(85 * self.scale)))
        t = datetime(2024, 1, 1, 6, 0, 0)
        for i in range(n):
            team = pick(rng, [(x[0], x[5]) for x in TEAMS])
            seg = pick(rng, [("smb", .5), ("mid_market", .36), ("enterprise", .14)])
            created = t + timedelta(seconds=3 * i)
            acc = self.new_account(rng, team, created, seg, customer_import=True)
            for k in range(rng.randint(1, 3)):
                self.new_contact(rng, created + timedelta(seconds=1 + k // 2), acc, acc["country"])
        # an imported account owner must be employed on 2024-01-01 (U022 is not): handled by team_members

    # ---- leads -------------------------------------------------------------------
    def gen_leads(self):
        rng = self.r("leads")
        total = 4000 * self.scale
        weights = [SEASON[m.month] * (1 + 0.25 * i / 23) for i, m in enumerate(MONTHS)]
        sw = sum(weights)
        raw = []
        for i, m in enumerate(MONTHS):
            n = int(round(total * weights[i] / sw))
            days_in = (add_months(m, 1) - m).days
            mix = [(c, w * (EVENT_BOOST.get(m.month, 1) if c == "event" else 1)) for c, w in CHANNEL_MIX.items()]
            for _ in range(n):
                ch = pick(rng, mix)
                day = m + timedelta(days=rng.randrange(days_in))
                if ch in ("inbound", "paid_ads") and rng.random() < .25:
                    created = datetime.combine(day, time()) + timedelta(seconds=rng.randrange(86400))
                else:
                    created = work_dt(rng, day)
                if created > END:
                    created = work_dt(rng, LAST_DAY)
                raw.append((created, self.next_seq(), ch))
        raw.sort()
        for created, seq, ch in raw:
            team = pick(rng, [(x[0], x[5]) for x in TEAMS])
            sdr = rng.choice(self.team_members(team, "sdr", created.date()))
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
            lead = dict(seq=seq, lead_id=None, created_at=created, source_channel=ch, owner=sdr,
                        team=team, contact=None, account=None, mql_at=mql_at, sql_at=sql_at,
                        disqualified_at=disq_at, is_deleted=False, opp=None)
            # account and contact
            if sql_at is not None or rng.random() < P_ACCOUNT[ch]:
                pool = self.prospects[team][-150:]
                if sql_at is not None:  # an account already being worked by another SQL is avoided
                    pool = [a for a in pool if a["reserved_until"] < created]
                p_new = .4 if sql_at is not None else .06
                if not pool or rng.random() < p_new:
                    acc = self.new_account(rng, team, created - timedelta(seconds=rng.randint(30, 900)))
                else:
                    acc = rng.choice(pool)
                if sql_at is not None:
                    acc["reserved_until"] = sql_at + timedelta(days=200)
                lead["account"] = acc
                if acc["contacts"] and (len(acc["contacts"]) >= 3 or rng.random() < .5):
                    lead["contact"] = rng.choice(acc["contacts"])
                else:
                    lead["contact"] = self.new_contact(rng, created - timedelta(seconds=rng.randint(1, 25)),
                                                       acc, acc["country"])
            elif rng.random() < .75:
                country = pick(rng, next(x[4] for x in TEAMS if x[0] == team))
                lead["contact"] = self.new_contact(rng, created - timedelta(seconds=rng.randint(1, 25)),
                                                   None, country)
            last = max(x for x in (created, mql_at, sql_at, disq_at) if x is not None)
            lead["updated_at"] = clamp_end(last + timedelta(hours=rng.uniform(0.1, 72)))
            self.leads.append(lead)

    # ---- opportunities ----------------------------------------------------------
    def stage_path(self, rng, last_idx: int, skip_p: float, back_p: float) -> list[int]:
        path, i = [0], 0
        while i < last_idx:
            nxt = i + 1
            if nxt < last_idx and rng.random() < skip_p:
                nxt += 1
            path.append(nxt)
            i = nxt
        if len(path) >= 2 and rng.random() < back_p:
            k = rng.randrange(1, len(path))
            s = path[k]
            path = path[:k + 1] + [s - 1, s] + path[k + 1:]
        return path

    def build_opp(self, rng, *, acc, otype, created, planned_days, p_win, amount_eur,
                  lead=None, sdr=None, skip_p=.12, back_p=.05, stall_p=.05,
                  force=None, lost_reasons=None) -> dict:
        cur = acc["currency"]
        step = 100 if amount_eur < 20000 else (500 if amount_eur < 60000 else 1000)
        amount = round_to(amount_eur / FX_APPROX[cur], step)
        expected = (created + timedelta(days=planned_days)).date() + timedelta(days=rng.randint(-4, 6))
        if force is not None:
            won = force == "won"
        elif otype == "renewal":
            won = rng.random() < p_win
        else:
            # error diffusion per AE: each rep wins about the sum of the probabilities of
            # their deals, so the strong and the weak rep show even in a small sample
            owner = self.owner_at(acc, created)
            before = self.win_acc.setdefault(owner, rng.random())
            self.win_acc[owner] = before + p_win
            won = math.floor(before + p_win) > math.floor(before)
        frac = rng.uniform(.85, 1.3) if won else rng.uniform(.15, 1.05)
        close = work_dt(rng, (created + timedelta(days=planned_days * frac)).date())
        if close <= created + timedelta(hours=6):
            close = created + timedelta(days=rng.uniform(1, 3))
        weak_flip = False
        if won and force is None and in_weak_quarter(close):
            x = rng.random()   # Q3 2025: after the July outage, budgets freeze and deals slip
            if x < .5:
                won, weak_flip = False, True
            elif x < .65:
                close = work_dt(rng, date(2025, 10, 1) + timedelta(days=rng.randint(0, 50)))
        is_open = close > END
        if not is_open and force is None and close.date() >= date(2025, 10, 15) and rng.random() < stall_p:
            is_open = True   # stalled: still open, expected close date overdue
        opp = dict(seq=self.next_seq(), opportunity_id=None, account=acc, lead=lead, sdr=sdr,
                   opportunity_type=otype, created_at=created, expected_close_date=expected,
                   currency=cur, amount=amount, hidden_amount=amount, probability=None,
                   lost_reason=None, is_deleted=False, won=False, lost=False)
        if is_open:
            elapsed = (END - created).total_seconds() / 86400 / planned_days
            idx = int(elapsed * 4.5 + rng.uniform(-.8, .8))
            if close <= END:  # stalled late in the cycle
                idx = rng.choice([2, 3, 4])
            idx = max(0, min(4, idx))
            path = self.stage_path(rng, idx, skip_p, back_p)
            horizon = created + (END - created) * rng.uniform(.55, .98)
            if (horizon - created).total_seconds() < 3600 * len(path):
                horizon = END
            times = [created] + spread(rng, created, horizon, len(path) - 1)
            opp["history"] = [(OPEN_STAGES[s], t) for s, t in zip(path, times)]
            opp["stage_name"] = OPEN_STAGES[path[-1]]
            opp["closed_at"] = None
            st = opp["stage_name"]
            opp["forecast_category"] = {
                "prospecting": pick(rng, [("pipeline", .8), ("omitted", .2)]),
                "qualification": pick(rng, [("pipeline", .85), ("omitted", .15)]),
                "discovery": pick(rng, [("pipeline", .7), ("best_case", .3)]),
                "proposal": pick(rng, [("best_case", .6), ("commit", .3), ("pipeline", .1)]),
                "negotiation": pick(rng, [("commit", .75), ("best_case", .25)]),
            }[st]
            if close <= END and rng.random() < .3:
                opp["forecast_category"] = "omitted"
            if rng.random() < .35:
                opp["probability"] = float(max(5, min(95, STAGE_PROB[st] + rng.choice([-15, -10, -5, 5, 10, 15]))))
            last_t = opp["history"][-1][1]
            opp["updated_at"] = clamp_end(last_t + timedelta(days=rng.uniform(0, 12)))
        else:
            if won:
                last_idx = 4 if rng.random() < .85 else 3
                path = self.stage_path(rng, last_idx, skip_p, back_p)
                closed_stage = "closed_won"
                opp["won"] = True
            else:
                last_idx = pick(rng, [(0, .28), (1, .26), (2, .2), (3, .15), (4, .11)])
                if weak_flip:
                    last_idx = rng.choice([3, 4])
                path = self.stage_path(rng, last_idx, skip_p, back_p)
                closed_stage = "closed_lost"
                opp["lost"] = True
                if weak_flip:
                    opp["lost_reason"] = "budget_freeze"
                else:
                    opp["lost_reason"] = rng.choice(lost_reasons or LOST_REASONS[last_idx])
            if (close - created).total_seconds() < 3600 * (len(path) + 1):
                close = created + timedelta(hours=len(path) + 2)
            times = [created] + spread(rng, created, close, len(path) - 1)
            opp["history"] = [(OPEN_STAGES[s], t) for s, t in zip(path, times)] + [(closed_stage, close)]
            opp["stage_name"] = closed_stage
            opp["closed_at"] = close
            opp["forecast_category"] = "closed"
            opp["updated_at"] = clamp_end(close + timedelta(hours=rng.uniform(.05, 60)))
        opp["owner"] = self.owner_at(acc, opp["closed_at"] or END)
        acc["touched"].append(opp["closed_at"] or opp["created_at"])
        self.opps.append(opp)
        return opp

    def gen_new_business(self):
        """Pass A: SQL leads become new_business opportunities (one open deal per account)."""
        rng = self.r("new_business")
        state = {}  # account seq -> dict(busy_until, won)
        sql_leads = sorted((l for l in self.leads if l["sql_at"] is not None), key=lambda l: (l["sql_at"], l["seq"]))
        self.nb_won_accounts = []
        for lead in sql_leads:
            acc = lead["account"]
            created = work_after(rng, lead["sql_at"], 0, 2.5)
            if created > END:
                continue
            st = state.setdefault(acc["seq"], dict(busy_until=None, won=False))
            if st["won"] or (st["busy_until"] is not None and created <= st["busy_until"]):
                continue
            seg = acc["segment"]
            lo, hi = SEGMENT_CYCLE[seg]
            owner = self.owner_at(acc, created)
            p = NB_BASE_WIN * CHANNEL_WIN[lead["source_channel"]] * AE_SKILL[owner] * SEGMENT_WIN[seg]
            a_lo, a_hi, _ = SEGMENT_ACV_EUR[seg]
            amount_eur = math.exp(rng.uniform(math.log(a_lo), math.log(a_hi)))
            opp = self.build_opp(rng, acc=acc, otype="new_business", created=created,
                                 planned_days=rng.uniform(lo, hi), p_win=p, amount_eur=amount_eur,
                                 lead=lead, sdr=lead["owner"])
            lead["opp"] = opp
            st["busy_until"] = opp["closed_at"] or END
            if opp["won"]:
                st["won"] = True
                self.nb_won_accounts.append((opp, acc))

    # ---- customers: subscriptions, expansions, renewals, churn, win-backs -------------
    def new_sub(self, acc, opp, product, start: date, mrr: float, updated: datetime) -> dict:
        s = dict(seq=self.next_seq(), subscription_id=None, account=acc, opp=opp, product_name=product,
                 started_on=start, ended_on=None, mrr=round(mrr, 2), currency=acc["currency"],
                 is_deleted=False, updated_at=clamp_end(updated))
        self.subs.append(s)
        return s

    def end_sub(self, s, ended_on: date, decided: datetime):
        s["ended_on"] = ended_on
        s["updated_at"] = clamp_end(max(s["updated_at"], decided))

    def gen_migrated_pipeline(self):
        """Deals that were already open when the CRM went live: imported on 2 January 2024."""
        rng = self.r("migrated")
        n = max(4, int(round(70 * self.scale)))
        for i in range(n):
            team = pick(rng, [(x[0], x[5]) for x in TEAMS])
            created = GO_LIVE_PIPELINE + timedelta(seconds=20 * i + 7)
            acc = self.new_account(rng, team, created - timedelta(seconds=5))
            acc["reserved_until"] = END
            for k in range(rng.randint(1, 2)):
                self.new_contact(rng, created - timedelta(seconds=4 - k), acc, acc["country"])
            seg = acc["segment"]
            owner = self.owner_at(acc, created)
            a_lo, a_hi, _ = SEGMENT_ACV_EUR[seg]
            opp = self.build_opp(rng, acc=acc, otype="new_business", created=created,
                                 planned_days=rng.uniform(12, SEGMENT_CYCLE[seg][0] * 1.3),
                                 p_win=NB_BASE_WIN * 1.6 * AE_SKILL[owner] * SEGMENT_WIN[seg],
                                 amount_eur=math.exp(rng.uniform(math.log(a_lo), math.log(a_hi))), skip_p=.3)
            if opp["won"]:
                self.nb_won_accounts.append((opp, acc))

    def gen_customers(self):
        starts = []
        for acc in self.accounts:
            if acc["customer_import"]:
                starts.append((date(2024, 1, 1), acc["seq"], acc, None))
        for opp, acc in self.nb_won_accounts:
            starts.append((opp["closed_at"].date(), acc["seq"], acc, opp))
        starts.sort(key=lambda x: (x[0], x[1]))
        for _, _, acc, opp in starts:
            self.customer_life(acc, opp)

    def customer_life(self, acc, won_opp):
        rng = self.r(f"life:{acc['seq']}")
        seg = acc["segment"]
        cur = acc["currency"]
        fx = FX_APPROX[cur]
        subs = []
        if won_opp is None:  # imported customer, service migrated on 2024-01-01
            start = date(2024, 1, 1)
            lo, hi = {"smb": (350, 1400), "mid_market": (1300, 4500), "enterprise": (4000, 12000)}[seg]
            core_mrr = round_to(math.exp(rng.uniform(math.log(lo), math.log(hi))) / fx, 10)
            annual = seg != "smb" or rng.random() < .3
            anniv = date(2024, rng.randint(1, 12), rng.randint(1, 28))
            when = datetime(2024, 1, 1, 6, 30) + timedelta(seconds=acc["seq"])
            subs.append(self.new_sub(acc, None, CORE_PRODUCT[seg], start, core_mrr, when))
            owned = [CORE_PRODUCT[seg]]
            if rng.random() < .35:
                addon = rng.choice(ADDONS)
                owned.append(addon)
                subs.append(self.new_sub(acc, None, addon, start, round_to(core_mrr * rng.uniform(.15, .3), 10), when))
            customer_since = start
        else:
            close = won_opp["closed_at"]
            start = min(LAST_DAY, close.date() + timedelta(days=rng.randint(0, 14)))
            core_mrr = won_opp["hidden_amount"] / 12
            annual = seg != "smb" or rng.random() < .3
            anniv = add_years(start, 1)
            subs.append(self.new_sub(acc, won_opp, CORE_PRODUCT[seg], start, core_mrr,
                                     close + timedelta(hours=rng.uniform(1, 48))))
            owned = [CORE_PRODUCT[seg]]
            customer_since = start

        def active_subs():
            return [s for s in subs if s["ended_on"] is None]

        def churn(ended_on: date, decided: datetime) -> bool:
            if any(s["started_on"] >= ended_on for s in active_subs()):
                return False
            for s in active_subs():
                self.end_sub(s, ended_on, decided)
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
                core = next((s for s in active_subs() if s["product_name"] in CORE_PRODUCT.values()), None)
                created = work_dt(rng, anniv - timedelta(days=rng.randint(50, 80)))
                if won_opp is None and created < GO_LIVE_PIPELINE:
                    # renewals already under way at go-live were imported with the open pipeline
                    created = GO_LIVE_PIPELINE + timedelta(minutes=acc["seq"] % 240, seconds=acc["seq"] % 53)
                    if (anniv - created.date()).days < 12:
                        created = END + timedelta(days=1)  # renewed before go-live: nothing to record
                if core is not None and START <= created <= END and (
                        won_opp is None or created.date() > customer_since + timedelta(days=30)):
                    down = rng.random() < .12
                    new_mrr = core["mrr"] * (rng.uniform(.7, .88) if down else rng.uniform(1.0, 1.06))
                    amount_eur = round_to(new_mrr * 12, 10) * fx
                    p = (.9 if seg == "enterprise" else .85) * AE_SKILL[self.owner_at(acc, created)] ** .25
                    opp = self.build_opp(rng, acc=acc, otype="renewal", created=created,
                                         planned_days=max(15, (anniv - created.date()).days - rng.randint(3, 20)),
                                         p_win=p, amount_eur=amount_eur, skip_p=.45, back_p=.02, stall_p=.05,
                                         lost_reasons=RENEWAL_LOST_REASONS)
                    if opp["won"] and anniv <= LAST_DAY:
                        new_mrr = opp["hidden_amount"] / 12
                        decided = opp["closed_at"]
                        if abs(new_mrr - core["mrr"]) >= .01:
                            self.end_sub(core, anniv, decided)
                            subs.append(self.new_sub(acc, opp, core["product_name"], anniv, new_mrr, decided))
                    elif opp["lost"]:
                        if churn(anniv, opp["closed_at"]):
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
                    core = next((s for s in active_subs() if s["product_name"] in CORE_PRODUCT.values()), None)
                    d = add_months(month, 1)
                    decided = work_dt(rng, month + timedelta(days=rng.randint(0, 20)))
                    if core is not None and d <= LAST_DAY and core["started_on"] < d and decided <= END:
                        self.end_sub(core, d, decided)
                        subs.append(self.new_sub(acc, None, core["product_name"], d,
                                                 core["mrr"] * rng.uniform(.55, .85), decided))
            # 3. expansion deals
            months_customer = (month.year - customer_since.year) * 12 + month.month - customer_since.month
            p_exp = {"smb": .025, "mid_market": .055, "enterprise": .08}[seg]
            if months_customer >= 3 and (open_until is None or open_until < month) and rng.random() < p_exp:
                created = work_dt(rng, month + timedelta(days=rng.randint(0, 27)))
                if created <= END:
                    cand = [a for a in ADDONS if a not in owned]
                    otype = "cross_sell" if cand and rng.random() < .45 else "upsell"
                    core = next((s for s in active_subs() if s["product_name"] in CORE_PRODUCT.values()), None)
                    base_mrr = core["mrr"] if core else 500
                    if otype == "upsell":
                        product = UPSELL_PRODUCT
                        inc = base_mrr * rng.uniform(.15, .45)
                    else:
                        product = rng.choice(cand)
                        inc = base_mrr * rng.uniform(.12, .3)
                    owner = self.owner_at(acc, created)
                    p = .5 * math.sqrt(AE_SKILL[owner])
                    opp = self.build_opp(rng, acc=acc, otype=otype, created=created,
                                         planned_days=rng.uniform(20, 75), p_win=p,
                                         amount_eur=inc * 12 * fx, skip_p=.35, back_p=.03, stall_p=.07)
                    open_until = month_of(opp["closed_at"] or END)
                    if opp["won"]:
                        d = min(LAST_DAY, opp["closed_at"].date() + timedelta(days=rng.randint(0, 10)))
                        owned.append(product)
                        subs.append(self.new_sub(acc, opp, product, d, opp["hidden_amount"] / 12,
                                                 opp["closed_at"] + timedelta(hours=rng.uniform(1, 30))))
            month = next_m

        # 4. a few churned customers come back (win-back new_business deal, no lead):
        #    every fifth customer that churned before June 2025 gets one, three in four are won
        if churned_on is not None and churned_on <= date(2025, 6, 1):
            self.churned_count += 1
        if churned_on is not None and churned_on <= date(2025, 6, 1) and self.churned_count % 5 == 3:
            created = work_dt(rng, churned_on + timedelta(days=rng.randint(60, 200)))
            if created <= datetime(2025, 10, 15):
                owner = self.owner_at(acc, created)
                opp = self.build_opp(rng, acc=acc, otype="new_business", created=created,
                                     planned_days=rng.uniform(25, 60), p_win=.75,
                                     amount_eur=core_mrr * 12 * fx * rng.uniform(.8, 1.1), skip_p=.3,
                                     force="lost" if self.churned_count % 20 == 18 else "won")
                if opp["won"]:
                    d = min(LAST_DAY, opp["closed_at"].date() + timedelta(days=rng.randint(0, 7)))
                    self.new_sub(acc, opp, CORE_PRODUCT[seg], d, opp["hidden_amount"] / 12,
                                 opp["closed_at"] + timedelta(hours=rng.uniform(1, 30)))

    # ---- ids ----------------------------------------------------------------------
    def assign_ids(self):
        self.accounts.sort(key=lambda a: (a["created_at"], a["seq"]))
        for i, a in enumerate(self.accounts, 1):
            a["account_id"] = f"ACC-{i:04d}"
        self.contacts.sort(key=lambda c: (c["created_at"], c["seq"]))
        for i, c in enumerate(self.contacts, 1):
            c["contact_id"] = f"CON-{i:05d}"
        self.leads.sort(key=lambda x: (x["created_at"], x["seq"]))
        for i, x in enumerate(self.leads, 1):
            x["lead_id"] = f"LEAD-{i:05d}"
        self.opps.sort(key=lambda o: (o["created_at"], o["seq"]))
        for i, o in enumerate(self.opps, 1):
            o["opportunity_id"] = f"OPP-{i:04d}"
        self.subs.sort(key=lambda s: (s["started_on"], s["account"]["account_id"], s["seq"]))
        for i, s in enumerate(self.subs, 1):
            s["subscription_id"] = f"SUB-{i:04d}"

    # ---- amounts with null -------------------------------------------------------
    def null_some_amounts(self):
        rng = self.r("null_amounts")
        for o in self.opps:
            if o["won"] and o["opportunity_type"] == "new_business" and rng.random() < .025:
                o["amount"] = None  # the rep forgot the amount: billing (mrr) still knows it

    # ---- activities ---------------------------------------------------------------
    def gen_activities(self, skip_opps: set):
        rng = self.r("activities")
        acts = self.activities

        def add(atype, direction, user, t, lead=None, contact=None, account=None, opp=None,
                outcome=None, duration=None):
            if t > END or t < START:
                return None
            a = dict(seq=self.next_seq(), activity_id=None, activity_type=atype, direction=direction,
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
        for lead in self.leads:
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

        for opp in self.opps:
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
                return self.owner_at(acc, t)

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
        for s in self.subs:
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
                        meeting(self.owner_at(acc, t), t, contact=contact, account=acc)
                    else:
                        email(self.owner_at(acc, t), t, .3, contact=contact, account=acc)
                    if rng.random() < .1:
                        t2 = t + timedelta(days=rng.uniform(1, 10))
                        add("email", "inbound", self.owner_at(acc, t2), t2, contact=contact, account=acc,
                            outcome="sent")

    # ---- quotas, costs, nps ----------------------------------------------------------
    def gen_quotas(self):
        """Monthly quotas per AE, set from each team's run rate (so that a normal month sees
        about half the reps at quota), rising over the two years, ramped for the new hire."""
        rev, ae_months = {}, {}
        for o in self.opps:
            if o["won"] and not o.get("is_old_copy") and o["seq"] not in self.defect_opp_seqs \
                    and not in_weak_quarter(o["closed_at"]) and o["closed_at"] >= datetime(2024, 4, 1):
                team = self.users[o["owner"]]["team"]
                rev[team] = rev.get(team, 0) + o["hidden_amount"] * FX_APPROX[o["currency"]]
        for m in MONTHS:
            if m >= date(2024, 4, 1) and not in_weak_quarter(m):
                for uid, u in self.users.items():
                    if u["role"] == "ae" and self.employed(uid, m):
                        ae_months[u["team"]] = ae_months.get(u["team"], 0) + 1
        base = {t: QUOTA_TO_RUN_RATE * rev.get(t, 0) / max(1, ae_months.get(t, 0)) / FX_APPROX[TEAM_CURRENCY[t]]
                for t in TEAM_CURRENCY}
        for uid, u in self.users.items():
            if u["role"] != "ae":
                continue
            n_emp = 0
            for i, m in enumerate(MONTHS):
                m_end = add_months(m, 1) - timedelta(days=1)
                if not (u["hired_on"] <= m and (u["terminated_on"] is None or u["terminated_on"] >= m_end)):
                    continue
                n_emp += 1
                ramp = {1: .4, 2: .6, 3: .8}.get(n_emp, 1.0) if u["hired_on"] >= FIRST_DAY else 1.0
                growth = .8 + .07 * (i // 3)
                self.quotas.append((uid, m, round_to(base[u["team"]] * growth * ramp, 500), TEAM_CURRENCY[u["team"]]))

    def gen_costs(self):
        rng = self.r("costs")
        won_by_team_month = {}
        for o in self.opps:
            if o["won"] and o["seq"] not in self.defect_opp_seqs and not o.get("is_old_copy"):
                key = (o["account"]["team"], month_of(o["closed_at"]))
                won_by_team_month[key] = won_by_team_month.get(key, 0) + o["hidden_amount"] * FX_APPROX[o["currency"]]
        salary = {"manager": 11500, "ae": 8800, "sdr": 5600}
        rows = []
        for i, m in enumerate(MONTHS):
            g = 1 + .2 * i / 23
            s = SEASON[m.month]
            wobble = lambda: rng.uniform(.9, 1.1)
            rows.append((m, "marketing", "ads", "paid_ads", 15000 * g * s * wobble(), "EUR"))
            rows.append((m, "marketing", "ads", "linkedin", 6500 * g * s * wobble(), "EUR"))
            rows.append((m, "marketing", "content", "inbound", 7000 * g * wobble(), "EUR"))
            ev = {3: 26000, 6: 14000, 10: 30000}.get(m.month, 2500)
            rows.append((m, "marketing", "events", "event", ev * wobble(), "EUR"))
            if m.month in (3, 6, 10):
                rows.append((m, "marketing", "events", "event", 11000 * wobble(), "GBP"))  # London trade show
            rows.append((m, "marketing", "content", "partner", 3200 * wobble(), "EUR"))
            rows.append((m, "marketing", "content", "referral", 1200 * wobble(), "EUR"))
            rows.append((m, "marketing", "tools", None, 3800 * (1.05 if m.year == 2025 else 1), "EUR"))
            rows.append((m, "marketing", "tools", None, 450.0, "USD"))
            for team, _, _, tcur, _, _ in TEAMS:
                fx = FX_APPROX[tcur]
                heads = [u for u in self.users.values()
                         if u["team"] == team and u["hired_on"] <= add_months(m, 1) - timedelta(days=1)
                         and (u["terminated_on"] is None or u["terminated_on"] >= m)]
                total = sum(salary[u["role"]] for u in heads) * (1.03 if m.year == 2025 else 1)
                rows.append((m, "sales", "salaries", None, total / fx, tcur))
                won = won_by_team_month.get((team, add_months(m, -1)), 0) if i else 0
                rows.append((m, "sales", "commissions", None, max(0.0, .08 * won / fx), tcur))
            rows.append((m, "sales", "tools", None, 150.0 * len(self.users), "USD"))  # CRM seats
            rows.append((m, "sales", "tools", None, 1900 * wobble(), "EUR"))          # sales engagement
        for k, (m, dept, cat, ch, amt, cur) in enumerate(rows, 1):
            self.costs.append((f"COST-{k:04d}", m, dept, cat, ch, round(amt, 2), cur))

    def gen_nps(self):
        rng = self.r("nps")
        by_acc = {}
        for s in self.subs:
            by_acc.setdefault(s["account"]["account_id"], (s["account"], []))[1].append(s)
        accs = [by_acc[k] for k in sorted(by_acc)]
        per_month = 350 * self.scale / 24
        out = []
        for m in MONTHS:
            days_in = (add_months(m, 1) - m).days
            k = max(1, int(round(per_month * rng.uniform(.7, 1.3))))
            for _ in range(k):
                t = work_dt(rng, m + timedelta(days=rng.randrange(days_in)))
                if t > END:
                    continue
                d = t.date()
                active = [x for x in accs
                          if any(s["started_on"] <= d and (s["ended_on"] is None or s["ended_on"] > d) for s in x[1])]
                if not active:
                    continue
                acc, _ = rng.choice(active)
                if in_weak_quarter(d):
                    dist = [("p", .34), ("n", .29), ("d", .37)]
                else:
                    dist = [("p", .50), ("n", .30), ("d", .20)]
                kind = pick(rng, dist)
                score = {"p": lambda: rng.choice([9, 9, 10]), "n": lambda: rng.choice([7, 8, 8]),
                         "d": lambda: rng.choice([2, 3, 4, 5, 5, 6, 6, 6])}[kind]()
                contact = rng.choice(acc["contacts"]) if acc["contacts"] and rng.random() < .88 else None
                out.append((t, acc, contact, score))
        out.sort(key=lambda x: (x[0], x[1]["account_id"]))
        for i, (t, acc, contact, score) in enumerate(out, 1):
            self.nps.append((f"NPS-{i:04d}", acc["account_id"], contact["contact_id"] if contact else None, t, score))

    # ---- defects --------------------------------------------------------------------
    def choose_defect_opps(self):
        """Pick the opportunities that will carry defects (before activities and costs)."""
        def first(pred, taken):
            for o in self.opps:
                if o["seq"] not in taken and pred(o):
                    return o
            raise RuntimeError("no opportunity fits a defect")
        taken = set()
        nb_lost = lambda mth: (lambda o: o["opportunity_type"] == "new_business" and o["lost"] and o["lead"] is not None
                               and month_of(o["created_at"]) >= mth)
        picks = {}
        picks["dup_opp"] = first(lambda o: o["opportunity_type"] == "new_business" and o["won"] and o["amount"]
                                 and o["lead"] is not None and o["closed_at"] >= datetime(2024, 6, 1), taken)
        taken.add(picks["dup_opp"]["seq"])
        for name, mth in (("neg_amount_opp", date(2024, 4, 1)), ("unreadable_amount_opp", date(2024, 10, 1)),
                          ("deleted_opp", date(2025, 2, 1)), ("missing_close_opp", date(2025, 5, 1))):
            o = first(nb_lost(mth), taken)
            picks[name] = o
            taken.add(o["seq"])
        self.defect_picks = picks
        # the duplicate's truth stays a normal record; only the others are kept out of other tables
        self.defect_opp_seqs = {picks[k]["seq"] for k in picks if k != "dup_opp"}

    def apply_defects(self):
        P = self.defect_picks
        # 1. re-sync duplicate of an opportunity: an older version with another stage and amount
        truth = P["dup_opp"]
        last_open_stage, last_open_t = truth["history"][-2]
        old = dict(truth)
        old.update(stage_name=last_open_stage, closed_at=None, forecast_category="commit",
                   amount=round_to(truth["amount"] * .9, 100), probability=None, lost_reason=None,
                   updated_at=last_open_t + timedelta(hours=2), is_old_copy=True)
        assert old["updated_at"] < truth["updated_at"]
        self.opps.insert(self.opps.index(truth), old)
        self.defects["duplicate_opportunity"] = truth["opportunity_id"]
        # ... and an identical copy of an account
        dup_acc = next((a for a in self.accounts if a["customer_import"] and a["segment"] == "mid_market"),
                       next(a for a in self.accounts if a["customer_import"]))
        dup_acc["deliver_twice"] = True
        self.defects["duplicate_account"] = dup_acc["account_id"]
        # 2. soft deletes
        P["deleted_opp"]["is_deleted"] = True
        P["deleted_opp"]["updated_at"] = clamp_end(P["deleted_opp"]["updated_at"] + timedelta(days=9))
        self.defects["deleted_opportunity"] = P["deleted_opp"]["opportunity_id"]
        free = lambda l: l["opp"] is None and l["sql_at"] is None
        lead_del = next(l for l in self.leads if free(l) and l["created_at"] >= datetime(2025, 1, 1))
        lead_del["is_deleted"] = True
        lead_del["defect"] = True
        self.defects["deleted_lead"] = lead_del["lead_id"]
        # the deleted account is an accidental duplicate typed by hand, referenced by nothing
        self.defects["deleted_account"] = self.deleted_account["account_id"]
        # 4. negative amount
        o = P["neg_amount_opp"]
        o["amount"] = -o["amount"]
        self.defects["negative_amount"] = o["opportunity_id"]
        # 5. unreadable amount, impossible date
        P["unreadable_amount_opp"]["amount"] = "12,5k"
        self.defects["unreadable_amount"] = P["unreadable_amount_opp"]["opportunity_id"]
        lead_bad = next(l for l in self.leads if free(l) and not l.get("defect")
                        and l["created_at"] >= datetime(2024, 5, 1))
        lead_bad["created_at_text"] = "2024-13-45 " + lead_bad["created_at"].strftime("%H:%M:%S")
        lead_bad["defect"] = True
        self.defects["invalid_date_lead"] = lead_bad["lead_id"]
        # 6. mql_at before created_at
        lead_mql = next(l for l in self.leads if free(l) and not l.get("defect")
                        and l["mql_at"] is not None and l["disqualified_at"] is None
                        and l["created_at"] >= datetime(2024, 9, 1))
        lead_mql["mql_at"] = lead_mql["created_at"] - timedelta(days=2, hours=3, minutes=17)
        lead_mql["defect"] = True
        self.defects["mql_before_created_lead"] = lead_mql["lead_id"]
        # 7. closed_lost without closed_at
        P["missing_close_opp"]["closed_at"] = None
        self.defects["missing_close_date"] = P["missing_close_opp"]["opportunity_id"]

    def add_defect_rows(self):
        """Extra raw rows that exist only as defects (added before ids are assigned)."""
        # deleted account: a hand-typed duplicate of a prospect, deleted two days later
        src = next(a for a in self.accounts if not a["customer_import"] and a["created_at"] >= datetime(2025, 2, 1))
        created = src["created_at"] + timedelta(days=3, hours=2, minutes=11)
        acc = dict(src, seq=self.next_seq(), account_name=src["account_name"].rsplit(" ", 1)[0],
                   employee_count=None, created_at=created, is_deleted=True, contacts=[],
                   touched=[created + timedelta(days=2, hours=1)], customer_import=False)
        acc["successor"] = src["successor"]
        self.accounts.append(acc)
        self.deleted_account = acc

    def add_defect_activities(self):
        rng = self.r("defect_activities")
        # 3. an activity by a user that does not exist (an old integration user)
        lead = next(l for l in self.leads if l["created_at"] >= datetime(2025, 3, 1) and l["source_channel"] == "inbound"
                    and not l.get("defect"))
        t = work_after(rng, lead["created_at"], .5, 2)
        a_orphan = dict(seq=self.next_seq(), activity_id=None, activity_type="email", direction="outbound",
                        user_id="U999", occurred_at=t, lead=lead, contact=lead["contact"], account=lead["account"],
                        opp=None, outcome="sent", duration=None, is_deleted=False)
        # 9. an activity without id, and one of an unknown type
        lead2 = next(l for l in self.leads if l["created_at"] >= datetime(2025, 5, 1) and l["source_channel"] == "outbound"
                     and not l.get("defect"))
        t2 = work_after(rng, lead2["created_at"], 1, 3)
        a_noid = dict(seq=self.next_seq(), activity_id=None, activity_type="call", direction="outbound",
                      user_id=lead2["owner"], occurred_at=t2, lead=lead2, contact=lead2["contact"],
                      account=lead2["account"], opp=None, outcome="no_answer", duration=None,
                      is_deleted=False, no_id=True)
        lead3 = next(l for l in self.leads if l["created_at"] >= datetime(2024, 7, 1) and l["account"] is not None
                     and l["source_channel"] == "event" and not l.get("defect"))
        t3 = work_after(rng, lead3["created_at"], 1, 4)
        a_fax = dict(seq=self.next_seq(), activity_id=None, activity_type="fax", direction="outbound",
                     user_id=lead3["owner"], occurred_at=t3, lead=lead3, contact=lead3["contact"],
                     account=lead3["account"], opp=None, outcome="sent", duration=None, is_deleted=False)
        self.activities += [a_orphan, a_noid, a_fax]
        self.activities.sort(key=lambda a: (a["occurred_at"], a["seq"]))
        i = 0
        for a in self.activities:
            if a.get("no_id"):
                continue
            i += 1
            a["activity_id"] = f"ACT-{i:06d}"
        act_del = next(a for a in self.activities if a["activity_type"] == "email" and a["direction"] == "outbound"
                       and a["occurred_at"] >= datetime(2024, 11, 1))
        act_del["is_deleted"] = True
        self.defects["deleted_activity"] = act_del["activity_id"]
        self.defects["orphan_user_activity"] = a_orphan["activity_id"]
        self.defects["missing_id_activity"] = f"(empty id) call by {a_noid['user_id']} at {f_ts(t2)} on {lead2['lead_id']}"
        self.defects["fax_activity"] = a_fax["activity_id"]

    # ---- run ----------------------------------------------------------------------
    def run(self):
        self.gen_rates()
        self.gen_imported_customers()
        self.gen_leads()
        self.gen_new_business()
        self.gen_migrated_pipeline()
        self.gen_customers()
        self.add_defect_rows()
        self.assign_ids()
        self.null_some_amounts()
        self.choose_defect_opps()
        self.apply_defects()
        self.gen_activities(self.defect_opp_seqs)
        self.add_defect_activities()
        self.gen_quotas()
        self.gen_costs()
        self.gen_nps()
        for acc in self.accounts:
            if not acc["is_deleted"] and acc["to_new_hire"]:
                acc["touched"].append(NEW_HIRE_SPLIT_AT)
            if not acc["is_deleted"] and self.owner_at(acc, HANDOVER_AT - timedelta(days=1)) == LEAVER:
                acc["touched"].append(HANDOVER_AT)
            acc["updated_at"] = clamp_end(max(acc["touched"]) + timedelta(minutes=(acc["seq"] * 37) % 600))

    # ---- output -------------------------------------------------------------------
    def tables(self) -> dict[str, tuple[list[str], list[list[str]]]]:
        T = {}
        T["teams"] = (["team_id", "team_name", "region"], [[t[0], t[1], t[2]] for t in TEAMS])
        urng = self.r("users")
        rows = []
        for uid, u in self.users.items():
            mgr = None if u["role"] == "manager" else next(
                x for x, y in self.users.items() if y["team"] == u["team"] and y["role"] == "manager")
            if u["terminated_on"]:
                upd = datetime.combine(u["terminated_on"] + timedelta(days=1), time(9, 12, 4))
            elif u["hired_on"] >= FIRST_DAY:
                upd = datetime.combine(u["hired_on"], time(8, 3, 51))
            else:
                upd = datetime(2024, 1, 1, 5, 45) + timedelta(seconds=urng.randint(0, 3000))
            rows.append([uid, f"{u['first']} {u['last']}",
                         f"{ascii_slug(u['first'], '')}.{ascii_slug(u['last'], '')}@{COMPANY_DOMAIN}",
                         u["role"], u["team"], mgr or "", f_date(u["hired_on"]), f_date(u["terminated_on"]),
                         "false", f_ts(upd)])
        T["users"] = (["user_id", "full_name", "email", "role", "team_id", "manager_id", "hired_on",
                       "terminated_on", "is_deleted", "updated_at"], rows)
        rows = []
        for a in self.accounts:
            owner = self.owner_at(a, a["updated_at"] if a["is_deleted"] else END)
            row = [a["account_id"], a["account_name"], a["industry"], a["segment"], a["country"],
                   "" if a["employee_count"] is None else str(a["employee_count"]), owner,
                   f_ts(a["created_at"]), f_bool(a["is_deleted"]), f_ts(a["updated_at"])]
            rows.append(row)
            if a.get("deliver_twice"):
                rows.append(list(row))
        T["accounts"] = (["account_id", "account_name", "industry", "segment", "country_code", "employee_count",
                          "owner_id", "created_at", "is_deleted", "updated_at"], rows)
        T["contacts"] = (["contact_id", "account_id", "first_name", "last_name", "email", "phone", "job_title",
                          "created_at", "is_deleted", "updated_at"],
                         [[c["contact_id"], c["account"]["account_id"] if c["account"] else "", c["first"], c["last"],
                           c["email"], c["phone"] or "", c["job_title"] or "", f_ts(c["created_at"]),
                           f_bool(c["is_deleted"]), f_ts(c["updated_at"])] for c in self.contacts])
        T["leads"] = (["lead_id", "created_at", "source_channel", "owner_id", "contact_id", "account_id", "mql_at",
                       "sql_at", "disqualified_at", "is_deleted", "updated_at"],
                      [[l["lead_id"], l.get("created_at_text") or f_ts(l["created_at"]), l["source_channel"],
                        l["owner"], l["contact"]["contact_id"] if l["contact"] else "",
                        l["account"]["account_id"] if l["account"] else "", f_ts(l["mql_at"]), f_ts(l["sql_at"]),
                        f_ts(l["disqualified_at"]), f_bool(l["is_deleted"]), f_ts(l["updated_at"])]
                       for l in self.leads])
        rows = []
        for o in self.opps:
            amount = o["amount"] if isinstance(o["amount"], str) else f_money(o["amount"])
            rows.append([o["opportunity_id"], o["account"]["account_id"], o["lead"]["lead_id"] if o["lead"] else "",
                         o["owner"], o["sdr"] or "", o["opportunity_type"], f_ts(o["created_at"]),
                         f_date(o["expected_close_date"]), f_ts(o["closed_at"]), o["stage_name"], amount,
                         o["currency"], f_num(o["probability"]), o["forecast_category"], o["lost_reason"] or "",
                         f_bool(o["is_deleted"]), f_ts(o["updated_at"])])
        T["opportunities"] = (["opportunity_id", "account_id", "lead_id", "owner_id", "sdr_id", "opportunity_type",
                               "created_at", "expected_close_date", "closed_at", "stage_name", "amount",
                               "currency_code", "probability", "forecast_category", "lost_reason", "is_deleted",
                               "updated_at"], rows)
        hist = []
        for o in self.opps:
            if o.get("is_old_copy"):
                continue
            for st, t in o["history"]:
                hist.append([o["opportunity_id"], st, f_ts(t)])
        # 8. a history row left behind by an opportunity hard-deleted in the CRM
        hist.append([ORPHAN_HISTORY_OPP, "prospecting", "2024-08-12 10:41:07"])
        hist.sort(key=lambda r: (r[0], r[2]))
        T["opportunity_stage_history"] = (["opportunity_id", "stage_name", "entered_at"], hist)
        T["pipeline_stages"] = (["stage_name", "stage_order", "default_probability", "is_closed", "is_won"],
                                [[s, str(o), str(p), f_bool(c), f_bool(w)] for s, o, p, c, w in STAGES])
        T["activities"] = (["activity_id", "activity_type", "direction", "user_id", "occurred_at", "lead_id",
                            "contact_id", "account_id", "opportunity_id", "outcome", "duration_seconds",
                            "is_deleted"],
                           [[a["activity_id"] or "", a["activity_type"], a["direction"], a["user_id"],
                             f_ts(a["occurred_at"]), a["lead"]["lead_id"] if a["lead"] else "",
                             a["contact"]["contact_id"] if a["contact"] else "",
                             a["account"]["account_id"] if a["account"] else "",
                             a["opp"]["opportunity_id"] if a["opp"] else "", a["outcome"],
                             "" if a["duration"] is None else str(a["duration"]), f_bool(a["is_deleted"])]
                            for a in self.activities])
        T["subscriptions"] = (["subscription_id", "account_id", "opportunity_id", "product_name", "started_on",
                               "ended_on", "mrr_amount", "currency_code", "is_deleted", "updated_at"],
                              [[s["subscription_id"], s["account"]["account_id"],
                                s["opp"]["opportunity_id"] if s["opp"] else "", s["product_name"],
                                f_date(s["started_on"]), f_date(s["ended_on"]), f_money(s["mrr"]), s["currency"],
                                f_bool(s["is_deleted"]), f_ts(s["updated_at"])] for s in self.subs])
        T["quotas"] = (["user_id", "quota_month", "quota_amount", "currency_code"],
                       [[u, f_date(m), f_money(a), c] for u, m, a, c in self.quotas])
        T["acquisition_costs"] = (["cost_id", "cost_month", "department", "category", "channel", "amount",
                                   "currency_code"],
                                  [[i, f_date(m), d, c, ch or "", f_money(a), cur]
                                   for i, m, d, c, ch, a, cur in self.costs])
        T["nps_responses"] = (["response_id", "account_id", "contact_id", "responded_at", "score"],
                              [[i, a, c or "", f_ts(t), str(s)] for i, a, c, t, s in self.nps])
        T["exchange_rates"] = (["rate_month", "from_currency", "to_currency", "rate"],
                               [[f_date(m), f, t, f"{r:.6f}"] for m, f, t, r in self.rates])
        return T


ORPHAN_HISTORY_OPP = "OPP-0000"

# The defect ids of the default run (--seed 42 --scale 1.0), as the docstring lists them.
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


def main(argv=None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(os.path.dirname(here), "seeds", "crm")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--scale", type=float, default=1.0,
                    help="volume multiplier for leads, accounts, activities, NPS (default 1.0)")
    ap.add_argument("--out", default=default_out, help="output directory (default seeds/crm)")
    ap.add_argument("--quiet", action="store_true", help="print nothing")
    args = ap.parse_args(argv)
    if args.scale <= 0:
        ap.error("--scale must be > 0")
    t0 = _time.time()
    g = Generator(args.seed, args.scale)
    g.run()
    if EXPECTED_DEFAULT_DEFECTS is not None and args.seed == 42 and args.scale == 1.0 \
            and g.defects != EXPECTED_DEFAULT_DEFECTS:
        print("generate_demo_data: the defect ids changed; update EXPECTED_DEFAULT_DEFECTS and the docstring:\n"
              + "\n".join(f"  {k}: {v}" for k, v in g.defects.items()), file=sys.stderr)
        return 1
    os.makedirs(args.out, exist_ok=True)
    tables = g.tables()
    for name, (header, rows) in tables.items():
        path = os.path.join(args.out, f"{name}.csv")
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
    if not args.quiet:
        print(f"wrote {len(tables)} tables to {args.out} in {_time.time() - t0:.1f}s")
        for name, (_, rows) in tables.items():
            print(f"  {name:28s} {len(rows):7d} rows")
        print("deliberate defects:")
        for k, v in g.defects.items():
            print(f"  {k:26s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
