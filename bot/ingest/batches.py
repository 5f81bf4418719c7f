"""Ingestion plumbing: write batches (one transaction for many articles) and the progress bar."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

from bot.instance import check_database
from summarizer.errors import NewsbotError

if TYPE_CHECKING:
    from types import TracebackType

    from bot.ingest.ingestor import Ingestor, IngestReport

PROGRESS_MIN_ITEMS = 50
BATCH_SECONDS = 0.25


class Batches:
    """Groups consecutive articles into one write transaction (each article a savepoint).

    One commit per batch instead of per article makes bulk ingestion much faster;
    batches stay short (``batch_size`` articles or BATCH_SECONDS) so the bot, writing
    to the same file, never waits long for the lock.
    """

    def __init__(self, ingestor: Ingestor, report: IngestReport) -> None:
        self.ingestor = ingestor
        self.report = report
        self.stack = ExitStack()
        self.count = 0
        self.started = 0.0
        self.stored = 0  # len(report.article_ids) when the open batch began

    def __enter__(self) -> Batches:
        return self

    def tick(self) -> None:
        """Before each article: commit the batch when it is full, then keep one open."""
        full = self.count >= self.ingestor.batch_size
        if self.count and (full or time.perf_counter() - self.started > BATCH_SECONDS):
            self._commit()
        if not self.count:
            # A database file deleted or replaced meanwhile stops the ingest here, before
            # more goes to a file no other process sees (one stat a batch).
            check_database(self.ingestor.store.db, during="ingesting")
            self.stack.enter_context(self.ingestor.store.transaction())
            self.started = time.perf_counter()
            self.stored = len(self.report.article_ids)
        self.count += 1

    def _commit(self) -> None:
        try:
            with self.ingestor.timed("insert"):
                self.stack.close()
        except NewsbotError:
            self._rolled_back()
            raise
        finally:
            self.stack = ExitStack()
            self.count = 0

    def _rolled_back(self) -> None:
        """The open batch was not saved: its new articles count as failed, not new."""
        lost = len(self.report.article_ids) - self.stored
        del self.report.article_ids[self.stored :]
        self.report.new -= lost
        self.report.failed += lost

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self._commit()
        elif self.count:
            self.stack.__exit__(exc_type, exc, tb)  # roll back the open batch only
            self._rolled_back()


class _NoBar:
    def update(self, n: int = 1) -> None:
        """Nothing to draw."""

    def set_postfix(self, **kwargs: object) -> None:
        """Nothing to draw."""


@contextmanager
def progress_bar(total: int, *, progress: bool | None, desc: str) -> Iterator[_NoBar]:
    show = (
        progress if progress is not None else (total > PROGRESS_MIN_ITEMS and sys.stderr.isatty())
    )
    if not show:
        yield _NoBar()
        return
    from tqdm import tqdm  # only for long batches

    with tqdm(total=total, desc=desc, unit="article", file=sys.stderr, leave=False) as bar:
        yield bar
