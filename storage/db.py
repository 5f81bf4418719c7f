"""The SQLite connection: WAL, busy timeout, foreign keys, and busy-safe transactions.

Every process (bot, ingester, CLI) opens its own connection to the same file. WAL lets
readers run while one writer writes; a writer that finds the file locked waits
``busy_timeout`` milliseconds, then retries a few times, and only then gives up with a
:class:`~summarizer.errors.StorageError` the user can read — never a raw
"database is locked".
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import secrets
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Generator, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from summarizer.errors import ReadOnlyError, StorageError

DEFAULT_BUSY_TIMEOUT_MS = 5000
DEFAULT_RETRIES = 2
DISK_SLACK = 1 << 20  # bytes: less free space than this counts as a full disk
MEMORY = ":memory:"  # a private in-memory database (demos, quick checks); no WAL there

R = TypeVar("R")


def json_ids(ids: Iterable[int]) -> str:
    """Row ids as one JSON array parameter, for ``IN (SELECT value FROM json_each(?))``:
    one statement for any number of rows."""
    return json.dumps([int(i) for i in ids])


def utc_now() -> str:
    """The current time as an ISO-8601 UTC string, e.g. ``2026-01-31T08:00:00.123456+00:00``."""
    return datetime.now(UTC).isoformat()


class Database(sqlite_utils.Database):
    """A sqlite-utils database that knows how to write safely under concurrency."""

    def __init__(
        self,
        path: Path,
        *,
        busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
        retries: int = DEFAULT_RETRIES,
    ) -> None:
        self.path = path
        self.busy_timeout_ms = busy_timeout_ms
        self.retries = retries
        # One connection may be shared with worker threads (asyncio.to_thread);
        # the lock keeps their transactions from interleaving.
        self.lock = threading.RLock()
        conn = sqlite3.connect(
            str(path),
            timeout=busy_timeout_ms / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
        super().__init__(conn, execute_plugins=False)
        # The file SQLite just opened (it keeps it open, whatever later happens to the path).
        self.opened_file: tuple[int, int] | None = None
        if str(path) != MEMORY:
            with contextlib.suppress(OSError):  # then nothing is watched
                self.opened_file = _file_id(path)

    def file_change(self) -> str | None:
        """Whether the path still leads to the file this connection has open: "deleted"
        or "replaced" when not (SQLite would go on using that one, unseen by every process
        that opens the path), else None. One ``stat``: cheap enough to ask often."""
        if self.opened_file is None:
            return None
        try:
            now = _file_id(self.path)
        except FileNotFoundError:
            return "deleted"
        except OSError:  # cannot tell (the folder's permissions changed): assume unchanged
            return None
        return None if now == self.opened_file else "replaced"

    def close(self) -> None:
        """Close the connection. When the path no longer leads to this file, its WAL is
        written into the file first and the WAL at the path emptied: SQLite leaves that
        WAL behind, and the next process to open the path would replay it over whatever
        file is there now (a replacement moved in, a backup restored)."""
        if self.file_change() is not None:
            with self.lock, contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        super().close()

    @contextlib.contextmanager
    def transaction(self) -> Generator[Database, None, None]:
        """Run the block as one write transaction (a savepoint when nested).

        The outermost level takes the write lock up front (BEGIN IMMEDIATE), so a
        busy database is detected before any work is done and can be retried.
        """
        with self.lock:
            if self.conn.in_transaction:
                yield from _savepoint(self)
                return
            try:
                _retry_busy(self, lambda: self.conn.execute("BEGIN IMMEDIATE"))
            except sqlite3.Error as error:
                raise translate(error, self) from error
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise translate(error, self) from error


def _file_id(path: Path) -> tuple[int, int]:
    """(device, inode) of the file ``path`` leads to (through symlinks)."""
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _savepoint(db: Database) -> Generator[Database, None, None]:
    name = f"sp_{secrets.token_hex(6)}"
    db.conn.execute(f"SAVEPOINT {name}")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            db.conn.execute(f"RELEASE SAVEPOINT {name}")
        raise
    db.conn.execute(f"RELEASE SAVEPOINT {name}")


def is_busy(error: BaseException) -> bool:
    """True for SQLITE_BUSY / SQLITE_LOCKED, whatever the driver's wording."""
    if not isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    text = str(error).lower()
    return "locked" in text or "busy" in text


