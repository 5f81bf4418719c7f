"""Does a new salience feature help? Refit(base) against refit(base + candidate), same folds.

    python benchmarks/cv_salience_features.py [--data ../shared] [--c 1]

The candidates are in ``salience_candidates.py``; the rule that decides, written before
this was first run, is in ``salience_features_2026-12.md`` and is applied by ``verdict``.
Every variant is refitted (``fit_salience.fit``, L2 logistic, the same C) on the other
folds' candidates and the held fold's articles are scored end to end through the matcher
(rules included), as ``newsbot companies --score`` counts: followed by name (subject P, R,
passing mentions alerting) and registry only (P, R). Fold schemes: 5 folds by article
(``crc32(id) % 5``) and one split left out (tune, check, new, fresh .. fresh6). The shipped
weights are scored on the same folds unchanged (they were fitted on tune/check/new and the
rules were written on fresh .. fresh6 with them in place: in-sample advantaged). The
held-back splits fresh7, fresh8 and fresh9 are dropped before any text is read.
"""

from __future__ import annotations

import argparse
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from unittest.mock import patch

import fit_salience
import numpy as np
from cv_salience import score
from fit_salience import LABELS, candidates, fit
from salience_candidates import CANDIDATES, ROUND1, install

from bot.cli.scoring import default_data_dir, read_labels
from summarizer.companies.aboutness import salience
from summarizer.companies.evaluate import Labelled, Tally

HOLD = ("fresh7", "fresh8", "fresh9")  # held back: never read here
BASE = salience.FEATURES
ALL = (*BASE, *CANDIDATES)
Result = dict[str, tuple[Tally, Tally]]  # fold -> (followed, registry only)


def scheme_folds() -> dict[str, Callable[[Labelled], str]]:
    return {
        "5 folds by article": lambda lab: f"f{zlib.crc32(lab.id.encode()) % 5}",
        "one split left out": lambda lab: lab.split,
    }


def cross_validate(
    names: Sequence[str] | None,
    fold_of: Callable[[Labelled], str],
    rows: list,
    labels: list[Labelled],
    data: Path,
    c: float,
) -> Result:
    """Per fold: tallies of the model over ``names`` refitted without the fold (``None``:
    the shipped weights, unchanged)."""
    x = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows], dtype=float)
    folds = np.array([fold_of(r[0]) for r in rows])
    feats = tuple(names or BASE)
    cols = [ALL.index(k) for k in feats]
    out: Result = {}
    for k in sorted(set(folds)):
        held = [lab for lab in labels if fold_of(lab) == k]
        if names is None:
            weights = salience.weights()
        else:
            w = fit(x[folds != k][:, cols], y[folds != k], c)
            weights = (float(w[0]), dict(zip(feats, map(float, w[1:]), strict=True)))
        with patch.object(salience, "FEATURES", feats):
            out[k] = score(held, data, weights)
    return out


def pooled(result: Result) -> tuple[Tally, Tally]:
    follow, alone = Tally(), Tally()
    for f, r in result.values():
        follow.add(f)
        alone.add(r)
    return follow, alone


def line(name: str, follow: Tally, alone: Tally) -> str:
    return (
        f"{name:<22} P {follow.precision:.3f} R {follow.recall:.3f} tp {follow.tp:3} "
        f"fp {follow.fp:3} fn {follow.fn:3} pass {follow.passing_alerts:3}/{follow.passing:<4} "
        f"registry P {alone.precision:.3f} R {alone.recall:.3f}"
    )


def no_worse(new: Tally, old: Tally) -> bool:
    """Pooled followed P and R both no lower, passing alerts no higher."""
    return (
        new.precision >= old.precision
        and new.recall >= old.recall
        and new.passing_alerts <= old.passing_alerts
    )


