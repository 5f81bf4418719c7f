"""The building blocks NewsRank scores with: tokens, linear-time centrality,
redundancy-aware greedy picking, and company focus.

* centrality — TextRank on the word-overlap graph (edge = shared content words
  over the sum of the two log-lengths, no self-loops, a few damped power steps),
  computed word by word instead of pair by pair, so the cost is linear in the
  article's length, not quadratic;
* ``mmr_select`` — greedy picks that never take a near-repeat of a picked
  sentence while anything else is left.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, count

import numpy as np

from summarizer.algorithms.base import Document
from summarizer.text.split import stop_words

SHORT_WORDS = 8  # a sentence under this many words is (partly) a fragment
# More distinct log-lengths than this are pooled into quantile bins; keeps the
# centrality pass O(tokens x bins) on pathological inputs.
_MAX_LENGTH_BINS = 32
_DAMPING = 0.85  # TextRank's
_POWER_STEPS = 3  # damped steps after the degree start (ranks settle by then)
# Two sentences sharing this much of their content words say the same thing.
NEAR_DUPLICATE = 0.7
_DUPLICATE_COST = 100.0
# ndarray.sum without its Python-level wrapper (the same C reduction, same result):
# the arrays here are tiny, so the wrapper's cost is most of the call.
_add = np.add.reduce


def load_stop_words(language: str) -> frozenset[str]:
    """sumy's shipped stop list for ``language`` (empty when there is none)."""
    # Read from sumy's data folder directly: importing sumy.utils pulls in requests and
    # pycountry, which cost 100-300 ms on the first summary.
    return stop_words(language)


@lru_cache(maxsize=1 << 16)  # pure, called per distinct token; news reuses its vocabulary
def word_key(word: str) -> str:
    """A cheap, language-light normal form: lower case, no possessive, no plural s."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@dataclass(frozen=True, slots=True)
class Features:
    """Per-sentence features of one document (arrays of length ``n``)."""

    centrality: np.ndarray  # scaled to max 1
    short: np.ndarray  # 0 .. 1, how far below SHORT_WORDS words
    sent_ids: np.ndarray  # unique (sentence, word) pairs: sentence part
    word_ids: np.ndarray  # unique (sentence, word) pairs: word part
    set_sizes: np.ndarray  # distinct content words per sentence
    vocab_size: int


@lru_cache(maxsize=8)  # one per stop list (language)
def _content_key(stop: frozenset[str]) -> Callable[[str], str | None]:
    """A token's ``word_key``, or None for a stop word: cached per spelling, since a
    document's tokens are mapped one by one and news reuses its vocabulary."""

    @lru_cache(maxsize=1 << 16)
    def content_key(token: str) -> str | None:
        return None if token.lower() in stop else word_key(token)

    return content_key


def _token_arrays(doc: Document, stop: frozenset[str]) -> tuple[np.ndarray, np.ndarray, int]:
    """Content tokens as (sentence index, word id) arrays, and the number of word ids
    (numbered in order of first appearance); stop words dropped."""
    lengths = [len(tokens) for tokens in doc.words]
    # Token -> key -> id in one pass run by C (map): a new key takes the next number.
    ids: defaultdict[str | None, int] = defaultdict(count().__next__)
    ids[None] = -1  # every stop word
    keys = map(_content_key(stop), chain.from_iterable(doc.words))
    word_ids = np.fromiter(map(ids.__getitem__, keys), dtype=np.int64, count=sum(lengths))
    sent_ids = np.arange(len(lengths)).repeat(lengths)
    keep = word_ids >= 0
    return sent_ids[keep], word_ids[keep], len(ids) - 1


