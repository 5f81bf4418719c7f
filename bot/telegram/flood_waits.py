"""Telegram's flood control (429 ``RetryAfter``) for the bot's replies to commands and buttons.

Every request the handlers make (a reply, an edit, a button's answer) passes through
:class:`ReplyFloodWaits`, PTB's rate-limiter hook, so the handlers stay thin:

* A **short** wait (up to ``long_wait``, the alert sender's own bound, 5 s): the request
  is sent again once, after the wait. The handler is still running, so only that chat's
  later updates wait (``bot/telegram/updates.py`` serves each chat in order); every
  other chat goes on. A few seconds late, the answer still answers what was asked.
* A **long** wait: the request is dropped (an answer an hour late answers nothing) and
  the ``RetryAfter`` reaches ``on_error``, which logs it once.
* Either way the alert sender is told (the same per-chat wait, kept in ``flood_waits``,
  as a 429 on an alert makes), so that chat's alerts do not hit the same wall.
* A request to a chat that the sender knows must wait long (its own wait, or the bot's
  as a whole, also one stored before a restart) is not attempted: it would be refused,
  and Telegram may lengthen a wait it sees ignored. Shorter waits the sender knows are not
  waited for in advance (most are its one-second caution after another chat's 429): the
  request goes, and a refusal is waited out as above.

In the terminal chat the alerts share the application's bot and so this hook; its
in-process Bot API never answers 429.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import math
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.alerts.options import SenderOptions, retry_seconds

log = logging.getLogger(__name__)
#: Short and long mean what they mean for alerts: one bound for a chat's alerts and replies.
_SENDER = SenderOptions()
#: Slack added to Telegram's wait before sending again (network and event-loop jitter).
MARGIN = 0.05


class AlertWaits(Protocol):
    """What replies need of the alert sender (:class:`~bot.alerts.sender.AlertSender`)."""

    def flood_wait(self, chat_id: int | None) -> float:
        """Seconds Telegram's known waits still forbid a message to ``chat_id``."""
        ...

    async def reply_told(self, chat_id: int, seconds: float) -> None:
        """A reply to ``chat_id`` was refused with ``retry_after=seconds``."""
        ...


class ReplyFloodWaits(BaseRateLimiter[None]):
    """Waits out a short 429 once, drops a request on a long one; tells the alert sender."""

    def __init__(
        self,
        alerts: Callable[[], AlertWaits | None],
        *,
        long_wait: float = _SENDER.long_wait,
    ) -> None:
        # The running sender, looked up at each request: None before the jobs start
        # (and in tests that run no jobs), so nothing is known and nothing is told.
        self._alerts = alerts
        self.long_wait = long_wait

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Make the request; a short 429 is waited out and the request made once more."""
        chat = _chat_of(data)
        alerts = self._alerts()
        known = alerts.flood_wait(chat) if alerts is not None else 0.0
        if known > self.long_wait:
            raise RetryAfter(dtm.timedelta(seconds=math.ceil(known)))
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as err:
            seconds = retry_seconds(err)
            if seconds > self.long_wait:
                await self._tell(chat, seconds)
                raise
        log.info("Telegram asked for %.0fs before %s to chat %s.", seconds, endpoint, chat)
        # The sender's thread may be busy a moment (composing): the wait runs meanwhile.
        await asyncio.gather(self._tell(chat, seconds), asyncio.sleep(seconds + MARGIN))
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as err:
            await self._tell(chat, retry_seconds(err))
            raise

    async def _tell(self, chat: int | None, seconds: float) -> None:
        """The alert sender learns the chat's wait (its alerts wait too)."""
        alerts = self._alerts()
        if alerts is not None and chat is not None:
            await alerts.reply_told(chat, seconds)


def _chat_of(data: dict[str, Any]) -> int | None:
    """The chat a request goes to (None: none, or a ``@username`` the sender never uses)."""
    chat = data.get("chat_id")
    return chat if isinstance(chat, int) else None
