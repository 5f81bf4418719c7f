"""/summary of a paywalled page: the stub (a teaser, the rest for subscribers) is not
summarised as if it were the story; the reply says why, and nothing is stored."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

TEASER = (
    "Toyota said on Tuesday that it would build a battery plant in Ohio, hiring 2,000 "
    "people. The carmaker, which has lagged rivals in electric cars, said the plant"
)
SENTENCE = (
    "Toyota said on Tuesday that it would build a battery plant in Ohio, hiring {n} "
    "people, as carmakers race to cut the cost of electric cars."
)


def page(
    paragraphs: list[str], *, free: bool | None = None, wall: str = "", menu: str = ""
) -> bytes:
    """A news page: the site's menu, its paragraphs, schema.org's access mark, the
    paywall's words."""
    mark = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Toyota"}
    if free is not None:
        mark["isAccessibleForFree"] = free
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><title>Toyota builds a plant in Ohio</title>"
        f'<script type="application/ld+json">{json.dumps(mark)}</script></head><body>{menu}'
        f"<article><h1>Toyota builds a plant in Ohio</h1>{body}</article>"
        f'<div class="wall">{wall}</div></body></html>'
    ).encode()


FULL = [SENTENCE.format(n=n) for n in range(1, 16)]  # about 375 words
# The site's own offer, on every page of it, free stories too.
OFFER = (
    '<a href="/">Home</a> <a href="/business">Business</a> '
    '<a href="/subscribe">Subscribe for full access</a>'
)
MENUS = {
    "nav": f"<header><nav>{OFFER}</nav></header>",
    "class": f'<div class="site-menu">{OFFER}</div>',
    "role": f'<div role="navigation">{OFFER}</div>',
    "footer": "",  # the offer in the footer instead, after the story
}
ROUTES = {
    "/marked": page([TEASER], free=False),
    "/worded": page([TEASER], wall="Subscribe to continue reading. Already a subscriber? Log in"),
    "/limit": page([TEASER], wall="You have reached your limit of free articles this month."),
    "/full-marked": page(FULL, free=False),  # the whole story served all the same
    "/short-free": page(FULL[:3], free=True, wall="Subscribe to our newsletter"),
    # A short free story about paywalls says a wall's words itself, last paragraph too.
    "/about-walls": page(
        [
            *FULL[:2],
            "The Ohio Courier now asks readers who reach the end of a free story to subscribe "
            "to continue reading, a change the paper says added 20,000 subscribers in a year.",
        ]
    ),
    **{f"/menu-{kind}": page(FULL[:3], menu=menu) for kind, menu in MENUS.items()},
    "/menu-footer": page(FULL[:3], wall=f"<footer>{OFFER}</footer>"),
    # A site's menu does not hide a real wall either.
    "/menu-wall": page([TEASER], menu=MENUS["nav"], wall="Subscribe to continue reading."),
}


@pytest.fixture
async def bot(make_harness: Any) -> Any:
    """The pages are on 127.0.0.1: this bot's operator allows private targets."""
    return await make_harness(allow_private_fetch="1")


@pytest.mark.parametrize("path", ["/marked", "/worded", "/limit", "/menu-wall"])
async def test_a_paywall_stub_is_named_not_summarised(
    bot: Any, serve_routes: Callable[..., str], path: str
) -> None:
    site = serve_routes({p: (200, "text/html; charset=utf-8", b) for p, b in ROUTES.items()})
    reply = (await bot.send(f"/summary {site}{path}"))[0]
    assert "That page is behind a paywall" in reply
    assert "words) to readers without a subscription" in reply
    assert "hiring 2,000" not in reply  # the teaser is not passed off as a summary
    assert bot.store.articles.id_for_url(f"{site}{path}", chat_id=11) is None


@pytest.mark.parametrize(
    "path",
    ["/full-marked", "/short-free", "/about-walls", *(f"/menu-{kind}" for kind in MENUS)],
)
async def test_a_page_read_whole_is_summarised_whatever_its_marks(
    bot: Any, serve_routes: Callable[..., str], path: str
) -> None:
    site = serve_routes({p: (200, "text/html; charset=utf-8", b) for p, b in ROUTES.items()})
    reply = (await bot.send(f"/summary {site}{path}"))[0]
    assert "paywall" not in reply
    assert "battery plant in Ohio" in reply
