"""What trading summary length buys on each view: the CV length curve.

    python benchmarks/newsrank_curve.py [--bonus 0,0.5,1,2,4] [fit_newsrank options]

BBC's machine-picked references are long (median 148 words, 45 % of the
article) while human highlights are short (35 words): a longer summary scores
higher on the first and lower on the second. This adds ``bonus`` x the
standardised length feature to every sentence's log-odds at pick time (the
fitted model is unchanged) and prints, per bonus, the pooled cross-validated
margin over the strongest baseline per view and the mean summary length.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from fit_newsrank import (
    TRAIN_VIEWS,
    Views,
    cross_validate,
    logistic,
    margins,
    summary_line,
)
from fitting.fitters import Adjusted  # type: ignore[import-not-found]

from summarizer.algorithms.model import Scorer, SentenceModel
from summarizer.algorithms.sentence_features import FEATURE_NAMES


@dataclass(frozen=True)
class Longer(Adjusted):
    """``model`` plus ``bonus`` log-odds per standard deviation of sentence length."""

    bonus: float

    def score(self, matrix: np.ndarray) -> np.ndarray:
        k = self.model.names.index("length")
        coef = self.model.coef.copy()
        coef[k] += self.bonus
        return replace(self.model, coef=coef).score(matrix)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    bonuses = [0.0, 0.25, 0.5, 1.0, 2.0, 4.0]
    if "--bonus" in args:
        bonuses = [float(b) for b in args[args.index("--bonus") + 1].split(",")]
    views = Views(5)
    keep = [k for k, n in enumerate(FEATURE_NAMES) if n not in ("first", "wire_lead")]
    weights = dict.fromkeys(TRAIN_VIEWS, 1.0) | {"bbc": 0.0}
    base = logistic(3.0)
    for bonus in bonuses:

        def fitter(*parts: Any, bonus: float = bonus) -> Scorer:
            model = base(*parts)
            assert isinstance(model, SentenceModel)
            return Longer(model, bonus)

        pooled = cross_validate(views, weights, fitter, keep, 0.5, 5)
        print(summary_line(f"length bonus {bonus:+.2f}", margins(views, pooled)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
