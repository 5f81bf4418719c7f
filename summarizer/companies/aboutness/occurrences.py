"""More occurrences of a company than its names in the text: the mention type, and the
passes that add mentions a name search cannot see.

``with_abbreviations``: an abbreviation defined in brackets after a name ("Singapore
Airlines (SIA)") counts as that company wherever it recurs. ``with_group_references``: a
plural reference to companies named together ("Among the accused were A, B, C, D and E
... the companies denied"; "Vodafone and T-Mobile ... the two companies") counts as a
mention of each of them.

Parties named once each and then referred to together were scaled down against a company
named by name throughout. A list is names joined by "and", "or" or "&" (or three and more by
commas); a reference with a number ("the two firms", "both companies", "all three
companies") goes to the first list before it with as many companies, one without ("the
companies") to the first list before it; when the story heads with companies (the headline,
else the first sentence, as for ``other_head``), only a list holding one of them is meant,
so "both companies" after "Kmart will buy Sears ... after Wal-Mart and Home Depot" is not
the rivals. "The other firms" is no reference. Measured with the same weights (``newsbot
companies --score``, every labelled name followed): the 370 never-fitted "fresh" to "fresh4"
articles gained 2 subjects (P 0.820 -> 0.822, R 0.752 -> 0.761, passing mentions alerting
36/819 both times; registry only P 0.836 -> 0.837, R 0.679 -> 0.683); all 685: P 0.872 ->
0.874, R 0.811 -> 0.826, 52/1480 both times, registry P 0.882 -> 0.884, R 0.742 -> 0.753. In
5-fold cross-validation refitted with it, P 0.874 -> 0.880, R 0.765 -> 0.780, passing 49 ->
47 of 1399 at 0.5; the shipped weights were kept (fitted on the earlier splits, "fresh" got
one more passing alert).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from summarizer.companies.aboutness.cues import (
    ABBREVIATED_FIRST,
    ABBREVIATED_REST,
    ABBREVIATION,
    SENTENCE_END,
)


# Not frozen (never changed all the same; hashable as a frozen one): a frozen dataclass sets
# each field through object.__setattr__, which made building one ~4x slower, and matching
# builds several per story.
@dataclass(slots=True, unsafe_hash=True)
class Occurrence:
    """One mention: which company, where (part 0 = headline, 1.. = body paragraphs)."""

    entry: int
    part: int
    start: int
    end: int


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower_keeping_offsets(text: str) -> str:
    """``text`` in lower case with every offset kept ("İ".lower() is two characters)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


# A word that may be a defined abbreviation (``ABBREVIATION``'s letters), standing alone.
# Its capital comes before the lookbehind (which then reads the character before it), so the
# regex engine skips at C speed to the next capital instead of trying every position.
_ABBREVIATION_USE = re.compile(
    rf"{ABBREVIATED_FIRST}(?<![\w&]{ABBREVIATED_FIRST}){ABBREVIATED_REST}(?![\w&])"
)


def with_abbreviations(occs: Sequence[Occurrence], parts: Sequence[str]) -> list[Occurrence]:
    """``occs`` plus later uses of abbreviations defined in brackets after a company's name
    ("Singapore Airlines (SIA) ... SIA said"), where no other mention already is."""
    defined: dict[str, tuple[Occurrence, int]] = {}  # abbreviation -> (name, end of brackets)
    for o in occs:
        text = parts[o.part]
        m = ABBREVIATION.match(text, o.end) if "(" in text[o.end : o.end + 3] else None
        if m and m.group(1) not in defined:
            defined[m.group(1)] = (o, m.end())
    if not defined:
        return list(occs)
    taken = {(o.part, o.start) for o in occs}
    # Where each abbreviation stands, found in one pass over the story (not one per
    # abbreviation: a story defining thousands of them was scanned thousands of times).
    at: dict[str, list[tuple[int, int]]] = {abbr: [] for abbr in defined}
    for p, text in enumerate(parts):
        for m in _ABBREVIATION_USE.finditer(text):
            if m.group() in at:
                at[m.group()].append((p, m.start()))
    extra = [
        Occurrence(o.entry, p, start, start + len(abbr))
        for abbr, (o, after) in defined.items()
        for p, start in at[abbr]
        if (p > o.part or (p == o.part and start >= after)) and (p, start) not in taken
    ]
    return [*occs, *extra]


