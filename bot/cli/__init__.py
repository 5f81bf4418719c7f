"""The ``newsbot`` command line: one entry point, one subcommand per module.

``newsbot`` alone lists the commands; ``newsbot --version`` prints the installed version.

Every user-caused error ends as one line on stderr and a non-zero exit code,
never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bot.cli import companies, ingest, run, summarize
from bot.cli import eval as eval_command
from bot.cli.output import terminal_line
from summarizer.errors import NewsbotError, UsageError

_SUBCOMMANDS = (run, summarize, companies, ingest, eval_command)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


DESCRIPTION = "Follow companies in the news: a Telegram bot, plus tools to feed and test it."
EPILOG = """\
Start here:
  newsbot run                       chat with the bot in this terminal (sample news included)
  newsbot ingest FILE-OR-FOLDER     add your own articles (txt, md, html, json, jsonl)
  newsbot summarize article.txt     the summary of one article
  newsbot COMMAND --help            everything about one command

Exit status: 0 success, 1 an input failed or nothing was usable, 2 a usage error.
"""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsbot")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


class _VersionAction(argparse.Action):
    """``--version``: the installed version, looked up only when asked (reading the
    package metadata costs about 20 ms at every start otherwise)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the installed version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        parser.exit(0, f"newsbot {_version()}\n")


def build_parser() -> argparse.ArgumentParser:
    """The full ``newsbot`` parser with every subcommand."""
    parser = _Parser(
        prog="newsbot",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands", parser_class=_Parser
    )
    for module in _SUBCOMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``newsbot``; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        # `newsbot` alone: what it can do, as a usage error (status 2) like any missing argument.
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except NewsbotError as err:
        print(f"newsbot: {terminal_line(str(err))}", file=sys.stderr)  # may quote a server
        # Wrong or missing arguments (a summarizer name that does not exist, no article
        # given) are usage errors, as argparse's own.
        return 2 if isinstance(err, UsageError) else 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
