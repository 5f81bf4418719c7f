"""Every summarizer side by side: speed and ROUGE on BBC, and a 20,000-word article.

    python benchmarks/bench_summarize.py [DATA.jsonl] [--limit 100] [--sentences 3]
        [--only lead,newsrank,textrank] [--repeat 3] [--stages]

Runs the full ``summarize()`` path (sentence split, headline removal, selection)
for each algorithm over the same articles in one process, so the figures are
comparable on a noisy machine: each article goes through sumy's pipeline and every
algorithm back to back, and its fastest of ``--repeat`` passes counts. Prints
median and mean ms per article, ROUGE-1/2 F1 against the reference sentences, the
median over articles of the end-to-end time ratio against sumy's own TextRank
pipeline (``PlaintextParser`` on the raw text + ``TextRankSummarizer``, as
``newsbot eval`` times it; goal for the default: <= 0.25), and the time for one
20,000-word article (with its ratio). ``--stages`` adds where the default's time
goes: language detection, sentence and word splitting, the whole document build,
candidate filtering, the algorithm's ``select`` and ``summarize()`` end to end.
Reads BBC (``summary_sentences``) and CNN/DM (``summary``) lines.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared_data import eval_file

from summarizer import ALGORITHMS, DEFAULT_ALGORITHM, Article, get_algorithm
from summarizer.evaluation.rouge import RougeEvaluator
from summarizer.evaluation.sumy_pipeline import SumyPipeline
from summarizer.summarize import build_document, candidates, summarize
from summarizer.text.clean import article_from_parts
from summarizer.text.language import detect_language
from summarizer.text.split import NewsTokenizer

DATA = eval_file("bbc_dev.jsonl")
ORDER = (
    "lead",
    DEFAULT_ALGORITHM,
    "textrank",
    "lexrank",
    "luhn",
    "lsa",
    "edmundson",
    "kl",
    "sumbasic",
    "reduction",
    "random",
)


def load(path: Path, limit: int) -> list[tuple[Article, list[str]]]:
    """(article, reference sentences) for the first ``limit`` lines."""
    items = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            reference = row.get("summary_sentences") or str(row["summary"]).split("\n")
            items.append(
                (article_from_parts(row.get("title") or "", row["article"]), list(reference))
            )
            if len(items) >= limit:
                break
    return items


def long_article(words: int = 20_000) -> Article:
    """A synthetic article of about ``words`` words with varied sentences."""
    cities = ("Ohio", "Texas", "Berlin", "Lyon", "Osaka", "Pune")
    paragraphs, total, i = [], 0, 0
    while total < words:
        text = (
            f"In week {i} Acme shipped {i * 37} trucks to dealers in {cities[i % 6]}, and "
            f"its order book grew by {i % 9 + 1} per cent. Analysts in {cities[(i + 1) % 6]} "
            f"expect demand for model {i % 13} to rise again next quarter."
        )
        paragraphs.append(text)
        total += len(text.split())
        i += 1
    return Article(title="Acme's record year", paragraphs=tuple(paragraphs))


def timings(
    items: list[tuple[Article, list[str]]], names: list[str], count: int, repeat: int
) -> tuple[list[float], dict[str, list[float]]]:
    """ms per article of sumy's own TextRank pipeline on the raw text and of each
    algorithm's ``summarize()``: article by article, back to back (so a busy
    moment of a shared machine hits all alike), the fastest of ``repeat`` passes."""
    pipeline = SumyPipeline()
    sumy_ms = [float("inf")] * len(items)
    ours = {name: [float("inf")] * len(items) for name in names}
    for _ in range(repeat):
        for i, (article, _) in enumerate(items):
            sumy_ms[i] = min(sumy_ms[i], pipeline(article.body, count)[1])
            for name in names:
                started = time.perf_counter()
                summarize(article, sentences=count, algorithm=name)
                ours[name][i] = min(ours[name][i], (time.perf_counter() - started) * 1000)
    return sumy_ms, ours


def run(
    items: list[tuple[Article, list[str]]],
    name: str,
    count: int,
    times: list[float],
    sumy_ms: list[float],
) -> dict[str, float]:
    """Timing, ratio to sumy's pipeline and mean ROUGE of one algorithm over ``items``."""
    rouge = RougeEvaluator()
    r1, r2 = [], []
    for article, reference in items:
        summary = summarize(article, sentences=count, algorithm=name)
        scores = rouge.score(summary.sentences, reference)
        r1.append(scores.rouge1)
        r2.append(scores.rouge2)
    ratio = statistics.median(t / s for t, s in zip(times, sumy_ms, strict=True))
    return {
        "median": statistics.median(times),
        "mean": statistics.fmean(times),
        "r1": 100 * statistics.fmean(r1),
        "r2": 100 * statistics.fmean(r2),
        "ratio": ratio,
    }


