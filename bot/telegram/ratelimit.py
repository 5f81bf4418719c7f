"""Command rate limit: a token bucket per private chat, or per member in a group.

A chat may send ``limit`` commands at once and then one every
``window / limit`` seconds. The first command over the limit is answered
with how long to wait; further ones are ignored until the wait is over, so a
flood of commands never turns into a flood of replies.
"""

from __future__ import annotations

import time
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

_KEY = "ratelimit"


@dataclass(frozen=True, slots=True)
class Verdict:
    """Outcome of one command: allowed, or refused (``warn`` only for the first refusal)."""

    allowed: bool
    retry_after: float = 0.0
    warn: bool = False


@dataclass(frozen=True, slots=True)
class CommandRateLimit:
    """``limit`` commands per ``window`` seconds per chat."""

    limit: int
    window: float
    clock: Callable[[], float] = field(default=time.monotonic, compare=False)

    def check(self, chat_data: MutableMapping[str, Any], *, key: str = _KEY) -> Verdict:
        """Spend one token from the bucket ``key`` (the chat's, or one member's in a group);
        buckets live in ``chat_data``."""
        now = self.clock()
        rate = self.limit / self.window
        tokens, last, warned = chat_data.get(key, (float(self.limit), now, False))
        tokens = min(float(self.limit), tokens + (now - last) * rate)
        if tokens >= 1.0:
            chat_data[key] = (tokens - 1.0, now, False)
            return Verdict(allowed=True)
        chat_data[key] = (tokens, now, True)
        return Verdict(allowed=False, retry_after=(1.0 - tokens) / rate, warn=not warned)
