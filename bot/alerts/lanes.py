"""Per-chat queues of claimed alerts ("lanes") for the alert sender.

Each chat's claimed rows wait in its own lane; a chat is on the ready queue at most once,
so one worker serves a chat at a time and a slow or rate-limited chat never holds up the
others. ``held`` counts every row waiting in a lane, which caps how much is claimed.
"""

from __future__ import annotations

import asyncio
from collections import deque

from storage.outbox.queries import OutboxItem

# Put on the ready queue to wake idle workers at shutdown; no real chat has id 0.
WAKE = 0


def is_group(chat_id: int, chat_type: str | None) -> bool:
    """True for group chats (their own, slower Telegram limit); negative ids are groups too."""
    return chat_type in ("group", "supergroup") or chat_id < 0


class Lanes:
    """The claimed alerts per chat, and the queue of chats ready to be served."""

    def __init__(self) -> None:
        self._lanes: dict[int, deque[OutboxItem]] = {}
        self._scheduled: set[int] = set()
        self.ready: asyncio.Queue[int] = asyncio.Queue()
        self.held = 0

    def reset(self) -> None:
        """Forget everything: a failed run may have left lanes and wake-up sentinels."""
        self._lanes.clear()
        self._scheduled.clear()
        self.ready = asyncio.Queue()
        self.held = 0

    def add(self, item: OutboxItem) -> None:
        """Queue a claimed row behind its chat's others; schedule the chat if it was idle."""
        self._lanes.setdefault(item.chat_id, deque()).append(item)
        self.held += 1
        self._schedule(item.chat_id)

    def pending(self, chat_id: int) -> list[OutboxItem]:
        """The rows waiting for one chat, oldest first (empty once served)."""
        return list(self._lanes.get(chat_id, ()))

    def take(self, chat_id: int, ids: tuple[int, ...]) -> list[OutboxItem]:
        """Remove and return the chat's rows with these ids (the ones about to be sent)."""
        lane = self._lanes.get(chat_id, deque())
        wanted = set(ids)
        taken = [i for i in lane if i.id in wanted]
        self._lanes[chat_id] = deque(i for i in lane if i.id not in wanted)
        self.held -= len(taken)
        return taken

    def restore(self, chat_id: int, items: list[OutboxItem]) -> None:
        """Put rows :meth:`take` removed back at the front of the chat's lane: their
        delivery failed (a busy database), so they are retried; rows already recorded
        as sent are left alone by the retry."""
        self._lanes.setdefault(chat_id, deque()).extendleft(reversed(items))
        self.held += len(items)

    def settle(self, chat_id: int) -> OutboxItem | None:
        """After serving a chat: its next waiting row, or None (the chat is then idle)."""
        lane = self._lanes.get(chat_id)
        if lane:
            return lane[0]
        self._lanes.pop(chat_id, None)
        self._scheduled.discard(chat_id)
        return None

    def move(self, old_id: int, new_id: int) -> None:
        """A group became a supergroup: its waiting rows now belong to the new chat id."""
        lane = self._lanes.pop(old_id, deque())
        if lane:
            self._lanes.setdefault(new_id, deque()).extend(lane)
            self._scheduled.discard(old_id)
            self._schedule(new_id)

    def drop(self, chat_id: int) -> int:
        """Forget a chat's waiting rows (the chat is gone); returns how many."""
        lane = self._lanes.pop(chat_id, deque())
        self.held -= len(lane)
        return len(lane)

    def drain(self) -> list[int]:
        """Empty every lane; the ids of the rows that were claimed but never sent."""
        waiting = [item.id for lane in self._lanes.values() for item in lane]
        self._lanes.clear()
        self._scheduled.clear()
        return waiting

    def _schedule(self, chat_id: int) -> None:
        if chat_id not in self._scheduled:
            self._scheduled.add(chat_id)
            self.ready.put_nowait(chat_id)
