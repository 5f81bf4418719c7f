"""Issue 12's hedge round: lean the shipped model toward what carries to an unseen outlet.

    python benchmarks/hedge_round.py [--folds 5]

A model fitted without an outlet does not beat that outlet's lead (CNN/DM left out of
the fit: -0.27/-1.42/-0.22 below Lead-3), and the held-out check scores outlets none
of the dev data comes from. Each candidate below is one knob of the shipped model
(``fit_newsrank.py --drop first,wire_lead --listwise``: weights 1,1,0,1, l2 3,
redundancy 2.5) whose value is chosen ONLY by the left-out margin, never by in-fit CV.

The rule, written and committed before any run of this round (branch summ12):

Candidates, each a grid of five values besides the shipped one, all on the same 5
folds and the same leave-one-outlet-out fits (``fitting/outlets.py``):
  A ``lead``: after fitting, add lambda log-odds to each of an article's first three
     sentences (``fitting.fitters.Leaning``); lambda in 0.05, 0.1, 0.2, 0.35, 0.5
     (shipped: 0). Re-measures the hedge ``--lead-prior`` tried at 0.25-1.0 by eye,
     now on today's model, with smaller values and chosen by the left-out margin.
  B ``l2``: the listwise fit's penalty in 0.3, 1, 10, 30, 100 (shipped: 3).
  C ``redundancy``: NewsRank's overlap penalty in 1.0, 1.75, 3.5, 5.0, 7.0 (shipped:
     2.5; it was chosen by CV over 0.3-3.0, never by an unseen outlet).
Within a candidate, its value is the grid value with the highest mean left-out change
(1. below); only that value is judged. Left-out views: cnndm and cnndm_para (fitted
without CNN/DM), bbc_head, bbc and bbc_lede (fitted without BBC), wn_head and wn_lede
(Wikinews is never fitted on: the model fitted on all). Change = the candidate's mean
score minus the shipped model's on the same articles, R-1/R-2/R-L x100.
A candidate passes when, against the shipped model:
  1. the mean change of the left-out margin over the seven left-out views and
     R-1/R-2/R-L is above 0;
  2. CNN/DM (cnndm) left out gains on R-1 and on R-2;
  3. no view, 5-fold CV pooled or left out, loses more than 0.30 on any metric;
  4. cnndm's 5-fold CV pooled R-2 does not fall (change >= -0.005).
Winner: of those that pass, the highest mean left-out change (1.); within 0.05 of it,
the one that changes least code: C (a constant), then B (a refit), then A (a prior in
``summarizer/``). None passes: nothing ships.

Measured (code of e21d48c, a fresh cache; the shipped model's left-out margins
reproduce: cnndm -0.27/-1.42/-0.22 vs Lead-3). Per grid value: rule 1's mean
left-out change, cnndm left out's change, the worst change of any view in CV and
left out (R-1/R-2/R-L x100):

  A lead   0.05 +0.016 cnndm +0.20/+0.19/+0.13  CV -0.39  out -0.33
           0.1  -0.022       +0.18/+0.12/+0.03     -0.48      -0.47
           0.2  +0.005       +0.42/+0.46/+0.27     -0.92      -0.75
           0.35 +0.030       +0.80/+0.88/+0.58     -1.73      -1.28   chosen
           0.5  +0.028       +1.02/+1.13/+0.84     -2.26      -1.57
  B l2     0.3  -0.000       -0.08/-0.06/-0.04     -0.02      -0.08
           1    +0.001       -0.03/-0.01/-0.02     -0.02      -0.03   chosen
           10   -0.000       +0.03/-0.01/+0.06     -0.07      -0.05
           30   -0.046       -0.09/-0.09/-0.04     -0.18      -0.10
           100  -0.121       -0.19/-0.24/-0.14     -0.39      -0.24
  C redund 1.0  +0.084       -0.07/+0.10/+0.13     -0.45      -0.28   chosen
           1.75 +0.006       -0.15/-0.05/-0.06     -0.28      -0.25
           3.5  +0.009       +0.03/+0.05/+0.20     -2.16      -0.45
           5.0  -0.057       +0.03/-0.08/+0.12     -4.59      -1.07
           7.0  -0.451       -0.78/-0.81/-0.44     -7.17      -2.69

Verdicts: A 0.35 fails 3 (bbc CV -0.96/-1.73/-0.72, left out -0.89/-1.28/-0.51;
wn_head CV -0.54 R-1, left out -0.48 R-1); B 1 fails 2 (cnndm left out
-0.03/-0.01); C 1.0 fails 2 (cnndm left out R-1 -0.07), 3 (cnndm CV R-1 -0.38,
cnndm_para -0.45) and 4 (cnndm CV R-2 -0.07). None passes: nothing ships.

What it says: leaning on the lead (A) moves the left-out margin from BBC and
Wikinews to CNN/DM (cnndm left out reaches +0.53/-0.54/+0.36 vs Lead-3 at 0.35)
without raising it on average (+0.03 at best): a transfer between outlets, not a
hedge. The penalty (B) hardly moves anything (the listwise fit is not
overfitting: 2,300 articles, 18 weights). A weaker redundancy penalty (C) won
rule 1 through bbc, whose references are machine-picked (left out +0.65/+1.04/
+0.42); over the six human-reference views its mean change is -0.02. A next round
should leave bbc out of rule 1, as ``compare_mixes.py`` did.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fit_newsrank import view_weights  # type: ignore[import-not-found]
from fitting.fitters import Leaning, logistic  # type: ignore[import-not-found]
from fitting.outlets import OUTLETS  # type: ignore[import-not-found]
from fitting.views import CHECK_VIEWS, Views, bootstrap, run  # type: ignore[import-not-found]

from summarizer.algorithms.model import Scorer, SentenceModel
from summarizer.algorithms.newsrank import REDUNDANCY
from summarizer.algorithms.sentence_features import FEATURE_NAMES

SHIPPED_DROP = ("first", "wire_lead")
SHIPPED_L2 = 3.0
GRIDS = {
    "A lead": (0.05, 0.1, 0.2, 0.35, 0.5),
    "B l2": (0.3, 1.0, 10.0, 30.0, 100.0),
    "C redundancy": (1.0, 1.75, 3.5, 5.0, 7.0),
}
PREFERENCE = ("C redundancy", "B l2", "A lead")  # least code first
LEFT_OUT = tuple(v for held in OUTLETS.values() for v in held)
METRICS = ("R-1", "R-2", "R-L")


@dataclass(frozen=True)
class Setting:
    """One point of a grid: the fit's l2, a lead prior added after fitting, redundancy."""

    l2: float = SHIPPED_L2
    prior: float = 0.0
    redundancy: float = REDUNDANCY


