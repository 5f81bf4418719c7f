"""The order of a summary focused on a followed company (alerts, /news, ``--company``):
its first sentence names the company, after the sentences that one leans on when it
needs them ("It lost its lead to HP", "This merger ..."), which then open it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import numpy as np

from summarizer.algorithms.base import Document
from summarizer.algorithms.centrality import focus_mask
from summarizer.algorithms.openers import needs_antecedent


def company_first(
    picked: list[int], doc: Document, focus: tuple[str, ...], eligible: Sequence[int]
) -> list[int]:
    """With a followed company, the first sentence shown names it whenever a picked
    sentence does: that sentence moves to the front (an alert leads with the company),
    after the picks it leans on when it needs them ("It lost its lead to HP"). The first
    such pick that reads alone, else the first that opens readably after those, else the
    first."""
    if not focus:
        return picked
    named = np.flatnonzero(focus_mask([doc.sentences[i] for i in picked], focus)).tolist()
    runs = [(leans_from(picked, k, doc, eligible), k) for k in named]
    readable = [run for run in runs if not needs_antecedent(doc.sentences[picked[run[0]]])]
    j, k = next((run for run in readable if run[0] == run[1]), None) or next(
        iter(readable or runs), (0, 0)
    )
    return [*picked[j : k + 1], *picked[:j], *picked[k + 1 :]]


def leans_from(picked: list[int], k: int, doc: Document, eligible: Sequence[int]) -> int:
    """Where the run of picks ending at ``picked[k]`` starts when that sentence leans on
    the one before ("It lost its lead to HP", "This merger ..."): the picks it leans on,
    back to one that reads alone, stay in front of it (NewsRank picks them: each the
    eligible sentence before the next). ``k`` when it reads alone or the run does not
    reach a sentence that does (a leaning sentence should not open in its place)."""
    j = k
    while needs_antecedent(doc.sentences[picked[j]]):
        at = bisect_left(eligible, picked[j])
        before = eligible[at - 1] if at else picked[j] - 1
        if j == 0 or picked[j - 1] != before:
            return k
        j -= 1
    return j
