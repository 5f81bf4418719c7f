"""RSS and Atom feeds: poll politely, fetch each new entry's page, store the article.

The feed is fetched with :func:`bot.ingest.fetch.fetch` (conditional GET, bounded redirects,
size limit, timeout) and only then handed to feedparser as bytes — feedparser never
touches the network itself. Each new entry's page is fetched and cleaned; when the
page fails, the entry's own summary or content is used instead. At most
``FeedLimits.max_entries`` entries are read per poll.
"""

from __future__ import annotations

import html
import io
import logging
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import feedparser
import httpx

from bot.ingest.fetch import DEFAULT_MAX_BYTES, fetch
from bot.ingest.files import Item, source_from_url
from summarizer.article import Article
from summarizer.errors import FetchError, InputError, NewsbotError, StorageError
from summarizer.text.clean import clean_text, parse_article

if TYPE_CHECKING:
    from bot.ingest.ingestor import Ingestor, IngestReport

log = logging.getLogger(__name__)
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
        url, client=client, max_bytes=limits.feed_max_bytes, timeout=limits.timeout,
        etag=etag, last_modified=last_modified,
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
        reason = _bozo_reason(parsed)
        raise FetchError(f"The feed at {url} is not valid RSS or Atom ({reason}).")
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
    published = (
        datetime(*stamp[:6]).replace(tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if stamp else None
    )
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


@dataclass(frozen=True, slots=True)
class _Gathered:
    """One feed after the network part of a poll: entries ready to store, or the error."""

    url: str
    parsed: ParsedFeed | None
    items: tuple[Item, ...] = ()
    known: int = 0
    error: FetchError | None = None


def ingest_feed(ingestor: Ingestor, url: str) -> IngestReport:
    """Poll ``url`` and store its new entries; a broken feed is one reported failure."""
    return _store_isolated(ingestor, _gather(ingestor, url))


def ingest_feeds(ingestor: Ingestor, urls: Iterable[str]) -> IngestReport:
    """Poll several feeds, fetching up to ``limits.workers`` at once.

    Each feed is stored as soon as it has been read, so a slow feed (held up to its
    deadline) never delays a healthy feed's articles and alerts.
    """
    from bot.ingest.ingestor import (
        IngestReport,  # here, not at the top: bot.ingest.ingestor imports this module
    )

    unique = list(dict.fromkeys(urls))
    report = IngestReport()
    with ThreadPoolExecutor(max_workers=ingestor.limits.workers) as pool:
        futures = [pool.submit(_gather, ingestor, url) for url in unique]
        for done in as_completed(futures):
            report.merge(_store_isolated(ingestor, done.result()))
    return report


def _store_isolated(ingestor: Ingestor, feed: _Gathered) -> IngestReport:
    """:func:`_store`, with a failure that is not the database's kept to this one feed."""
    from bot.ingest.ingestor import IngestReport

    try:
        return _store(ingestor, feed)
    except StorageError:
        raise  # the database is down for every feed: the caller reports it once
    except Exception as err:
        log.warning("Feed %s could not be stored.", feed.url, exc_info=True)
        report = IngestReport()
        report.fail(feed.url, FetchError(
            f"The feed at {feed.url} could not be stored ({type(err).__name__})."))
        return report


def _gather(ingestor: Ingestor, url: str) -> _Gathered:
    """The network half of a poll (safe in a worker thread: it only reads the store).

    Never raises: whatever goes wrong with this feed is its own failure, so the other
    feeds of the poll are still read and stored.
    """
    try:
        return _gather_one(ingestor, url)
    except NewsbotError as err:
        log.info("Feed %s failed: %s", url, err)
        return _Gathered(url, None, error=FetchError(str(err)))
    except Exception as err:  # a parser or library bug: one bad feed, logged once
        log.warning("Feed %s could not be read.", url, exc_info=True)
        reason = f"The feed at {url} could not be read ({type(err).__name__})."
        return _Gathered(url, None, error=FetchError(reason))


def _gather_one(ingestor: Ingestor, url: str) -> _Gathered:
    state = ingestor.store.feeds.get(url)
    with ingestor.timed("fetch"):
        parsed = read_feed(
            url, client=ingestor.client, limits=ingestor.limits,
            etag=state.etag if state else None,
            last_modified=state.last_modified if state else None,
        )
    if parsed.not_modified:
        return _Gathered(url, parsed)
    items, known = _entry_items(ingestor, parsed)
    return _Gathered(url, parsed, tuple(items), known)


def _store(ingestor: Ingestor, feed: _Gathered) -> IngestReport:
    """The storage half of a poll: articles, alerts, and the feed's state."""
    from bot.ingest.ingestor import IngestReport

    report = IngestReport()
    if feed.parsed is None:
        error = feed.error or FetchError(f"The feed at {feed.url} could not be read.")
        ingestor.store.feeds.record_failure(feed.url, error=str(error))
        report.fail(feed.url, error)
        return report
    if feed.items:
        report = ingestor.ingest_items(feed.items, desc="feed")
    report.duplicate += feed.known
    ingestor.store.feeds.record_success(
        feed.url, title=feed.parsed.title, etag=feed.parsed.etag,
        last_modified=feed.parsed.last_modified,
    )
    return report


def _entry_items(ingestor: Ingestor, parsed: ParsedFeed) -> tuple[list[Item], int]:
    """Fetch the pages of entries not stored yet, several at a time; count the others."""
    # Entries already stored are not fetched again: a poll costs only what is new.
    articles = ingestor.store.articles
    fresh = [e for e in parsed.entries if not (e.link and articles.id_for_url(e.link))]
    source = parsed.title or source_from_url(parsed.url)
    limits, client = ingestor.limits, ingestor.client

    def prepare(entry: FeedEntry) -> Article | NewsbotError:
        try:
            return entry_article(entry, source=source, client=client, limits=limits)
        except NewsbotError as err:
            return err
        except Exception as err:  # one odd page must not cost the feed its other entries
            log.warning("Feed entry %s could not be read.", entry.link, exc_info=True)
            return FetchError(f"The page could not be read ({type(err).__name__}).")

    with ingestor.timed("fetch"), ThreadPoolExecutor(max_workers=limits.workers) as pool:
        outcomes = list(pool.map(prepare, fresh))
    items = [
        Item(entry.link or f"{parsed.url} ({entry.title or 'untitled entry'})", _ready(outcome))
        for entry, outcome in zip(fresh, outcomes, strict=True)
    ]
    items.reverse()  # feeds list the newest first; store (and alert) in publication order
    return items, len(parsed.entries) - len(fresh)


def _ready(outcome: Article | NewsbotError) -> Callable[[], Article]:
    def load() -> Article:
        if isinstance(outcome, NewsbotError):
            raise outcome
        return outcome

    return load
