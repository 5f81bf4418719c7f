"""One running bot per database.

Two bots on one database file each took the other's alerts in flight for those of a
crashed run and sent them again (78 of 400 chats got an alert twice), paced themselves
as if alone (429s from Telegram), and fought over the bot's updates (409 Conflict,
logged forever). ``newsbot run`` therefore holds an exclusive lock on a file beside
the database while it runs; a second one names the process holding it and stops.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from summarizer.errors import StorageError

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
