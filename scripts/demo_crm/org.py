"""The sales organisation: three teams, 22 users, who manages whom, the star and the weak
rep, the leaver whose book is handed over and the mid-2024 hire who takes part of a book."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from .draws import Weighted
from .formats import ascii_slug, f_date, f_ts
from .timeline import FIRST_DAY

COMPANY_DOMAIN = "brightlane.example"

TEAMS = [
    # team_id, team_name, region, quota/cost currency, (country, weight) ..., share of leads
    ("T01", "France", "France & Benelux", "EUR", [("FR", .80), ("BE", .15), ("LU", .05)], .38),
    ("T02", "DACH", "Germany, Austria & Switzerland", "EUR", [("DE", .70), ("AT", .15), ("CH", .15)], .30),
    ("T03", "UK&I", "UK, Ireland & North America", "GBP", [("GB", .70), ("IE", .15), ("US", .15)], .32),
]
TEAM_CURRENCY = {t[0]: t[3] for t in TEAMS}
TEAM_COUNTRIES = {t[0]: Weighted(t[4]) for t in TEAMS}
TEAM_SHARE = Weighted([(t[0], t[5]) for t in TEAMS])  # share of leads (and of imported customers)

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
AE_CALL_MEETING = .05


class Org:
    """The users (dicts keyed by user_id, in USERS order) and who works where when."""

    def __init__(self):
        self._members = {}
        self.users = {}
        for uid, first, last, role, team, hired, term in USERS:
            self.users[uid] = dict(
                user_id=uid, first=first, last=last, role=role, team=team,
                hired_on=date.fromisoformat(hired),
                terminated_on=date.fromisoformat(term) if term else None)

    def employed(self, uid: str, d: date) -> bool:
        u = self.users[uid]
        return u["hired_on"] <= d and (u["terminated_on"] is None or d <= u["terminated_on"])

    def team_members(self, team: str, role: str, d: date | None = None) -> list[str]:
        """The team's users of that role (employed on d), in user_id order; do not change the list."""
        key = (team, role, d)
        found = self._members.get(key)
        if found is None:
            found = self._members[key] = [u for u, x in self.users.items()
                                          if x["team"] == team and x["role"] == role
                                          and (d is None or self.employed(u, d))]
        return found

    def manager_of(self, uid: str) -> str | None:
        u = self.users[uid]
        if u["role"] == "manager":
            return None
        return next(x for x, y in self.users.items() if y["team"] == u["team"] and y["role"] == "manager")

    def email_of(self, uid: str) -> str:
        u = self.users[uid]
        return f"{ascii_slug(u['first'], '')}.{ascii_slug(u['last'], '')}@{COMPANY_DOMAIN}"


def owner_at(acc: dict, t: datetime) -> str:
    """The AE who owns the account at time t: part of the UK&I book goes to the new hire
    when he starts, and the leaver's book is handed over when he leaves."""
    owner = acc.owner0
    if acc.to_new_hire and t >= NEW_HIRE_SPLIT_AT:
        owner = NEW_HIRE
    if owner == LEAVER and t.date() > LEAVER_LAST_DAY:
        owner = acc.successor
    return owner


# ---- contract tables -----------------------------------------------------------------

def teams_rows(w):
    return [[t[0], t[1], t[2]] for t in TEAMS]


def users_rows(w):
    urng = w.r("users")
    rows = []
    for uid, u in w.org.users.items():
        mgr = w.org.manager_of(uid)
        if u["terminated_on"]:
            upd = datetime.combine(u["terminated_on"] + timedelta(days=1), time(9, 12, 4))
        elif u["hired_on"] >= FIRST_DAY:
            upd = datetime.combine(u["hired_on"], time(8, 3, 51))
        else:
            upd = datetime(2024, 1, 1, 5, 45) + timedelta(seconds=urng.randint(0, 3000))
        rows.append([uid, f"{u['first']} {u['last']}", w.org.email_of(uid),
                     u["role"], u["team"], mgr or "", f_date(u["hired_on"]), f_date(u["terminated_on"]),
                     "false", f_ts(upd)])
    return rows
