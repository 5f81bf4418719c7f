"""A chat's long 429 gives the chat up instead of holding a worker: its alerts go back to
the outbox (real SQLite) until the wait ends, the workers serve every other chat, and the
alerts are sent once the wait is over. Short waits are still waited out in place. The
Bot API emulator answers the 429s; nothing here is mocked."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from alert_rows import (
    HOUR,
    add_article,
    add_chat,
    claimed,
    delivered,
    given_up,
    sends,
    waiting,
)
from alert_senders import sender_running, until

from bot.alerts import SenderOptions
from storage import Store, open_store


async def told_to_wait_an_hour(
    emulator: Any, store: Store, paused: dict[int, str], *, healthy: int
) -> None:
    """Chats ``paused`` ({chat: the company it follows}) whose next send Telegram answers
    with an hour-long 429, and a ``healthy`` chat following "Delta"."""
    for chat, company in paused.items():
        add_chat(store, chat, company)
    add_chat(store, healthy, "Delta")
    await emulator.inject(
        *(
            {"method": "sendMessage", "chat_id": c, "status": 429, "retry_after": HOUR}
            for c in paused
        )
    )


async def test_chats_told_to_wait_long_do_not_hold_the_workers(emulator, store) -> None:
    """Three chats get hour-long 429s one after the other, with two workers: another
    chat's alerts still go out within seconds, each time."""
    paused = {9201: "Alpha", 9202: "Beta", 9203: "Gamma"}
    await told_to_wait_an_hour(emulator, store, paused, healthy=9300)
    options = SenderOptions(concurrency=2, idle_poll=0.05, stop_grace=0.2)
    async with sender_running(emulator, store, options=options, read_timeout=2.0) as sender:
        for n, (chat, company) in enumerate(paused.items(), start=1):
            add_article(store, company, n)
            await until(waiting(store, chat), 10, f"chat {chat}'s 429 taken on")
            add_article(store, "Delta", 100 + n)
            asked = time.monotonic()
            await until(delivered(emulator, 9300, n), 5, f"chat 9300's alert {n}")
            answered = (await sends(emulator, 9300, "ok"))[-1]["t"]
            assert answered - asked < 3  # the others' 1 s pause after a 429, not an hour
        assert sender.stats["postponed"] == 3
        for chat in paused:
            assert await given_up(store, chat)()
    assert [e["outcome"] for e in await sends(emulator, 9300)] == ["ok"] * 3
    for chat in paused:  # each was told once and never sent to again
        assert [e["outcome"] for e in await sends(emulator, chat)] == ["fault"]
    waits = store.outbox.flood_waits.current(now=time.time())
    assert sorted(c for c in waits if c is not None) == sorted(paused)
    assert None not in waits  # the bot as a whole was never told to wait


async def test_chats_told_to_wait_long_together_each_wait_alone(emulator, store) -> None:
    """Two sends on the wire together (two workers, as in any fan-out) both get an
    hour-long 429: the second was made before the first 429 came, so it says nothing
    about the bot as a whole. Both chats are given up, alone, and another chat is
    served within seconds, not after the hour (nor after a restart: no wait for all)."""
    paused = {9211: "Alpha", 9212: "Beta"}
    await told_to_wait_an_hour(emulator, store, paused, healthy=9310)
    for n, company in enumerate(paused.values(), start=1):
        add_article(store, company, n)
    options = SenderOptions(concurrency=2, idle_poll=0.05, stop_grace=0.2)
    async with sender_running(emulator, store, options=options, read_timeout=2.0) as sender:
        for chat in paused:
            await until(lambda c=chat: _told(emulator, c), 10, f"chat {chat}'s 429")
        add_article(store, "Delta", 3)
        await until(delivered(emulator, 9310, 1), 5, "chat 9310's alert")
        assert sender.stats["postponed"] == 2
    told = [e["t"] for chat in paused for e in await sends(emulator, chat, "fault")]
    assert max(told) - min(told) < 0.5  # on the wire together
    waits = store.outbox.flood_waits.current(now=time.time())
    assert sorted(c for c in waits if c is not None) == sorted(paused)
    assert None not in waits


