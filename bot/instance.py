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
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


class RunLock:
    """The run lock a bot holds (see :func:`sole_instance`): its process id, then which
    file the database path led to when the bot opened it, so that any other newsbot
    process can tell the path no longer leads there (:func:`check_beside_the_bot`)."""

    def __init__(self, fd: int | None = None) -> None:
        self._fd = fd

    def opened(self, file_id: tuple[int, int] | None) -> None:
        """The bot opened the database file ``file_id`` (device, inode; None: unknown)."""
        if self._fd is None or file_id is None:
            return
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, f"{os.getpid()} {file_id[0]}:{file_id[1]}\n".encode(), 0)


@contextlib.contextmanager
def sole_instance(database: Path) -> Iterator[RunLock]:
    """Hold the database's run lock until the block ends; StorageError when another
    process holds it. Where no lock can be taken (no ``fcntl``, a read-only folder),
    the bot runs without one, as before."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system
        yield RunLock()
        return
    if str(database) == ":memory:":  # a database of its own, which no other bot can open
        yield RunLock()
        return
    path = lock_path(database)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # a first run: the database's too
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as err:
        log.warning("Running without a lock on %s (%s).", database, err.strerror)
        yield RunLock()
        return
    try:
        if not _lock(fcntl, fd):
            fields = os.read(fd, 64).decode("ascii", "replace").split()
            holder = fields[0] if fields else "another process"
            raise StorageError(
                f"Another newsbot (process {holder}) is already running on {database}; "
                "stop it first, or give this one its own database with --db."
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield RunLock(fd)
    finally:
        os.close(fd)  # the lock goes with it, also when the process is killed


def _lock(fcntl: Any, fd: int) -> bool:
    """Take the lock; False when another process holds it. Tried a few times over 0.2 s:
    :func:`check_beside_the_bot` may hold it shared for a moment to see if a bot runs."""
    for _ in range(10):
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            time.sleep(0.02)
        else:
            return True
    return False


def check_beside_the_bot(database: Path) -> None:
    """StorageError when a running bot's database file is no longer the one at the path
    (deleted or replaced), before another newsbot process (``newsbot ingest``, a feed
    poll) opens the path: the -wal and -shm files there still belong to the bot's file,
    and SQLite would show that process the old database over the new file, and mix its
    writes into both. The bot notices within ``CHECK_EVERY`` seconds, and empties them as
    it stops."""
    lock = lock_path(database)
    try:
        pid, recorded = lock.read_text("ascii").split()[:2]
    except (OSError, UnicodeDecodeError, ValueError):
        return  # no bot, or one that recorded no file (an older release)
    try:
        info = os.stat(database)  # through symlinks, as SQLite opens it
        current: str | None = f"{info.st_dev}:{info.st_ino}"
    except FileNotFoundError:
        current = None  # opening would create an empty database beside the bot's -wal
    except OSError:
        return
    if current == recorded or not _held(lock):
        return
    raise StorageError(
        f"The database {database} was {'deleted' if current is None else 'replaced'} while "
        f"the newsbot in process {pid} ran on it, which still has the old file open (the "
        "-wal and -shm files beside it are that file's) and is stopping; "
        "try again in a few seconds."
    )


def _held(path: Path) -> bool:
    """Whether a process holds the run lock at ``path`` (taken shared for a moment)."""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # a lock taken here goes with it
    return False


#: Seconds between two checks that the database path still leads to the bot's open file
#: (one ``stat``): a swap under the bot is noticed within this.
CHECK_EVERY = 0.5

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
