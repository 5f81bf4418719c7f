"""Telegram's sending limits, enforced before every alert leaves the bot.

Sliding windows over *answered* sends (not token buckets with a burst), so no
interval of one second ever holds more than ``per_second`` messages, no chat gets two
messages less than ``chat_interval`` apart, and no group more than
``group_per_minute`` in any minute — the same way the emulator's log measures it.
``margin`` adds a little slack to every window for network and event-loop jitter.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

_UNLIMITED = 1e6
_POLL = 0.002


@dataclass(frozen=True, slots=True)
class Limits:
    """Rates for alerts; a rate of ``inf`` (or >= 1e6) lifts that limit (benchmarks)."""

    per_second: float = 25.0
    chat_interval: float = 1.0
    group_per_minute: float = 20.0
    margin: float = 0.05

    @property
    def global_window(self) -> tuple[int, float] | None:
        """(messages, seconds) of the global window, or None when unlimited."""
        if math.isinf(self.per_second) or self.per_second >= _UNLIMITED:
            return None
        if self.per_second >= 1:
            return max(1, math.floor(self.per_second)), 1.0
        return 1, 1.0 / self.per_second


# After a 429 for one chat the others wait this long: Telegram limits a chat on its own (a
# group's 20 a minute) or the bot as a whole, and its answer does not say which.
_OTHERS_WAIT = 1.0
# Each further 429 in a row (see RateGate.pause) doubles the others' wait, up to this: when
# Telegram does limit the whole bot it is asked about once a minute. The price: chats told
# to wait one after the other, with no send going through between them, hold every other
# chat for 1 + 1 + 2 + 4 ... s (3 chats: 4 s; 6: 16 s; 8: 124 s; 12: 364 s).
_MOST_CAUTION = 60.0
# Longest single sleep while waiting for the gate: a lifted pause is seen within this.
_RECHECK = 1.0


@dataclass(slots=True)
class _ChatState:
    last: float = -math.inf
    recent: deque[float] = field(default_factory=deque)
    paused_until: float = -math.inf  # this chat's own 429


class RateGate:
    """Hands out send permissions; call :meth:`acquire` right before each request."""

    def __init__(self, limits: Limits, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._window = limits.global_window
        self._sent: deque[float] = deque()
        self._chats: dict[int, _ChatState] = {}
        self._paused_until = -math.inf  # every chat: told (a restart, a stored wait)
        # Every chat, as a caution after chats' 429s (see :meth:`pause`): when the latest
        # 429 came, how many came in a row with no send going through between them, and
        # when the latest send Telegram accepted was granted.
        self._caution_until = -math.inf
        self._told_at = -math.inf
        self._refusals = 0
        self._accepted_at = -math.inf
        self._in_flight = 0
        self._lock = asyncio.Lock()
        self.waited = 0.0

    def now(self) -> float:
        """The gate's clock (monotonic seconds)."""
        return self._clock()

    def seed(
        self, sends: list[tuple[int, bool, float]], *, age_of: Callable[[float], float]
    ) -> None:
        """Remember sends of a previous run, (chat, is group, wall time), so a restart
        keeps the per-chat and per-group windows; ``age_of`` turns a wall time into an age.

        Then nobody sends for one global window: the previous run may have sent messages
        it had not recorded yet.
        """
        now = self._clock()
        for chat_id, group, wall in sorted(sends, key=lambda s: s[2]):
            at = now - age_of(wall)
            state = self._chats.setdefault(chat_id, _ChatState())
            state.last = max(state.last, at)
            if group:
                state.recent.append(at)
        self.pause(1.0)

    def pause(
        self, seconds: float, *, chat_id: int | None = None, granted: float | None = None
    ) -> float:
        """Telegram said 429 (for a send to ``chat_id``): wait ``seconds``. Returns how
        long every chat now waits (seconds from now).

        Without a chat every chat waits them all. Otherwise that chat waits them all and
        the others a while: a second, and twice as long for each further 429 in a row
        (1, 1, 2, 4 … s, at most a minute, never past ``seconds``), one send at a time
        meanwhile. In a row: made after the 429 before it, while a chat told earlier
        still waits, with nothing granted since that 429 gone through. Chats told to wait
        an hour one after the other hold themselves for the hour, and the others for the
        sum of the row's waits (three chats: 4 s; eight: about two minutes); when Telegram
        limits the bot as a whole, every send is refused, and it is asked ever less often.
        ``granted``: when :meth:`acquire` granted the send told to wait (None: unknown);
        a send already on the wire when the latest 429 came was made before anything was
        known: its 429 counts for its chat alone."""
        now = self._clock()
        margin = self.limits.margin
        if chat_id is None:
            self._paused_until = max(self._paused_until, now + seconds + margin)
            return seconds
        state = self._chats.setdefault(chat_id, _ChatState())
        state.paused_until = max(state.paused_until, now + seconds + margin)
        self._refusals = self._in_a_row(chat_id, now, granted)
        self._told_at = now
        caution = min(seconds, _MOST_CAUTION, _OTHERS_WAIT * 2 ** max(0, self._refusals - 2))
        self._caution_until = max(self._caution_until, now + caution + margin)
        return caution

    def _in_a_row(self, chat_id: int, now: float, granted: float | None) -> int:
        """How many 429s in a row a 429 for ``chat_id`` makes (see :meth:`pause`)."""
        if self._accepted_at > self._told_at:  # a send went through since the latest 429
            return 1
        if not any(
            other != chat_id and state.paused_until > now for other, state in self._chats.items()
        ):
            return 1
        if granted is not None and granted <= self._told_at:  # on the wire with that 429
            return max(1, self._refusals)
        return self._refusals + 1

    def accepted(self, granted: float) -> None:
        """Telegram accepted a send :meth:`acquire` granted at ``granted`` (its return).

        Made after the latest 429, it shows the bot as a whole is not limited: the others'
        caution ends, and the next 429 starts a new row."""
        self._accepted_at = max(self._accepted_at, granted)
        if granted > self._told_at:
            self._refusals = 0
            self._caution_until = -math.inf

    def resume(self, waits: dict[int | None, float]) -> None:
        """Pauses a previous run was told to keep, {chat, or None for every chat: seconds
        left}: restored as they were (the escalation was decided when they began)."""
        now = self._clock()
        for chat_id, left in waits.items():
            if chat_id is None:
                self._paused_until = max(self._paused_until, now + left)
            else:
                self.hold_chat(chat_id, left)
                self._told_at = now  # no send has gone through since: as if told just now

    def hold_chat(self, chat_id: int, seconds: float) -> None:
        """``chat_id`` gets nothing for ``seconds``: Telegram told a request the gate did
        not grant (a reply to a command) to wait. Nothing is inferred about the bot as a
        whole from it: the gate does not see the replies that went through."""
        state = self._chats.setdefault(chat_id, _ChatState())
        state.paused_until = max(state.paused_until, self._clock() + seconds)

    @property
    def paused_for(self) -> float:
        """Seconds every chat still waits after 429s (0 when not paused)."""
        return max(0.0, max(self._paused_until, self._caution_until) - self._clock())

    def chat_paused_for(self, chat_id: int) -> float:
        """Seconds left in this chat's own 429 pause (0 when it has none)."""
        state = self._chats.get(chat_id)
        return 0.0 if state is None else max(0.0, state.paused_until - self._clock())

    def chat_ready_at(self, chat_id: int, *, group: bool) -> float:
        """The clock time at which this chat may receive its next message."""
        state = self._chats.get(chat_id)
        if state is None:
            return -math.inf
        ready = max(state.paused_until, state.last + self.limits.chat_interval + self.limits.margin)
        per_minute = self.limits.group_per_minute
        if group and per_minute < _UNLIMITED and len(state.recent) >= per_minute:
            ready = max(ready, state.recent[-int(per_minute)] + 60.0 + self.limits.margin)
        return ready

    def _global_ready_at(self) -> float:
        ready = max(self._paused_until, self._caution_until)
        if self._refusals and self._in_flight:
            return self._clock() + _POLL  # after a 429, one send at a time until one goes through
        if self._window is not None:
            count, seconds = self._window
            room = count - self._in_flight
            if room <= 0:
                return self._clock() + _POLL  # wait for an answer, then look again
            if len(self._sent) >= room:
                ready = max(ready, self._sent[-room] + seconds + self.limits.margin)
        return ready

    async def acquire(
        self, chat_id: int, *, group: bool, patience: float = math.inf
    ) -> float | None:
        """Wait until a message to ``chat_id`` keeps every limit; pair with :meth:`done`.
        Returns the clock time of the grant (for :meth:`accepted`), or None, granting
        nothing, once the chat's own pause lasts over ``patience`` seconds while it waits
        (a reply to a command was told to wait long): the caller gives the chat up
        instead of sleeping through the wait, maybe holding the lock every send needs.

        Windows are measured from when earlier requests were *answered*: Telegram saw
        them at some moment before that, so spacing from the answer is always safe,
        however late a slow connection delivered them.
        """

        def ready_at() -> float:
            return self.chat_ready_at(chat_id, group=group)

        def too_long() -> bool:
            return self.chat_paused_for(chat_id) > patience

        if not await self._sleep_until(ready_at, too_long):
            return None
        async with self._lock:  # one send is granted at a time, in order
            if not await self._sleep_until(
                lambda: max(self._global_ready_at(), ready_at()), too_long
            ):
                return None
            self._in_flight += 1
            return self._clock()

    def release(self) -> None:
        """A send :meth:`acquire` granted was not made after all: nothing counts."""
        self._in_flight -= 1

    def done(self, chat_id: int, *, group: bool) -> None:
        """The request for ``chat_id`` was answered (or failed): it counts from now."""
        now = self._clock()
        self._in_flight -= 1
        if self._window is not None:
            self._sent.append(now)
            while len(self._sent) > self._window[0]:
                self._sent.popleft()
        state = self._chats.setdefault(chat_id, _ChatState())
        state.last = max(state.last, now)
        if group and self.limits.group_per_minute < _UNLIMITED:
            state.recent.append(now)
            while len(state.recent) > self.limits.group_per_minute:
                state.recent.popleft()

    async def _sleep_until(
        self, ready_at: Callable[[], float], give_up: Callable[[], bool]
    ) -> bool:
        """Sleep until ``ready_at()``: True then, False as soon as ``give_up()``."""
        while True:
            delay = ready_at() - self._clock()
            if delay <= 0:
                return True
            if give_up():
                return False
            # In steps: a pause that :meth:`accepted` lifts must not keep sleepers waiting,
            # and a chat's pause that grows long (a reply's 429) is seen within a step.
            step = min(delay, _RECHECK)
            self.waited += step
            await asyncio.sleep(step)

    def forget_idle(self) -> int:
        """Drop state of chats idle for over a minute (keeps memory flat); returns how many."""
        horizon = self._clock() - 60.0 - self.limits.chat_interval - 2 * self.limits.margin
        idle = [
            chat
            for chat, state in self._chats.items()
            if state.last < horizon and state.paused_until < horizon
        ]
        for chat in idle:
            del self._chats[chat]
        return len(idle)
