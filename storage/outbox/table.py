"""The alert outbox: one row per (chat, article), drained by the bot's sender.

Life of a row (``status``)::

    held (digest chat, waits for its hour) --release--> pending
    pending --claim--> sending --> sent | pending (retry later) | failed | dropped

Times are unix seconds (REAL). ``UNIQUE(chat_id, article_id)`` makes enqueueing
idempotent: re-ingesting an article or restarting mid fan-out never adds a second alert.

Delivery policy after a crash: rows left in ``sending`` were claimed by a sender that
died; :meth:`Outbox.recover` puts them back to ``pending`` (at-least-once). Only the
messages that were actually on the wire, or sent but not yet recorded, can arrive twice;
a lost alert is worse for a subscriber than a rare repeat.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from storage.db import Database, guarded, json_ids
from storage.outbox.delivery import OutboxDelivery
from storage.outbox.floods import WAIT_END, FloodWaits
from storage.settings import stored_settings
from summarizer.text.phrases import first_phrase


def _default_threshold() -> float:
    from summarizer.companies.matcher import SUBJECT_THRESHOLD

    return float(SUBJECT_THRESHOLD)


# {due}: when the alert is due; a chat waiting out its own 429 gets it due when the wait
# ends (_ENQUEUE_AFTER_WAITS, see WAIT_END).
_ENQUEUE = """
INSERT INTO outbox (chat_id, article_id, company_id, salience, mode, status, due, created)
SELECT s.chat_id, ac.article_id, ac.company_id, MAX(ac.salience),
       CASE WHEN json_extract(c.settings, '$.mode') = 'digest' THEN 'digest' ELSE 'instant' END,
       CASE WHEN json_extract(c.settings, '$.mode') = 'digest' THEN 'held' ELSE 'pending' END,
       {due}, :now
FROM article_companies AS ac
JOIN articles AS a ON a.id = ac.article_id AND a.submitted_by IS NULL
JOIN subscriptions AS s ON s.company_id = ac.company_id
JOIN chats AS c ON c.id = s.chat_id
WHERE ac.article_id = :article_id AND c.active = 1
  AND ac.salience >= COALESCE(json_extract(c.settings, '$.threshold'), :threshold)
  AND s.chat_id NOT IN (SELECT value FROM json_each(:muted))
GROUP BY s.chat_id
ON CONFLICT (chat_id, article_id) DO NOTHING
"""
# Looked up per subscriber only while some chat waits (rarely): it made enqueueing for
# 100,000 subscribers ~25 % slower (bench_alerts) when no chat did.
_ENQUEUE_NOW = _ENQUEUE.format(due=":due")
_ENQUEUE_AFTER_WAITS = _ENQUEUE.format(due=f"MAX(:due, COALESCE(({WAIT_END}), :due))")

# Chats that would get this article and mute some words: few, so their words are checked
# in Python (whole words, any case) rather than in SQL.
_MUTING = """
SELECT DISTINCT c.id, c.settings
FROM article_companies AS ac
JOIN subscriptions AS s ON s.company_id = ac.company_id
JOIN chats AS c ON c.id = s.chat_id
WHERE ac.article_id = ? AND c.active = 1 AND json_array_length(c.settings, '$.mute') > 0
"""

# Alerts waiting for a company the chat no longer follows (see Outbox.unfollowed), and
# the company of the same story it still follows, if any: the most salient that passes
# the chat's threshold.
# 'sending' too (as drop_open): a claimed alert waiting out a 429 or a retry is put back
# to 'pending' only while it is still 'sending'.
_OPEN_UNFOLLOWED = """
chat_id = :chat AND status IN ('held', 'pending', 'sending')
AND company_id IN (SELECT value FROM json_each(:ids))
"""
_STILL_FOLLOWED = """
SELECT ac.company_id, ac.salience FROM article_companies AS ac
JOIN subscriptions AS s ON s.company_id = ac.company_id AND s.chat_id = outbox.chat_id
JOIN chats AS c ON c.id = outbox.chat_id
WHERE ac.article_id = outbox.article_id
  AND ac.salience >= COALESCE(json_extract(c.settings, '$.threshold'), :threshold)
