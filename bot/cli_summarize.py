"""``newsbot summarize``: (being written)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``summarize`` subcommand."""
    parser = subparsers.add_parser("summarize", help="(being written)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Placeholder until the module is written."""
    raise SystemExit("newsbot: 'summarize' is not available yet")
