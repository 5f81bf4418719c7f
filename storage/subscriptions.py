"""Which chat follows which company."""

from __future__ import annotations

from storage.db import Database, guarded, utc_now
from summarizer.errors import InputError


class Subscriptions:
    """The ``subscriptions`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def add(self, chat_id: int, company_id: int) -> bool:
        """Follow a company; False when the chat already followed it.

        An unknown chat is created on the way (active, default settings).
        """
        now = utc_now()
        with self.db.transaction():
            known = self.db.execute("SELECT 1 FROM companies WHERE id = ?", [company_id])
            if known.fetchone() is None:
                raise InputError("That company is no longer known; please look it up again.")
            self.db.execute(
                "INSERT INTO chats (id, active, created, updated) VALUES (?, 1, ?, ?) "
                "ON CONFLICT(id) DO NOTHING",
                [chat_id, now, now],
            )
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO subscriptions (chat_id, company_id, created) "
                "VALUES (?, ?, ?)",
                [chat_id, company_id, now],
            )
            return cursor.rowcount > 0

    @guarded
    def remove(self, chat_id: int, company_id: int) -> bool:
        """Stop following; False when the chat did not follow the company."""
        with self.db.transaction():
            cursor = self.db.execute(
                "DELETE FROM subscriptions WHERE chat_id = ? AND company_id = ?",
                [chat_id, company_id],
            )
            return cursor.rowcount > 0

    @guarded
    def for_chat(self, chat_id: int) -> list[tuple[int, str]]:
        """(company id, name) pairs the chat follows, by name."""
        rows = self.db.execute(
            """
            SELECT c.id, c.name FROM subscriptions s JOIN companies c ON c.id = s.company_id
            WHERE s.chat_id = ? ORDER BY c.name COLLATE NOCASE
            """,
            [chat_id],
        ).fetchall()
        return [(int(row[0]), str(row[1])) for row in rows]

    @guarded
    def is_subscribed(self, chat_id: int, company_id: int) -> bool:
        """True when the chat follows the company."""
        row = self.db.execute(
            "SELECT 1 FROM subscriptions WHERE chat_id = ? AND company_id = ?",
            [chat_id, company_id],
        ).fetchone()
        return row is not None

    @guarded
    def count(self, chat_id: int) -> int:
        """How many companies the chat follows."""
        row = self.db.execute(
            "SELECT COUNT(*) FROM subscriptions WHERE chat_id = ?", [chat_id]
        ).fetchone()
        return int(row[0])

    @guarded
    def remove_all(self, chat_id: int) -> int:
        """Unfollow everything; returns how many subscriptions were removed."""
        with self.db.transaction():
            return self.db.execute(
                "DELETE FROM subscriptions WHERE chat_id = ?", [chat_id]
            ).rowcount

    @guarded
    def subscriber_count(self, company_id: int) -> int:
        """How many active chats follow the company."""
        row = self.db.execute(
            """
            SELECT COUNT(*) FROM subscriptions s JOIN chats ch ON ch.id = s.chat_id
            WHERE s.company_id = ? AND ch.active = 1
            """,
            [company_id],
        ).fetchone()
        return int(row[0])

    @guarded
    def subscribers(self, company_id: int) -> list[int]:
        """Ids of the active chats that follow the company."""
        rows = self.db.execute(
            """
            SELECT s.chat_id FROM subscriptions s JOIN chats ch ON ch.id = s.chat_id
            WHERE s.company_id = ? AND ch.active = 1 ORDER BY s.created, s.chat_id
            """,
            [company_id],
        ).fetchall()
        return [int(row[0]) for row in rows]

    @guarded
    def followed_company_ids(self) -> list[int]:
        """Companies at least one active chat follows (for alert fan-out and polling)."""
        rows = self.db.execute(
            """
            SELECT DISTINCT s.company_id FROM subscriptions s JOIN chats ch ON ch.id = s.chat_id
            WHERE ch.active = 1 ORDER BY s.company_id
            """
        ).fetchall()
        return [int(row[0]) for row in rows]
