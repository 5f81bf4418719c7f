"""Bounded worker pools for the blocking work behind commands, fair between chats.

The event loop only parses updates and sends replies; SQLite and text work run in
threads. Three small pools keep one kind of slowness from taking the others' threads:

* ``read``: quick SQLite reads (/list, /settings, suggestions), on a connection of
  their own, so a write waiting for a lock held by another process never blocks them;
* ``write``: SQLite writes (/subscribe, /settings changes, buttons), which may wait
  seconds for that lock;
* ``heavy``: summaries, /news, /search and page fetches.

Heavy work is capped per chat (one job at a time; another gets "still working on
your previous request") and overall (a full queue gets "busy, try again"), so one
chat, or a crowd, can delay only its own replies.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from summarizer.errors import NewsbotError

R = TypeVar("R")
STILL_WORKING = (
    "I'm still working on your previous request in this chat; "
    "please wait for its answer before sending another."
)
TOO_BUSY = "I'm busy with many requests right now; please try again in a minute."


class BusyError(NewsbotError):
    """Heavy work refused for now: the chat already has a job, or the queue is full."""


class Workers:
    """The bot's thread pools; one per application, closed at shutdown."""

    def __init__(
        self, *, read: int = 4, write: int = 4, heavy: int = 2, heavy_queue: int = 8
    ) -> None:
        self.read_pool = ThreadPoolExecutor(read, thread_name_prefix="newsbot-read")
        self.write_pool = ThreadPoolExecutor(write, thread_name_prefix="newsbot-write")
        self.heavy_pool = ThreadPoolExecutor(heavy, thread_name_prefix="newsbot-heavy")
        # Heavy jobs running or queued; more than this are refused at once.
        self.heavy_limit = heavy + heavy_queue
        self._heavy_chats: set[int] = set()

    @property
    def heavy_jobs(self) -> int:
        """Heavy jobs running or waiting for a thread."""
        return len(self._heavy_chats)

    async def read(self, func: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Run a quick SQLite read in the read pool."""
        return await _run(self.read_pool, func, *args, **kwargs)

    async def write(self, func: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Run a SQLite write (which may wait for the database lock) in the write pool."""
        return await _run(self.write_pool, func, *args, **kwargs)

    async def heavy(self, chat_id: int, func: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Run text work or a fetch for ``chat_id``; BusyError when the chat or pool is full."""
        if chat_id in self._heavy_chats:
            raise BusyError(STILL_WORKING)
        if len(self._heavy_chats) >= self.heavy_limit:
            raise BusyError(TOO_BUSY)
        self._heavy_chats.add(chat_id)
        try:
            task = asyncio.ensure_future(_run(self.heavy_pool, func, *args, **kwargs))
        except BaseException:
            self._heavy_chats.discard(chat_id)
            raise
        # The job keeps its chat's slot until the thread is done, even if the handler
        # is cancelled: a thread cannot be stopped early.
        task.add_done_callback(lambda _: self._heavy_chats.discard(chat_id))
        return await asyncio.shield(task)

    def close(self) -> None:
        """Stop accepting work; running jobs finish in the background."""
        for pool in (self.read_pool, self.write_pool, self.heavy_pool):
            pool.shutdown(wait=False, cancel_futures=True)


async def _run(pool: ThreadPoolExecutor, func: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    loop = asyncio.get_running_loop()
    context = contextvars.copy_context()
    call = functools.partial(context.run, func, *args, **kwargs)
    return await loop.run_in_executor(pool, call)
