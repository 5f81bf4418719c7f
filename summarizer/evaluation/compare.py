"""Is the default really ahead of Lead-3? Paired bootstrap intervals of the difference.

For every ROUGE figure, the per-article differences (default minus baseline)
are resampled with replacement; the 2.5th and 97.5th percentiles of the
resampled means give a 95 % interval. An interval above zero means the default
is ahead on that data, beyond what the choice of articles explains. Given per
outlet when the data names its ``source``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summarizer.evaluation.evaluate import EvalReport
from summarizer.evaluation.rouge import RougeScores

FIGURES = ("R-1", "R-2", "R-L", "R-Lsum")


@dataclass(frozen=True, slots=True)
class Difference:
    """Mean difference x100 of one figure with its 95 % bootstrap interval."""

    mean: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.mean:+.2f} [{self.low:+.2f}, {self.high:+.2f}]"


def bootstrap_differences(
    ours: Sequence[RougeScores], theirs: Sequence[RougeScores], *, rounds: int = 1000, seed: int = 0
) -> tuple[Difference, ...]:
    """One Difference per figure in FIGURES (x100), paired by article."""
    a = np.array([s.as_tuple() for s in ours], dtype=float).reshape(-1, 4)
    b = np.array([s.as_tuple() for s in theirs], dtype=float).reshape(-1, 4)
    diff = 100 * (a - b)
    if not len(diff):
        return tuple(Difference(0.0, 0.0, 0.0) for _ in FIGURES)
    rng = np.random.default_rng(seed)
    means = diff[rng.integers(0, len(diff), (rounds, len(diff)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5], axis=0)
    return tuple(
        Difference(float(m), float(lo), float(hi))
        for m, lo, hi in zip(diff.mean(axis=0), low, high, strict=True)
    )


def format_differences(report: EvalReport, *, default: str, baseline: str = "lead") -> str:
    """Lines: the default minus ``baseline``, overall and per outlet (when known)."""
    ours, theirs = report.per_article.get(default), report.per_article.get(baseline)
    if not ours or not theirs or default == baseline:
        return ""
    groups: dict[str, list[int]] = {"all": list(range(len(ours)))}
    named = sorted({s for s in report.sources if s})
    if (named and len(named) > 1) or (named and len(report.sources) == len(ours)):
        for source in named:
            groups[source] = [i for i, s in enumerate(report.sources) if s == source]
    labels = {name: f"{name[:40]} ({len(rows)})" for name, rows in groups.items()}
    width = max(24, *(len(label) for label in labels.values()))
    lines = [
        f"{default} minus {baseline}, ROUGE F1 x100, mean [95 % paired bootstrap interval]:",
        f"{'articles':<{width}} " + " ".join(f"{f:>22}" for f in FIGURES),
    ]
    for name, rows in groups.items():
        diffs = bootstrap_differences([ours[i] for i in rows], [theirs[i] for i in rows])
        lines.append(f"{labels[name]:<{width}} " + " ".join(f"{d!s:>22}" for d in diffs))
    return "\n".join(lines)
