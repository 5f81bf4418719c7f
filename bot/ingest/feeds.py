"""RSS and Atom feeds: poll politely, fetch each new entry's page, store the article.

The feed is fetched with :func:`bot.ingest.fetch.fetch` (conditional GET, bounded redirects,
size limit, timeout) and only then handed to feedparser as bytes — feedparser never
touches the network itself. Each new entry's page is fetched and cleaned; when the
page fails, the entry's own summary or content is used instead. At most
``FeedLimits.max_entries`` entries are read per poll. :mod:`bot.ingest.poll` runs a
poll of several feeds and stores what they bring.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import feedparser
import httpx

from bot.ingest.fetch import DEFAULT_MAX_BYTES, fetch
from summarizer.article import Article
from summarizer.errors import FetchError, InputError, NewsbotError
from summarizer.text.clean import clean_text, parse_article

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


@dataclass(frozen=True, slots=True)
class FeedLimits:
    """Bounds on one poll: timeouts (seconds), sizes (bytes), entries and parallel fetches."""

    timeout: float = 15.0
    page_timeout: float = 10.0
    feed_max_bytes: int = 10 * 1024 * 1024
    page_max_bytes: int = DEFAULT_MAX_BYTES
    max_entries: int = 50
    workers: int = 4
    # Seconds one feed's entry pages may take in a poll: entries not reached by then wait
    # for the next poll, so one slow site cannot hold every other feed for minutes.
    pages_budget: float = 30.0
    # An entry published longer ago than this (seconds) is stored for /news and /search
    # but alerts nobody: a feed added today, or one re-publishing its archive, must not
    # send last month's stories as news. An entry without a date still alerts.
    alert_max_age: float = 3 * 86400.0


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item as the feed describes it."""

    title: str
    link: str | None
    summary: str
    published: str | None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A polled feed; ``not_modified`` means the server answered 304 (no entries)."""

    url: str
    title: str | None
    entries: tuple[FeedEntry, ...]
    etag: str | None
    last_modified: str | None
    not_modified: bool = False


class NotAFeedError(FetchError):
    """The address answered, with something that is no RSS or Atom feed."""


# A document that opens as a web page (after any BOM, spaces and comments).
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype html|html)\b", re.IGNORECASE | re.DOTALL
)


def read_feed(
    url: str,
    *,
    client: httpx.Client,
    limits: FeedLimits,
    etag: str | None = None,
    last_modified: str | None = None,
) -> ParsedFeed:
    """Fetch and parse a feed; FetchError when it cannot be fetched or is not RSS/Atom."""
    page = fetch(
        url,
        client=client,
        max_bytes=limits.feed_max_bytes,
        timeout=limits.timeout,
        etag=etag,
        last_modified=last_modified,
    )
    if page.not_modified:
        return ParsedFeed(url, None, (), page.etag, page.last_modified, not_modified=True)
    title, entries = parse_feed(page.content, url=page.final_url, content_type=page.content_type)
    return ParsedFeed(url, title, entries[: limits.max_entries], page.etag, page.last_modified)


def parse_feed(
    content: bytes, *, url: str, content_type: str = ""
) -> tuple[str | None, tuple[FeedEntry, ...]]:
    """The feed's title and entries, from bytes already fetched."""
    # A stream, never bytes or str: feedparser would treat those as a path or URL to open.
    parsed = feedparser.parse(
        io.BytesIO(content),
        response_headers={"content-location": url, "content-type": content_type or "text/xml"},
    )
    if not parsed.entries and (parsed.bozo or not parsed.version):
        if "html" in content_type.lower() or _HTML_START.match(content):
            raise NotAFeedError(f"{url} is a web page, not an RSS or Atom feed.", url=url)
        reason = _bozo_reason(parsed)
        raise NotAFeedError(f"The feed at {url} is not valid RSS or Atom ({reason}).", url=url)
    title = " ".join(_text(parsed.feed.get("title")).split()) or None
    return title, tuple(_entry(raw) for raw in parsed.entries)


def _bozo_reason(parsed: Any) -> str:
    if not parsed.version and not parsed.bozo:
        return "no feed found in the document"
    exc = parsed.get("bozo_exception")
    message = str(getattr(exc, "getMessage", lambda: exc)()) if exc is not None else ""
    return message.strip().rstrip(".") or "unreadable XML"


def _entry(raw: Any) -> FeedEntry:
    contents = [c.get("value", "") for c in raw.get("content", []) if isinstance(c, dict)]
    summary = max([_text(raw.get("summary")), *contents], key=len, default="")
    stamp = raw.get("published_parsed") or raw.get("updated_parsed")
    published = datetime(*stamp[:6]).replace(tzinfo=UTC).isoformat() if stamp else None
    link = _text(raw.get("link")) or None
    title = " ".join(_text(raw.get("title")).split())
    return FeedEntry(title, link, summary, published)


def _text(value: Any) -> str:
    return str(value).strip() if value else ""


def entry_article(
    entry: FeedEntry, *, source: str | None, client: httpx.Client, limits: FeedLimits
) -> Article:
    """The entry's article page, cleaned; the feed's own summary when the page fails."""
    page_error: NewsbotError | None = None
    if entry.link:
        try:
            return _page_article(entry, source=source, client=client, limits=limits)
        except NewsbotError as err:
            page_error = err
    text = _fragment_text(entry.summary)
    if text:
        raw = f"{entry.title}\n\n{text}" if entry.title else text
        return clean_text(raw, url=entry.link, source=source, published=entry.published)
    if page_error is not None:
        raise FetchError(f"{page_error} The feed has no summary to use instead.") from page_error
    raise InputError("The feed entry has neither a link nor any text.")


def _page_article(
    entry: FeedEntry, *, source: str | None, client: httpx.Client, limits: FeedLimits
) -> Article:
    assert entry.link is not None
    page = fetch(
        entry.link, client=client, max_bytes=limits.page_max_bytes, timeout=limits.page_timeout
    )
    if page.content_type not in _PAGE_TYPES:
        raise FetchError(f"{entry.link} is not a web page ({page.content_type}).")
    article = parse_article(page.text, url=entry.link)
    return replace(
        article,
        title=entry.title or article.title,
        url=entry.link,
        source=source,
        published=entry.published or article.published,
    )


_BREAKS = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6])\b[^>]*>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")


def _fragment_text(fragment: str) -> str:
    """Plain text of a feed's HTML summary, one paragraph per line."""
    text = _TAGS.sub(" ", _BREAKS.sub("\n", fragment))
    lines = (" ".join(html.unescape(line).split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)
