"""/summary with a link pasted as browsers show addresses: without its https://."""

from __future__ import annotations

from typing import Any

import pytest

from bot.services.typed.references import with_scheme
from summarizer.article import Article

Bot = Any  # the Harness from conftest (not importable under importlib mode)


async def test_a_link_without_its_scheme_is_the_page_at_https(bot: Bot) -> None:
    for url in ("https://news.example/xiaomi/plant", "https://www.news.example/xiaomi-car"):
        article = Article("Xiaomi news", (f"Xiaomi news at {url}.",), url=url)
        article_id, _ = bot.store.articles.add(article, companies=[])
        pasted = url.removeprefix("https://")
        for typed in (pasted, f"<{pasted}>", f"{pasted}."):
            reply = (await bot.send(f"/summary {typed}"))[0]
            assert f"article #{article_id}" in reply, (typed, reply)


async def test_a_pasted_host_goes_through_the_fetch_policy_like_any_address(bot: Bot) -> None:
    reply = (await bot.send("/summary www.intranet.invalid/payroll"))[0]
    assert reply.startswith("https://www.intranet.invalid/payroll is not a public web address")


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("reuters.com/markets/deals", "https://reuters.com/markets/deals"),
        ("www.bbc.co.uk", "https://www.bbc.co.uk"),
        ("Tesla.com", "Tesla.com"),  # a bare host is a home page, not a story: not guessed
        ("10.0.0.1/admin", "10.0.0.1/admin"),  # no host name: stays refused as typed
        ("12", "12"),
        ("e.g. this", "e.g. this"),
        ("ftp://example.com/x", "ftp://example.com/x"),
    ],
)
def test_only_host_names_with_a_path_or_www_get_a_scheme(typed: str, read: str) -> None:
    assert with_scheme(typed) == read