async def test_a_send_going_through_beside_a_429_lifts_the_pause_of_every_chat(
    emulator, store
) -> None:
    """Chats told to wait an hour among healthy ones, two workers: a healthy send on the
    wire beside a stranger's 429 that looked like a limit of the whole bot goes through a
    moment later, which shows the bot is not limited. Every healthy chat is served within
    seconds, and no wait for every chat is left stored (a restart would honour it)."""
    paused = {9501 + k: f"Paused{k}" for k in range(6)}
    healthy = {9601 + k: f"Healthy{k}" for k in range(6)}
    await told_to_wait_an_hour(emulator, store, paused, healthy=9600)
    for chat, company in healthy.items():
        add_chat(store, chat, company)
    for n, (p, h) in enumerate(zip(paused.values(), healthy.values(), strict=True)):
        add_article(store, p, 2 * n)  # claimed in turn: each pair goes out together
        add_article(store, h, 2 * n + 1)
    options = SenderOptions(concurrency=2, idle_poll=0.05, stop_grace=0.2)
    async with sender_running(emulator, store, options=options, read_timeout=2.0):
        for chat in healthy:
            await until(delivered(emulator, chat, 1), 20, f"chat {chat}'s alert")
        for chat in paused:
            await until(given_up(store, chat), 10, f"chat {chat} given up for its hour")
    waits = store.outbox.flood_waits.current(now=time.time())
    assert None not in waits
    assert sorted(c for c in waits if c is not None) == sorted(paused)


async def test_a_chat_given_up_for_its_wait_gets_its_alerts_when_it_ends(emulator, store) -> None:
    """The given-up alerts are in the table, due at the wait's end and not counted as an
    attempt; nothing reaches the chat before, then all of them, in order (an alert queued
    during the wait comes after them). The sender holds two rows at most here: the
    paused chat's two filled that room, and giving them up frees it for another chat."""
    add_chat(store, 9401, "Xiaomi")
    add_chat(store, 9402, "Tesla")
    add_article(store, "Xiaomi", 1)
    add_article(store, "Xiaomi", 2)
    await emulator.inject(
        {"method": "sendMessage", "chat_id": 9401, "status": 429, "retry_after": 3}
    )
    offset = time.time() - time.monotonic()  # the emulator logs monotonic times
    options = SenderOptions(idle_poll=0.05, stop_grace=0.2, long_wait=1.0, max_held=2, batch_size=2)
    async with sender_running(emulator, store, options=options, read_timeout=2.0):
        await until(given_up(store, 9401), 10, "the chat given up for its wait")
        (told,) = [e["t"] for e in await sends(emulator, 9401, "fault")]
        rows = store.outbox.rows(chat_id=9401)
        assert [r["attempts"] for r in rows] == [0, 0]
        assert all(abs(r["due"] - (told + offset + 3)) < 0.5 for r in rows)
        add_article(store, "Xiaomi", 3)  # queued during the wait: not claimed before its end
        add_article(store, "Tesla", 4)
        await until(delivered(emulator, 9402, 1), 2, "the other chat's alert, during the wait")
        assert (await sends(emulator, 9402, "ok"))[0]["t"] < told + 3
        await until(delivered(emulator, 9401, 3), 15, "the three alerts after the wait")
    sent = await sends(emulator, 9401, "ok")
    assert min(e["t"] for e in sent) - told >= 3
    order = [next(n for n in (1, 2, 3) if f"Headline {n}" in e["text"]) for e in sent]
    assert order == [1, 2, 3]
    assert store.outbox.counts() == {"sent": 4}
    assert store.db.execute("SELECT COUNT(*) FROM flood_waits").fetchone()[0] == 0


