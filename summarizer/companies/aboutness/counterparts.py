"""The other party of the deal a story's head company makes, named as its sentence's subject.

A story about a deal often names its head company (in the headline, or in the first sentence
when the headline names none) in every paragraph, and the other party once or twice, as the
subject of a sentence of its own: "Meanwhile, UK-based firm Aggregate Foods said it had
agreed a £1.8bn takeover by Holcor", "Dunmore is to pay Kestrel £44m for the 33 stores".
Both parties to the main event are subjects (labelling guide rule 8), so such a company gets
the makers' floor, however seldom it is named. ``agents.py`` already marks the other party
named after the head company's deal verb in the lead ("Holcor plans to buy Aggregate").

Only in the story's opening (its first ``_OPENING`` body sentences), and only when the
sentence links the company to a head company by a deal: a takeover, acquisition, purchase
or bid *by* it, a merger, deal or joint venture *with* it, paying it, selling to it. Not a
company after a preposition or quoted as a source (``agents.is_subject``'s rules), nor one
owned by the head company ("Argos, which is owned by GUS": a background fact), nor a link to
a company that heads no part of the story ("a similar bid by Shell for Woodside in 2001").

``buyers``: the buyer a lead sentence names right after what a head company named before it
delivers or sells ("The first A380, made by Airbus, was delivered today to Singapore
Airlines (SIA)"), however the head company stands in the sentence; not past the lead, not a
sale between other companies ("Rival X sold 20 jets to Y"), not "sold its shares to
investors including Y".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.companies.aboutness.agents import is_subject
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence

_OPENING = 8  # body sentences read: the story's opening, past its three-sentence lead
# The deal words right before the head company: "a £1.8bn takeover by", "to be acquired by",
# "merger talks with", "is to pay"; then at most a determiner, "rival" or the head company's
# kind ("the Swiss cement firm"). Not "sells its bricks to H": a supplier is no deal party.
_TO_HEAD = re.compile(
    r"\b(?:(?:takeover|acquisition|purchase|buy-?out|bid|offer|acquired|bought|taken over|"
    r"purchased) by|(?:merger|merge|deal|agreement|talks|joint venture|partnership) with|"
    r"(?:is|are|was|will|would|agreed) (?:to )?pay)"
    r"(?: (?:the|its|a|an|rival|larger|[\w-]+ (?:firm|company|group|giant|maker|bank|"
    r"airline|carrier|chain|retailer)))*(?: [\w'’-]+){0,2} $",
    re.IGNORECASE,
)
# An aside between the company and the deal words ("X, bought by H in 2001, makes ..."): the
# deal is background, not what X does in the sentence. (A comma inside a figure is none.)
_ASIDE = re.compile(r",\s")
_ADVERB = re.compile(r"\s*(?:[A-Z][a-z]+, )?")


def counterparts(occs: Sequence[Occurrence], layout: Layout, *, head: set[int]) -> set[int]:
    """Entries that, as the subject of an opening sentence, make a deal with a head company
    (see the module docstring); ``layout``: the article's sentences; ``head``: its
    :func:`heads`."""
    found: set[int] = set()
    for o in occs:
        if o.part == 0 or not head or o.entry in head or o.entry in found:
            continue
        begin, end, k = layout.sentence(o)
        text = layout.parts[o.part]
        # A sentence adverb before the subject ("Meanwhile, X said") is no phrase of its own.
        begin = min(o.start, _ADVERB.match(text, begin).end())  # type: ignore[union-attr]
        if layout.first[o.part] + k >= _OPENING or not is_subject(o, text, begin):
            continue
        # The head company later in the same sentence, right after a deal's words.
        if any(
            h.entry in head
            and h.part == o.part
            and o.end < h.start < end
            and _TO_HEAD.search(text, o.end, h.start)
            and not _ASIDE.search(text, o.end, h.start)
            for h in occs
        ):
            found.add(o.entry)
    return found


# Words before the buyer of what the head company delivers: "was delivered today to", "sold
# its Index stores to", "will supply 50 planes to" (then at most a determiner or a kind).
_TO_BUYER = re.compile(
    r"\b(?:delivered|sold|supplied|leased|deliver|sell|supply|lease)(?: [^ ,.;()]+){0,4} to"
    r"(?: (?:the|its|rival|[\w-]+ (?:firm|company|group|airline|carrier|bank|chain)))*"
    r" $",
    re.IGNORECASE,
)


def buyers(occs: Sequence[Occurrence], layout: Layout, *, head: set[int]) -> set[int]:
    """Entries a lead sentence names as the buyer of what a head company named before it in
    the sentence delivers or sells ("The first A380, made by Airbus, was delivered today to
    Singapore Airlines"; labelling guide rule 8: buyer and seller), however seldom named;
    ``head``: the story's :func:`heads`."""
    lead = {(p, b) for p, b, _ in layout.lead}
    found: set[int] = set()
    for o in occs:
        if o.part == 0 or not head or o.entry in head:
            continue
        begin = layout.sentence(o)[0]
        if (o.part, begin) not in lead:
            continue
        text = layout.parts[o.part]
        if _TO_BUYER.search(text, max(begin, o.start - 80), o.start) and any(
            h.entry in head and h.part == o.part and begin <= h.start < o.start for h in occs
        ):
            found.add(o.entry)
    return found


def heads(occs: Sequence[Occurrence], layout: Layout) -> set[int]:
    """The companies heading the story: named in its headline, else in its first sentence."""
    titled = {o.entry for o in occs if o.part == 0}
    if titled:
        return titled
    return {o.entry for o in occs if o.part > 0 and layout.mention(o)[0] == 0}
