"""The fetch policy: which addresses newsbot may connect to, and for how long.

Every HTTP client newsbot fetches with (:func:`bot.ingest.fetch.make_client`) sends its
requests through :class:`GuardedTransport`:

- **Addresses.** The host name is resolved once, every address is checked, and the
  connection goes to a checked address (TLS still verifies the name), never to a name
  looked up again. Loopback,
  private, link-local, shared (CGNAT), multicast, reserved and unspecified addresses,
  and IPv6 forms that embed them, are refused in every spelling, after redirects too;
  the connected peer is checked again. The refusal never says whether a port is open
  or a name exists. ``NEWSBOT_ALLOW_PRIVATE_FETCH=1`` (or ``--allow-private-fetch``)
  lets an operator fetch intranet pages.
- **Deadline.** Each request's timeout is a total deadline: looking up the name
  (:mod:`bot.ingest.lookup`), connecting, sending, headers and body together. Every
  socket read is cut at the time left, so a server that trickles bytes, or a name that
  resolves slowly, cannot hold a worker past it.
- **Per-host cap.** At most ``max_per_host`` requests to one host at a time; the rest
  wait (within their deadline) for a free slot.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import httpcore
import httpx

from bot.ingest.addresses import (
    ALLOW_PRIVATE_ENV,
    BlockedAddress,
    FetchPolicy,
    IPAddress,
    is_public,
    refusal,
)
from bot.ingest.lookup import Lookups, Resolver

__all__ = [
    "ALLOW_PRIVATE_ENV",
    "BlockedAddress",
    "FetchPolicy",
    "GuardedTransport",
    "is_public",
    "refusal",
]


class _Guard:
    """The state one transport shares across threads: host slots and per-thread deadlines."""

    def __init__(self, policy: FetchPolicy, lookups: Lookups) -> None:
        self.policy = policy
        self.lookups = lookups
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._local = threading.local()  # a sync request runs in its caller's thread

    @property
    def deadline(self) -> float | None:
        return getattr(self._local, "deadline", None)

    @deadline.setter
    def deadline(self, value: float | None) -> None:
        self._local.deadline = value

    def clip(self, timeout: float | None, expired: type[Exception]) -> float | None:
        """``timeout`` cut to the time left before this thread's deadline."""
        deadline = self.deadline
        if deadline is None:
            return timeout
        left = deadline - time.monotonic()
        if left <= 0:
            raise expired("the fetch deadline passed")
        return left if timeout is None else min(timeout, left)

    def slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            found = self._slots.get(host)
            if found is None:
                found = self._slots[host] = threading.BoundedSemaphore(self.policy.max_per_host)
            return found

    def resolve(self, host: str, port: int, timeout: float | None) -> list[str]:
        """The permitted addresses of ``host``, looked up before the deadline (ConnectTimeout
        after it); BlockedAddress when there are none."""
        try:
            found = [host] if _address(host) is not None else self._look_up(host, port, timeout)
        except (OSError, UnicodeError) as err:
            if self.policy.allow_private:
                raise httpcore.ConnectError(f"could not resolve the name ({err})") from None
            raise BlockedAddress() from None  # same words as a private name: reveal nothing
        permitted = [str(ip) for ip in _addresses(found) if self.policy.permits(ip)]
        if not permitted:
            raise BlockedAddress()
        return list(dict.fromkeys(permitted))

    def _look_up(self, host: str, port: int, timeout: float | None) -> Sequence[str]:
        return self.lookups.addresses(host, port, self.clip(timeout, httpcore.ConnectTimeout))

    def check_peer(self, stream: httpcore.NetworkStream) -> None:
        """Refuse a connection whose peer is not permitted (whatever the name said)."""
        peer = stream.get_extra_info("server_addr")
        address = _address(peer[0]) if peer else None
        if address is None or not self.policy.permits(address):
            stream.close()
            raise BlockedAddress()


def _address(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return None


def _addresses(found: Iterable[str]) -> Iterator[IPAddress]:
    for text in found:
        address = _address(str(text))
        if address is not None:
            yield address


class _GuardedStream(httpcore.NetworkStream):
    """A socket whose every read and write ends by the thread's fetch deadline."""

    def __init__(self, inner: httpcore.NetworkStream, guard: _Guard) -> None:
        self._inner = inner
        self._guard = guard

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._guard.clip(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._guard.clip(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        budget = self._guard.clip(timeout, httpcore.ConnectTimeout)
        return _GuardedStream(
            self._inner.start_tls(ssl_context, server_hostname, budget), self._guard
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves once, connects only to checked addresses, and checks the peer again."""

    def __init__(self, guard: _Guard) -> None:
        self._guard = guard
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        last: Exception = httpcore.ConnectError("no address to connect to")
        for address in self._guard.resolve(host, port, timeout):
            budget = self._guard.clip(timeout, httpcore.ConnectTimeout)
            try:
                stream = self._inner.connect_tcp(
                    address, port, budget, local_address, socket_options
                )
            except httpcore.ConnectError as err:
                last = err
                continue
            self._guard.check_peer(stream)
            return _GuardedStream(stream, self._guard)
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise BlockedAddress()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _Released(httpx.SyncByteStream):
    """A response body that frees its host slot and deadline when closed."""

    def __init__(self, inner: httpx.SyncByteStream, done: Any) -> None:
        self._inner = inner
        self._done = done

    def __iter__(self) -> Iterator[bytes]:
        yield from self._inner

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            done, self._done = self._done, None
            if done is not None:
                done()


class GuardedTransport(httpx.BaseTransport):
    """httpx's transport under the fetch policy (addresses, total deadline, host slots)."""

    def __init__(
        self,
        policy: FetchPolicy,
        *,
        default_timeout: float = 15.0,
        resolver: Resolver | None = None,
    ) -> None:
        self.policy = policy
        self._guard = _Guard(policy, Lookups(resolver))
        self._default = default_timeout
        self._inner = httpx.HTTPTransport(trust_env=False, retries=0)
        # httpx has no parameter for the network backend; the pool is rebuilt with ours.
        self._inner._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(self._guard),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme not in ("http", "https"):
            raise BlockedAddress()
        guard = self._guard
        guard.deadline = time.monotonic() + self._total(request)
        slot = guard.slot(request.url.host.lower())
        left = guard.deadline - time.monotonic()
        if not slot.acquire(timeout=max(0.0, left)):
            guard.deadline = None
            raise httpx.PoolTimeout("too many fetches from one site at once", request=request)

        def done() -> None:
            slot.release()
            guard.deadline = None

        try:
            response = self._inner.handle_request(request)
        except BaseException:
            done()
            raise
        assert isinstance(response.stream, httpx.SyncByteStream)
        response.stream = _Released(response.stream, done)
        return response

    def _total(self, request: httpx.Request) -> float:
        """The request's timeout, used as the deadline of the whole exchange."""
        values = request.extensions.get("timeout", {}).values()
        given = [float(v) for v in values if v is not None]
        return max(given) if given else self._default

    def close(self) -> None:
        self._inner.close()
