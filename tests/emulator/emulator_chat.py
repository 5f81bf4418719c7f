"""Acting as Telegram users in e2e tests: one :class:`ChatUser` per user and chat."""

from __future__ import annotations

import asyncio
import collections
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from emulator_harness import Emulator


@dataclass
class ChatFeed:
    """What the bot showed in one chat and nobody has read yet (shared by its users)."""

    cursor: int = -1
    pending: collections.deque[dict[str, Any]] = field(default_factory=collections.deque)


class ChatUser:
    """One user in one chat: send text, press buttons, read what the bot showed.

    Users of the same chat share its feed: a reply read by one is not seen again by another.
    """

    def __init__(
        self,
        emulator: Emulator,
        chat_id: int,
        *,
        user_id: int,
        chat: dict[str, Any],
        feed: ChatFeed,
    ) -> None:
        self.emulator = emulator
        self.chat_id = chat_id
        self.user_id = user_id
        self.chat = chat
        self.feed = feed

    def _spec(self) -> dict[str, Any]:
        return {
            "token": self.emulator.token,
            "chat_id": self.chat_id,
            "user_id": self.user_id,
            **self.chat,
        }

    async def send(self, text: str) -> float:
        """Write ``text`` (a command if it starts with "/"); returns the monotonic send time."""
        result = await self.emulator._call(
            "POST", "/_client/message", json={**self._spec(), "text": text}
        )
        return float(result["t"])

    async def press(
        self, message: dict[str, Any], data_or_label: str, *, forge: bool = False
    ) -> float:
        """Press the button of a bot message event, by callback_data or by label.

        ``forge=True`` sends the data even if no such button exists (a modified client).
        """
        rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
        buttons = [b for row in rows for b in row]
        data = next(
            (b["callback_data"] for b in buttons if b.get("text") == data_or_label), data_or_label
        )
        result = await self.emulator._call(
            "POST",
            "/_client/callback",
            json={
                **self._spec(),
                "message_id": message["message_id"],
                "data": data,
                "forge": forge,
            },
        )
        return float(result["t"])

    async def _fetch(self, timeout: float) -> None:
        events = await self.emulator.seen(self.chat_id, after=self.feed.cursor, timeout=timeout)
        if events:
            self.feed.cursor = events[-1]["seq"]
            self.feed.pending.extend(events)

    async def next(self, *kinds: str, timeout: float = 10.0) -> dict[str, Any]:
        """The next event of one of ``kinds`` (message, edit, answer, delete; all if none)."""
        deadline = time.monotonic() + timeout
        while True:
            for event in self.feed.pending:
                if not kinds or event["kind"] in kinds:
                    self.feed.pending.remove(event)
                    return event
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"chat {self.chat_id}: no {kinds or 'event'} in {timeout}s")
            await self._fetch(min(left, 5.0))

    async def reply(self, timeout: float = 10.0) -> dict[str, Any]:
        """The bot's next new message in this chat."""
        return await self.next("message", timeout=timeout)

    async def ask(self, text: str, timeout: float = 10.0) -> dict[str, Any]:
        await self.send(text)
        return await self.reply(timeout)

    async def push(self, **update: Any) -> float:
        """Deliver an update the emulator cannot make, e.g. ``push(my_chat_member={...})``."""
        result = await self.emulator._call(
            "POST", "/_client/update", json={"token": self.emulator.token, "update": update}
        )
        return float(result["t"])

    def _user_object(self) -> dict[str, Any]:
        name = self.chat.get("first_name", "Ann")
        return {"id": self.user_id, "is_bot": False, "first_name": name}

    def _chat_object(self) -> dict[str, Any]:
        if self.chat_id > 0:
            return {"id": self.chat_id, "type": "private", "first_name": "Ann"}
        kind = self.chat.get("chat_type") or (
            "supergroup" if str(self.chat_id).startswith("-100") else "group"
        )
        return {"id": self.chat_id, "type": kind, "title": self.chat.get("title", "Group")}

    async def block_bot(self, *, status: str = "kicked") -> float:
        """The user blocks the bot (private) or removes it from the group ("kicked"/"left")."""
        bot = {
            "id": 666,
            "is_bot": True,
            "first_name": "Test First name",
            "username": "TestNameBot",
        }
        new = {"status": status, "user": bot}
        if status == "kicked":
            new["until_date"] = 0
        return await self.push(
            my_chat_member={
                "chat": self._chat_object(),
                "from": self._user_object(),
                "date": int(time.time()),
                "old_chat_member": {"status": "member", "user": bot},
                "new_chat_member": new,
            }
        )

    async def migrate_to(self, new_chat_id: int) -> float:
        """The group becomes a supergroup: the service message Telegram sends in the old chat."""
        return await self.push(
            message={
                "chat": self._chat_object(),
                "from": self._user_object(),
                "migrate_to_chat_id": new_chat_id,
            }
        )

    async def quiet(self, seconds: float = 0.3) -> list[dict[str, Any]]:
        """Events that arrive within ``seconds`` (and any not yet consumed)."""
        await asyncio.sleep(seconds)
        await self._fetch(0)
        found = list(self.feed.pending)
        self.feed.pending.clear()
        return found