# Text between two companies named together: the rest of the first name ("Tobacco",
# "LLC."), an aside in brackets, then a comma, "and", "or" or "&", and "the" with one
# descriptive word ("Vodafone and T-Mobile", "A, B and C", "ChevronTexaco and the Malaysian
# Petronas").
_LINK = re.compile(
    r"(?:['’]s)?(?:\s+(?:[A-Z][\w.&-]*|&))?\s*(?:,?\s*\([^()]{0,80}\))?\s*"
    r"(?:,|,?\s+(?P<conjunction>and|or|&))\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?$"
)


def list_link(between: str) -> bool:
    """Whether ``between`` joins two names of a list ("A, B and C", "A or B")."""
    return bool(_LINK.match(between)) and not SENTENCE_END.search(between)


_HOW_MANY = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# A plural reference to companies named before: "the two companies", "both firms", "the
# firms", "all three companies" (not "the other operators"; not "the pair", "both of them",
# which are as often people).
_GROUP_NOUNS = tuple(
    re.findall(r"\S+", "companies firms carriers airlines banks groups businesses operators sides")
)
_GROUP_REFERENCE = re.compile(
    r"\b(the|both|all)\s+(?:(two|three|four|five|six)\s+)?(?:(?!other\b)[a-z-]+\s+)?"
    rf"(?:{'|'.join(_GROUP_NOUNS)})\b"
)


_PLACE = attrgetter("part", "start")


def _groups(occs: Sequence[Occurrence], parts: Sequence[str]) -> list[tuple[int, int, set[int]]]:
    """Companies named together in the body ("A and B", "A, B or C", "A, B, C"; a comma
    alone joins no two: "Owned by A, B says"): (part, end, entries) per list, in order."""
    out: list[tuple[int, int, set[int]]] = []
    run: list[Occurrence] = []
    joined = False  # an "and", "or" or "&" links two of ``run``
    last = Occurrence(-1, -1, 0, 0)
    for o in sorted((o for o in occs if o.part > 0), key=_PLACE):
        # Most names stand far apart: the distance alone rules them out.
        if last.part == o.part and o.start - last.end < 120:
            between = parts[o.part][last.end : o.start]
            link = _LINK.match(between)
            if link and not SENTENCE_END.search(between):
                if not run:
                    run.append(last)
                run.append(o)
                joined = joined or bool(link.group("conjunction"))
                last = o
                continue
        if run:
            _add_list(out, run, joined)
            run, joined = [], False
        last = o
    if run:
        _add_list(out, run, joined)
    return out


def _add_list(out: list[tuple[int, int, set[int]]], run: list[Occurrence], joined: bool) -> None:
    entries = {r.entry for r in run}
    if len(entries) > 2 or (joined and len(entries) == 2):
        out.append((run[0].part, run[-1].end, entries))


def with_group_references(
    occs: Sequence[Occurrence], parts: Sequence[str], lower: Sequence[str] | None = None
) -> list[Occurrence]:
    """``occs`` plus plural references ("the two companies") to companies named together,
    credited to each of them: to the first such group before it with as many companies
    (``lower``: ``parts`` lower-cased, when at hand)."""
    groups = _groups(occs, parts)
    if not groups:
        return list(occs)
    # When the story heads with companies (headline, else first sentence), "the two
    # companies" are those it heads with: a pair named in passing ("after Wal-Mart and Home
    # Depot") is not meant.
    heads = {o.entry for o in occs if o.part == 0}
    if not heads and len(parts) > 1:
        first = SENTENCE_END.search(parts[1])
        cut = first.end() if first else len(parts[1])
        heads = {o.entry for o in occs if o.part == 1 and o.start < cut}
    if heads:
        groups = [g for g in groups if g[2] & heads]
        if not groups:
            return list(occs)
    extra: list[Occurrence] = []
    for p in range(groups[0][0], len(parts)):
        text = lower[p] if lower else lower_keeping_offsets(parts[p])
        if not any(map(text.__contains__, _GROUP_NOUNS)):
            continue  # the regex opens on "\b": tried at every position, unlike a substring
        # The reference comes after the list (searching from there keeps this cheap).
        for m in _GROUP_REFERENCE.finditer(text, groups[0][1] if p == groups[0][0] else 0):
            n = _HOW_MANY.get(m.group(2)) or (2 if m.group(1) == "both" else None)
            for gp, end, entries in groups:
                if (gp, end) > (p, m.start()):
                    break
                if n is None or len(entries) == n:
                    extra.extend(Occurrence(e, p, m.start(), m.end()) for e in sorted(entries))
                    break
    return [*occs, *extra]
