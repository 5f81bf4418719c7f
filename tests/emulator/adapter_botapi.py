"""Bot API methods as PTB 22 expects them, on top of telegram-test-api 4.2.1.

Each public coroutine ``<method>(token, params)`` returns the ``result`` of a successful
call or raises :class:`ApiError` with Telegram's status and description. Methods the
emulator implements are forwarded to it and their answers repaired; the ones it lacks
are answered here (see README.md for the list of fixes).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from adapter_html import EntityError, check_message_text, check_reply_markup
from adapter_state import BOT_USER, BotState

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup"
    " are exactly the same as a current content and reply markup of the message"
)
TRUE_METHODS = frozenset(
    {
        "sendChatAction",
        "setMyDescription",
        "setMyShortDescription",
        "setMyName",
        "setChatMenuButton",
        "setMyDefaultAdministratorRights",
        "logOut",
        "close",
        "setWebhook",
        "leaveChat",
        "setMessageReaction",
    }
)


class ApiError(Exception):
    """A Bot API error answer: HTTP status plus Telegram's JSON body."""

    def __init__(self, status: int, description: str, **parameters: int) -> None:
        super().__init__(description)
        self.status = status
        self.body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            self.body["parameters"] = parameters


@dataclass
class Settings:
    """Switches a test can flip through POST /_config."""

    forward_sends: bool = True  # False: sendMessage answered here, for throughput runs
    validate: bool = True  # HTML entities, 4096 characters, callback_data bytes


def public(message: dict[str, Any]) -> dict[str, Any]:
    """The stored message without the adapter's private ``_`` keys."""
    return {k: v for k, v in message.items() if not k.startswith("_")}


def _inline(markup: Any) -> dict[str, Any] | None:
    return markup if isinstance(markup, dict) and "inline_keyboard" in markup else None


