"""The sender's writes to the alert outbox: claim due rows, record what Telegram answered.

A row the sender claimed is ``sending`` until it is marked ``sent`` or ``failed``, or put
back to ``pending`` (a long 429 wait, a retry, a stop); a chat with a flood wait not over
(``floods.py``) has none of its rows claimed. Rows a killed sender left ``sending``
are returned by :meth:`OutboxDelivery.recover` (at-least-once, see ``table.py``).
``Outbox`` (``storage/outbox/table.py``) adds what the rest of newsbot writes: enqueueing,
chats' changes, digests.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

from storage.db import guarded, json_ids
from storage.outbox.floods import WAITING_CHATS
from storage.outbox.queries import ITEM_JOINS, ITEM_SELECT, OutboxItem, OutboxQueries

# Due rows, the most overdue first, but none of a chat waiting out its own 429 (flood
# waits): they stay here until the wait ends.
_CLAIM_SELECT = f"""{ITEM_SELECT} {ITEM_JOINS}
WHERE o.id IN (
    SELECT id FROM outbox WHERE status = 'pending' AND due <= :now
    AND chat_id NOT IN ({WAITING_CHATS})
    ORDER BY due, id LIMIT :limit
)
ORDER BY o.due, o.id
"""


class OutboxDelivery(OutboxQueries):
    """The alert sender's side of the ``outbox`` table (and what it reads)."""

    @guarded
    def recover(self) -> int:
        """Return rows a dead sender left in 'sending' to 'pending'; returns how many."""
        with self.db.transaction():
            return self.db.conn.execute(
                "UPDATE outbox SET status = 'pending' WHERE status = 'sending'"
            ).rowcount

    @guarded
    def claim(self, *, limit: int, now: float | None = None) -> list[OutboxItem]:
        """Take up to ``limit`` due alerts (oldest first) and mark them 'sending'."""
        now = time.time() if now is None else now
        with self.db.transaction():
            rows = self.db.conn.execute(_CLAIM_SELECT, {"now": now, "limit": limit}).fetchall()
            if rows:
                self.db.conn.execute(
                    "UPDATE outbox SET status = 'sending', claimed = ? "
                    "WHERE id IN (SELECT value FROM json_each(?))",
                    [now, json_ids(row[0] for row in rows)],
                )
        return [OutboxItem(*row) for row in rows]

    @guarded
    def mark_sent(
        self,
        results: Sequence[tuple[int, int | None] | tuple[int, int | None, str | None]],
        *,
        now: float | None = None,
    ) -> int:
        """Record delivered alerts in one transaction.

        ``results``: (row id, Telegram message id[, how]) where ``how`` is None for an
        alert, "merged" for a copy added to an earlier message, "catch-up" or "digest".
        """
        now = time.time() if now is None else now
        with self.db.transaction():
            cursor = self.db.conn.executemany(
                "UPDATE outbox SET status = 'sent', sent = ?, message_id = ?, error = ? "
                "WHERE id = ? AND status IN ('sending', 'pending')",
                [(now, r[1], r[2] if len(r) > 2 else None, r[0]) for r in results],
            )
            return cursor.rowcount

    @guarded
    def prune(self, *, before: float) -> int:
        """Forget settled alerts (sent, failed, dropped) older than ``before``."""
        with self.db.transaction():
            return self.db.conn.execute(
                "DELETE FROM outbox WHERE status IN ('sent', 'failed', 'dropped') AND created < ?",
                [before],
            ).rowcount

    @guarded
    def reschedule(
        self,
        ids: Iterable[int],
        *,
        due: float,
        error: str | None = None,
        count_attempt: bool = False,
    ) -> int:
        """Put claimed alerts back to 'pending', due at ``due`` (429 waits, retries, stop)."""
        with self.db.transaction():
            return self.db.conn.execute(
                "UPDATE outbox SET status = 'pending', due = ?, error = COALESCE(?, error), "
                "attempts = attempts + ? WHERE id IN (SELECT value FROM json_each(?)) "
                "AND status IN ('sending', 'pending')",
                [due, error, int(count_attempt), json_ids(ids)],
            ).rowcount

    @guarded
    def mark_failed(self, ids: Iterable[int], *, error: str) -> int:
        """Give up on alerts (retries exhausted or a permanent error); the reason is kept."""
        with self.db.transaction():
            return self.db.conn.execute(
                "UPDATE outbox SET status = 'failed', error = ?, attempts = attempts + 1 "
                "WHERE id IN (SELECT value FROM json_each(?))",
                [error, json_ids(ids)],
            ).rowcount
