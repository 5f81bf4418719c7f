"""Fit NewsRank's sentence scorer (logistic regression) with k-fold cross-validation.

    python benchmarks/fit_newsrank.py [--cnndm PATH] [--bbc PATH] [--folds 5]
        [--bbc-weight 0.0] [--l2 1.0] [--ablation] [--write]

Labels: a sentence is positive when the greedy extractive oracle (best ROUGE-1 +
ROUGE-2 F1 against the human highlights, up to 3 sentences) picks it. Features:
``summarizer/algorithms/sentence_features.py``. Training data: cnndm_dev (human
highlights); bbc_dev (machine-picked references) only with ``--bbc-weight`` > 0,
and always as a regression check. Prints, per fold, ROUGE-1/2/L F1 x100 of the
model and of Lead-3 on the held-out articles with a paired bootstrap 95 %
interval of the difference; then the BBC figures of the model fitted on all of
cnndm_dev; with ``--ablation`` the pooled CV change when each feature is left
out; the coefficients (per standard deviation of the feature). ``--write``
stores the model fitted on all training data as
``summarizer/algorithms/newsrank_model.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.cli.eval import read_cases
from summarizer.algorithms.base import Document
from summarizer.algorithms.centrality import load_stop_words
from summarizer.algorithms.model import MODEL_FILE, SentenceModel
from summarizer.algorithms.newsrank import NewsRank, is_wire_copy
from summarizer.algorithms.sentence_features import FEATURE_NAMES, sentence_matrix
from summarizer.evaluation.rouge import RougeEvaluator, lcs_f1, ngram_f1
from summarizer.summarize import build_document, candidates

# The shared data sits beside the clone (../shared/eval), or beside its worktree folder.
SHARED = next((p / "shared" / "eval" for p in Path(__file__).resolve().parents[1:4]
               if (p / "shared" / "eval").is_dir()), Path("../shared/eval"))
OUT = Path(__file__).resolve().parents[1] / "summarizer" / "algorithms" / MODEL_FILE
COUNT = 3


@dataclass
class Item:
    """One article ready for fitting: candidate sentences, features, oracle labels."""

    doc: Document
    matrix: np.ndarray
    labels: np.ndarray
    tokens: list[list[str]]
    reference: list[str]


def prepare(path: Path, evaluator: RougeEvaluator) -> list[Item]:
    items = []
    for case in read_cases(path):
        sub, _ = candidates(build_document(case.article))
        if len(sub.sentences) < 2:
            continue
        if is_wire_copy(sub) and not sub.wire:
            sub = Document(sub.title, sub.sentences, sub.paragraph_of, sub.words,
                           sub.language, wire=True)
        matrix, _ = sentence_matrix(sub, load_stop_words(sub.language))
        labels = np.zeros(len(sub.sentences))
        labels[evaluator.oracle(sub.sentences, case.reference, COUNT)] = 1.0
        items.append(Item(sub, matrix, labels, [evaluator.tokens(s) for s in sub.sentences],
                          evaluator.tokens(" ".join(case.reference))))
    return items


def fit(matrices: Sequence[np.ndarray], labels: Sequence[np.ndarray], weights: Sequence[float],
        names: Sequence[str], l2: float) -> SentenceModel:
    """L2-regularised logistic regression by Newton's method on standardised features."""
    x = np.vstack(matrices)
    y = np.concatenate(labels)
    w = np.concatenate([np.full(len(m), wt) for m, wt in zip(matrices, weights, strict=True)])
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


def rouge(item: Item, picked: Sequence[int]) -> np.ndarray:
    cand = [t for i in sorted(picked) for t in item.tokens[i]]
    ref = item.reference
    return np.array([ngram_f1(cand, ref, 1), ngram_f1(cand, ref, 2), lcs_f1(cand, ref)])


def run(items: Sequence[Item], model: SentenceModel, keep: Sequence[int]) -> np.ndarray:
    """Per-article (R-1, R-2, R-L) of NewsRank's real picking with ``model``."""
    ranker = NewsRank(model=model)
    rows = []
    for item in items:
        if len(keep) < len(FEATURE_NAMES):
            scores = model.score(item.matrix[:, keep])
            picked = _pick_with(ranker, item.doc, scores)
        else:
            picked = ranker.select(item.doc, COUNT)
        rows.append(rouge(item, picked))
    return np.array(rows)


