"""A pasted list longer than one command takes: followed in part, the rest ready to send."""

from __future__ import annotations

import html
import re
from typing import Any

Bot = Any  # the Harness from conftest (not importable under importlib mode)

PORTFOLIO = [
    "Apple",
    "Toyota",
    "Microsoft",
    "Google",
    "Amazon",
    "Samsung",
    "Sony",
    "Nokia",
    "Boeing",
    "Airbus",
    "Tesla",
    "BMW",
    "Siemens",
    '"Sturm, Ruger & Co."',
]


def _commands(reply: str) -> list[str]:
    return [html.unescape(c) for c in re.findall(r"<code>(/subscribe [^<]+)</code>", reply)]


async def test_fourteen_names_follow_ten_and_give_the_command_for_the_other_four(
    bot: Bot,
) -> None:
    reply = (await bot.send("/subscribe " + ", ".join(PORTFOLIO)))[0]
    assert bot.store.subscriptions.count(11) == 10  # not "at most 10 at once" and nothing
    assert "Apple" in reply and "Airbus" in reply
    assert _commands(reply) == ['/subscribe Tesla, BMW, Siemens, "Sturm, Ruger & Co."']
    followed = (await bot.send(_commands(reply)[0]))[0]
    assert "Tesla" in followed and "Sturm" in followed
    assert bot.store.subscriptions.count(11) == 14


async def test_names_past_the_chats_limit_are_not_offered_again(make_harness: Any) -> None:
    bot = await make_harness(max_subscriptions=10)
    reply = (await bot.send("/subscribe " + ", ".join(PORTFOLIO)))[0]
    assert bot.store.subscriptions.count(11) == 10
    # A command that could only be refused is not offered: the four are "not added".
    assert not _commands(reply)
    assert "Not added: Tesla, BMW, Siemens, Sturm, Ruger &amp; Co." in reply
