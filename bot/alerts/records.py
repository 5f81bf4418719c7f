"""Writes the sender's delivered messages to the outbox, one by one or in batches.

Under Telegram's limits every sent message is recorded at once (a 25/s commit rate is
nothing for SQLite); with the limits lifted (paid broadcasts) records are batched every
flush interval. A record that cannot be written yet (database busy) is kept and written
by a later flush, so a delivered alert is never sent twice by the same process.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from storage.outbox import Outbox
from summarizer.errors import NewsbotError

log = logging.getLogger(__name__)

#: Runs a storage call off the event loop (the sender's worker thread).
Runner = Callable[..., Awaitable[Any]]


class SentRecords:
    """Delivered rows waiting to be marked sent: (row id, Telegram message id, note)."""

    def __init__(
        self,
        *,
        outbox: Outbox,
        run: Runner,
        wall: Callable[[], float],
        batch_size: int,
        each: bool,
    ) -> None:
        self.outbox = outbox
        self._run = run
        self._wall = wall
        self._batch_size = batch_size
        self._each = each  # one commit per message keeps the in-flight window minimal
        self._sent: list[tuple[int, int | None, str | None]] = []

    async def add(self, ids: list[int], message_id: int | None, note: str | None) -> None:
        """Remember one delivered message; written now or with the next batch."""
        self._sent.extend((row_id, message_id, note) for row_id in ids)
        if self._each or len(self._sent) >= self._batch_size:
            await self.flush()

    async def flush_every(self, interval: float) -> None:
        """Write the records every ``interval`` seconds until cancelled."""
        while True:
            await asyncio.sleep(interval)
            await self.flush()

    async def flush(self) -> None:
        """Write what is waiting; on a storage error keep it for the next flush."""
        if self._sent:
            batch, self._sent = self._sent, []
            try:
                await self._run(self.outbox.mark_sent, batch, now=self._wall())
            except NewsbotError as err:  # keep the records; a later flush writes them
                self._sent = batch + self._sent
                log.warning("Could not record sent alerts yet (%s); will retry.", err)
