"""The story while it is being told: every record made so far, and the random streams.

Records are plain dicts that point at each other (a lead at its account and contact, an
opportunity at its account and lead ...); ids are given once every record exists
(`assign_ids`), in the order of creation time. Every part of the story draws from its own
random.Random seeded with "<seed>:<part>", so a part's draws never shift another's.
"""

from __future__ import annotations

import random

from .org import TEAMS, Org


class StoryState:
    def __init__(self, seed: int, scale: float):
        self.seed = seed
        self.scale = scale
        self.seq = 0              # creation counter: ties in time are broken by it
        self.org = Org()
        self.accounts = []        # every account
        self.prospects = {t[0]: [] for t in TEAMS}  # accounts not imported as customers, by team
        self.contacts = []
        self.leads = []
        self.opps = []
        self.stray_history = []   # stage-history rows of no opportunity (a defect)
        self.subs = []
        self.activities = []
        self.quotas = []          # (user_id, month, amount, currency)
        self.costs = []           # (cost_id, month, department, category, channel, amount, currency)
        self.nps = []             # (response_id, account_id, contact_id, responded_at, score)
        self.rates = []           # (month, from, to, rate)
        self.rate = {}
        self.defects = {}         # defect name -> id of the record that carries it
        self.defect_picks = {}
        self.defect_opp_seqs = set()
        self.deleted_account = None
        # bookkeeping of the parts
        self.used_names = set()
        self.used_emails = set()
        self.deal_rr = {}
        self.win_acc = {}
        self.nb_won_accounts = []
        self.churned_count = 0

    def r(self, name: str) -> random.Random:
        return random.Random(f"{self.seed}:{name}")

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq
