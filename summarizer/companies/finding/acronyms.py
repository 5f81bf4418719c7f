"""Capital-letter abbreviations that stand for something else in the article.

"BRC" is a registry company (a coffee roaster), but a story that writes "the British
Retail Consortium ... the BRC said" means the trade body. When the article spells
an abbreviation out as a run of capitalised words ("British Retail Consortium": B, R,
C; "of", "and", "for", "de" ... may come between) and that phrase is not itself found
as the same company, the abbreviation is that phrase, not the registry company.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from summarizer.companies.aboutness.salience import Occurrence

# A spelled-out phrase ending in (or followed by) a legal form is a company's own full name.
_LEGAL = re.compile(r"\s*(?:Corp|Corporation|Inc|Ltd|Limited|plc|PLC|Company|Co|Group)\b")
# Small words a spelled-out name may hold without their initial ("Bank of America").
_SKIP = r"(?:(?:of|and|for|the|de|du|des|di|la|le|&)\s+)*"


@lru_cache(maxsize=512)
def spelled_out(abbr: str) -> re.Pattern[str]:
    """Capitalised words whose initials are ``abbr``, separated by spaces or hyphens."""
    words = [rf"{re.escape(ch)}[^\W\d_]*" for ch in abbr]
    # The first letter comes before the lookbehind, so the regex engine skips at C speed to
    # the next such capital instead of trying the lookbehind at every position.
    first = rf"{re.escape(abbr[0])}(?<![\w'’]{re.escape(abbr[0])})"
    pattern = (r"[\s-]+" + _SKIP).join([first + words[0][len(re.escape(abbr[0])) :], *words[1:]])
    return re.compile(pattern + r"(?![\w'’])")


def _legal(text: str, end: int) -> bool:
    """Whether the phrase ending at ``end`` ends in a legal form or is followed by one."""
    last = text.rfind(" ", 0, end) + 1
    return bool(_LEGAL.match(text, last) or _LEGAL.match(text, end))


def _abbreviation(text: str) -> bool:
    return 3 <= len(text) <= 5 and text.isalpha() and text.isupper()


def spelled_elsewhere(
    occs: Sequence[Occurrence], parts: Sequence[str], registry: int
) -> list[Occurrence]:
    """``occs`` without registry abbreviations the article spells out as another name.

    Only registry entries (numbered below ``registry``) are judged: a name a user follows
    ("ATR", "Avions de Transport Regional (ATR)") is what that user means."""
    abbrs = {
        parts[o.part][o.start : o.end]
        for o in occs
        if o.entry < registry and _abbreviation(parts[o.part][o.start : o.end])
    }
    if not abbrs:
        return list(occs)
    spans: dict[int, list[tuple[int, int, int]]] = {}
    for o in occs:
        spans.setdefault(o.entry, []).append((o.part, o.start, o.end))
    dropped: set[tuple[int, str]] = set()
    for abbr in abbrs:
        pattern = spelled_out(abbr)
        phrases = [
            (p, m.start(), m.end()) for p, t in enumerate(parts) for m in pattern.finditer(t)
        ]
        if not phrases:
            continue
        if all(_legal(parts[p], e) for p, _, e in phrases):
            continue  # "Oil & Natural Gas Corp": a company's full name, the registry's or not
        for entry in {o.entry for o in occs if parts[o.part][o.start : o.end] == abbr}:
            own = spans[entry]  # "General Motors ... GM": the phrase is the company itself
            if not any(p == q and a < e and s < b for p, s, e in phrases for q, a, b in own):
                dropped.add((entry, abbr))
    return [o for o in occs if (o.entry, parts[o.part][o.start : o.end]) not in dropped]
