"""``newsbot ingest``: store articles from files, folders and RSS/Atom feeds.

Prints one line per article that could not be stored (on stderr) and a one-line
summary at the end: "ingested N new, D duplicate, F failed".

Exit status, the same rule for every newsbot command: 0 when every input was read
(new or duplicate), 1 when some input failed or there was nothing usable, 2 for a
usage error (a wrong flag, nothing given).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cli.argtypes import add_fetch_flag, positive_int
from bot.cli.output import terminal_line

if TYPE_CHECKING:
    from bot.ingest.ingestor import Ingestor, IngestReport

MAX_LISTED_ERRORS = 20
DESCRIPTION = (
    "Store articles and link them to the companies they mention; followers of "
    "those companies get alerts from the running bot.\n\n"
    "Files: .txt/.md (title on line one), .html/.htm, .json (one article, a list, "
    'or {"articles": [...]}) and .jsonl (one article per line). An article in '
    'JSON has "title", the text in "body" (or "article"), and optionally '
    '"url", "published" (a date) and "source" (the outlet) - the same '
    "fields `newsbot summarize --batch` and `newsbot eval` read. Folders are read "
    "recursively. The same article twice (same address, or the same text under any "
    "title) is stored once.\n\n"
    "Exit status: 0 every input was read, 1 some input failed or nothing was usable, "
    "2 usage error."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``ingest`` subcommand."""
    parser = subparsers.add_parser(
        "ingest",
        help="store articles from files, folders or RSS/Atom feeds",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", type=Path, help="article files or folders"
    )
    _add_feed_flags(parser)
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="PATH",
        help="database file (default: $NEWSBOT_DB or ~/.local/share/newsbot/newsbot.db)",
    )
    bar = parser.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="always show the progress bar",
    )
    bar.add_argument(
        "--no-progress", dest="progress", action="store_false", help="never show the progress bar"
    )
    parser.add_argument(
        "--max-entries",
        type=positive_int,
        default=None,
        metavar="N",
        help="read at most N entries per feed (default 50)",
    )
    add_fetch_flag(parser)
    parser.set_defaults(func=run, _parser=parser)


def _add_feed_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="URL",
        help="an RSS or Atom feed to read now; the running bot keeps polling it (repeatable)",
    )
    parser.add_argument(
        "--list-feeds",
        action="store_true",
        help="list the feeds read so far, with their last error",
    )
    parser.add_argument(
        "--forget-feed",
        action="append",
        default=[],
        metavar="URL",
        help="stop polling a feed (its stored articles stay)",
    )


def run(args: argparse.Namespace) -> int:
    """Ingest the given paths and feeds; print failures and the summary."""
    if args.list_feeds or args.forget_feed:
        if args.paths or args.feed:  # else they would be dropped without a word
            args._parser.error("--list-feeds and --forget-feed take no PATH or --feed")
        return _manage_feeds(args)
    if not args.paths and not args.feed:
        args._parser.error("give at least one PATH or --feed URL")
    from bot.config import Config
    from bot.ingest.feeds import FeedLimits
    from bot.wiring import build

    config = Config.load(
        db_path=args.db, allow_private_fetch="1" if args.allow_private_fetch else None
    )
    limits = FeedLimits() if args.max_entries is None else FeedLimits(max_entries=args.max_entries)
    with build(config, feed_limits=limits) as core:
        return ingest_and_report(core.ingestor, args)


def ingest_and_report(ingestor: Ingestor, args: argparse.Namespace) -> int:
    """Ingest ``args.paths`` and ``args.feed``; print failures and the summary line.

    When the database fails part-way (disk full, read-only), what was stored so far
    is still summarised, then the database's error is printed and the exit code is 1.
    Likewise when the database file is deleted or replaced meanwhile (SQLite would go
    on writing to the old file, which no other process sees): the ingest stops before
    its next batch or feed and says where the articles counted went.
    """
    from bot.ingest.ingestor import IngestReport
    from bot.instance import DatabaseMovedError, check_database
    from summarizer.errors import StorageError

    report = IngestReport()
    try:
        if args.paths:
            ingestor.ingest_paths(args.paths, progress=args.progress, report=report)
        for url in args.feed:
            check_database(ingestor.store.db, during="ingesting")
            report.merge(ingestor.ingest_feed(url))
        check_database(ingestor.store.db, during="ingesting")  # the last batch's too
    except DatabaseMovedError as moved:
        _finish(report)
        print(
            f"newsbot: {terminal_line(str(moved))}: the articles counted above went to the "
            "old file. Run the ingest again.",
            file=sys.stderr,
        )
        return 1
    except StorageError as err:
        _finish(report)
        print(f"newsbot: {terminal_line(str(err))}", file=sys.stderr)
        return 1
    _finish(report)
    if args.paths and not args.feed and report.total == 0:
        print(
            "newsbot: no articles found (supported: .txt .md .html .htm .json .jsonl).",
            file=sys.stderr,
        )
        return 1
    return 1 if report.failed else 0


def _finish(report: IngestReport) -> None:
    _print_errors(report.errors)
    print(report.summary(), flush=True)


def _print_errors(errors: list[str]) -> None:
    for line in errors[:MAX_LISTED_ERRORS]:
        print(f"newsbot: {terminal_line(line)}", file=sys.stderr)
    hidden = len(errors) - MAX_LISTED_ERRORS
    if hidden > 0:
        print(f"newsbot: ... and {hidden} more failures", file=sys.stderr)


def _manage_feeds(args: argparse.Namespace) -> int:
    from bot.config import Config
    from bot.instance import check_beside_the_bot
    from storage import open_store

    database = Config.load(db_path=args.db).database
    check_beside_the_bot(database)
    with open_store(database) as store:
        missing = []
        for url in args.forget_feed:
            if store.feeds.remove(url):
                print(f"Forgot {terminal_line(url)}; its stored articles stay.")
            else:
                missing.append(url)
                print(f"newsbot: {terminal_line(url)} is not a known feed.", file=sys.stderr)
        feeds = store.feeds.all() if args.list_feeds else []
        if args.list_feeds and not feeds:
            print("No feeds yet: newsbot ingest --feed URL reads one, and the bot polls it.")
        for state in feeds:
            status = (
                f"failing ({state.failures}x): {state.last_error}"
                if state.failures
                else f"ok, last read {state.last_ok}"
            )
            fields = (state.url, state.title or "-", status)  # all three come from afar
            print("\t".join(terminal_line(field) for field in fields))
    return 1 if missing else 0
