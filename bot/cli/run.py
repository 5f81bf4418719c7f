"""``newsbot run``: the bot on Telegram when a token is set, else a terminal chat.

With ``TELEGRAM_BOT_TOKEN`` set it long-polls Telegram (or, with ``--webhook-url``,
serves a webhook guarded by a secret token). Without a token it is a terminal chat.
On the embedded default (no ``--db``, no ``$NEWSBOT_DB``) the chat starts with a
sample of real news (``seeds/sample``) and replays its newest few articles over the
first minutes so that alerts arrive; a database of your own gets the sample only with
``--seed``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from bot.cli.argtypes import add_fetch_flag, port, positive_seconds

if TYPE_CHECKING:
    from telegram.ext import Application

    from bot.config import Config
    from bot.sample import SampleLoad
    from bot.wiring import Newsbot
    from storage.store import Store

DESCRIPTION = """\
Run the bot. With TELEGRAM_BOT_TOKEN set it runs on Telegram; without one you chat with
it here in the terminal.

The first run without --db is a demo: about 430 real news articles (Wikinews, 2004-2020)
are loaded, and a few held-back ones are published one by one over the first minutes, so
that following a company (/subscribe Apple) soon brings alerts. Your own database
(--db or $NEWSBOT_DB) gets the sample only with --seed. Add articles with `newsbot ingest`.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``run`` subcommand."""
    parser = subparsers.add_parser(
        "run",
        help="chat with the bot here, or run it on Telegram",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="database file (default: $NEWSBOT_DB or ~/.local/share/newsbot/newsbot.db)",
    )
    parser.add_argument(
        "--seed",
        action="store_true",
        help="add the sample articles to this database (done by itself "
        "only on the default database of the terminal chat)",
    )
    _add_replay_flags(parser)
    _add_telegram_flags(parser)
    parser.add_argument(
        "--feed",
        action="append",
        dest="feeds",
        metavar="URL",
        help="RSS/Atom feed to poll (repeatable; or NEWSBOT_FEEDS)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="styles in the terminal chat (default: when stdout is a terminal)",
    )
    parser.add_argument(
        "--log-level",
        default="WARNING",
        type=str.upper,
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        help="logging on stderr",
    )
    add_fetch_flag(parser)
    parser.set_defaults(func=run)


def _add_replay_flags(parser: argparse.ArgumentParser) -> None:
    replay = parser.add_mutually_exclusive_group()
    replay.add_argument(
        "--replay-sample",
        dest="replay",
        action="store_true",
        default=None,
        help="publish the held-back sample articles one by one, as if "
        "they were news arriving ($NEWSBOT_REPLAY=1; default: on in "
        "the terminal chat on the default database)",
    )
    replay.add_argument(
        "--no-replay",
        dest="replay",
        action="store_false",
        help="load the whole sample at once, no replayed alerts ($NEWSBOT_REPLAY=0)",
    )
    parser.add_argument(
        "--replay-interval",
        type=positive_seconds,
        metavar="SECONDS",
        help="seconds between replayed articles (default 12; $NEWSBOT_REPLAY_INTERVAL)",
    )


def _add_telegram_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--token-env",
        default="TELEGRAM_BOT_TOKEN",
        metavar="NAME",
        help="environment variable holding the bot token",
    )
    parser.add_argument("--webhook-url", help="serve a webhook at this public https URL")
    parser.add_argument("--webhook-port", type=port, help="local port for the webhook server")
    parser.add_argument("--webhook-listen", help="local address for the webhook server")
    parser.add_argument("--base-url", help="Bot API base URL, e.g. http://127.0.0.1:9000/bot")


def run(args: argparse.Namespace) -> int:
    """Load the config once, open the database, run the bot until stopped or input ends."""
    from bot.config import Config, setup_logging
    from bot.instance import sole_instance
    from bot.wiring import build
    from storage import open_store

    config = Config.load(
        token_env=args.token_env,
        db_path=args.db,
        webhook_url=args.webhook_url,
        webhook_port=args.webhook_port,
        webhook_listen=args.webhook_listen,
        base_url=args.base_url,
        feeds=tuple(args.feeds) if args.feeds else None,
        allow_private_fetch="1" if args.allow_private_fetch else None,
        replay=args.replay,
        replay_interval=args.replay_interval,
    )
    if config.terminal and (args.webhook_url or args.base_url):
        from summarizer.errors import InputError

        raise InputError(f"--webhook-url and --base-url need a bot token in {args.token_env}.")
    setup_logging(config, level=args.log_level)
    embedded = config.terminal and config.db_path is None  # no --db, no $NEWSBOT_DB
    replay = config.replay if config.replay is not None else embedded
    # One bot per database: a second would resend the first one's alerts in flight. Taken
    # before the database is opened, so a second bot never migrates it under the first.
    with sole_instance(config.database) as run_lock:
        store = open_store(config.database)
        run_lock.opened(store.db.opened_file)  # other processes can tell if the path moves on
        # Jobs open their own connections to the same file: give them its path as opened.
        config = config.with_overrides(db_path=store.path, replay=replay)
        with store, build(config, store=store) as core:
            loaded = _load_sample(core) if (embedded or args.seed or replay) else None
            if config.terminal:
                return run_terminal(core, color=_color(args.color), loaded=loaded)
            return run_telegram(core, token_env=args.token_env)


def _load_sample(core: Newsbot) -> SampleLoad:
    """Store the sample; with replay on, its newest few wait to be published."""
    from bot.sample import load_sample

    return load_sample(core.ingestor, hold_back=bool(core.config.replay))


def run_telegram(core: Newsbot, *, token_env: str = "TELEGRAM_BOT_TOKEN") -> int:
    """Long polling, or a webhook when ``webhook_url`` is set; returns on Ctrl-C/SIGTERM."""
    from telegram.error import InvalidToken, NetworkError

    from bot.instance import DatabaseWatch
    from bot.telegram.application import build_application
    from summarizer.errors import NewsbotError

    config = core.config
    application = build_application(config, core=core)
    watch = application.bot_data.watch = DatabaseWatch(application.stop_running)
    try:
        _serve(application, config)
    except InvalidToken:
        raise NewsbotError(
            f"Telegram rejected the bot token in {token_env}; check it with @BotFather."
        ) from None
    except NetworkError as err:
        reason = str(err).replace(config.token or "\0", "<secret>")
        raise NewsbotError(f"Could not reach the Telegram Bot API ({reason}).") from None
    watch.raise_if_stopped()
    return 0


def _serve(application: Application, config: Config) -> None:
    from telegram import Update

    if config.webhook_url:
        application.run_webhook(
            listen=config.webhook_listen,
            port=config.webhook_port,
            url_path=urlparse(config.webhook_url).path.lstrip("/"),
            webhook_url=config.webhook_url,
            secret_token=config.webhook_secret,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)


def run_terminal(core: Newsbot, *, color: bool, loaded: SampleLoad | None = None) -> int:
    """The terminal chat on stdin/stdout until Ctrl-D, Ctrl-C or the end of piped input."""
    import asyncio

    from bot.instance import DatabaseWatch
    from bot.telegram.application import build_application
    from bot.telegram.terminal.chat import TERMINAL_USER_ID, TerminalChat
    from bot.telegram.terminal.session import serve

    # The person at the terminal runs this bot, so operator commands are theirs.
    # No command rate limit either: it guards Telegram chats against floods, while here it
    # silently dropped every piped command after the 20th.
    config = core.config
    config = config.with_overrides(
        admin_ids=config.admin_ids | {TERMINAL_USER_ID},
        command_limit=max(config.command_limit, 1_000_000),
    )
    interactive = _interactive()
    chat = TerminalChat(stdout=sys.stdout, color=color, echo=not interactive)
    application = build_application(config, core=core, request=chat.api)
    watch = application.bot_data.watch = DatabaseWatch(chat.finished.set)
    replaying = bool(config.replay and loaded is not None and loaded.held_back)
    if replaying:
        from bot.sample import install_replay

        install_replay(application, interval=config.replay_interval)
    print(
        banner(core.store, loaded, replay_interval=config.replay_interval if replaying else None),
        flush=True,
    )
    asyncio.run(serve(application, chat, interactive=interactive))
    if chat.output_closed:
        # Python would complain about flushing a closed pipe at exit; the docs' remedy:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    watch.raise_if_stopped()
    return 0


def plural(count: int, noun: str) -> str:
    """ "1 article", "2 articles", "1,204 articles"."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def banner(store: Store, loaded: SampleLoad | None, *, replay_interval: float | None) -> str:
    """The first lines of the terminal chat: where the data is, what is in it, how to begin."""
    lines = [
        f"newsbot terminal chat (no TELEGRAM_BOT_TOKEN set) · database {store.path}",
        f"{plural(store.articles.count(), 'article')} stored"
        + (f" ({loaded.new:,} new from the sample)" if loaded is not None else "")
        + " · add your own with `newsbot ingest FILE-OR-FOLDER` or `--feed URL`.",
    ]
    if loaded is not None:
        lines.append(
            "Sample: real news from Wikinews, 2004-2020 (CC BY 2.5, see seeds/sample/DATA_LICENSE)."
        )
    if replay_interval is not None and loaded is not None:
        lines.append(
            f"Replaying {plural(loaded.held_back, 'held-back sample article')}, one "
            f"every {replay_interval:g} s, as if they were news arriving "
            "(about Apple, Google, Toyota, Microsoft, Boeing); --no-replay turns "
            "this off."
        )
    if store.articles.count():
        start = "Try /subscribe Apple, then /news Google or /search takeover."
    else:  # /news and /search would find nothing: say where articles come from
        start = (
            "No articles yet: newsbot run --seed adds the sample, or ingest your own. "
            "Try /subscribe Apple: its new articles arrive here."
        )
    lines.append(f"{start} /help lists everything; Ctrl-D or Ctrl-C ends.")
    return "\n".join(lines)


def _interactive() -> bool:
    """A person at a terminal (prompt with line editing), not a pipe or a file."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")
