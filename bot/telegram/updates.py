"""Update processing: chats are served concurrently, each chat's updates in order.

With PTB's default, one slow request (fetching a page for ``/summary URL``, a
database busy for seconds) holds up every other chat. Running all updates
concurrently would instead let ``/subscribe X`` and ``/list`` from the same
chat overtake each other. This processor does both right.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Up to ``max_concurrent_updates`` at once, but never two from the same chat."""

    __slots__ = ("_locks",)

    def __init__(self, max_concurrent_updates: int = 16) -> None:
        super().__init__(max_concurrent_updates)
        # chat id -> (lock, number of updates holding or waiting for it)
        self._locks: dict[tuple[str, int] | None, tuple[asyncio.Lock, int]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's earlier updates (a FIFO lock), then process this one."""
        key = _chat_key(update)
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                await coroutine
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _chat_key(update: object) -> tuple[str, int] | None:
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return ("chat", update.effective_chat.id)
        if update.effective_user is not None:  # inline queries and the like
            return ("user", update.effective_user.id)
    return None
