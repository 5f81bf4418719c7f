"""NewsRank: newsbot's default extractive summarizer.

Every sentence of every article is scored by one small learned linear model
(weights in ``newsrank_model.json``) over explainable features: where the
sentence stands, how long it is, how central it is (linear-time TextRank),
whether it holds figures, names, quotes, how many of the article's key words it
holds, and whether it opens on a word that leans on the sentence before (see
``sentence_features.py``). It is fitted on human-written summaries only (CNN/DM
highlights, BBC headlines as one-line summaries), listwise: within each article,
how a sentence compares with the article's other sentences
(``benchmarks/fit_newsrank.py --listwise``); the input's format (headline or not,
paragraphs or not) does not switch scorers.

Then the picks: the best sentences, never a near-repeat of a picked one, and a
summary never opens on a dangling "However", "It" or "They": the sentence before
is taken instead, and when the article itself opens that way ("It was a busy
week..."), the summary starts at the best readable sentence after it. With
``focus`` (a followed company), the summary opens with the best sentence naming
the company whenever the article has one (after the sentences it leans on, back to one
that reads alone, when every sentence naming the company leans on the one before: "It
lost its lead to HP", "This merger ...", '"It is a blow," said an analyst at HP').
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np

from summarizer.algorithms.base import Document
from summarizer.algorithms.centrality import (
    NEAR_DUPLICATE,
    Features,
    features,
    focus_mask,
    load_stop_words,
    mmr_select,
)
from summarizer.algorithms.keys import word_key
from summarizer.algorithms.model import Scorer, default_model
from summarizer.algorithms.openers import needs_antecedent, opens_dangling
from summarizer.algorithms.sentence_features import sentence_matrix
from summarizer.text.dateline import dateline_end, split_dateline
from summarizer.text.split import NewsTokenizer

# Soft penalty (log-odds per unit of overlap with a picked sentence); near-repeats
# (NEAR_DUPLICATE) are excluded outright anyway. Chosen with the model by
# cross-validation (benchmarks/fit_newsrank.py --redundancy; 0.3 / 0.5 / 1.0 / 1.5 /
# 2.0 / 2.5 / 3.0 tried): 2.5 since the key-word features (top_words, recurring);
# picks that cover more of the article gain most against one-line references (a
# lede cut off the article, a headline), and no less against CNN/DM's highlights.
REDUNDANCY = 2.5
# Log-odds bonus for naming the followed company.
FOCUS_BONUS = 2.0
# Log-odds taken from a sentence no summary may open on (ranks it after all others).
_UNREADABLE_COST = 1e3
__all__ = [
    "NEAR_DUPLICATE",
    "NewsRank",
    "features",
    "focus_mask",
    "is_wire_copy",
    "leaning_lead",
    "load_stop_words",
    "pick",
    "readable_opening",
    "word_key",
]


def is_wire_copy(doc: Document) -> bool:
    """True when the article opens with a news-agency dateline."""
    # A Document built by hand may still open on the dateline the splitter strips.
    return doc.wire or (bool(doc.sentences) and dateline_end(doc.sentences[0][:160]) > 0)


def leaning_lead(sentences: Sequence[str]) -> int:
    """How many sentences at the article's start lean on one before them that
    isn't there ("It was a busy week...", "This is the end."): no summary can
    open readably on any of them, since nothing comes before."""
    k = 0
    while k < len(sentences) and opens_dangling(sentences[k]):
        k += 1
    return k


def pick(
    f: Features, scores: np.ndarray, sentences: Sequence[str], count: int, redundancy: float
) -> list[int]:
    """NewsRank's picks from its ``scores``: repeat-free, readable opening, best first.

    Sentences of a leaning lead (see ``leaning_lead``) come last: a summary of
    them would open on a word whose antecedent no reader can find (kept only
    when the article has too few other sentences).
    """
    lead = leaning_lead(sentences)
    if lead > 0 and len(sentences) - lead >= count:
        scores = scores.copy()
        scores[:lead] -= _UNREADABLE_COST
    return readable_opening(mmr_select(f, scores, count, redundancy), sentences)


def readable_opening(picked: list[int], sentences: Sequence[str]) -> list[int]:
    """``picked`` (best first) made to open readably: when its earliest sentence
    leans on the one before ("However, ...", "It ..."), that sentence before is
    taken in place of the weakest other pick (repeatedly: it may lean on its own)."""
    out = list(picked)
    while out:
        first = min(out)
        if first == 0 or first - 1 in out or not opens_dangling(sentences[first]):
            return out
        weakest = next((k for k in reversed(out) if k != first), first)
        out[out.index(weakest)] = first - 1
    return out


class NewsRank:
    """The learned sentence scorer plus readable, repeat-free picks."""

    name = "newsrank"

    def __init__(self, *, model: Scorer | None = None, redundancy: float = REDUNDANCY) -> None:
        self.model = model or default_model()
        self.redundancy = redundancy

    def scores(self, doc: Document) -> tuple[np.ndarray, Features]:
        """The learned model's log-odds per sentence, and the raw features."""
        wire_doc = doc if doc.wire or not is_wire_copy(doc) else _as_wire(doc)
        matrix, f = sentence_matrix(wire_doc, load_stop_words(doc.language))
        return self.model.score(matrix), f

    def select(self, doc: Document, count: int, *, focus: Sequence[str] = ()) -> list[int]:
        """Indices of the ``count`` best sentences, best first.

        With ``focus``, the earliest picked sentence names the company whenever
        the article has a sentence that does.
        """
        if count <= 0 or not doc.sentences:
            return []
        scores, f = self.scores(doc)
        if focus:  # no mask to build (and test) for a summary without a company
            mask = focus_mask(doc.sentences, focus)
            if mask.any():
                return self._focused(doc, f, scores + FOCUS_BONUS * mask, mask, count)
        return pick(f, scores, doc.sentences, count, self.redundancy)

    def _focused(
        self, doc: Document, f: Features, scores: np.ndarray, mask: np.ndarray, count: int
    ) -> list[int]:
        """Open with a sentence naming the company (a readable one when there is, and
        early enough that the rest can follow it), then the best after it: the opener
        whose summary scores best, so a later sentence naming the company does not push
        out the lead that names it too."""
        n = len(scores)
        readable = mask & ~np.array([opens_dangling(s) for s in doc.sentences])
        room = np.arange(n) <= max(n - count, 0)
        for candidate in (readable & room, mask & room):
            if candidate.any():
                lead = _best_opener(scores, np.flatnonzero(candidate), count)
                break
        else:
            pool = readable if readable.any() else mask
            lead = int(np.argmax(np.where(pool, scores, -np.inf)))
        # Sentences before the opener only if nothing after it is left.
        order = np.where(np.arange(n) > lead, scores, scores - 1e6)
        order[lead] = np.inf
        picked = mmr_select(f, order, count, self.redundancy)
        return with_antecedents(picked, lead, doc.sentences)


