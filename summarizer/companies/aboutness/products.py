"""A company named for one of its products: "the X Walkman", "four X films", "the X 747".

A story names a maker in passing when it names one of its products: a gadget in a magazine's
list ("the X Walkman at number three", "X Net Minidisc"), an actor's films ("the 2018 X
superhero film", "four X films"), a channel ("the recent X 3 documentary"). The maker's name
then says whose product it is, not what the company did (labelling guide rule 4: "When another
manufacturer's own name qualifies a product, that manufacturer is a mention"). Such a mention
counts with those quoting a company as a source (salience's ``source`` share), and still counts
where it stands (headline, lead): a story opening on a product is often about its maker.

A product is named right after the company's name by

* a model number ("747", "A380", "Q400"), not a year or a flight ("X Flight 9");
* a capitalised word no dictionary, place or first-name list holds ("Walkman", "iPod",
  "Startac"), not a legal form, a word describing a company ("X Airlines", "X Group") or
  capitals of three letters or fewer ("X CEO", "X UK");
* a word for a work, perhaps after one more word ("X films", "X superhero film", "X book").

Not when the mention's sentence reports the product failing ("a X Q400 crashed after its
landing gear failed", "a design flaw in the X Q400"): its maker answers for it (a labelled
subject in a crash story was lost without this). A product in a deal ("ordered 30 X A321
jets") needs no such exception: the seller is a party through the lead's deal (``agents.py``)
or its own mentions, and keeping deal sentences out changed no subject over the dev stories.

Measured with the same weights (``newsbot companies --score``, every labelled name followed)
on the 685 articles of the splits before "fresh5": false subjects 41 -> 37 (Sony twice for
the Walkman in a gadget list, Marvel for an actor's films, Dr. Seuss Enterprises for "a Dr.
Seuss book"), no subject lost; registry only 34 -> 31. Over the 2,258 dev stories one more
subject goes: the BBC in a story on a former BBC chat show host's new party. Dropped: such
mentions as passing roles (``roles.py``: where they stand no longer counts; a story on free
X handsets and a crash of a X Q400 lost their labelled subject X), common nouns of goods ("X
handsets", "X phone"), a possessive ("X's Qrio robot": two subjects lost) and capitalised
dictionary words after the name ("X Two" the channel, "X Express" the airline).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence
from summarizer.companies.registry.names import DESCRIPTORS, LEGAL, is_common

# After the name, a work named by its maker: "X films", "X superhero film", "a X book" (not
# a verb: "X shows", "X books a profit", "X will film"); or (group 1) a model number or a
# product's own name: "747", "A380", "QV-10", "Walkman", "iPod". One regex: one call a mention.
_AFTER = re.compile(
    r" (?:(?:(?!(?:to|will|would|can|could|may|might|must|should|has|have|had|is|are|was|"
    r"were|also|now|and|or)\b)[\w-]+ )?(?:films?|movies?|franchise|series|show|albums?|"
    r"songs?|characters?|cartoons?|comics?|book|novels?)\b|([ie]?[A-Z][\w-]*|[A-Z]*\d[\w-]*))"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# Failing: its maker answers for the product, so the mention is no passing one.
_FAILING = re.compile(
    r"\b(?:crash\w*|fail\w*|fault\w*|flaw\w*|defect\w*|recall\w*|malfunction\w*|explod\w*|"
    r"caught fire|grounded)"
)


def names_product(text: str, end: int) -> bool:
    """Whether the company name ending at ``end`` of ``text`` names one of its products."""
    m = _AFTER.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    if word is None:
        return True  # a work
    if any(c.isdigit() for c in word):
        return not _YEAR.fullmatch(word)
    low = word.casefold().rstrip(".")
    if low in LEGAL or low in DESCRIPTORS or (word.isupper() and len(word) <= 3):
        return False
    return not is_common(word)


def failing(sentence: str) -> bool:
    """Whether a lower-cased sentence reports something failing ("crashed", "a flaw")."""
    return bool(_FAILING.search(sentence))


def product_mentions(occs: Sequence[Occurrence], layout: Layout) -> set[tuple[int, int]]:
    """(part, start) of the body mentions naming one of the company's products, except in a
    sentence reporting something failing."""
    parts = layout.parts
    out: set[tuple[int, int]] = set()
    failed: dict[tuple[int, int], bool] = {}  # (part, sentence): each sentence read once
    for o in occs:
        text = parts[o.part]
        if o.part == 0 or not names_product(text, o.end):
            continue
        starts = layout.starts[o.part]
        k = bisect_right(starts, o.start) - 1
        if (o.part, k) not in failed:
            end = starts[k + 1] if k + 1 < len(starts) else len(text)
            failed[o.part, k] = failing(text[starts[k] : end].lower())
        if not failed[o.part, k]:
            out.add((o.part, o.start))
    return out
