"""A total deadline on every fetch, against a raw socket server on 127.0.0.1 that trickles
its answer one byte at a time (each read succeeds, so a per-read timeout never fires)."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator

import pytest
from loopback_servers import start_trickler

from bot.ingest.fetch import fetch, make_client
from bot.ingest.guard import FetchPolicy
from summarizer.errors import FetchError

TRICKLE_FOR = 60.0  # the server would keep going this long; the fetch must not
LOCAL = FetchPolicy(allow_private=True)


@pytest.fixture
def trickler() -> Iterator[Callable[[bytes, bytes], str]]:
    """``trickler(head, tail)`` -> the URL of a server trickling ``tail`` after ``head``."""
    sockets: list[socket.socket] = []

    def serve(head: bytes, tail: bytes) -> str:
        url, listener = start_trickler(head, tail, seconds=TRICKLE_FOR, interval=0.2)
        sockets.append(listener)
        return url

    yield serve
    for listener in sockets:
        listener.close()


def _held(url: str, *, timeout: float) -> tuple[float, str]:
    start = time.monotonic()
    with make_client(timeout=timeout, policy=LOCAL) as client, pytest.raises(FetchError) as caught:
        fetch(url, client=client, timeout=timeout)
    return time.monotonic() - start, str(caught.value)


def test_a_server_trickling_header_bytes_is_cut_at_the_deadline(
    trickler: Callable[[bytes, bytes], str],
) -> None:
    url = trickler(b"HTTP/1.1 200 OK\r\n", b"X-Slow: aaaaaaaaaaaaaaaaaaaa\r\n")
    held, message = _held(url, timeout=1.0)
    assert message == f"Fetching {url} took too long."
    assert held < TRICKLE_FOR / 4  # cut near the 1 s deadline, not when the server stops


def test_a_server_trickling_the_body_is_cut_at_the_deadline(
    trickler: Callable[[bytes, bytes], str],
) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"
    url = trickler(head, b"<p>slow body</p>")
    held, message = _held(url, timeout=1.0)
    assert message == f"Fetching {url} took too long."
    assert held < TRICKLE_FOR / 4


def test_the_deadline_covers_every_redirect_hop_together(
    trickler: Callable[[bytes, bytes], str],
) -> None:
    slow = trickler(b"HTTP/1.1 200 OK\r\n", b"X-Slow: a\r\n")
    hop = f"HTTP/1.1 302 Found\r\nLocation: {slow}\r\nContent-Length: 0\r\n\r\n".encode()
    first = trickler(hop, b"")
    held, message = _held(first, timeout=1.0)
    assert message == f"Fetching {first} took too long."
    assert held < TRICKLE_FOR / 4
