"""Who-may-see-this-name (``storage.visibility.OWN_COMPANY``) on a real SQLite file: a table.

    python benchmarks/bench_visibility.py [--names 5000] [--links 50000] [--passes 15]
        [--pages-published 2025-06-01]

Builds a store with ``--names`` custom names (half made up by chats, a quarter brought in
by the operator's news, a quarter stored from chats' /summary pages only) and chats'
/summary pages linking them ``--links`` times, popular names far more often (Zipf): a
name many chats read about has thousands of links. The operator's stories (old ones
bringing in the "news" names, and the 30 newest, about the most popular names) are older
than the chats' pages: the search of a name's article links, newest first, reads all of
its page links before it reaches an operator story (its worst case, and the case of any
name chats read about more recently than the operator's feeds). Then times, for a chat
that made up and follows nothing, the reads that apply OWN_COMPANY: a company by id (a
button), suggestions (``offered_to``), an article's companies and what is in the news.
``--pages-published 2024-06-01`` dates the pages between the old and the newest operator
stories: the popular names' searches then stop at a newest story, early.

Both variants run in one process on the same file: the stored flag
(``companies.operator_linked``, the current code) and the per-row search of the
company's article links it replaced (``OLD_OWN_COMPANY`` below, swapped into the same
repository methods). Every answer of the two variants is compared; a difference stops
the run. Figures: median time of one pass over the inputs, divided by its calls.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import storage.articles.queries as article_queries
import storage.companies as company_queries
from storage import Store, open_store
from storage.visibility import OWN_COMPANY
from summarizer import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMention

OLD_OWN_COMPANY = (
    "(c.custom = 0 OR c.created_by = :chat OR EXISTS (SELECT 1 FROM subscriptions "
    "AS s WHERE s.chat_id = :chat AND s.company_id = c.id) OR (c.created_by IS NULL "
    "AND EXISTS (SELECT 1 FROM article_companies AS ac JOIN articles AS na "
    "ON na.id = ac.article_id WHERE ac.company_id = c.id AND na.submitted_by IS NULL)))"
)
STRANGER = 999_999
CHATS = 1_000
NAMES_PER_PAGE = 5


def _use(fragment: str) -> None:
    """Make the repositories apply ``fragment`` as OWN_COMPANY (read at call time, except
    the in-the-news query, built once at import)."""
    before = article_queries.OWN_COMPANY
    article_queries._IN_THE_NEWS = article_queries._IN_THE_NEWS.replace(before, fragment)
    article_queries.OWN_COMPANY = fragment
    company_queries.OWN_COMPANY = fragment
    assert fragment in article_queries._IN_THE_NEWS


def _names(count: int) -> list[tuple[str, str]]:
    """(name, origin): half made up by chats, a quarter from the operator's news, a
    quarter from chats' pages only; shuffled so every kind is popular somewhere."""
    kinds = ["made up"] * (count // 2) + ["news"] * (count // 4)
    kinds += ["pages"] * (count - len(kinds))
    random.Random(1).shuffle(kinds)
    return [(f"Name {n:05d} {kind.split()[0].title()}", kind) for n, kind in enumerate(kinds)]


def _article(title: str, names: list[str], published: str) -> tuple[Article, list[CompanyMention]]:
    url = f"https://bench.test/{title.replace(' ', '-')}"
    article = Article(title, (f"{title} was in the news.",), url=url, published=published)
    return article, [CompanyMention(name, 0.8, True, 2) for name in names]


def _build(store: Store, count: int, links: int, published: str) -> dict[str, list[Any]]:
    store.companies.ensure_registry([CompanyEntry(f"Registry {n}") for n in range(200)])
    names = _names(count)
    with store.transaction():
        for n, (name, kind) in enumerate(names):
            if kind == "made up":
                chat = 1 + n % CHATS
                store.subscriptions.add(chat, store.companies.add_custom(name, chat_id=chat))
    news = [name for name, kind in names if kind == "news"]
    old = [_article(f"Old story {n}", [name], "2020-01-01") for n, name in enumerate(news)]
    store.articles.add_many(old)  # the operator's news brought these names in, long ago
    rng = random.Random(2)
    weights = list(itertools.accumulate(1 / rank for rank in range(1, count + 1)))
    popular = [name for name, _ in names]
    with store.transaction():
        for page in range(links // NAMES_PER_PAGE):
            picked: list[str] = []
            while len(picked) < NAMES_PER_PAGE:
                name = rng.choices(popular, cum_weights=weights)[0]
                if name not in picked:
                    picked.append(name)
            article, mentions = _article(f"Page {page}", picked, published)
            store.articles.add(article, companies=mentions, submitted_by=1 + page % CHATS)
    recent = [
        _article(f"New story {n}", popular[n * 3 : n * 3 + 3], "2025-01-01") for n in range(30)
    ]
    ids = [article_id for article_id, _ in store.articles.add_many(recent)]
    return {"popular": popular[:50] + rng.sample(popular, 50), "recent": ids}


def _reads(store: Store, inputs: dict[str, list[Any]]) -> dict[str, Callable[[], list[Any]]]:
    names: list[str] = inputs["popular"]
    ids = [store.companies.id_for(name) for name in names]
    return {
        "companies.get(id, chat) x100": lambda: [
            store.companies.get(cid or 0, chat_id=STRANGER) for cid in ids
        ],
        "offered_to(chat, 10 names) x10": lambda: [
            store.companies.offered_to(STRANGER, names[n : n + 10]) for n in range(0, 100, 10)
        ],
        "companies_of(article, chat) x30": lambda: [
            store.articles.companies_of(article_id, chat_id=STRANGER)
            for article_id in inputs["recent"]
        ],
        "in_the_news(chat) x1": lambda: [store.articles.in_the_news(STRANGER)],
    }


def _median_ms_per_call(action: Callable[[], list[Any]], passes: int) -> float:
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        calls = len(action())
        times.append((time.perf_counter() - start) / calls)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=5000)
    parser.add_argument("--links", type=int, default=50000)
    parser.add_argument("--passes", type=int, default=15)
    parser.add_argument("--pages-published", default="2025-06-01")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        start = time.perf_counter()
        inputs = _build(store, args.names, args.links, args.pages_published)
        built = time.perf_counter() - start
        reads = _reads(store, inputs)
        rows = []
        for label, read in reads.items():
            _use(OLD_OWN_COMPANY)
            old_answer, old = read(), _median_ms_per_call(read, args.passes)
            _use(OWN_COMPANY)
            new_answer, new = read(), _median_ms_per_call(read, args.passes)
            if old_answer != new_answer:
                raise SystemExit(f"{label}: the two variants answer differently")
            rows.append((label, old, new))
        shown = sum(1 for found in reads["companies.get(id, chat) x100"]() if found)
        links = store.db.execute(
            "SELECT SUM(n), MAX(n) FROM (SELECT COUNT(*) AS n FROM article_companies AS ac "
            "JOIN articles AS a ON a.id = ac.article_id WHERE a.submitted_by IS NOT NULL "
            "GROUP BY ac.company_id)"
        ).fetchone()
        store.close()
    print(
        f"{args.names:,} custom names, {links[0]:,} links from chats' pages (up to "
        f"{links[1]:,} for one name), built in {built:.1f} s; {shown} of the 100 names "
        "looked up are shown to a stranger; both variants answered the same"
    )
    width = max(len(label) for label, _, _ in rows)
    print(f"{'median ms per call'.ljust(width)}  links searched  stored flag   ratio")
    for label, old, new in rows:
        print(f"{label.ljust(width)}  {old:14.3f}  {new:11.3f}  {old / new:6.1f}x")


if __name__ == "__main__":
    main()
