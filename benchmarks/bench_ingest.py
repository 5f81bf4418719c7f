"""Ingestion benchmark: 10,000 articles end to end into a fresh SQLite file.

Articles come from the BBC eval set (1,114 articles) repeated with distinct titles and
URLs, written as one JSONL file and ingested exactly as ``newsbot ingest`` does:
read + parse JSON, clean, detect company mentions against the whole registry, insert
(with the FTS5 index) and enqueue alerts for subscribed chats. Prints a table.

    python benchmarks/bench_ingest.py [--n 10000] [--chats 1000] [--eval PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.ingest.ingestor import BATCH_ITEMS, STAGES, Ingestor, IngestReport  # noqa: E402
from bot.services.registry import CompanyRegistry  # noqa: E402
from storage import open_store  # noqa: E402

DEFAULT_EVAL = REPO.parent / "shared" / "eval" / "bbc_dev.jsonl"


def build_jsonl(source: Path, target: Path, n: int) -> int:
    """Write ``n`` distinct articles (title and URL vary per copy); returns bytes written."""
    base = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line]
    seen: set[tuple[str, str]] = set()
    with target.open("w", encoding="utf-8") as out:
        for i in range(n):
            rec = base[i % len(base)]
            copy = i // len(base)
            title = rec["title"] if copy == 0 else f"{rec['title']} (update {copy})"
            while (title, rec["article"]) in seen:  # the eval set repeats a few stories
                title += " (again)"
            seen.add((title, rec["article"]))
            out.write(
                json.dumps(
                    {
                        "title": title,
                        "body": rec["article"],
                        "url": f"https://news.example.com/{rec['id']}/{copy}",
                        "published": f"2024-05-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
                        "source": "BBC",
                    }
                )
                + "\n"
            )
    return target.stat().st_size


def add_subscribers(store, chats: int, seed: int = 7) -> None:
    """``chats`` private chats, each following 3 random registry companies."""
    rng = random.Random(seed)
    companies = [c.id for c in store.companies.all()]
    with store.transaction():
        for chat_id in range(1, chats + 1):
            store.chats.upsert(chat_id, type="private")
            for company_id in rng.sample(companies, k=min(3, len(companies))):
                store.subscriptions.add(chat_id, company_id)


@dataclass
class Measured:
    """What one end-to-end run measured."""

    n: int
    input_bytes: int
    registry: int
    chats: int
    report: IngestReport
    alerts: int
    timings: dict[str, float]
    seconds: float
    duplicates: IngestReport
    duplicate_seconds: float
    mention_ms: tuple[float, float]
    db_bytes: int


def run(n: int, chats: int, eval_path: Path, compare: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data, db_path = Path(tmp) / "articles.jsonl", Path(tmp) / "bench.db"
        size = build_jsonl(eval_path, data, n)
        store = open_store(db_path)
        companies = CompanyRegistry(store)
        matcher = companies.matcher
        add_subscribers(store, chats)
        ingestor = Ingestor(store=store, companies=companies)
        start = time.perf_counter()
        report = ingestor.ingest_paths([data], progress=False)
        total = time.perf_counter() - start
        timings = dict(ingestor.timings)
        again = time.perf_counter()
        dup = ingestor.ingest_paths([data], progress=False)
        dup_time = time.perf_counter() - again
        alerts = len(store.outbox.rows())
        probe = _mention_probe(matcher, store, 300)
        store.close()  # the last connection checkpoints and removes the WAL
        db_bytes = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
        print_table(
            Measured(
                n,
                size,
                len(matcher.entries),
                chats,
                report,
                alerts,
                timings,
                total,
                dup,
                dup_time,
                probe,
                db_bytes,
            )
        )
        if compare:
            compare_batching(data, Path(tmp), min(compare, n))


def print_table(m: Measured) -> None:
    """The main table: where the time goes, throughput, database size."""
    n, total = m.n, m.seconds
    print(
        f"ingest benchmark: {n} articles ({m.input_bytes / 1e6:.1f} MB JSONL), registry of "
        f"{m.registry} companies, {m.chats} chats x 3 subscriptions"
    )
    print(f"result: {m.report.summary()}; alerts enqueued: {m.alerts}")
    print()
    print(f"{'stage':<28}{'seconds':>10}{'ms/article':>12}{'share':>8}")
    print("-" * 58)
    accounted = 0.0
    labels = {
        "read": "read files + parse JSON",
        "clean": "clean text",
        "mentions": "mention detection",
        "insert": "SQL insert incl. FTS5",
        "enqueue": "enqueue alerts",
        "fetch": "fetch (feeds only)",
    }
    for stage in STAGES:
        if stage == "fetch" and m.timings[stage] == 0:
            continue
        accounted += m.timings[stage]
        _row(labels[stage], m.timings[stage], n, total)
    _row("other (loop, bookkeeping)", total - accounted, n, total)
    print("-" * 58)
    _row("end to end", total, n, total)
    print()
    print(f"{'throughput (new articles)':<34}{n / total:>12,.0f} articles/s")
    print(
        f"{'re-ingest (all duplicates)':<34}{n / m.duplicate_seconds:>12,.0f} articles/s"
        f"   ({m.duplicates.duplicate} duplicates, {m.duplicates.new} new)"
    )
    median, p95 = m.mention_ms
    print(
        f"{'mention detection, median':<34}{median:>12.2f} ms/article"
        f"   (p95 {p95:.2f} ms, mean {m.timings['mentions'] / n * 1000:.2f} ms)"
    )
    print(
        f"{'database size':<34}{m.db_bytes / 1e6:>12.1f} MB"
        f"   ({m.db_bytes / n / 1024:.1f} KB/article, JSONL input {m.input_bytes / 1e6:.1f} MB)"
    )


def compare_batching(data: Path, tmp: Path, k: int, rounds: int = 3) -> None:
    """Side by side, interleaved: one commit per article vs batched commits (medians)."""
    lines = data.read_text(encoding="utf-8").splitlines()[:k]
    subset = tmp / "subset.jsonl"
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runs: dict[int, list[tuple[float, float]]] = {1: [], BATCH_ITEMS: []}
    for r in range(rounds):
        for size in runs:
            with open_store(tmp / f"cmp-{r}-{size}.db") as store:
                ingestor = Ingestor(store=store, companies=CompanyRegistry(store), batch_size=size)
                start = time.perf_counter()
                ingestor.ingest_paths([subset], progress=False)
                runs[size].append((time.perf_counter() - start, ingestor.timings["insert"]))
    print()
    print(f"commit strategy, {k} articles x {rounds} rounds (medians)")
    print(f"{'strategy':<28}{'articles/s':>12}{'insert ms/art':>15}")
    print("-" * 55)
    medians = {}
    for size, samples in runs.items():
        total = statistics.median(t for t, _ in samples)
        insert = statistics.median(i for _, i in samples)
        medians[size] = total
        label = "one commit per article" if size == 1 else f"batches of {size} (default)"
        print(f"{label:<28}{k / total:>12,.0f}{insert / k * 1000:>15.3f}")
    print(f"{'speed-up of the default':<28}{medians[1] / medians[BATCH_ITEMS]:>11.2f}x")


def _mention_probe(matcher, store, k: int) -> tuple[float, float]:
    """Median and 95th percentile of one ``matcher.find`` over ``k`` stored articles (ms)."""
    samples = []
    for stored in store.articles.latest(limit=k):
        article = stored.article
        start = time.perf_counter()
        matcher.find(article)
        samples.append((time.perf_counter() - start) * 1000)
    if not samples:
        return 0.0, 0.0
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def _row(label: str, seconds: float, n: int, total: float) -> None:
    print(f"{label:<28}{seconds:>10.2f}{seconds / n * 1000:>12.3f}{seconds / total:>8.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument(
        "--compare",
        type=int,
        default=2000,
        metavar="K",
        help="articles for the commit-strategy comparison (0 = skip)",
    )
    args = parser.parse_args()
    run(args.n, args.chats, args.eval, args.compare)


if __name__ == "__main__":
    main()
