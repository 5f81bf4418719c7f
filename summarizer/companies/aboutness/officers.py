"""The company whose officer speaks in a story's lead: it acts through that person.

A company often acts in the news through its people: "Jane Roe, president and publisher of
Acme Books, said in a release", "Acme's chief executive, John Doe, said", "Acme chairman
John Doe told reporters". When the story's lead (its first three body sentences) quotes a
company's officer, the company speaks there, so it is a subject (labelling guide: the
company the story is about), however seldom it is named later.

Not an officer: a source's analysts or researchers ("head of research at X", "economist at
X": guide rule 7), a company named after the officer's title of another one ("chief
executive of A, a unit of B"), and a sentence with no verb of speaking (the officer is
then only described: "the former chairman of X was jailed").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.companies.aboutness.cues import OFFICER_TITLE, is_source, window
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence, lower_keeping_offsets

# "president and publisher of X", "chief executive at the X", "vice president of sales at X".
_TITLE_BEFORE = re.compile(
    rf"\b(?:vice )?{OFFICER_TITLE}(?: and (?:vice )?{OFFICER_TITLE})?(?: of [\w&-]+(?: [\w&-]+)?)?"
    r",? (?:of|at|for) (?:the )?$"
)
# "X's chief executive", "X chairman John Doe", "X spokeswoman".
_TITLE_AFTER = re.compile(rf"^(?:['’]s?)? (?:new |former |vice )?{OFFICER_TITLE}\b")
# A verb of speaking somewhere in the sentence.
_SPEAKS = re.compile(
    r"\b(?:said|says|told|tells|announced|added|explained|stated|confirmed|insisted|"
    r"according to)\b"
)


def officers(occs: Sequence[Occurrence], layout: Layout) -> set[int]:
    """Entries whose officer speaks in the story's lead (see the module docstring); ``layout``:
    the article's sentences."""
    first = min((o.part for o in occs if o.part > 0), default=0)
    if not first:
        return set()
    found: set[int] = set()
    parts = layout.parts
    for p, begin, end in layout.lead:
        if p < first:
            continue
        here = [o for o in occs if o.part == p and begin <= o.start < end]
        if not here:
            continue
        lower = lower_keeping_offsets(parts[p][begin:end])
        if not _speaks(lower):
            continue
        for o in here:
            before, after = window(lower, o.start - begin, o.end - begin)
            officer = _TITLE_BEFORE.search(before) or _TITLE_AFTER.match(after)
            if officer and not is_source(before, after):
                found.add(o.entry)
    return found


def _speaks(sentence: str) -> bool:
    """Whether a lower-cased sentence uses a verb of speaking: its words looked for first, at
    C speed (the regex, opening on "\\b", is tried at every character; most lead sentences
    with no such word are passed over without it)."""
    return (
        "said" in sentence
        or "says" in sentence
        or "told" in sentence
        or "tells" in sentence
        or "announced" in sentence
        or "added" in sentence
        or "explained" in sentence
        or "stated" in sentence
        or "confirmed" in sentence
        or "insisted" in sentence
        or "according to" in sentence
    ) and bool(_SPEAKS.search(sentence))
