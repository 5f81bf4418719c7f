"""Several real processes on one SQLite file: nobody ever sees "database is locked"."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storage import open_store
from summarizer import Article, StorageError

WORKER = textwrap.dedent(
    """
    import json, sys
    from storage import open_store
    from summarizer import Article

    path, role, first, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    store = open_store(path)
    done = 0
    if role == "writer":
        chat = 1000 + first
        for i in range(first, first + count):
            shared = i % 3 == 0  # every writer also stores these: duplicates across processes
            key = f"shared-{i % 60}" if shared else f"own-{i}"
            article = Article(f"Story {key} about batteries",
                              (f"Body of {key}. Battery makers report sales.",),
                              url=f"https://news.test/{key}?utm_source=w{first}")
            store.articles.add(article)
            company = store.companies.add_custom(f"Company {i % 7}")
            store.subscriptions.add(chat, company)
            done += 1
    else:
        for _ in range(count):
            store.articles.search("battery", limit=5)
            store.articles.count()
            store.subscriptions.for_chat(1000)
            store.articles.latest(limit=3)
            done += 1
    print(json.dumps({"role": role, "done": done}))
    """
)


def _spawn(path: Path, role: str, first: int, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, str(path), role, str(first), str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_parallel_writers_and_readers_on_a_fresh_file(db_path: Path) -> None:
    # No open_store() first: the processes also race to create and migrate the file.
    procs = [_spawn(db_path, "writer", first, 120) for first in (0, 1000)]
    procs += [_spawn(db_path, "reader", 0, 150) for _ in range(2)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=90)
        assert "locked" not in err.lower() and "busy" not in err.lower(), err
        assert proc.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert [r["done"] for r in results] == [120, 120, 150, 150]

    with open_store(db_path) as store:
        # 2 x 80 own stories + 40 shared keys (i % 3 == 0 over two ranges, i % 60 -> 20 keys
        # each) stored once although both writers added them.
        own = sum(1 for first in (0, 1000) for i in range(first, first + 120) if i % 3)
        shared = len(
            {i % 60 for first in (0, 1000) for i in range(first, first + 120) if i % 3 == 0}
        )
        assert store.articles.count() == own + shared
        assert store.db.table("companies").count == 7
        assert store.subscriptions.count(1000) == 7
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_held_write_lock_becomes_a_clear_storage_error(db_path: Path) -> None:
    open_store(db_path).close()
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    blocker.execute("INSERT INTO meta (key, value) VALUES ('holder', 'x')")
    store = open_store(db_path, busy_timeout_ms=100, retries=1)
    try:
        # Readers are never blocked by a writer in WAL mode.
        assert store.articles.count() == 0
        with pytest.raises(StorageError, match="busy") as caught:
            store.companies.add_custom("Acme")
        assert "locked" not in str(caught.value)
        with pytest.raises(StorageError, match="busy"):
            store.articles.add(Article("Held", ("Body.",)))
        blocker.execute("COMMIT")
        # Once the other process lets go, the same call just works.
        assert store.companies.add_custom("Acme") > 0
        assert store.articles.add(Article("Held", ("Body.",)))[1] is True
    finally:
        blocker.close()
        store.close()


def test_short_lock_is_waited_out(db_path: Path) -> None:
    open_store(db_path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
            import sqlite3, sys, time
            conn = sqlite3.connect(sys.argv[1], isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            print("held", flush=True)
            time.sleep(0.6)
            conn.execute("COMMIT")
            """
            ),
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with open_store(db_path, busy_timeout_ms=200, retries=5) as store:
            assert store.companies.add_custom("Patient Inc") > 0
    finally:
        holder.wait(timeout=10)


def test_threads_sharing_one_store(db_path: Path) -> None:
    # The bot calls the store from asyncio.to_thread workers: one connection, many threads.
    from concurrent.futures import ThreadPoolExecutor

    with open_store(db_path) as store:
        company = store.companies.add_custom("Threaded Co")

        def work(worker: int) -> int:
            for n in range(40):
                with store.transaction():
                    store.articles.add(Article(f"T{worker}-{n}", (f"Thread {worker} body {n}.",)))
                    store.subscriptions.add(worker, company)
                store.articles.search("thread")
                store.subscriptions.for_chat(worker)
            return worker

        with ThreadPoolExecutor(max_workers=6) as pool:
            assert sorted(pool.map(work, range(6))) == list(range(6))
        assert store.articles.count() == 6 * 40
        assert all(store.subscriptions.is_subscribed(worker, company) for worker in range(6))


def test_in_memory_store_for_quick_demos() -> None:
    with open_store(":memory:") as store:
        assert store.articles.add(Article("Memory", ("Only in RAM.",))) == (1, True)
        assert [a.title for a in store.articles.search("ram")] == ["Memory"]
    assert not Path(":memory:").exists()