def _pick_with(ranker: NewsRank, doc: Document, scores: np.ndarray) -> list[int]:
    from summarizer.algorithms.centrality import features, mmr_select
    from summarizer.algorithms.newsrank import readable_opening

    f = features(doc, load_stop_words(doc.language))
    return readable_opening(mmr_select(f, scores, COUNT, ranker.redundancy), doc.sentences)


def lead(items: Sequence[Item]) -> np.ndarray:
    return np.array([rouge(item, range(min(COUNT, len(item.tokens)))) for item in items])


def bootstrap(diff: np.ndarray, rounds: int = 1000, seed: int = 7) -> tuple[float, float]:
    """95 % interval of the mean of per-article differences (paired bootstrap)."""
    rng = np.random.default_rng(seed)
    means = diff[rng.integers(0, len(diff), (rounds, len(diff)))].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def line(label: str, ours: np.ndarray, base: np.ndarray) -> str:
    cells = []
    for k in range(3):
        low, high = bootstrap(100 * (ours[:, k] - base[:, k]))
        cells.append(f"{100 * ours[:, k].mean():5.1f} vs {100 * base[:, k].mean():5.1f} "
                     f"[{low:+.2f},{high:+.2f}]")
    return f"{label:<10} " + "  ".join(cells)


def cross_validate(items: list[Item], extra: list[Item], args: argparse.Namespace,
                   keep: Sequence[int], verbose: bool) -> np.ndarray:
    folds = np.random.default_rng(0).permutation(len(items)) % args.folds
    pooled = np.zeros((len(items), 3))
    names = [FEATURE_NAMES[k] for k in keep]
    for k in range(args.folds):
        train = [items[i] for i in np.flatnonzero(folds != k)] + extra
        test = np.flatnonzero(folds == k)
        weights = [1.0] * (len(train) - len(extra)) + [args.bbc_weight] * len(extra)
        model = fit([t.matrix[:, keep] for t in train], [t.labels for t in train], weights,
                    names, args.l2)
        scores = run([items[i] for i in test], model, keep)
        pooled[test] = scores
        if verbose:
            print(line(f"fold {k + 1}", scores, lead([items[i] for i in test])))
    return pooled


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cnndm", type=Path, default=SHARED / "cnndm_dev.jsonl")
    parser.add_argument("--bbc", type=Path, default=SHARED / "bbc_dev.jsonl")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--bbc-weight", type=float, default=0.0)
    parser.add_argument("--l2", type=float, default=30.0)
    parser.add_argument("--ablation", action="store_true")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    evaluator = RougeEvaluator()
    items, bbc = prepare(args.cnndm, evaluator), prepare(args.bbc, evaluator)
    extra = bbc if args.bbc_weight > 0 else []
    everything = list(range(len(FEATURE_NAMES)))
    print(f"{len(items)} cnndm articles, {args.folds}-fold CV; R-1 / R-2 / R-L F1 x100, "
          "model vs Lead-3 [95 % bootstrap interval of the difference]")
    pooled = cross_validate(items, extra, args, everything, verbose=True)
    print(line("pooled", pooled, lead(items)))
    model = fit([t.matrix for t in items + extra], [t.labels for t in items + extra],
                [1.0] * len(items) + [args.bbc_weight] * len(extra), FEATURE_NAMES, args.l2)
    print(line("bbc_dev", run(bbc, model, everything), lead(bbc)))
    if args.ablation:
        print("ablation: pooled CV change (R-1 / R-2 / R-L) when a feature is left out")
        for k, name in enumerate(FEATURE_NAMES):
            keep = [j for j in everything if j != k]
            scores = cross_validate(items, extra, args, keep, verbose=False)
            delta = 100 * (scores.mean(axis=0) - pooled.mean(axis=0))
            print(f"  -{name:<18} {delta[0]:+.2f} {delta[1]:+.2f} {delta[2]:+.2f}")
    print("coefficients (log-odds per standard deviation), strongest first:")
    for name, coef in model.explain():
        print(f"  {name:<18} {coef:+.3f}")
    if args.write:
        info = {"fitted_on": f"cnndm_dev ({len(items)} articles)"
                + (f" + bbc_dev x{args.bbc_weight}" if extra else ""),
                "labels": "greedy ROUGE-1+2 oracle, 3 sentences", "l2": args.l2,
                "refit": "python benchmarks/fit_newsrank.py --write"}
        model = SentenceModel(model.names, model.mean, model.scale, model.coef,
                              model.intercept, info)
        OUT.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
