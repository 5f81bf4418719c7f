"""The one storage facade: ``open_store()`` gives a migrated database and its repositories."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING

from storage.articles import Articles
from storage.chats import Chats
from storage.companies import Companies
from storage.db import DEFAULT_BUSY_TIMEOUT_MS, DEFAULT_RETRIES, Database, connect, translate
from storage.feeds import Feeds
from storage.lifecycle import ChatLifecycle
from storage.migrations import migrate
from storage.outbox import Outbox
from storage.subscriptions import Subscriptions

if TYPE_CHECKING:
    from types import TracebackType


class Store:
    """A migrated newsbot database and one repository per table.

    Repositories share the connection; ``with store.transaction():`` groups calls from
    several of them (or many ``articles.add`` calls) into one atomic, fast write.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.chats = Chats(db)
        self.companies = Companies(db)
        self.subscriptions = Subscriptions(db)
        self.articles = Articles(db)
        self.feeds = Feeds(db)  # feed polling state (ingestion)
        self.outbox = Outbox(db)  # alert outbox (alerts)
        # A chat moving, leaving or unreachable: the writes that span tables.
        self.lifecycle = ChatLifecycle(
            db,
            chats=self.chats,
            subscriptions=self.subscriptions,
            outbox=self.outbox,
            articles=self.articles,
            companies=self.companies,
        )

    @property
    def path(self) -> Path:
        """The database file."""
        return self.db.path

    @contextlib.contextmanager
    def transaction(self) -> Generator[Store, None, None]:
        """Group several writes into one transaction (nested blocks become savepoints)."""
        with self.db.transaction():
            yield self

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with contextlib.suppress(Exception):
            # Lets SQLite refresh its query-planner statistics; cheap, and skipped if busy.
            self.db.conn.execute("PRAGMA busy_timeout = 50")
            self.db.conn.execute("PRAGMA optimize")
        with contextlib.suppress(Exception):
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_store(
    path: str | Path,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    retries: int = DEFAULT_RETRIES,
) -> Store:
    """Open (creating and upgrading as needed) the database at ``path`` (the bot's
    configuration says which: ``bot.config.Config.database``)."""
    target = Path(path).expanduser()
    db = connect(target, busy_timeout_ms=busy_timeout_ms, retries=retries)
    try:
        migrate(db)
    except sqlite3.Error as error:
        db.close()
        raise translate(error, db) from error
    except BaseException:
        db.close()
        raise
    return Store(db)
