"""The short forms and abbreviations a spelled name brings along in lower-case text.

Both are found with one pass over the story's tokens and a dictionary lookup per
token (not one regex alternative per name: a story naming thousands of companies
would be scanned thousands of times).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from summarizer.companies.finding.recase.spellings import JOINS, Name, Token
from summarizer.companies.registry.names import is_common, short_forms
from summarizer.text.capitals import has_capitals

# An abbreviation in brackets right after a name: "london stock exchange (lse)".
_BRACKETED = re.compile(r"\s*\(([a-z][a-z&]{1,5})\)")


def short_form_names(names: Iterable[Name]) -> dict[Name, Name]:
    """The short forms of ``names`` to spell where the story uses them, as words (lower
    case -> spelled): those that start the name and are no ordinary word ("blb" of BLB
    Investors, "rago" of Rago Arts and Auction Center; not "deep" of Deep Ocean Search).
    The matcher counts a short form only beside its full name, as in cased text."""
    out: dict[Name, Name] = {}
    for name in names:
        for form, _ in short_forms(" ".join(name)):
            words = tuple(form.split())
            low = tuple(w.lower() for w in words)
            if (
                has_capitals(form)
                and low == tuple(w.lower() for w in name[: len(words)])
                and not is_common(form.lower())
            ):
                out.setdefault(low, words)
    return out


def abbreviation_after(text: str, toks: list[Token], k: int, name: Name) -> str:
    """The abbreviation of ``name`` (at token ``k``) in brackets right after it, or ""."""
    start, low = toks[k + len(name) - 1]
    m = _BRACKETED.match(text, start + len(low))
    return m.group(1) if m and _abbreviates(m.group(1), name) else ""


def spread(abbreviations: Iterable[str]) -> frozenset[str]:
    """The defined abbreviations to write in capitals wherever they stand ("LSE said"),
    as the matcher reads a defined abbreviation in cased text; not those that are also
    words ("ups" of United Parcel Service, "us", "bat"): "its ups and downs" stays."""
    return frozenset(a for a in abbreviations if not is_common(a))


def places(
    toks: list[Token], forms: Mapping[Name, Name], abbreviations: frozenset[str]
) -> list[tuple[int, Name]]:
    """(first token, spelling) of each short form and spread abbreviation in ``toks``."""
    firsts = {low[0] for low in forms}
    longest = max(map(len, forms), default=0)
    out: list[tuple[int, Name]] = []
    k = 0
    while k < len(toks):
        low = toks[k][1]
        if low in abbreviations:
            out.append((k, (low.upper(),)))
        elif low in firsts:
            for n in range(min(longest, len(toks) - k), 0, -1):
                words = tuple(t[1] for t in toks[k : k + n])
                if words in forms:
                    out.append((k, forms[words]))
                    k += n - 1
                    break
        k += 1
    return out


def _abbreviates(short: str, name: Name) -> bool:
    """Whether ``short`` is made of the initials of ``name``'s words (hyphenated parts
    count: "hp" of Hewlett-Packard), or starts with three or more of them ("tepco")."""
    words = [p for w in name if w.lower() not in JOINS for p in w.split("-") if p]
    initials = "".join(w[0].lower() for w in words)
    letters = short.replace("&", "")
    return len(initials) >= 2 and (
        letters == initials or (len(initials) >= 3 and letters.startswith(initials))
    )