async def test_a_short_wait_is_still_waited_out_in_place(emulator, store) -> None:
    """With one worker: a chat's long wait gives it up, and a chat told to wait a short
    while keeps its claimed alert and is sent again as soon as the wait ends."""
    for chat, company in ((9501, "Alpha"), (9502, "Beta"), (9503, "Gamma")):
        add_chat(store, chat, company)
    await emulator.inject(
        {"method": "sendMessage", "chat_id": 9501, "status": 429, "retry_after": HOUR},
        {"method": "sendMessage", "chat_id": 9502, "status": 429, "retry_after": 2},
    )
    options = SenderOptions(concurrency=1, idle_poll=0.05, stop_grace=0.2)
    async with sender_running(emulator, store, options=options, read_timeout=2.0) as sender:
        add_article(store, "Alpha", 1)
        await until(waiting(store, 9501), 10, "chat 9501's hour-long 429 taken on")
        add_article(store, "Gamma", 2)  # goes through: the bot as a whole is not limited
        await until(delivered(emulator, 9503, 1), 5, "chat 9503's alert")
        add_article(store, "Beta", 3)
        await until(lambda: _told(emulator, 9502), 5, "chat 9502's short 429")
        await asyncio.sleep(1.0)  # inside the wait: the alert is still claimed, in place
        assert [r["status"] for r in store.outbox.rows(chat_id=9502)] == ["sending"]
        await until(delivered(emulator, 9502, 1), 5, "chat 9502's alert after its wait")
        assert sender.stats["postponed"] == 1  # 9501's alert only
    (told,) = [e["t"] for e in await sends(emulator, 9502, "fault")]
    (sent,) = [e["t"] for e in await sends(emulator, 9502, "ok")]
    assert 2 <= sent - told < 3.5  # resent as soon as the wait ended
    assert [(r["status"], r["attempts"]) for r in store.outbox.rows(chat_id=9502)] == [("sent", 0)]
    assert [r["status"] for r in store.outbox.rows(chat_id=9501)] == ["pending"]


async def _told(emulator: Any, chat_id: int) -> bool:
    return bool(await sends(emulator, chat_id, "fault"))


async def _slow_long_wait(emulator: Any, db_path: Path, *chats: int) -> Store:
    """A store that gives up at once when the database is busy, with one alert for each
    of ``chats``, whose send Telegram answers after 1 s with a long 429 (the database is
    held by then)."""
    store = open_store(db_path, busy_timeout_ms=100, retries=0)
    for chat_id, company in zip(chats, ("Xiaomi", "Tesla"), strict=False):
        add_chat(store, chat_id, company)
        add_article(store, company, chat_id)
    await emulator.inject(
        *(
            {
                "method": "sendMessage",
                "chat_id": chat_id,
                "status": 429,
                "retry_after": HOUR,
                "delay_ms": 1000,
            }
            for chat_id in chats
        )
    )
    return store


@pytest.mark.parametrize("held", [2.5, 9.0])
async def test_a_long_wait_hands_its_alerts_back_also_when_the_database_is_busy(
    emulator, db_path, held: float
) -> None:
    """The hand-off meets a database another process holds (BEGIN IMMEDIATE) for about
    ``held`` - 1 s: it is tried again until it goes through (9 s: past the first round of
    tries, the rows wait in their lane for the next), so the rows are still due at the
    wait's end with no attempt counted, not put on the retry path of a failed send (due
    in a minute, an attempt burnt) nor left claimed."""
    store = await _slow_long_wait(emulator, db_path, 9701)
    options = SenderOptions(idle_poll=0.05, stop_grace=0.2)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        async with sender_running(emulator, store, options=options, read_timeout=3.0) as sender:
            await until(claimed(store, 9701), 10, "the alert claimed")
            other.execute("BEGIN IMMEDIATE")
            told = time.time() + 1  # Telegram's answer, about a second later
            await asyncio.sleep(held)
            other.execute("ROLLBACK")

            async def handed_back() -> bool:  # the row written, then counted by the sender
                return sender.stats["postponed"] == 1 and await given_up(store, 9701)()

            await until(handed_back, 10, "the alert back in the queue")
        (row,) = store.outbox.rows(chat_id=9701)
        assert (row["status"], row["attempts"]) == ("pending", 0)
        assert told + HOUR - 5 < row["due"] < told + HOUR + 5
        assert len(await sends(emulator, 9701)) == 1  # the one send told to wait
    finally:
        other.close()
        store.close()


