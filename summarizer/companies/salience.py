"""How much an article is about each company it names (salience in [0, 1]).

Salience is one number with one meaning in every story: the estimated chance
that a careful reader would call the story *about* that company (the labelling
guide in ``shared/docs/company-labelling-guide.md``). It comes from a small
logistic regression over features of the company's own mentions, fitted on the
labelled dev set (``benchmarks/fit_salience.py`` writes ``salience_weights.json``).
No company is scaled by another one's score, so a story about three banks can
have three subjects, and a broker quoted once stays a passing mention.

Features (each explainable on its own):

* ``title``: named in the headline; ``first``: in the first sentence of the body;
  ``lead``: in the first three sentences;
* ``count``: log2(1 + mentions); ``share``: its mentions among all company mentions;
* ``cover``: share of sentences naming it; ``span``: first to last mention, as a share
  of the story; ``early``: how early the first mention comes;
* ``acts``: it acts in the story ("X said", "X shares fell", "X's chief executive");
* ``starts``: it starts a sentence (grammatical subject, roughly);
* ``deal``: named in a sentence about a deal or a case (buy, merge, bid, sue, stake);
* ``source``: share of mentions that quote it as a source ("analysts at X",
  "X analyst", "according to X", "research firm X");
* ``report``: share of its sentences about a survey, index, forecast or report (a
  company whose figures are quoted, like a lender's house price index);
* ``single``: named once only.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from summarizer.companies.caseless import caseless_search

FEATURES = (
    "title",
    "first",
    "lead",
    "count",
    "share",
    "cover",
    "span",
    "early",
    "acts",
    "starts",
    "deal",
    "source",
    "report",
    "single",
)

# Starts with a literal class so the regex engine skips ahead to the next full stop.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_AUX = r"(?:has|have|had|also|will|would|is|was|were|are|did|does|do|not|itself|on \w+day)"
_ACTS_AFTER = re.compile(
    r"^(?:['’]s?)?\s*(?:\([^)]{0,30}\)\s*)?(?:,[^,.]{0,60},\s*)?"
    rf"(?:{_AUX}\s+){{0,3}}(?:immediately\s+)?"
    r"(?:said|says|declined|confirmed|announced|reported|posted|expects|warned|denied|plans|"
    r"told|unveiled|launched|agreed|respond\w*|comment\w*|shares?|stocks?|chief|CEO|"
    r"spokes\w+|executives?|boss|profits?|sales|revenues?|earnings)\b",
    re.IGNORECASE,
)
_ACTS_BEFORE = re.compile(
    r"(?:spokes\w+ for|shares (?:in|of)|statement from|representative for|"
    r"executives? (?:at|of)|profits? (?:at|of)|sales (?:at|of)|boss of|chief executive of)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"^(?:['’]s?)?\s*(?:chief\s+|senior\s+|equity\s+|market\s+|oil\s+|retail\s+)?"
    r"(?:analysts?|economists?|strategists?|researchers?|research|consultants?|survey|study|"
    r"index|poll|report(?:ed)?\b|newspaper|magazine|news agency)",
    re.IGNORECASE,
)
_SOURCE_BEFORE = re.compile(
    r"(?:(?:analysts?|economists?|strategists?|dealers?|traders?|researchers?|experts?|"
    r"consultants?|director|head of research)\s+(?:at|with|from|for)|according to|"
    r"research(?:\s+(?:firm|group|company|house))?|consultanc(?:y|ies)|analysts?|brokers?|"
    r"brokerage|magazine|newspaper|news agency|survey by|study by|report by|data from|"
    r"figures from|told|quoted by|reported by|says|said)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Last words the two "...$" patterns above can end with: a window ending in none of them
# is rejected without running the regex (which would try every position of the window).
_SOURCE_ENDS = (
    "at",
    "with",
    "from",
    "for",
    "to",
    "research",
    "firm",
    "group",
    "company",
    "house",
    "consultancy",
    "consultancies",
    "analyst",
    "analysts",
    "broker",
    "brokers",
    "brokerage",
    "magazine",
    "newspaper",
    "agency",
    "by",
    "told",
    "says",
    "said",
)
_ACTS_ENDS = ("for", "in", "of", "from", "at")
_REPORT = re.compile(
    r"\b(?:survey\w*|index|figures|forecast\w*|report(?:ed|s)?|study|research|poll\w*|data|"
    r"according to|estimates?|predict\w*|analys[ie]s|house prices|consumer\w*)\b",
    re.IGNORECASE,
)
_DEAL = re.compile(
    r"\b(?:buy\w*|bought|acqui\w+|takeover|take over|took over|merg\w+|bid|bids|bidder|"
    r"sue|sued|suing|lawsuit|stake|sell\w*|sold|offer|tie-up|alliance|joint venture|"
    r"fined|charged|accused|settle\w*)\b",
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


class Layout:
    """Sentence boundaries of an article's body, built once per article."""

    def __init__(self, parts: Sequence[str]) -> None:
        self.parts = parts
        self.starts: list[list[int]] = [[0]]  # per part: sentence start offsets
        self.first: list[int] = [0]  # per part: index of its first sentence in the body
        total = 0
        for text in parts[1:]:
            self.first.append(total)
            starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
            self.starts.append(starts)
            total += len(starts)
        self.sentences = max(1, total)
        self._flags: dict[tuple[int, int], tuple[bool, bool]] = {}  # (deal, report) per sentence

    def sentence(self, occ: Occurrence) -> int:
        """Index of the body sentence holding ``occ`` (-1 for the headline)."""
        if occ.part == 0:
            return -1
        return self.first[occ.part] + bisect_right(self.starts[occ.part], occ.start) - 1

    def flags(self, occ: Occurrence) -> tuple[bool, bool, bool]:
        """(starts, deal, report) for the sentence holding ``occ`` (body parts only).

        ``starts``: ``occ`` is among its first two words; ``deal`` and ``report``: the
        sentence is about a deal/case or a survey/report (cached: companies share sentences)."""
        text = self.parts[occ.part]
        starts = self.starts[occ.part]
        k = bisect_right(starts, occ.start) - 1
        begin = starts[k]
        first = len(text[begin : occ.start].split()) <= 2
        cached = self._flags.get((occ.part, k))
        if cached is None:
            end = starts[k + 1] if k + 1 < len(starts) else len(text)
            sentence = text[begin:end]
            cached = (caseless_search(_DEAL, sentence), caseless_search(_REPORT, sentence))
            self._flags[(occ.part, k)] = cached
        return first, cached[0], cached[1]


