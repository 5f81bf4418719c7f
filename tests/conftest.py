"""Fixtures shared by every test area: real files and real sockets, never mocks."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

if TYPE_CHECKING:
    from storage import Store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
# Helpers shared with benchmarks/ (plain modules, imported by name, e.g. loopback_servers).
sys.path.insert(0, str(REPO / "tests" / "support"))

#: One answer of :func:`serve_routes`: (status, content type, body); for a 3xx the body
#: is the Location.
Route = tuple[int, str, bytes]
NOT_FOUND: Route = (404, "text/plain", b"not found")
S = TypeVar("S", bound=ThreadingHTTPServer)


@pytest.fixture
def seed_text() -> str:
    """The shipped sample article, boilerplate included."""
    from seeds import seed_article

    return seed_article().read_text(encoding="utf-8")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh SQLite file in the test's own folder."""
    return tmp_path / "newsbot.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh, migrated store on ``db_path``, closed when the test ends."""
    from storage import open_store

    with open_store(db_path) as opened:
        yield opened


@pytest.fixture
def serve_http() -> Iterator[Callable[..., Any]]:
    """``serve_http(handler, server_class=ThreadingHTTPServer)`` -> that server on a free
    port of 127.0.0.1, serving from a thread; every server started stops when the test ends."""
    started: list[tuple[ThreadingHTTPServer, threading.Thread]] = []

    def serve(
        handler: type[BaseHTTPRequestHandler], server_class: type[S] = ThreadingHTTPServer
    ) -> S:  # type: ignore[assignment]
        server = server_class(("127.0.0.1", 0), handler)
        thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        thread.start()
        started.append((server, thread))
        return server

    yield serve
    for server, thread in reversed(started):
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _RouteServer(ThreadingHTTPServer):
    routes: Mapping[str, Route] = MappingProxyType({})


class _RouteHandler(BaseHTTPRequestHandler):
    server: _RouteServer

    def do_GET(self) -> None:
        status, kind, body = self.server.routes.get(self.path, NOT_FOUND)
        self.send_response(status)
        if 300 <= status < 400:
            self.send_header("Location", body.decode())
            body = b""
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def serve_routes(serve_http: Callable[..., Any]) -> Callable[[Mapping[str, Route]], str]:
    """``serve_routes({"/path": (status, content type, body)})`` -> ``http://127.0.0.1:PORT``,
    a server answering GETs from that table as it stands at request time (404 elsewhere)."""

    def serve(routes: Mapping[str, Route]) -> str:
        server = serve_http(_RouteHandler, _RouteServer)
        server.routes = routes
        return f"http://127.0.0.1:{server.server_port}"

    return serve


@pytest.fixture
def run_newsbot() -> Callable[..., subprocess.CompletedProcess[Any]]:
    """``run_newsbot(*args, input=None, text=False)``: ``python -m bot.cli ARGS`` in a real
    process from the repository root, output captured, at most 60 s."""

    def run(
        *args: str, input: bytes | str | None = None, text: bool = False
    ) -> subprocess.CompletedProcess[Any]:
        return subprocess.run(
            [sys.executable, "-m", "bot.cli", *args],
            input=input,
            text=text,
            capture_output=True,
            timeout=60,
            cwd=REPO,
            check=False,
        )

    return run
