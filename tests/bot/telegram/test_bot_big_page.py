"""/summary of a huge page a chat sends: the reply says the first part was read, and the
work (cleaning, matching, summarising, storing) is bounded whatever the page's size."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.services.pages import MAX_PAGE_CHARS, read_page
from summarizer.article import Article
from summarizer.text.clean import parse_article
from tests.support.growth import FACTOR, growth

PARAGRAPH = (
    "Toyota said on Tuesday that it would build a battery plant in Ohio, hiring 2,000 "
    "people, as carmakers race to cut the cost of electric cars. Item {n} of the list."
)
# ~18,000 characters, like the longest dev story (19,103).
NORMAL = "Toyota builds a plant in Ohio\n\n" + "\n\n".join(
    PARAGRAPH.format(n=n) for n in range(100)
)


def huge_text(chars: int) -> str:
    """A plain-text page of about ``chars`` characters, every paragraph different."""
    count = chars // len(PARAGRAPH)
    return "Toyota builds plants\n\n" + "\n\n".join(PARAGRAPH.format(n=n) for n in range(count))


def huge_html(chars: int) -> str:
    """An HTML page of about ``chars`` characters of paragraphs."""
    count = chars // (len(PARAGRAPH) + 8)
    paragraphs = "".join(f"<p>{PARAGRAPH.format(n=n)}</p>\n" for n in range(count))
    return (
        "<!doctype html><html><head><title>Toyota builds plants</title></head><body>"
        f"<article><h1>Toyota builds plants</h1>{paragraphs}</article></body></html>"
    )


def stored_page(bot: Any, url: str) -> Any:
    """The article chat 11 stored from ``url``."""
    return bot.store.articles.get(bot.store.articles.id_for_url(url, chat_id=11), chat_id=11)


@pytest.fixture
async def bot(make_harness: Any) -> Any:
    """The pages are on 127.0.0.1: this bot's operator allows private targets."""
    return await make_harness(allow_private_fetch="1")


@pytest.mark.parametrize("kind", ["text/plain", "text/html"])
async def test_a_huge_page_is_read_from_its_first_part(
    bot: Any, serve_routes: Callable[..., str], kind: str
) -> None:
    page = huge_text(1_600_000) if kind == "text/plain" else huge_html(4_000_000)
    site = serve_routes({"/huge": (200, f"{kind}; charset=utf-8", page.encode())})
    matcher = bot.app.bot_data.core.companies.matcher
    matched: list[int] = []
    find = matcher.find

    def counted(article: Article, *args: Any, **kwargs: Any) -> Any:
        matched.append(len(article.body))
        return find(article, *args, **kwargs)

    matcher.find = counted
    reply = (await bot.send(f"/summary {site}/huge"))[0]
    assert "This page is very long; I read its first " in reply
    assert "Toyota" in reply and "Companies: Toyota" in reply
    assert "summarised from its first" not in reply  # one note on the length, not two
    assert matched and max(matched) <= MAX_PAGE_CHARS  # the matcher saw the first part only
    stored = stored_page(bot, f"{site}/huge")
    assert len(stored.body) <= MAX_PAGE_CHARS  # and that is what is stored and summarised
    words = int(reply.split("I read its first ")[1].split(" words")[0].replace(",", ""))
    assert words == len(stored.body.split())


async def test_a_normal_page_is_read_whole(bot: Any, serve_routes: Callable[..., str]) -> None:
    site = serve_routes({"/story": (200, "text/plain; charset=utf-8", NORMAL.encode())})
    reply = (await bot.send(f"/summary {site}/story"))[0]
    assert "very long" not in reply and "Companies: Toyota" in reply
    stored = stored_page(bot, f"{site}/story")
    assert stored.body == parse_article(NORMAL).body  # all of it, as before


def test_read_page_changes_nothing_under_the_limit() -> None:
    for page in (NORMAL, huge_html(len(NORMAL))):
        read = read_page(page)
        assert read.words_read == 0 and read.article == parse_article(page)


@pytest.mark.parametrize("make", [huge_text, huge_html])
def test_reading_a_huge_page_costs_the_same_whatever_its_size(
    make: Callable[[int], str],
) -> None:
    def reading(chars: int) -> Callable[[], object]:
        page = make(chars)
        return lambda: read_page(page)

    # Bounded work takes about as long on a page FACTOR times larger (linear: ~FACTOR).
    assert growth(reading, 1_000_000) < FACTOR / 2
    small, large = read_page(make(1_000_000)), read_page(make(1_000_000 * FACTOR))
    assert small == large and len(large.article.body) <= MAX_PAGE_CHARS
