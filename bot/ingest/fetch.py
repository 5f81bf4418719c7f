"""Fetch one web page or feed over HTTP, safely.

Every way a fetch can go wrong (timeouts, refused connections, 4xx/5xx answers,
redirect loops, invalid addresses, pages over the size limit, addresses the fetch
policy refuses) ends as one :class:`~summarizer.errors.FetchError` whose message is a
sentence a user can read. Every fetch goes through a client from :func:`make_client`,
whose transport applies the fetch policy of :mod:`bot.ingest.guard`.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

from bot.ingest.charsets import decode
from bot.ingest.guard import BlockedAddress, FetchPolicy, GuardedTransport, refusal
from bot.ingest.inflate import ACCEPTED, Inflater, UnreadableEncoding
from bot.ingest.lookup import Resolver
from summarizer.errors import BlockedAddressError, FetchError

DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "newsbot/0.1 (+https://github.com/newsbot; company news summaries)"

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """What a fetch returned: the decoded text plus the headers needed to ask again.

    ``status`` is 200-299, or 304 when a conditional request found nothing new
    (then ``text`` and ``content`` are empty and the validators are the ones sent).
    """

    url: str
    final_url: str
    status: int
    content_type: str
    text: str
    etag: str | None = None
    last_modified: str | None = None
    content: bytes = b""

    @property
    def not_modified(self) -> bool:
        """True when the server said the resource has not changed since last time."""
        return self.status == 304


class PolicyClient(httpx.Client):
    """An httpx client whose every request obeys ``policy`` (see :mod:`bot.ingest.guard`)."""

    def __init__(
        self, *, policy: FetchPolicy, timeout: float, resolver: Resolver | None = None
    ) -> None:
        super().__init__(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPTED},
            transport=GuardedTransport(policy, default_timeout=timeout, resolver=resolver),
            trust_env=False,  # a proxy from the environment would bypass the address check
        )
        self.policy = policy


def make_client(
    *,
    timeout: float = DEFAULT_TIMEOUT,
    policy: FetchPolicy | None = None,
    resolver: Resolver | None = None,
) -> PolicyClient:
    """An httpx client with newsbot's defaults (redirects are followed by :func:`fetch`).

    Without ``policy`` only public addresses may be fetched (the operator's choice comes
    from ``bot.config.Config.fetch_policy``). ``resolver`` replaces the system's name
    lookup (see :mod:`bot.ingest.lookup`); every lookup ends by the fetch's deadline.
    """
    return PolicyClient(policy=policy or FetchPolicy(), timeout=timeout, resolver=resolver)


def fetch(
    url: str,
    *,
    client: httpx.Client | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchedPage:
    """Fetch ``url`` and return its text, or raise FetchError with one clear sentence.

    At most ``MAX_REDIRECTS`` redirects are followed (a loop is reported as such),
    the body is read in chunks and abandoned past ``max_bytes``, and the whole
    fetch must finish within ``timeout`` seconds. ``etag``/``last_modified`` make
    the request conditional; an unchanged resource comes back with status 304.
    """
    check_web_address(url)
    if client is not None and not isinstance(client, PolicyClient):
        raise TypeError("fetch() needs a client from make_client(), which applies the policy")
    headers = _conditional_headers(etag, last_modified)
    deadline = time.monotonic() + timeout
    with _client_for(client, timeout) as http:
        current, seen = url, {url}
        for _ in range(MAX_REDIRECTS + 1):
            page_or_next = _request_once(
                http, url, current, headers=headers, max_bytes=max_bytes, deadline=deadline
            )
            if isinstance(page_or_next, FetchedPage):
                return _with_validators(page_or_next, etag, last_modified)
            current = page_or_next
            if current in seen:
                raise FetchError(f"The address {url} redirects in a loop.")
            seen.add(current)
        raise FetchError(f"The address {url} redirects more than {MAX_REDIRECTS} times.")


@contextmanager
def _client_for(client: httpx.Client | None, timeout: float) -> Iterator[httpx.Client]:
    if client is not None:
        yield client
        return
    with make_client(timeout=timeout) as own:
        yield own


def require_text(page: FetchedPage, url: str) -> None:
    """FetchError unless the page is text (HTML, XML, plain): an image or a PDF is no
    article, and saying what it is beats "binary data"."""
    kind = page.content_type
    if kind and not (kind.startswith("text/") or "html" in kind or "xml" in kind):
        raise FetchError(f"The page at {url} is not an article (it is {kind}).", url=url)


def check_web_address(url: str) -> None:
    """BlockedAddressError unless ``url`` is an http(s) address (checked before fetching,
    and by the configuration for feeds given at start-up)."""
    try:
        scheme = httpx.URL(url).scheme
    except (httpx.InvalidURL, TypeError, ValueError) as err:
        # Refused like a blocked address: no retry can make it work (a feed is not saved).
        raise BlockedAddressError(f"{url!r} is not a valid web address.") from err
    if scheme not in {"http", "https"}:
        raise BlockedAddressError(f"{url!r} is not an http(s) web address.")


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _request_once(
    http: httpx.Client,
    original: str,
    current: str,
    *,
    headers: dict[str, str],
    max_bytes: int,
    deadline: float,
) -> FetchedPage | str:
    """One HTTP exchange: a page, or the next URL when the answer is a redirect."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"Fetching {original} took too long.")
    try:
        request = http.build_request("GET", current, headers=headers, timeout=remaining)
        response = http.send(request, stream=True, follow_redirects=False)
    except BlockedAddress:
        raise BlockedAddressError(refusal(original)) from None  # never the redirect's name
    except httpx.TimeoutException as err:
        raise FetchError(f"Fetching {original} took too long.") from err
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as err:
        # ValueError includes idna's errors for hosts such as "xn--".
        raise FetchError(f"Could not fetch {original}: {_describe(err)}.") from err
    try:
        if response.status_code in _REDIRECTS and "location" in response.headers:
            return _next_url(original, response)
        if response.status_code == 304:
            return _page(original, response, b"")
        if not 200 <= response.status_code < 300:
            reason = response.reason_phrase or "error"
            raise FetchError(
                f"The server answered {response.status_code} {reason} for {original}.",
                url=original,
                status=response.status_code,
            )
        body = _read_limited(response, original, max_bytes=max_bytes, deadline=deadline)
        return _page(original, response, body)
    finally:
        response.close()


