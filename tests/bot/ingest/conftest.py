"""A real HTTP server on 127.0.0.1 serving feeds and article pages, good and broken.

Routes (see ``Site.route``): valid RSS 2.0 and Atom feeds, broken XML, an HTML page
posing as a feed, 404, 500, a slow answer, huge pages (declared and streamed), a
redirect loop, a long redirect chain, and a feed answering 304 to conditional GETs.
"""

from __future__ import annotations

import functools
import html
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from bot.ingest.feeds import FeedLimits
from bot.ingest.fetch import make_client
from bot.ingest.guard import FetchPolicy
from bot.ingest.ingestor import Ingestor
from bot.services.registry import CompanyRegistry
from storage import Store

SLOW_SECONDS = 3.0
PAGE_LIMIT = 100_000

ARTICLES = {
    "tesla": (
        "Tesla opens a new battery plant in Texas",
        [
            "Tesla has opened a new battery plant near Austin, Texas, the carmaker said on Monday.",
            "The plant will make cells for Tesla's cheaper models and employ 4,000 people.",
            "Tesla said the factory would double its battery output by the end of next year.",
            "Analysts said the move would help Tesla cut the cost of its vehicles.",
        ],
    ),
    "apple": (
        "Apple reports record iPhone sales in China",
        [
            "Apple sold more iPhones in China than ever before in the last quarter.",
            "The company said demand for its newest phones was strong across Asia.",
            "Apple shares rose 3% in after-hours trading following the results.",
            "Chief executive Tim Cook said Apple would keep investing in the region.",
        ],
    ),
    "samsung": (
        "Samsung profit jumps on memory chip demand",
        [
            "Samsung Electronics said operating profit more than doubled in the third quarter.",
            "Demand for memory chips used in artificial intelligence servers drove the gain.",
            "Samsung expects chip prices to keep rising into next year, it said.",
            "The South Korean firm's shares have climbed 40% this year.",
        ],
    ),
}


