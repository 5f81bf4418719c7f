"""Real servers on loopback for the fetch-policy tests and benchmarks/bench_fetch_guard.py.

Plain modules (no pytest): tests reach them through ``tests/conftest.py``, benchmarks by
putting ``tests/support`` on ``sys.path``, so both run from a checkout.

- :func:`start_counting`: an HTTP server that counts every GET and the most served at
  once; ``/`` is a "secret" intranet page, ``/go`` redirects to ``location``,
  ``/feed.xml`` serves ``feed``; each answer waits ``hold`` seconds first.
- :func:`start_trickler`: a raw socket server that sends a head at once and then a tail
  one byte per ``interval`` (every read succeeds, so only a total deadline cuts it).
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SECRET = b"<html><body><p>internal admin page, secret</p></body></html>"


class CountingServer(ThreadingHTTPServer):
    """Counts GETs (``hits``) and the most answered at once (``peak``)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, _CountingHandler)
        self.hits = 0
        self.active = 0
        self.peak = 0
        self.hold = 0.0  # seconds every answer waits
        self.location = ""  # where /go redirects
        self.feed = ""  # the body of /feed.xml
        self.lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that gave up are expected."""


class _CountingServer6(CountingServer):
    address_family = socket.AF_INET6


class _CountingHandler(BaseHTTPRequestHandler):
    server: CountingServer

    def do_GET(self) -> None:
        srv = self.server
        with srv.lock:
            srv.hits += 1
            srv.active += 1
            srv.peak = max(srv.peak, srv.active)
        time.sleep(srv.hold)
        # Counted off before answering: once the client has the body it may free its host
        # slot and send the next request, which must not overlap this one in the count.
        with srv.lock:
            srv.active -= 1
        if self.path == "/feed.xml":
            self._answer(200, srv.feed.encode(), **{"Content-Type": "application/rss+xml"})
        elif self.path.startswith("/go"):
            self._answer(302, b"", Location=srv.location)
        else:
            self._answer(200, SECRET, **{"Content-Type": "text/html"})

    def _answer(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        """Quiet."""


def start_counting(host: str = "127.0.0.1") -> CountingServer:
    """A counting server on a free port of ``host`` (127.0.0.1, 127.0.0.2, ::1), serving
    from a daemon thread; OSError when ``host`` cannot be listened on. Stop with
    :func:`stop`."""
    server = (_CountingServer6 if ":" in host else CountingServer)((host, 0))
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    return server


def stop(server: ThreadingHTTPServer) -> None:
    """Stop serving and free the port."""
    server.shutdown()
    server.server_close()


def start_trickler(
    head: bytes, tail: bytes, *, seconds: float, interval: float
) -> tuple[str, socket.socket]:
    """(URL, listening socket) of a server that sends ``head``, then ``tail`` (repeated)
    one byte per ``interval`` for at most ``seconds`` or until the client leaves. Close
    the socket to stop accepting."""
    listener = socket.create_server(("127.0.0.1", 0))

    def accept() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:  # closed: the test or benchmark is over
                return
            args = (conn, head, tail, seconds, interval)
            threading.Thread(target=_trickle, args=args, daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}/slow", listener


def _trickle(
    conn: socket.socket, head: bytes, tail: bytes, seconds: float, interval: float
) -> None:
    with conn:
        conn.recv(65536)  # the request
        conn.sendall(head)
        stop_at = time.monotonic() + seconds
        for byte in tail * 10_000:
            if time.monotonic() > stop_at:
                return
            try:
                conn.sendall(bytes([byte]))
            except OSError:  # the client hung up: what we want
                return
            time.sleep(interval)
