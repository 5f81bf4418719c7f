"""Telegram's flood waits (429 ``retry_after``), kept so that a restart honours them.

A wait holds one chat, or the bot as a whole (stored as chat 0: no chat has that id).
Times are unix seconds. A wait that has passed means nothing: it is deleted whenever
waits are read or written, and by :meth:`FloodWaits.clear`.
"""

from __future__ import annotations

from storage.db import Database, guarded

#: The row of a wait that holds every chat.
EVERY_CHAT = 0
#: The longest wait a start honours (seconds). Telegram's waits last minutes to hours; a
#: longer one stored means a clock that was ahead, or a damaged row, and must not silence
#: chats for good.
MAX_WAIT = 86_400.0

# A stored wait that holds at :now; one beyond MAX_WAIT (a clock that was ahead, a damaged
# row) holds no claim and delays no alert.
_HOLDS = (
    f"typeof(w.until) IN ('real', 'integer') AND w.until > :now AND w.until <= :now + {MAX_WAIT}"
)

#: The chats waiting out a 429 of their own at ``:now`` (a subquery for the sender's
#: claim): their rows stay in the outbox until the wait ends, so no worker and no memory
#: holds them.
WAITING_CHATS = (
    f"SELECT w.chat_id FROM flood_waits AS w WHERE w.chat_id != {EVERY_CHAT} AND {_HOLDS}"
)

#: When the own wait of the chat ``s.chat_id`` ends (NULL: it has none): an alert queued
#: during the wait is due then, after the alerts put back for it (claims go by due, id).
WAIT_END = f"SELECT w.until FROM flood_waits AS w WHERE w.chat_id = s.chat_id AND {_HOLDS}"

# Passed waits, and rows that are no number (written by hand, damaged): they hold nobody.
_FORGET_PASSED = (
    "DELETE FROM flood_waits WHERE until <= ? OR typeof(until) NOT IN ('real', 'integer')"
)


class FloodWaits:
    """The ``flood_waits`` table: who may get nothing before when."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def hold(self, chat_id: int | None, *, until: float, now: float) -> None:
        """Nothing goes to ``chat_id`` (None: to any chat) before ``until``; a longer
        wait already stored is kept."""
        with self.db.transaction():
            self.db.conn.execute(_FORGET_PASSED, [now])
            self.db.conn.execute(
                "INSERT INTO flood_waits (chat_id, until) VALUES (?, ?) "
                "ON CONFLICT (chat_id) DO UPDATE SET until = MAX(until, excluded.until)",
                [EVERY_CHAT if chat_id is None else chat_id, until],
            )

    @guarded
    def current(self, *, now: float) -> dict[int | None, float]:
        """The waits not over at ``now``: {chat id, or None for every chat: until}, each
        at most :data:`MAX_WAIT` from ``now``."""
        with self.db.transaction():
            self.db.conn.execute(_FORGET_PASSED, [now])
            rows = self.db.conn.execute("SELECT chat_id, until FROM flood_waits").fetchall()
        return {
            (None if chat == EVERY_CHAT else int(chat)): min(float(until), now + MAX_WAIT)
            for chat, until in rows
        }

    def any_chat_waiting(self, *, now: float) -> bool:
        """Whether some chat waits out a 429 of its own at ``now`` (inside a caller's
        transaction: one indexed look, no write)."""
        found = self.db.conn.execute(f"SELECT 1 FROM ({WAITING_CHATS}) LIMIT 1", {"now": now})
        return found.fetchone() is not None

    @guarded
    def clear(self, *, now: float) -> int:
        """Forget the waits that have passed; returns how many."""
        with self.db.transaction():
            return self.db.conn.execute(_FORGET_PASSED, [now]).rowcount
