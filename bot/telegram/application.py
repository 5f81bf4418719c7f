"""The composition root: one place that builds the bot's ``Application`` from its parts.

Real Telegram, a local Bot API emulator (``config.base_url``), the terminal chat and
the offline tests (both ``request=`` the in-process :class:`~bot.telegram.fake_api.FakeBotApi`)
all get the very same handlers and services from :func:`build_application`.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from telegram import BotCommand, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ContextTypes, Defaults

from bot.telegram.context import BotData, NewsApplication, NewsContext
from bot.telegram.flood_waits import ReplyFloodWaits
from bot.telegram.handlers import register
from bot.telegram.ratelimit import CommandRateLimit
from bot.telegram.replies.commands import COMMANDS
from bot.telegram.updates import PerChatUpdateProcessor
from bot.telegram.workers import Workers
from bot.wiring import Newsbot, build, read_services

if TYPE_CHECKING:
    from telegram.ext import ApplicationBuilder
    from telegram.request import BaseRequest

    from bot.config import Config
    from storage.store import Store

log = logging.getLogger(__name__)
# PTB needs a token-shaped string even when no request ever reaches Telegram.
OFFLINE_TOKEN = "0:offline"


def build_application(
    config: Config,
    *,
    store: Store | None = None,
    core: Newsbot | None = None,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
) -> NewsApplication:
    """The bot, wired: services on ``store`` (or the parts in ``core``, see
    :mod:`bot.wiring`), handlers, commands menu, and jobs on start.

    ``request`` replaces PTB's HTTP layer (terminal, tests); it also serves
    getUpdates unless ``get_updates_request`` is given. ``config.base_url``
    points the bot at another Bot API server, e.g. an emulator.
    """
    core = core if core is not None else build(config, store=store)
    # Replies learn Telegram's waits from the alert sender the jobs start (and tell it
    # theirs); looked up at each request, as the sender starts after the application.
    floods = ReplyFloodWaits(lambda: application.bot_data.sender)
    application: NewsApplication = _builder(config, request, get_updates_request, floods).build()
    data = application.bot_data
    data.core = core
    data.services = core.services
    data.reader = read_services(core)
    data.workers = Workers()
    data.config = config
    data.store = core.store
    register(application, rate_limit=CommandRateLimit(config.command_limit, config.command_window))
    return application


def _builder(
    config: Config,
    request: BaseRequest | None,
    get_updates_request: BaseRequest | None,
    floods: ReplyFloodWaits,
) -> ApplicationBuilder:
    """PTB's builder: our context types, HTML defaults, per-chat order, Telegram's flood
    waits for replies, hooks, transport."""
    builder = (
        Application.builder()
        .token(config.token or OFFLINE_TOKEN)
        .context_types(ContextTypes(context=NewsContext, bot_data=BotData))
        # Every reply is Telegram HTML (escaped by bot.telegram.formatting), without previews.
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
            )
        )
        .post_init(post_init)
        .post_stop(post_stop)
        .post_shutdown(post_shutdown)
        .concurrent_updates(PerChatUpdateProcessor())
        .rate_limiter(floods)
    )
    if config.base_url:
        builder = builder.base_url(config.base_url).base_file_url(_file_url(config.base_url))
    if request is not None:
        builder = builder.request(request)
    if get_updates_request is not None or request is not None:
        builder = builder.get_updates_request(get_updates_request or request)  # type: ignore[arg-type]
    return builder


async def post_init(application: NewsApplication) -> None:
    """Show the command menu in Telegram and start the alert, digest and feed jobs.

    ``run_polling``/``run_webhook`` call this; code that starts the application by
    hand (terminal chat, tests) awaits it after ``initialize()``.
    """
    await application.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    from bot.alerts.jobs import install_jobs  # late: the jobs module imports much of the bot

    data = application.bot_data
    install_jobs(application, store=data.store, config=data.config)


async def post_stop(application: NewsApplication) -> None:
    """Let the alert sender finish the messages in flight (the bot can still send)."""
    from bot.alerts.jobs import stop_jobs

    await stop_jobs(application)


async def post_shutdown(application: NewsApplication) -> None:
    """Release the HTTP client used to fetch pages, the worker threads and the read connection."""
    application.bot_data.core.ingestor.close()
    release(application)


def release(application: NewsApplication) -> None:
    """Stop the worker pools and close the read connection (idempotent).

    ``run_polling`` does this through ``post_shutdown``; code that starts the
    application by hand (tests, benchmarks) calls it after ``shutdown()``.
    """
    data = application.bot_data
    data.workers.close()
    data.reader.close()


def _file_url(base_url: str) -> str:
    # ".../bot" -> ".../file/bot", the layout of Telegram and of Bot API servers.
    return re.sub(r"/bot$", "/file/bot", base_url.rstrip("/"))
