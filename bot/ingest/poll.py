"""One poll of one or more feeds: read them in parallel, store each as soon as it is read.

The network half (:func:`_gather`, in worker threads) never raises: whatever goes
wrong with one feed becomes that feed's reported failure, logged once, and the other
feeds of the poll are still read and stored. The storage half runs in the caller's
thread; a StorageError (the database is down for every feed) is raised to the caller.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.ingest.feeds import FeedEntry, NotAFeedError, ParsedFeed, entry_article, read_feed
from bot.ingest.files import Item, source_from_url
from summarizer.article import Article
from summarizer.errors import BlockedAddressError, FetchError, NewsbotError, StorageError

if TYPE_CHECKING:
    from bot.ingest.ingestor import Ingestor, IngestReport

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Gathered:
    """One feed after the network part of a poll: entries ready to store, or the error."""

    url: str
    parsed: ParsedFeed | None
    items: tuple[Item, ...] = ()
    known: int = 0
    error: FetchError | None = None
    left: int = 0  # entries left for the next poll (past the feed's page budget)


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
        try:
            for done in as_completed(futures):
                report.merge(_store_isolated(ingestor, done.result()))
        except BaseException:
            # The database is down (or its file gone): the feeds not fetched yet would be
            # read for nothing, and the bot stopping would wait for every one of them.
            pool.shutdown(wait=False, cancel_futures=True)
            raise
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
        report.fail(
            feed.url,
            FetchError(f"The feed at {feed.url} could not be stored ({type(err).__name__})."),
        )
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
        return _Gathered(
            url, None, error=err if isinstance(err, FetchError) else FetchError(str(err))
        )
    except Exception as err:  # a parser or library bug: one bad feed, logged once
        log.warning("Feed %s could not be read.", url, exc_info=True)
        reason = f"The feed at {url} could not be read ({type(err).__name__})."
        return _Gathered(url, None, error=FetchError(reason))


def _gather_one(ingestor: Ingestor, url: str) -> _Gathered:
    state = ingestor.store.feeds.get(url)
    with ingestor.timed("fetch"):
        parsed = read_feed(
            url,
            client=ingestor.client,
            limits=ingestor.limits,
            etag=state.etag if state else None,
            last_modified=state.last_modified if state else None,
        )
    if parsed.not_modified:
        return _Gathered(url, parsed)
    items, known, left = _entry_items(ingestor, parsed)
    return _Gathered(url, parsed, tuple(items), known, left=left)


def _store(ingestor: Ingestor, feed: _Gathered) -> IngestReport:
    """The storage half of a poll: articles, alerts, and the feed's state."""
    from bot.ingest.ingestor import IngestReport

    report = IngestReport()
    if feed.parsed is None:
        error = feed.error or FetchError(f"The feed at {feed.url} could not be read.")
        if _never_works(error) and ingestor.store.feeds.get(feed.url) is None:
            # A new feed that cannot work (an address the bot must not reach, a page that
            # is not there or is no feed) is not kept for polling; one that fails otherwise
            # (a server error, a timeout) may work on the next poll.
            kind = BlockedAddressError if isinstance(error, BlockedAddressError) else FetchError
            error = kind(f"{error} The feed was not saved.", url=feed.url, status=error.status)
        else:
            ingestor.store.feeds.record_failure(feed.url, error=str(error))
        report.fail(feed.url, error)
        return report
    if feed.items:
        report = ingestor.ingest_items(
            feed.items, desc="feed", alert_max_age=ingestor.limits.alert_max_age
        )
    report.duplicate += feed.known
    # With entries left, the next poll must read the feed again: a 304 would skip them.
    fresh = feed.left == 0
    ingestor.store.feeds.record_success(
        feed.url,
        title=feed.parsed.title,
        etag=feed.parsed.etag if fresh else None,
        last_modified=feed.parsed.last_modified if fresh else None,
    )
    return report


def _entry_items(ingestor: Ingestor, parsed: ParsedFeed) -> tuple[list[Item], int, int]:
    """Fetch the pages of entries not stored yet, several at a time: the items, how many
    entries were stored already, and how many are left for the next poll."""
    # Entries already stored are not fetched again: a poll costs only what is new.
    articles = ingestor.store.articles
    fresh = [e for e in parsed.entries if not (e.link and articles.id_for_url(e.link))]
    source = parsed.title or source_from_url(parsed.url)
    limits, client = ingestor.limits, ingestor.client

    budget_ends = time.monotonic() + limits.pages_budget

    def prepare(entry: FeedEntry) -> Article | NewsbotError | None:
        if time.monotonic() > budget_ends:
            return None  # left for the next poll (feeds list the newest first)
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
        if outcome is not None
    ]
    left = len(fresh) - len(items)
    if left:
        log.info("Feed %s: %d entries left for the next poll.", parsed.url, left)
    items.reverse()  # feeds list the newest first; store (and alert) in publication order
    return items, len(parsed.entries) - len(fresh), left


def _ready(outcome: Article | NewsbotError) -> Callable[[], Article]:
    def load() -> Article:
        if isinstance(outcome, NewsbotError):
            raise outcome
        return outcome

    return load


def _never_works(error: FetchError) -> bool:
    """Whether polling the address again cannot help: refused, not there, or no feed."""
    gone = error.status is not None and 400 <= error.status < 500 and error.status not in (408, 429)
    return isinstance(error, BlockedAddressError | NotAFeedError) or gone
