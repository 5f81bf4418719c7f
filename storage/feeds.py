"""Feeds newsbot has read: conditional-GET validators and the outcome of the last poll.

The ETag / Last-Modified pair lets the next poll ask "anything new?" and get a tiny
304 answer instead of the whole feed; the error columns let a poller back off from
a feed that keeps failing and tell the user why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from storage.db import Database, guarded


@dataclass(frozen=True, slots=True)
class FeedState:
    """What newsbot remembers about one feed URL."""

    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked: str | None = None
    last_ok: str | None = None
    last_error: str | None = None
    failures: int = 0


_COLUMNS = "url, title, etag, last_modified, checked, last_ok, last_error, failures"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Feeds:
    """The ``feeds`` table (one row per feed URL)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def get(self, url: str) -> FeedState | None:
        """The remembered state of ``url``, or None for a feed never read."""
        rows = self.db.table("feeds").rows_where("url = ?", [url], select=_COLUMNS)
        return next((FeedState(**row) for row in rows), None)

    @guarded
    def all(self) -> list[FeedState]:
        """Every feed read so far, oldest check first (the order a poller should follow)."""
        rows = self.db.table("feeds").rows_where(
            select=_COLUMNS, order_by="COALESCE(checked, ''), url"
        )
        return [FeedState(**row) for row in rows]

    @guarded
    def record_success(
        self, url: str, *, title: str | None, etag: str | None, last_modified: str | None
    ) -> None:
        """Remember validators after a poll that worked (200 or 304); failures reset."""
        now = _now()
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO feeds (url, title, etag, last_modified, checked, last_ok, failures) "
                "VALUES (?, ?, ?, ?, ?, ?, 0) "
                "ON CONFLICT(url) DO UPDATE SET title = COALESCE(excluded.title, feeds.title), "
                "etag = excluded.etag, last_modified = excluded.last_modified, "
                "checked = excluded.checked, last_ok = excluded.last_ok, "
                "last_error = NULL, failures = 0",
                [url, title, etag, last_modified, now, now],
            )

    @guarded
    def record_failure(self, url: str, *, error: str) -> None:
        """Remember why a poll failed; validators are kept for the next try."""
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO feeds (url, checked, last_error, failures) VALUES (?, ?, ?, 1) "
                "ON CONFLICT(url) DO UPDATE SET checked = excluded.checked, "
                "last_error = excluded.last_error, failures = feeds.failures + 1",
                [url, _now(), error],
            )

    @guarded
    def remove(self, url: str) -> bool:
        """Forget a feed; True when it was known."""
        with self.db.transaction():
            cursor = self.db.execute("DELETE FROM feeds WHERE url = ?", [url])
        return cursor.rowcount > 0