def busy_error(db: Database) -> StorageError:
    """The message a user sees when another process holds the database too long."""
    seconds = db.busy_timeout_ms * (db.retries + 1) / 1000
    return StorageError(
        f"The database {db.path.name} stayed busy for more than {seconds:g} seconds "
        "because another newsbot process is writing to it; please try again in a moment."
    )


def _retry_busy(db: Database, action: Callable[[], R]) -> R:
    for attempt in range(db.retries + 1):
        try:
            return action()
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            if attempt == db.retries:
                raise busy_error(db) from error
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def guarded(method: Callable[..., R]) -> Callable[..., R]:
    """Make a repository method thread-safe, busy-safe, and raise StorageError only.

    A call that is not part of an outer transaction is retried as a whole when the
    database is busy (its own transaction was rolled back, so a retry is safe).
    """

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> R:
        db: Database = self.db
        # Handlers call the store from worker threads (asyncio.to_thread); one call at a
        # time per connection keeps a reader from seeing another thread's open transaction.
        with db.lock:
            try:
                if db.conn.in_transaction:
                    return method(self, *args, **kwargs)
                return _retry_busy(db, lambda: method(self, *args, **kwargs))
            except sqlite3.Error as error:
                raise translate(error, db) from error

    return wrapper


def translate(error: sqlite3.Error, db: Database) -> StorageError:
    """One clear sentence for a SQLite failure (a busy database included)."""
    if is_busy(error):
        return busy_error(db)
    text = str(error).lower()
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if (
        code == sqlite3.SQLITE_FULL
        or ("disk" in text and "full" in text)
        or (code == sqlite3.SQLITE_IOERR and _disk_full(db.path))
    ):
        return StorageError(
            f"The disk is full: newsbot cannot save to its database {db.path}. "
            "Free some space and try again."
        )
    if "not a database" in text or "malformed" in text:
        return StorageError(f"The file {db.path} is damaged or is not a newsbot database.")
    if (
        "readonly" in text
        or "read-only" in text
        or (code == sqlite3.SQLITE_CANTOPEN and _read_only(db.path))
    ):
        # WAL keeps two files beside the database: its folder must be writable too.
        return ReadOnlyError(
            f"The database {db.path} (or its folder) is read-only; newsbot needs to write both."
        )
    return StorageError(f"The database {db.path.name} could not complete the request ({error}).")


def _read_only(path: Path) -> bool:
    """Whether the database file or the folder that holds it cannot be written."""
    if str(path) == MEMORY:
        return False
    folder = path.parent
    if not folder.is_dir():
        return False  # missing, not read-only
    return not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))


def _disk_full(path: Path) -> bool:
    """Whether the disk holding ``path`` is (all but) full: a full disk often surfaces as
    a plain "disk I/O error" when SQLite writes its WAL or shared-memory file."""
    try:
        return shutil.disk_usage(path.parent if str(path) != MEMORY else ".").free < DISK_SLACK
    except OSError:
        return False


def connect(
    path: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, retries: int = DEFAULT_RETRIES
) -> Database:
    """Open (creating folders as needed) a database file with newsbot's pragmas."""
    try:
        if str(path) != MEMORY:
            path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f"Cannot create the folder {path.parent} for the database.") from error
    try:
        db = Database(path, busy_timeout_ms=busy_timeout_ms, retries=retries)
    except sqlite3.Error as error:
        raise StorageError(f"Cannot open the database file {path}.") from error
    try:
        _configure(db)
    except sqlite3.Error as error:
        db.close()
        raise translate(error, db) from error
    except StorageError:
        db.close()
        raise
    return db


def _configure(db: Database) -> None:
    conn = db.conn
    conn.execute(f"PRAGMA busy_timeout = {int(db.busy_timeout_ms)}")
    conn.execute("PRAGMA foreign_keys = ON")
    # Switching to WAL needs a brief exclusive lock; another process may hold it.
    mode = _retry_busy(db, lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
    if str(mode).lower() != "wal" and str(db.path) != MEMORY:
        raise StorageError(f"The database {db.path} cannot use write-ahead logging.")
    # NORMAL is durable across application crashes in WAL mode and far faster.
    conn.execute("PRAGMA synchronous = NORMAL")
