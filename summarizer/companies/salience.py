"""How much an article is about each company it mentions (salience in [0, 1]).

A company scores for being in the headline, in the lead, for how often it is
named, how many paragraphs name it and how far through the story it keeps
coming back, and for acting in the story (it "said", "declined to comment",
its "shares" moved, its "spokesperson" spoke). Scores are divided by the top
company's score, and all of them shrink when even the top company is only
named in passing, so a single aside never makes a subject.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

W_HEADLINE = 2.5
W_LEAD = 1.5
W_COUNT = 1.0  # times log2(1 + mentions)
W_COVERAGE = 2.0  # times the share of body paragraphs naming the company
W_SPAN = 2.0  # times the distance between first and last mention, as a share of the body
W_ACTS = 0.75
# Raw score of a clear subject (headline + lead + a few mentions); below it even the
# top company is scaled down.
FULL_SCORE = 7.0
LEAD_MIN_WORDS = 25
# News names its subject more than once; a single mention outside the headline is an aside.
SINGLE_MENTION_FACTOR = 0.4

_AUX = r"(?:has|have|had|also|will|would|is|was|were|are|did|does|do|not|itself|on \w+day)"
_ACTS_AFTER = re.compile(
    r"^(?:['’]s?)?\s*(?:\([^)]{0,30}\)\s*)?(?:,[^,.]{0,60},\s*)?"
    rf"(?:{_AUX}\s+){{0,3}}(?:immediately\s+)?"
    r"(?:said|says|declined|confirmed|announced|reported|posted|expects|warned|denied|plans|"
    r"told|unveiled|launched|agreed|respond\w*|comment\w*|shares?|stocks?|chief|CEO|"
    r"spokes\w+|executives?|boss)\b",
    re.IGNORECASE,
)
_ACTS_BEFORE = re.compile(
    r"(?:spokes\w+ for|shares (?:in|of)|statement from|representative for|"
    r"executives? (?:at|of)|according to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One mention: which company, where (part 0 = headline, 1.. = body paragraphs)."""

    entry: int
    part: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Score:
    """Salience of one company in one article."""

    entry: int
    salience: float
    mentions: int


def _lead_parts(parts: Sequence[str]) -> set[int]:
    """The lead: the first body paragraph, plus the next when the first is very short."""
    lead = {1}
    if len(parts) > 2 and len(parts[1].split()) < LEAD_MIN_WORDS:
        lead.add(2)
    return lead


def _acts(occ: Occurrence, parts: Sequence[str]) -> bool:
    text = parts[occ.part]
    after = text[occ.end : occ.end + 120]
    before = text[max(0, occ.start - 40) : occ.start]
    return bool(_ACTS_AFTER.match(after) or _ACTS_BEFORE.search(before))


def raw_score(occs: Sequence[Occurrence], parts: Sequence[str]) -> float:
    """Unnormalised score of one company from its occurrences."""
    body_parts = sorted({o.part for o in occs if o.part > 0})
    n_body = max(1, len(parts) - 1)
    score = W_COUNT * math.log2(1 + len(occs))
    if any(o.part == 0 for o in occs):
        score += W_HEADLINE
    if body_parts:
        if _lead_parts(parts) & set(body_parts):
            score += W_LEAD
        score += W_COVERAGE * len(body_parts) / n_body
        if n_body > 1:
            score += W_SPAN * (body_parts[-1] - body_parts[0]) / (n_body - 1)
    if any(_acts(o, parts) for o in occs):
        score += W_ACTS
    if len(occs) == 1 and occs[0].part > 0:
        score *= SINGLE_MENTION_FACTOR
    return score


def score_companies(occs: Sequence[Occurrence], parts: Sequence[str]) -> list[Score]:
    """Salience per company, most salient first (ties: more mentions, then earlier)."""
    by_entry: dict[int, list[Occurrence]] = {}
    for occ in occs:
        by_entry.setdefault(occ.entry, []).append(occ)
    raws = {entry: raw_score(found, parts) for entry, found in by_entry.items()}
    if not raws:
        return []
    top = max(raws.values())
    scale = min(1.0, top / FULL_SCORE) / top
    first = {e: min((o.part, o.start) for o in found) for e, found in by_entry.items()}
    scores = [
        Score(e, round(min(1.0, raw * scale), 3), len(by_entry[e])) for e, raw in raws.items()
    ]
    scores.sort(key=lambda s: (-s.salience, -s.mentions, first[s.entry]))
    return scores
