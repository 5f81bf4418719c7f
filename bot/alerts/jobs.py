"""Background work of the running bot: the alert sender, daily digests, the feed poller
(and, under ``newsbot run``, the check that its database file is still at its path).

:func:`install_jobs` is called once from ``post_init``. The sender and the feed poller
run as asyncio tasks for the bot's lifetime, each under :func:`supervise`: after any
failure (the database busy or read-only at start-up, a bug) they restart with backoff
and the failure is logged once per streak. Digests are checked every minute on PTB's
job queue. Feed polling runs in a worker thread with its own database connection, so
a slow feed never blocks the chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import TYPE_CHECKING

from bot.alerts.digest import release_due
from bot.alerts.supervisor import Backoff, supervise
from summarizer.errors import StorageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from telegram import Bot
    from telegram.ext import CallbackContext

    from bot.alerts.sender import AlertSender
    from bot.config import Config
    from bot.ingest.ingestor import IngestReport
    from bot.services.registry import CompanyRegistry
    from bot.telegram.context import NewsApplication as Application
    from bot.wiring import Newsbot
    from storage.store import Store

log = logging.getLogger(__name__)
FIRST_POLL = 5.0
DIGEST_INTERVAL = 60.0
KEEP_SETTLED = 7 * 86400.0  # sent/failed alerts are kept a week (merging copies, reports)


def alert_bot(application: Application, config: Config) -> Bot:
    """The bot the alerts go out with: its own fast aiohttp connection pool on Telegram
    (or the emulator), the application's own bot for the terminal chat."""
    if config.terminal:
        return application.bot
    from telegram import Bot

    from bot.alerts.transport import AiohttpRequest

    return Bot(
        config.token or "",
        base_url=config.base_url or "https://api.telegram.org/bot",
        request=AiohttpRequest(),
        get_updates_request=AiohttpRequest(connection_pool_size=1),
    )


def install_jobs(application: Application, *, store: Store, config: Config) -> None:
    """Start the alert sender and schedule the digest check and the feed poller."""
    from bot.wiring import build_sender

    sender = build_sender(alert_bot(application, config), store=store, config=config)
    application.bot_data.sender = sender
    application.bot_data.sender_task = asyncio.create_task(
        _run_sender(application, sender), name="newsbot-alert-sender"
    )
    # Always running: feeds added later (CLI, another process) are picked up too.
    application.bot_data.poller_task = asyncio.create_task(
        supervise(
            "The feed poller",
            lambda ready: _poll_loop(store, config, sender, ready, application.bot_data.core),
            stopped=lambda: sender.stopped,
            backoff=Backoff(cap=min(60.0, config.poll_interval)),
        ),
        name="newsbot-feed-poller",
    )
    _watch_database(application, store)
    queue = application.job_queue
    if queue is None:
        log.warning("No job queue (install python-telegram-bot[job-queue]): no digests.")
        return
    queue.run_repeating(
        _digest_job, interval=DIGEST_INTERVAL, first=1.0, name="alert-digests", data=(store, sender)
    )
    queue.run_repeating(_prune_job, interval=3600.0, first=60.0, name="alert-prune", data=store)


def _watch_database(application: Application, store: Store) -> None:
    """Under ``newsbot run``: stop the bot if its database file is deleted or replaced."""
    watch = application.bot_data.watch
    if watch is not None:
        application.bot_data.watch_task = asyncio.create_task(
            watch.run(store.db), name="newsbot-database-watch"
        )


async def stop_jobs(application: Application) -> None:
    """Let the sender finish the messages in flight and record them (call on shutdown)."""
    sender = application.bot_data.sender
    task = application.bot_data.sender_task
    poller = application.bot_data.poller_task
    if sender is not None:
        sender.stop()
    for background in (application.bot_data.watch_task, poller):
        if background is not None:
            background.cancel()  # a poll in its worker thread finishes on its own
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await background
    if task is not None:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task


async def _run_sender(application: Application, sender: AlertSender) -> None:
    """Run the sender; stop it when the application stops (if nobody called stop_jobs)."""
    own_bot = sender.bot is not application.bot
    if own_bot:
        try:
            await sender.bot.initialize()
        except Exception:  # the message may hold the token: say what failed, not why
            log.warning(
                "The alert connection could not check the bot (getMe); "
                "alerts will be sent anyway and retried on errors."
            )
    runner = asyncio.create_task(
        supervise("The alert sender", sender.run, stopped=lambda: sender.stopped)
    )
    seen_running = False
    while not runner.done():
        seen_running = seen_running or application.running
        if seen_running and not application.running:
            sender.stop()
            break
        await asyncio.wait({runner}, timeout=0.2)
    try:
        await runner
    except Exception:  # supervise() restarts on failures; this would be a bug in it
        log.exception("The alert sender stopped with an error; pending alerts stay queued.")
    finally:
        if own_bot:
            await sender.bot.shutdown()
            await sender.bot.request.shutdown()  # also when initialize() failed


async def _digest_job(context: CallbackContext) -> None:
    store, sender = context.job.data  # type: ignore[union-attr,misc]
    released = await asyncio.to_thread(release_due, store.outbox)
    if released:
        log.info("Released %d alerts for today's digests.", released)
        sender.wake()


async def _prune_job(context: CallbackContext) -> None:
    store: Store = context.job.data  # type: ignore[union-attr,assignment]
    await asyncio.to_thread(store.outbox.prune, before=time.time() - KEEP_SETTLED)


async def _poll_loop(
    store: Store, config: Config, sender: AlertSender, ready: Callable[[], None], core: Newsbot
) -> None:
    """Poll every ``config.poll_interval`` seconds; a failure ends the loop (and is restarted)."""
    await asyncio.sleep(min(FIRST_POLL, config.poll_interval))
    polling = config.with_overrides(db_path=store.path)
    while True:
        report = await asyncio.to_thread(poll_feeds, polling, companies=core.companies)
        ready()
        if report is not None and report.new:
            sender.wake()
        await asyncio.sleep(config.poll_interval)


def poll_feeds(config: Config, *, companies: CompanyRegistry | None = None) -> IngestReport | None:
    """Poll the configured and stored feeds once (in a worker thread, own connection;
    ``companies``: the bot's registry, shared so a poll does not read the file again).

    One feed's failure is reported in the result; an error that concerns every feed
    (the database cannot be opened) is raised, and the supervisor retries with backoff.
    """
    from bot.wiring import build

    if not config.database.exists():
        # Opening it would create an empty database beside the bot's, which runs on.
        raise StorageError(
            f"The database {config.database} is gone (deleted or moved while the bot ran); "
            "no feed is polled. Restart newsbot."
        )
    with build(config, companies=companies) as core:
        urls = list(dict.fromkeys([*config.feeds, *(s.url for s in core.store.feeds.all())]))
        if not urls:
            return None
        report = core.ingestor.ingest_feeds(urls)
        log.info("Feed poll: %s.", report.summary())
        return report
