"""What a sentence shares with what the whole article keeps talking about.

Two per-sentence columns from the article's content words (stop words dropped,
words in ``word_key`` form), both between 0 and 1:

* ``top_words`` — the share of the article's TOP_WORDS most used content words
  (used at least twice; ties go to the word used first) that the sentence holds:
  a sentence naming most of the story's key words can stand for it;
* ``recurring`` — the share of the sentence's distinct content words that come
  back in at least two other sentences: it tells what the rest of the article is
  about, not a side detail.

A one-line summary (a lede, an XSum summary) is made of such words; so is a
sentence the article's rest keeps coming back to, wherever it stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

TOP_WORDS = 10
# A word in this many sentences (the sentence itself and two others) recurs.
_RECURRING_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class WordSets:
    """Which distinct content words each sentence holds, as the centrality graph
    keeps them (an n x vocabulary matrix for a short article, pairs for a long one)."""

    total: Callable[[np.ndarray], np.ndarray]  # per-word values -> sum over each sentence
    sentences_with: np.ndarray  # per word: how many sentences hold it
    sizes: np.ndarray  # per sentence: how many distinct content words (at least 1)


def keyword_columns(uses: np.ndarray, sets: WordSets) -> tuple[np.ndarray, np.ndarray]:
    """(top_words, recurring) per sentence, from how often each content word is used
    (``uses``, per word id; ids numbered in order of first use)."""
    top = np.zeros(len(uses))
    top[np.argsort(-uses, kind="stable")[:TOP_WORDS]] = 1.0  # stable: first used first
    top[uses < 2] = 0.0
    recurs = (sets.sentences_with >= _RECURRING_SENTENCES).astype(float)
    return (
        sets.total(top) / max(int(np.count_nonzero(top)), 1),
        sets.total(recurs) / sets.sizes,
    )