def _length_bins(logs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Bin index per sentence and the mean log-length of each bin."""
    uniq, _ = _unique_counts(logs.copy())
    if len(uniq) <= _MAX_LENGTH_BINS:  # each value's index among the distinct ones
        return uniq.searchsorted(logs), uniq
    edges = np.quantile(logs, np.linspace(0, 1, _MAX_LENGTH_BINS + 1)[1:-1])
    bins = np.searchsorted(edges, logs)
    sums = np.bincount(bins, weights=logs, minlength=_MAX_LENGTH_BINS)
    counts = np.bincount(bins, minlength=_MAX_LENGTH_BINS)
    return bins, sums / np.maximum(counts, 1)


def _centrality(
    sents: np.ndarray,
    words: np.ndarray,
    n: int,
    vocab_size: int,
    self_overlap: np.ndarray,
    steps: int = _POWER_STEPS,
) -> np.ndarray:
    """TextRank over the word-overlap graph, edge weight overlap(i, j) / (log|i| + log|j|).

    The graph is never built: A @ x is regrouped by word and by (binned) sentence
    length, so each power step costs O(tokens x bins). The walk starts from the
    weighted degree (PageRank's exact answer without damping) and takes a few
    damped steps, which is all the ranking needs.
    """
    logs = np.log(np.maximum(np.bincount(sents, minlength=n), 1.0))
    bins, centers = _length_bins(logs)
    k = len(centers)
    norm = logs[:, None] + centers[None, :]
    inv_norm = 1.0 / np.where(norm < 1e-9, 1.0, norm)
    word_bin = words * k + bins.take(sents)
    # Each token's k cells in the (sentence, bin) and (word, bin) tables, flattened
    # once for every step.
    cells = np.arange(k)
    sent_cells = (sents[:, None] * k + cells).ravel()
    word_cells = (words[:, None] * k + cells).ravel()
    # Self-loops dropped, as in the TextRank paper (sumy keeps them, which
    # over-rewards long sentences and ranks clearly worse against news summaries);
    # subtracted with the same (binned) norm the sum used, so nothing goes negative.
    self_weight = self_overlap * inv_norm[np.arange(n), bins]

    def times_a(x: np.ndarray) -> np.ndarray:
        per_word = np.bincount(word_bin, weights=x.take(sents), minlength=vocab_size * k)
        per_token = per_word.take(word_cells)  # each token's whole row
        per_sent = np.bincount(sent_cells, weights=per_token, minlength=n * k)
        return _add(per_sent.reshape(n, k) * inv_norm, axis=1) - x * self_weight

    degree = np.maximum(times_a(np.ones(n)), 0.0)
    rank = degree / max(_add(degree), 1e-12)
    safe = np.maximum(degree, 1e-12)
    for _ in range(steps):
        rank = (1 - _DAMPING) / n + _DAMPING * times_a(rank / safe)
    top = np.maximum.reduce(rank, initial=0.0)
    return rank / top if top > 0 else rank


def features(doc: Document, stop: frozenset[str]) -> Features:
    """Every per-sentence feature NewsRank scores with, beyond the text-only ones."""
    n = len(doc.sentences)
    sents, words, vocab_size = _token_arrays(doc, stop)
    size = max(vocab_size, 1)
    pairs, counts = _unique_counts(sents * size + words)
    u_sent, u_word = np.divmod(pairs, size)
    word_counts = np.fromiter(map(len, doc.words), dtype=float, count=n)
    self_overlap = np.bincount(u_sent, weights=counts.astype(float) ** 2, minlength=n)
    return Features(
        centrality=_centrality(sents, words, n, size, self_overlap),
        short=np.minimum(np.maximum(1.0 - word_counts / SHORT_WORDS, 0.0), 1.0),
        sent_ids=u_sent,
        word_ids=u_word,
        set_sizes=np.bincount(u_sent, minlength=n).astype(float),
        vocab_size=size,
    )


def _unique_counts(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(codes, return_counts=True)`` (sorted distinct values, how often each
    occurs) without its generic checks: a few small arrays per article, where numpy's
    per-call overhead outweighs the work. ``codes`` is sorted in place."""
    codes.sort()
    first = np.empty(len(codes), dtype=bool)
    first[:1] = True
    np.not_equal(codes[1:], codes[:-1], out=first[1:])
    starts = first.nonzero()[0]
    bounds = np.concatenate((starts, (len(codes),)))
    return codes[starts], bounds[1:] - bounds[:-1]


def _overlap_with(f: Features, k: int) -> np.ndarray:
    """Set-cosine overlap of every sentence with sentence ``k``."""
    mark = np.zeros(f.vocab_size, dtype=bool)
    start, end = f.sent_ids.searchsorted((k, k + 1))  # pairs are sorted by sentence
    mark[f.word_ids[start:end]] = True
    hits = np.bincount(f.sent_ids, weights=mark.take(f.word_ids), minlength=len(f.set_sizes))
    denom = np.sqrt(np.maximum(f.set_sizes, 1.0) * max(f.set_sizes[k], 1.0))
    return hits / denom


def mmr_select(f: Features, scores: np.ndarray, count: int, redundancy: float) -> list[int]:
    """Greedy maximal-marginal-relevance pick of ``count`` sentences, best first.

    Besides the soft (learned) penalty, a near-repeat of a picked sentence
    (NEAR_DUPLICATE overlap) comes last: the same fact is never told twice while
    anything else is left.
    """
    n = len(scores)
    picked: list[int] = []
    max_sim = np.zeros(n)
    for _ in range(min(count, n)):
        if picked:  # before the first pick nothing is penalised: the scores as they are
            adjusted = scores - redundancy * max_sim
            adjusted -= _DUPLICATE_COST * (max_sim >= NEAR_DUPLICATE)
            adjusted[picked] = -np.inf
        else:
            adjusted = scores
        k = int(adjusted.argmax())
        picked.append(k)
        if len(picked) < count:  # the last pick's overlaps would go unused
            max_sim = np.maximum(max_sim, _overlap_with(f, k))
    return picked


def focus_mask(sentences: Sequence[str], focus: Sequence[str]) -> np.ndarray:
    """True for sentences naming any of ``focus`` (whole words, any case)."""
    names = sorted({name.strip() for name in focus if name and name.strip()}, key=len, reverse=True)
    if not names:
        return np.zeros(len(sentences), dtype=bool)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.IGNORECASE
    )
    return np.array([bool(pattern.search(s)) for s in sentences], dtype=bool)
