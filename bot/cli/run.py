"""``newsbot run``: the bot on Telegram when a token is set, else a terminal chat.

With ``TELEGRAM_BOT_TOKEN`` set it long-polls Telegram (or, with
``--webhook-url``, serves a webhook guarded by a secret token). Without a
token it is the embedded default: the sample articles in ``seeds/`` go into the
default database and the same bot talks to you on stdin/stdout, e.g.
``printf '/subscribe Xiaomi\\n/news Xiaomi\\n' | newsbot run``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from bot.cli.argtypes import add_fetch_flag

if TYPE_CHECKING:
    from telegram.ext import Application

    from bot.config import Config
    from bot.telegram.terminal import TerminalRequest
    from storage.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``run`` subcommand."""
    parser = subparsers.add_parser(
        "run",
        help="run the bot (a terminal chat when TELEGRAM_BOT_TOKEN is not set)",
        description="Run the bot: on Telegram when TELEGRAM_BOT_TOKEN is set, else a terminal "
        "chat on the default database with the sample articles loaded.",
    )
    parser.add_argument("--db", type=Path, help="database file (default: $NEWSBOT_DB or "
                        "~/.local/share/newsbot/newsbot.db)")
    parser.add_argument("--token-env", default="TELEGRAM_BOT_TOKEN", metavar="NAME",
                        help="environment variable holding the bot token")
    parser.add_argument("--webhook-url", help="serve a webhook at this public https URL")
    parser.add_argument("--webhook-port", type=int, help="local port for the webhook server")
    parser.add_argument("--webhook-listen", help="local address for the webhook server")
    parser.add_argument("--base-url", help="Bot API base URL, e.g. http://127.0.0.1:9000/bot")
    parser.add_argument("--feed", action="append", dest="feeds", metavar="URL",
                        help="RSS/Atom feed to poll (repeatable; or NEWSBOT_FEEDS)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="styles in the terminal chat (default: when stdout is a terminal)")
    parser.add_argument("--log-level", default="WARNING", type=str.upper,
                        choices=("DEBUG", "INFO", "WARNING", "ERROR"), help="logging on stderr")
    add_fetch_flag(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the config once, open the database, run the bot until stopped or input ends."""
    from bot.config import Config, setup_logging
    from storage import open_store

    config = Config.load(
        token_env=args.token_env, db_path=args.db, webhook_url=args.webhook_url,
        webhook_port=args.webhook_port, webhook_listen=args.webhook_listen,
        base_url=args.base_url, feeds=tuple(args.feeds) if args.feeds else None,
        allow_private_fetch="1" if args.allow_private_fetch else None,
    )
    if config.terminal and (args.webhook_url or args.base_url):
        from summarizer.errors import InputError

        raise InputError(f"--webhook-url and --base-url need a bot token in {args.token_env}.")
    setup_logging(config, level=args.log_level)
    store = open_store(config.db_path)
    config = config.with_overrides(db_path=store.path)  # jobs open their own connections
    try:
        if config.terminal:
            return run_terminal(config, store, color=_color(args.color))
        return run_telegram(config, store, token_env=args.token_env)
    finally:
        store.close()


def run_telegram(config: Config, store: Store, *, token_env: str = "TELEGRAM_BOT_TOKEN") -> int:
    """Long polling, or a webhook when ``webhook_url`` is set; returns on Ctrl-C/SIGTERM."""
    from telegram.error import InvalidToken, NetworkError

    from bot.telegram.application import build_application
    from summarizer.errors import NewsbotError

    application = build_application(config, store=store)
    try:
        _serve(application, config)
    except InvalidToken:
        raise NewsbotError(
            f"Telegram rejected the bot token in {token_env}; check it with @BotFather."
        ) from None
    except NetworkError as err:
        reason = str(err).replace(config.token or "\0", "<secret>")
        raise NewsbotError(f"Could not reach the Telegram Bot API ({reason}).") from None
    return 0


def _serve(application: Application, config: Config) -> None:
    from telegram import Update

    if config.webhook_url:
        application.run_webhook(
            listen=config.webhook_listen, port=config.webhook_port,
            url_path=urlparse(config.webhook_url).path.lstrip("/"),
            webhook_url=config.webhook_url, secret_token=config.webhook_secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)


def run_terminal(config: Config, store: Store, *, color: bool) -> int:
    """The embedded default: seed the database, then chat on stdin/stdout until EOF."""
    import asyncio

    from bot.telegram.application import build_application
    from bot.telegram.terminal import TERMINAL_USER_ID, TerminalRequest

    loaded = load_seeds(store)
    # The person at the terminal runs this bot, so operator commands are theirs.
    # No command rate limit either: it guards Telegram chats against floods, while here it
    # silently dropped every piped command after the 20th.
    config = config.with_overrides(admin_ids=config.admin_ids | {TERMINAL_USER_ID},
                                   command_limit=max(config.command_limit, 1_000_000))
    terminal = TerminalRequest(stdin=sys.stdin, stdout=sys.stdout, color=color,
                               echo=not sys.stdin.isatty())
    application = build_application(config, store=store, request=terminal)
    print(
        f"newsbot terminal chat (no TELEGRAM_BOT_TOKEN set) · database {store.path} · "
        f"{store.articles.count()} articles ({loaded} new from seeds/)\n"
        "Type /help to begin; end with Ctrl-D.",
        flush=True,
    )
    asyncio.run(serve_terminal(application, terminal))
    if terminal.output_closed:
        # Python would complain about flushing a closed pipe at exit; the docs' remedy:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


async def serve_terminal(application: Application, terminal: TerminalRequest) -> None:
    """Run the application on the terminal; stop once input ended and every reply is out."""
    from bot.telegram.application import post_init, post_shutdown, post_stop

    async with application:
        await post_init(application)
        terminal.wait_idle = application.update_queue.join
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        await terminal.finished.wait()
        await application.update_queue.join()
        await application.updater.stop()
        await application.stop()
        await post_stop(application)
    await post_shutdown(application)


def load_seeds(store: Store) -> int:
    """Ingest the shipped sample articles (idempotent); returns how many were new."""
    from importlib.resources import as_file

    import seeds
    from bot.ingest.ingestor import Ingestor
    from bot.services.registry import load_matcher

    with as_file(seeds.articles_dir()) as folder, Ingestor(
        store=store, matcher=load_matcher(store)
    ) as ingestor:
        report = ingestor.ingest_paths([folder], progress=False)
    for line in report.errors:
        print(f"newsbot: seed {line}", file=sys.stderr)
    return report.new


def _color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")
