"""Fault queue, Telegram-like rate limits and the call log of the Bot API adapter.

Timestamps are ``time.monotonic()`` seconds. On Linux that clock is system-wide
(CLOCK_MONOTONIC), so a test process can compare them with its own monotonic clock.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Any

# getUpdates and getMe are never matched by a fault without an explicit method,
# so "fail the next call" means the next call the bot makes on purpose.
IMPLICITLY_SKIPPED = frozenset({"getUpdates", "getMe"})
SEND_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendAudio",
        "sendVideo",
        "sendAnimation",
        "sendVoice",
        "sendSticker",
        "sendMediaGroup",
        "sendLocation",
        "sendPoll",
        "copyMessage",
        "forwardMessage",
    }
)
DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: can't parse entities",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request",
    429: "Too Many Requests: retry after {retry_after}",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


@dataclass
class Fault:
    """One injected failure; see tests/emulator/README.md for the JSON form."""

    method: str | None = None
    chat_id: int | str | None = None
    status: int | None = None
    description: str | None = None
    retry_after: int | None = None
    migrate_to_chat_id: int | None = None
    drop: str | None = None  # "before": no processing; "after": processed, answer lost
    delay_ms: int = 0
    times: int = 1  # -1: until cleared
    skip: int = 0  # let this many matching calls through first
    hits: int = 0

    def matches(self, method: str, chat_id: int | str | None) -> bool:
        if self.method is None and method in IMPLICITLY_SKIPPED:
            return False
        if self.method is not None and self.method != method:
            return False
        return self.chat_id is None or str(self.chat_id) == str(chat_id)

    def error_body(self) -> dict[str, Any]:
        status = self.status or 500
        template = self.description or DEFAULT_DESCRIPTIONS.get(status, "Internal Server Error")
        body: dict[str, Any] = {
            "ok": False,
            "error_code": status,
            "description": template.format(retry_after=self.retry_after or 1),
        }
        params: dict[str, int] = {}
        if status == 429:
            params["retry_after"] = self.retry_after or 1
        if self.migrate_to_chat_id is not None:
            params["migrate_to_chat_id"] = self.migrate_to_chat_id
        if params:
            body["parameters"] = params
        return body


@dataclass
class FaultQueue:
    """Faults in the order they were added; the first matching one fires."""

    faults: list[Fault] = field(default_factory=list)

    def add(self, specs: list[dict[str, Any]]) -> None:
        allowed = set(Fault.__dataclass_fields__) - {"hits"}
        for spec in specs:
            unknown = set(spec) - allowed
            if unknown:
                raise ValueError(f"unknown fault fields: {sorted(unknown)}")
            if spec.get("drop") not in (None, "before", "after"):
                raise ValueError("drop must be 'before' or 'after'")
            self.faults.append(Fault(**spec))

    def take(self, method: str, chat_id: int | str | None) -> Fault | None:
        for fault in self.faults:
            if not fault.matches(method, chat_id):
                continue
            if fault.skip > 0:
                fault.skip -= 1
                return None
            fault.hits += 1
            if fault.times > 0:
                fault.times -= 1
                if fault.times == 0:
                    self.faults.remove(fault)
            return fault
        return None

    def describe(self) -> list[dict[str, Any]]:
        return [asdict(fault) for fault in self.faults]


@dataclass
class RateLimits:
    """Telegram's documented limits; a send over any of them is answered 429."""

    per_chat_per_s: int = 1
    group_per_min: int = 20
    global_per_s: int = 30


@dataclass
class RateLimiter:
    """Sliding windows over accepted sends, as Telegram applies them."""

    limits: RateLimits
    _global: deque[float] = field(default_factory=deque)
    _chats: dict[str, deque[float]] = field(default_factory=dict)

    def retry_after(self, chat_id: int | str | None, now: float) -> int | None:
        """Seconds to wait if a send to ``chat_id`` now would break a limit, else None."""
        windows = [(self._global, 1.0, self.limits.global_per_s)]
        if chat_id is not None:
            chat = self._chats.setdefault(str(chat_id), deque())
            group = str(chat_id).startswith("-")
            if group:
                windows.append((chat, 60.0, self.limits.group_per_min))
            windows.append((chat, 1.0, self.limits.per_chat_per_s))
        wait = 0.0
        for stamps, span, limit in windows:
            recent = [s for s in stamps if s > now - span]
            if len(recent) >= limit:
                wait = max(wait, recent[-limit] + span - now)
        return max(1, math.ceil(wait)) if wait > 0 else None

    def record(self, chat_id: int | str | None, now: float) -> None:
        self._global.append(now)
        while self._global and self._global[0] <= now - 1.0:
            self._global.popleft()
        if chat_id is not None:
            stamps = self._chats.setdefault(str(chat_id), deque())
            stamps.append(now)
            while stamps and stamps[0] <= now - 60.0:
                stamps.popleft()


@dataclass
class CallLog:
    """Every Bot API call the bot made: one dict per call, in arrival order."""

    entries: list[dict[str, Any]] = field(default_factory=list)

    def add(self, **entry: Any) -> None:
        entry["seq"] = len(self.entries)
        self.entries.append(entry)

    def query(self, params: dict[str, str]) -> list[dict[str, Any]]:
        """Filter by method (comma list), chat_id, outcome and since (seq)."""
        methods = set(params["method"].split(",")) if params.get("method") else None
        since = int(params.get("since", 0))
        chat = params.get("chat_id")
        outcome = params.get("outcome")
        return [
            e
            for e in self.entries[since:]
            if (methods is None or e["method"] in methods)
            and (chat is None or str(e.get("chat_id")) == chat)
            and (outcome is None or e["outcome"] == outcome)
        ]
