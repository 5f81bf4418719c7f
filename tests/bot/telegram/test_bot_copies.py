"""One story from several outlets: /news and /search show it once, naming the others."""

from __future__ import annotations

from typing import Any

from summarizer.article import Article
from summarizer.companies.matcher import CompanyMention

Bot = Any  # the Harness from conftest (not importable under importlib mode)

WIRE = (
    "Zeta Quantum and Orbital Freight announced on Wednesday a ten-year partnership "
    "under which Zeta Quantum will run the freight company's computing.",
    "Orbital Freight will keep its own sales team, while Zeta Quantum will pay it 88 "
    "percent of the revenue for the first five years.",
    "Zeta Quantum chief executive Ada Byron said the deal would give the company the "
    "scale to compete with its largest rivals.",
)


def _store(bot: Bot, title: str, body: tuple[str, ...], source: str, day: int) -> None:
    bot.store.articles.add(
        Article(
            title,
            body,
            source=source,
            published=f"2026-06-{day:02d}T09:00:00+00:00",
            url=f"https://{source.lower()}.test/story",
        ),
        companies=[CompanyMention("Zeta Quantum", 0.9, True, 4)],
    )


def _three_copies_and_another_story(bot: Bot) -> None:
    _store(bot, "Zeta Quantum signs freight deal", WIRE, "Reuters", 3)
    _store(bot, "Zeta and Orbital strike deal", (*WIRE[:2], "Shares rose."), "AP", 4)
    _store(bot, "Zeta Quantum, Orbital seal pact", (*WIRE, "Analysts welcomed it."), "BBC", 5)
    other = (
        "Zeta Quantum recalled 2,000 of its cooling units after a fault in a valve.",
        "The recall costs Zeta Quantum about 3 million dollars, the company said.",
    )
    _store(bot, "Zeta Quantum recalls cooling units", other, "Herald", 1)


async def test_news_shows_a_story_carried_by_three_outlets_once(bot: Bot) -> None:
    _three_copies_and_another_story(bot)
    reply = "\n".join(await bot.send("/news Zeta Quantum 3"))
    assert "the latest 2 articles" in reply, reply
    # The newest copy stands for the story; the others are named and linked beside it.
    assert reply.count("seal pact</a>") == 1
    assert "signs freight deal</a>" not in reply and "strike deal</a>" not in reply
    assert (
        '+2 sources: <a href="https://ap.test/story">AP</a>, '
        '<a href="https://reuters.test/story">Reuters</a>' in reply
    )
    assert "recalls cooling units</a>" in reply  # the other story keeps its place
    # The brief quotes the wire story's facts once, not once per copy.
    brief = reply.split("In brief")[1].split("\n\n")[0]
    assert brief.count("88 percent") <= 1 and brief.count("ten-year partnership") <= 1


async def test_search_shows_a_story_carried_by_three_outlets_once(bot: Bot) -> None:
    _three_copies_and_another_story(bot)
    reply = (await bot.send("/search Orbital Freight"))[0]
    assert reply.count("/summary ") == 1, reply
    assert "+2 sources:" in reply
    buttons = bot.buttons(bot.last("sendMessage"))
    assert len(buttons) == 1
