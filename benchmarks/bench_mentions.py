"""Mention detection speed against registry size (articles per second).

    python benchmarks/bench_mentions.py [--articles N] [--budget SECONDS] [--rounds N]
        [--baseline REGISTRY.json]
    python benchmarks/bench_mentions.py --against CHECKOUT [--repeats N]

First lines: the shipped registry with and without discovery of companies the
registry lacks (``CompanyMatcher(discover=...)``), each as a running bot matches (a
matcher built once at start-up, which has learnt what the words of earlier stories
start: the median per-article time over ``--rounds`` passes after a first one) and
on the first pass of a new matcher; with ``--baseline``, another registry file (e.g.
the old 873-company one) timed in the same run, as a ratio.

Registries of 50, 300, 3,000 and 30,000 aliases (one pass each, a new matcher): the
shipped registry's aliases first, then synthetic company names built from capitalised
words of the BBC corpus (so they really do start matches in the text and the lookups
are not trivially short-circuited). Texts are BBC articles from
/work/shared/eval/bbc_dev.jsonl (or $NEWSBOT_BBC).

Side by side in one run: ``CompanyMatcher.find`` (word n-gram dictionary
lookup + salience) against the textbook alternative, one compiled regex
alternation of every alias sorted longest first (scan only, no salience).
The matcher's speed should stay flat; the regex slows down with every alias.

``--against CHECKOUT`` times the shipped registry line only, in this checkout and in
another one (e.g. the code before a change, with its own ``.venv``), alternating
``--repeats`` times in fresh processes so both see the same machine load, and prints
the median articles/s of each and their ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from seeds import companies_file
from summarizer.article import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher, load_registry

BBC = Path(os.environ.get("NEWSBOT_BBC", "/work/shared/eval/bbc_dev.jsonl"))
SIZES = (50, 300, 3_000, 30_000)
RATE_KEYS = ("discovery", "no discovery", "discovery, first pass", "no discovery, first pass")
SUFFIXES = ("Holdings", "Group", "Motors", "Capital", "Systems", "Energy", "Labs", "Bank")


def load_articles(limit: int) -> list[Article]:
    articles = []
    with BBC.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            paragraphs = tuple(p for p in row["article"].split("\n") if p.strip())
            articles.append(Article(row["title"], paragraphs))
            if len(articles) >= limit:
                break
    return articles


def capitalised_words(articles: Sequence[Article]) -> list[str]:
    words = {w for a in articles for w in re.findall(r"\b[A-Z][a-z]{3,}\b", a.body)}
    return sorted(words)


def synthetic_name(rng: random.Random, vocab: Sequence[str]) -> str:
    """A company-like name: 1-3 words of ``vocab``, sometimes with a suffix."""
    n = rng.choice((1, 2, 2, 3))
    name = " ".join(rng.choice(vocab) for _ in range(n))
    if n > 1 and rng.random() < 0.5:
        name = f"{name} {rng.choice(SUFFIXES)}"
    return name


def registry_of(
    size: int, real: Sequence[CompanyEntry], vocab: Sequence[str]
) -> list[CompanyEntry]:
    """``size`` aliases: real entries first (one alias each), then synthetic names."""
    rng = random.Random(size)
    entries = [CompanyEntry(e.name, (), e.ticker, e.country, e.ambiguous) for e in real[:size]]
    seen = {e.name.casefold() for e in entries}
    while len(entries) < size:
        name = synthetic_name(rng, vocab)
        if name.casefold() not in seen:
            seen.add(name.casefold())
            entries.append(CompanyEntry(name))
    return entries


def invented_words(count: int) -> list[str]:
    """Pronounceable words that never occur in the texts ("Zavoqu", "Elmirk")."""
    rng = random.Random(7)
    sounds = ("za", "vo", "qu", "el", "mi", "rk", "tr", "ox", "ul", "ne", "ky", "br")
    return sorted(
        {"".join(rng.choice(sounds) for _ in range(3)).capitalize() for _ in range(count)}
    )


def regex_of(entries: Sequence[CompanyEntry]) -> re.Pattern[str]:
    aliases = sorted({e.name for e in entries}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, aliases)) + r")\b")


def rate(work: Callable[[Article], object], articles: Sequence[Article], budget: float) -> float:
    """Articles per second (median of per-article times), stopping after ``budget`` s."""
    times: list[float] = []
    start = time.perf_counter()
    for article in articles:
        times.append(_timed(work, article))
        if time.perf_counter() - start > budget:
            break
    return 1.0 / statistics.median(times)


def first_and_steady(
    work: Callable[[Article], object], articles: Sequence[Article], rounds: int
) -> tuple[float, float]:
    """Articles per second on the first pass (a new matcher: what each written word starts
    is still being learnt) and in the steady state a running bot is in (the median
    per-article time of ``rounds`` more passes over the same articles)."""
    first = [_timed(work, article) for article in articles]
    steady = [_timed(work, article) for _ in range(rounds) for article in articles]
    return 1.0 / statistics.median(first), 1.0 / statistics.median(steady)


def _timed(work: Callable[[Article], object], article: Article) -> float:
    t0 = time.perf_counter()
    work(article)
    return time.perf_counter() - t0


def bench_size(
    label: str,
    entries: Sequence[CompanyEntry],
    articles: Sequence[Article],
    budget: float,
) -> float:
    """Time one registry; print one table row; return the matcher's articles/s."""
    t0 = time.perf_counter()
    matcher = CompanyMatcher(entries)
    built = time.perf_counter() - t0
    ours = rate(matcher.find, articles, budget)
    found = statistics.mean(sum(m.mentions for m in matcher.find(a)) for a in articles[:100])
    t0 = time.perf_counter()
    pattern = regex_of(entries)
    compiled = time.perf_counter() - t0
    theirs = rate(lambda a: sum(1 for _ in pattern.finditer(a.body)), articles, budget)
    print(
        f"{label:>10} | {len(entries):>7,} | {built * 1000:>5.0f} ms | {ours:>13,.0f} | "
        f"{found:>9.1f} | {compiled * 1000:>8.0f} ms | {theirs:>11,.0f} | {ours / theirs:>6.1f}x"
    )
    return ours


