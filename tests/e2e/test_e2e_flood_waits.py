"""Telegram's flood waits survive a restart: the emulator answers 429 with a retry_after,
the sender is stopped, and a new sender on a new connection to the same SQLite file sends
nothing the wait forbids (Telegram may lengthen a ban it sees ignored)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from alert_senders import sender_running, until

from bot.alerts import AlertSender, SenderOptions
from storage import Store, open_store
from summarizer.article import Article
from summarizer.companies.matcher import CompanyMention

OPTIONS = SenderOptions(idle_poll=0.05, stop_grace=0.2)


def add_chats(store: Store, *chats: int) -> None:
    company = store.companies.add_custom("Xiaomi")
    for chat in chats:
        store.chats.upsert(chat, type="private", title=f"chat {chat}")
        store.subscriptions.add(chat, company)


def add_article(store: Store, n: int) -> None:
    words = " ".join(f"word{n}x{i}" for i in range(30))
    article = Article(f"Xiaomi story {n}", (words,), url=f"https://news.example/{n}")
    article_id, _ = store.articles.add(article, companies=[CompanyMention("Xiaomi", 0.8, True, 3)])
    store.outbox.enqueue_for_article(article_id)


@contextlib.asynccontextmanager
async def sender_on(
    emulator: Any, db_path: Path, options: SenderOptions = OPTIONS
) -> AsyncIterator[AlertSender]:
    """A sender of its own (a new process, as far as SQLite knows) on the file."""
    store = open_store(db_path)
    try:
        async with sender_running(emulator, store, options=options, read_timeout=2.0) as sender:
            yield sender
    finally:
        store.close()


async def sends(emulator: Any, *, since: float = 0.0, outcome: str | None = None) -> list[dict]:
    log = await emulator.log(method="sendMessage")
    return [e for e in log if e["t"] >= since and (outcome is None or e["outcome"] == outcome)]


async def test_a_chats_hour_long_wait_holds_after_a_restart(emulator, store, db_path) -> None:
    add_chats(store, 9001, 9002)
    add_article(store, 1)
    await emulator.inject(
        {"method": "sendMessage", "chat_id": 9001, "status": 429, "retry_after": 3600}
    )
    async with sender_on(emulator, db_path):
        await until(lambda: _count(emulator, "fault", 1), 10, "the 429 for chat 9001")
        await until(lambda: _count(emulator, "ok", 1), 10, "chat 9002's alert")
    restarted = time.monotonic()
    add_article(store, 2)  # shows the new sender works: chat 9002 gets this one
    async with sender_on(emulator, db_path):
        await until(lambda: _count(emulator, "ok", 2), 10, "chat 9002's second alert")
        await asyncio.sleep(1.5)  # past the global window a restart waits anyway
    after = await sends(emulator, since=restarted)
    assert [(e["chat_id"], e["outcome"]) for e in after] == [(9002, "ok")]
    assert "sent" not in {r["status"] for r in store.outbox.rows(chat_id=9001)}
    waits = store.outbox.flood_waits.current(now=time.time())
    assert list(waits) == [9001] and waits[9001] - time.time() > 3500


async def test_the_wait_of_every_chat_after_429s_in_a_row_holds_after_a_restart(
    emulator, store, db_path
) -> None:
    """One worker, four chats told to wait an hour in a row (each send made after the 429
    before it, nothing gone through): every chat then waits 4 s (1, 1, 2, 4). The sender
    is restarted within them: a new chat's alert goes out once they are over, not before,
    and the four chats told still get nothing."""
    told_chats = (9001, 9002, 9003, 9004)
    add_chats(store, *told_chats)
    add_article(store, 1)
    hour = {"method": "sendMessage", "status": 429, "retry_after": 3600}
    await emulator.inject(*({**hour, "chat_id": chat} for chat in told_chats))
    one_worker = SenderOptions(idle_poll=0.05, stop_grace=0.2, concurrency=1)
    async with sender_on(emulator, db_path, one_worker):
        await until(lambda: _count(emulator, "fault", 4), 15, "four 429s")
    last = max(e["t"] for e in await sends(emulator, outcome="fault"))
    waits = store.outbox.flood_waits.current(now=time.time())
    assert sorted(c for c in waits if c is not None) == list(told_chats)
    assert 3 < waits[None] - time.time() < 4.5
    add_chats(store, 9005)
    add_article(store, 2)
    async with sender_on(emulator, db_path):
        await until(lambda: _count(emulator, "ok", 1), 10, "the new chat's alert")
    (sent,) = await sends(emulator, outcome="ok")
    assert sent["chat_id"] == 9005
    assert 4 <= sent["t"] - last < 6
    assert len(await sends(emulator)) == 5  # the four 429s, and this one


async def test_a_short_wait_is_kept_then_forgotten_once_over(emulator, store, db_path) -> None:
    add_chats(store, 9001)
    add_article(store, 1)
    await emulator.inject(
        {"method": "sendMessage", "chat_id": 9001, "status": 429, "retry_after": 3}
    )
    async with sender_on(emulator, db_path):
        await until(lambda: _count(emulator, "fault", 1), 10, "the 429")
    (told,) = [e["t"] for e in await sends(emulator, outcome="fault")]
    async with sender_on(emulator, db_path):
        await until(lambda: _count(emulator, "ok", 1), 10, "the alert after the wait")
        sent = (await sends(emulator, outcome="ok"))[0]["t"]
        assert sent - told >= 3  # not at once, though the first sender was stopped
        deadline = time.monotonic() + 5
        while store.db.execute("SELECT COUNT(*) FROM flood_waits").fetchone()[0]:
            assert time.monotonic() < deadline, "the wait that was over stayed in the file"
            await asyncio.sleep(0.05)
    assert store.outbox.counts() == {"sent": 1}


async def _count(emulator: Any, outcome: str, n: int) -> bool:
    return len(await sends(emulator, outcome=outcome)) >= n