def setting(candidate: str, value: float) -> Setting:
    if candidate.startswith("A"):
        return Setting(prior=value)
    if candidate.startswith("B"):
        return Setting(l2=value)
    return Setting(redundancy=value)


@dataclass
class Scores:
    """Per view, per-article (R-1, R-2, R-L): 5-fold CV pooled, and with its outlet left out."""

    cv: dict[str, np.ndarray]
    left_out: dict[str, np.ndarray]


class Round:
    """The views, the shipped features and the fitted models per l2 (fitted once)."""

    def __init__(self, folds: int) -> None:
        self.views = Views(folds)
        self.folds = folds
        self.weights = view_weights("1,1,0,1")
        self.keep = [k for k, name in enumerate(FEATURE_NAMES) if name not in SHIPPED_DROP]
        self.models: dict[float, tuple[list[Scorer], dict[str, Scorer]]] = {}

    def fitted(self, l2: float) -> tuple[list[Scorer], dict[str, Scorer]]:
        """Per fold, the model fitted outside it; per outlet, the model fitted without it."""
        if l2 not in self.models:
            fitter = logistic(l2, listwise=True)
            cv = [
                self.views.fit(self.weights, fitter, self.keep, fold=k) for k in range(self.folds)
            ]
            out = {}
            for outlet, held in OUTLETS.items():
                rest = {v: 0.0 if v in held else w for v, w in self.weights.items()}
                out[outlet] = self.views.fit(rest, fitter, self.keep)
            self.models[l2] = (cv, out)
        return self.models[l2]

    def measure(self, s: Setting) -> Scores:
        cv_models, out_models = self.fitted(s.l2)
        lean = (lambda m: Leaning(m, s.prior)) if s.prior else (lambda m: m)
        cv: dict[str, np.ndarray] = {}
        for v in CHECK_VIEWS:
            items = self.views.items[v]
            cv[v] = np.zeros((len(items), 3))
            for k, model in enumerate(cv_models):
                assert isinstance(model, SentenceModel)
                test = np.flatnonzero(self.views.folds[v] == k)
                chosen = [items[i] for i in test]
                cv[v][test] = run(chosen, lean(model), self.keep, s.redundancy)
        left = {}
        for outlet, held in OUTLETS.items():
            for v in held:
                model = lean(out_models[outlet])
                left[v] = run(self.views.items[v], model, self.keep, s.redundancy)
        return Scores(cv, left)


