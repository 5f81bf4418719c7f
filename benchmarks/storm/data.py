"""bench_storm.py's material: a database with three 5 MB Xiaomi articles, a server that
trickles its response headers, and a connection that holds the write lock."""

from __future__ import annotations

import contextlib
import itertools
import json
import socket
import sqlite3
import threading
from pathlib import Path

CORPUS = Path("/work/shared/corpus/wikinews.jsonl")
BIG_BYTES = 5_000_000


def big_paragraphs(size: int) -> tuple[str, ...]:
    """About ``size`` characters of real news prose, one Xiaomi sentence per paragraph."""
    texts: list[str] = []
    if CORPUS.exists():
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            texts.extend(p for p in json.loads(line)["article"].split("\n\n") if p.strip())
    texts = texts or ["Markets moved on Tuesday as investors weighed the latest results."]
    out: list[str] = []
    total = 0
    for index in itertools.count():
        para = f"{texts[index % len(texts)]} Xiaomi said sales rose in quarter {index}."
        out.append(para)
        total += len(para) + 2
        if total >= size:
            return tuple(out)
    raise AssertionError("unreachable")


def build_db(path: Path) -> list[int]:
    """A seeded database with three 5 MB Xiaomi articles; returns their ids."""
    from bot.config import Config
    from bot.sample import load_seed_article
    from bot.wiring import build
    from summarizer.article import Article

    paragraphs = big_paragraphs(BIG_BYTES)
    with build(Config(db_path=path)) as core:
        load_seed_article(core.ingestor)
        ingestor = core.ingestor
        ids = []
        for n in range(3):
            article = Article(
                title=f"Xiaomi annual report part {n}",
                paragraphs=paragraphs,
                url=f"https://example.com/xiaomi-big-{n}",
                source="example.com",
            )
            ids.append(ingestor.ingest_article(article).article_id)
        ingestor.close()
    return ids


def start_trickle_server(stop: threading.Event) -> int:
    """A 127.0.0.1 HTTP server sending one header byte per second; returns its port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.settimeout(0.2)

    def serve(conn: socket.socket) -> None:
        with contextlib.suppress(OSError), conn:
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            while not stop.wait(1.0):
                conn.sendall(b"X")

    def accept() -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                conn, _ = listener.accept()
                threading.Thread(target=serve, args=(conn,), daemon=True).start()
        listener.close()

    threading.Thread(target=accept, daemon=True).start()
    return int(listener.getsockname()[1])


def hold_write_lock(db: Path, stop: threading.Event) -> None:
    """Another connection takes the write lock and keeps it until ``stop``."""
    conn = sqlite3.connect(str(db), isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    stop.wait()
    conn.execute("ROLLBACK")
    conn.close()