async def test_alerts_held_in_their_lane_at_a_stop_are_sent_once_after_a_restart(
    emulator, db_path, caplog
) -> None:
    """The hand-off of a long wait's alerts fails (another process holds the database past
    every try), and the sender is stopped while they wait in their lane, the database
    still held: they stay claimed, and the next run sends them once, neither lost nor sent
    twice (the wait was not saved either: the next run knows nothing of it)."""
    store = await _slow_long_wait(emulator, db_path, 9702)
    options = SenderOptions(idle_poll=0.05, stop_grace=0.2)
    other = sqlite3.connect(db_path, isolation_level=None)

    async def kept_in_lane() -> bool:
        return "could not go back to the queue" in caplog.text

    try:
        async with sender_running(emulator, store, options=options, read_timeout=3.0):
            await until(claimed(store, 9702), 10, "the alert claimed")
            other.execute("BEGIN IMMEDIATE")
            await until(kept_in_lane, 15, "every try of the hand-off failed")
        (row,) = store.outbox.rows(chat_id=9702)
        assert row["status"] == "sending"  # the stop could not write either
        other.execute("ROLLBACK")
        async with sender_running(emulator, store, options=options):
            await until(delivered(emulator, 9702, 1), 10, "the alert sent after the restart")
            await asyncio.sleep(0.5)  # time for a second copy, were one sent
        (row,) = store.outbox.rows(chat_id=9702)
        assert row["status"] == "sent"
        assert [e["outcome"] for e in await sends(emulator, 9702)] == ["fault", "ok"]
    finally:
        other.close()
        store.close()


async def test_a_database_busy_round_after_round_warns_once_per_chat(
    emulator, db_path, caplog
) -> None:
    """Two chats' long waits meet a database another process holds (BEGIN IMMEDIATE) for
    several rounds of tries: each chat's first failed round is a warning, the next ones
    are logged at debug, and one line says how many failed once the alerts went back."""
    chats = (9711, 9712)
    store = await _slow_long_wait(emulator, db_path, *chats)
    options = SenderOptions(idle_poll=0.05, stop_grace=0.2, hand_back_delays=(0.05, 0.1))
    other = sqlite3.connect(db_path, isolation_level=None)
    caplog.set_level(logging.DEBUG, logger="bot.alerts.outcomes")

    def lines(chat: int) -> list[logging.LogRecord]:
        return [r for r in caplog.records if r.getMessage().startswith(f"Chat {chat} must wait")]

    async def three_rounds_each() -> bool:
        return all(len(lines(chat)) >= 3 for chat in chats)

    try:
        async with sender_running(emulator, store, options=options, read_timeout=3.0) as sender:
            for chat in chats:
                await until(claimed(store, chat), 10, f"chat {chat}'s alert claimed")
            other.execute("BEGIN IMMEDIATE")
            await until(three_rounds_each, 20, "three failed rounds of tries for each chat")
            other.execute("ROLLBACK")

            async def handed_back() -> bool:
                return sender.stats["postponed"] == 2

            await until(handed_back, 10, "the alerts back in the queue")
        for chat in chats:
            *failed, done = lines(chat)
            levels = [r.levelno for r in failed]
            assert levels == [logging.WARNING] + [logging.DEBUG] * (len(failed) - 1)
            assert done.levelno == logging.INFO
            assert f"busy for {len(failed)} round(s)" in done.getMessage()
            (row,) = store.outbox.rows(chat_id=chat)
            assert (row["status"], row["attempts"]) == ("pending", 0)
    finally:
        other.close()
        store.close()
