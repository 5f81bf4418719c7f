"""What happens to alerts once Telegram has answered for them.

Sent: recorded (with the message id an edit can use later). Chat migrated: the chat, its
subscriptions and alerts move to the new id. Chat gone (blocked, kicked, deactivated):
the chat is marked inactive and its open alerts dropped. A long 429 for the chat: its
alerts go back to the queue until the wait ends. A network error: retried with
exponential backoff up to ``max_attempts``, then failed with the reason.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from bot.alerts.lanes import Lanes
from bot.alerts.options import SenderOptions
from bot.alerts.records import Runner, SentRecords
from storage.lifecycle import ChatLifecycle
from storage.outbox import Outbox
from storage.outbox.queries import OutboxItem
from summarizer.errors import NewsbotError

log = logging.getLogger(__name__)


class Outcomes:
    """Writes each answer's consequence to the outbox and counts it in ``stats``."""

    def __init__(
        self,
        *,
        outbox: Outbox,
        lifecycle: ChatLifecycle,
        lanes: Lanes,
        records: SentRecords,
        options: SenderOptions,
        run: Runner,
        wall: Callable[[], float],
    ) -> None:
        self.outbox = outbox
        self.lifecycle = lifecycle
        self._lanes = lanes
        self._records = records
        self.options = options
        self._db = run
        self._wall = wall
        self.stats = {
            "messages": 0,
            "alerts": 0,
            "retry_after": 0,
            "failed": 0,
            "dropped": 0,
            "withdrawn": 0,
            "postponed": 0,
        }
        # Per chat whose rows could not go back to the queue (a busy database): rounds of
        # tries failed in a row, and the rows of the latest. One warning per streak: the
        # rows stay in the lane and the chat is served again at once, round after round.
        self._busy: dict[int, tuple[int, frozenset[int]]] = {}

    async def delivered(self, ids: list[int], message_id: int | None, note: str | None) -> None:
        """The message arrived: its alerts are recorded as sent (now or at the next flush)."""
        self.stats["messages"] += 1
        self.stats["alerts"] += len(ids)
        await self._records.add(ids, message_id, note)

    async def repeated(self, ids: tuple[int, ...]) -> None:
        """Alerts left out of a digest as copies of a story the chat already had: recorded
        as sent ("repeat", no message), so nothing asks for them again."""
        await self._records.add(list(ids), None, "repeat")

    async def migrate(self, old_id: int, new_id: int) -> int:
        """The group became a supergroup: its chat, subscriptions and alerts move to ``new_id``."""
        await self._db(self.lifecycle.migrate, old_id, new_id)
        self._lanes.move(old_id, new_id)
        log.info("A group became a supergroup; its alerts now go to the new chat id.")
        return new_id

    async def gone(self, chat_id: int, reason: str) -> None:
        """The chat blocked or removed the bot: it is marked inactive, its alerts dropped."""
        dropped = await self._db(self.lifecycle.deactivate, chat_id, reason=reason)
        self._lanes.drop(chat_id)
        self.stats["dropped"] += dropped
        log.info("Chat %s is unreachable (%s); its alerts are stopped.", chat_id, reason)

    async def postpone(self, chat_id: int, items: list[OutboxItem], *, due: float) -> None:
        """Telegram made the chat wait long (a 429): the message's rows and the rest
        of its lane go back to the outbox, due when the wait ends (not an attempt), so no
        worker and no room under ``max_held`` waits with them.

        A database busy (or failing) meanwhile is retried a few times, sleeping between
        tries; should it stay so, the rows stay claimed in the chat's lane, to be handed
        back by the worker that serves the chat next, or sent once the wait is over:
        never due earlier, and no attempt counted (not the retry path of a failed send).
        The log says so once per chat, not at every round, and once more when it worked."""
        waiting = tuple(i.id for i in self._lanes.pending(chat_id))
        ids = [i.id for i in items] + list(waiting)
        err = await self._hand_back(ids, due=due)
        rounds = self._streak(chat_id, ids)
        if err is not None:
            self._lanes.restore(chat_id, items)
            self._still_busy(chat_id, ids, err, rounds=rounds + 1)
            return
        self._lanes.take(chat_id, waiting)
        self.stats["postponed"] += len(ids)
        log.info(
            "Chat %s must wait %.0fs; its %d alerts wait in the queue%s.",
            chat_id,
            due - self._wall(),
            len(ids),
            f" (the database was busy for {rounds} round(s) of tries before)" if rounds else "",
        )

    def _still_busy(self, chat_id: int, ids: list[int], err: NewsbotError, *, rounds: int) -> None:
        """A round of tries failed: the first of a streak is a warning, the next ones (a
        busy database would bring one every few seconds, per chat) are logged at debug."""
        self._busy[chat_id] = (rounds, frozenset(ids))
        log.log(
            logging.WARNING if rounds == 1 else logging.DEBUG,
            "Chat %s must wait, but its alerts could not go back to the queue (%s; "
            "round %d of tries); they stay claimed, and it is tried again.",
            chat_id,
            err,
            rounds,
        )

    def _streak(self, chat_id: int, ids: list[int]) -> int:
        """Rounds of tries that failed in a row before for these rows of the chat (0: none,
        or only for rows that since went another way); the record is forgotten."""
        rounds, before = self._busy.pop(chat_id, (0, frozenset()))
        return rounds if before.intersection(ids) else 0

    async def _hand_back(self, ids: list[int], *, due: float) -> NewsbotError | None:
        """Write ``ids`` back as pending, due at ``due``; the last error when every try failed."""
        error: NewsbotError | None = None
        for delay in (0.0, *self.options.hand_back_delays):
            await asyncio.sleep(delay)  # on the event loop: the other chats go on meanwhile
            try:
                await self._db(self.outbox.reschedule, ids, due=due)
                return None
            except NewsbotError as err:
                error = err
        return error

    async def topic_gone(self, chat_id: int, topic: int, reason: str) -> None:
        """An alert topic was deleted (forgotten: its alerts go to General from now on)
        or closed (kept: it may reopen); this message goes to General either way."""
        if "closed" not in reason:
            await self._db(self.lifecycle.forget_topic, chat_id, topic)
        log.info("Chat %s: its alert topic is unavailable (%s); sent to General.", chat_id, reason)

    async def failed(self, ids: list[int], error: str) -> None:
        """The alerts are marked failed with ``error``; they are not sent again."""
        self.stats["failed"] += len(ids)
        await self._db(self.outbox.mark_failed, ids, error=error)

    async def retry_later(self, items: list[OutboxItem], reason: str) -> None:
        """A network error: try again after a growing delay, or give up after the last attempt."""
        attempts = max(i.attempts for i in items) + 1
        ids = [i.id for i in items]
        if attempts >= self.options.max_attempts:
            return await self.failed(ids, f"Gave up after {attempts} attempts: {reason}")
        delay = min(self.options.backoff_cap, self.options.backoff_base * 2 ** (attempts - 1))
        await self._db(
            self.outbox.reschedule, ids, due=self._wall() + delay, error=reason, count_attempt=True
        )
