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


def positive_seconds(text: str) -> float:
    """A number of seconds above 0 (not "nan" or "inf"); else a one-line usage error."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text}")
    return value


def port(text: str) -> int:
    """A TCP port number, 1 to 65535; else a one-line usage error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be from 1 to 65535, got {value}")
    return value


def add_fetch_flag(parser: argparse.ArgumentParser) -> None:
    """``--allow-private-fetch``: the operator's switch for intranet (private) addresses."""
    parser.add_argument(
        "--allow-private-fetch",
        action="store_true",
        help="also fetch loopback and private (intranet) addresses; by default only public "
        "web sites are fetched (same as NEWSBOT_ALLOW_PRIVATE_FETCH=1)",
    )
