"""bench_storm.py's two drivers: the real Application fed in memory (``in_process``), and
the bot in its own process long-polling the Bot API emulator (``through_emulator``)."""

from __future__ import annotations

import asyncio
import itertools
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storm.load import STORM_CHATS, Send, run_load

BENCH = Path(__file__).resolve().parents[1] / "bench_storm.py"  # re-invoked with --serve-bot
REPO = BENCH.parent.parent


class Replies:
    """Per chat, a future for the next message the bot sends there."""

    def __init__(self) -> None:
        self.waiting: dict[int, asyncio.Future[float]] = {}

    def expect(self, chat: int) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiting[chat] = future
        return future

    def arrived(self, chat: int) -> None:
        future = self.waiting.pop(chat, None)
        if future is not None and not future.done():
            future.set_result(time.perf_counter())


def memory_request(replies: Replies) -> Any:
    """The in-process Bot API fake the tests and the terminal chat use, telling
    ``replies`` when a message arrives in a chat."""
    from bot.telegram.fake_api import FakeBotApi

    def observe(name: str, params: dict[str, Any], result: Any) -> None:
        if name in ("sendMessage", "editMessageText"):
            replies.arrived(int(params["chat_id"]))

    return FakeBotApi(on_call=observe)


def command_update(app: Any, chat: int, text: str, ids: Iterator[int]) -> Any:
    """``text`` sent as a command in private chat ``chat``, as the Update PTB hands on."""
    from telegram import Update

    entity = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    message = {
        "message_id": next(ids),
        "date": int(time.time()),
        "text": text,
        "chat": {"id": chat, "type": "private", "first_name": "A"},
        "from": {"id": chat, "is_bot": False, "first_name": "A"},
        "entities": entity,
    }
    return Update.de_json({"update_id": next(ids), "message": message}, app.bot)


async def in_process(
    db: Path, scenario: str, chats: int, seconds: float, ids: list[int], port: int
) -> dict[str, Any]:
    """The real Application fed through its update queue (and update processor)."""
    from bot.config import Config
    from bot.telegram.application import build_application
    from storage import open_store

    store = open_store(db)
    replies = Replies()
    app = build_application(
        Config(command_limit=10**6, allow_private_fetch="1"),
        store=store,
        request=memory_request(replies),
    )
    await app.initialize()
    await app.start()
    update_ids = itertools.count(1)

    async def send(chat: int, text: str, until: float) -> float:
        future = replies.expect(chat)
        start = time.perf_counter()
        await app.update_queue.put(command_update(app, chat, text, update_ids))
        try:
            arrived = await asyncio.wait_for(future, max(0.01, until - time.monotonic() + 1))
        except TimeoutError:
            return time.perf_counter() - start
        return arrived - start

    row = await run_load(send, scenario, chats=chats, seconds=seconds, ids=ids, port=port)
    return row


async def through_emulator(
    db: Path, scenario: str, chats: int, seconds: float, ids: list[int], port: int
) -> dict[str, Any]:
    """The bot in its own process, long-polling the emulator; users post to the adapter."""
    import aiohttp

    sys.path.insert(0, str(REPO / "tests" / "emulator"))
    from bench_bot import Watcher  # the same long-poll over the emulator's seen-log
    from emulator_harness import EmulatorProcesses, new_token

    token = new_token()
    processes = EmulatorProcesses.start()
    url = processes.url
    env = {**os.environ, "NEWSBOT_ALLOW_PRIVATE_FETCH": "1"}
    bot = subprocess.Popen(
        [sys.executable, str(BENCH), "--serve-bot", url, token, str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    connector = aiohttp.TCPConnector(limit=chats + STORM_CHATS + 10)
    try:
        async with aiohttp.ClientSession(base_url=url, connector=connector) as http:
            await _wait_polling(http, bot)
            watcher = Watcher(http)
            task = asyncio.create_task(watcher.run())
            row = await run_load(
                _emulator_send(http, token, watcher),
                scenario,
                chats=chats,
                seconds=seconds,
                ids=ids,
                port=port,
            )
            task.cancel()
        row["rss"] = _peak_rss_of(bot.pid)
        return row
    finally:
        bot.kill()
        bot.wait()
        processes.stop()


def _peak_rss_of(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _wait_polling(http: Any, bot: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if bot.poll() is not None:
            raise RuntimeError(f"the bot exited with {bot.returncode}")
        async with http.get("/_log", params={"method": "getUpdates"}) as resp:
            if (await resp.json())["result"]:
                return
        await asyncio.sleep(0.1)
    raise RuntimeError("the bot never started polling the emulator")


def _emulator_send(http: Any, token: str, watcher: Any) -> Send:
    """(chat, text) -> seconds until the bot's next message in that chat (``watcher``:
    a ``bench_bot.Watcher`` over the same emulator)."""

    async def send(chat: int, text: str, until: float) -> float:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        watcher.waiting[chat] = future
        sent = time.monotonic()
        body = {"token": token, "chat_id": chat, "text": text}
        async with http.post("/_client/message", json=body) as answer:
            await answer.read()
        try:
            seen = await asyncio.wait_for(future, max(0.01, until - time.monotonic() + 1))
        except TimeoutError:
            return time.monotonic() - sent
        return seen - sent

    return send
