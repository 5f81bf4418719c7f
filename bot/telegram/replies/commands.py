"""The bot's replies: service results -> Telegram HTML plus inline keyboards (pure functions).

Every user- or article-supplied string is escaped here (see :mod:`bot.telegram.formatting`);
callback data follows ARCHITECTURE.md and stays under 64 bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.services.news import (
    MAX_SUMMARY_CHARS,
    ArticleSummary,
    NewsItem,
    NewsResult,
    SearchHit,
)
from bot.services.subscriptions import CompanyRef, SubscribeResult, Unknown, UnsubscribeResult
from bot.telegram.callbacks import Action, encode
from bot.telegram.formatting import bold, clean, code, esc, italic, link
from storage.normalize import site_name

NAME_CHARS = 60  # company names shown in replies and on buttons
TITLE_CHARS = 200
LIST_HEADER = "This chat follows"
COMMANDS: tuple[tuple[str, str], ...] = (  # the menu Telegram shows (setMyCommands)
    ("subscribe", "Follow companies"),
    ("list", "Companies this chat follows"),
    ("news", "Latest news about a company"),
    ("search", "Search stored articles"),
    ("summary", "Summarise an article (link or number)"),
    ("unsubscribe", "Stop following a company"),
    ("settings", "Summary length, alerts or digest, relevance"),
    ("help", "How to use this bot"),
    ("stop", "Unfollow everything and delete this chat's data"),
)
HELP_LINES: tuple[tuple[str, str], ...] = (
    ("/subscribe Apple, Toyota", "follow companies: names, aliases (Google) or tickers (MSFT)"),
    ("/list", "what this chat follows, with buttons for news and unsubscribing"),
    ("/news Google 5", "a short brief and the latest 5 articles, summarised for Google"),
    ("/search takeover bid", "stored articles with all these words (OR for either)"),
    ("/summary 12", "summarise article 12, or a web page: /summary https://…"),
    ("/unsubscribe Toyota", "stop following"),
    (
        "/settings",
        "summary length, instant alerts or a daily digest, how central a "
        "company must be to alert you",
    ),
    ("/stop", "unfollow everything and delete this chat's data"),
)


def start_text(first_name: str | None, *, buttons: bool = False) -> str:
    """Welcome: what the bot does and how to begin."""
    hello = f"Hello, {esc(first_name, limit=NAME_CHARS)}!" if first_name else "Hello!"
    return (
        f"{hello} I follow <b>companies</b> in the news for you.\n\n"
        "Tell me which ones you care about and I send a short summary, focused on "
        "that company, whenever an article about it arrives — or once a day, if you prefer.\n\n"
        "To begin: /subscribe Apple\n"
        "Several at once: /subscribe Toyota, Boeing, Microsoft\n"
        "Right now: /news Google\n\n"
        "All commands: /help" + (". Or tap a company in the news now:" if buttons else "")
    )


def help_text(*, group: bool = False) -> str:
    """Every command with an example."""
    # Bare commands stay tappable; examples with arguments are code, copied with one tap.
    lines = [f"{code(ex) if ' ' in ex else ex} — {esc(text)}" for ex, text in HELP_LINES]
    extra = (
        "\n\nIn groups the subscriptions belong to the whole group and only admins change them."
        if group
        else ""
    )
    return "<b>What I can do</b>\n\n" + "\n".join(lines) + extra


def _names(refs: Sequence[CompanyRef]) -> str:
    return ", ".join(bold(r.name, limit=NAME_CHARS) for r in refs)


def _unknown_lines(unknown: Sequence[Unknown]) -> list[str]:
    lines = []
    for item in unknown:
        what = esc(item.text, limit=NAME_CHARS)
        if item.reason:
            lines.append(f"✗ “{what}”: {esc(item.reason)}.")
        elif item.created:
            lines.append(f"? If by “{what}” you meant {_names(item.suggestions)}, tap below.")
        elif item.suggestions:
            lines.append(f"? I don't know “{what}”. Did you mean {_names(item.suggestions)}?")
        else:
            lines.append(f"? I don't know “{what}”.")
    return lines


def _suggestion_buttons(unknown: Sequence[Unknown]) -> list[list[InlineKeyboardButton]]:
    seen: dict[int, CompanyRef] = {}
    for item in unknown:
        for ref in item.suggestions:
            seen.setdefault(ref.id, ref)
    return [
        [_button(f"Follow {ref.name}", encode(Action.FOLLOW, ref.id))]
        for ref in list(seen.values())[:6]
    ]


def subscribe_usage(
    trending: Sequence[tuple[int, str]],
) -> tuple[str, InlineKeyboardMarkup | None]:
    """``/subscribe`` alone: how to use it, and buttons for companies in the news now."""
    text = (
        usage("subscribe", "Xiaomi, Tesla") + "\nName one or more companies, separated by commas."
    )
    if not trending:
        return text, None
    rows = [[_button(f"Follow {name}", encode(Action.FOLLOW, cid))] for cid, name in trending]
    return text + "\n\nOr pick one in the news now:", InlineKeyboardMarkup(rows)


def subscribe_reply(result: SubscribeResult) -> tuple[str, InlineKeyboardMarkup | None]:
    """What ``/subscribe`` did for each name, and buttons for suggested names."""
    lines = []
    if result.added:
        lines.append(f"✓ Subscribed to {_names(result.added)}.")
    if result.new_names:
        many = len(result.new_names) > 1
        lines.append(
            f"✓ Subscribed to {_names(result.new_names)} — "
            f"{'names' if many else 'a name'} new to me; I will look for "
            f"{'them' if many else 'it'} in every new article."
        )
    if result.already:
        lines.append(f"• Already following {_names(result.already)}.")
    lines += _unknown_lines(result.unknown)
    if result.over_limit:
        names = ", ".join(esc(n, limit=NAME_CHARS) for n in result.over_limit)
        lines.append(
            f"✗ Not added: {names} — a chat can follow at most {result.limit} "
            "companies. /list shows them; unsubscribe some first."
        )
    if result.added or result.new_names:
        lines.append(
            f"\nThis chat follows {result.total} of at most {result.limit}. "
            "New articles arrive here; /news NAME shows the latest now."
        )
    buttons = _suggestion_buttons(result.unknown)
    return "\n".join(lines), InlineKeyboardMarkup(buttons) if buttons else None


def unsubscribe_reply(result: UnsubscribeResult) -> str:
    """What ``/unsubscribe`` did for each name."""
    lines = []
    if result.removed:
        lines.append(f"✓ Unsubscribed from {_names(result.removed)}.")
    if result.not_followed:
        lines.append(f"• This chat did not follow {_names(result.not_followed)}.")
    lines += _unknown_lines(result.unknown)
    return "\n".join(lines) + "\n\n/list shows what this chat follows."


def unsubscribed_reply(ref: CompanyRef) -> tuple[str, InlineKeyboardMarkup]:
    """Confirmation of an unsubscribe button under an alert, with an undo button."""
    text = f"✓ Unsubscribed from {bold(ref.name, limit=NAME_CHARS)}. No more alerts about it."
    return text, InlineKeyboardMarkup(
        [[_button(f"Undo: follow {ref.name}", encode(Action.FOLLOW, ref.id))]]
    )


def list_reply(refs: Sequence[CompanyRef], limit: int) -> tuple[str, InlineKeyboardMarkup | None]:
    """The followed companies, each with a news and an unsubscribe button."""
    if not refs:
        return ("This chat follows no companies yet.\nStart with /subscribe Apple", None)
    lines = [f"<b>{LIST_HEADER} {len(refs)} of at most {limit} companies</b>", ""]
    lines += [f"• {esc(r.name, limit=NAME_CHARS)}" for r in refs]
    lines.append("\nThe buttons show a company's latest news or unsubscribe from it.")
    rows = [
        [
            _button(f"📰 News: {r.name}", encode(Action.MORE_NEWS, r.id)),
            _button(f"✖ Unsubscribe {r.name}", encode(Action.UNSUBSCRIBE, r.id)),
        ]
        for r in refs[:50]
    ]
    return "\n".join(lines), InlineKeyboardMarkup(rows)


def news_reply(result: NewsResult) -> tuple[str, InlineKeyboardMarkup | None]:
    """A brief of what happened, then each article with its focused summary."""
    name = esc(result.company, limit=NAME_CHARS)
    if not result.items:
        if result.followed:
            return (
                f"No stored articles mention <b>{name}</b> yet. This chat follows it, "
                "so new ones arrive here as they are published.",
                None,
            )
        markup = InlineKeyboardMarkup(
            [[_button(f"Follow {result.company}", encode(Action.FOLLOW, result.company_id))]]
        )
        return (
            f"No stored articles mention <b>{name}</b> yet. Follow it to get new ones "
            "as they are published.",
            markup,
        )
    count = len(result.items)
    head = f"📰 <b>{name}</b> — " + (
        f"the latest {count} articles" if count > 1 else "the latest article"
    )
    if result.by_search:
        head += " (found by searching for the name)"
    parts = [head]
    if result.brief:
        bullets = [
            f"• {esc(line.text)} {_source_ref(result.items, line.article_index)}"
            for line in result.brief
        ]
        parts.append("<b>In brief</b>\n" + "\n".join(bullets))
    parts += [_item_block(item, number=i + 1) for i, item in enumerate(result.items)]
    return "\n\n".join(parts), None


def _source_ref(items: Sequence[NewsItem], index: int) -> str:
    """``[2]``, linked to the article it comes from when it has a URL."""
    label = f"[{index + 1}]"
    url = items[index].url if 0 <= index < len(items) else None
    return link(url, label) if url else italic(label)


def _item_block(item: NewsItem, *, number: int | None = None, command: bool = True) -> str:
    prefix = f"{number}. " if number is not None else ""
    title = link(item.url, item.title or "Untitled", limit=TITLE_CHARS)
    when = format_date(item.published) or (
        f"added {format_date(item.ingested)}" if item.ingested else None
    )
    meta = " · ".join(part for part in (item.source or site_name(item.url), when) if part)
    meta_line = f"{italic(meta, limit=120)} · " if meta else ""
    # In /summary's own reply, "/summary N" would only repeat the command just sent.
    meta_line += f"/summary {item.article_id}" if command else f"article #{item.article_id}"
    body = " ".join(esc(s) for s in item.sentences) or italic("(no text to summarise)")
    if item.cut:
        body += "\n" + italic(
            f"(A very long text: summarised from its first {MAX_SUMMARY_CHARS:,} characters.)"
        )
    return f"<b>{prefix}{title}</b>\n{meta_line}\n{body}"


def summary_reply(result: ArticleSummary) -> str:
    """One article's summary with its source, date and the companies it names."""
    text = _item_block(result.item, command=False)
    if result.companies:
        text += "\n\nCompanies: " + ", ".join(
            esc(n, limit=NAME_CHARS) for n in result.companies[:8]
        )
    if result.new:
        text += "\n" + italic("Saved; followers of these companies get it as an alert.")
    return text


