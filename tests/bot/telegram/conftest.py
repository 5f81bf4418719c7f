"""Offline bot harness: the real Application, real SQLite, and the in-process Bot API fake.

Updates are fed to ``application.process_update``; every Bot API call lands in
:class:`bot.telegram.fake_api.FakeBotApi` (the same fake the terminal chat renders),
which answers like Telegram and keeps the payloads.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.telegram.fake_api import FakeBotApi

BOT = {"id": 4242, "is_bot": True, "first_name": "News", "username": "newsbot_test_bot"}
USER = 11
ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-spoiler",
    "span",
    "tg-emoji",
}
_TAG = re.compile(r'<(/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>')
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});")


def telegram_html_problems(text: str) -> list[str]:
    """Why ``text`` would not parse as Telegram HTML (empty list = fine).

    Only Telegram's tags, properly nested; every ``<``, ``>`` and ``&`` outside
    a tag is escaped; at most 4,096 UTF-16 units.
    """
    problems: list[str] = []
    if len(text.encode("utf-16-le")) // 2 > 4096:
        problems.append("longer than 4096")
    stack: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "<":
            match = _TAG.match(text, i)
            if not match or match.group(2) not in ALLOWED_TAGS:
                return [*problems, f"bad tag at {i}: {text[i : i + 30]!r}"]
            closing, name = match.group(1), match.group(2)
            if closing:
                if not stack or stack.pop() != name:
                    return [*problems, f"misnested </{name}> at {i}"]
            else:
                stack.append(name)
            i = match.end()
        elif ch == "&":
            match = _ENTITY.match(text, i)
            if not match:
                return [*problems, f"unescaped & at {i}: {text[i : i + 20]!r}"]
            i = match.end()
        elif ch == ">":
            return [*problems, f"unescaped > at {i}"]
        else:
            i += 1
    if stack:
        problems.append(f"unclosed tags {stack}")
    return problems


class Harness:
    """Feeds updates to the application and reads back what the bot sent."""

    def __init__(self, application: Any, request: FakeBotApi, store: Any) -> None:
        self.app = application
        self.request = request
        self.store = store
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)

    async def send(
        self,
        text: str,
        *,
        chat: int = USER,
        user: int = USER,
        chat_type: str = "private",
        edited: bool = False,
        **extra: Any,
    ) -> list[str]:
        """Send a message (``extra``: more Message fields); returns the bot's reply texts."""
        chat_obj: dict[str, Any] = {"id": chat, "type": chat_type}
        chat_obj.update({"first_name": "Ann"} if chat_type == "private" else {"title": "Group"})
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat_obj,
            "from": {"id": user, "is_bot": False, "first_name": "Ann"},
            "text": text,
        }
        message.update(extra)
        if text.startswith("/"):
            length = len(text.split(maxsplit=1)[0]) if text.split() else 1
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        key = "edited_message" if edited else "message"
        if edited:
            message["edit_date"] = int(time.time())
        return await self._feed({key: message})

    async def press(
        self,
        data: str,
        *,
        chat: int = USER,
        user: int = USER,
        chat_type: str = "private",
        message_id: int = 1,
        **message: Any,
    ) -> list[str]:
        """Press an inline button (``message``: more fields of the message it is under);
        returns the texts the bot sent or edited."""
        chat_obj = {"id": chat, "type": chat_type, "title": "Group"}
        query = {
            "id": str(next(self._update_ids)),
            "chat_instance": "x",
            "data": data,
            "from": {"id": user, "is_bot": False, "first_name": "Ann"},
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": chat_obj,
                "from": BOT,
                "text": "old",
                **message,
            },
        }
        return await self._feed({"callback_query": query})

    async def _feed(self, payload: dict[str, Any]) -> list[str]:
        start = len(self.request.calls)
        update = Update.de_json({"update_id": next(self._update_ids), **payload}, self.app.bot)
        await self.app.process_update(update)
        return [
            str(params["text"])
            for name, params in self.request.calls[start:]
            if name in ("sendMessage", "editMessageText")
        ]

    def last(self, name: str) -> dict[str, Any]:
        """The most recent payload of a Bot API method."""
        return self.request.of(name)[-1]

    def buttons(self, params: dict[str, Any]) -> list[tuple[str, str]]:
        """(label, callback data) of every button in a sent message."""
        markup = params.get("reply_markup") or {}
        return [
            (b["text"], b.get("callback_data", ""))
            for row in markup.get("inline_keyboard", [])
            for b in row
        ]


MakeHarness = Callable[..., Awaitable[Harness]]


def build_offline(
    path: Path, *, store_kwargs: dict[str, Any] | None = None, **overrides: Any
) -> tuple[Any, FakeBotApi, Any]:
    """The bot on a new database holding the shipped sample page, talking to a FakeBotApi."""
    from bot.config import Config
    from bot.ingest.ingestor import Ingestor
    from bot.sample import load_seed_article
    from bot.services.registry import CompanyRegistry
    from bot.telegram.application import build_application
    from storage import open_store

    store = open_store(path, **(store_kwargs or {}))
    with Ingestor(store=store, companies=CompanyRegistry(store)) as ingestor:
        load_seed_article(ingestor)
    request = FakeBotApi(bot_user=BOT)
    application = build_application(Config(**overrides), store=store, request=request)
    return application, request, store


@pytest.fixture
async def make_harness(tmp_path: Path) -> AsyncIterator[MakeHarness]:
    """An async factory: ``await make_harness(**config_overrides, store_kwargs={...})``."""
    made: list[tuple[Any, Any]] = []

    async def make(*, store_kwargs: dict[str, Any] | None = None, **overrides: Any) -> Harness:
        application, request, store = build_offline(
            tmp_path / f"bot{len(made)}.db",
            store_kwargs=store_kwargs,
            **{"command_limit": 1000, **overrides},
        )
        await application.initialize()
        made.append((application, store))
        return Harness(application, request, store)

    yield make
    from bot.telegram.application import release

    for application, store in made:
        await application.shutdown()
        release(application)
        store.close()


@pytest.fixture
async def bot(make_harness: MakeHarness) -> Harness:
    """A harness with default settings on a seeded database."""
    return await make_harness()


@pytest.fixture
def html_problems() -> Callable[[str], list[str]]:
    """The Telegram HTML checker."""
    return telegram_html_problems
