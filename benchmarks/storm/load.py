"""bench_storm.py's load: quiet chats measured (/help, /list, one at a time) while storm
chats loop on a scenario's heavy command."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from typing import Any

STORM_CHATS = 6


def pct(values: list[float], q: float) -> float:
    """The q-quantile (nearest rank) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


Send = Callable[[int, str], Any]  # async (chat id, text) -> reply time in seconds or None


async def quiet_chat(chat: int, send: Send, until: float, times: list[float]) -> None:
    """Alternate /help and /list until ``until``, one at a time; record each reply time."""
    for text in itertools.cycle(("/help", "/list")):
        if time.monotonic() >= until:
            return
        waited = await send(chat, text, until)
        times.append(waited)
        await asyncio.sleep(0.05)


def storm_commands(scenario: str, ids: list[int], port: int) -> Callable[[int, int], str]:
    """The command storm chat ``chat`` sends on its ``n``-th turn."""
    if scenario == "big /news":
        return lambda chat, n: (
            "/news Xiaomi 3" if (chat + n) % 2 else f"/summary {ids[(chat + n) % len(ids)]}"
        )
    if scenario == "trickle":
        return lambda chat, n: f"/summary http://127.0.0.1:{port}/slow/{chat}/{n}"
    if scenario == "locked db":
        return lambda chat, n: f"/subscribe Stormco {chat} {n}"
    return lambda chat, n: "/help"


async def storm_chat(
    chat: int, send: Send, until: float, command: Callable[[int, int], str], done: list[float]
) -> None:
    """Send the storm command again whenever the last one was answered."""
    for n in itertools.count():
        if time.monotonic() >= until:
            return
        took = await send(chat, command(chat, n), until)
        if time.monotonic() < until + 0.9:  # answered, not given up on at the end
            done.append(took)


async def run_load(
    send: Send, scenario: str, *, chats: int, seconds: float, ids: list[int], port: int
) -> dict[str, Any]:
    """Quiet chats 1..N measured, storm chats 1001.. running, for ``seconds``."""
    until = time.monotonic() + seconds
    quiet: list[float] = []
    storm: list[float] = []
    command = storm_commands(scenario, ids, port)
    tasks = [quiet_chat(c, send, until, quiet) for c in range(1, chats + 1)]
    if scenario != "alone":
        tasks += [storm_chat(1000 + c, send, until, command, storm) for c in range(STORM_CHATS)]
    await asyncio.gather(*tasks)
    return {
        "replies": len(quiet),
        "p50": pct(quiet, 0.5) * 1000,
        "p99": pct(quiet, 0.99) * 1000,
        "max": max(quiet, default=0) * 1000,
        "storm": len(storm),
    }
