"""The gradient-boosted-trees alternative to NewsRank's logistic scorer (not shipped).

``fit_newsrank.py --trees N`` cross-validates a few small trees (scikit-learn,
the ``fit`` extra: ``pip install -e '.[fit]'``) over the same features and
compares them with the logistic model on the same folds. They did not win
(-0.24 [-0.62, +0.12] R-1 on cnndm_dev against the logistic model), so the
package keeps the logistic model and this module only holds the fitter and a
numpy evaluator: each tree is stored complete (a leaf above the last level
padded with questions that always answer "no"), so all trees score all
sentences in ``depth`` array steps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

_ALWAYS_LEFT = np.inf


@dataclass(frozen=True)
class TreeModel:
    """``base + sum(leaf value of each tree)`` per sentence (log-odds).

    ``feature[t, k]`` / ``threshold[t, k]`` are node ``k`` of tree ``t`` in
    breadth-first order (children of ``k`` are ``2k+1`` when
    ``x[feature] <= threshold``, else ``2k+2``); ``leaf[t, j]`` is the value of
    the ``j``-th leaf, left to right.
    """

    names: tuple[str, ...]
    feature: np.ndarray
    threshold: np.ndarray
    leaf: np.ndarray
    base: float
    info: Mapping[str, Any]

    @property
    def depth(self) -> int:
        return int(self.leaf.shape[1]).bit_length() - 1

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TreeModel:
        """The model described by ``data`` (the JSON file's object)."""
        trees = data["trees"]
        return cls(
            tuple(str(n) for n in data["names"]),
            np.array([t["feature"] for t in trees], dtype=np.intp).reshape(len(trees), -1),
            np.array([t["threshold"] for t in trees], dtype=float).reshape(len(trees), -1),
            np.array([t["leaf"] for t in trees], dtype=float).reshape(len(trees), -1),
            float(data["base"]),
            dict(data.get("info", {})),
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON object ``from_json`` reads (rounded: the file stays small)."""
        trees = [
            {
                "feature": [int(v) for v in f],
                "threshold": [float(v) if np.isfinite(v) else 1e300 for v in t],
                "leaf": [round(float(v), 5) for v in leaf],
            }
            for f, t, leaf in zip(self.feature, self.threshold, self.leaf, strict=True)
        ]
        return {
            "kind": "trees",
            "names": list(self.names),
            "base": round(self.base, 5),
            "trees": trees,
            "info": dict(self.info),
        }

    def score(self, matrix: np.ndarray) -> np.ndarray:
        """Log-odds per row of ``matrix`` (columns in ``names`` order)."""
        n, count = len(matrix), len(self.leaf)
        if not n:
            return np.zeros(0)
        tree = np.arange(count)
        rows = np.arange(n)[:, None]
        node = np.zeros((n, count), dtype=np.intp)
        for _ in range(self.depth):
            values = matrix[rows, self.feature[tree, node]]
            node = 2 * node + 1 + (values > self.threshold[tree, node])
        first_leaf = self.leaf.shape[1] - 1
        return self.base + self.leaf[tree, node - first_leaf].sum(axis=1)

    def explain(self, names: Sequence[str] | None = None) -> list[tuple[str, float]]:
        """(feature, share of the trees' questions about it), most asked first."""
        asked = self.feature[np.isfinite(self.threshold) & (self.threshold < 1e299)]
        counts = np.bincount(asked, minlength=len(self.names)) / max(len(asked), 1)
        pairs = [(n, float(c)) for n, c in zip(self.names, counts, strict=True)]
        if names is not None:
            pairs = [p for p in pairs if p[0] in names]
        return sorted(pairs, key=lambda p: -p[1])


def _complete(tree: Any, depth: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One sklearn tree as complete breadth-first arrays (feature, threshold, leaf)."""
    inner = 2**depth - 1
    feature = np.zeros(inner, dtype=np.intp)
    threshold = np.full(inner, _ALWAYS_LEFT)
    leaf = np.zeros(2**depth)

    def fill(node: int, pos: int, level: int) -> None:
        if level == depth:
            leaf[pos - inner] = tree.value[node].ravel()[0]
            return
        left, right = tree.children_left[node], tree.children_right[node]
        if left == -1:  # a leaf above the last level: always go left, same value below
            fill(node, 2 * pos + 1, level + 1)
            fill(node, 2 * pos + 2, level + 1)
            return
        feature[pos], threshold[pos] = tree.feature[node], tree.threshold[node]
        fill(left, 2 * pos + 1, level + 1)
        fill(right, 2 * pos + 2, level + 1)

    fill(0, 0, 0)
    return feature, threshold, leaf


def fit_trees(
    matrices: Sequence[np.ndarray],
    labels: Sequence[np.ndarray],
    weights: Sequence[float],
    names: Sequence[str],
    *,
    trees: int,
    depth: int,
    learning_rate: float,
    min_leaf: int = 200,
) -> TreeModel:
    """Gradient-boosted trees (log-loss, per-article weights) as a ``TreeModel``."""
    from sklearn.ensemble import GradientBoostingClassifier

    x = np.vstack(matrices)
    y = np.concatenate(labels)
    w = np.concatenate([np.full(len(m), wt) for m, wt in zip(matrices, weights, strict=True)])
    w = w * len(w) / w.sum()
    model = GradientBoostingClassifier(
        n_estimators=trees,
        max_depth=depth,
        learning_rate=learning_rate,
        min_samples_leaf=min_leaf,
        subsample=0.8,
        init="zero",
        random_state=7,
    )
    model.fit(x, y, sample_weight=w)
    parts = [_complete(est.tree_, depth) for est in model.estimators_[:, 0]]
    feature, threshold, leaf = (np.array(p) for p in zip(*parts, strict=True))
    return TreeModel(tuple(names), feature, threshold, learning_rate * leaf, 0.0, {})
