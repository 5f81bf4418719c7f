"""Update processing: chats are served concurrently, each chat's updates in order.

With PTB's default, one slow request (fetching a page for ``/summary URL``, a
database busy for seconds) holds up every other chat. Running all updates
concurrently would instead let ``/subscribe X`` and ``/list`` from the same
chat overtake each other. This processor does both right.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Up to ``max_concurrent_updates`` chats at once, never two updates from the same chat.

    An update first waits for its chat's earlier updates and only then for a global
    slot, so a chat that sends many commands holds one slot, not all of them. A chat
    with ``max_pending_per_chat`` updates already waiting loses further ones (logged):
    the rate limit would refuse them anyway, and they would only pile up in memory.
    """

    __slots__ = ("_locks", "_slots", "max_pending_per_chat")

    def __init__(
        self,
        max_concurrent_updates: int = 64,
        *,
        max_pending: int = 4096,
        max_pending_per_chat: int = 10,
    ) -> None:
        # PTB's own semaphore (taken before do_process_update) only bounds updates in
        # memory; the slots that matter are taken below, after the chat's turn came.
        super().__init__(max_pending)
        self.max_pending_per_chat = max_pending_per_chat
        # Updates being processed; the blocking work itself is bounded by bot.telegram.workers.
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        # chat id -> (lock, number of updates holding or waiting for it)
        self._locks: dict[tuple[str, int] | None, tuple[asyncio.Lock, int]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's turn (a FIFO lock), then for a slot, then process the update."""
        key = _chat_key(update)
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        if users > self.max_pending_per_chat:
            log.warning("Dropped an update: chat %s already has %d waiting.", key, users)
            if inspect.iscoroutine(coroutine):
                coroutine.close()
            return
        self._locks[key] = (lock, users + 1)
        try:
            async with lock, self._slots:
                await coroutine
        finally:
            lock, users = self._locks[key]
            if users <= 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    @property
    def pending(self) -> int:
        """Updates holding or waiting for their chat's lock, all chats together."""
        return sum(users for _, users in self._locks.values())

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
