"""A listwise alternative to NewsRank's per-sentence logistic fit (conditional logit).

Within each article, the oracle's picks are treated as a distribution over its
sentences and the model's scores as a softmax over the same sentences: only
how a sentence compares with the others *of its article* is fitted, never how
summary-worthy articles or sources are on the whole. The result is the same
linear ``SentenceModel`` (intercept 0: a constant would not change any pick).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summarizer.algorithms.model import SentenceModel


def fit_listwise(
    matrices: Sequence[np.ndarray],
    labels: Sequence[np.ndarray],
    weights: Sequence[float],
    names: Sequence[str],
    l2: float,
    steps: int = 30,
) -> SentenceModel:
    """L2-regularised conditional logit by Newton's method (standardised features),
    each step halved until the penalised loss falls: a full Newton step from zero
    overshoots and diverges on some data (BBC headlines alone, one oracle pick per
    article), while where it converges the minimum is the same (the loss is convex)."""
    x = np.vstack(matrices)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    total = sum(weights)
    parts = [
        ((m - mean) / scale, y / y.sum(), w * len(matrices) / total)
        for m, y, w in zip(matrices, labels, weights, strict=True)
        if y.sum() > 0
    ]
    beta = np.zeros(x.shape[1])
    loss = penalised_loss(parts, beta, l2)
    for _ in range(steps):
        grad = l2 * beta
        hess = np.diag(np.full(len(beta), l2 + 1e-9))
        for z, target, w in parts:
            p = _softmax(z @ beta)
            zp = z.T @ p
            grad += w * (z.T @ (p - target))
            hess += w * ((z * p[:, None]).T @ z - np.outer(zp, zp))
        step = np.linalg.solve(hess, grad)
        for _halving in range(30):
            tried = penalised_loss(parts, beta - step, l2)
            if tried <= loss - 0.25 * float(grad @ step):  # Armijo: at least a quarter of
                break  # the fall the step's slope promises
            step = step / 2
        beta, loss = beta - step, tried
        if np.abs(step).max() < 1e-8:
            break
    return SentenceModel(tuple(names), mean, scale, beta, 0.0, {})


def _softmax(s: np.ndarray) -> np.ndarray:
    p = np.exp(s - s.max())
    return p / p.sum()


def penalised_loss(
    parts: Sequence[tuple[np.ndarray, np.ndarray, float]], beta: np.ndarray, l2: float
) -> float:
    """The penalised loss: weighted cross-entropy of each article's oracle distribution
    against the softmax of its scores, plus l2 / 2 |beta|^2."""
    total = 0.5 * l2 * float(beta @ beta)
    for z, target, w in parts:
        s = z @ beta
        top = s.max()
        total -= w * float(target @ (s - top - np.log(np.exp(s - top).sum())))
    return total
