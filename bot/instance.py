"""One running bot per database, and on the database its path leads to.

Two bots on one database file each took the other's alerts in flight for those of a
crashed run and sent them again (78 of 400 chats got an alert twice), paced themselves
as if alone (429s from Telegram), and fought over the bot's updates (409 Conflict,
logged forever). ``newsbot run`` therefore holds an exclusive lock on a file beside
the database while it runs; a second one names the process holding it and stops.

A database file deleted or replaced while the bot runs is noticed by
:class:`DatabaseWatch`, which stops the bot (exit status 1) rather than let it serve a
file that ``newsbot ingest`` and the feed poller no longer write to.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.errors import StorageError

if TYPE_CHECKING:
    from storage.db import Database

log = logging.getLogger(__name__)


def lock_path(database: Path) -> Path:
    """The lock file of a database: beside the file the path leads to (through any
    symlink), like SQLite's own -wal and -shm files. Not the database file itself: where
    ``flock`` is emulated with POSIX locks (NFS), that would lock SQLite out of it."""
    real = database.expanduser().resolve()
    return real.with_name(real.name + ".run-lock")


@contextlib.contextmanager
def sole_instance(database: Path) -> Iterator[None]:
    """Hold the database's run lock until the block ends; StorageError when another
    process holds it. Where no lock can be taken (no ``fcntl``, a read-only folder),
    the bot runs without one, as before."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system
        yield
        return
    if str(database) == ":memory:":  # a database of its own, which no other bot can open
        yield
        return
    path = lock_path(database)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # a first run: the database's too
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as err:
        log.warning("Running without a lock on %s (%s).", database, err.strerror)
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "another process"
            raise StorageError(
                f"Another newsbot (process {holder}) is already running on {database}; "
                "stop it first, or give this one its own database with --db."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)  # the lock goes with it, also when the process is killed


#: Seconds between two checks that the database path still leads to the bot's open file.
CHECK_EVERY = 2.0

_CHANGED = {"deleted": "deleted", "replaced": "replaced by another file"}


class DatabaseMovedError(StorageError):
    """The database path no longer leads to the file this process has open (deleted or
    replaced): whatever it writes now, no other process sees. ``str`` is the one line."""


def check_database(db: Database, *, during: str) -> None:
    """Raise :class:`DatabaseMovedError` ("The database PATH was deleted while DURING")
    when ``db``'s path no longer leads to its open file. One ``stat``: cheap to call
    often (the running bot every CHECK_EVERY seconds, ``newsbot ingest`` per batch)."""
    change = db.file_change()
    if change is not None:
        raise DatabaseMovedError(f"The database {db.path} was {_CHANGED[change]} while {during}")


class DatabaseWatch:
    """Stops the running bot once its database file is deleted or replaced.

    SQLite keeps using the file it opened, unlinked or not, while ``newsbot ingest`` and
    the feed poller open the path: their articles and alerts would go to a file the bot
    never reads. Stopping, with the reason as the one line of a non-zero exit, lets a
    supervisor start the bot on the file now at the path through the usual start (run
    lock, migrations, alerts in flight recovered). Reopening in place is not safer: the
    claimed alerts, rate windows and caches in memory belong to the old file.
    """

    def __init__(self, stop: Callable[[], None]) -> None:
        self._stop = stop  # ends the application's run (polling, webhook, terminal chat)
        self.reason: str | None = None

    async def run(self, db: Database, *, every: float = CHECK_EVERY) -> None:
        """Check every ``every`` seconds (one ``stat``, off the event loop) until a change."""
        while self.reason is None:
            await asyncio.sleep(every)
            try:
                await asyncio.to_thread(check_database, db, during="the bot ran")
            except DatabaseMovedError as moved:
                self.reason = (
                    f"{moved}; the bot stopped so as not to serve a file other processes no "
                    "longer see. Start it again to use the file now at that path."
                )
                self._stop()

    def raise_if_stopped(self) -> None:
        """After the application returned: StorageError with the reason if it stopped here."""
        if self.reason is not None:
            raise StorageError(self.reason)
