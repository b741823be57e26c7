"""Brightlane's CRM, 2024-2025: the deterministic demo story behind seeds/crm/.

    from demo_crm import tell
    from demo_crm.writers import writer_for
    story = tell(seed=42, scale=1.0)
    writer_for("csv").write(story, Path("seeds/crm"))

(`scripts/generate_demo_data.py` is the command line.) Standard library only, except the
Parquet writer (DuckDB). Every table of ../shared/spec/raw_crm_contract.md gets one table
whose columns are exactly the contract's, in the contract's order. The same seed and scale
give byte-identical files: every part of the story draws from its own random.Random seeded
with "<seed>:<part>", nothing reads the wall clock, rows are written in id order with "\n"
line ends. The scale multiplies the volumes (leads, accounts, contacts, opportunities,
activities, imported customers, NPS answers); the 3 teams and 22 users stay as they are.

Formats: empty field = null; booleans true/false; timestamps "YYYY-MM-DD HH:MM:SS" (UTC);
dates "YYYY-MM-DD"; amounts with a dot and 2 decimals, exchange rates with 6. Names,
e-mails (*.example domains) and phone numbers (ranges reserved for fiction, e.g.
+44 20 7946 0xxx, +1 202-555-01xx, +33 1 99 00 xx xx) are invented.

The package: one module per part of the story (org, accounts, leads, opportunities,
customers, activities, quotas, costs, nps, rates, defects; timeline and formats are the
calendar and the text formats), story.py tells it in order and hands the finished `Story`
to a writer of writers/ (one per output shape).

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

Other seeds pick the defective records by the same rules (the command line prints their
ids); for the default run it checks that they are still the ones listed here
(defects.EXPECTED_DEFAULT_DEFECTS).
"""

from .story import Story, Table, tell

__all__ = ["Story", "Table", "tell"]