ORDER BY ac.salience DESC, ac.company_id LIMIT 1
"""
_DROP_UNFOLLOWED = f"""
UPDATE outbox SET status = 'dropped', error = 'unsubscribed'
WHERE {_OPEN_UNFOLLOWED} AND NOT EXISTS ({_STILL_FOLLOWED})
"""
_HAND_OVER = f"""
UPDATE outbox SET (company_id, salience) = ({_STILL_FOLLOWED}) WHERE {_OPEN_UNFOLLOWED}
"""


class Outbox(OutboxDelivery):
    """The ``outbox`` and ``digests`` tables (and the sender's ``flood_waits``)."""

    def __init__(self, db: Database, *, default_threshold: float | None = None) -> None:
        super().__init__(db)
        self._threshold = default_threshold
        self.flood_waits = FloodWaits(db)  # Telegram's 429 waits, kept across restarts

    @property
    def default_threshold(self) -> float:
        """The salience a chat needs when it never chose a threshold."""
        if self._threshold is None:
            self._threshold = _default_threshold()
        return self._threshold

    # -- enqueue ---------------------------------------------------------------------

    @guarded
    def enqueue_for_article(
        self, article_id: int, *, now: float | None = None, delay: float = 0.0
    ) -> int:
        """Queue one alert per subscribed, active chat whose threshold the article passes.

        Only the operator's articles alert (a chat's ``/summary URL`` never does). One
        set-based statement; returns how many alerts were added (0 on re-enqueue).
        ``delay`` holds instant alerts briefly so copies of a story from several
        sources arriving together can be grouped into one message.
        """
        now = time.time() if now is None else now
        params: dict[str, object] = {
            "article_id": article_id,
            "now": now,
            "due": now + delay,
            "threshold": self.default_threshold,
        }
        with self.db.transaction():
            params["muted"] = json_ids(self._muting(article_id))
            waiting = self.flood_waits.any_chat_waiting(now=now)
            statement = _ENQUEUE_AFTER_WAITS if waiting else _ENQUEUE_NOW
            return self.db.conn.execute(statement, params).rowcount

    def _muting(self, article_id: int) -> list[int]:
        """Chats that follow a company in the article and mute a word its text uses."""
        rows = self.db.conn.execute(_MUTING, [article_id]).fetchall()
        story = self._story(article_id) if rows else None
        if story is None:
            return []
        # Read like any stored settings: a damaged list mutes nothing rather than failing.
        return [
            chat for chat, settings in rows if first_phrase(story, stored_settings(settings).mute)
        ]

    def _story(self, article_id: int) -> str | None:
        """An article's headline and text, as muted words are looked for in them."""
        text = self.article_text(article_id)
        return None if text is None else "\n".join(text)

    def drop_open(self, chat_id: int, *, reason: str) -> int:
        """Drop the chat's alerts not yet sent (the chat blocked the bot); returns how many.

        Part of :meth:`storage.lifecycle.ChatLifecycle.deactivate`, inside its transaction.
        """
        return self.db.conn.execute(
            "UPDATE outbox SET status = 'dropped', error = ? "
            "WHERE chat_id = ? AND status IN ('held', 'pending', 'sending')",
            [reason, chat_id],
        ).rowcount

    @guarded
    def drop_muted(self, chat_id: int, words: Sequence[str]) -> int:
        """Drop the chat's alerts not sent yet whose story uses a word it now mutes (held
        for a digest, one could wait a day and arrive after /settings mute); how many."""
        if not words:
            return 0
        with self.db.transaction():
            articles = self.db.conn.execute(
                "SELECT DISTINCT article_id FROM outbox "
                "WHERE chat_id = ? AND status IN ('held', 'pending')",
                [chat_id],
            ).fetchall()
            stories = ((a, self._story(a)) for (a,) in articles)
            muted = [a for a, story in stories if story and first_phrase(story, words)]
            return self.db.conn.execute(
                "UPDATE outbox SET status = 'dropped', error = 'muted' WHERE chat_id = ? "
                "AND status IN ('held', 'pending') "
                "AND article_id IN (SELECT value FROM json_each(?))",
                [chat_id, json_ids(muted)],
            ).rowcount

    @guarded
    def drop_below(self, chat_id: int, threshold: float) -> int:
        """Drop the chat's alerts not sent yet that a raised threshold no longer lets
        through (held for a digest, one could wait a day and arrive after the chat asked
        for main subjects only); how many. A row's salience is that of the most salient
        company of the story the chat follows, so no other company could keep it."""
        with self.db.transaction():
            return self.db.conn.execute(
                "UPDATE outbox SET status = 'dropped', error = 'threshold' WHERE chat_id = ? "
                "AND status IN ('held', 'pending', 'sending') AND salience < ?",
                [chat_id, threshold],
            ).rowcount

    def unfollowed(self, chat_id: int, company_ids: Sequence[int]) -> None:
        """The chat stopped following these companies: their alerts not yet sent are
        dropped, or handed to another company the chat follows in the same story (the most
        salient one that passes the chat's threshold). Part of
        :meth:`storage.lifecycle.ChatLifecycle.unfollow`, inside its transaction."""
        params = {
            "chat": chat_id,
            "ids": json_ids(company_ids),
            "threshold": self.default_threshold,
        }
        self.db.conn.execute(_DROP_UNFOLLOWED, params)
        self.db.conn.execute(_HAND_OVER, params)

    def move_chat(self, old_id: int, new_id: int) -> None:
        """Hand the chat's alerts to its new id (part of a chat migration)."""
        self.db.conn.execute(
            "UPDATE OR IGNORE outbox SET chat_id = ? WHERE chat_id = ?", [new_id, old_id]
        )

    # -- digests ---------------------------------------------------------------------

    @guarded
    def hold_for_digest(self, chat_id: int, *, now: float | None = None) -> int:
        """The chat chose a daily digest: its instant alerts still queued (waiting out a
        429, or for copies to group) wait for the next digest instead; how many. Queued
        as of now, so an old one does not make a digest due at once."""
        now = time.time() if now is None else now
        with self.db.transaction():
            return self.db.conn.execute(
                "UPDATE outbox SET status = 'held', mode = 'digest', created = ? "
                "WHERE chat_id = ? AND status = 'pending' AND mode = 'instant'",
                [now, chat_id],
            ).rowcount

    @guarded
    def release_digest(
        self, chat_id: int, local_date: str | None, *, now: float | None = None
    ) -> int:
        """Hand a chat's held alerts to the sender as one digest, once per ``local_date``
        (the digest's local moment, "2026-05-01T08:00+02:00": a digest moved to later the
        same day is another one).

        ``local_date=None``: the chat left digest mode; its held alerts become instant
        alerts queued now (no digest recorded), so they come as instant alerts do: one
        catch-up message for many, never a "daily digest" at an odd hour, nor stories
        the bot "could not send sooner" (the chat had asked to hold them). Returns how
        many alerts were released (0 if that digest was already sent).
        """
        now = time.time() if now is None else now
        with self.db.transaction():
            if local_date is None:
                return self.db.conn.execute(
                    "UPDATE outbox SET status = 'pending', mode = 'instant', due = ?, created = ? "
                    "WHERE chat_id = ? AND status = 'held'",
                    [now, now, chat_id],
                ).rowcount
            inserted = self.db.conn.execute(
                "INSERT INTO digests (chat_id, local_date, released, alerts) "
                "SELECT ?, ?, ?, COUNT(*) FROM outbox WHERE chat_id = ? AND status = 'held' "
                "ON CONFLICT (chat_id, local_date) DO NOTHING",
                [chat_id, local_date, now, chat_id],
            ).rowcount
            if not inserted:
                return 0
            return self.db.conn.execute(
                "UPDATE outbox SET status = 'pending', due = ? "
                "WHERE chat_id = ? AND status = 'held'",
                [now, chat_id],
            ).rowcount
