"""A poll of many feeds whose database file is deleted meanwhile: a real local server and a
real SQLite file."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from bot.ingest.ingestor import Ingestor
from bot.instance import DatabaseMovedError
from storage import Store


def test_a_poll_stops_fetching_feeds_once_its_database_is_deleted(
    site: Any, ingestor: Ingestor, store: Store
) -> None:
    # The first feed read cannot be stored (its file is gone); the feeds not yet fetched
    # are dropped at once, not all fetched (each up to its timeout) for nothing, while the
    # bot that polls them waits for the poll to end before it can stop.
    Path(store.db.path).unlink()
    urls = [f"{site.base}/rss.xml", *(f"{site.base}/slow.xml?{n}" for n in range(6))]
    started = time.monotonic()
    with pytest.raises(DatabaseMovedError):
        ingestor.ingest_feeds(urls)
    assert site.hits("/slow.xml") <= 2  # those already being read by the two workers
    assert time.monotonic() - started < 2.5  # a read gives up after 1 s
