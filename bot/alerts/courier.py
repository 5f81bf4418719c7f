"""One composed message, from the rate gate to Telegram's final answer.

The :class:`Courier` waits for the :class:`RateGate`, checks right before the send that
the chat still wants the alerts, sends, and reads Telegram's answer: 429 wait and resend
(a long wait: the chat is given up until it ends), 403 chat gone, 400
plain text or General topic, ``ChatMigrated``, timeouts with backoff, an edit replaced by
a new message (the rules: ``bot/alerts/README.md``). What the answer does to the rows is
written by :class:`~bot.alerts.outcomes.Outcomes`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from telegram import Message
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.alerts.compose import Composer, Delivery
from bot.alerts.limits import RateGate
from bot.alerts.messenger import Messenger
from bot.alerts.options import GONE, TOPIC_GONE, item_topic, retry_seconds
from bot.alerts.outcomes import Outcomes
from bot.alerts.pauses import Pauses
from bot.alerts.records import Runner
from storage.outbox import Outbox
from storage.outbox.queries import OutboxItem
from storage.settings import stored_settings


@dataclass(slots=True)
class _Try:
    """How the next send of one message goes out (each 400 may change one of these)."""

    chat_id: int
    delivery: Delivery
    html: bool
    topic: int | None
    granted: float | None = None  # when the gate let the latest send go (its clock)


class Courier:
    """Sends one chat's composed message until Telegram's answer settles its alerts."""

    def __init__(
        self,
        *,
        messenger: Messenger,
        gate: RateGate,
        composer: Composer,
        outbox: Outbox,
        outcomes: Outcomes,
        pauses: Pauses,
        run: Runner,
        wall: Callable[[], float],
        wake: Callable[[], None],
        long_wait: float,
    ) -> None:
        self.messenger = messenger
        self.gate = gate
        self.composer = composer
        self.outbox = outbox
        self._outcomes = outcomes
        self.stats = outcomes.stats
        self._pauses = pauses  # a 429 holds the gate, also across a restart
        self._db = run
        self._wall = wall
        self._wake = wake  # rows went back to the queue: the feeder should look now
        self._long_wait = long_wait  # a 429 longer than this: give the chat up

    async def deliver(
        self, chat_id: int, items: list[OutboxItem], delivery: Delivery, *, group: bool
    ) -> None:
        """Send ``delivery`` (covering ``items``) and record what became of it."""
        ids = [i.id for i in items]
        attempt = _Try(chat_id, delivery, html=True, topic=item_topic(items[0]))
        while True:
            result = await self._attempt(attempt, items, group=group)
            if result is None:  # withdrawn, or given up for a long wait (see _attempt)
                return
            if isinstance(result, Message | bool):
                sent = attempt.delivery
                message_id = sent.edit_message_id or getattr(result, "message_id", None)
                return await self._outcomes.delivered(ids, message_id, sent.note)
            if isinstance(result, RetryAfter):
                if await self._given_up(attempt, items, result):
                    return
            elif isinstance(result, ChatMigrated):
                new_id = int(result.new_chat_id)
                attempt.chat_id = await self._outcomes.migrate(attempt.chat_id, new_id)
            elif isinstance(result, Forbidden):
                return await self._outcomes.gone(attempt.chat_id, str(result))
            elif isinstance(result, BadRequest):
                if not await self._rejected(attempt, items, str(result).lower(), str(result)):
                    return
            elif isinstance(result, NetworkError):  # timeouts, dropped connections, 5xx
                return await self._outcomes.retry_later(items, str(result))
            else:
                return await self._outcomes.failed(ids, str(result))

    async def _given_up(self, attempt: _Try, items: list[OutboxItem], err: RetryAfter) -> bool:
        """A 429: the wait is kept (the gate, the table). True when it is long, so the
        chat was given up until it ends (its rows back in the queue, the worker free for
        other chats); False to send again once allowed (a short wait)."""
        self.stats["retry_after"] += 1
        seconds = retry_seconds(err)
        chat_id = attempt.chat_id
        until = await self._pauses.told(seconds, chat_id=chat_id, granted=attempt.granted)
        if seconds <= self._long_wait:
            return False
        await self._outcomes.postpone(chat_id, items, due=until)
        return True

    async def _rejected(
        self, attempt: _Try, items: list[OutboxItem], text: str, description: str
    ) -> bool:
        """A 400: True when the message should go again in another form (plain text, the
        General topic, a new message instead of an edit); False once its rows are settled."""
        if attempt.html and "parse" in text and "entit" in text:
            attempt.html = False  # Telegram rejected our HTML: the words still get through
            return True
        if attempt.topic is not None and any(marker in text for marker in TOPIC_GONE):
            await self._outcomes.topic_gone(attempt.chat_id, attempt.topic, text)
            attempt.topic = None  # this message goes to the General topic instead
            return True
        if attempt.delivery.edit_message_id is not None:
            # The earlier alert is gone or too old to edit: send this copy on its own.
            attempt.delivery = await self._db(self.composer.standalone, items)
            return True
        if any(marker in text for marker in GONE):
            await self._outcomes.gone(attempt.chat_id, description)
        else:
            await self._outcomes.failed([i.id for i in items], description)
        return False

    async def _attempt(
        self, attempt: _Try, items: list[OutboxItem], *, group: bool
    ) -> Message | bool | TelegramError | None:
        """Telegram's answer to one send, or None when the alerts were settled without
        one while they waited for their turn: withdrawn, or given up as a reply's 429 made
        the chat wait long (no worker sleeps through it: rows back to the queue)."""
        chat_id = attempt.chat_id
        granted = attempt.granted = await self._turn(chat_id, items, group=group)
        if granted is None:
            return None
        sent = False
        try:
            if await self._withdrawn(items):
                return None
            sent = True
            answer = await self.messenger.send(
                chat_id,
                attempt.delivery,
                html=attempt.html,
                topic=attempt.topic,
                silent=self._silent(attempt.delivery, items),
            )
            self.gate.accepted(granted)  # the bot as a whole is not limited
            return answer
        except TelegramError as err:
            return err
        finally:  # whatever happened (a busy database, a stop): the slot is given back
            if sent:
                self.gate.done(chat_id, group=group)
            else:
                self.gate.release()

    def _silent(self, delivery: Delivery, items: list[OutboxItem]) -> bool:
        """Whether the message goes out without a sound: sent (now, after any wait for its
        turn) in the chat's quiet hours. A digest rings: the chat asked for it at its hour."""
        if delivery.kind == "digest":
            return False
        moment = datetime.fromtimestamp(self._wall(), UTC)
        return stored_settings(items[0].settings).quiet_at(moment)

    async def _turn(self, chat_id: int, items: list[OutboxItem], *, group: bool) -> float | None:
        """The gate's grant for the next send to ``chat_id`` (see :meth:`RateGate.acquire`),
        or None once the chat was given up: a reply's 429 made it wait long while the
        message waited for its turn. No worker sleeps through that (nothing one chat does
        may stall the others): the rows go back to the queue, as for an alert's long 429."""
        # A pause of a short wait is Telegram's seconds plus the gate's margin: still short.
        patience = self._long_wait + self.gate.limits.margin
        granted = await self.gate.acquire(chat_id, group=group, patience=patience)
        if granted is None:
            due = self._wall() + self.gate.chat_paused_for(chat_id)
            await self._outcomes.postpone(chat_id, items, due=due)
        return granted

    async def _withdrawn(self, items: list[OutboxItem]) -> bool:
        """Whether the chat stopped wanting these alerts since they were claimed: checked
        right before each send, as a claimed alert may wait seconds for a group's turn or
        a 429 pause, and /unsubscribe or /stop must hold from the moment they answer.
        Alerts of the message still wanted go back to the queue and are composed anew
        (an alert handed to another company of the story is focused on that one)."""
        current = await self._db(self.outbox.claimed_companies, [i.id for i in items])
        if all(current.get(i.id) == i.company_id for i in items):
            return False
        self.stats["withdrawn"] += 1
        if current:
            await self._db(self.outbox.reschedule, list(current), due=self._wall())
            self._wake()
        return True
