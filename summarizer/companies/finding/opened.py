"""A common word that names one company, read as another company whose name it opens.

After "Continental Airlines", a bare "Continental" is the airline, not the tyre maker;
after "Harrison Ford", a bare "Ford" is the actor unless Ford Motor is named outright.
:mod:`summarizer.companies.finding.accepted` gathers the hits; these rules decide
which company each one-word hit stands for in the story.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from summarizer.companies.finding.judge import Hit
from summarizer.companies.registry.entries import CompanyEntry
from summarizer.companies.registry.names import DESCRIPTORS, LEGAL


def opened_names(
    parts: Sequence[str], hits: Sequence[tuple[int, Hit]], entries: Sequence[CompanyEntry]
) -> dict[tuple[int, str], int]:
    """{(company, word): other company} for a one-word hit that stands for another company
    whose name the story gave first (``opened_words`` and ``shortened_words``)."""
    if not any(h.word for _, h in hits):
        return {}  # most stories have no one-word hit: where names were is never gathered
    places = _places(parts, hits)
    if not places[0]:
        return {}  # no name of several words: none opens with a one-word hit's word
    return opened_words(places, entries) | shortened_words(places, entries)


_Places = tuple[dict[str, dict[int, tuple[int, int]]], dict[tuple[int, str], tuple[int, int]]]


def opened_words(places: _Places, entries: Sequence[CompanyEntry]) -> dict[tuple[int, str], int]:
    """{(company, word): other company} for a common word that is one company's name
    and opens another company's name which the story's text gives first: after
    "Continental Airlines", a bare "Continental" is the airline, not the tyre maker.
    Only where the word is that name's short form, the rest of it saying what the
    company does ("Airlines", "Resources"; not "Apple Hospitality REIT", "Leonardo
    DRS"); not when the company is named outright too ("Toyota Motor ... Toyota
    Industries ... Toyota said"), nor for its own unit (a registry "parent": Hitachi
    Metals), nor when it came first ("Apple ... the Apple Insider website"); ``places``:
    ``_places``."""
    opened, bare = places
    outright = {e for named in opened.values() for e in named}
    out = {}
    for (entry, word), place in bare.items():
        if entry in outright or word not in _common_words(entries[entry]):
            continue
        name = entries[entry].name
        earlier = [
            (at, o)
            for o, at in opened.get(word, {}).items()
            if o != entry and entries[o].parent != name and _shortens_to(entries[o], word)
        ]
        if earlier and min(earlier)[0] < place:
            out[entry, word] = min(earlier)[1]
    return out


def _places(parts: Sequence[str], hits: Sequence[tuple[int, Hit]]) -> _Places:
    """({first word of a multi-word hit: {company: first place}}, {(company, one-word hit):
    first place}); a headline's place counts after the body's."""
    opened: dict[str, dict[int, tuple[int, int]]] = {}  # word -> company -> first place
    bare: dict[tuple[int, str], tuple[int, int]] = {}  # (company, word) -> first place
    for p, h in hits:
        # Headline words come last: a headline may shorten the name the text spells out.
        place = (p if p else len(parts), h.start)
        if h.word:
            bare[h.entry, h.word] = min(bare.get((h.entry, h.word), place), place)
        elif not h.shadow:
            first = parts[p][h.start : h.end].split(None, 1)[0].casefold()
            named = opened.setdefault(first, {})
            named[h.entry] = min(named.get(h.entry, place), place)
    return opened, bare


def shortened_words(places: _Places, entries: Sequence[CompanyEntry]) -> dict[tuple[int, str], int]:
    """{(company, word): other company} for a one-word name of one company that opens the
    full name of another which the story gives first: after "Tata Teleservices", a bare
    "Tata" is that firm, not Tata Group; after "Virgin Atlantic", "Virgin" is the airline.
    A story shortens the name it spelled out, not to another company's. Not when the
    word's own company is named outright too ("Toyota Motor ... Toyota Industries ...
    Toyota said"), nor for its own unit (a registry "parent"); common words are
    ``opened_words``' (they need the rest of the name to say what the company does);
    ``places``: ``_places``."""
    opened, bare = places
    outright = {e for named in opened.values() for e in named}
    out = {}
    for (entry, word), place in bare.items():
        if entry in outright or word in _common_words(entries[entry]):
            continue
        name = entries[entry].name
        earlier = [
            (at, o)
            for o, at in opened.get(word, {}).items()
            if o != entry and entries[o].parent != name and entries[entry].parent != entries[o].name
        ]
        if earlier and min(earlier)[0] < place:
            out[entry, word] = min(earlier)[1]
    return out


def as_read(
    hit: Hit, opened: Mapping[tuple[int, str], int], shadows: Collection[tuple[int, str]]
) -> Hit:
    """``hit`` as the story reads it: the company whose name its word opened, weak where
    the word is a person's name, else as found."""
    key = (hit.entry, hit.word)
    if key in opened:
        return replace(hit, entry=opened[key])
    return replace(hit, weak=True) if key in shadows else hit


def _shortens_to(entry: CompanyEntry, word: str) -> bool:
    """Whether the entry's name is ``word`` and words saying what it does or its legal
    form ("Continental Airlines" to "Continental")."""
    first, *rest = entry.name.casefold().split()
    return first == word and bool(rest) and all(w in DESCRIPTORS or w in LEGAL for w in rest)


def _common_words(entry: CompanyEntry) -> frozenset[str]:
    """The entry's names that are also common words (its "ambiguous" list), folded."""
    return frozenset(a.casefold() for a in entry.ambiguous)
