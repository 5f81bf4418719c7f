"""What the adapter remembers between calls: chats, the bot's messages, what users saw.

telegram-test-api keeps user updates and bot messages in its own RAM store; the adapter
keeps the extra facts Telegram would know and the emulator does not (chat types, the
current text of edited messages, group admins) plus a per-chat feed of everything the
bot showed the user, which the test helpers long-poll.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

BOT_USER = {"id": 666, "is_bot": True, "first_name": "Test First name", "username": "TestNameBot"}


def chat_object(chat_id: int | str) -> dict[str, Any]:
    """A Telegram Chat for an id the adapter has not seen from a user yet."""
    number = int(chat_id)
    if number < 0:
        kind = "supergroup" if str(number).startswith("-100") else "group"
        return {"id": number, "type": kind, "title": f"Group {number}"}
    return {"id": number, "type": "private", "first_name": f"User{number}"}


@dataclass
class Seen:
    """The feed of what the bot did in each chat (sent, edited, answered, deleted)."""

    events: list[dict[str, Any]] = field(default_factory=list)
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def add(self, **event: Any) -> None:
        event["seq"] = len(self.events)
        event["t"] = time.monotonic()
        self.events.append(event)
        async with self.changed:
            self.changed.notify_all()

    def after(self, chat_id: str | None, seq: int) -> list[dict[str, Any]]:
        return [
            e for e in self.events[seq + 1 :] if chat_id is None or str(e.get("chat_id")) == chat_id
        ]

    async def wait(self, chat_id: str | None, seq: int, timeout: float) -> list[dict[str, Any]]:
        """Events after ``seq`` for the chat, waiting up to ``timeout`` s for the first one."""
        deadline = time.monotonic() + timeout
        async with self.changed:
            while not (found := self.after(chat_id, seq)):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                try:
                    await asyncio.wait_for(self.changed.wait(), left)
                except TimeoutError:
                    break
        return found


@dataclass
class BotState:
    """Everything per emulator instance; :meth:`reset` clears it between tests."""

    chats: dict[str, dict[str, Any]] = field(default_factory=dict)
    messages: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    admins: dict[str, set[int]] = field(default_factory=dict)
    callbacks: dict[str, int] = field(default_factory=dict)  # callback id -> chat id
    buffers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # token -> updates
    update_ids: dict[str, int] = field(default_factory=dict)  # token -> last update_id
    polls: dict[str, int] = field(default_factory=dict)  # token -> newest getUpdates
    arrivals: dict[str, asyncio.Event] = field(default_factory=dict)  # token -> new update
    seen: Seen = field(default_factory=Seen)
    gone: dict[str, tuple[int, str, dict[str, int]]] = field(default_factory=dict)
    local_message_id: int = 10_000_000

    def chat(self, chat_id: int | str) -> dict[str, Any]:
        return self.chats.get(str(chat_id)) or chat_object(chat_id)

    def arrival(self, token: str) -> asyncio.Event:
        return self.arrivals.setdefault(token, asyncio.Event())

    def remember(self, chat_id: int | str, message: dict[str, Any]) -> None:
        self.messages[(str(chat_id), int(message["message_id"]))] = message

    def message(self, chat_id: int | str, message_id: int | str) -> dict[str, Any] | None:
        try:
            return self.messages.get((str(chat_id), int(message_id)))
        except (TypeError, ValueError):
            return None

    def next_local_id(self) -> int:
        self.local_message_id += 1
        return self.local_message_id

    def is_admin(self, chat_id: int | str, user_id: int) -> bool:
        return int(user_id) in self.admins.get(str(chat_id), set())

    def note_update(self, update: dict[str, Any]) -> None:
        """Remember what an injected update means for later sends, as Telegram would."""
        change = update.get("my_chat_member")
        if change:
            chat = change["chat"]
            status = change["new_chat_member"]["status"]
            if status in ("kicked", "left"):
                self.gone[str(chat["id"])] = (403, _gone_reason(chat["type"], status), {})
            else:
                self.gone.pop(str(chat["id"]), None)
        message = update.get("message") or {}
        if message.get("migrate_to_chat_id"):
            self.gone[str(message["chat"]["id"])] = (
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": int(message["migrate_to_chat_id"])},
            )


def _gone_reason(chat_type: str, status: str) -> str:
    if chat_type == "private":
        return "Forbidden: bot was blocked by the user"
    kind = "supergroup chat" if chat_type == "supergroup" else "group chat"
    if status == "kicked":
        return f"Forbidden: bot was kicked from the {kind}"
    return f"Forbidden: bot is not a member of the {kind}"