def verdict(cand: Mapping[str, Result], base: Mapping[str, Result]) -> tuple[bool, str]:
    """The pre-registered rule (``salience_features_2026-12.md``): (passes, why)."""
    why = []
    ok = True
    for scheme in cand:
        (cf, cr), (bf, br) = pooled(cand[scheme]), pooled(base[scheme])
        good = no_worse(cf, bf)
        good_registry = cr.precision >= br.precision - 0.005 and cr.recall >= br.recall - 0.005
        ok = ok and good and good_registry
        why.append(
            f"{scheme}: pooled {'ok' if good else 'WORSE'}, registry "
            f"{'ok' if good_registry else 'WORSE'}"
        )
    splits = cand["one split left out"]
    errors = {k: (t[0].fp + t[0].fn, t[0].passing_alerts) for k, t in splits.items()}
    base_errors = {
        k: (t[0].fp + t[0].fn, t[0].passing_alerts) for k, t in base["one split left out"].items()
    }
    fine = sum(
        errors[k][0] <= base_errors[k][0] and errors[k][1] <= base_errors[k][1] for k in errors
    )
    better = sum(errors[k][0] < base_errors[k][0] for k in errors)
    worse = sum(errors[k][0] > base_errors[k][0] for k in errors)
    per_split = fine >= 6 and better > worse
    why.append(f"splits no worse {fine}/{len(errors)}, better {better}, worse {worse}")
    return ok and per_split, "; ".join(why)


def beats_shipped(cand: Mapping[str, Result], shipped: Mapping[str, Result]) -> bool:
    """Ship gate: pooled followed P, R no lower and alerts no higher than the shipped
    weights in both schemes (which favours the shipped weights: in-sample)."""
    return all(no_worse(pooled(cand[s])[0], pooled(shipped[s])[0]) for s in cand)


def run_all(
    variants: Mapping[str, Sequence[str] | None], rows: list, labels: list, data: Path, c: float
) -> dict[str, dict[str, Result]]:
    results: dict[str, dict[str, Result]] = {}
    for name, feats in variants.items():
        results[name] = {}
        for scheme, fold_of in scheme_folds().items():
            res = cross_validate(feats, fold_of, rows, labels, data, c)
            results[name][scheme] = res
            print(f"== {name}, {scheme}", flush=True)
            for k, (f, r) in res.items():
                print(line(f"  {k}", f, r))
            print(line("  POOLED", *pooled(res)), flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_data_dir())
    parser.add_argument("--c", type=float, default=1.0)
    parser.add_argument("--candidates", nargs="+", default=list(ROUND1), choices=CANDIDATES)
    parser.add_argument(
        "--passed",
        nargs="*",
        default=[],
        help="candidates that passed an earlier round: they join this round's passers in the "
        "combination run",
    )
    parser.add_argument("--no-shipped", action="store_true", help="skip the shipped weights")
    args = parser.parse_args()
    install()
    labels = [lab for lab in read_labels(LABELS) if lab.split not in HOLD]
    with patch.object(fit_salience, "FEATURES", ALL):
        rows = candidates(args.data, HOLD)
    variants: dict[str, Sequence[str] | None] = {"base": BASE}
    if not args.no_shipped:
        variants = {"shipped": None, **variants}
    variants |= {f"base+{k}": (*BASE, k) for k in args.candidates}
    results = run_all(variants, rows, labels, args.data, args.c)
    passing = []
    for k in args.candidates:
        ok, why = verdict(results[f"base+{k}"], results["base"])
        print(f"VERDICT base+{k}: {'PASS' if ok else 'fail'} ({why})")
        if ok:
            passing.append(k)
    passing += [k for k in args.passed if k not in passing]
    if len(passing) >= 2:  # the passing ones together, under the same rule
        name = "base+" + "+".join(passing)
        results |= run_all({name: (*BASE, *passing)}, rows, labels, args.data, args.c)
        ok, why = verdict(results[name], results["base"])
        print(f"VERDICT {name}: {'PASS' if ok else 'fail'} ({why})")
    for name in results:
        if name not in ("shipped", "base") and "shipped" in results:
            gate = beats_shipped(results[name], results["shipped"])
            print(f"vs shipped, {name}: {'no worse' if gate else 'worse'}")


if __name__ == "__main__":
    main()
