"""Ingestion: articles from files, folders and feeds into the store, linked to companies.

Every article is cleaned, matched against the company registry and stored once:
the same canonical URL or the same content again counts as a duplicate and stores
nothing. Each NEW article enqueues its alerts in the same transaction, so an
article is never stored without the alerts it owes. A broken file, feed or page
is counted as failed and reported; it never stops the batch.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from bot.ingest.batches import Batches, progress_bar
from bot.ingest.feeds import FeedLimits
from bot.ingest.fetch import make_client
from bot.ingest.files import Item, collect
from bot.ingest.guard import FetchPolicy
from bot.ingest.poll import ingest_feed, ingest_feeds
from summarizer.article import Article
from summarizer.errors import NewsbotError, StorageError

if TYPE_CHECKING:
    from bot.services.registry import CompanyRegistry
    from storage.store import Store
    from summarizer.companies.matcher import CompanyMention

BATCH_ITEMS = 200
STAGES = ("read", "fetch", "clean", "mentions", "insert", "enqueue")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """One article's outcome: its id, whether it was new, the companies it names."""

    article_id: int
    new: bool
    companies: tuple[CompanyMention, ...]


@dataclass(slots=True)
class IngestReport:
    """A batch's outcome; ``errors`` holds one readable line per failure."""

    new: int = 0
    duplicate: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Articles looked at (new + duplicate + failed)."""
        return self.new + self.duplicate + self.failed

    def count(self, result: IngestResult) -> None:
        """Add one stored article (new or duplicate)."""
        if result.new:
            self.new += 1
            self.article_ids.append(result.article_id)
        else:
            self.duplicate += 1

    def fail(self, label: str, err: Exception) -> None:
        """Add one failure, reported as "<where>: <why>" (once, if the why names it)."""
        self.failed += 1
        message = str(err)
        self.errors.append(message if label in message else f"{label}: {message}")

    def merge(self, other: IngestReport) -> None:
        """Fold another report into this one."""
        self.new += other.new
        self.duplicate += other.duplicate
        self.failed += other.failed
        self.errors.extend(other.errors)
        self.article_ids.extend(other.article_ids)

    def summary(self) -> str:
        """The one-line summary the CLI prints."""
        return f"ingested {self.new} new, {self.duplicate} duplicate, {self.failed} failed"


class Ingestor:
    """Stores articles from files and feeds; ``timings`` says where the time went."""

    def __init__(
        self,
        *,
        store: Store,
        companies: CompanyRegistry,
        client: httpx.Client | None = None,
        limits: FeedLimits | None = None,
        batch_size: int = BATCH_ITEMS,
        policy: FetchPolicy | None = None,
    ) -> None:
        """``policy`` (default: public addresses only) governs the client made here."""
        self.store = store
        self.companies = companies  # its matcher is read per article: new names count at once
        self.limits = limits or FeedLimits()
        self.batch_size = max(1, batch_size)
        self._client = client
        self._policy = policy
        self._owns_client = client is None
        self._client_lock = threading.Lock()  # the bot calls in from worker threads
        self.timings: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    @property
    def client(self) -> httpx.Client:
        """The HTTP client for feeds and pages (created on first use when none was given)."""
        with self._client_lock:
            if self._client is None:
                self._client = make_client(timeout=self.limits.timeout, policy=self._policy)
            return self._client

    def close(self) -> None:
        """Close the HTTP client if this ingestor created it."""
        with self._client_lock:
            if self._owns_client and self._client is not None:
                self._client.close()
                self._client = None

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        """Add the block's wall time to ``timings[stage]``."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] += time.perf_counter() - start

    def ingest_article(
        self, article: Article, *, submitted_by: int | None = None, alert: bool = True
    ) -> IngestResult:
        """Store one cleaned article with its company mentions; enqueue alerts if new.

        ``submitted_by``: the chat that sent the page (``/summary URL``); such a page is
        that chat's alone and alerts nobody until the operator ingests it too.
        ``alert=False`` stores a trusted article without alerting (an old feed entry).
        """
        known = self._known(article.url, chat_id=submitted_by)
        if known is not None:
            return known
        with self.timed("mentions"):
            mentions = tuple(self.companies.matcher.find(article))
            if self.companies.deleted_since_built(mentions):  # a made-up name, at /stop
                self.companies.reload()
                mentions = tuple(self.companies.matcher.find(article))
        start, enqueued = time.perf_counter(), 0.0
        with self.store.transaction():
            article_id, is_new = self.store.articles.add(
                article, companies=list(mentions), submitted_by=submitted_by
            )
            if is_new and submitted_by is None and alert:
                begin = time.perf_counter()
                self.store.outbox.enqueue_for_article(article_id)
                enqueued = time.perf_counter() - begin
        # The commit belongs to the insert; the enqueue is timed on its own.
        self.timings["insert"] += time.perf_counter() - start - enqueued
        self.timings["enqueue"] += enqueued
        return IngestResult(article_id=article_id, new=is_new, companies=mentions)

    def _known(self, url: str | None, *, chat_id: int | None = None) -> IngestResult | None:
        """The article at ``url`` (any tracking variant) as a duplicate, or None; for the
        operator only trusted ones count (a chat's copy is ingested again to trust it)."""
        if not url:
            return None
        with self.timed("insert"):
            article_id = self.store.articles.id_for_url(url, chat_id=chat_id)
            if article_id is None:
                return None
            companies = tuple(self.store.articles.companies_of(article_id))
        return IngestResult(article_id=article_id, new=False, companies=companies)

    def ingest_items(
        self,
        items: Sequence[Item],
        *,
        progress: bool | None = None,
        desc: str = "ingest",
        report: IngestReport | None = None,
        alert_max_age: float | None = None,
    ) -> IngestReport:
        """Load, clean and store each item; a bad item is reported, never raised.
        With ``alert_max_age`` (seconds), an item published longer ago alerts nobody.

        A StorageError (disk full, read-only database) stops the batch and is raised;
        ``report`` (when given) then holds what was stored, and the articles whose
        batch was rolled back are counted as failed.
        """
        report = report if report is not None else IngestReport()
        with (
            progress_bar(len(items), progress=progress, desc=desc) as bar,
            Batches(self, report) as batches,
        ):
            for item in items:
                batches.tick()
                self._ingest_one(item, report, alert_max_age)
                bar.update(1)
                bar.set_postfix(
                    new=report.new, dup=report.duplicate, failed=report.failed, refresh=False
                )
        return report

    def _ingest_one(self, item: Item, report: IngestReport, max_age: float | None) -> None:
        try:
            known = self._known(item.url)
            if known is not None:
                report.count(known)
                return
            with self.timed("clean"):
                article = item.load()
            report.count(self.ingest_article(article, alert=recent(article.published, max_age)))
        except StorageError:
            report.failed += 1  # the database is what failed, not the article: stop here
            raise
        except NewsbotError as err:
            report.fail(item.label, err)
        except (ValueError, TypeError, UnicodeError, RecursionError) as err:
            # A malformed document can trip a parser in ways no error class covers;
            # it is still just one bad article.
            report.fail(item.label, NewsbotError(f"could not be read ({type(err).__name__})."))

    def ingest_paths(
        self,
        paths: Sequence[str | Path],
        *,
        progress: bool | None = None,
        report: IngestReport | None = None,
    ) -> IngestReport:
        """Ingest files and folders (recursively): .txt/.md, .html/.htm, .json, .jsonl.

        ``progress``: True/False forces the bar on/off; None shows it on stderr for
        batches over 50 articles when stderr is a terminal.
        """
        with self.timed("read"):
            items = collect(paths)
        return self.ingest_items(items, progress=progress, desc="ingesting", report=report)

    def ingest_feed(self, url: str) -> IngestReport:
        """Poll one RSS/Atom feed and store its new entries (see :mod:`bot.ingest.poll`)."""
        return ingest_feed(self, url)

    def ingest_feeds(self, urls: Iterable[str]) -> IngestReport:
        """Poll several feeds (fetched in parallel); a broken feed never stops the others."""
        return ingest_feeds(self, urls)


def recent(published: str | None, max_age: float | None, *, now: float | None = None) -> bool:
    """Whether an article published at ``published`` (ISO 8601) is at most ``max_age``
    seconds old; an unknown or unreadable date, or no limit, counts as recent."""
    if max_age is None or not published:
        return True
    try:
        when = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return True
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # a date without a zone: read as UTC
    return when.timestamp() >= (time.time() if now is None else now) - max_age
