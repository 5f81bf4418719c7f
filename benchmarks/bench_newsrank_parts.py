"""Where NewsRank's selection time goes, part by part (no profiler: its overhead
inflates small Python functions and misleads).

    python benchmarks/bench_newsrank_parts.py [DATA.jsonl] [--limit 300] [--repeat 20]

Builds the candidate documents of the first ``--limit`` articles once, then times
each part over all of them (fastest of ``--repeat`` passes, in microseconds per
article): ``select`` end to end, the feature matrix, the per-document features
(token ids, centrality), the text columns, the model and the picks.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared_data import eval_file

from summarizer import get_algorithm
from summarizer.algorithms import centrality, newsrank, sentence_features
from summarizer.summarize import build_document, candidates
from summarizer.text.clean import article_from_parts

DATA = eval_file("bbc_dev.jsonl")


def best_us(step: Callable[[Any], object], items: Sequence[Any], repeat: int) -> float:
    """Fastest pass over ``items``, in microseconds per item."""
    for item in items:  # warm caches (stop lists, word keys) as a running bot has them
        step(item)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for item in items:
            step(item)
        best = min(best, time.perf_counter() - started)
    return best / max(len(items), 1) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    docs = []
    with args.data.open(encoding="utf-8") as lines:
        for line, _ in zip(lines, range(args.limit), strict=False):
            row = json.loads(line)
            article = article_from_parts(row.get("title") or "", row["article"])
            docs.append(candidates(build_document(article))[0])
    docs = [d for d in docs if d.sentences]
    algorithm = get_algorithm("newsrank")
    stop = centrality.load_stop_words("english")
    feats = [centrality.features(d, stop) for d in docs]
    matrices = [sentence_features.sentence_matrix(d, stop)[0] for d in docs]
    scores = [algorithm.model.score(m) for m in matrices]  # type: ignore[attr-defined]
    indices = range(len(docs))
    parts: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        "select": (lambda d: algorithm.select(d, 3), docs),
        "  sentence_matrix": (lambda d: sentence_features.sentence_matrix(d, stop), docs),
        "    features": (lambda d: centrality.features(d, stop), docs),
        "      token ids": (lambda d: centrality._token_arrays(d, stop), docs),
        "    text columns": (
            lambda d: sentence_features._text_columns(
                d, np.empty((len(d.sentences), 6)), np.zeros(len(d.sentences))
            ),
            docs,
        ),
        "  model.score": (algorithm.model.score, matrices),  # type: ignore[attr-defined]
        "  pick": (
            lambda i: newsrank.pick(feats[i], scores[i], docs[i].sentences, 3, 1.0),
            indices,
        ),
    }
    print(f"{len(docs)} documents from {args.data.name} (us per document, fastest pass)")
    for name, (step, items) in parts.items():
        print(f"{name:<20} {best_us(step, items, args.repeat):8.1f}")


if __name__ == "__main__":
    main()
