"""Every line of newsbot's SQL: schema, migrations and table-level repositories.

>>> store = open_store("/tmp/newsbot.db")       # doctest: +SKIP
>>> store.subscriptions.add(chat_id, store.companies.add_custom("Xiaomi"))  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.articles import Articles
    from storage.articles.queries import StoredArticle
    from storage.chats import Chat, Chats
    from storage.companies import Companies, Company
    from storage.db import Database
    from storage.lifecycle import ChatLifecycle
    from storage.migrations import STEPS, Step, latest_version
    from storage.normalize import canonical_url, content_hash, fts_query
    from storage.settings import ChatSettings
    from storage.store import Store, open_store
    from storage.subscriptions import Subscriptions

# Where each name lives, imported on first use: a pure helper such as
# ``storage.normalize.site_name`` (used by ``summarize --batch``) must not load
# sqlite-utils and the company matcher, a quarter of a second at start-up.
_HOMES = {
    "Articles": "storage.articles",
    "Chat": "storage.chats",
    "ChatLifecycle": "storage.lifecycle",
    "ChatSettings": "storage.settings",
    "Chats": "storage.chats",
    "Companies": "storage.companies",
    "Company": "storage.companies",
    "Database": "storage.db",
    "STEPS": "storage.migrations",
    "Step": "storage.migrations",
    "Store": "storage.store",
    "StoredArticle": "storage.articles.queries",
    "Subscriptions": "storage.subscriptions",
    "canonical_url": "storage.normalize",
    "content_hash": "storage.normalize",
    "fts_query": "storage.normalize",
    "latest_version": "storage.migrations",
    "open_store": "storage.store",
}


if not TYPE_CHECKING:  # type checkers read the imports above, and flag a misspelt name

    def __getattr__(name: str) -> object:
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module 'storage' has no attribute {name!r}")
        return getattr(importlib.import_module(home), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "STEPS",
    "Articles",
    "Chat",
    "ChatLifecycle",
    "ChatSettings",
    "Chats",
    "Companies",
    "Company",
    "Database",
    "Step",
    "Store",
    "StoredArticle",
    "Subscriptions",
    "canonical_url",
    "content_hash",
    "fts_query",
    "latest_version",
    "open_store",
]
