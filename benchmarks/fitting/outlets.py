"""Leave one outlet out: how NewsRank's model carries to an outlet it was not fitted on.

The held-out check scores news from outlets none of the dev data comes from, so
``fit_newsrank.py --outlets`` fits on every weighted view of all outlets but one
(CNN/DM, BBC, Wikinews) and scores every view of the outlet left out, against
Lead-3 and against sumy's best algorithm per metric, with a paired bootstrap 95 %
interval of the difference.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from fitting.fitters import Fitter  # type: ignore[import-not-found]
from fitting.views import Views, bootstrap, run  # type: ignore[import-not-found]
from summarizer.algorithms.sentence_features import FEATURE_NAMES

OUTLETS = {
    "cnndm": ("cnndm", "cnndm_para"),
    "bbc": ("bbc_head", "bbc", "bbc_lede"),
    "wn": ("wn_head", "wn_lede"),
}


def leave_outlet_out(
    views: Views,
    weights: dict[str, float],
    fitter: Fitter,
    keep: Sequence[int],
    redundancy: float,
    columns: Sequence[str] = FEATURE_NAMES,
) -> dict[str, np.ndarray]:
    """Per view, the per-article (R-1, R-2, R-L) of the model fitted without its outlet
    (views whose outlet is the only one weighted are left out)."""
    out = {}
    for held in OUTLETS.values():
        rest = {v: 0.0 if v in held else w for v, w in weights.items()}
        if not any(rest.values()):
            continue
        model = views.fit(rest, fitter, keep, columns)
        for v in held:
            out[v] = run(views.items[v], model, keep, redundancy)
    return out


def outlet_margins(views: Views, scores: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Per view, mean (R-1, R-2, R-L) x100 minus the strongest baseline per metric."""
    return {
        v: 100 * (s.mean(axis=0) - np.max([b.mean(axis=0) for b in views.base[v].values()], 0))
        for v, s in scores.items()
    }


def outlet_table(views: Views, scores: dict[str, np.ndarray], title: str = "") -> None:
    """Per left-out view: ours, Lead-3 and sumy's best per metric, with the difference's
    95 % interval."""
    print(f"leave one outlet out{title}: ours vs Lead-3 | vs sumy's best [95 % bootstrap]")
    for v, ours in scores.items():
        sumy = {n: b for n, b in views.base[v].items() if n != "lead"}
        cells = []
        for m in range(3):
            best = max(sumy, key=lambda n, m=m: float(sumy[n][:, m].mean()))
            parts = []
            for name, base in (("lead", views.base[v]["lead"]), (best, sumy[best])):
                diff = 100 * (ours[:, m] - base[:, m])
                low, high = bootstrap(diff)
                parts.append(f"{name[:4]} {diff.mean():+5.2f} [{low:+.2f},{high:+.2f}]")
            cells.append(f"{100 * ours[:, m].mean():5.1f}: " + " ".join(parts))
        print(f"  {v:<10} " + "  ".join(cells))


def outlet_versus(ours: dict[str, np.ndarray], other: dict[str, np.ndarray], title: str) -> None:
    """Per left-out view, ``ours`` minus ``other`` x100 with a paired bootstrap 95 %
    interval (the same articles, each scored by a model that never saw its outlet)."""
    print(f"{title}, outlet left out [95 % bootstrap]")
    for v in ours:
        diff = 100 * (ours[v] - other[v])
        cells = []
        for m in range(3):
            low, high = bootstrap(diff[:, m])
            cells.append(f"{diff[:, m].mean():+5.2f} [{low:+.2f},{high:+.2f}]")
        print(f"  {v:<10} " + "  ".join(cells))
