"""Every summarizer side by side: speed and ROUGE on BBC, and a 20,000-word article.

    python benchmarks/bench_summarize.py [DATA.jsonl] [--limit 100] [--sentences 3]

Runs the full ``summarize()`` path (sentence split, headline removal, selection)
for each algorithm over the same articles in one process, so the figures are
comparable on a noisy machine: median and mean ms per article, ROUGE-1/2 F1
against the reference sentences, and the time for one 20,000-word article.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer import ALGORITHMS, DEFAULT_ALGORITHM, Article
from summarizer.evaluation.rouge import RougeEvaluator
from summarizer.summarize import summarize
from summarizer.text.clean import article_from_parts

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "bbc_dev.jsonl"
ORDER = ("lead", DEFAULT_ALGORITHM, "textrank", "lexrank", "luhn", "lsa", "edmundson", "kl",
         "sumbasic", "reduction", "random")


def load(path: Path, limit: int) -> list[tuple[Article, list[str]]]:
    """(article, reference sentences) for the first ``limit`` lines."""
    items = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            items.append((article_from_parts(row["title"], row["article"]),
                          list(row["summary_sentences"])))
            if len(items) >= limit:
                break
    return items


def long_article(words: int = 20_000) -> Article:
    """A synthetic article of about ``words`` words with varied sentences."""
    cities = ("Ohio", "Texas", "Berlin", "Lyon", "Osaka", "Pune")
    paragraphs, total, i = [], 0, 0
    while total < words:
        text = (f"In week {i} Acme shipped {i * 37} trucks to dealers in {cities[i % 6]}, and "
                f"its order book grew by {i % 9 + 1} per cent. Analysts in {cities[(i + 1) % 6]} "
                f"expect demand for model {i % 13} to rise again next quarter.")
        paragraphs.append(text)
        total += len(text.split())
        i += 1
    return Article(title="Acme's record year", paragraphs=tuple(paragraphs))


def run(items: list[tuple[Article, list[str]]], name: str, count: int) -> dict[str, float]:
    """Timing and mean ROUGE of one algorithm over ``items``."""
    rouge = RougeEvaluator()
    times, r1, r2 = [], [], []
    for article, reference in items:
        started = time.perf_counter()
        summary = summarize(article, sentences=count, algorithm=name)
        times.append((time.perf_counter() - started) * 1000)
        scores = rouge.score(summary.sentences, reference)
        r1.append(scores.rouge1)
        r2.append(scores.rouge2)
    return {"median": statistics.median(times), "mean": statistics.fmean(times),
            "r1": 100 * statistics.fmean(r1), "r2": 100 * statistics.fmean(r2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--sentences", type=int, default=3)
    args = parser.parse_args()
    items = load(args.data, args.limit)
    big = long_article()
    for name in ORDER:  # warm-up: imports and stop lists are loaded once, not timed
        summarize(items[0][0], algorithm=name)
    print(f"{len(items)} articles from {args.data.name}, {args.sentences} sentences; "
          f"long article: {len(big.body.split())} words")
    print(f"{'algorithm':<10} {'median ms':>9} {'mean ms':>8} {'R-1':>6} {'R-2':>6} "
          f"{'x lead':>7} {'20k-word ms':>11}")
    lead_median = None
    for name in [n for n in ORDER if n in ALGORITHMS]:
        row = run(items, name, args.sentences)
        lead_median = lead_median or row["median"]
        started = time.perf_counter()
        summarize(big, sentences=args.sentences, algorithm=name)
        long_ms = (time.perf_counter() - started) * 1000
        print(f"{name:<10} {row['median']:9.2f} {row['mean']:8.2f} {row['r1']:6.1f} "
              f"{row['r2']:6.1f} {row['median'] / lead_median:7.1f} {long_ms:11.0f}")


if __name__ == "__main__":
    main()