def shipped_rates(articles: Sequence[Article], rounds: int) -> dict[str, float]:
    """Articles/s with the shipped registry, with and without discovery: steady state
    (as a running bot matches) and first pass, each from its own new matcher."""
    real = load_registry(companies_file().read_text(encoding="utf-8"))
    out: dict[str, float] = {}
    for key, discover in (("discovery", True), ("no discovery", False)):
        first, steady = first_and_steady(
            CompanyMatcher(real, discover=discover).find, articles, rounds
        )
        out[key], out[f"{key}, first pass"] = steady, first
    return out


def _side(root: Path, args: argparse.Namespace) -> dict[str, float]:
    """One timing run of the checkout ``root`` (its own .venv and code) in a fresh process."""
    script = Path(__file__).resolve()
    options = ["--articles", str(args.articles), "--rounds", str(args.rounds), "--rates-json"]
    done = subprocess.run(
        [str(root / ".venv/bin/python"), str(script), *options],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root), "PYTHONSAFEPATH": "1"},
        check=True,
        capture_output=True,
        text=True,
    )
    rates: dict[str, float] = json.loads(done.stdout)
    return rates


def against(args: argparse.Namespace) -> None:
    """Print this checkout's speed against another's, measured alternately in one run."""
    sides = {"before": args.against.resolve(), "after": Path(__file__).resolve().parent.parent}
    runs: dict[str, list[dict[str, float]]] = {label: [] for label in sides}
    for _ in range(args.repeats):
        for label, root in sides.items():
            runs[label].append(_side(root, args))
    print(f"{args.articles} BBC articles, {args.repeats} alternating runs; articles/s")
    print(f"before = {sides['before']}, after = {sides['after']}\n")
    columns = " | ".join(f"{c:>7}" for c in ("median", "min", "max"))
    print(f"{'shipped registry':<25} | {'side':<6} | {columns} | ratio")
    for key in RATE_KEYS:
        medians = {}
        for label in sides:
            values = [r[key] for r in runs[label]]
            medians[label] = statistics.median(values)
            ratio = f"{medians['after'] / medians['before']:.2f}x" if label == "after" else ""
            print(
                f"{key:<25} | {label:<6} | {medians[label]:>7,.0f} | {min(values):>7,.0f} | "
                f"{max(values):>7,.0f} | {ratio}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--budget", type=float, default=2.0, help="seconds per cell")
    parser.add_argument("--baseline", type=Path, help="another registry JSON to time alongside")
    parser.add_argument("--against", type=Path, help="another checkout to time alongside")
    parser.add_argument("--repeats", type=int, default=5, help="alternating runs (--against)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="steady-state passes (shipped registry line)"
    )
    parser.add_argument("--rates-json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.against:
        against(args)
        return
    articles = load_articles(args.articles)
    if args.rates_json:
        json.dump(shipped_rates(articles, args.rounds), sys.stdout)
        return
    real = load_registry(companies_file().read_text(encoding="utf-8"))
    words = statistics.mean(len(a.body.split()) for a in articles)
    print(f"{len(articles)} BBC articles (mean {words:.0f} words); {args.budget}s per cell")
    aliases = sum(1 + len(e.aliases) for e in real)
    shipped = shipped_rates(articles, args.rounds)
    on, off = shipped["discovery"], shipped["no discovery"]
    print(
        f"shipped registry ({len(real)} companies, {aliases} names and aliases), articles/s "
        f"in the steady state of a running bot (median of {args.rounds} passes after a first):"
    )
    print(
        f"  {on:,.0f} with discovery, {off:,.0f} without ({on / off:.2f}x); on the first "
        f"pass of a new matcher {shipped['discovery, first pass']:,.0f} and "
        f"{shipped['no discovery, first pass']:,.0f}"
    )
    if args.baseline:
        old = load_registry(args.baseline.read_text(encoding="utf-8"))
        _, base = first_and_steady(CompanyMatcher(old).find, articles, args.rounds)
        print(
            f"baseline registry ({len(old)} companies): {base:,.0f} articles/s; "
            f"shipped/baseline {on / base:.2f}x"
        )
    print("matcher = CompanyMatcher.find (n-gram lookup + case rules + salience);")
    print("regex = one alternation of all aliases, longest first (scan only)\n")
    header = (
        f"{'names':>10} | {'aliases':>7} | {'build':>8} | {'matcher art/s':>13} | "
        f"{'found/art':>9} | {'regex build':>11} | {'regex art/s':>11} | {'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    for label, vocab in (
        ("BBC words", capitalised_words(articles)),
        ("invented", invented_words(3000)),
    ):
        rates = [
            bench_size(label, registry_of(n, real, vocab), articles, args.budget) for n in SIZES
        ]
        print(
            f"{'':>10}   matcher at {SIZES[-1]:,} vs {SIZES[0]} aliases: "
            f"{rates[-1] / rates[0]:.2f}x (flat = 1.00x; linear = {SIZES[0] / SIZES[-1]:.4f}x)"
        )


if __name__ == "__main__":
    main()
