"""Telegram's 429 waits: held by the rate gate, and written to SQLite so a restart keeps them.

A bot restarted (a crash, a deploy) during an hour-long flood wait must not send at once:
Telegram answers 429 again and may lengthen the ban. Each wait the gate takes on is
stored (``storage/outbox/floods.py``) for its chat, and the wait of every chat after
429s in a row (see :meth:`RateGate.pause`); a starting sender gives the gate the waits
not over yet, and the feeder deletes them once they are over.
"""

from __future__ import annotations

import contextlib
import heapq
import logging
from collections.abc import Callable

from bot.alerts.limits import RateGate
from bot.alerts.records import Runner
from storage.outbox.floods import FloodWaits
from summarizer.errors import NewsbotError

log = logging.getLogger(__name__)

# A starting sender waits one second before its first send anyway (RateGate.seed).
_RESTART_WAIT = 1.0


class Pauses:
    """Applies Telegram's waits to the gate and keeps them (on the sender's thread)."""

    def __init__(
        self, *, gate: RateGate, waits: FloodWaits, run: Runner, wall: Callable[[], float]
    ) -> None:
        self.gate = gate
        self.waits = waits
        self._run = run
        self._wall = wall
        self._ends: list[float] = []  # when the stored waits end (a heap, wall time)

    async def told(self, seconds: float, *, chat_id: int, granted: float | None = None) -> float:
        """Telegram answered a send to ``chat_id`` (granted by the gate at ``granted``)
        with 429 and ``retry_after=seconds``. Returns when (wall time) the chat may get its
        next message. Every other chat waits a while too (see :meth:`RateGate.pause`),
        stored when longer than the second a restart waits anyway."""
        everyone = self.gate.pause(seconds, chat_id=chat_id, granted=granted)
        if everyone > _RESTART_WAIT:
            await self._hold(None, everyone)
        return await self._hold(chat_id, seconds)

    async def reply_told(self, seconds: float, *, chat_id: int) -> None:
        """Telegram answered a reply to ``chat_id`` (a command's, sent outside the gate)
        with 429: the chat's alerts wait as long, and the wait is stored as its own."""
        self.gate.hold_chat(chat_id, seconds + self.gate.limits.margin)
        await self._hold(chat_id, seconds)

    async def _hold(self, chat_id: int | None, seconds: float) -> float:
        """Store a wait of ``seconds`` from now for ``chat_id`` (None: every chat); returns
        its end (wall time)."""
        now = self._wall()
        until = now + seconds + self.gate.limits.margin
        await self._keep(self.waits.hold, chat_id, until=until, now=now)
        return until

    async def _keep(self, write: Callable[..., None], *args: object, **kwargs: float) -> None:
        """Store a wait (the gate holds it still if that fails: only a restart forgets)."""
        try:
            await self._run(write, *args, **kwargs)
        except NewsbotError as err:
            log.warning("Could not save Telegram's wait (%s).", err)
        else:
            heapq.heappush(self._ends, kwargs["until"])

    async def restore(self) -> None:
        """Give the gate the waits of a previous run that are not over yet."""
        now = self._wall()
        waits = await self._run(self.waits.current, now=now)
        if not waits:
            return
        self.gate.resume({chat: until - now for chat, until in waits.items()})
        for until in waits.values():
            heapq.heappush(self._ends, until)
        everyone = waits.get(None)
        log.warning(
            "Honouring Telegram's flood waits from before the restart: %s.",
            f"no alert for {everyone - now:.0f}s"
            if everyone is not None
            else f"{len(waits)} chat(s) wait up to {max(waits.values()) - now:.0f}s",
        )

    async def forget_passed(self) -> None:
        """Delete the stored waits that are over (the feeder calls this as it polls)."""
        now = self._wall()
        if not self._ends or self._ends[0] > now:
            return
        while self._ends and self._ends[0] <= now:
            heapq.heappop(self._ends)
        with contextlib.suppress(NewsbotError):  # else deleted at the next wait or start
            await self._run(self.waits.clear, now=now)