def with_antecedents(picked: list[int], lead: int, sentences: Sequence[str]) -> list[int]:
    """``picked`` (best first) with the sentences its opener ``lead`` leans on ("It lost
    its lead to HP", "This merger ...", '"It's absurd," Acme said'), back to one that
    reads alone, each in place of the weakest other pick: chosen only when no readable
    sentence names the company. Unchanged when they would not all fit, or the article
    opens leaning (nothing readable before): the opener then still names the company."""
    chain: list[int] = []
    at = lead
    while needs_antecedent(sentences[at]):
        if at == 0 or len(chain) + 1 >= len(picked):
            return picked
        at -= 1
        chain.append(at)
    out = list(picked)
    for before in chain:
        if before not in out:
            weakest = next(k for k in reversed(out) if k != lead and k not in chain)
            out[out.index(weakest)] = before
    return out


def _best_opener(scores: np.ndarray, openers: np.ndarray, count: int) -> int:
    """The opener (each has ``count - 1`` sentences after it) whose summary, it and the
    best ``count - 1`` after it, has the highest total score; the earliest on a tie."""
    after = _best_after(scores.tolist(), count - 1)
    totals = [scores[i] + after[i] for i in openers.tolist()]
    return int(openers[int(np.argmax(totals))])


def _best_after(scores: list[float], k: int) -> list[float]:
    """For each sentence, the sum of the ``k`` best scores after it: one pass from the
    end with a heap of ``k`` (linear in the article, however often the company recurs)."""
    best: list[float] = []  # min-heap of the k best scores seen
    total = 0.0
    out = [0.0] * len(scores)
    for i in range(len(scores) - 1, -1, -1):
        out[i] = total
        if k <= 0:
            continue
        if len(best) < k:
            heapq.heappush(best, scores[i])
            total += scores[i]
        elif scores[i] > best[0]:
            total += scores[i] - heapq.heapreplace(best, scores[i])
    return out


def _as_wire(doc: Document) -> Document:
    """``doc`` (built by hand, its first sentence still opening on a dateline) as the
    splitter would have made it: the dateline off the first sentence, ``wire`` set.
    Scores are computed on this; the picks index the same sentences."""
    first, _ = split_dateline(doc.sentences[0])
    words = (NewsTokenizer(doc.language).to_words(first), *doc.words[1:])
    sentences = (first, *doc.sentences[1:])
    return Document(doc.title, sentences, doc.paragraph_of, words, doc.language, wire=True)
