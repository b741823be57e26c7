"""How the contract writes values as text: empty = null, true/false, UTC timestamps
"YYYY-MM-DD HH:MM:SS", dates "YYYY-MM-DD", amounts with a dot and 2 decimals."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def f_ts(t) -> str:
    """A datetime to the second (fractions are cut, as strftime("%Y-%m-%d %H:%M:%S") does)."""
    return "" if t is None else t.isoformat(" ", "seconds")


def f_date(d) -> str:
    return "" if d is None else d.isoformat()


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


@lru_cache(maxsize=4096)  # first and last names come back all the time
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
