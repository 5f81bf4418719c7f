"""Storage throughput on a real SQLite file: prints a table (not a test).

    python benchmarks/bench_storage.py [--articles 10000]

Compares, in one run, one transaction per article vs ``add_many`` batches, then
times duplicate re-ingestion, search and per-company queries (medians).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from storage import open_store
from summarizer import Article
from summarizer.companies.matcher import CompanyMention

COMPANIES = [f"Company {n}" for n in range(50)]
WORDS = [
    "battery",
    "sales",
    "profit",
    "market",
    "china",
    "europe",
    "car",
    "phone",
    "chip",
    "bank",
    "shares",
    "revenue",
    "growth",
    "factory",
    "recall",
    "launch",
    "deal",
    "merger",
    "lawsuit",
    "quarter",
    "forecast",
]


def _articles(count: int, seed: int) -> list[tuple[Article, list[CompanyMention]]]:
    rng = random.Random(seed)
    items = []
    for n in range(count):
        body = tuple(" ".join(rng.choices(WORDS, k=40)) + "." for _ in range(8))
        mentions = [
            CompanyMention(name, rng.random(), False, rng.randint(1, 5))
            for name in rng.sample(COMPANIES, 3)
        ]
        article = Article(
            f"Story {seed}-{n} " + " ".join(rng.choices(WORDS, k=6)),
            body,
            url=f"https://bench.test/{seed}/{n}?utm_source=x",
        )
        items.append((article, mentions))
    return items


def _timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def _median_ms(action: object, repeat: int = 50) -> float:
    return statistics.median(_timed(action) for _ in range(repeat)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    args = parser.parse_args()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        singles, batch = _articles(args.articles, 1), _articles(args.articles, 2)
        one = _timed(lambda: [store.articles.add(a, companies=m) for a, m in singles])
        many = _timed(lambda: store.articles.add_many(batch))
        again = _timed(lambda: [store.articles.add(a, companies=m) for a, m in singles])
        n = args.articles
        rows += [
            (f"add x{n}, one transaction each", f"{one:.2f} s ({n / one:,.0f}/s)"),
            (f"add_many x{n}, one transaction", f"{many:.2f} s ({n / many:,.0f}/s)"),
            (f"re-add x{n} duplicates (nothing stored)", f"{again:.2f} s ({n / again:,.0f}/s)"),
            ("ratio one-each / batch", f"{one / many:.1f}x"),
            ("stored articles", f"{store.articles.count():,}"),
        ]
        company = store.companies.id_for("Company 7") or 0
        rows += [
            (
                "search 'battery sales' (median)",
                f"{_median_ms(lambda: store.articles.search('battery sales')):.2f} ms",
            ),
            (
                "search 'merg*' (median)",
                f"{_median_ms(lambda: store.articles.search('merg*')):.2f} ms",
            ),
            (
                "latest_for_company limit 5 (median)",
                f"{_median_ms(lambda: store.articles.latest_for_company(company)):.2f} ms",
            ),
            ("file size", f"{(Path(folder) / 'bench.db').stat().st_size / 1e6:.1f} MB"),
        ]
        store.close()
    width = max(len(name) for name, _ in rows)
    print(f"{'measure'.ljust(width)}  value")
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