def search_reply(query: str, hits: Sequence[SearchHit]) -> tuple[str, InlineKeyboardMarkup | None]:
    """Matching articles, each with a summary button."""
    shown = esc(query, limit=NAME_CHARS)
    if not hits:
        return f"No stored article matches “{shown}”.", None
    lines = [f"<b>Articles matching “{shown}”</b>"]
    for hit in hits:
        meta = " · ".join(
            p for p in (hit.source or site_name(hit.url), format_date(hit.published)) if p
        )
        lines.append(
            f"\n<b>{link(hit.url, hit.title or 'Untitled', limit=TITLE_CHARS)}</b>\n"
            f"{italic(meta, limit=120) + ' · ' if meta else ''}/summary {hit.article_id}\n"
            f"{esc(hit.snippet, limit=300)}"
        )
    rows = [
        [_button(f"Summarise #{h.article_id}", encode(Action.ARTICLE, h.article_id))] for h in hits
    ]
    return "\n".join(lines), InlineKeyboardMarkup(rows)


def stop_reply(count: int) -> str:
    """Confirmation that everything about the chat is gone."""
    what = (
        f"Unsubscribed from {count} compan{'y' if count == 1 else 'ies'}"
        if count
        else "This chat followed no companies"
    )
    return (
        f"{what}, and deleted this chat's settings. I won't send anything more.\n"
        "To start again: /subscribe NAME"
    )


def format_date(value: str | None) -> str | None:
    """``2026-01-31T08:00:00+00:00`` -> ``31 Jan 2026``; unparseable dates as given."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).strftime("%-d %b %Y")
    except ValueError:
        return value[:32]


def _button(text: str, data: str) -> InlineKeyboardButton:
    label = clean(text, limit=NAME_CHARS)
    assert len(data.encode()) <= 64, data
    return InlineKeyboardButton(label, callback_data=data)


def usage(command: str, example: str) -> str:
    """How to use a command that was sent without what it needs."""
    return f"Usage: {code('/' + command + ' ' + example)}"
