"""What a stranger's odd input and odd stored text get back: one clear message, never a flood."""

from __future__ import annotations

import html
import re
from typing import Any

from summarizer.article import Article

Bot = Any  # the Harness from conftest (not importable under importlib mode)


def _store(bot: Bot, article: Article) -> int:
    matcher = bot.app.bot_data.core.companies.matcher
    article_id, _new = bot.store.articles.add(article, companies=matcher.find(article))
    return int(article_id)


async def test_text_without_full_stops_is_summarised_in_one_message(
    bot: Bot, html_problems: Any
) -> None:
    # A cased run with no stops and no word that starts sentences is one "sentence" of
    # 3,000 words: shown whole it filled 8 messages for /summary, 16 for /news.
    runs = (
        "Xiaomi sold more phones and the market liked it very much " * 300,
        "Xiaomi built more cars and the buyers loved them a lot " * 300,
    )
    for day, run in enumerate(runs, start=1):
        _store(
            bot,
            Article(
                f"Xiaomi wall of words {day}",
                (run,),
                url=f"https://wall.example/{day}",
                published=f"2026-02-0{day}T08:00:00+00:00",
            ),
        )
    article_id = bot.store.articles.id_for_url("https://wall.example/1")
    replies = await bot.send(f"/summary {article_id}")
    assert len(replies) == 1 and html_problems(replies[0]) == []
    assert "very much Xiaomi sold" in replies[0] and "…" in replies[0]
    news = await bot.send("/news Xiaomi 3")
    assert len(news) == 1 and html_problems(news[0]) == []
    assert "wall of words 1" in news[0] and "wall of words 2" in news[0]


async def test_a_search_of_only_operators_or_left_out_words_says_what_to_type(bot: Bot) -> None:
    assert "add a word to look for" in (await bot.send("/search NOT google"))[0]
    assert "give some words" in (await bot.send("/search AND NEAR"))[0]
    found = (await bot.send("/search Xiaomi NOT google"))[0]
    assert "Xiaomi to enter electric vehicle race" in found


async def test_an_old_list_is_brought_up_to_date_when_a_gone_company_is_pressed(bot: Bot) -> None:
    await bot.send("/subscribe Xiaomi, Tesla")
    await bot.send("/list")
    markup = bot.last("sendMessage")["reply_markup"]
    buttons = bot.buttons(bot.last("sendMessage"))
    tesla = next(data for label, data in buttons if label == "✖ Unsubscribe Tesla")
    await bot.send("/unsubscribe Tesla")
    # The /list above still shows Tesla and its buttons; pressing one said only "no
    # longer follows" and left the old list, Tesla and all, in place.
    old_list = "This chat follows 2 of at most 50 companies\n\n• Tesla\n• Xiaomi"
    await bot.press(tesla, text=old_list, reply_markup=markup)
    assert bot.last("answerCallbackQuery")["text"] == "This chat no longer follows that company."
    edited = bot.last("editMessageText")
    assert "Xiaomi" in edited["text"] and "Tesla" not in edited["text"]
    assert all("Tesla" not in label for label, _ in bot.buttons(edited))
    # Pressed under the list as it is now (a forged press: no such button), the list is
    # left alone: editing it to itself is an error Telegram returns.
    edits = len(bot.request.of("editMessageText"))
    shown = html.unescape(re.sub(r"<[^>]+>", "", edited["text"]))  # as Telegram shows it
    await bot.press(tesla, text=shown, reply_markup=edited["reply_markup"])
    assert len(bot.request.of("editMessageText")) == edits


async def test_news_never_repeats_a_sentence_of_its_brief(bot: Bot) -> None:
    # The sample's Apple stories: the brief showed two sentences of the Shazam story,
    # and its summary, all of whose other sentence leant on one of them ("It also ..."),
    # was shown whole under it, repeating both.
    from bot.ingest.files import article_from_record
    from bot.sample import sample_records

    for record in sample_records():
        if record["title"] in APPLE_STORIES:
            _store(bot, article_from_record(record, where=record["title"]))
    reply = (await bot.send("/news Apple 3"))[0]
    brief, items = reply.split("\n\n<b>1. ", 1)
    told = re.findall(r"^• (.+?) (?:<a href|<i>\[)", brief, flags=re.MULTILINE)
    assert len(told) >= 3
    for sentence in told:
        assert sentence not in items, sentence
    assert "Shazam" in items.split("<b>2. ")[0]  # the Shazam story still has a summary


APPLE_STORIES = (
    "Apple, Inc. confirms acquisition of Shazam",
    "Apple executive Steve Jobs resigns",
    "As increase in digital music sales slows, record labels look to new ways to make money",
)
