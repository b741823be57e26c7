"""How the contract writes values as text: empty = null, true/false, UTC timestamps
"YYYY-MM-DD HH:MM:SS", dates "YYYY-MM-DD", amounts with a dot and 2 decimals."""

from __future__ import annotations

import unicodedata


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
