"""The composition root: every long-lived object of newsbot is built here.

The running bot (:mod:`bot.telegram.application`), its background jobs
(:mod:`bot.alerts.jobs`) and the command line (``newsbot ingest``, ``newsbot run``)
all get their store, company registry, ingestor, services and alert sender from
:func:`build` and :func:`build_sender`, so there is one place that says how the
parts fit together.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from bot.ingest.ingestor import Ingestor
from bot.instance import check_beside_the_bot
from bot.services import Services
from bot.services.news import NewsService
from bot.services.registry import CompanyRegistry
from bot.services.subscriptions import SubscriptionService
from storage.db import MEMORY, connect
from storage.store import Store, open_store

if TYPE_CHECKING:
    from telegram import Bot

    from bot.alerts.options import SenderOptions
    from bot.alerts.sender import AlertSender
    from bot.config import Config
    from bot.ingest.feeds import FeedLimits


@dataclass
class Newsbot:
    """The long-lived parts of one newsbot process on one database."""

    config: Config
    store: Store
    companies: CompanyRegistry
    ingestor: Ingestor
    services: Services
    owns_store: bool = True

    def close(self) -> None:
        """Close the HTTP client and, when :func:`build` opened it, the database."""
        self.ingestor.close()
        if self.owns_store:
            self.store.close()

    def __enter__(self) -> Newsbot:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def build(
    config: Config,
    *,
    store: Store | None = None,
    feed_limits: FeedLimits | None = None,
    companies: CompanyRegistry | None = None,
) -> Newsbot:
    """Open ``config.db_path`` (or use ``store``) and wire every service on it.

    ``companies``: a registry another part of the process already built (another
    connection to the same file); reading the registry file again costs ~0.3 s.
    """
    owns_store = store is None
    if store is None:
        check_beside_the_bot(config.database)  # not while a running bot's file was swapped
        store = open_store(config.database)
    companies = companies if companies is not None else CompanyRegistry(store)
    ingestor = Ingestor(
        store=store, companies=companies, limits=feed_limits, policy=config.fetch_policy()
    )
    services = Services(
        subscriptions=SubscriptionService(
            store=store, companies=companies, max_subscriptions=config.max_subscriptions
        ),
        news=NewsService(
            store=store, companies=companies, ingestor=ingestor, algorithm=config.summary_algorithm
        ),
    )
    return Newsbot(config, store, companies, ingestor, services, owns_store)


def read_services(core: Newsbot) -> Services:
    """The same services on a second connection, for reads that must not wait behind a
    write holding (or waiting for) the lock; WAL lets it read meanwhile. An in-memory
    database cannot be shared, so there the services themselves are returned."""
    db = core.store.db
    if str(db.path) == MEMORY:
        return core.services
    reader = Store(connect(db.path, busy_timeout_ms=db.busy_timeout_ms, retries=db.retries))
    return Services(
        subscriptions=SubscriptionService(
            store=reader, companies=core.companies, max_subscriptions=core.config.max_subscriptions
        ),
        news=NewsService(
            store=reader, companies=core.companies, algorithm=core.config.summary_algorithm
        ),
        own_store=reader,
    )


def _aliases_of(store: Store, name: str) -> tuple[str, ...]:
    """A followed company's other names, as stored (a worker thread reads them)."""
    company = store.companies.get_by_name(name, tickers=False)
    return company.aliases if company else ()


def build_sender(
    bot: Bot, *, store: Store, config: Config, options: SenderOptions | None = None
) -> AlertSender:
    """The alert sender for ``bot``, draining ``store``'s outbox under ``config``'s limits."""
    from bot.alerts.compose import Composer
    from bot.alerts.limits import Limits, RateGate
    from bot.alerts.sender import AlertSender

    limits = Limits(  # Config checked the rates: positive, inf for no limit
        per_second=config.send_per_second,
        chat_interval=1.0 / config.chat_per_second,
        group_per_minute=config.group_per_minute,
    )
    composer = Composer(
        articles=store.outbox,
        algorithm=config.summary_algorithm,
        aliases=lambda name: _aliases_of(store, name),
    )
    return AlertSender(
        bot=bot,
        outbox=store.outbox,
        lifecycle=store.lifecycle,
        composer=composer,
        gate=RateGate(limits),
        options=options,
    )
