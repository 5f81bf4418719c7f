"""A running alert sender and a running ``newsbot run`` process, both against the Bot API
emulator, for the end-to-end tests (tests/e2e); and a sender against ``FakeBotApi`` in
this process, for the alert tests (tests/bot/alerts)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

from telegram import Bot

from bot.alerts import AlertSender, Composer, Limits, RateGate, SenderOptions
from bot.alerts.transport import AiohttpRequest
from bot.telegram.fake_api import FakeBotApi
from storage import Store

REPO = Path(__file__).resolve().parents[2]


async def until(check: Callable[[], Awaitable[Any]], seconds: float, what: str) -> None:
    """Wait until ``await check()`` is true, looking every 50 ms; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@contextlib.asynccontextmanager
async def sender_running(
    emulator: Any,
    store: Store,
    *,
    options: SenderOptions,
    limits: Limits | None = None,
    read_timeout: float = 1.0,
) -> AsyncIterator[AlertSender]:
    """A sender delivering in the background while the block runs; stopped after it."""
    request = AiohttpRequest(connection_pool_size=32, read_timeout=read_timeout)
    async with Bot(emulator.token, base_url=emulator.base_url, request=request) as bot:
        sender = AlertSender(
            bot=bot,
            outbox=store.outbox,
            lifecycle=store.lifecycle,
            gate=RateGate(limits or Limits()),
            composer=Composer(articles=store.outbox),
            options=options,
        )
        task = asyncio.create_task(sender.run())
        try:
            yield sender
        finally:
            sender.stop()
            await task


@contextlib.asynccontextmanager
async def fake_sender_running(
    store: Store, telegram: FakeBotApi, **extra: Any
) -> AsyncIterator[AlertSender]:
    """As :func:`sender_running`, with Telegram's answers from ``telegram`` (no server);
    ``extra``: more :class:`AlertSender` arguments (``wall``, a clock)."""
    bot = Bot("123:abc", request=telegram, get_updates_request=telegram)
    await bot.initialize()
    sender = AlertSender(
        bot=bot,
        outbox=store.outbox,
        lifecycle=store.lifecycle,
        composer=Composer(articles=store.outbox),
        gate=RateGate(Limits()),
        **extra,
    )
    task = asyncio.create_task(sender.run())
    try:
        yield sender
    finally:
        sender.stop()
        await asyncio.wait_for(task, 10.0)
        await bot.shutdown()


def start_bot_process(emulator: Any, db: Path, *, text: bool = False) -> subprocess.Popen[Any]:
    """``newsbot run`` on ``db`` against the emulator, in a session of its own (a kill -9
    reaches it alone); stderr is piped, as text when ``text``."""
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": emulator.token, "NEWSBOT_POLL_INTERVAL": "3600"}
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run", "--db", str(db), "--base-url", emulator.base_url],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        text=text,
    )
