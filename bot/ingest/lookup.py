"""Host name lookups that end by the fetch deadline.

``socket.getaddrinfo`` cannot be given a timeout: a name whose DNS server answers
slowly (or never) would hold the fetching thread, one of the bot's few heavy workers,
for as long as the system resolver keeps trying (tens of seconds). Each lookup runs in a
daemon thread of its own instead; the fetch waits for it only until its deadline, then
fails as "took too long" while the lookup finishes (or not) in the background. At most
``limit`` lookups run at once per transport, so a resolver that hangs cannot pile up
threads: further fetches wait for a free lookup within their own deadline.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout

import httpcore

#: Turns (host, port) into IP address strings; may block. ``system_resolver`` by default.
Resolver = Callable[[str, int], Sequence[str]]

DEFAULT_LOOKUPS = 8


def system_resolver(host: str, port: int) -> list[str]:
    """The operating system's addresses for ``host`` (``getaddrinfo``, TCP)."""
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


class Lookups:
    """Runs a resolver in daemon threads, each lookup awaited at most ``timeout`` seconds."""

    def __init__(self, resolver: Resolver | None = None, *, limit: int = DEFAULT_LOOKUPS) -> None:
        self.resolver = resolver or system_resolver
        self._free = threading.BoundedSemaphore(limit)

    def addresses(self, host: str, port: int, timeout: float | None) -> Sequence[str]:
        """The resolver's answer; ``httpcore.ConnectTimeout`` once ``timeout`` passes
        (waiting for a free lookup and for the answer together).

        The resolver's own errors (OSError, UnicodeError...) are raised as they are.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        if not self._free.acquire(timeout=timeout):
            raise httpcore.ConnectTimeout("no free lookup before the fetch deadline")
        answer: Future[Sequence[str]] = Future()
        thread = threading.Thread(
            target=self._lookup, args=(host, port, answer), name="newsbot-lookup", daemon=True
        )
        try:
            thread.start()
        except BaseException:
            self._free.release()
            raise
        try:  # waiting for a free lookup used part of the time: only the rest is left
            return answer.result(None if deadline is None else max(deadline - time.monotonic(), 0))
        except FutureTimeout:
            raise httpcore.ConnectTimeout("looking up the name took too long") from None

    def _lookup(self, host: str, port: int, answer: Future[Sequence[str]]) -> None:
        try:
            answer.set_result(self.resolver(host, port))
        except BaseException as err:  # handed to the waiting fetch, if it still waits
            answer.set_exception(err)
        finally:
            self._free.release()
