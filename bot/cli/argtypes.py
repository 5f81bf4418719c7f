"""argparse value types shared by the `newsbot` subcommands (stdlib only: --help stays fast)."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import TypeVar

N = TypeVar("N", int, float)


def positive_int(text: str) -> int:
    """A whole number of at least 1; anything else is a one-line usage error."""
    return _checked(text, int, "a whole number", lambda v: v >= 1, "at least 1")


def positive_seconds(text: str) -> float:
    """A number of seconds above 0 (not "nan" or "inf"); else a one-line usage error."""
    return _checked(
        text, float, "a number of seconds", lambda v: 0 < v < math.inf, "a positive number"
    )


def port(text: str) -> int:
    """A TCP port number, 1 to 65535; else a one-line usage error."""
    return _checked(text, int, "a port number", lambda v: 1 <= v <= 65535, "from 1 to 65535")


def _checked(
    text: str, convert: Callable[[str], N], what: str, fits: Callable[[N], bool], bounds: str
) -> N:
    try:
        value = convert(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
    if not fits(value):
        raise argparse.ArgumentTypeError(f"must be {bounds}, got {text}")
    return value


def add_fetch_flag(parser: argparse.ArgumentParser) -> None:
    """``--allow-private-fetch``: the operator's switch for intranet (private) addresses."""
    parser.add_argument(
        "--allow-private-fetch",
        action="store_true",
        help="also fetch loopback and private (intranet) addresses; by default only public "
        "web sites are fetched (same as NEWSBOT_ALLOW_PRIVATE_FETCH=1)",
    )
