"""One short brief about a company from several articles (``/news NAME``).

Every article is scored with NewsRank's learned sentence scorer (the one the
summaries use); sentences that name the company are the candidates. Picks are greedy: the best
remaining candidate wins unless it repeats a fact already in the brief (high
word overlap with a picked sentence, or the same figure and some overlap,
whichever source it came from), and each
further sentence from the same article costs a little, so the brief spreads over
the stories instead of retelling one. Each item keeps the index of its article,
so the reader can always see where a sentence came from.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import dropwhile

import numpy as np

from summarizer.algorithms.keys import content_keys
from summarizer.algorithms.newsrank import (
    NewsRank,
    focus_mask,
    load_stop_words,
)
from summarizer.algorithms.openers import opens_dangling
from summarizer.article import Article
from summarizer.companies.registry.spellings import focus_names
from summarizer.errors import InputError
from summarizer.summarize import as_shown, build_document
from summarizer.text.quotes import opens_quotation

# Two sentences sharing this much of their content words state the same fact...
DUPLICATE_OVERLAP = 0.5
# ...and so do two sharing a figure ("9 per cent", "$10bn") and this much.
SAME_FIGURE_OVERLAP = 0.25
# A figure as written: "9", "3.5", "10,000" (never its "000" alone).
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# Score lost per sentence already taken from the same article (spread the brief).
SAME_ARTICLE_PENALTY = 0.35
# Score lost per position in the input list (callers pass the newest first).
RECENCY_DECAY = 0.05
# Bonus for naming the company (on the scale below).
FOCUS_BONUS = 0.6
# NewsRank's log-odds span about 9 units; divided by this they span about 3, the
# scale the penalties above were set on.
SCORE_SCALE = 3.0
# Candidates kept per article (its best sentences about the company).
PER_ARTICLE = 4


@dataclass(frozen=True, slots=True)
class BriefItem:
    """One sentence of a brief and the index of the article it comes from."""

    text: str
    article_index: int


@dataclass(frozen=True, slots=True)
class _Candidate:
    score: float
    article: int
    position: int
    text: str
    words: frozenset[str]

    @property
    def figures(self) -> frozenset[str]:
        # From the text, not the words: the tokenizer cuts "10,000" into "10" and "000",
        # and "30,000" would then share a figure with it.
        return frozenset(_FIGURE.findall(self.text))

    def repeats(self, other: _Candidate) -> bool:
        """True when ``other`` already told this sentence's fact."""
        overlap = _overlap(self.words, other.words)
        return overlap >= DUPLICATE_OVERLAP or (
            overlap >= SAME_FIGURE_OVERLAP and bool(self.figures & other.figures)
        )


def brief(
    articles: Sequence[Article], *, company: str, aliases: Sequence[str] = (), sentences: int = 5
) -> tuple[BriefItem, ...]:
    """At most ``sentences`` sentences about ``company`` drawn from ``articles``
    (most recent first), no fact told twice, in input then article order.

    Articles without usable text are skipped; raises InputError when
    ``sentences`` is below 1 or the company name is empty.
    """
    if sentences < 1:
        raise InputError("The number of sentences must be at least 1.")
    if not company or not company.strip():
        raise InputError("Name a company for the brief.")
    focus = focus_names((company, *aliases))
    pool = [c for index, article in enumerate(articles) for c in _candidates(article, index, focus)]
    chosen = _pick(pool, sentences)
    chosen.sort(key=lambda c: (c.article, c.position))
    return tuple(BriefItem(c.text, c.article) for c in chosen)


def _candidates(article: Article, index: int, focus: Sequence[str]) -> list[_Candidate]:
    """The article's best sentences naming the company (its best sentence overall
    when none names it, e.g. a story that says "the firm" throughout)."""
    if not article.paragraphs:
        return []
    doc = build_document(article)
    if not doc.sentences:
        return []
    key = content_keys(load_stop_words(doc.language))  # None for a stop word
    scores = NewsRank().scores(doc)[0] / SCORE_SCALE
    mask = focus_mask(doc.sentences, focus)
    usable = np.array([len(w) >= 4 for w in doc.words], dtype=bool)
    eligible = mask & usable if (mask & usable).any() else usable
    if not eligible.any():
        return []
    limit = PER_ARTICLE if (mask & usable).any() else 1
    order = [
        int(i) for i in np.argsort(-np.where(eligible, scores, -np.inf))[:limit] if eligible[i]
    ]
    # As summaries show them (and /news compares them).
    shown = as_shown([doc.sentences[i] for i in order], article, focus)
    return [
        _Candidate(
            float(scores[i]) + FOCUS_BONUS * bool(mask[i]) - RECENCY_DECAY * index,
            index,
            i,
            text,
            frozenset(k for k in map(key, doc.words[i]) if k is not None),
        )
        for i, text in zip(order, shown, strict=True)
    ]


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def _pick(pool: list[_Candidate], count: int) -> list[_Candidate]:
    chosen: list[_Candidate] = []
    remaining = list(pool)
    while remaining and len(chosen) < count:

        def adjusted(c: _Candidate) -> float:
            taken = sum(1 for p in chosen if p.article == c.article)
            return c.score - SAME_ARTICLE_PENALTY * taken

        best = max(remaining, key=adjusted)
        remaining.remove(best)
        if any(best.repeats(p) for p in chosen):
            continue  # the same fact, already told (perhaps by another source)
        chosen.append(best)
    return chosen


def without_brief(
    summaries: Sequence[Sequence[str]], brief: Sequence[BriefItem]
) -> list[tuple[str, ...]]:
    """Each article's summary (``summaries[i]`` for ``brief``'s ``article_index`` i)
    without the sentences the brief above it already shows (one message never says the
    same sentence twice), nor those then left opening on a word that leans on a sentence
    no longer there ("It also ..."); a summary with nothing left stays as it is, so no
    article is left without one."""
    shown: dict[int, set[str]] = {}
    for line in brief:
        shown.setdefault(line.article_index, set()).add(line.text)
    out = []
    for index, sentences in enumerate(summaries):
        rest = [s for s in sentences if s not in shown.get(index, ())]
        if len(rest) < len(sentences):
            rest = list(dropwhile(_leans, rest))
        out.append(tuple(rest or sentences))
    return out


def _leans(sentence: str) -> bool:
    """Whether a sentence leans on the one before ("It also …", "But …"); a quotation
    does not ('"We are thrilled," said …' reads on its own)."""
    return not opens_quotation(sentence) and opens_dangling(sentence)
