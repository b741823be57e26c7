"""Accounts and contacts: the companies (prospects and customers) and the people at them.

Customers the company already had are imported at go-live (2024-01-01 06:00) with 1-3
contacts each; prospects are created when a lead needs an account. Names, e-mail domains
(*.example) and phone numbers (ranges reserved for fiction) are invented.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from .draws import Weighted, choice, pick, randint
from .formats import ascii_slug, f_bool, f_ts
from .org import HANDOVER_AT, LEAVER, NEW_HIRE, NEW_HIRE_SPLIT_AT, TEAM_COUNTRIES, TEAM_SHARE, owner_at
from .rates import currency_of
from .records import Account, Contact
from .timeline import END, START, clamp_end

SEGMENTS = Weighted([("smb", .55), ("mid_market", .32), ("enterprise", .13)])
IMPORTED_SEGMENTS = Weighted([("smb", .5), ("mid_market", .36), ("enterprise", .14)])
SEGMENT_EMPLOYEES = {"smb": (10, 199), "mid_market": (200, 999), "enterprise": (1000, 25000)}

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
    "FR": lambda r: f"+33 1 99 00 {randint(r, 0, 99):02d} {randint(r, 0, 99):02d}",
    "BE": lambda r: f"+32 2 555 {randint(r, 0, 99):02d} {randint(r, 0, 99):02d}",
    "LU": lambda r: f"+352 555 {randint(r, 0, 999):03d}",
    "DE": lambda r: f"+49 30 5550 {randint(r, 0, 9999):04d}",
    "AT": lambda r: f"+43 1 555 {randint(r, 0, 9999):04d}",
    "CH": lambda r: f"+41 44 555 {randint(r, 0, 99):02d} {randint(r, 0, 99):02d}",
    "GB": lambda r: f"+44 20 7946 0{randint(r, 0, 999):03d}",
    "IE": lambda r: f"+353 1 555 {randint(r, 0, 9999):04d}",
    "US": lambda r: f"+1 202-555-01{randint(r, 0, 99):02d}",
}


ROOTS = len({a + b for a in NAME_ROOTS_A for b in NAME_ROOTS_B})  # distinct roots


def company_name(w, rng, country: str, industry: tuple) -> tuple[str, str]:
    """"<root> <industry word> <legal form>", the "<root> <word>" never used before. When a
    word's names run out (a large --scale), a number follows the base: "Nordwind Logistik 2 AG"."""
    lang = LANG[country]
    word = industry[lang]
    if w.names_by_word.get(word, 0) < ROOTS:
        for _ in range(200):
            root = choice(rng, NAME_ROOTS_A) + choice(rng, NAME_ROOTS_B)
            legal = choice(rng, LEGAL[country])
            base = f"{root} {word}"
            name = f"{base} {legal}"
            if base not in w.used_names:
                w.used_names.add(base)
                w.names_by_word[word] = w.names_by_word.get(word, 0) + 1
                return name, ascii_slug(base, "-") + ".example"
    root = choice(rng, NAME_ROOTS_A) + choice(rng, NAME_ROOTS_B)
    legal = choice(rng, LEGAL[country])
    n = w.name_numbers[f"{root} {word}"] = w.name_numbers.get(f"{root} {word}", 1) + 1
    base = f"{root} {word} {n}"
    return f"{base} {legal}", ascii_slug(base, "-") + ".example"


def new_account(w, rng, team: str, created: datetime, segment: str | None = None,
                customer_import: bool = False) -> dict:
    country = pick(rng, TEAM_COUNTRIES[team])
    segment = segment or pick(rng, SEGMENTS)
    industry = choice(rng, INDUSTRIES)
    name, domain = company_name(w, rng, country, industry)
    lo, hi = SEGMENT_EMPLOYEES[segment]
    emp = None if rng.random() < .06 else int(math.exp(rng.uniform(math.log(lo), math.log(hi))))
    aes = w.org.team_members(team, "ae", created.date())
    if segment == "enterprise":  # the junior AEs get no enterprise account
        aes = [a for a in aes if a not in (LEAVER, NEW_HIRE)]
    if customer_import:  # the existing book is dealt round-robin to the AEs
        k = w.deal_rr.get((team, segment), 0)
        w.deal_rr[(team, segment)] = k + 1
        owner = aes[k % len(aes)]
    else:
        owner = choice(rng, aes)
    to_new_hire = (team == w.org.users[NEW_HIRE]["team"] and created < NEW_HIRE_SPLIT_AT
                   and segment != "enterprise" and rng.random() < .3)
    acc = Account(seq=w.next_seq(), account_id=None, account_name=name, domain=domain,
               industry=industry[0], segment=segment, country=country,
               currency=currency_of(country), employee_count=emp, team=team, owner0=owner,
               successor=choice(rng, [a for a in w.org.team_members(team, "ae") if a != LEAVER]),
               created_at=created, is_deleted=False, contacts=[], touched=[created],
               customer_import=customer_import, reserved_until=START, to_new_hire=to_new_hire)
    w.accounts.append(acc)
    if not customer_import:
        w.prospects[team].append(acc)
    return acc


