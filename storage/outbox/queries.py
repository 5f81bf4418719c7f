"""Reading the alert outbox: claimed rows' details, what was sent lately, what waits.

``OutboxItem`` is one alert as the sender sees it. ``OutboxDelivery`` (``delivery.py``)
and ``Outbox`` (``table.py``) add the writes that move a row through its life.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storage.db import Database, guarded, json_ids


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A claimed alert with what the sender needs to format it (not the article body)."""

    id: int
    chat_id: int
    chat_type: str | None
    settings: str
    article_id: int
    company_id: int
    company: str
    mode: str
    created: float
    attempts: int
    title: str
    url: str | None
    source: str | None
    # The forum topic the chat gave this company's alerts (/subscribe in a topic); None:
    # the chat's own choice (``bot.alerts.options.item_topic`` resolves it).
    topic: int | None = None
    published: str | None = None  # the article's own date (ISO), when known


# What an ``OutboxItem`` is read from, in its fields' order: claims and recent alerts
# add their own WHERE (constants only; values stay parameters).
ITEM_SELECT = """
SELECT o.id, o.chat_id, c.type, c.settings, o.article_id, o.company_id, co.name, o.mode,
       o.created, o.attempts, a.title, a.url, a.source, s.topic, a.published"""
ITEM_JOINS = """
FROM outbox AS o
JOIN chats AS c ON c.id = o.chat_id
JOIN companies AS co ON co.id = o.company_id
JOIN articles AS a ON a.id = o.article_id
LEFT JOIN subscriptions AS s ON s.chat_id = o.chat_id AND s.company_id = o.company_id
"""


class OutboxQueries:
    """The read side of the ``outbox`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def article_text(self, article_id: int) -> tuple[str, str] | None:
        """(title, body) of an article, for summaries and near-duplicate checks."""
        row = self.db.conn.execute(
            "SELECT title, body FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return (row[0], row[1]) if row else None

    @guarded
    def recent_alerts(self, chat_id: int, *, since: float) -> list[tuple[OutboxItem, int]]:
        """(alert, Telegram message id) of alerts sent to the chat as an alert message
        since ``since`` (copies merged into one too), oldest first."""
        rows = self.db.conn.execute(
            f"""{ITEM_SELECT}, o.message_id {ITEM_JOINS}
            WHERE o.chat_id = ? AND o.status = 'sent' AND o.mode = 'instant'
              AND o.message_id IS NOT NULL AND o.sent >= ?
              AND (o.error IS NULL OR o.error = 'merged')
            ORDER BY o.id
            """,
            [chat_id, since],
        ).fetchall()
        return [(OutboxItem(*row[:15]), int(row[15])) for row in rows]

    @guarded
    def sent_articles(self, chat_id: int, *, since: float) -> list[int]:
        """Articles the chat was sent since ``since``, in any message (an alert, a digest,
        a catch-up), oldest first: a later copy of one is no news for its digest."""
        rows = self.db.conn.execute(
            "SELECT article_id FROM outbox WHERE chat_id = ? AND status = 'sent' "
            "AND sent >= ? ORDER BY sent",
            [chat_id, since],
        ).fetchall()
        return [int(row[0]) for row in rows]

    @guarded
    def claimed_companies(self, ids: list[int]) -> dict[int, int]:
        """{row id: company id} of these rows that are still claimed ('sending'). A row the
        chat stopped wanting since it was claimed (/unsubscribe, /stop) is missing, one
        handed to another company of the same story has that company."""
        rows = self.db.conn.execute(
            "SELECT id, company_id FROM outbox WHERE status = 'sending' "
            "AND id IN (SELECT value FROM json_each(?))",
            [json_ids(ids)],
        ).fetchall()
        return {int(row[0]): int(row[1]) for row in rows}

    @guarded
    def sent_since(self, since: float) -> list[tuple[int, str | None, float]]:
        """(chat id, chat type, sent time) of every message recorded since ``since``."""
        rows = self.db.conn.execute(
            "SELECT o.chat_id, c.type, MAX(o.sent) FROM outbox AS o "
            "JOIN chats AS c ON c.id = o.chat_id "
            "WHERE o.status = 'sent' AND o.sent >= ? GROUP BY o.chat_id, o.message_id",
            [since],
        ).fetchall()
        return [(int(r[0]), r[1], float(r[2])) for r in rows]

    @guarded
    def held_chats(self) -> list[tuple[int, str, float]]:
        """(chat id, settings JSON, oldest waiting alert time) of chats with digest alerts."""
        rows = self.db.conn.execute(
            "SELECT o.chat_id, c.settings, MIN(o.created) FROM outbox AS o "
            "JOIN chats AS c ON c.id = o.chat_id "
            "WHERE o.status = 'held' AND c.active = 1 GROUP BY o.chat_id"
        ).fetchall()
        return [(int(r[0]), str(r[1]), float(r[2])) for r in rows]

    @guarded
    def counts(self) -> dict[str, int]:
        """How many alerts are in each status."""
        rows = self.db.conn.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status")
        return {str(status): int(n) for status, n in rows.fetchall()}

    @guarded
    def rows(self, *, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Every alert row (for reports and tests), oldest first."""
        where = "chat_id = ?" if chat_id is not None else None
        args = [chat_id] if chat_id is not None else None
        return list(self.db.table("outbox").rows_where(where, args, order_by="id"))
