"""/summary URL and /ingest against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

PAGE = """<!doctype html><html><head><title>Tesla opens a plant in Texas</title></head><body>
<article><h1>Tesla opens a plant in Texas</h1>
<p>Tesla opened a new battery plant near Austin, Texas, on Monday, the company said.</p>
<p>The plant will employ 5,000 people and build cells for Tesla's cheaper cars.</p>
<p>Tesla shares rose 3 per cent after the announcement, while rivals were flat.</p>
<p>Analysts said the plant would cut Tesla's costs by a tenth within two years.</p>
</article></body></html>"""


@pytest.fixture
def site(serve_routes: Callable[..., str]) -> str:
    return serve_routes(
        {
            "/story": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/photo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        }
    )


@pytest.fixture
async def bot(make_harness: Any) -> Any:
    """The test page is on 127.0.0.1: this bot's operator allows private targets."""
    return await make_harness(allow_private_fetch="1")


async def test_summary_of_a_loopback_url_is_refused_by_default(
    make_harness: Any, site: str
) -> None:
    bot = await make_harness()  # the default policy: public addresses only
    port = site.rsplit(":", 1)[1]
    for url in (
        f"{site}/story",
        f"http://localhost:{port}/story",
        f"http://2130706433:{port}/story",
        f"http://user:pw@127.1:{port}/story",
    ):
        reply = (await bot.send(f"/summary {url}"))[0]
        assert "not a public web address" in reply, reply
        assert "Tesla" not in reply
    assert bot.store.articles.count() == 1  # only the seed


async def test_summary_of_a_url_fetches_stores_and_summarises(bot: Any, site: str) -> None:
    reply = (await bot.send(f"/summary {site}/story"))[0]
    assert "Tesla opens a plant in Texas" in reply
    assert "battery plant" in reply and "Companies: Tesla" in reply
    assert "Saved for this chat" in reply and "alert" not in reply  # a chat's page alerts nobody
    assert bot.store.articles.id_for_url(f"{site}/story", chat_id=11) is not None
    assert bot.store.articles.id_for_url(f"{site}/story") is None  # the chat's, not public
    again = (await bot.send(f"/summary {site}/story"))[0]
    assert "Saved" not in again and "battery plant" in again
    assert bot.store.articles.count() == 2  # the seed and this page, once


async def test_a_chats_page_alerts_nobody_until_an_operator_ingests_it(
    make_harness: Any, site: str
) -> None:
    bot = await make_harness(admin_ids=frozenset({11}), allow_private_fetch="1")
    await bot.send("/subscribe Tesla", chat=20, user=20)
    stored = (await bot.send(f"/summary {site}/story", chat=12, user=12))[0]  # a stranger's page
    assert "Tesla opens a plant in Texas" in stored
    assert bot.store.outbox.rows() == []
    hidden = (await bot.send("/news Tesla", chat=20, user=20))[0]
    assert "Tesla opens a plant" not in hidden  # other chats never see it
    assert "Tesla opens a plant" not in (await bot.send("/search battery", chat=20, user=20))[0]
    assert (await bot.send("/ingest " + f"{site}/story"))[0].startswith("Stored as new")
    assert [row["chat_id"] for row in bot.store.outbox.rows()] == [20]
    assert "Tesla opens a plant" in (await bot.send("/news Tesla", chat=20, user=20))[0]


async def test_summary_of_a_missing_page_says_why(bot: Any, site: str) -> None:
    reply = (await bot.send(f"/summary {site}/gone"))[0]
    assert "404" in reply or "not found" in reply.lower()
    assert "something went wrong" not in reply


async def test_ingest_is_for_operators_only(make_harness: Any, site: str) -> None:
    bot = await make_harness(admin_ids=frozenset({11}), allow_private_fetch="1")
    refused = (await bot.send(f"/ingest {site}/story", chat=12, user=12))[0]
    assert "only for this bot's operators" in refused
    assert bot.store.articles.count() == 1
    stored = (await bot.send(f"/ingest {site}/story"))[0]
    assert stored.startswith("Stored as new: #2")
    assert "followers of these companies get it as an alert" in stored
    assert "No feeds are configured" in (await bot.send("/ingest"))[0]


async def test_summary_of_an_image_says_what_it_is(bot: Any, site: str) -> None:
    reply = (await bot.send(f"/summary {site}/photo.png"))[0]
    assert "is not an article (it is image/png)" in reply
    assert bot.store.articles.count() == 1  # only the seed
