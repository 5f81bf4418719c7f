"""A reply's long 429 reaches a chat whose alert already waits for its turn in the rate
gate: the worker holding that alert gives the chat up instead of sleeping through the
wait, so the other chats are still served. The Bot API emulator answers the 429s, the
reply goes through the bot's own hook for replies, the SQLite file is real; nothing
here is mocked."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from alert_rows import HOUR, add_article, add_chat, claimed, delivered, given_up, sends
from alert_senders import sender_running, until
from telegram.error import RetryAfter
from telegram.ext import ExtBot

from bot.alerts import AlertSender, Limits, SenderOptions
from bot.telegram.flood_waits import ReplyFloodWaits
from storage import Store


async def refused_reply(emulator: Any, sender: AlertSender, chat_id: int) -> float:
    """A reply to ``chat_id`` that Telegram answers with an hour-long 429 (told to the
    sender by the bot's hook for replies); returns when it was refused (wall time)."""
    await emulator.inject(
        {"method": "sendMessage", "chat_id": chat_id, "status": 429, "retry_after": HOUR}
    )
    hook = ReplyFloodWaits(lambda: sender)
    async with ExtBot(emulator.token, base_url=emulator.base_url, rate_limiter=hook) as replies:
        with pytest.raises(RetryAfter):
            await replies.send_message(chat_id, "Subscribed.")
    return time.time()


async def test_a_reply_told_to_wait_long_frees_the_worker_holding_the_chats_alert(
    emulator: Any, store: Store
) -> None:
    """Two workers each hold an alert waiting for its chat's turn (one message per chat
    every 20 s here) when replies to both chats are told to wait an hour: both chats are
    given up (their alerts pending, due at the wait's end, no attempt counted) and a third
    chat's alert goes out within seconds, not after the chats' turn, nor the hour."""
    held = {9801: "Alpha", 9802: "Beta"}
    for chat, company in held.items():
        add_chat(store, chat, company)
    add_chat(store, 9803, "Gamma")
    options = SenderOptions(concurrency=2, idle_poll=0.05, stop_grace=0.2)
    limits = Limits(chat_interval=20.0)
    async with sender_running(emulator, store, options=options, limits=limits) as sender:
        for n, (chat, company) in enumerate(held.items(), start=1):
            add_article(store, company, n)
            await until(delivered(emulator, chat, 1), 10, f"chat {chat}'s first alert")
            add_article(store, company, 10 + n)  # its turn comes 20 s after the first
            await until(claimed(store, chat), 5, f"chat {chat}'s second alert claimed")
        await asyncio.sleep(0.5)  # composed by now: both workers wait in the gate
        told = {chat: await refused_reply(emulator, sender, chat) for chat in held}
        add_article(store, "Gamma", 3)
        asked = time.monotonic()
        await until(delivered(emulator, 9803, 1), 5, "chat 9803's alert, while both wait")
        assert (await sends(emulator, 9803, "ok"))[0]["t"] - asked < 3
        for chat in held:
            await until(given_up(store, chat), 5, f"chat {chat} given up for its hour")
        assert sender.stats["postponed"] == 2
    for chat in held:
        first, second = store.outbox.rows(chat_id=chat)
        assert first["status"] == "sent"
        assert (second["status"], second["attempts"]) == ("pending", 0)
        assert told[chat] + HOUR - 5 < second["due"] < told[chat] + HOUR + 5
        assert [e["outcome"] for e in await sends(emulator, chat)] == ["ok", "fault"]
