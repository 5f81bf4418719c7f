"""Registry and followed names filed for recasing: each under the words that find it."""

from __future__ import annotations

import re
from collections.abc import Container, Mapping

from summarizer.companies.registry.index import EXACT, FOLD, WORD, AliasRef
from summarizer.companies.registry.names import LEGAL, is_common

MIN_LETTERS = 3  # "bp", "gm", "hp" need a company cue in lower-case text
# Legal forms that say "company" after a name ("shell plc", "sprint corp"), but for those
# that are also words ("toyota as well", "a shell company", "crane co").
FORMS = LEGAL - frozenset(re.findall(r"\S+", "as co cos se sa ab lp kk rt oy kg sca company"))
JOINS = frozenset(("the", "and", "&", "of", "a"))  # "The Guardian" is one ordinary word
_DATES = frozenset(
    re.findall(
        r"\S+",
        "jan feb mar apr jun jul aug sep sept oct nov dec "
        "mon tue tues wed thu thur thurs fri sat sun",
    )
)

# Word -> (its position in the names filed under it, their length, {words: spelling}),
# longest first: a name is then found with one lookup per group, not one test per name
# (770 names end on "ltd").
Name = tuple[str, ...]  # a name's words, as the registry spells them
Token = tuple[int, str]  # a word's offset in its text, and the word as names are filed
Group = tuple[int, int, Mapping[tuple[str, ...], tuple[str, ...]]]
Spellings = Mapping[str, tuple[Group, ...]]


def spellings(
    grams: Mapping[tuple[str, ...], tuple[AliasRef, ...]], *, tickers: Container[str] = ()
) -> dict[str, tuple[Group, ...]]:
    """Lower-case word -> the names (as words) filed under it: under each distinctive word
    a name holds, or under its longest word but a legal form when it holds none."""
    groups: dict[str, dict[tuple[int, int], dict[tuple[str, ...], tuple[str, ...]]]] = {}
    for refs in grams.values():
        for ref in refs:
            if ref.mode not in (FOLD, EXACT, WORD) or ref.weak or ref.surface[0] in tickers:
                continue  # (a ticker is no name: "CARR" would be every Mr Carr)
            low = tuple(map(bare, ref.surface))  # as text is read: "moody's" -> "moody"
            keys = {w for w, word in zip(low, ref.surface, strict=True) if distinctive(word)}
            plain = [w for w in low if w not in JOINS and w not in LEGAL]
            if not keys and len([w for w in low if w not in JOINS]) > 1 and plain:
                keys = {max(plain, key=len)}  # the one least often met
            elif not keys and len(low) == 1 and _word(ref.surface[0]):
                keys = {low[0]}  # "google", "toyota", "shell": needs a cue
            for key in keys:
                group = groups.setdefault(key, {}).setdefault((low.index(key), len(low)), {})
                group.setdefault(low, ref.surface)
    return {key: _longest_first(g) for key, g in groups.items()}


def merged(first: Spellings, more: Spellings) -> dict[str, tuple[Group, ...]]:
    """``first`` with the names of ``more`` filed in too (``first``'s spelling wins)."""
    out = dict(first)
    for key, groups in more.items():
        joined: dict[tuple[int, int], dict[tuple[str, ...], tuple[str, ...]]] = {}
        for at, n, names in (*first.get(key, ()), *groups):
            group = joined.setdefault((at, n), {})
            for words, spelled in names.items():
                group.setdefault(words, spelled)
        out[key] = _longest_first(joined)
    return out


def _longest_first(
    groups: dict[tuple[int, int], dict[tuple[str, ...], tuple[str, ...]]],
) -> tuple[Group, ...]:
    return tuple(
        (at, n, names) for (at, n), names in sorted(groups.items(), key=lambda x: -x[0][1])
    )


def distinctive(word: str) -> bool:
    low = word.lower()
    return (
        low != word
        and len(low) == len(word)
        and sum(c.isalpha() for c in word) >= MIN_LETTERS
        and not is_common(low)
        and low not in _DATES
        and low not in LEGAL
    )


def _word(word: str) -> bool:
    """A one-word name that is also a frequent word ("google", "toyota", "shell")."""
    low = word.lower()
    return (
        low != word
        and len(low) == len(word)
        and low.isalpha()
        and len(low) >= 2
        and low not in _DATES
    )


def cued(name: Name) -> bool:
    """Whether ``name`` counts only beside what a company does (one ordinary word)."""
    return len(name) == 1 and not distinctive(name[0])


def sure(name: Name) -> bool:
    """Whether one use of ``name`` is enough: it has two words or more, and one is
    distinctive or the last is a legal form that is no word ("sprint corp", "apple inc";
    not "southern company" or "crane co", which may be a firm of the south or of
    cranes)."""
    return len(name) > 1 and (any(distinctive(w) for w in name) or name[-1].lower() in FORMS)


def bare(token: str) -> str:
    """A token as names are indexed: lower case, straight apostrophe, no possessive."""
    low = token.lower().replace("’", "'")
    return low[:-2] if len(low) > 3 and low.endswith("'s") else low
