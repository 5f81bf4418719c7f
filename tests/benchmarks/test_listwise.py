"""The listwise fitter NewsRank's model is refitted with (benchmarks/fitting/listwise.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from fitting.listwise import fit_listwise, penalised_loss  # type: ignore[import-not-found]


def lead_heavy_articles(seed: int = 1) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Articles whose one summary sentence is mostly near the top: features log(1 +
    index), relative position and one text feature; the pick drawn from a softmax."""
    rng = np.random.default_rng(seed)
    mats, labels = [], []
    for _ in range(33):
        n = int(rng.integers(4, 40))
        i = np.arange(n)
        text = rng.normal(size=n)
        mats.append(np.column_stack([np.log1p(i), i / (n - 1), text]))
        utility = -3.0 * np.log1p(i) + 1.5 * text + rng.gumbel(size=n)
        y = np.zeros(n)
        y[int(np.argmax(utility))] = 1.0
        labels.append(y)
    return mats, labels


def test_fit_reaches_the_minimum_where_a_full_newton_step_overshoots() -> None:
    # A full Newton step from zero overshoots on these articles and the plain iteration
    # ran off to a position weight of +19 (later sentences preferred).
    mats, labels = lead_heavy_articles()
    model = fit_listwise(mats, labels, [1.0] * len(mats), ["log_position", "rel", "text"], 0.5)
    assert model.coef[0] < 0 < model.coef[2]
    x = np.vstack(mats)
    scale = x.std(axis=0)
    parts = [((m - x.mean(axis=0)) / scale, y, 1.0) for m, y in zip(mats, labels, strict=True)]
    best = penalised_loss(parts, model.coef, 0.5)
    assert best < penalised_loss(parts, np.zeros(3), 0.5)
    for k in range(3):
        for nudge in (-0.01, 0.01):
            assert best <= penalised_loss(parts, model.coef + nudge * np.eye(3)[k], 0.5)
