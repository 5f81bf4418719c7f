"""Fit NewsRank's few weights by cross-validation and print the figures.

    python benchmarks/tune_newsrank.py [DATA.jsonl] [--limit K] [--folds 5]

Random search plus coordinate ascent over a small grid per weight, inside each
training fold (3 sentences): maximise how lead-like the summaries are (ROUGE-1
against Lead-3 + FIRST_WEIGHT x first-sentence share) subject to beating sumy's
TextRank and Reduction on every ROUGE figure by MARGIN (see the constants).
The table shows held-out figures of random k-fold and of leave-one-category-out
splits (train on four BBC categories, test on the fifth), next to Lead-3, sumy's
TextRank and Reduction, and the shipped weights. ROUGE here is computed with the
same tokens and counts as rouge-score (tests/summarizer/test_evaluation.py).

Columns besides ROUGE are wire-style proxies, because BBC's references are
machine-picked: first% = summaries keeping the first sentence; title = share of
the human-written headline's words the summary covers (L3title: Lead-3's);
vsLead3 = ROUGE-1 against Lead-3 taken as the reference.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer import Article, build_document, get_algorithm
from summarizer.algorithms.newsrank import (
    Features,
    base_scores,
    features,
    load_stop_words,
    mmr_select,
)
from summarizer.algorithms.weights import DEFAULT_WEIGHTS, NewsRankWeights
from summarizer.evaluation.rouge import RougeEvaluator, lcs_f1, ngram_f1

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "bbc_dev.jsonl"
# BBC's references are machine-picked (TextRank-like), so maximising ROUGE on them
# pulls the model away from the lead, which carries the story in human-written
# highlights (wire news, CNN/DailyMail). The fit therefore maximises a lead proxy
# that needs no headline (ROUGE-1 against Lead-3) subject to still beating the best
# sumy method on every BBC ROUGE figure by MARGIN points (x100) in the training data,
# both as a whole and in its share of the first HEAD_ARTICLES articles (the guide's
# figures; in practice BBC business), and to keeping the opening sentence in at least
# MIN_FIRST % of summaries.
MARGIN = 0.3
HEAD_ARTICLES = 300
DRAWS = 150
MIN_FIRST = 65.0
FIRST_WEIGHT = 1.0  # 1 point of first-sentence share (%) counts as 1 point of ROUGE-1 vs Lead-3
COLUMNS = ("r1", "r2", "rl", "first%", "title_r1", "lead_title", "lead3_r1")
HEADERS = ("R-1", "R-2", "R-L", "first%", "title", "L3title", "vsLead3")
# The headline weight (``title``) is left at 0: held-back data may have no usable
# headline, and the "title" column would then only measure the feature itself.
# ``short`` stays hand-set: BBC has no captions or datelines to learn it from.
GRID: dict[str, tuple[float, ...]] = {
    "position": (0.0, 0.05, 0.1, 0.15, 0.2, 0.3),
    "lead": (0.0, 0.05, 0.1, 0.15, 0.2),
    "first": (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3),
    "length": (0.8, 1.0, 1.1, 1.2, 1.3, 1.4, 1.6),
    "redundancy": (0.0, 0.05, 0.1, 0.2),
}


@dataclass
class Item:
    """One article, pre-processed once."""

    category: str
    feats: Features
    sent_tokens: list[list[str]]
    ref_tokens: list[str]
    title_tokens: list[str]
    n: int
    textrank: tuple[int, ...]  # sumy TextRank's 3 picks, a baseline to beat
    reduction: tuple[int, ...]  # sumy Reduction's (the strongest sumy method on BBC)
    index: int = 0  # line of the data file (the guide's figures are on the first 300)


def load(path: Path, limit: int | None) -> list[Item]:
    """Articles split exactly as ``summarize`` splits them (``build_document``)."""
    rouge = RougeEvaluator()
    textrank, reduction = get_algorithm("textrank"), get_algorithm("reduction")
    items = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            paragraphs = tuple(p.strip() for p in row["article"].split("\n\n") if p.strip())
            doc = build_document(Article(row["title"], paragraphs))
            if not doc.sentences:
                continue
            items.append(
                Item(
                    row["category"],
                    features(doc, load_stop_words(doc.language)),
                    [rouge.tokens(s) for s in doc.sentences],
                    rouge.tokens(" ".join(row["summary_sentences"])),
                    rouge.tokens(row["title"]),
                    len(doc.sentences),
                    tuple(sorted(textrank.select(doc, 3))),
                    tuple(sorted(reduction.select(doc, 3))),
                    len(items),
                )
            )
            if limit and len(items) >= limit:
                break
    return items


def picks(item: Item, w: NewsRankWeights, count: int = 3) -> tuple[int, ...]:
    return tuple(sorted(mmr_select(item.feats, base_scores(item.feats, w), count, w.redundancy)))


def measure(items: Sequence[Item], chooser, cache: dict) -> dict[str, float]:
    """Mean R-1, R-2 (fast, same counting as rouge-score) and the wire proxies."""
    totals = np.zeros(7)
    for item in items:
        chosen = chooser(item)
        key = (id(item), chosen)
        if key not in cache:
            cand = [t for j in chosen for t in item.sent_tokens[j]]
            lead = [t for j in range(min(3, item.n)) for t in item.sent_tokens[j]]
            cache[key] = (
                ngram_f1(cand, item.ref_tokens, 1),
                ngram_f1(cand, item.ref_tokens, 2),
                lcs_f1(cand, item.ref_tokens),
                float(0 in chosen),
                _recall(cand, item.title_tokens),
                _recall(lead, item.title_tokens),
                ngram_f1(cand, lead, 1),
            )
        totals += cache[key]
    mean = totals / max(len(items), 1) * 100
    return dict(zip(COLUMNS, mean, strict=True))


def _recall(candidate: Sequence[str], reference: Sequence[str]) -> float:
    ref = set(reference)
    return len(ref & set(candidate)) / max(len(ref), 1)


def fit(
    items: Sequence[Item],
    cache: dict,
    *,
    margin: float = MARGIN,
    first_weight: float = FIRST_WEIGHT,
    draws: int = 40,
    passes: int = 2,
) -> NewsRankWeights:
    """Best of ``draws`` random grid points (and the shipped weights), then
    coordinate ascent over GRID from there."""
    rng = random.Random(11)
    head = [it for it in items if it.index < HEAD_ARTICLES]
    checks = [(part, rouge_floor(part, cache, margin)) for part in (items, head) if part]

    def value(w: NewsRankWeights) -> float:
        def chooser(it: Item) -> tuple[int, ...]:
            return picks(it, w)

        shortfall = sum(_shortfall(measure(part, chooser, cache), floor) for part, floor in checks)
        return _objective(measure(items, chooser, cache), shortfall, first_weight)

    starts = [DEFAULT_WEIGHTS] + [
        replace(DEFAULT_WEIGHTS, **{k: rng.choice(v) for k, v in GRID.items()})
        for _ in range(draws)
    ]
    scored = [(value(w), i, w) for i, w in enumerate(starts)]
    best_value, _, best = max(scored)
    for _ in range(passes):
        for name, values in GRID.items():
            for v in values:
                trial = replace(best, **{name: v})
                got = value(trial)
                if got > best_value + 1e-9:
                    best, best_value = trial, got
    return best


def _objective(m: dict[str, float], shortfall: float, first_weight: float) -> float:
    """How lead-like the summaries are (ROUGE-1 against Lead-3 plus FIRST_WEIGHT x
    first-sentence share: proxies that need no headline), minus steep penalties for
    ROUGE ``shortfall`` below the floors and for keeping the first sentence in fewer
    than MIN_FIRST % of summaries: a constraint is not traded for lead-likeness."""
    lead = m["lead3_r1"] + first_weight * m["first%"]
    return (
        lead
        + 0.01 * (m["r1"] + m["r2"] + m["rl"])
        - 100.0 * shortfall
        - 10.0 * max(0.0, MIN_FIRST - m["first%"])
    )


def _shortfall(m: dict[str, float], floor: dict[str, float]) -> float:
    return sum(max(0.0, floor[k] - m[k]) for k in ("r1", "r2", "rl"))


def rouge_floor(items: Sequence[Item], cache: dict, margin: float) -> dict[str, float]:
    """Per ROUGE figure: the better of sumy TextRank and Reduction, plus ``margin``."""
    base = [
        measure(items, lambda it, b=b: getattr(it, b), cache) for b in ("textrank", "reduction")
    ]
    return {k: max(b[k] for b in base) + margin for k in ("r1", "r2", "rl")}


def folds(items: Sequence[Item], k: int, seed: int = 7) -> list[tuple[list[Item], list[Item]]]:
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    parts = [order[i::k] for i in range(k)]
    return [([items[i] for i in order if i not in set(p)], [items[i] for i in p]) for p in parts]


def by_category(items: Sequence[Item]) -> list[tuple[str, list[Item], list[Item]]]:
    cats = sorted({it.category for it in items})
    return [
        (c, [it for it in items if it.category != c], [it for it in items if it.category == c])
        for c in cats
    ]


def row(label: str, m: dict[str, float]) -> str:
    return f"{label:<34} " + " ".join(f"{m[k]:>8.1f}" for k in COLUMNS)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-cv", action="store_true", help="only score the shipped weights")
    parser.add_argument(
        "--margin",
        type=float,
        default=MARGIN,
        help="ROUGE points (x100) to stay above the best sumy method",
    )
    parser.add_argument("--draws", type=int, default=DRAWS, help="random starts per fit")
    parser.add_argument(
        "--first-weight",
        type=float,
        default=FIRST_WEIGHT,
        help="weight of first-sentence share (%%) next to ROUGE-1 vs Lead-3",
    )
    args = parser.parse_args(argv)
    items = load(args.data, args.limit)
    cache: dict = {}
    print(f"{len(items)} articles, 3 sentences; fast ROUGE F1 x100 (stemmed)")
    print(f"{'system':<34} " + " ".join(f"{h:>8}" for h in HEADERS))
    print(row("lead-3", measure(items, lambda it: tuple(range(min(3, it.n))), cache)))
    print(row("sumy textrank", measure(items, lambda it: it.textrank, cache)))
    print(row("sumy reduction", measure(items, lambda it: it.reduction, cache)))
    print(
        row(
            "newsrank (shipped weights)",
            measure(items, lambda it: picks(it, DEFAULT_WEIGHTS), cache),
        )
    )
    if args.no_cv:
        return 0
    for label, splits in (
        ("fold", [(f"{i + 1}", tr, te) for i, (tr, te) in enumerate(folds(items, args.folds))]),
        ("held-out category", by_category(items)),
    ):
        held = []
        for name, train, test in splits:
            w = fit(
                train, cache, margin=args.margin, first_weight=args.first_weight, draws=args.draws
            )
            m = measure(test, lambda it, w=w: picks(it, w), cache)
            held.append((m, len(test)))
            print(row(f"{label} {name} (n={len(test)})", m), "  ", _short(w))
            for base in ("textrank", "reduction"):
                b = measure(test, lambda it, base=base: getattr(it, base), cache)
                print(row(f"  same articles: sumy {base}", b))
        total = sum(n for _, n in held)
        pooled = {k: sum(m[k] * n for m, n in held) / total for k in held[0][0]}
        print(row(f"{label}: pooled held-out", pooled))
    final = fit(items, cache, margin=args.margin, first_weight=args.first_weight, draws=args.draws)
    print(row("fit on all (in-sample)", measure(items, lambda it: picks(it, final), cache)))
    print("fitted:", _short(final))
    return 0


def _short(w: NewsRankWeights) -> str:
    return " ".join(f"{f.name}={getattr(w, f.name):g}" for f in fields(w) if f.name in GRID)


if __name__ == "__main__":
    sys.exit(main())
