"""The fitting data ``fit_newsrank.py`` works on: each view's articles ready to fit
(candidate sentences, their features, oracle labels), per-article baselines, folds,
and how NewsRank's real picks score with a given model.

Documents and oracle labels are cached (see ``data.CACHE``; delete it after changing
the splitter); features are recomputed on every run (cheap, and always the current
``sentence_matrix``).
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from fitting.data import CACHE, COUNT, baselines, load  # type: ignore[import-not-found]
from fitting.fitters import TRAIN_VIEWS, Fitter  # type: ignore[import-not-found]
from summarizer.algorithms.base import Document
from summarizer.algorithms.centrality import Features, load_stop_words
from summarizer.algorithms.model import Scorer
from summarizer.algorithms.newsrank import pick
from summarizer.algorithms.sentence_features import FEATURE_NAMES, sentence_matrix
from summarizer.evaluation.rouge import RougeEvaluator, lcs_f1, ngram_f1
from summarizer.summarize import build_document, candidates

CHECK_VIEWS = (*TRAIN_VIEWS, "cnndm_para")


@dataclass
class Item:
    """One article ready for fitting: candidate sentences, features, oracle labels."""

    doc: Document
    matrix: np.ndarray
    labels: np.ndarray
    tokens: list[list[str]]
    reference: list[str]
    index: int  # row in the view (for folds and baselines)
    features: Features | None = field(default=None, repr=False)  # not cached: recomputed


def _with_features(item: Item) -> Item:
    item.matrix, item.features = sentence_matrix(item.doc, load_stop_words(item.doc.language))
    return item


def prepare(view: str, evaluator: RougeEvaluator) -> list[Item]:
    """The view's articles with a choice, their oracle labels (cached) and features
    (recomputed each run: cheap, and always the current ``sentence_matrix``)."""
    path = CACHE / f"items-{view}.pkl"
    legacy = CACHE / f"items-{view}-16.pkl"  # same documents and labels, older features
    for cached in (path, legacy):
        if cached.exists():
            items = [Item(**fields) for fields in pickle.loads(cached.read_bytes())]
            check_fresh(view, items, cached)
            return [_with_features(item) for item in items]
    items = []
    for index, (article, reference) in enumerate(load(view)):
        sub, _ = candidates(build_document(article))
        if len(sub.sentences) <= COUNT:  # nothing to choose: every system shows the same
            continue
        labels = np.zeros(len(sub.sentences))
        labels[evaluator.oracle(sub.sentences, reference, COUNT)] = 1.0
        tokens = [evaluator.tokens(s) for s in sub.sentences]
        reference_tokens = evaluator.tokens(" ".join(reference))
        items.append(Item(sub, np.zeros(0), labels, tokens, reference_tokens, index))
    CACHE.mkdir(parents=True, exist_ok=True)
    stored = [{k: v for k, v in vars(item).items() if k != "features"} for item in items]
    path.write_bytes(pickle.dumps(stored))  # no class path inside
    return [_with_features(item) for item in items]


def check_fresh(view: str, items: Sequence[Item], path: Path, every: int = 25) -> None:
    """Stop when the cached candidate sentences of every ``every``-th article are not
    what today's splitter and candidate filter make of it: a model fitted on them
    would not be the one the documented command fits (the cache outlives code changes)."""
    cases = load(view)
    for item in items[::every]:
        sub, _ = candidates(build_document(cases[item.index][0]))
        if sub.sentences != item.doc.sentences:
            raise SystemExit(
                f"{path} was built by older splitting code (article {item.index} of {view} "
                f"splits differently today): delete {CACHE} or set NEWSBOT_CACHE elsewhere"
            )


def rouge(item: Item, picked: Sequence[int]) -> np.ndarray:
    cand = [t for i in sorted(picked) for t in item.tokens[i]]
    ref = item.reference
    return np.array([ngram_f1(cand, ref, 1), ngram_f1(cand, ref, 2), lcs_f1(cand, ref)])


def run(items: Sequence[Item], model: Scorer, keep: Sequence[int], redundancy: float) -> np.ndarray:
    """Per-article (R-1, R-2, R-L) of NewsRank's picking with ``model``."""
    rows = []
    for item in items:
        assert item.features is not None
        scores = model.score(item.matrix[:, keep])
        picked = pick(item.features, scores, item.doc.sentences, COUNT, redundancy)
        rows.append(rouge(item, picked))
    return np.array(rows)


def bootstrap(diff: np.ndarray, rounds: int = 1000, seed: int = 7) -> tuple[float, float]:
    """95 % interval of the mean of per-article differences (paired bootstrap)."""
    rng = np.random.default_rng(seed)
    means = diff[rng.integers(0, len(diff), (rounds, len(diff)))].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


class Views:
    """Every view's items, folds and per-article baselines (only articles with a choice)."""

    def __init__(self, folds: int) -> None:
        evaluator = RougeEvaluator()
        self.items = {v: prepare(v, evaluator) for v in CHECK_VIEWS}
        self.base: dict[str, dict[str, np.ndarray]] = {}
        for v, items in self.items.items():
            full = baselines(v, load(v))
            rows = [i.index for i in items]
            self.base[v] = {name: s[rows] for name, s in full.items()}
        self.folds = {
            v: np.array([i.index for i in items]) * 7919 % 1009 % folds
            for v, items in self.items.items()
        }

    def best(self, view: str, scores: np.ndarray, rows: np.ndarray) -> tuple[str, ...]:
        """Per metric, the baseline our picks have the smallest margin over."""
        names = list(self.base[view])
        means = np.array([self.base[view][n][rows].mean(axis=0) for n in names])
        return tuple(names[int(k)] for k in means.argmax(axis=0))

    def fit(
        self,
        weights: dict[str, float],
        fitter: Fitter,
        keep: Sequence[int],
        columns: Sequence[str] = FEATURE_NAMES,
        fold: int | None = None,
    ) -> Scorer:
        """``fitter``'s model on every article of the views ``weights`` gives weight
        (each view's articles sharing its weight), or, with ``fold``, on those outside
        that fold."""
        mats, labs, wts, groups = [], [], [], []
        for v in (v for v in TRAIN_VIEWS if weights[v]):
            train = [
                it
                for it, f in zip(self.items[v], self.folds[v], strict=True)
                if fold is None or f != fold
            ]
            mats += [t.matrix[:, keep] for t in train]
            labs += [t.labels for t in train]
            wts += [weights[v] / len(train)] * len(train)
            groups += [v] * len(train)
        return fitter(mats, labs, wts, [columns[k] for k in keep], groups)