def _ends_with(before: str, ends: tuple[str, ...]) -> bool:
    """Whether ``before`` ends in whitespace after one of ``ends`` (optionally + "the")."""
    if not before[-1:].isspace():
        return False
    tail = before.rstrip().lower()
    if tail.endswith("the"):
        return tail.endswith(ends) or tail[:-3].rstrip().endswith(ends)
    return tail.endswith(ends)


def _window(occ: Occurrence, parts: Sequence[str]) -> tuple[str, str]:
    text = parts[occ.part]
    return text[max(0, occ.start - 60) : occ.start], text[occ.end : occ.end + 120]


def _is_source(occ: Occurrence, parts: Sequence[str]) -> bool:
    before, after = _window(occ, parts)
    if _SOURCE_AFTER.match(after):
        return True
    return _ends_with(before, _SOURCE_ENDS) and bool(_SOURCE_BEFORE.search(before))


def _acts(occ: Occurrence, parts: Sequence[str]) -> bool:
    before, after = _window(occ, parts)
    if _ACTS_AFTER.match(after):
        return True
    return _ends_with(before, _ACTS_ENDS) and bool(_ACTS_BEFORE.search(before))


def features(occs: Sequence[Occurrence], layout: Layout, total_mentions: int) -> dict[str, float]:
    """The features of one company (see the module docstring)."""
    parts = layout.parts
    sentences = sorted({layout.sentence(o) for o in occs if o.part > 0})
    n = len(occs)
    flags = [layout.flags(o) for o in occs if o.part > 0]
    total = layout.sentences
    return {
        "title": float(any(o.part == 0 for o in occs)),
        "first": float(bool(sentences) and sentences[0] == 0),
        "lead": float(bool(sentences) and sentences[0] < 3),
        "count": math.log2(1 + n),
        "share": n / max(1, total_mentions),
        "cover": len(sentences) / total,
        "span": (sentences[-1] - sentences[0]) / max(1, total - 1) if sentences else 0.0,
        "early": 1 - sentences[0] / total if sentences else 1.0,
        "acts": float(any(_acts(o, parts) for o in occs)),
        "starts": float(any(f[0] for f in flags)),
        "deal": float(any(f[1] for f in flags)),
        "source": sum(_is_source(o, parts) for o in occs) / n,
        "report": sum(f[2] for f in flags) / max(1, len(flags)),
        "single": float(n == 1),
    }


@lru_cache(maxsize=1)
def weights() -> tuple[float, Mapping[str, float]]:
    """(bias, weight per feature) from the shipped ``salience_weights.json``."""
    data = json.loads(files(__package__).joinpath("salience_weights.json").read_text("utf-8"))
    return float(data["bias"]), {k: float(data["weights"].get(k, 0.0)) for k in FEATURES}


def probability(feats: Mapping[str, float]) -> float:
    """Salience: the logistic model's chance that the story is about the company."""
    bias, w = weights()
    z = bias + sum(w[k] * feats[k] for k in FEATURES)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def company_features(
    occs: Sequence[Occurrence], parts: Sequence[str]
) -> dict[int, dict[str, float]]:
    """Features per company entry (for fitting the weights and for explaining a score)."""
    by_entry: dict[int, list[Occurrence]] = {}
    for occ in occs:
        by_entry.setdefault(occ.entry, []).append(occ)
    layout = Layout(parts)
    return {e: features(found, layout, len(occs)) for e, found in by_entry.items()}


def score_companies(occs: Sequence[Occurrence], parts: Sequence[str]) -> list[Score]:
    """Salience per company, most salient first (ties: more mentions, then earlier)."""
    if not occs:
        return []
    counts: dict[int, int] = {}
    first: dict[int, tuple[int, int]] = {}
    for occ in occs:
        counts[occ.entry] = counts.get(occ.entry, 0) + 1
        first[occ.entry] = min(first.get(occ.entry, (occ.part, occ.start)), (occ.part, occ.start))
    feats = company_features(occs, parts)
    scores = [Score(e, round(probability(f), 3), counts[e]) for e, f in feats.items()]
    scores.sort(key=lambda s: (-s.salience, -s.mentions, first[s.entry]))
    return scores