@dataclass
class BotApi:
    """The Bot API surface the bot talks to."""

    upstream: str
    session: aiohttp.ClientSession
    state: BotState
    settings: Settings = field(default_factory=Settings)
    commands: dict[str, list[Any]] = field(default_factory=dict)

    async def node(self, token: str, method: str, payload: dict[str, Any]) -> Any:
        """Call the emulator's own Bot API route and return its ``result``."""
        url = f"{self.upstream}/bot{token}/{method}"
        async with self.session.post(url, json=payload) as response:
            body = await response.json(content_type=None)
        if response.status != 200 or not body.get("ok"):
            raise ApiError(502, f"Bad Gateway: emulator answered {response.status}")
        return body.get("result")

    def _checked_text(self, params: dict[str, Any]) -> str:
        text = params.get("text")
        if not self.settings.validate:
            return str(text or "")
        try:
            check_reply_markup(params.get("reply_markup"))
            return check_message_text(text, params.get("parse_mode"))
        except EntityError as err:
            raise ApiError(400, str(err)) from err

    async def getMe(self, token: str, params: dict[str, Any]) -> Any:
        me = await self.node(token, "getMe", {})
        # The emulator omits is_bot, which PTB's User requires.
        return {
            **BOT_USER,
            **me,
            "is_bot": True,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def sendMessage(self, token: str, params: dict[str, Any]) -> Any:
        chat_id = params.get("chat_id")
        if chat_id in (None, ""):
            raise ApiError(400, "Bad Request: chat_id is empty")
        visible = self._checked_text(params)
        markup = _inline(params.get("reply_markup"))
        if self.settings.forward_sends:
            sent = await self.node(
                token,
                "sendMessage",
                {
                    "chat_id": chat_id,
                    "text": params.get("text"),
                    "parse_mode": params.get("parse_mode"),
                    "reply_markup": markup,
                },
            )
            message_id = int(sent["message_id"])
        else:
            message_id = self.state.next_local_id()
        # The emulator answers with the date in milliseconds and a fake private chat.
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self.state.chat(chat_id),
            "from": BOT_USER,
            "text": visible,
        }
        if markup:
            message["reply_markup"] = markup
        self.state.remember(
            chat_id,
            {**message, "_raw": params.get("text"), "_parse_mode": params.get("parse_mode")},
        )
        await self.state.seen.add(
            kind="message",
            chat_id=chat_id,
            message_id=message_id,
            text=params.get("text"),
            parse_mode=params.get("parse_mode"),
            reply_markup=markup,
        )
        return message

    async def _edit(self, token: str, params: dict[str, Any], *, text: bool) -> Any:
        if params.get("inline_message_id"):
            return True
        chat_id, message_id = params.get("chat_id"), params.get("message_id")
        stored = self.state.message(chat_id, message_id) if chat_id is not None else None
        if stored is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = _inline(params.get("reply_markup"))
        raw = params.get("text") if text else stored["_raw"]
        mode = params.get("parse_mode") if text else stored["_parse_mode"]
        visible = self._checked_text({**params, "text": raw, "parse_mode": mode})
        if raw == stored["_raw"] and markup == stored.get("reply_markup"):
            raise ApiError(400, NOT_MODIFIED)
        if self.settings.forward_sends:
            method = "editMessageText" if text else "editMessageReplyMarkup"
            await self.node(
                token,
                method,
                {"chat_id": chat_id, "message_id": message_id, "text": raw, "reply_markup": markup},
            )
        updated = {**public(stored), "text": visible, "edit_date": int(time.time())}
        updated.pop("reply_markup", None)
        if markup:
            updated["reply_markup"] = markup
        self.state.remember(chat_id, {**updated, "_raw": raw, "_parse_mode": mode})
        await self.state.seen.add(
            kind="edit",
            chat_id=chat_id,
            message_id=int(message_id),
            text=raw,
            parse_mode=mode,
            reply_markup=markup,
        )
        # The emulator answers null; Telegram answers the edited Message.
        return updated

    async def editMessageText(self, token: str, params: dict[str, Any]) -> Any:
        return await self._edit(token, params, text=True)

    async def editMessageReplyMarkup(self, token: str, params: dict[str, Any]) -> Any:
        return await self._edit(token, params, text=False)

    async def answerCallbackQuery(self, token: str, params: dict[str, Any]) -> Any:
        query_id = str(params.get("callback_query_id"))
        chat_id = self.state.callbacks.pop(query_id, None)
        if chat_id is None:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        await self.state.seen.add(
            kind="answer",
            chat_id=chat_id,
            callback_query_id=query_id,
            text=params.get("text"),
            show_alert=params.get("show_alert"),
        )
        return True

    async def deleteMessage(self, token: str, params: dict[str, Any]) -> Any:
        chat_id, message_id = params.get("chat_id"), params.get("message_id")
        if self.state.message(chat_id, message_id) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        del self.state.messages[(str(chat_id), int(message_id))]
        await self.state.seen.add(kind="delete", chat_id=chat_id, message_id=int(message_id))
        return True

    async def setMyCommands(self, token: str, params: dict[str, Any]) -> Any:
        self.commands[token] = list(params.get("commands") or [])
        return True

    async def deleteMyCommands(self, token: str, params: dict[str, Any]) -> Any:
        self.commands.pop(token, None)
        return True

    async def getMyCommands(self, token: str, params: dict[str, Any]) -> Any:
        return self.commands.get(token, [])

    def _member(self, chat_id: Any, user_id: Any) -> dict[str, Any]:
        user = {"id": int(user_id), "is_bot": False, "first_name": f"User{user_id}"}
        if str(chat_id) == str(user_id) or self.state.is_admin(chat_id, int(user_id)):
            return {"status": "creator", "user": user, "is_anonymous": False}
        return {"status": "member", "user": user}

    async def getChatMember(self, token: str, params: dict[str, Any]) -> Any:
        return self._member(params.get("chat_id"), params.get("user_id"))

    async def getChatAdministrators(self, token: str, params: dict[str, Any]) -> Any:
        chat_id = params.get("chat_id")
        return [self._member(chat_id, uid) for uid in self.state.admins.get(str(chat_id), ())]

    async def getChat(self, token: str, params: dict[str, Any]) -> Any:
        chat = self.state.chat(params.get("chat_id"))
        return {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def getWebhookInfo(self, token: str, params: dict[str, Any]) -> Any:
        pending = len(self.state.buffers.get(token, []))
        return {"url": "", "has_custom_certificate": False, "pending_update_count": pending}

    async def deleteWebhook(self, token: str, params: dict[str, Any]) -> Any:
        if params.get("drop_pending_updates"):
            await self.pull(token)
            self.state.buffers[token] = []
        return True

    async def getUpdates(self, token: str, params: dict[str, Any]) -> Any:
        """Long polling with offset confirmation, which the emulator lacks."""
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 50.0)
        arrival = self.state.arrival(token)
        # Telegram ends an older pending getUpdates when a newer one arrives (two instances).
        generation = self.state.polls[token] = self.state.polls.get(token, 0) + 1
        arrival.set()
        await asyncio.sleep(0)
        while True:
            if self.state.polls[token] != generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure"
                    " that only one bot instance is running",
                )
            arrival.clear()
            buffer = await self._pending(token, offset)
            left = deadline - time.monotonic()
            if buffer or left <= 0:
                return buffer[:limit]
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(arrival.wait(), left)

    async def _pending(self, token: str, offset: int) -> list[dict[str, Any]]:
        # Telegram keeps updates until a later offset confirms them; the emulator forgets
        # them once fetched, so the adapter keeps them until confirmed.
        buffer = self.state.buffers.setdefault(token, [])
        buffer[:] = [u for u in buffer if u["update_id"] >= offset]
        await self.pull(token)
        return list(buffer)

    async def pull(self, token: str) -> None:
        """Move the emulator's new updates for ``token`` into the adapter's buffer."""
        fresh = await self.node(token, "getUpdates", {})
        for update in fresh or []:
            self.add_update(token, self._repair(update))

    def add_update(self, token: str, update: dict[str, Any]) -> None:
        """Buffer an update under the adapter's own update_id sequence for ``token``.

        Renumbering lets tests inject update types the emulator cannot store
        (my_chat_member, edited_message, ...) in order with the emulator's ones.
        """
        update_id = self.state.update_ids.get(token, 0) + 1
        self.state.update_ids[token] = update_id
        self.state.buffers.setdefault(token, []).append({**update, "update_id": update_id})
        self.state.arrival(token).set()

    def _repair(self, update: dict[str, Any]) -> dict[str, Any]:
        if "message" in update:
            update["message"].pop("botToken", None)
        query = update.get("callback_query")
        if query:
            # The emulator's callback updates lack chat_instance, which PTB requires.
            chat_id = query["message"]["chat"]["id"]
            query.setdefault("chat_instance", f"ci{chat_id}")
            self.state.callbacks[str(query["id"])] = chat_id
        return update

    def handler(self, method: str) -> Any:
        """The coroutine answering ``method``, or None for a 404 like Telegram's."""
        if method in TRUE_METHODS:
            return self._true
        found = getattr(self, method, None) if method[:1].islower() else None
        return found if method in _METHODS else None

    async def _true(self, token: str, params: dict[str, Any]) -> Any:
        return True


_METHODS = frozenset(
    name
    for name, value in vars(BotApi).items()
    if name[:1].islower() and name != "node" and inspect.iscoroutinefunction(value)
)
