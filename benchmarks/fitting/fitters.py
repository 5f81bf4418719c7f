"""The fitters ``fit_newsrank.py`` cross-validates: per-sentence logistic regression
(Newton's method), its fit-only per-source intercepts, the listwise fit
(``listwise.py``) and boosted trees (``trees.py``).

A fitter takes (matrices, labels, article weights, feature names, source view of
each article) and returns a model NewsRank can score with.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

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
