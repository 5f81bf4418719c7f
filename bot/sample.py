"""The shipped sample of real news, and its replay: how a fresh install has news and alerts.

:func:`load_sample` stores the Wikinews sample (``seeds/sample/wikinews.jsonl``) plus
newsbot's own sample page. With ``hold_back=True`` it leaves out the few articles marked
``replay``; :func:`install_replay` then publishes them one at a time on the bot's job
queue, through the same ingest path as ``newsbot ingest``, so they fan out to whoever
follows their companies and arrive as alerts. They are old articles replayed, and the
terminal chat says so.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from importlib.resources import as_file
from typing import TYPE_CHECKING, Any

import seeds
from bot.ingest.files import Item, article_from_record, items_from_file

if TYPE_CHECKING:
    from bot.ingest.ingestor import Ingestor
    from bot.telegram.context import NewsApplication, NewsContext

log = logging.getLogger(__name__)
REPLAY_INTERVAL = 12.0  # seconds; five companies in turn -> each one about once a minute
REPLAY_FIRST = 15.0  # time to type /subscribe before the first replayed article


@dataclass(frozen=True, slots=True)
class SampleLoad:
    """What :func:`load_sample` did: articles stored now and articles left to replay."""

    new: int
    held_back: int


def sample_records() -> list[dict[str, Any]]:
    """Every record of the shipped sample, in file order (oldest first)."""
    text = seeds.sample_file().read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def replay_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The held-back records in the order they are replayed."""
    return sorted((r for r in records if r.get("replay")), key=lambda r: int(r["replay"]))


def _item(record: dict[str, Any]) -> Item:
    where = f"sample {record.get('id', '?')}"
    return Item(where, lambda: article_from_record(record, where=where), url=record.get("url"))


def load_sample(ingestor: Ingestor, *, hold_back: bool) -> SampleLoad:
    """Store the sample (idempotent); returns how many were new and how many wait to replay."""
    records = sample_records()
    held = replay_records(records) if hold_back else []
    held_ids = {id(r) for r in held}
    with as_file(seeds.seed_article()) as page:
        # newsbot's own page first: it stays article 1, as the examples in the docs say.
        items = [*items_from_file(page), *(_item(r) for r in records if id(r) not in held_ids)]
        report = ingestor.ingest_items(items, progress=False)
    for line in report.errors:
        log.warning("sample: %s", line)
    waiting = [r for r in held if ingestor.store.articles.id_for_url(r["url"]) is None]
    return SampleLoad(new=report.new, held_back=len(waiting))


def load_seed_article(ingestor: Ingestor) -> int:
    """Store only newsbot's own sample page (what the offline tests start from)."""
    with as_file(seeds.seed_article()) as page:
        return ingestor.ingest_items(items_from_file(page), progress=False).new


def install_replay(
    application: NewsApplication, *, interval: float = REPLAY_INTERVAL, first: float = REPLAY_FIRST
) -> None:
    """Publish one held-back sample article every ``interval`` seconds until none is left
    (the first after ``first`` seconds, or ``interval`` when that is shorter)."""
    queue = application.job_queue
    if queue is None:
        log.warning("No job queue: the held-back sample articles will not be replayed.")
        return
    queue.run_repeating(
        _replay_job,
        interval=interval,
        first=min(first, interval),
        name="sample-replay",
        data=replay_records(sample_records()),
    )


def _replay_next(ingestor: Ingestor, records: list[dict[str, Any]]) -> bool:
    """Ingest the first held-back article not stored yet; False when none is left."""
    for record in records:
        if ingestor.store.articles.id_for_url(record["url"]) is not None:
            continue
        result = ingestor.ingest_article(article_from_record(record, where="sample"))
        log.info("Replayed sample article %s (new: %s).", record["id"], result.new)
        return True
    return False


async def _replay_job(context: NewsContext) -> None:
    """Ingest the next held-back article that is not stored yet; stop when none is left."""
    job = context.job
    ingestor = context.bot_data.core.ingestor
    if job is None:
        return
    records: list[dict[str, Any]] = job.data  # type: ignore[assignment]
    # Storing and matching run in a worker thread: the chat must not wait on them.
    replayed = await asyncio.to_thread(_replay_next, ingestor, records)
    if replayed:
        if context.bot_data.sender is not None:
            context.bot_data.sender.wake()
        return
    job.schedule_removal()
