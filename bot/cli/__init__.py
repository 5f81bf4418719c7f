"""The ``newsbot`` command line: one entry point, one subcommand per module.

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
from summarizer.errors import NewsbotError

_SUBCOMMANDS = (run, summarize, companies, ingest, eval_command)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The full ``newsbot`` parser with every subcommand."""
    parser = _Parser(prog="newsbot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in _SUBCOMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``newsbot``; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except NewsbotError as err:
        print(f"newsbot: {terminal_line(str(err))}", file=sys.stderr)  # may quote a server
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
