"""Scoring summaries against reference summaries (pure: no file reading).

ROUGE-1/2/L F1 come from Google's ``rouge-score`` package with Porter stemming,
the figures papers quote. ``RougeEvaluator.oracle`` is the greedy extractive
oracle: the sentences of the article that best match the reference, i.e. the
ceiling of any extractive summarizer at that length. The side-by-side evaluation
that uses them is ``summarizer/evaluation/evaluate.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rouge_score import rouge_scorer, tokenizers

__all__ = ["RougeEvaluator", "RougeScores", "lcs_f1", "mean_scores", "ngram_f1"]


@dataclass(frozen=True, slots=True)
class RougeScores:
    """ROUGE F1 values in [0, 1]."""

    rouge1: float
    rouge2: float
    rougeL: float
    rougeLsum: float = 0.0  # LCS per summary sentence (the figure CNN/DM papers quote)

    def as_tuple(self) -> tuple[float, float, float, float]:
        """(R-1, R-2, R-L, R-Lsum)."""
        return (self.rouge1, self.rouge2, self.rougeL, self.rougeLsum)


def ngram_f1(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    """ROUGE-N F1 of two token sequences (same counting as rouge-score)."""
    cand = Counter(zip(*(candidate[i:] for i in range(n)), strict=False))
    ref = Counter(zip(*(reference[i:] for i in range(n)), strict=False))
    overlap = sum((cand & ref).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(cand.values())
    recall = overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def lcs_f1(candidate: Sequence[str], reference: Sequence[str]) -> float:
    """ROUGE-L F1 (one sequence each, as rouge-score's ``rougeL``).

    Bit-parallel LCS (Hyyrö 2004): one big-integer step per candidate token
    instead of the quadratic table, same result.
    """
    if not candidate or not reference:
        return 0.0
    masks: dict[str, int] = {}
    for i, token in enumerate(reference):
        masks[token] = masks.get(token, 0) | (1 << i)
    full = (1 << len(reference)) - 1
    v = full
    for token in candidate:
        u = v & masks.get(token, 0)
        v = ((v + u) | (v - u)) & full
    lcs = len(reference) - v.bit_count()
    if not lcs:
        return 0.0
    precision, recall = lcs / len(candidate), lcs / len(reference)
    return 2 * precision * recall / (precision + recall)


def mean_scores(scores: Iterable[RougeScores]) -> RougeScores:
    """The mean of each ROUGE figure (zeros for an empty input)."""
    items = list(scores)
    if not items:
        return RougeScores(0.0, 0.0, 0.0)
    count = len(items)
    return RougeScores(
        sum(s.rouge1 for s in items) / count,
        sum(s.rouge2 for s in items) / count,
        sum(s.rougeL for s in items) / count,
        sum(s.rougeLsum for s in items) / count,
    )


class RougeEvaluator:
    """ROUGE-1/2/L F1 with stemming, and the greedy extractive oracle."""

    def __init__(self) -> None:
        self._scorer = rouge_scorer.RougeScorer(
            ["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True
        )
        self._tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)

    def score(self, summary: Sequence[str], reference: Sequence[str]) -> RougeScores:
        """F1 of a summary (its sentences) against a reference (its sentences)."""
        # Newlines are ignored by every figure but R-Lsum, which splits on them.
        result = self._scorer.score("\n".join(reference), "\n".join(summary))
        return RougeScores(
            result["rouge1"].fmeasure,
            result["rouge2"].fmeasure,
            result["rougeL"].fmeasure,
            result["rougeLsum"].fmeasure,
        )

    def tokens(self, text: str) -> list[str]:
        """rouge-score's tokens of ``text`` (lower case, stemmed)."""
        return list(self._tokenizer.tokenize(text))

    def oracle(self, sentences: Sequence[str], reference: Sequence[str], count: int) -> list[int]:
        """Greedy oracle: up to ``count`` sentence indices maximising ROUGE-1 + ROUGE-2 F1.

        Stops early when no further sentence raises the score (the usual
        definition); indices are in the order they were picked.
        """
        ref = self.tokens(" ".join(reference))
        toks = [self.tokens(s) for s in sentences]
        picked: list[int] = []
        best = 0.0
        for _ in range(min(count, len(sentences))):
            choice, choice_score = -1, best
            for i in range(len(sentences)):
                if i in picked:
                    continue
                cand = [t for j in sorted([*picked, i]) for t in toks[j]]
                value = ngram_f1(cand, ref, 1) + ngram_f1(cand, ref, 2)
                if value > choice_score:
                    choice, choice_score = i, value
            if choice < 0:
                break
            picked.append(choice)
            best = choice_score
        return picked
