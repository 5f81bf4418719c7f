"""Handlers that read the news: /news, /summary, /search, /ingest and their buttons."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction

from bot.services.answers import NewsResult
from bot.services.news import DEFAULT_NEWS, MAX_NEWS
from bot.telegram.callbacks import Action, encode
from bot.telegram.formatting import esc
from bot.telegram.handlers.common import (
    argument,
    button_press,
    chat_id,
    send,
)
from bot.telegram.replies.common import usage
from bot.telegram.replies.news import news_reply, search_reply, summary_reply
from storage.settings import QUOTE_MARKS
from summarizer.errors import InputError

if TYPE_CHECKING:
    from bot.telegram.context import NewsContext as Context


async def news(update: Update, context: Context) -> None:
    """``/news NAME [N]``: a brief and the latest N articles, summarised for that company."""
    text = argument(update)
    try:
        name, count = parse_news_args(text)
    except InputError as out_of_range:
        # "Forever 21", "Studio 54": a number past the count's range may end a name.
        result = await _whole_name_news(update, context, text, out_of_range)
    else:
        if not name.strip(_NO_NAME):  # "/news ," or '/news ""' is no name either
            await _pick_company(update, context)
            return
        result = await context.workers.heavy(
            chat_id(update),
            context.news.news,
            chat_id(update),
            name,
            count,
            alternatives=other_readings(text, name),
        )
    reply, markup = news_reply(result)
    await send(update, context, reply, markup)


async def _whole_name_news(
    update: Update, context: Context, text: str, out_of_range: InputError
) -> NewsResult:
    """``/news Forever 21``: the news of the company the whole text names; the count's
    range error when it names none."""
    chat, name = chat_id(update), " ".join(text.split())
    company = await context.workers.read(context.reader.news.find_company, name, chat)
    if company is None:
        raise out_of_range
    return await context.workers.heavy(chat, context.news.news_for, chat, company, DEFAULT_NEWS)


async def _pick_company(update: Update, context: Context) -> None:
    refs = await context.workers.read(context.reader.subscriptions.followed, chat_id(update))
    if not refs:
        await send(
            update,
            context,
            usage("news", "Xiaomi 5")
            + "\nThe number (1 to 10) is how many articles; 3 when left out. A name with "
            'a number in it goes in quotes: /news "Channel 4" 2.',
        )
        return
    rows = [
        [InlineKeyboardButton(f"📰 {r.name[:50]}", callback_data=encode(Action.MORE_NEWS, r.id))]
        for r in refs[:_MAX_BUTTONS]
    ]
    await send(
        update, context, "News about which company? (or /news NAME)", InlineKeyboardMarkup(rows)
    )


async def more_button(update: Update, context: Context) -> None:
    """Button ``m:<company_id>``: the latest news about that company."""
    query, press = button_press(update)
    company_id = press.number
    result = await context.workers.heavy(
        chat_id(update), context.news.news_for_id, chat_id(update), company_id
    )
    await query.answer()
    reply, markup = news_reply(result)
    await send(update, context, reply, markup)


async def summary(update: Update, context: Context) -> None:
    """``/summary URL-or-number``: summarise one article; a URL is fetched and stored."""
    ref = argument(update)
    if not ref:
        await send(
            update,
            context,
            usage("summary", "https://example.com/story")
            + "\nor an article number from /news or /search, e.g. /summary 12",
        )
        return
    if ref.lower().startswith("http"):
        await context.bot.send_chat_action(chat_id(update), ChatAction.TYPING)
    result = await context.workers.heavy(
        chat_id(update), context.news.summary, chat_id(update), ref
    )
    await send(update, context, summary_reply(result))


async def article_button(update: Update, context: Context) -> None:
    """Button ``a:<article_id>``: summarise that article."""
    query, press = button_press(update)
    article_id = press.number
    result = await context.workers.heavy(
        chat_id(update), context.news.summary, chat_id(update), str(article_id)
    )
    await query.answer()
    await send(update, context, summary_reply(result))


async def search(update: Update, context: Context) -> None:
    """``/search WORDS``: stored articles containing all the words (none of the -words)."""
    words = argument(update)
    if not words:
        await send(
            update,
            context,
            usage("search", "electric cars")
            + "\nAll words must appear; use OR for alternatives, -word to leave one out "
            'and "quotes" for words together.',
        )
        return
    chat = chat_id(update)
    search_here = partial(context.news.search, chat_id=chat)  # heavy() takes chat_id itself
    hits = await context.workers.heavy(chat, search_here, words)
    reply, markup = search_reply(words, hits)
    await send(update, context, reply, markup)


async def ingest(update: Update, context: Context) -> None:
    """``/ingest [URL]`` (operators only): store one page, or poll the configured feeds now."""
    user = update.effective_user
    if not context.config.is_admin(user.id if user else None):
        await send(update, context, "Sorry, /ingest is only for this bot's operators.")
        return
    ref = argument(update)
    svc = context.news
    if ref:
        result = await context.workers.heavy(
            chat_id(update), svc.summary, chat_id(update), ref, trusted=True
        )
        state = "Stored as new" if result.new else "Already stored"
        await send(
            update, context, f"{state}: #{result.item.article_id}\n\n" + summary_reply(result)
        )
        return
    report = await context.workers.heavy(chat_id(update), svc.poll_feeds, context.config.feeds)
    errors = "\n".join(f"• {esc(line, limit=300)}" for line in report.errors[:10])
    await send(update, context, esc(report.summary()) + (f"\n\n{errors}" if errors else ""))


def parse_news_args(text: str) -> tuple[str, int]:
    """``NAME [N]`` (or ``N NAME``) -> (name, N); N from 1 to 10, default 3. A name in
    quotes is taken whole, numbers and all (``"Channel 4" 2``)."""
    quoted = _QUOTED_NAME_RE.fullmatch(text.strip())
    if quoted and quoted.group("name").strip():
        name = quoted.group("name").strip()
        digits = quoted.group("before") or quoted.group("after")
        return name, _news_count(digits, quoted=True) if digits else DEFAULT_NEWS
    words = text.split()
    count = DEFAULT_NEWS
    for index in (-1, 0):
        if len(words) > 1 and re.fullmatch(r"[+-]?\d+", words[index]):
            count = _news_count(words.pop(index))
            break
    return " ".join(words), count


def other_readings(text: str, name: str) -> tuple[tuple[str, int], ...]:
    """Other (name, count) readings of ``/news`` arguments whose number may belong to the
    name, tried when ``name`` is unknown: "Channel 5" whole, and "2 Channel 5" as two
    articles about Channel 5."""
    words = text.split()
    readings = [(" ".join(words), DEFAULT_NEWS)]
    lead = words[0] if len(words) > 2 and words[-1].isdigit() else ""
    if re.fullmatch(r"\d{1,2}", lead) and 1 <= int(lead) <= MAX_NEWS:
        readings.append((" ".join(words[1:]), int(lead)))
    return tuple(r for r in readings if r[0] != name)


# Telegram takes at most 100 buttons under one message; a chat may follow 50 companies.
_MAX_BUTTONS = 100

# What is left of an argument that names nothing: separators, quote marks, spaces.
_NO_NAME = " ,;" + QUOTE_MARKS

# A quoted name, with the count before or after it: "Channel 4" 2, 2 "Channel 4".
_QUOTED_NAME_RE = re.compile(
    r"(?:(?P<before>[+-]?\d+)\s+)?[\"“”](?P<name>[^\"“”]+)[\"“”]"
    r"(?:\s+(?P<after>[+-]?\d+))?"
)


def _news_count(digits: str, *, quoted: bool = False) -> int:
    # A huge number is out of range, not part of the name (and never handed to
    # int(): Python refuses over 4,300 digits).
    count = int(digits) if len(digits) <= 6 else MAX_NEWS + 1
    if not 1 <= count <= MAX_NEWS:
        hint = (
            ""
            if quoted
            else ' If the number is part of the name, put the name in quotes: /news "Channel 4".'
        )
        raise InputError(f"I can show 1 to {MAX_NEWS} articles at a time.{hint}")
    return count
