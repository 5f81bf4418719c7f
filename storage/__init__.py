"""Every line of newsbot's SQL: schema, migrations and table-level repositories.

>>> store = open_store("/tmp/newsbot.db")       # doctest: +SKIP
>>> store.subscriptions.add(chat_id, store.companies.add_custom("Xiaomi"))  # doctest: +SKIP
"""

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
