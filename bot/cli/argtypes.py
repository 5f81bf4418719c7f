"""argparse value types shared by the `newsbot` subcommands (stdlib only: --help stays fast)."""

from __future__ import annotations

import argparse


def positive_int(text: str) -> int:
    """A whole number of at least 1; anything else is a one-line usage error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def add_fetch_flag(parser: argparse.ArgumentParser) -> None:
    """``--allow-private-fetch``: the operator's switch for intranet (private) addresses."""
    parser.add_argument(
        "--allow-private-fetch",
        action="store_true",
        help="also fetch loopback and private (intranet) addresses; by default only public "
        "web sites are fetched (same as NEWSBOT_ALLOW_PRIVATE_FETCH=1)",
    )
