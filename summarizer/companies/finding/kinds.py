"""Names that say by their form or place what they are (for ``discover.py``): an airline
named "Air" and a place ("Air Moldova"), and what has shares ("shares in Manchester United")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarizer.companies.finding.described import JOINERS
from summarizer.companies.registry.names import is_common, is_place

# A market named by its street or valley: "shares in Wall Street fell", "Silicon Valley".
_MARKET_PLACES = frozenset(("Street", "Valley"))


def shares_in(name: str, cue: str | None) -> bool:
    """ "Shares in Manchester United", "shares of Crystal Palace": what has shares is a
    company, even named with ordinary words and places, when its name has two words (no
    "and": "shares in Hong Kong and Tokyo" are two markets) and is no place ("New York")."""
    words = name.split()
    if not cue or len(words) < 2 or any(w in JOINERS for w in words):
        return False
    # A market named by its place, or a whole trade ("shares in Big Tech"), is no company.
    if words[-1] in _MARKET_PLACES or words[0] == "Big":
        return False
    return not is_place(name) and not is_common(name)


def airlines(text: str) -> Iterator[str]:
    """ "Air Moldova", "Air Deccan": "Air" and one place or word no dictionary has names an
    airline ("Air Force", "Air Marshal" and "Air Miles" are ordinary words; "Air Force One"
    goes on into another name)."""
    at = text.find("Air ")
    while at >= 0:
        word = re.match(r"[A-Z][a-z]+\b", text[at + 4 : at + 40])
        at, before = text.find("Air ", at + 4), at
        if word is None or (before and text[before - 1].isalnum()):
            continue
        rest = text[before + 4 + word.end() : before + 6 + word.end()]
        more = (rest[:1] == " " and rest[1:].isupper()) or rest.startswith("-")
        if not more and (is_place(word.group()) or not is_common(word.group())):
            yield f"Air {word.group()}"
