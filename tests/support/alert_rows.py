"""Chats, stories and checks on the outbox and the emulator's log, for the end-to-end
tests of the alert sender's waits (tests/e2e)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from storage import Store
from summarizer.article import Article
from summarizer.companies.matcher import CompanyMention

HOUR = 3600


def add_chat(store: Store, chat_id: int, company: str) -> None:
    """A private chat following ``company``."""
    store.chats.upsert(chat_id, type="private", title=f"chat {chat_id}")
    store.subscriptions.add(chat_id, store.companies.add_custom(company))


def add_article(store: Store, company: str, n: int) -> int:
    """A story about ``company`` that shares no wording with another ``n`` (not a copy)."""
    words = " ".join(f"{company.lower()}{n}w{i}" for i in range(30))
    article = Article(f"Headline {n}", (words,), url=f"https://news.example/{n}")
    mention = CompanyMention(company, 0.8, True, 3)
    article_id, _ = store.articles.add(article, companies=[mention])
    store.outbox.enqueue_for_article(article_id)
    return article_id


async def sends(emulator: Any, chat_id: int, outcome: str | None = None) -> list[dict]:
    """The emulator's log of every sendMessage to ``chat_id`` (with ``outcome`` only)."""
    log = await emulator.log(method="sendMessage", chat_id=chat_id)
    return [e for e in log if outcome is None or e["outcome"] == outcome]


def waiting(store: Store, chat_id: int) -> Callable[[], Awaitable[bool]]:
    """Whether the sender has taken on the chat's 429 (stored it as the chat's own wait)."""

    async def check() -> bool:
        return chat_id in store.outbox.flood_waits.current(now=time.time())

    return check


def given_up(store: Store, chat_id: int) -> Callable[[], Awaitable[bool]]:
    """Whether every alert of the chat not sent yet is back in the outbox, due later."""

    async def check() -> bool:
        rows = [r for r in store.outbox.rows(chat_id=chat_id) if r["status"] != "sent"]
        now = time.time()
        return bool(rows) and all(r["status"] == "pending" and r["due"] > now for r in rows)

    return check


def claimed(store: Store, chat_id: int) -> Callable[[], Awaitable[bool]]:
    """Whether the sender has claimed every alert of the chat not sent yet (they are on
    their way)."""

    async def check() -> bool:
        rows = [r for r in store.outbox.rows(chat_id=chat_id) if r["status"] != "sent"]
        return bool(rows) and all(r["status"] == "sending" for r in rows)

    return check


def delivered(emulator: Any, chat_id: int, count: int) -> Callable[[], Awaitable[bool]]:
    """Whether at least ``count`` sends to the chat went through."""

    async def check() -> bool:
        return len(await sends(emulator, chat_id, "ok")) >= count

    return check