def stages(items: list[tuple[Article, list[str]]], count: int, repeat: int) -> dict[str, float]:
    """Median ms per article of each stage of the default summarizer (fastest of
    ``repeat`` passes per article): where its time goes."""
    articles = [article for article, _ in items]
    docs = [build_document(article) for article in articles]
    tokenizer = NewsTokenizer()
    sentences = [[s for p in a.paragraphs for s in tokenizer.to_sentences(p)] for a in articles]
    algorithm = get_algorithm(DEFAULT_ALGORITHM)
    chosen = [candidates(doc)[0] for doc in docs]
    steps: dict[str, tuple[Callable[[Any], object], list[Any]]] = {
        "detect_language": (lambda a: detect_language(f"{a.title}\n{a.body}"), articles),
        "sentences": (lambda a: [tokenizer.to_sentences(p) for p in a.paragraphs], articles),
        "words": (lambda ss: [tokenizer.to_words(s) for s in ss], sentences),
        "build_document": (build_document, articles),
        "candidates": (candidates, docs),
        "select": (lambda doc: algorithm.select(doc, count), chosen),
        "summarize": (lambda a: summarize(a, sentences=count), articles),
    }
    out = {}
    for name, (step, inputs) in steps.items():
        best = [float("inf")] * len(inputs)
        for _ in range(repeat):
            for i, item in enumerate(inputs):
                started = time.perf_counter()
                step(item)
                best[i] = min(best[i], (time.perf_counter() - started) * 1000)
        out[name] = statistics.median(best)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--sentences", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated algorithms (default: all)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="passes; each article's fastest counts"
    )
    parser.add_argument(
        "--stages", action="store_true", help="also time each stage of the default summarizer"
    )
    args = parser.parse_args()
    order = [n for n in ORDER if n in ALGORITHMS and (not args.only or n in args.only.split(","))]
    items = load(args.data, args.limit)
    big = long_article()
    for name in order:  # warm-up: imports and stop lists are loaded once, not timed
        summarize(items[0][0], algorithm=name)
    print(
        f"{len(items)} articles from {args.data.name}, {args.sentences} sentences; "
        f"long article: {len(big.body.split())} words"
    )
    sumy_ms, ours = timings(items, order, args.sentences, args.repeat)
    started = time.perf_counter()
    SumyPipeline()(big.body, args.sentences)
    sumy_long = (time.perf_counter() - started) * 1000
    print(
        f"sumy TextRank pipeline (PlaintextParser + TextRankSummarizer): median "
        f"{statistics.median(sumy_ms):.2f} ms, 20k words {sumy_long:.0f} ms"
    )
    print(
        f"{'algorithm':<10} {'median ms':>9} {'mean ms':>8} {'R-1':>6} {'R-2':>6} "
        f"{'x lead':>7} {'x sumy TR':>9} {'20k-word ms':>11} {'x sumy':>6}"
    )
    lead_median = None
    for name in order:
        row = run(items, name, args.sentences, ours[name], sumy_ms)
        lead_median = lead_median or row["median"]
        started = time.perf_counter()
        summarize(big, sentences=args.sentences, algorithm=name)
        long_ms = (time.perf_counter() - started) * 1000
        print(
            f"{name:<10} {row['median']:9.2f} {row['mean']:8.2f} {row['r1']:6.1f} "
            f"{row['r2']:6.1f} {row['median'] / lead_median:7.1f} {row['ratio']:9.3f} "
            f"{long_ms:11.0f} {long_ms / sumy_long:6.3f}"
        )
    if args.stages:
        print(f"stages of {DEFAULT_ALGORITHM} (median ms per article):")
        for name, ms in stages(items, args.sentences, args.repeat).items():
            print(f"  {name:<16} {ms:6.3f}")


if __name__ == "__main__":
    main()
