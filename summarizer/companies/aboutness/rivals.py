"""A company the story introduces as a rival of its head company: a comparison, not a subject.

"Boeing, in contrast to European rival Airbus, hopes airlines will want smaller planes":
a story about one company often sets a rival beside it at length, naming it nearly as
often, but it is about the company it heads with (labelling guide rule 8: companies in
comparisons are mentions). A company first named in the body right after "rival",
"competitor" or "rivals such as" is capped below a subject when the story has a head
company (named in the headline, else in the first sentence) and the rival is none.

Not a rival in a deal: "is to buy rival X", "sell its stores to its largest rival X",
"rival bidder X", "A and rival X held talks over an offer" (bidder and target are parties:
rule 8); not "a rival
format developed by X" (the rival is the format); not a company named in the headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence

# "European rival", "its largest rival", "competitors such as", "rivals like": at most two
# words (adjectives, a possessive) between the cue and the name.
_RIVAL_BEFORE = re.compile(
    r"\b(?:rivals?|competitors?|arch-rivals?)(?: (?:such as|like|including))?"
    r"(?: [\w'’-]+){0,2}? $",
    re.IGNORECASE,
)
# A deal in the sentence: the rival is then a party to it ("rival X held talks over an offer").
_DEAL = re.compile(
    r"\b(?:buy|buys|bought|buying|acquir\w*|takeover|take over|takes over|took over|merg\w*|"
    r"sell|sells|sold|selling|bid|bids|bidder|suitor|offers?|offered|stake|talks)\b",
    re.IGNORECASE,
)


def rivals(occs: Sequence[Occurrence], layout: Layout, *, head: set[int]) -> set[int]:
    """Entries introduced as a rival of the story's head company (see the module docstring);
    ``head``: the story's companies heading it (``counterparts.heads``)."""
    if not head:
        return set()
    first: dict[int, Occurrence] = {}
    for o in sorted(occs, key=lambda o: (o.part, o.start)):
        first.setdefault(o.entry, o)
    found: set[int] = set()
    for e, o in first.items():
        if o.part == 0 or e in head:
            continue
        begin, end, _ = layout.sentence(o)
        text = layout.parts[o.part]
        if _RIVAL_BEFORE.search(text, max(begin, o.start - 40), o.start) and not (
            _DEAL.search(text, begin, end)
        ):
            found.add(e)
    return found
