"""Replies with articles: /news, /summary, /search (pure functions).

Every article-supplied string is escaped here (see :mod:`bot.telegram.formatting`);
callback data follows ARCHITECTURE.md and stays under 64 bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardMarkup

from bot.services.answers import ArticleSummary, NewsItem, NewsResult, SearchHit, SourceRef
from bot.services.news import MAX_SUMMARY_CHARS
from bot.telegram.callbacks import Action, encode
from bot.telegram.formatting import SENTENCE_CHARS, esc, format_date, italic, link
from bot.telegram.replies.common import NAME_CHARS, button
from storage.normalize import site_name

TITLE_CHARS = 200
_NAMED_COPIES = 5  # other sources named after a story; the rest are counted


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
            [[button(f"Follow {result.company}", encode(Action.FOLLOW, result.company_id))]]
        )
        return (
            f"No stored articles mention <b>{name}</b> yet. Follow it to get new ones "
            "as they are published.",
            markup,
        )
    count = len(result.items)
    latest = f"the latest {count} articles" if count > 1 else "the latest article"
    if all(item.passing for item in result.items):  # nothing stored is about it
        latest = f"no stored article is about it yet; {latest} naming it in passing"
    head = f"📰 <b>{name}</b> — {latest}"
    if result.by_search:
        head += " (found by searching for the name)"
    parts = [head]
    if result.brief:
        bullets = [
            f"• {_sentence(line.text)} {_source_ref(result.items, line.article_index)}"
            for line in result.brief
        ]
        parts.append("<b>In brief</b>\n" + "\n".join(bullets))
    parts += [_item_block(item, number=i + 1) for i, item in enumerate(result.items)]
    return "\n\n".join(parts), None


def _also(copies: Sequence[SourceRef]) -> str:
    """`` · +2 sources: AP, BBC`` (linked) for a story other outlets carried too."""
    if not copies:
        return ""
    names = [
        link(c.url, c.source or site_name(c.url) or "another source", limit=40)
        for c in copies[:_NAMED_COPIES]
    ]
    if len(copies) > _NAMED_COPIES:
        names.append(f"{len(copies) - _NAMED_COPIES} more")
    plural = "s" if len(copies) > 1 else ""
    return f" · +{len(copies)} source{plural}: {', '.join(names)}"


def _sentence(text: str) -> str:
    """One summary sentence, escaped, cut to ``SENTENCE_CHARS`` as alerts cut it."""
    return esc(text, limit=SENTENCE_CHARS)


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
    meta_line += _also(item.also)
    if item.passing:
        meta_line += " · " + italic("named in passing")
    body = " ".join(map(_sentence, item.sentences)) or italic("(no text to summarise)")
    if item.cut:
        body += "\n" + italic(
            f"(A very long text: summarised from its first {MAX_SUMMARY_CHARS:,} characters.)"
        )
    return f"<b>{prefix}{title}</b>\n{meta_line}\n{body}"


def summary_reply(result: ArticleSummary) -> str:
    """One article's summary with its source, date and the companies it names."""
    text = _item_block(result.item, command=False)
    if result.words_read:
        text += "\n" + italic(
            f"This page is very long; I read its first {result.words_read:,} words."
        )
    if result.companies:
        text += "\n\nCompanies: " + ", ".join(
            esc(n, limit=NAME_CHARS) for n in result.companies[:8]
        )
    if result.alerting:
        text += "\n" + italic("Saved; followers of these companies get it as an alert.")
    elif result.new:
        text += "\n" + italic("Saved for this chat: /news and /search find it here.")
    return text


def search_reply(query: str, hits: Sequence[SearchHit]) -> tuple[str, InlineKeyboardMarkup | None]:
    """Matching articles, each with a summary button."""
    shown = esc(query, limit=NAME_CHARS)
    if not any(mark in query for mark in '"“”'):  # a quoted phrase keeps its own quotes
        shown = f"“{shown}”"
    if not hits:
        return f"No stored article matches {shown}.", None
    lines = [f"<b>Articles matching {shown}</b>"]
    for hit in hits:
        meta = " · ".join(
            p for p in (hit.source or site_name(hit.url), format_date(hit.published)) if p
        )
        lines.append(
            f"\n<b>{link(hit.url, hit.title or 'Untitled', limit=TITLE_CHARS)}</b>\n"
            f"{italic(meta, limit=120) + ' · ' if meta else ''}/summary {hit.article_id}"
            f"{_also(hit.also)}\n"
            f"{esc(hit.snippet, limit=300)}"
        )
    rows = [
        [button(f"Summarise #{h.article_id}", encode(Action.ARTICLE, h.article_id))] for h in hits
    ]
    return "\n".join(lines), InlineKeyboardMarkup(rows)
