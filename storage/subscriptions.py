"""Which chat follows which company."""

from __future__ import annotations

from storage.db import Database, guarded, json_ids, utc_now
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
            if not self.db.table("companies").count_where("id = ?", [company_id]):
                raise InputError("That company is no longer known; please look it up again.")
            self.db.table("chats").insert(
                {"id": chat_id, "active": 1, "created": now, "updated": now}, ignore=True
            )
            if self._follows(chat_id, company_id):
                return False
            self.db.table("subscriptions").insert(
                {"chat_id": chat_id, "company_id": company_id, "created": now}
            )
            return True

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
    def topics(self, chat_id: int) -> dict[int, int]:
        """{company id: forum topic} for the companies whose alerts have their own topic."""
        rows = self.db.execute(
            "SELECT company_id, topic FROM subscriptions WHERE chat_id = ? AND topic IS NOT NULL",
            [chat_id],
        ).fetchall()
        return {int(company): int(topic) for company, topic in rows}

    @guarded
    def set_topic(self, chat_id: int, company_ids: list[int], topic: int | None) -> int:
        """Send these companies' alerts to forum ``topic`` (None: the chat's choice);
        returns how many subscriptions changed topic."""
        with self.db.transaction():
            return self.db.execute(
                "UPDATE subscriptions SET topic = ? WHERE chat_id = ? AND topic IS NOT ? "
                "AND company_id IN (SELECT value FROM json_each(?))",
                [topic, chat_id, topic, json_ids(company_ids)],
            ).rowcount

    @guarded
    def clear_topics(self, chat_id: int, *, topic: int | None = None) -> int:
        """Forget the companies' own topics (only ``topic`` when given): their alerts
        follow the chat's choice again. Returns how many subscriptions changed."""
        where = "chat_id = ? AND topic IS NOT NULL" + (" AND topic = ?" if topic else "")
        args = [chat_id, topic] if topic else [chat_id]
        with self.db.transaction():
            return self.db.execute(
                f"UPDATE subscriptions SET topic = NULL WHERE {where}", args
            ).rowcount

    @guarded
    def is_subscribed(self, chat_id: int, company_id: int) -> bool:
        """True when the chat follows the company."""
        return self._follows(chat_id, company_id)

    def _follows(self, chat_id: int, company_id: int) -> bool:
        return (
            self.db.table("subscriptions").count_where(
                "chat_id = ? AND company_id = ?", [chat_id, company_id]
            )
            > 0
        )

    @guarded
    def count(self, chat_id: int) -> int:
        """How many companies the chat follows."""
        return self.db.table("subscriptions").count_where("chat_id = ?", [chat_id])

    def move_chat(self, old_id: int, new_id: int) -> None:
        """Copy the chat's subscriptions to its new id (part of a chat migration)."""
        self.db.execute(
            """
            INSERT OR IGNORE INTO subscriptions (chat_id, company_id, created, topic)
            SELECT ?, company_id, created, topic FROM subscriptions WHERE chat_id = ?
            """,
            [new_id, old_id],
        )
