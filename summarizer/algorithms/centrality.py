"""The building blocks NewsRank scores with: tokens, linear-time centrality,
redundancy-aware greedy picking, and company focus.

* centrality — TextRank on the word-overlap graph (edge = shared content words
  over the sum of the two log-lengths, no self-loops, a few damped power steps),
  computed word by word instead of pair by pair, so the cost is linear in the
  article's length, not quadratic (a short article's few dozen sentences take the
  n x n matrices instead: fewer numpy calls);
* key-word shares (``keywords.py``), from the same token arrays;
* ``mmr_select`` — greedy picks that never take a near-repeat of a picked
  sentence while anything else is left.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain, repeat

import numpy as np

from summarizer.algorithms.base import Document
from summarizer.algorithms.keys import content_keys
from summarizer.algorithms.keywords import WordSets, keyword_columns
from summarizer.text.language import stop_words

# More distinct log-lengths than this are pooled into quantile bins; keeps the
# centrality pass O(tokens x bins) on pathological inputs.
_MAX_LENGTH_BINS = 32
# Up to this many sentences the graph is built (``_dense_graph``): lengths are never
# pooled there (fewer distinct lengths than bins), so both ways walk the same graph;
# the ranks agree up to float rounding (the sums are grouped differently).
_DENSE_MAX = _MAX_LENGTH_BINS
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


@dataclass(frozen=True, slots=True)
class Features:
    """Per-sentence features of one document (arrays of length ``n``)."""

    centrality: np.ndarray  # scaled to max 1
    overlap_with: Callable[[int], np.ndarray]  # k -> each sentence's overlap with k
    top_words: np.ndarray  # share of the article's key words held (keywords.py)
    recurring: np.ndarray  # share of its words found in two other sentences or more


def _token_arrays(doc: Document, stop: frozenset[str]) -> tuple[np.ndarray, np.ndarray, int]:
    """Every token's sentence index and label (0 for a stop word, else its word id + 1,
    word ids numbered in order of first appearance), and the number of word ids."""
    lengths = list(map(len, doc.words))
    # One dict.setdefault per token, run by C (map): a new key gets the next label
    # (the dict's size, read as the token is reached); None, every stop word, is 0.
    first: dict[str | None, int] = {None: 0}
    keys = map(content_keys(stop), chain.from_iterable(doc.words))
    labels = map(first.setdefault, keys, map(len, repeat(first)))
    label_array = np.fromiter(labels, dtype=np.int64, count=sum(lengths))
    return np.arange(len(lengths)).repeat(lengths), label_array, len(first) - 1


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


def _linear_times(
    sents: np.ndarray,
    words: np.ndarray,
    logs: np.ndarray,
    vocab_size: int,
    self_overlap: np.ndarray,
) -> Callable[[np.ndarray], np.ndarray]:
    """x -> A @ x for the word-overlap graph, edge weight overlap(i, j) / (log|i| + log|j|),
    without building A: regrouped by word and by (binned) sentence length, so each
    product costs O(tokens x bins)."""
    n = len(logs)
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

    return times_a


# Each sentence's overlaps with sentence k, the word sets, and how often each word is used.
_Graph = tuple[Callable[[int], np.ndarray], WordSets, np.ndarray]


def _sparse_graph(
    sents: np.ndarray, words: np.ndarray, logs: np.ndarray, vocab_size: int
) -> tuple[Callable[[np.ndarray], np.ndarray], _Graph]:
    """x -> A @ x, k -> every sentence's set-cosine overlap with sentence k, and each
    sentence's distinct words, from the unique (sentence, word) pairs: linear in the
    article's length."""
    n = len(logs)
    pairs, counts = _unique_counts(sents * vocab_size + words)
    u_sent, u_word = np.divmod(pairs, vocab_size)
    self_overlap = np.bincount(u_sent, weights=counts.astype(float) ** 2, minlength=n)
    times_a = _linear_times(sents, words, logs, vocab_size, self_overlap)
    sizes = np.maximum(np.bincount(u_sent, minlength=n).astype(float), 1.0)
    sets = WordSets(
        partial(_per_sentence, u_sent, u_word, n),
        np.bincount(u_word, minlength=vocab_size),
        sizes,
    )
    overlap_with = partial(_sparse_overlap, u_sent, u_word, vocab_size, sizes)
    return times_a, (overlap_with, sets, np.bincount(words, minlength=vocab_size))


def _per_sentence(u_sent: np.ndarray, u_word: np.ndarray, n: int, values: np.ndarray) -> np.ndarray:
    """Per sentence, the sum of ``values`` (one per word) over its distinct words."""
    return np.bincount(u_sent, weights=values.take(u_word), minlength=n)


def _sparse_overlap(
    u_sent: np.ndarray, u_word: np.ndarray, vocab: int, sizes: np.ndarray, k: int
) -> np.ndarray:
    """Distinct words shared with sentence ``k`` over sqrt(|i| |k|) (sizes at least 1)."""
    mark = np.zeros(vocab, dtype=bool)
    start, end = u_sent.searchsorted((k, k + 1))  # pairs are sorted by sentence
    mark[u_word[start:end]] = True
    hits = np.bincount(u_sent, weights=mark.take(u_word), minlength=len(sizes))
    return hits / np.sqrt(sizes * sizes[k])


