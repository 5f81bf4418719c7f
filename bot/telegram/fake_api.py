"""A Bot API stand-in inside the process: the terminal chat and the offline tests share it.

:class:`FakeBotApi` plugs into python-telegram-bot as its HTTP layer. It answers every
call the way Telegram does (a message object for sendMessage and editMessageText, a
member for getChatMember, ...), answers getUpdates with nothing (updates are handed to the
application directly: ``application.update_queue`` or ``process_update``), and records
every call. The terminal chat renders
the recorded calls as they happen (``on_call``); tests read them back (``calls``, ``of``).
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections.abc import Callable
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_USER: dict[str, Any] = {
    "id": 100,
    "is_bot": True,
    "first_name": "newsbot",
    "username": "newsbot_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
_ADMIN_RIGHTS = {
    "can_be_edited": False,
    "can_manage_chat": True,
    "can_change_info": True,
    "can_delete_messages": True,
    "can_invite_users": True,
    "can_restrict_members": True,
    "can_pin_messages": True,
    "can_promote_members": False,
    "can_manage_video_chats": True,
    "is_anonymous": False,
    "can_post_stories": True,
    "can_edit_stories": True,
    "can_delete_stories": True,
}
Call = tuple[str, dict[str, Any]]
# Called after each answered call with (method, parameters, result).
Observer = Callable[[str, dict[str, Any], Any], None]


def plain(text: str) -> str:
    """What a user reads of Telegram HTML: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


class FakeBotApi(BaseRequest):
    """Answers Bot API calls like Telegram and records them.

    ``admins``: (chat id, user id) pairs getChatMember reports as administrators
    (``owners`` as the creator). ``fail_next[method] = n`` answers the next n calls
    of ``method`` with a 502, as a flaky Telegram would.
    """

    def __init__(
        self, *, bot_user: dict[str, Any] | None = None, on_call: Observer | None = None
    ) -> None:
        self.bot_user = bot_user or BOT_USER
        self.on_call = on_call
        self.calls: list[Call] = []
        self.admins: set[tuple[int, int]] = set()
        self.owners: set[tuple[int, int]] = set()
        self.fail_next: dict[str, int] = {}
        self.commands: list[dict[str, Any]] = []
        self._message_ids = itertools.count(1000)

    @property
    def read_timeout(self) -> float | None:
        """No network, so no read timeout."""
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def next_message_id(self) -> int:
        """A fresh message id (shared by the bot's and the user's messages)."""
        return next(self._message_ids)

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:
        """Record the call and answer it (or fail it, when scripted to)."""
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        if name == "getUpdates":  # long polling with nothing to deliver
            await asyncio.sleep(min(float(str(params.get("timeout") or 0)), 1.0))
            return 200, b'{"ok": true, "result": []}'
        self.calls.append((name, params))
        if self.fail_next.get(name):
            self.fail_next[name] -= 1
            return 502, json.dumps(
                {"ok": False, "error_code": 502, "description": "Bad Gateway"}
            ).encode()
        result = self.answer(name, params)
        if self.on_call is not None:
            self.on_call(name, params, result)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def answer(self, name: str, params: dict[str, Any]) -> Any:
        """Telegram's result for one call."""
        if name == "getMe":
            return self.bot_user
        if name in ("sendMessage", "editMessageText", "editMessageReplyMarkup"):
            return self._message(params)
        if name == "getChatMember":
            return self._member(int(params["chat_id"]), int(params["user_id"]))
        if name == "getChat":
            return {
                "id": params["chat_id"],
                "type": "private",
                "first_name": "You",
                "accent_color_id": 0,
                "max_reaction_count": 0,
            }
        if name == "setMyCommands":
            self.commands = list(params.get("commands") or [])
        if name == "getMyCommands":
            return self.commands
        return True

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = {"id": params.get("chat_id"), "type": "private"}
        return {
            "message_id": params.get("message_id") or self.next_message_id(),
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user,
            "text": plain(str(params.get("text", ""))),
        }

    def _member(self, chat_id: int, user_id: int) -> dict[str, Any]:
        user = {"id": user_id, "is_bot": False, "first_name": "U"}
        if (chat_id, user_id) in self.owners:
            return {"status": "creator", "user": user, "is_anonymous": False}
        if (chat_id, user_id) in self.admins:
            return {"status": "administrator", "user": user, **_ADMIN_RIGHTS}
        return {"status": "member", "user": user}

    def of(self, name: str) -> list[dict[str, Any]]:
        """Payloads of every call to the method ``name``."""
        return [params for method, params in self.calls if method == name]