def new_contact(w, rng, created: datetime, acc: dict | None, country: str) -> dict:
    lang = LANG[country]
    first = choice(rng, FIRST_NAMES[lang])
    last = choice(rng, LAST_NAMES[lang])
    if acc is not None:
        domain = acc.domain
    else:
        domain = choice(rng, ["mail.example", "inbox.example", "post.example", "webmail.example"])
    local = f"{ascii_slug(first, '')}.{ascii_slug(last, '')}"
    # the first free of local@domain, local2@domain, local3@domain ... (locals have no digit,
    # so they are taken in that order and the count says which is free)
    taken = w.emails_taken.get((local, domain), 0)
    w.emails_taken[(local, domain)] = taken + 1
    email = f"{local}{taken + 1 if taken else ''}@{domain}"
    c = Contact(seq=w.next_seq(), contact_id=None, account=acc, first=first, last=last,
             email=email, phone=None if rng.random() < .18 else PHONE_FORMATS[country](rng),
             job_title=None if rng.random() < .1 else choice(rng, JOB_TITLES),
             created_at=created, is_deleted=False)
    c.updated_at = clamp_end(created + timedelta(days=rng.uniform(0, 240), seconds=randint(rng, 0, 3600)))
    w.contacts.append(c)
    if acc is not None:
        acc.contacts.append(c)
    return c


def gen_imported_customers(w):
    """Customers the company already had when the CRM went live on 1 January 2024."""
    rng = w.r("imported")
    n = max(8, int(round(85 * w.scale)))
    t = datetime(2024, 1, 1, 6, 0, 0)
    for i in range(n):
        team = pick(rng, TEAM_SHARE)
        seg = pick(rng, IMPORTED_SEGMENTS)
        created = t + timedelta(seconds=3 * i)
        acc = new_account(w, rng, team, created, seg, customer_import=True)
        for k in range(randint(rng, 1, 3)):
            new_contact(w, rng, created + timedelta(seconds=1 + k // 2), acc, acc.country)
    # an imported account owner must be employed on 2024-01-01 (U022 is not): handled by team_members


def finish_accounts(w):
    """updated_at of every account: its last touch, the book changes included."""
    for acc in w.accounts:
        if not acc.is_deleted and acc.to_new_hire:
            acc.touched.append(NEW_HIRE_SPLIT_AT)
        if not acc.is_deleted and owner_at(acc, HANDOVER_AT - timedelta(days=1)) == LEAVER:
            acc.touched.append(HANDOVER_AT)
        acc.updated_at = clamp_end(max(acc.touched) + timedelta(minutes=(acc.seq * 37) % 600))
        acc.touched = None  # only needed for updated_at


# ---- contract tables -----------------------------------------------------------------

def accounts_rows(w):
    for a in w.accounts:
        owner = owner_at(a, a.updated_at if a.is_deleted else END)
        row = [a.account_id, a.account_name, a.industry, a.segment, a.country,
               "" if a.employee_count is None else str(a.employee_count), owner,
               f_ts(a.created_at), f_bool(a.is_deleted), f_ts(a.updated_at)]
        yield row
        if a.deliver_twice:
            yield list(row)


def contacts_rows(w):
    for c in w.contacts:
        yield [c.contact_id, c.account.account_id if c.account else "", c.first, c.last,
               c.email, c.phone or "", c.job_title or "", f_ts(c.created_at),
               f_bool(c.is_deleted), f_ts(c.updated_at)]
