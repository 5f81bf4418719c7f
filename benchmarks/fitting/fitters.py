"""The fitters ``fit_newsrank.py`` cross-validates: per-sentence logistic regression
(Newton's method), its fit-only per-source intercepts, the listwise fit
(``listwise.py``) and boosted trees (``trees.py``).

A fitter takes (matrices, labels, article weights, feature names, source view of
each article) and returns a model NewsRank can score with.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from summarizer.algorithms.model import Scorer, SentenceModel
from summarizer.algorithms.sentence_features import FEATURE_NAMES

TRAIN_VIEWS = ("cnndm", "bbc_head", "bbc", "bbc_lede", "wn_head", "wn_lede")


def with_all_features(model: SentenceModel) -> SentenceModel:
    """The model over every column ``sentence_matrix`` makes: a left-out feature gets
    coefficient 0, so the shipped file always lists all of them."""
    index = {name: i for i, name in enumerate(model.names)}

    def column(values: np.ndarray, default: float) -> np.ndarray:
        return np.array([values[index[n]] if n in index else default for n in FEATURE_NAMES])

    return replace(
        model,
        names=tuple(FEATURE_NAMES),
        mean=column(model.mean, 0.0),
        scale=column(model.scale, 1.0),
        coef=column(model.coef, 0.0),
    )


def fit(
    matrices: Sequence[np.ndarray],
    labels: Sequence[np.ndarray],
    weights: Sequence[float],
    names: Sequence[str],
    l2: float,
) -> SentenceModel:
    """L2-regularised weighted logistic regression by Newton's method (standardised)."""
    x = np.vstack(matrices)
    y = np.concatenate(labels)
    w = np.concatenate([np.full(len(m), wt) for m, wt in zip(matrices, weights, strict=True)])
    w = w * len(w) / w.sum()
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-(z @ beta)))
        grad = z.T @ (w * (p - y)) + penalty * beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return SentenceModel(tuple(names), mean, scale, beta[:-1], float(beta[-1]), {})


# (matrices, labels, article weights, feature names, source view of each article)
Fitter = Callable[
    [Sequence[np.ndarray], Sequence[np.ndarray], Sequence[float], Sequence[str], Sequence[str]],
    Scorer,
]


def logistic(l2: float, *, source_intercepts: bool = False, listwise: bool = False) -> Fitter:
    """The logistic fitter with L2 penalty ``l2``; with ``source_intercepts``, one
    fit-only intercept per source view (dropped from the shipped model)."""

    def fit_logistic(
        mats: Sequence[np.ndarray],
        labs: Sequence[np.ndarray],
        wts: Sequence[float],
        names: Sequence[str],
        groups: Sequence[str],
    ) -> Scorer:
        if listwise:
            from fitting.listwise import fit_listwise  # type: ignore[import-not-found]

            return fit_listwise(mats, labs, wts, names, l2)
        if not source_intercepts:
            return fit(mats, labs, wts, names, l2)
        marked = [with_source(m, g) for m, g in zip(mats, groups, strict=True)]
        return without_source(fit(marked, labs, wts, [*names, *SOURCE_NAMES], l2))

    return fit_logistic


def boosted(trees: int, depth: int, learning_rate: float) -> Fitter:
    """The gradient-boosted-trees fitter (scikit-learn, the ``fit`` extra)."""
    from fitting.trees import fit_trees  # type: ignore[import-not-found]

    return lambda mats, labs, wts, names, _groups: fit_trees(
        mats, labs, wts, names, trees=trees, depth=depth, learning_rate=learning_rate
    )


SOURCE_NAMES = tuple(f"source:{v}" for v in TRAIN_VIEWS)


def with_source(matrix: np.ndarray, view: str) -> np.ndarray:
    """``matrix`` plus one indicator column per training ``view`` (a fit-only intercept:
    each source's own base rate, so that it does not bend the sentence weights)."""
    onehot = np.array([float(v == view) for v in TRAIN_VIEWS])
    return np.hstack([matrix, np.tile(onehot, (len(matrix), 1))])


def without_source(model: Scorer) -> Scorer:
    """``model`` without the per-source intercepts (a constant per article: it would
    not change any pick). Only linear models take them."""
    if not isinstance(model, SentenceModel):
        raise ValueError("per-source intercepts are for the logistic model only")
    n = len(model.names) - len(SOURCE_NAMES)
    names, mean, scale, coef = model.names[:n], model.mean[:n], model.scale[:n], model.coef[:n]
    return replace(model, names=names, mean=mean, scale=scale, coef=coef)


@dataclass(frozen=True)
class Adjusted:
    """A fitted linear ``model`` whose scores a benchmark changes at pick time (the
    subclass's ``score``); the rest of the Scorer is the model's."""

    model: SentenceModel

    @property
    def names(self) -> tuple[str, ...]:
        return self.model.names

    @property
    def info(self) -> Mapping[str, Any]:
        return self.model.info

    def explain(self, names: Sequence[str] | None = None) -> list[tuple[str, float]]:
        return self.model.explain(names)

    def to_json(self) -> dict[str, Any]:
        return self.model.to_json()


@dataclass(frozen=True)
class Leaning(Adjusted):
    """``model`` plus ``prior`` log-odds for each of an article's first three sentences:
    a later sentence takes a lead sentence's place only when the model prefers it by
    more than ``prior`` (rows of a matrix are an article's sentences in order).

    Measured (``fit_newsrank.py --drop first,wire_lead --listwise --outlets
    --lead-prior P``), not shipped: every prior loses on the 5-fold views and on
    Wikinews left out; only CNN/DM left out (a model fitted on BBC headlines alone)
    gains. Margin over the strongest baseline, R-1/R-2/R-L x100:

      prior  cnndm CV           wn_head CV         cnndm left out     wn_head left out
      0      +1.11/+0.48/+0.83  +0.84/+0.26/+0.73  -1.10/-1.94/-0.50  +0.86/+0.27/+0.77
      0.25   +0.88/+0.48/+0.65  +0.64/+0.18/+0.53  -0.51/-1.48/-0.23  +0.57/+0.17/+0.50
      0.5    +0.84/+0.44/+0.63  +0.37/+0.08/+0.30  -0.00/-1.00/+0.19  +0.34/+0.09/+0.28
      1.0    +0.32/+0.16/+0.20  +0.07/-0.03/+0.02  +0.50/-0.26/+0.51  +0.07/-0.01/+0.03

    A steeper fall with position (0.1 log-odds per log(1 + index)) and a penalty on the
    non-position weights only (l2 30-300: weak evidence falls back on position) did
    the same: CNN/DM gains (left out, and by up to 0.1 in the folds), BBC's and
    Wikinews's views lose (up to 0.34 R-1 in the folds, 0.27 left out).
    """

    prior: float

    def explain(self, names: Sequence[str] | None = None) -> list[tuple[str, float]]:
        return [*self.model.explain(names), ("(lead prior)", self.prior)]

    def score(self, matrix: np.ndarray) -> np.ndarray:
        scores = self.model.score(matrix)
        scores[:3] += self.prior
        return scores


def leaning(fitter: Fitter, prior: float) -> Fitter:
    """``fitter`` whose models add ``prior`` to the lead's three sentences (see Leaning)."""

    def fit_leaning(*parts: Any) -> Scorer:
        model = fitter(*parts)
        if not isinstance(model, SentenceModel):
            raise ValueError("a lead prior is for the linear model only")
        return Leaning(model, prior)

    return fit_leaning
