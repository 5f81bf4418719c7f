"""The alert sender survives a locked database at start-up: it restarts with backoff,
logs the failure once, and delivers the queued alerts as soon as the lock is released."""

from __future__ import annotations

import asyncio
import itertools
import logging
import sqlite3
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot

from bot.alerts.supervisor import Backoff, supervise
from bot.config import Config
from bot.telegram.fake_api import FakeBotApi
from bot.wiring import build_sender
from storage import Store, open_store
from summarizer.errors import StorageError


async def _wait_for(condition: Any, seconds: float) -> bool:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        if condition():
            return True
        await asyncio.sleep(0.05)
    return condition()


async def _stop(sender: Any, task: asyncio.Task, bot: Bot, *files: Any) -> None:
    """Stop the sender, wait for its task, close the connections, shut the bot down."""
    sender.stop()
    await asyncio.wait_for(task, 10.0)
    for file in files:
        file.close()
    await bot.shutdown()


async def test_sender_recovers_after_an_injected_lock(
    store: Store, world: Any, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    world.chat(1, "Xiaomi")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.8}))
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    telegram = FakeBotApi()
    bot = Bot("123:abc", request=telegram, get_updates_request=telegram)
    await bot.initialize()
    # The sender's own connection gives up quickly, as a busy database would make it.
    sender_store = open_store(db_path, busy_timeout_ms=50, retries=0)
    sender = build_sender(bot, store=sender_store, config=Config())
    caplog.set_level(logging.DEBUG, logger="bot.alerts.supervisor")
    task = asyncio.create_task(
        supervise(
            "The alert sender",
            sender.run,
            stopped=lambda: sender.stopped,
            backoff=Backoff(base=0.05, cap=0.2),
        )
    )
    try:
        await asyncio.sleep(1.0)
        assert telegram.of("sendMessage") == [] and not task.done()
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        retries = [r for r in caplog.records if r.levelno == logging.DEBUG]
        assert len(warnings) == 1 and "The alert sender failed" in warnings[0].getMessage()
        assert len(retries) >= 2  # it kept trying, quietly
        locker.execute("ROLLBACK")
        assert await _wait_for(lambda: telegram.of("sendMessage"), 10.0), (
            "no alert after the lock went"
        )
        assert telegram.of("sendMessage")[0]["chat_id"] == 1
        assert await _wait_for(lambda: [r["status"] for r in store.outbox.rows()] == ["sent"], 5.0)
        assert any("running again" in r.getMessage() for r in caplog.records)
    finally:
        await _stop(sender, task, bot, locker, sender_store)


async def test_a_busy_queue_warns_once_per_streak_of_failed_polls(
    store: Store, world: Any, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The running sender's polls meet a database another process holds (BEGIN
    IMMEDIATE) for about 1.5 s, a failed claim every ``idle_poll``: one warning for the
    streak, the rest at debug, and one line with the count once the queue reads again;
    then the alert queued meanwhile goes out."""
    world.chat(1, "Xiaomi")
    telegram = FakeBotApi()
    bot = Bot("123:abc", request=telegram, get_updates_request=telegram)
    await bot.initialize()
    sender_store = open_store(db_path, busy_timeout_ms=50, retries=0)
    sender = build_sender(bot, store=sender_store, config=Config())
    sender.options = replace(sender.options, idle_poll=0.05)
    caplog.set_level(logging.DEBUG, logger="bot.alerts.sender")
    started = asyncio.Event()
    task = asyncio.create_task(sender.run(started.set))
    locker = sqlite3.connect(db_path, isolation_level=None)
    try:
        await asyncio.wait_for(started.wait(), 5.0)
        locker.execute("BEGIN IMMEDIATE")
        await asyncio.sleep(1.5)
        locker.execute("ROLLBACK")
        store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.8}))
        assert await _wait_for(lambda: telegram.of("sendMessage"), 5.0)
    finally:
        await _stop(sender, task, bot, locker, sender_store)
    failed = [r for r in caplog.records if r.getMessage().startswith("Could not read the alert")]
    assert len(failed) >= 5
    assert [r.levelno for r in failed] == [logging.WARNING] + [logging.DEBUG] * (len(failed) - 1)
    (again,) = [r for r in caplog.records if "read again" in r.getMessage()]
    assert again.levelno == logging.INFO and f"after {len(failed)} failed" in again.getMessage()


async def test_a_failing_job_is_logged_once_per_streak_and_stops_on_request(
    caplog: pytest.LogCaptureFixture,
) -> None:
    attempts: list[float] = []
    stop = False

    async def always_fails(ready: Any) -> None:
        attempts.append(time.monotonic())
        raise sqlite3.OperationalError("attempt to write a readonly database")

    caplog.set_level(logging.WARNING, logger="bot.alerts.supervisor")
    task = asyncio.create_task(
        supervise(
            "The feed poller",
            always_fails,
            stopped=lambda: stop,
            backoff=Backoff(base=0.02, cap=0.08),
        )
    )
    await asyncio.sleep(0.6)
    stop = True
    await asyncio.wait_for(task, 2.0)
    assert len(attempts) >= 4
    gaps = [b - a for a, b in itertools.pairwise(attempts)]
    assert gaps[-1] >= gaps[0]  # backing off, not spinning
    assert [r.getMessage() for r in caplog.records] == [
        "The feed poller failed (attempt to write a readonly database); restarting it with backoff."
    ]


async def test_a_busy_database_at_the_last_check_before_a_send_loses_no_slot(
    store: Store, world: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The check that an alert is still wanted reads the database after the rate gate let
    # the send go; when that read fails (busy, disk full) more often than the gate has
    # slots, the sender must still send everything once the database answers again.
    for chat in range(1, 41):
        world.chat(chat, "Xiaomi")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.8}))
    telegram = FakeBotApi()
    bot = Bot("123:abc", request=telegram, get_updates_request=telegram)
    await bot.initialize()
    sender = build_sender(bot, store=store, config=Config())
    failures = itertools.count()
    real = store.outbox.claimed_companies

    def busy_at_first(ids: list[int]) -> dict[int, int]:
        if next(failures) < 30:
            raise StorageError("The database is busy (injected).")
        return real(ids)

    monkeypatch.setattr(store.outbox, "claimed_companies", busy_at_first)
    task = asyncio.create_task(sender.run())
    try:
        assert await _wait_for(lambda: store.outbox.counts().get("sent") == 10, 10.0)
        assert await _wait_for(lambda: "sending" not in store.outbox.counts(), 5.0)
        waiting = [r["id"] for r in store.outbox.rows() if r["status"] == "pending"]
        assert len(waiting) == 30  # each failed one is back in the queue, none stuck
        store.outbox.reschedule(waiting, due=0.0)  # due now instead of in a minute
        sender.wake()
        assert await _wait_for(lambda: store.outbox.counts() == {"sent": 40}, 10.0)
        assert len(telegram.of("sendMessage")) == 40
    finally:
        sender.stop()
        await asyncio.wait_for(task, 10.0)
        await bot.shutdown()


def test_a_feed_poll_never_creates_a_database_the_bot_lost(tmp_path: Path) -> None:
    """The database deleted while the bot runs: a poll must not start an empty one beside
    the bot's, whose alerts and subscriptions would then be split over two files."""
    from bot.alerts.jobs import poll_feeds
    from summarizer.errors import StorageError

    gone = tmp_path / "gone.db"
    config = Config.load({"NEWSBOT_DB": str(gone), "NEWSBOT_FEEDS": "https://news.example/rss"})
    with pytest.raises(StorageError, match="is gone"):
        poll_feeds(config)
    assert not gone.exists()
