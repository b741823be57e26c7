"""The story while it is being told: every record made so far, and the random streams.

Records are plain dicts that point at each other (a lead at its account and contact, an
opportunity at its account and lead ...); ids are given once every record exists
(`assign_ids`), in the order of creation time. Every part of the story draws from its own
random.Random seeded with "<seed>:<part>", so a part's draws never shift another's.
"""

from __future__ import annotations

import itertools
import random

from .org import TEAMS, Org


class StoryState:
    def __init__(self, seed: int, scale: float):
        self.seed = seed
        self.scale = scale
        # the creation counter (1, 2, 3 ...): ties in time are broken by it
        self.next_seq = itertools.count(1).__next__
        self.org = Org()
        self.accounts = []        # every account
        self.prospects = {t[0]: [] for t in TEAMS}  # accounts not imported as customers, by team
        self.contacts = []
        self.leads = []
        self.opps = []
        self.stray_history = []   # stage-history rows of no opportunity (a defect)
        self.subs = []
        self.activity_log = None  # activities.ActivityLog, made by gen_activities
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
        self.used_names = set()   # "<root> <word>" of the company names given
        self.names_by_word = {}   # industry word -> how many of its names are given
        self.name_numbers = {}    # "<root> <word>" -> the last number given after it
        self.emails_taken = {}    # (local part, domain) -> how many contacts' e-mails use them
        self.deal_rr = {}
        self.win_acc = {}
        self.nb_won_accounts = []
        self.churned_count = 0

    def forget_bookkeeping(self) -> None:
        """Once the story is told: drop what only its telling needed (names and e-mails given,
        prospect pools), a good part of the memory at a large scale."""
        self.used_names = self.names_by_word = self.name_numbers = self.emails_taken = None
        self.prospects = self.deal_rr = self.win_acc = self.nb_won_accounts = None

    def r(self, name: str) -> random.Random:
        return random.Random(f"{self.seed}:{name}")
