"""Keep background work alive: restart it with backoff after any failure, log it once.

The alert sender and the feed poller run for the bot's whole life. A failure (the
database busy, locked or read-only at start-up, a bug) must neither kill them
silently nor flood the log: the first failure of a streak is logged with its
traceback, later ones in the same streak only at debug level, and a recovery is
logged once. The pause between restarts doubles from ``base`` up to ``cap`` seconds.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Restart pauses: ``base``, 2x``base``, ... up to ``cap`` seconds; a run that lasted
    ``healthy_after`` seconds ends the failure streak."""

    base: float = 1.0
    cap: float = 60.0
    healthy_after: float = 30.0

    def delay(self, failures: int) -> float:
        """The pause after the ``failures``-th failure in a row."""
        return min(self.cap, self.base * 2 ** max(0, failures - 1))


class Streak:
    """Counts failures in a row and decides what to log (once per streak)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.failures = 0

    def failed(self, err: BaseException) -> None:
        """Record a failure; only the first of a streak is logged at warning level."""
        self.failures += 1
        if self.failures == 1:
            log.warning(
                "%s failed (%s); restarting it with backoff.", self.name, _brief(err), exc_info=err
            )
        else:
            log.debug("%s failed again (%d in a row): %s", self.name, self.failures, _brief(err))

    def recovered(self) -> None:
        """The work ran fine again: end the streak (and say so once)."""
        if self.failures:
            log.warning("%s is running again after %d failed attempts.", self.name, self.failures)
        self.failures = 0


def _brief(err: BaseException) -> str:
    return str(err) or type(err).__name__


async def supervise(
    name: str,
    run: Callable[[Callable[[], None]], Awaitable[None]],
    *,
    stopped: Callable[[], bool],
    backoff: Backoff | None = None,
) -> None:
    """Run ``run(ready)`` until ``stopped()``; restart it after it fails or returns early.

    ``run`` calls ``ready()`` once it works (started, or one round done), which ends a
    failure streak. Cancelling this coroutine stops the work at once (cancellation is
    never treated as a failure).
    """
    backoff = backoff or Backoff()
    streak = Streak(name)
    while not stopped():
        started = time.monotonic()
        try:
            await run(streak.recovered)
        except asyncio.CancelledError:
            raise
        except Exception as err:  # anything at all: the point is that nothing dies silently
            if time.monotonic() - started >= backoff.healthy_after:
                streak.recovered()  # it ran well for a while: this is a new streak
            streak.failed(err)
        else:
            if stopped():
                return
            streak.failed(RuntimeError(f"{name} stopped unexpectedly"))
        await _pause(backoff.delay(streak.failures), stopped)


async def _pause(seconds: float, stopped: Callable[[], bool]) -> None:
    """Sleep ``seconds``, but notice a stop within a fifth of a second."""
    until = time.monotonic() + seconds
    while not stopped():
        left = until - time.monotonic()
        if left <= 0:
            return
        await asyncio.sleep(min(0.2, left))
