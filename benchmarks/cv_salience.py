"""Cross-validate salience weights end to end, as ``newsbot companies --score`` counts.

    python benchmarks/cv_salience.py [--data ../shared] [--c 1 3]
        [--hold fresh7 --hold fresh8 --hold fresh9]

For each fold the model is refitted (``fit_salience.fit``) on the other folds' candidates
and the held fold's articles are scored through the whole matcher (rules included):
followed by name (subject P, R, passing mentions alerting) and registry only (P, R).
The shipped weights are scored on the same folds, unchanged. Two fold schemes: 5 folds
by article (``crc32(id) % 5``, as ``fit_salience.py``) and one split left out at a time.
The ``--hold`` splits (default ``fresh7``, ``fresh8`` and ``fresh9``, the held-back splits) are
never read.
"""

from __future__ import annotations

import argparse
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from unittest.mock import patch

import numpy as np
from fit_salience import HELD, LABELS, candidates, fit

from bot.cli.companies import build_matcher
from bot.cli.scoring import default_data_dir, load_texts, read_labels, tallies
from summarizer.companies.aboutness import salience
from summarizer.companies.aboutness.salience import FEATURES
from summarizer.companies.evaluate import Labelled, Tally

Weights = tuple[float, Mapping[str, float]]


def as_weights(w: np.ndarray) -> Weights:
    return float(w[0]), dict(zip(FEATURES, map(float, w[1:]), strict=True))


def score(labels: Sequence[Labelled], data: Path, weights: Weights) -> tuple[Tally, Tally]:
    """(followed, registry-only) tallies of ``labels`` with salience ``weights``."""
    follow, alone = Tally(), Tally()
    with patch.object(salience, "weights", lambda: weights):
        for _, f, r in tallies(build_matcher(), labels, load_texts(data, labels)):
            follow.add(f)
            alone.add(r)
    return follow, alone


def line(name: str, follow: Tally, alone: Tally) -> str:
    return (
        f"{name:<16} art {follow.articles:4}  followed P {follow.precision:.3f} "
        f"R {follow.recall:.3f} pass {follow.passing_alerts:3}/{follow.passing:<4} "
        f"({follow.alert_share:5.1%})  registry P {alone.precision:.3f} R {alone.recall:.3f}"
    )


def run(
    name: str, fold_of: Callable[[Labelled], str], rows: list, labels: list, data: Path, c: float
) -> None:
    """Per fold and pooled: old (shipped) weights and weights refitted without the fold."""
    old_w = salience.weights()
    x = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows], dtype=float)
    folds = np.array([fold_of(r[0]) for r in rows])
    # "fresh*" folds apart: the shipped weights were never fitted on them.
    pooled = {t: (Tally(), Tally()) for t in ("old", "new", "old fresh*", "new fresh*")}
    print(f"== {name}, C = {c}")
    for k in sorted(set(folds)):
        held = [lab for lab in labels if fold_of(lab) == k]
        new_w = as_weights(fit(x[folds != k], y[folds != k], c))
        for tag, w in (("old", old_w), ("new", new_w)):
            f, r = score(held, data, w)
            for group in (tag, f"{tag} fresh*") if k.startswith("fresh") else (tag,):
                pooled[group][0].add(f)
                pooled[group][1].add(r)
            print(line(f"{k} {tag}", f, r))
    for tag, (f, r) in pooled.items():
        if f.articles:
            print(line(f"POOLED {tag}", f, r))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--c", type=float, nargs="+", default=[1.0])
    parser.add_argument("--hold", action="append")
    parser.add_argument("--scheme", choices=("article", "split", "both"), default="both")
    args = parser.parse_args()
    hold = tuple(args.hold or HELD)
    labels = [lab for lab in read_labels(LABELS) if lab.split not in hold]
    rows = candidates(args.data, hold)
    for c in args.c:
        if args.scheme in ("article", "both"):
            run(
                "5 folds by article",
                lambda lab: f"f{zlib.crc32(lab.id.encode()) % 5}",
                rows,
                labels,
                args.data,
                c,
            )
        if args.scheme in ("split", "both"):
            run("one split left out", lambda lab: lab.split, rows, labels, args.data, c)


if __name__ == "__main__":
    main()