def _dense_graph(codes: np.ndarray, n: int, size: int) -> tuple[np.ndarray, _Graph]:
    """A itself, then the same overlaps, word sets and per-word uses as the sparse way,
    from the graph built as n x n matrices (``codes``: sentence x (size + 1) + token
    label, label 0 a stop word): for a news article's few dozen sentences, a handful of
    numpy calls instead of ~10 per product and per picked sentence. Counts are whole
    numbers, so the shared-word counts and overlaps are exact."""
    width = size + 1  # column 0 counts the stop words, dropped
    bags = np.bincount(codes, minlength=n * width).reshape(n, width)[:, 1:].astype(float)
    logs = np.log(np.maximum(_add(bags, axis=1), 1.0))
    norm = logs[:, None] + logs
    edges = (bags @ bags.T) * (1.0 / np.where(norm < 1e-9, 1.0, norm))
    edges.flat[:: n + 1] = 0.0  # no self-loops (see _linear_times)
    present = np.minimum(bags, 1.0)  # 1 where a sentence has the word
    shared = present @ present.T
    sizes = np.maximum(shared.diagonal(), 1.0)
    overlaps = shared / np.sqrt(np.multiply.outer(sizes, sizes))
    sets = WordSets(present.dot, _add(present, axis=0), sizes)
    return edges, (overlaps.__getitem__, sets, _add(bags, axis=0))


def _walk(times_a: Callable[[np.ndarray], np.ndarray], n: int) -> np.ndarray:
    """TextRank's ranks scaled to max 1: the walk starts from the weighted degree
    (PageRank's exact answer without damping) and takes a few damped steps, which
    is all the ranking needs."""
    degree = np.maximum(times_a(np.ones(n)), 0.0)
    rank = degree / max(_add(degree), 1e-12)
    safe = np.maximum(degree, 1e-12)
    for _ in range(_POWER_STEPS):
        rank = (1 - _DAMPING) / n + _DAMPING * times_a(rank / safe)
    return _scaled(rank)


def _dense_walk(edges: np.ndarray) -> np.ndarray:
    """``_walk`` on the built matrix: the damping and the division by the degree are
    folded into it once, so each step is one product and one sum."""
    n = len(edges)
    degree = np.maximum(_add(edges, axis=1), 0.0)
    rank = degree / max(_add(degree), 1e-12)
    step = _DAMPING * (edges / np.maximum(degree, 1e-12))
    for _ in range(_POWER_STEPS):
        rank = (1 - _DAMPING) / n + step @ rank
    return _scaled(rank)


def _scaled(rank: np.ndarray) -> np.ndarray:
    top = np.maximum.reduce(rank, initial=0.0)
    return rank / top if top > 0 else rank


def features(doc: Document, stop: frozenset[str]) -> Features:
    """Every per-sentence feature NewsRank scores with, beyond the text-only ones."""
    n = len(doc.sentences)
    sents, labels, vocab_size = _token_arrays(doc, stop)
    size = max(vocab_size, 1)
    if n <= _DENSE_MAX:
        edges, (overlap_with, sets, uses) = _dense_graph(sents * (size + 1) + labels, n, size)
        centrality = _dense_walk(edges)
    else:
        content = labels.nonzero()[0]
        sents, words = sents.take(content), labels.take(content) - 1
        logs = np.log(np.maximum(np.bincount(sents, minlength=n), 1.0))
        times_a, (overlap_with, sets, uses) = _sparse_graph(sents, words, logs, size)
        centrality = _walk(times_a, n)
    top_words, recurring = keyword_columns(uses, sets)
    return Features(
        centrality=centrality,
        overlap_with=overlap_with,
        top_words=top_words,
        recurring=recurring,
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


def mmr_select(f: Features, scores: np.ndarray, count: int, redundancy: float) -> list[int]:
    """Greedy maximal-marginal-relevance pick of ``count`` sentences, best first.

    Besides the soft (learned) penalty, a near-repeat of a picked sentence
    (NEAR_DUPLICATE overlap) comes last: the same fact is never told twice while
    anything else is left.
    """
    # Plain Python on lists: three picks from a few dozen sentences cost less than
    # the numpy calls would (the same float operations, so the same picks).
    n = len(scores)
    base = scores.tolist()
    picked: list[int] = []
    max_sim = [0.0] * n
    for _ in range(min(count, n)):
        adjusted = base  # before the first pick nothing is penalised
        if picked:
            adjusted = [
                s - redundancy * m - (_DUPLICATE_COST if m >= NEAR_DUPLICATE else 0.0)
                for s, m in zip(base, max_sim, strict=True)
            ]
            for k in picked:
                adjusted[k] = -math.inf
        k = max(range(n), key=adjusted.__getitem__)  # the first best, as argmax
        picked.append(k)
        if len(picked) < count:  # the last pick's overlaps would go unused
            max_sim = list(map(max, max_sim, f.overlap_with(k).tolist()))
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