def change(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Per view, mean (R-1, R-2, R-L) of ``a`` minus ``b``, x100."""
    return {v: 100 * (a[v] - b[v]).mean(axis=0) for v in a}


def mean_left_out(ours: Scores, shipped: Scores) -> float:
    """Rule 1: the mean change over the left-out views and the three metrics."""
    return float(np.mean(list(change(ours.left_out, shipped.left_out).values())))


def verdict(ours: Scores, shipped: Scores) -> list[str]:
    """The rules a candidate fails (numbered as in the module docstring); empty: it passes."""
    cv, out = change(ours.cv, shipped.cv), change(ours.left_out, shipped.left_out)
    reasons = []
    if mean_left_out(ours, shipped) <= 0:
        reasons.append("1: mean left-out change <= 0")
    if not (out["cnndm"][0] > 0 and out["cnndm"][1] > 0):
        reasons.append(f"2: cnndm out {out['cnndm'][0]:+.2f}/{out['cnndm'][1]:+.2f}")
    for label, table in (("CV", cv), ("out", out)):
        for v, x in table.items():
            for m, metric in enumerate(METRICS):
                if x[m] < -0.30:
                    reasons.append(f"3: {v} {label} {metric} {x[m]:+.2f}")
    if cv["cnndm"][1] < -0.005:
        reasons.append(f"4: cnndm CV R-2 {cv['cnndm'][1]:+.2f}")
    return reasons


def triple(x: np.ndarray) -> str:
    return f"{x[0]:+.2f}/{x[1]:+.2f}/{x[2]:+.2f}"


def report(views: Views, name: str, ours: Scores, shipped: Scores) -> None:
    """The chosen value's table: per view, CV and left-out change (95 % paired
    bootstrap), and its left-out margin over Lead-3."""
    print(f"\n=== {name}: change over the shipped model, R-1/R-2/R-L x100 [95 % bootstrap] ===")
    pairs = (("CV pooled", ours.cv, shipped.cv), ("left out", ours.left_out, shipped.left_out))
    for label, a, b in pairs:
        for v in a:
            diff = 100 * (a[v] - b[v])
            cells = []
            for m in range(3):
                low, high = bootstrap(diff[:, m])
                cells.append(f"{diff[:, m].mean():+5.2f} [{low:+.2f},{high:+.2f}]")
            lead = 100 * (a[v] - views.base[v]["lead"]).mean(axis=0)
            print(f"  {label:<9} {v:<10} " + "  ".join(cells) + f"  | vs Lead-3 {triple(lead)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    r = Round(args.folds)
    shipped = r.measure(Setting())
    lead = change(shipped.left_out, {v: r.views.base[v]["lead"] for v in LEFT_OUT})
    print("shipped, left out vs Lead-3:", "  ".join(f"{v} {triple(x)}" for v, x in lead.items()))
    passing = []
    for name, grid in GRIDS.items():
        print(f"\n{name}: value  mean left-out change  cnndm out  worst CV  worst out")
        scored = {}
        for value in grid:
            ours = r.measure(setting(name, value))
            scored[value] = ours
            cv, out = change(ours.cv, shipped.cv), change(ours.left_out, shipped.left_out)
            print(
                f"  {value:<6} {mean_left_out(ours, shipped):+.3f}  {triple(out['cnndm'])}"
                f"  {min(float(x.min()) for x in cv.values()):+.2f}"
                f"  {min(float(x.min()) for x in out.values()):+.2f}",
                flush=True,
            )
        best = max(grid, key=lambda value: mean_left_out(scored[value], shipped))
        report(r.views, f"{name} {best}", scored[best], shipped)
        reasons = verdict(scored[best], shipped)
        print(f"{name} {best}: {'PASS' if not reasons else 'fails ' + '; '.join(reasons)}")
        if not reasons:
            passing.append((mean_left_out(scored[best], shipped), name, best))
    if not passing:
        print("\nwinner: none passes; nothing ships")
        return 0
    top = max(p[0] for p in passing)
    near = [p for p in passing if p[0] >= top - 0.05]
    winner = min(near, key=lambda p: PREFERENCE.index(p[1]))
    print(f"\nwinner: {winner[1]} {winner[2]} (mean left-out change {winner[0]:+.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