def article_page(title: str, paragraphs: list[str]) -> str:
    """A web page with navigation and footer furniture around the article."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
        "</title></head><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>{body}</article>"
        "<footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>"
        "</body></html>"
    )


def rss_feed(base: str, items: list[tuple[str, str, str]]) -> str:
    """RSS 2.0 with (title, link, description) items."""
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{base}{link}</link>"
        f"<description>{html.escape(d)}</description>"
        f"<pubDate>Mon, 06 May 2024 10:0{i}:00 GMT</pubDate><guid>{base}{link}</guid></item>"
        for i, (t, link, d) in enumerate(items)
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
        f"<title>Example News</title><link>{base}/</link><description>Tests</description>"
        f"{entries}</channel></rss>"
    )


def atom_feed(base: str) -> str:
    """Atom 1.0 with one entry whose page exists."""
    title, paragraphs = ARTICLES["samsung"]
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Atom Times</title><id>{base}/atom</id><updated>2024-05-06T10:00:00Z</updated>"
        f"<entry><title>{html.escape(title)}</title><id>{base}/articles/samsung</id>"
        f"<link href='{base}/articles/samsung'/><updated>2024-05-06T09:30:00Z</updated>"
        f"<summary>{html.escape(paragraphs[0])}</summary></entry></feed>"
    )


@dataclass
class Site:
    """What the server serves, plus a log of the paths it was asked for."""

    base: str = ""
    requests: list[str] = field(default_factory=list)
    extra: dict[str, tuple[int, str, str]] = field(default_factory=dict)

    def hits(self, path: str) -> int:
        """How many times ``path`` was requested."""
        return sum(1 for p in self.requests if p == path)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Silence the default access log."""

    def do_GET(self) -> None:
        site = self.server.site
        path = self.path.split("?")[0]
        site.requests.append(path)
        if path in site.extra:
            status, ctype, text = site.extra[path]
            return self._send(status, text.encode(), ctype)
        handler = _ROUTES.get(path)
        if handler is None and path.startswith("/articles/"):
            handler = _article
        if handler is None and path.startswith("/chain/"):
            handler = _chain
        if handler is None and path.startswith("/gz/"):
            handler = _compressed
        if handler is None and path.startswith("/slow-page/"):
            handler = _slow_page
        if handler is None:
            return self._send(404, b"not found", "text/plain")
        handler(self, site, path)

    def _send(self, status: int, body: bytes, ctype: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


def _article(h: _Handler, site: Site, path: str) -> None:
    key = path.rsplit("/", 1)[-1].removesuffix(".html")
    if key == "xiaomi":
        from seeds import seed_article

        text = seed_article().read_text(encoding="utf-8")
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        page = article_page(lines[0], lines[1:])
    elif key in ARTICLES:
        page = article_page(*ARTICLES[key])
    else:
        return h._send(404, b"no such article", "text/plain")
    h._send(200, page.encode(), "text/html; charset=utf-8")


def _rss(h: _Handler, site: Site, path: str) -> None:
    items = [
        (ARTICLES["tesla"][0], "/articles/tesla", "Tesla opens a plant."),
        (ARTICLES["apple"][0], "/articles/apple", "Apple sells phones."),
        ("Xiaomi to enter electric vehicle race", "/articles/xiaomi", "Xiaomi EV."),
        (
            "Nokia wins a network deal in Finland",
            "/articles/gone",
            "<p>Nokia has won a contract to build a 5G network for a Finnish operator.</p>"
            "<p>The deal is worth about 200 million euros, Nokia said on Tuesday.</p>",
        ),
        ("A story with no text", "/articles/missing", ""),
    ]
    h._send(200, rss_feed(site.base, items).encode(), "application/rss+xml")


def _etag_feed(h: _Handler, site: Site, path: str) -> None:
    etag, modified = '"v1"', "Mon, 06 May 2024 10:00:00 GMT"
    if h.headers.get("If-None-Match") == etag or h.headers.get("If-Modified-Since") == modified:
        h.send_response(304)
        h.send_header("ETag", etag)
        h.send_header("Content-Length", "0")
        h.end_headers()
        return
    body = rss_feed(site.base, [(ARTICLES["tesla"][0], "/articles/tesla", "Tesla.")])
    h._send(200, body.encode(), "application/rss+xml", ETag=etag, Last_Modified=modified)


def _slow(h: _Handler, site: Site, path: str) -> None:
    time.sleep(SLOW_SECONDS)
    h._send(200, b"<rss version='2.0'><channel><title>late</title></channel></rss>", "text/xml")


def _huge_streamed(h: _Handler, site: Site, path: str) -> None:
    # No Content-Length: the client only learns the size by reading.
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"<p>" + b"lorem ipsum " * 1000 + b"</p>\n"
    try:
        for _ in range(PAGE_LIMIT * 3 // len(chunk) + 1):
            h.wfile.write(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass
    h.close_connection = True


BOMB_BYTES = 50 * 1024 * 1024  # of zeros, a few dozen KB once gzipped


def _compressed(h: _Handler, site: Site, path: str) -> None:
    """/gz/<kind>: a page compressed as servers do (gzip, zlib or raw deflate), a gzip
    bomb, a bomb gzipped twice, or an encoding we never ask for."""
    kind = path.rsplit("/", 1)[-1]
    page = article_page("Tesla opens a new battery plant", ["Tesla opened a plant."]).encode()
    bomb = _bomb()
    bodies = {
        "gzip": ("gzip", _gzip(page)),
        "deflate": ("deflate", zlib.compress(page)),
        "raw-deflate": ("deflate", _raw_deflate(page)),
        "bomb": ("gzip", bomb),
        "double-bomb": ("gzip, gzip", _gzip(bomb)),
        "brotli": ("br", page),
        "not-gzip": ("gzip", page),
    }
    encoding, body = bodies[kind]
    h._send(200, body, "text/html", Content_Encoding=encoding)


@functools.cache
def _bomb() -> bytes:
    """BOMB_BYTES of zeros gzipped, made a megabyte at a time: the test measures memory."""
    gzip = zlib.compressobj(wbits=16 + zlib.MAX_WBITS)
    zeros = bytes(1024 * 1024)
    return b"".join(gzip.compress(zeros) for _ in range(BOMB_BYTES // len(zeros))) + gzip.flush()


def _gzip(data: bytes) -> bytes:
    gzip = zlib.compressobj(wbits=16 + zlib.MAX_WBITS)
    return gzip.compress(data) + gzip.flush()


def _raw_deflate(data: bytes) -> bytes:
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return raw.compress(data) + raw.flush()


SLOW_PAGE_SECONDS = 0.3


def _slow_entries(h: _Handler, site: Site, path: str) -> None:
    """A feed of six stories whose pages each take SLOW_PAGE_SECONDS to arrive; it never
    changes, and says so (304) to a client that sends its ETag."""
    if h.headers.get("If-None-Match") == '"s1"':
        h.send_response(304)
        h.send_header("Content-Length", "0")
        h.end_headers()
        return
    items = [(f"Acme plant number {n} opens", f"/slow-page/{n}", "") for n in range(6)]
    h._send(200, rss_feed(site.base, items).encode(), "application/rss+xml", ETag='"s1"')


def _slow_page(h: _Handler, site: Site, path: str) -> None:
    n = path.rsplit("/", 1)[-1]
    time.sleep(SLOW_PAGE_SECONDS)
    page = article_page(
        f"Acme plant number {n} opens",
        [f"Acme Motors opened its plant number {n} in Ohio on Monday, the company said."],
    )
    h._send(200, page.encode(), "text/html; charset=utf-8")


def _route(status: int, body: str, ctype: str) -> Callable[[_Handler, Site, str], None]:
    return lambda h, site, path: h._send(status, body.encode(), ctype)


_ROUTES: dict[str, Callable[[_Handler, Site, str], None]] = {
    "/rss.xml": _rss,
    "/atom.xml": lambda h, site, path: h._send(
        200, atom_feed(site.base).encode(), "application/atom+xml"
    ),
    "/etag.xml": _etag_feed,
    "/broken.xml": _route(200, "<?xml version='1.0'?><rss><channel><title>Bro", "text/xml"),
    "/not-a-feed.xml": _route(
        200, "<html><body><p>Hello, this is a page.</p></body></html>", "text/html"
    ),
    "/404.xml": _route(404, "gone", "text/plain"),
    "/500.xml": _route(500, "boom", "text/plain"),
    "/slow.xml": _slow,
    "/slow-entries.xml": _slow_entries,
    "/huge.html": _route(200, "<p>" + "x" * (PAGE_LIMIT * 2) + "</p>", "text/html"),
    "/huge-stream.html": _huge_streamed,
    "/loop-a": lambda h, site, path: h.redirect("/loop-b"),
    "/loop-b": lambda h, site, path: h.redirect(f"{site.base}/loop-a"),
    "/moved": lambda h, site, path: h.redirect("/articles/tesla"),
    "/bad-idna.xml": lambda h, site, path: h.redirect("http://xn--/"),
}


def _chain(h: _Handler, site: Site, path: str) -> None:
    step = int(path.rsplit("/", 1)[-1])
    h.redirect(f"/chain/{step + 1}" if step < 10 else "/articles/tesla")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (timeout, size limit) is expected here, not an error."""


@pytest.fixture
def site(serve_http: Callable[..., _Server]) -> Site:
    """A live server on a free port of 127.0.0.1; it stops when the test ends."""
    server = serve_http(_Handler, _Server)
    server.site = Site(base=f"http://127.0.0.1:{server.server_address[1]}")
    return server.site


LIMITS = FeedLimits(
    timeout=1.0,
    page_timeout=1.0,
    page_max_bytes=PAGE_LIMIT,
    feed_max_bytes=PAGE_LIMIT,
    max_entries=20,
    workers=2,
)


@pytest.fixture
def limits() -> FeedLimits:
    """Short timeouts and small size limits so failures show quickly."""
    return LIMITS


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    """An HTTP client with a short timeout, closed after the test; the test server is on
    127.0.0.1, so private addresses are allowed explicitly."""
    with make_client(timeout=1.0, policy=FetchPolicy(allow_private=True)) as http:
        yield http


@pytest.fixture
def ingestor(store: Store, client: httpx.Client) -> Ingestor:
    """An ingestor on the fresh database with the shipped company registry."""
    return Ingestor(store=store, companies=CompanyRegistry(store), client=client, limits=LIMITS)
