"""The few learned weights of the default summarizer (NewsRank).

Provisional values; replaced by the cross-validated fit of
``benchmarks/tune_newsrank.py`` (see the comment block below once fitted).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NewsRankWeights:
    """Linear weights of the sentence score and the redundancy penalty."""

    centrality: float = 1.0  # sumy-TextRank-like degree centrality, scaled to max 1
    position: float = 0.0  # prior 1/sqrt(1 + i): the lead carries the story
    first: float = 0.3  # extra for the article's first sentence (wire style)
    title: float = 0.0  # overlap with the headline (a human-written summary)
    short: float = 2.0  # penalty for sentences under SHORT_WORDS words
    length: float = 0.8  # log-length bonus: ROUGE F1 against long references favours long picks
    redundancy: float = 0.1  # MMR: penalty x max overlap with an already picked sentence
    focus: float = 0.6  # bonus for naming a followed company (when focus is given)


SHORT_WORDS = 8
LONG_WORDS = 30
DEFAULT_WEIGHTS = NewsRankWeights()
