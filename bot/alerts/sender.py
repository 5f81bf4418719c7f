"""The alert sender: drains the SQLite outbox inside the running bot.

A feeder claims due rows in batches and queues them per chat ("lanes"); workers take
one ready chat at a time, ask the :class:`Composer` for its next message and hand it to
the :class:`~bot.alerts.courier.Courier`, which passes the :class:`RateGate`, checks the
alerts are still wanted, sends, and reads Telegram's answer (429 wait and resend, or
for a long 429 the chat's rows back to the outbox until the wait ends; 403 chat gone,
400 plain text or General topic, ``ChatMigrated``, timeouts with backoff, an edit for a
later copy): the rules are listed in ``bot/alerts/README.md`` and written by
:class:`~bot.alerts.outcomes.Outcomes`; sent messages are recorded by
:class:`~bot.alerts.records.SentRecords`. After a kill, only messages on the wire (at
most ``concurrency``), or in the unflushed batch when batching, can be sent again
(at-least-once).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from telegram import Bot

from bot.alerts.compose import Composer
from bot.alerts.courier import Courier
from bot.alerts.lanes import WAKE, Lanes, is_group
from bot.alerts.limits import RateGate
from bot.alerts.messenger import Messenger
from bot.alerts.options import SenderOptions
from bot.alerts.outcomes import Outcomes
from bot.alerts.pauses import Pauses
from bot.alerts.records import SentRecords
from storage.lifecycle import ChatLifecycle
from storage.outbox import Outbox
from storage.outbox.queries import OutboxItem
from summarizer.errors import NewsbotError

log = logging.getLogger(__name__)
R = TypeVar("R")


class AlertSender:
    """Delivers every pending alert within Telegram's limits; one per bot process."""

    def __init__(
        self,
        *,
        bot: Bot,
        outbox: Outbox,
        lifecycle: ChatLifecycle,
        composer: Composer,
        gate: RateGate,
        options: SenderOptions | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.bot = bot  # may differ from the bot answering commands (own connection pool)
        self.messenger = Messenger(bot)
        self.outbox = outbox
        self.lifecycle = lifecycle  # moves or deactivates a chat Telegram says changed
        self.composer = composer
        self.gate = gate
        self.options = options or SenderOptions()
        self._wall = wall
        self._lanes = Lanes()
        self._stopping = asyncio.Event()
        self._stop_requested = False
        self._wake = asyncio.Event()
        # SQLite and summarising run on one worker thread, in order, never on the event
        # loop: a locked database or a long article must not stall the bot's replies.
        self._io = ThreadPoolExecutor(1, thread_name_prefix="newsbot-alerts")
        # One commit per message while rate limited keeps the in-flight window minimal.
        self._records = SentRecords(
            outbox=outbox,
            run=self._db,
            wall=wall,
            batch_size=self.options.batch_size,
            each=gate.limits.global_window is not None,
        )
        self._outcomes = Outcomes(
            outbox=outbox,
            lifecycle=lifecycle,
            lanes=self._lanes,
            records=self._records,
            options=self.options,
            run=self._db,
            wall=wall,
        )
        self.stats = self._outcomes.stats  # one dict: the outcomes count, callers read it here
        self._pauses = Pauses(gate=gate, waits=outbox.flood_waits, run=self._db, wall=wall)
        self._courier = Courier(
            messenger=self.messenger,
            gate=gate,
            composer=composer,
            outbox=outbox,
            outcomes=self._outcomes,
            pauses=self._pauses,
            run=self._db,
            wall=wall,
            wake=self.wake,
            long_wait=self.options.long_wait,
        )

    async def _db(self, func: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Run a database (or composing) call on the sender's worker thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._io, partial(func, *args, **kwargs))

    # -- lifecycle -------------------------------------------------------------------

    def wake(self) -> None:
        """New alerts were enqueued in this process: look now instead of at the next poll."""
        self._wake.set()

    def stop(self) -> None:
        """Ask :meth:`run` to finish the messages in flight and return."""
        self._stop_requested = True
        self._stopping.set()
        self._wake.set()

    @property
    def stopped(self) -> bool:
        """True once :meth:`stop` was called (a supervisor then stops restarting)."""
        return self._stop_requested

    async def run(self, ready: Callable[[], None] | None = None) -> None:
        """Deliver until :meth:`stop`; alerts left by a killed process are delivered first.

        May be called again after it failed (a supervisor restarts it); ``ready`` is
        called once the queue could be read, i.e. the sender really works.
        """
        if self._stop_requested:
            return
        self._lanes.reset()
        self._stopping.clear()
        await self._take_over()
        if ready is not None:
            ready()
        workers = [asyncio.create_task(self._worker()) for _ in range(self.options.concurrency)]
        flusher = asyncio.create_task(self._records.flush_every(self.options.flush_interval))
        try:
            await self._feed()
        finally:
            await self._shutdown(workers, flusher)

    async def _take_over(self) -> None:
        """Pick up where a previous run stopped: its alerts in flight, its recent sends
        (a restarted process does not know what its predecessor sent a moment ago), and
        Telegram's waits it was told to keep."""
        recovered = await self._db(self.outbox.recover)
        if recovered:
            log.info("Resending %d alerts that were in flight when the bot stopped.", recovered)
        now = self._wall()
        sends = await self._db(self.outbox.sent_since, now - 61.0)
        self.gate.seed(
            [(chat, is_group(chat, kind), at) for chat, kind, at in sends],
            age_of=lambda at: now - at,
        )
        await self._pauses.restore()

    async def _shutdown(self, workers: list[asyncio.Task], flusher: asyncio.Task) -> None:
        self._stopping.set()
        for _ in workers:
            self._lanes.ready.put_nowait(WAKE)  # wake idle workers so they see the stop
        _done, pending = await asyncio.wait(workers, timeout=self.options.stop_grace)
        for task in (*pending, flusher):
            task.cancel()
        await asyncio.gather(*workers, flusher, return_exceptions=True)
        await self._records.flush()
        waiting = self._lanes.drain()
        if waiting:  # claimed but never sent: back to the queue (else recover() at the next run)
            with contextlib.suppress(NewsbotError):
                await self._db(self.outbox.reschedule, waiting, due=self._wall())

    # -- Telegram's waits, for the replies to commands (bot/telegram/flood_waits.py) ----

    def flood_wait(self, chat_id: int | None) -> float:
        """Seconds Telegram's known waits still forbid a message to ``chat_id``: its own
        wait, or every chat's (the gate's caution after 429s, a wait restored at a start)."""
        own = 0.0 if chat_id is None else self.gate.chat_paused_for(chat_id)
        return max(own, self.gate.paused_for)

    async def reply_told(self, chat_id: int, seconds: float) -> None:
        """A reply to ``chat_id`` was refused with a 429: its alerts wait ``seconds`` too
        (stored, as an alert's 429 is; claims skip the chat until the wait ends)."""
        await self._pauses.reply_told(seconds, chat_id=chat_id)

    # -- feeding ---------------------------------------------------------------------

    async def _feed(self) -> None:
        failed = 0  # polls failed in a row
        while not self._stopping.is_set():
            await self._pauses.forget_passed()
            items, failed = await self._poll(failed)
            for item in items:
                self._lanes.add(item)
            if len(items) == self.options.batch_size:
                await asyncio.sleep(0)
                continue
            self.gate.forget_idle()
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.options.idle_poll)

    async def _poll(self, failed: int) -> tuple[list[OutboxItem], int]:
        """The rows claimed now, and the polls failed in a row (``failed`` before this
        one). The database busy for a while fails a poll every ``idle_poll``: the first
        failure of a streak is a warning, the next ones debug, and a line says how many
        failed once the queue reads again."""
        try:
            items = await self._claim()
        except NewsbotError as err:  # e.g. the database stayed busy: try again soon
            level = logging.DEBUG if failed else logging.WARNING
            log.log(level, "Could not read the alert queue (%s); retrying.", err)
            return [], failed + 1
        if failed:
            log.info("The alert queue was read again after %d failed polls.", failed)
        return items, 0

    async def _claim(self) -> list[OutboxItem]:
        room = self.options.max_held - self._lanes.held
        if room <= 0:
            return []
        await self._records.flush()  # the claim and the records share one connection: keep it short
        limit = min(room, self.options.batch_size)
        return await self._db(self.outbox.claim, limit=limit, now=self._wall())

    # -- working ---------------------------------------------------------------------

    async def _worker(self) -> None:
        while not self._stopping.is_set():
            chat_id = await self._lanes.ready.get()
            if self._stopping.is_set():
                return
            lane = self._lanes.pending(chat_id)
            if not lane:
                self._lanes.settle(chat_id)
                continue
            try:
                await self._serve(chat_id, lane)
            except Exception:  # one bad row must not stop every other chat's alerts
                log.exception("Could not deliver alerts to chat %s; they will be retried.", chat_id)
                retry = self._lanes.take(chat_id, tuple(i.id for i in lane))
                with contextlib.suppress(NewsbotError):  # else recover() at the next start
                    await self._db(
                        self.outbox.reschedule,
                        [i.id for i in retry],
                        due=self._wall() + 60,
                        count_attempt=True,
                    )
            self._requeue(chat_id)

    def _requeue(self, chat_id: int) -> None:
        head = self._lanes.settle(chat_id)
        if head is None:
            return
        group = is_group(chat_id, head.chat_type)
        delay = self.gate.chat_ready_at(chat_id, group=group) - self.gate.now()
        if self.gate.chat_paused_for(chat_id) > self.options.long_wait:
            delay = 0.0  # rows claimed as the chat was told to wait long: given up in _serve
        loop = asyncio.get_running_loop()
        loop.call_later(max(0.0, delay), self._lanes.ready.put_nowait, chat_id)

    async def _serve(self, chat_id: int, lane: list[OutboxItem]) -> None:
        paused = self.gate.chat_paused_for(chat_id)
        if paused > self.options.long_wait:  # no worker waits out a chat's long 429
            await self._outcomes.postpone(chat_id, [], due=self._wall() + paused)
            return
        delivery = await self._db(self.composer.next_delivery, lane, now=self._wall())
        if delivery is None:
            return
        items = self._lanes.take(chat_id, delivery.ids)
        if delivery.kind == "repeat":  # copies of stories the chat had: no message
            return await self._outcomes.repeated(delivery.ids)
        group = is_group(chat_id, items[0].chat_type)
        try:
            await self._courier.deliver(chat_id, items, delivery, group=group)
        except Exception:
            self._lanes.restore(chat_id, items)  # retried with the rest (see _worker)
            raise