def _next_url(original: str, response: httpx.Response) -> str:
    try:
        target = response.url.join(response.headers["location"])
        _ = target.host  # decoding "xn--" and friends fails here, not deep in a send
    except (httpx.InvalidURL, ValueError) as err:  # UnicodeError is a ValueError
        raise FetchError(f"Could not fetch {original}: {_describe(err)}.") from err
    if target.scheme not in {"http", "https"}:
        raise FetchError(f"The address {original} redirects to a non-web address.")
    return str(target)


def _read_limited(
    response: httpx.Response, original: str, *, max_bytes: int, deadline: float
) -> bytes:
    too_big = FetchError(f"The page at {original} is larger than the {_size(max_bytes)} limit.")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_big
    try:
        inflater = Inflater(response.headers.get("content-encoding", ""), max_bytes=max_bytes)
    except UnreadableEncoding as err:
        raise FetchError(f"The page at {original} is compressed in a way we cannot read.") from err
    chunks: list[bytes] = []
    try:
        # Raw bytes, decompressed here within the limit (httpx would inflate a bomb whole).
        for chunk in response.iter_raw():
            chunks.append(inflater.feed(chunk))
            if inflater.too_big:
                raise too_big
            if time.monotonic() > deadline:
                raise FetchError(f"Fetching {original} took too long.")
        chunks.append(inflater.finish())
    except httpx.TimeoutException as err:
        raise FetchError(f"Fetching {original} took too long.") from err
    except httpx.HTTPError as err:
        raise FetchError(f"Could not fetch {original}: {_describe(err)}.") from err
    except zlib.error as err:
        raise FetchError(f"The page at {original} is not the compressed data it says.") from err
    if inflater.too_big:
        raise too_big
    return b"".join(chunks)


def _page(original: str, response: httpx.Response, body: bytes) -> FetchedPage:
    content_type = response.headers.get("content-type", "")
    return FetchedPage(
        url=original,
        final_url=str(response.url),
        status=response.status_code,
        content_type=content_type.split(";")[0].strip().lower(),
        text=decode(body, content_type),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        content=body,
    )


def _with_validators(page: FetchedPage, etag: str | None, last_modified: str | None) -> FetchedPage:
    """A 304 may omit the validators; keep the ones we sent so the next ask is conditional too."""
    if not page.not_modified:
        return page
    return FetchedPage(
        url=page.url,
        final_url=page.final_url,
        status=page.status,
        content_type=page.content_type,
        text="",
        etag=page.etag or etag,
        last_modified=page.last_modified or last_modified,
    )


def _describe(err: Exception) -> str:
    if isinstance(err, httpx.ConnectError):
        return "the server could not be reached"
    if isinstance(err, httpx.UnsupportedProtocol):
        return "the address is not http(s)"
    if isinstance(err, httpx.RemoteProtocolError) and "location" in str(err).lower():
        return "the address it redirects to is not valid"
    if isinstance(err, httpx.InvalidURL | ValueError):
        # httpx reads a redirect's target while receiving it: "xn--" ends up here.
        return "the address, or the one it redirects to, is not valid"
    return "the connection failed"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MB"
    if n >= 1024:
        return f"{n / 1024:g} KB"
    return f"{n} bytes"
