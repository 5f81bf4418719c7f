"""Capitals given back to text that lost them, where a company's name needs them.

Matching reads capitals: "Google" is the company, "google it" the verb, and a name's
capitalised words must stay capitalised ("Indian oil" is not Indian Oil). A transcript
or a lower-cased paste has no capital letter at all, so no company would be found in
it, not even one a chat follows. In such text (and only there):

* a registry or followed name that holds a word which is no ordinary word, place or
  first name gets its spelling back wherever all its words stand together: "rago arts
  and auction center" -> "Rago Arts and Auction Center", "ibm" -> "IBM";
* such a word standing alone gets the spelling a name gives it ("altria" -> "Altria");
* each sentence opens on a capital again, because salience reads sentences from them
  (without, a one-paragraph story is one long first sentence, and every company in it
  "leads").

Names made only of ordinary words ("apple", "shell", "next", "general electric") stay
in lower case: an ambiguous name is never guessed from lower-case text. Offsets do
not change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from summarizer.companies.index import EXACT, FOLD, AliasRef
from summarizer.companies.names import is_common

_CAPITAL = re.compile(r"[A-Z]")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|&")
# The first letter of a part, or of a sentence after ". ", "! ", "? " (quotes allowed).
_OPENING = re.compile(r"(?:^|(?<=[.!?])[\"'”’)]*\s+)[\"“‘(]?[a-z]")
_MIN_LETTERS = 3  # "bp", "gm", "hp" are too short to trust in lower-case text

Spellings = Mapping[str, tuple[tuple[str, ...], ...]]


def caseless(parts: Sequence[str]) -> bool:
    """Whether ``parts`` (headline and paragraphs) hold text but no capital A-Z."""
    return not any(_CAPITAL.search(p) for p in parts) and any(p.strip() for p in parts)


def spellings(
    grams: Mapping[tuple[str, ...], tuple[AliasRef, ...]],
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Distinctive lower-case word -> the names (as words) that hold it, longest first."""
    names: dict[str, set[tuple[str, ...]]] = {}
    for refs in grams.values():
        for ref in refs:
            if ref.mode not in (FOLD, EXACT) or ref.weak:
                continue
            for word in ref.surface:
                if _distinctive(word):
                    names.setdefault(word.lower(), set()).add(ref.surface)
    return {w: tuple(sorted(s, key=lambda n: (-len(n), n))) for w, s in names.items()}


def _distinctive(word: str) -> bool:
    low = word.lower()
    return (
        low != word
        and len(low) == len(word)
        and sum(c.isalpha() for c in word) >= _MIN_LETTERS
        and not is_common(low)
    )


def recased(parts: Iterable[str], spelled: Spellings) -> list[str]:
    """``parts`` with names spelled as the registry spells them and sentences opening on
    a capital (module docstring)."""
    return [_OPENING.sub(lambda m: m.group().upper(), _names(part, spelled)) for part in parts]


def _names(part: str, spelled: Spellings) -> str:
    toks = [(m.start(), m.end(), _bare(m.group())) for m in _TOKEN.finditer(part)]
    new: dict[int, str] = {}  # token index -> its spelling
    for k, (_, _, low) in enumerate(toks):
        for name in spelled.get(low, ()):
            lo = k - [w.lower() for w in name].index(low)
            window = toks[lo : lo + len(name)]
            if lo >= 0 and [t[2] for t in window] == [w.lower() for w in name]:
                new.update((lo + i, w) for i, w in enumerate(name))
                break
            if len(name) == 1:
                new[k] = name[0]
    if not new:
        return part
    out, last = [], 0
    for k, word in sorted(new.items()):
        start = toks[k][0]
        if part[start : start + len(word)].lower() == word.lower():
            out += [part[last:start], word]
            last = start + len(word)
    return "".join(out) + part[last:]


def _bare(token: str) -> str:
    """A token as names are indexed: lower case, straight apostrophe, no possessive."""
    low = token.lower().replace("’", "'")
    return low[:-2] if len(low) > 3 and low.endswith("'s") else low
