"""``newsbot run``: (being written)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``run`` subcommand."""
    parser = subparsers.add_parser("run", help="(being written)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Placeholder until the module is written."""
    raise SystemExit("newsbot: 'run' is not available yet")
