"""Chats and their settings: who talks to the bot, how they want their news."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from storage.db import Database, guarded, utc_now
from storage.settings import ChatSettings, muted_changes, settings_dict


@dataclass(frozen=True, slots=True)
class Chat:
    """A stored chat."""

    id: int
    type: str | None
    title: str | None
    settings: ChatSettings
    active: bool
    created: str
    updated: str


def _chat(row: dict[str, Any]) -> Chat:
    return Chat(
        id=row["id"],
        type=row["type"],
        title=row["title"],
        settings=ChatSettings.from_json(row["settings"]),
        active=bool(row["active"]),
        created=row["created"],
        updated=row["updated"],
    )


class Chats:
    """The ``chats`` table (moving or forgetting a chat: :mod:`storage.lifecycle`)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def upsert(self, chat_id: int, *, type: str | None = None, title: str | None = None) -> Chat:
        """Create or refresh a chat; a chat that talks to the bot is active again.

        A known, active chat whose type and title are unchanged is only read: no write
        lock is taken, and on a read-only database (a file the bot may not write, a disk
        gone read-only) showing it still works."""
        known = {"type": type, "title": title}
        changes = {key: value for key, value in known.items() if value is not None}
        chat = self._get(chat_id)
        if chat and chat.active and all(getattr(chat, k) == v for k, v in changes.items()):
            return chat
        now = utc_now()
        with self.db.transaction():
            table = self.db.table("chats")
            table.insert(
                {"id": chat_id, "settings": "{}", "created": now, "updated": now}, ignore=True
            )
            table.update(chat_id, {**changes, "active": 1, "updated": now})
            return self._get(chat_id)  # type: ignore[return-value]

    @guarded
    def get(self, chat_id: int) -> Chat | None:
        """The chat, or None when the bot has never seen it."""
        return self._get(chat_id)

    def _get(self, chat_id: int) -> Chat | None:
        rows = self.db.table("chats").rows_where("id = ?", [chat_id])
        return next((_chat(row) for row in rows), None)

    def _stored_settings(self, chat_id: int) -> dict[str, Any]:
        rows = self.db.table("chats").rows_where("id = ?", [chat_id], select="settings")
        return settings_dict(next((row["settings"] for row in rows), None))

    @guarded
    def settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings (defaults for an unknown chat)."""
        return ChatSettings.from_json(json.dumps(self._stored_settings(chat_id)))

    @guarded
    def update_settings(self, chat_id: int, **changes: Any) -> ChatSettings:
        """Validate and save changed settings; creates the chat if needed.

        Only values a user chose are stored, so later changes to defaults still reach them.
        """
        with self.db.transaction():
            stored = self._stored_settings(chat_id)
            current = ChatSettings.from_json(json.dumps(stored))
            changes = muted_changes(current.mute, changes)
            new = current.updated(**changes)
            stored.update({key: getattr(new, key) for key in changes})
            now = utc_now()
            table = self.db.table("chats")
            table.insert(
                {"id": chat_id, "settings": "{}", "active": 1, "created": now, "updated": now},
                ignore=True,
            )
            table.update(chat_id, {"settings": json.dumps(stored, sort_keys=True), "updated": now})
            return new

    @guarded
    def update_known_settings(self, chat_id: int, **changes: Any) -> ChatSettings | None:
        """Like :meth:`update_settings` for a chat the bot knows; None, saving nothing, for
        one it does not (a button under old settings, pressed after /stop deleted the chat)."""
        with self.db.transaction():
            if not self.db.table("chats").count_where("id = ?", [chat_id]):
                return None
            return self.update_settings(chat_id, **changes)

    @guarded
    def set_active(self, chat_id: int, active: bool) -> bool:
        """Mark a chat (in)active, e.g. after the user blocked the bot; False if unknown."""
        with self.db.transaction():
            cursor = self.db.execute(
                "UPDATE chats SET active = ?, updated = ? WHERE id = ?",
                [int(active), utc_now(), chat_id],
            )
            return cursor.rowcount > 0

    @guarded
    def name_topic(self, chat_id: int, thread_id: int, name: str, *, rename: bool = False) -> bool:
        """Remember a forum topic's name (cut to Telegram's 128 characters): its first name
        unless ``rename``. False when the chat is unknown (nothing is stored for chats that
        never used a command)."""
        if not self.db.table("chats").count_where("id = ?", [chat_id]):
            return False  # read first: no write lock taken for a chat nothing is kept of
        keep = "DO UPDATE SET name = excluded.name" if rename else "DO NOTHING"
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO forum_topics (chat_id, thread_id, name) "
                f"SELECT id, ?, ? FROM chats WHERE id = ? ON CONFLICT (chat_id, thread_id) {keep}",
                [thread_id, name[:128], chat_id],
            )
        return True

    @guarded
    def topic_names(self, chat_id: int) -> dict[int, str]:
        """{thread id: name} of the chat's forum topics seen so far."""
        rows = self.db.table("forum_topics").rows_where("chat_id = ?", [chat_id])
        return {int(row["thread_id"]): str(row["name"]) for row in rows}

    # Parts of the cross-table operations in storage/lifecycle.py (inside its transaction).

    def forget_topic_name(self, chat_id: int, thread_id: int) -> None:
        """Drop a deleted forum topic's name."""
        self.db.table("forum_topics").delete_where(
            "chat_id = ? AND thread_id = ?", [chat_id, thread_id]
        )

    def copy_to(self, old_id: int, new_id: int) -> None:
        """Give the chat's row (settings, state) to its new id. A new id already known
        (Telegram's "bot joined" for the supergroup came first) keeps its own type, title
        and any setting chosen there, and takes every other setting from the old chat."""
        self.db.execute(
            """
            INSERT INTO chats (id, type, title, settings, active, created, updated)
            SELECT ?, type, title, settings, active, created, ? FROM chats WHERE id = ?
            ON CONFLICT(id) DO UPDATE
            SET settings = json_patch(excluded.settings, chats.settings),
                updated = excluded.updated
            """,
            [new_id, utc_now(), old_id],
        )

    def remove(self, chat_id: int) -> bool:
        """Delete the chat's row (its subscriptions and alerts cascade); False if unknown."""
        return self.db.execute("DELETE FROM chats WHERE id = ?", [chat_id]).rowcount > 0
