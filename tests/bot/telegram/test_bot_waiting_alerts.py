"""What a settings change does to the alerts already waiting for the chat (a digest's
held alerts can wait a day): they obey the new settings, as new articles do."""

from __future__ import annotations

from typing import Any

from summarizer import Article
from summarizer.companies.matcher import CompanyMention

Bot = Any


def _story(bot: Bot, n: int, mentions: dict[str, float]) -> int:
    title = f"Story {n} about {', '.join(mentions)}"
    article_id, _ = bot.store.articles.add(
        Article(title, (f"{title}, the company said.", "More later."), url=f"u:{n}"),
        companies=[CompanyMention(name, s, s >= 0.25, 2) for name, s in mentions.items()],
    )
    bot.store.outbox.enqueue_for_article(article_id)
    return article_id


async def test_raising_the_threshold_drops_the_passing_mentions_waiting(bot: Bot) -> None:
    # A digest chat on "any mention" collects passing mentions all day; it asks for the
    # main subject only: the evening digest must not bring the passing mentions after all.
    await bot.send("/subscribe Xiaomi")
    await bot.press("s:mode:digest")
    await bot.send("/settings relevance any")
    main = _story(bot, 1, {"Xiaomi": 0.9})
    passing = _story(bot, 2, {"Xiaomi": 0.05})
    notable = _story(bot, 3, {"Xiaomi": 0.3})
    rows = {r["article_id"]: r for r in bot.store.outbox.rows(chat_id=11)}
    assert [r["status"] for r in rows.values()] == ["held"] * 3
    await bot.press("s:thr:notable")  # the button, as the typed command below
    rows = {r["article_id"]: r for r in bot.store.outbox.rows(chat_id=11)}
    assert (rows[passing]["status"], rows[passing]["error"]) == ("dropped", "threshold")
    assert rows[main]["status"] == rows[notable]["status"] == "held"
    await bot.send("/settings relevance main")
    rows = {r["article_id"]: r for r in bot.store.outbox.rows(chat_id=11)}
    assert (rows[notable]["status"], rows[notable]["error"]) == ("dropped", "threshold")
    assert rows[main]["status"] == "held"
    # Lowering it again brings nothing back: what was dropped stays dropped (no flood).
    await bot.send("/settings relevance any")
    assert [r["status"] for r in bot.store.outbox.rows(chat_id=11)].count("held") == 1


async def test_back_on_instant_alerts_the_held_ones_are_queued_at_once(bot: Bot) -> None:
    # Not at the digest job's next round (up to a minute): the reply says instant alerts,
    # and what the chat held comes as instant alerts, right away.
    await bot.send("/subscribe Xiaomi")
    await bot.press("s:mode:digest")
    _story(bot, 1, {"Xiaomi": 0.9})
    _story(bot, 2, {"Xiaomi": 0.9})
    assert [r["status"] for r in bot.store.outbox.rows(chat_id=11)] == ["held", "held"]
    await bot.send("/settings digest off")
    rows = bot.store.outbox.rows(chat_id=11)
    assert [(r["status"], r["mode"]) for r in rows] == [("pending", "instant")] * 2


async def test_alerts_waiting_when_a_chat_asks_for_a_digest_wait_for_the_digest(
    bot: Bot,
) -> None:
    # Alerts still queued (the chat waits out Telegram's 429, copies wait to be grouped)
    # when the chat chooses a daily digest, flooded: they go in the digest, not out now.
    await bot.send("/subscribe Xiaomi")
    for n in (1, 2):
        article_id, _ = bot.store.articles.add(
            Article(f"Story {n}", (f"Xiaomi story {n}, the company said.",), url=f"u:{n}"),
            companies=[CompanyMention("Xiaomi", 0.9, True, 2)],
        )
        bot.store.outbox.enqueue_for_article(article_id, delay=3600)
    assert [r["status"] for r in bot.store.outbox.rows(chat_id=11)] == ["pending"] * 2
    await bot.press("s:mode:digest")
    rows = bot.store.outbox.rows(chat_id=11)
    assert [(r["status"], r["mode"]) for r in rows] == [("held", "digest")] * 2
