"""The typed context every handler and job gets: the services and config, by attribute.

PTB creates ``BotData`` once per application (``ContextTypes(bot_data=BotData)``) and
:func:`bot.telegram.application.build_application` fills it in; handlers read
``context.news`` or ``context.subscriptions`` instead of looking up untyped keys in a dict.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ExtBot

if TYPE_CHECKING:
    from bot.alerts.sender import AlertSender
    from bot.config import Config
    from bot.instance import DatabaseWatch
    from bot.services import Services
    from bot.services.news import NewsService
    from bot.services.subscriptions import SubscriptionService
    from bot.telegram.ratelimit import CommandRateLimit
    from bot.telegram.workers import Workers
    from bot.wiring import Newsbot
    from storage.store import Store


class BotData:
    """What the whole application shares; set once by ``build_application``."""

    core: Newsbot
    services: Services
    # The same services on a connection of their own, for reads (see bot.telegram.workers).
    reader: Services
    workers: Workers
    config: Config
    store: Store
    rate_limit: CommandRateLimit

    def __init__(self) -> None:
        # Set by the alert jobs when the application starts; None before and in tests.
        self.sender: AlertSender | None = None
        self.sender_task: asyncio.Task[None] | None = None
        self.poller_task: asyncio.Task[None] | None = None
        # Set by ``newsbot run`` before the application starts: stops it when its database
        # file is deleted or replaced (None: not watched, e.g. tests that start it by hand).
        self.watch: DatabaseWatch | None = None
        self.watch_task: asyncio.Task[None] | None = None


class NewsContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """``CallbackContext`` with typed shortcuts to the services and the config."""

    @property
    def subscriptions(self) -> SubscriptionService:
        """Following companies and chat settings (writes go through the write pool)."""
        return self.bot_data.services.subscriptions

    @property
    def news(self) -> NewsService:
        """News, summaries and search (run in the heavy pool)."""
        return self.bot_data.services.news

    @property
    def reader(self) -> Services:
        """The services on their read connection, for quick reads in the read pool."""
        return self.bot_data.reader

    @property
    def workers(self) -> Workers:
        """The thread pools every blocking call runs in."""
        return self.bot_data.workers

    @property
    def config(self) -> Config:
        """The configuration, loaded once at start."""
        return self.bot_data.config


NewsApplication = Application[
    ExtBot[None], NewsContext, dict[Any, Any], dict[Any, Any], BotData, Any
]
