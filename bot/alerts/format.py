"""Alert, digest and catch-up messages: pure functions, HTML-escaped, within 4,096 characters.

What a subscriber sees for one alert::

    <b>Xiaomi unveils its first electric car</b>
    🏢 Xiaomi · Reuters · 3 Dec 2026
    Two or three sentences of the article that are about Xiaomi.
    Read at Reuters · +2 sources: BBC, CNBC
    [🔕 Unsubscribe Xiaomi] [📰 More on Xiaomi]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.telegram.callbacks import Action, encode
from bot.telegram.formatting import (
    MAX_MESSAGE,
    SENTENCE_CHARS,
    bold,
    esc,
    format_date,
    is_safe_url,
    italic,
    link,
    utf16_len,
    visible_text,
)
from storage.normalize import site_name

_TITLE_LIMIT = 300
_BUTTON_NAME = 24
_CATCH_UP_PER_COMPANY = 3
_CATCH_UP_COMPANIES = 10


@dataclass(frozen=True, slots=True)
class Story:
    """One source's copy of a story."""

    title: str
    url: str | None = None
    source: str | None = None
    article_id: int | None = None  # for "/summary ID" when there is no link to follow
    published: str | None = None  # ISO date the source gives, shown as /news shows it


@dataclass(frozen=True, slots=True)
class AlertView:
    """One story about one company, with copies of it from other sources."""

    company_id: int
    company: str
    story: Story
    summary: tuple[str, ...] = ()
    others: tuple[Story, ...] = ()


@dataclass(frozen=True, slots=True)
class Rendered:
    """A message ready to send: HTML text and inline buttons as (label, callback data)."""

    text: str
    buttons: tuple[tuple[str, str], ...] = field(default=())

    @property
    def plain(self) -> str:
        """The same message as plain text (for chats where the HTML is rejected)."""
        return visible_text(self.text)


def _source_name(story: Story) -> str:
    """The outlet's name, else its site; a copy with neither is named by its command."""
    named = story.source or site_name(story.url)
    if named:
        return named
    return f"/summary {story.article_id}" if story.article_id is not None else "unnamed"


def _read_line(story: Story) -> str:
    # Never a dead "Read at the source": without a link the source is named in the
    # heading (when known) and this line points to the command that shows the text.
    if is_safe_url(story.url):
        return link(
            story.url, f"Read at {story.source or site_name(story.url) or 'the source'}", limit=80
        )
    return "" if story.article_id is None else f"Full text: /summary {story.article_id}"


def _read_here(story: Story) -> str:
    """`` · /summary ID`` for a headline that cannot be a link, else nothing."""
    if is_safe_url(story.url) or story.article_id is None:
        return ""
    return f" · /summary {story.article_id}"


def outlet(source: str | None, url: str | None) -> str | None:
    """Who published a copy, to tell outlets apart (any case); None when unknown."""
    named = source or site_name(url)
    return named.casefold() if named else None


def other_sources(view: AlertView) -> tuple[Story, ...]:
    """The copies from other outlets, one per outlet: an outlet's own second copy (its
    story re-published at a new address, after an edit) is no other source."""
    seen = {outlet(view.story.source, view.story.url)}
    others: list[Story] = []
    for story in view.others:
        name = outlet(story.source, story.url)
        if name is None or name not in seen:  # an outlet not named: may be another one
            seen.add(name)
            others.append(story)
    return tuple(others)


def _sources_line(view: AlertView) -> str:
    line = _read_line(view.story)
    if others := other_sources(view):
        names = ", ".join(link(s.url, _source_name(s), limit=40) for s in others)
        line += " · " if line else ""
        line += f"+{len(others)} source{'s' if len(others) > 1 else ''}: {names}"
    return line


def alert_buttons(company_id: int, company: str) -> tuple[tuple[str, str], ...]:
    """Unsubscribe from / more on this company (callback data well under 64 bytes)."""
    name = company if len(company) <= _BUTTON_NAME else company[: _BUTTON_NAME - 1] + "…"
    return (
        (f"🔕 Unsubscribe {name}", encode(Action.UNSUBSCRIBE, company_id)),
        (f"📰 More on {name}", encode(Action.MORE_NEWS, company_id)),
    )


def alert_message(view: AlertView) -> Rendered:
    """One alert; the summary is shortened, never the links, if the message would be too long."""
    head = f"{bold(view.story.title, limit=_TITLE_LIMIT)}\n🏢 {esc(view.company, limit=100)}"
    if view.story.source:
        head += f" · {esc(view.story.source, limit=80)}"
    if when := format_date(view.story.published):  # an old story never passes for news
        head += f" · {esc(when)}"
    tail = _sources_line(view)
    budget = MAX_MESSAGE - utf16_len(head) - utf16_len(tail) - 4
    body = _fit(" ".join(esc(s, limit=SENTENCE_CHARS) for s in view.summary), budget)
    text = "\n".join(part for part in (head, body, tail) if part)
    return Rendered(text, alert_buttons(view.company_id, view.company))


def _fit(escaped: str, budget: int) -> str:
    if utf16_len(escaped) <= budget:
        return escaped
    cut = escaped[: max(budget - 1, 0)]
    amp = cut.rfind("&")
    if amp > cut.rfind(";"):  # never cut an entity in half
        cut = cut[:amp]
    return cut.rstrip() + "…"


@dataclass(frozen=True, slots=True)
class DigestEntry:
    """One line of a digest: a story about a company and the alert rows it stands for."""

    company: str
    view: AlertView
    ids: tuple[int, ...]


def _digest_item(entry: DigestEntry) -> str:
    story = entry.view.story
    line = f"• {link(story.url, story.title, limit=_TITLE_LIMIT)}"
    meta = " · ".join(part for part in (story.source, format_date(story.published)) if part)
    if meta:
        line += f" — {italic(meta, limit=80)}"
    if others := len(other_sources(entry.view)):
        line += f" (+{others} source{'s' if others > 1 else ''})"
    line += _read_here(story)
    if entry.view.summary:
        line += f"\n  {esc(entry.view.summary[0], limit=SENTENCE_CHARS)}"
    return line


def _by_company(entries: Sequence[DigestEntry]) -> dict[str, list[DigestEntry]]:
    by_company: dict[str, list[DigestEntry]] = {}
    for entry in entries:
        by_company.setdefault(entry.company, []).append(entry)
    return by_company


def digest_messages(
    entries: Sequence[DigestEntry], *, heading: str
) -> list[tuple[Rendered, tuple[int, ...]]]:
    """The digest grouped by company; several messages only when one would be too long.

    Each message comes with the alert row ids it covers, so a restart mid-digest
    resends only the parts that were not yet confirmed.
    """
    by_company = _by_company(entries)
    blocks: list[tuple[str, tuple[int, ...]]] = []
    for company in sorted(by_company, key=str.casefold):
        items = by_company[company]
        blocks.append((f"\n🏢 {bold(company, limit=100)} ({len(items)})", ()))
        blocks.extend((_digest_item(e), e.ids) for e in items)
    return _pack(bold(heading, limit=200), blocks)


def _pack(
    heading: str, blocks: list[tuple[str, tuple[int, ...]]]
) -> list[tuple[Rendered, tuple[int, ...]]]:
    parts: list[tuple[Rendered, tuple[int, ...]]] = []
    lines: list[str] = [heading]
    ids: list[int] = []
    for text, block_ids in blocks:
        text = _fit(text, MAX_MESSAGE - utf16_len(heading) - 200)
        if utf16_len("\n".join([*lines, text])) > MAX_MESSAGE - 20:
            parts.append((Rendered("\n".join(lines)), tuple(ids)))
            lines, ids = [heading + " (continued)"], []
        lines.append(text)
        ids.extend(block_ids)
    if ids:
        parts.append((Rendered("\n".join(lines)), tuple(ids)))
    return parts


def catch_up_message(entries: Sequence[DigestEntry], *, late: bool = False) -> Rendered:
    """One short message instead of a flood: counts per company and the top headlines.
    Its heading says why: many stories at once (the chat may well be reading), or stories
    ``late`` (the bot could not send them for hours) — never "while you were away", which
    the bot cannot know."""
    by_company = _by_company(entries)
    total = sum(len(v) for v in by_company.values())
    stories = f"{total} stor{'y' if total == 1 else 'ies'}"
    if late:
        heading = f"{stories} about the companies you follow that I could not send sooner"
    else:
        heading = f"{total} new stor{'y' if total == 1 else 'ies'} about the companies you follow"
    lines = [bold(heading)]
    if not late:  # why one message, not one per story as usual
        lines.append(italic("So many at once come as one message, not a flood of alerts."))
    ranked = sorted(by_company.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold()))
    for company, items in ranked[:_CATCH_UP_COMPANIES]:
        lines.append(f"\n🏢 {bold(company, limit=100)} ({len(items)})")
        for entry in items[:_CATCH_UP_PER_COMPANY]:
            story = entry.view.story
            lines.append(f"• {link(story.url, story.title, limit=150)}{_read_here(story)}")
        if len(items) > _CATCH_UP_PER_COMPANY:
            lines.append(
                italic(
                    f"…and {len(items) - _CATCH_UP_PER_COMPANY} more: /news {company}", limit=150
                )
            )
    if len(ranked) > _CATCH_UP_COMPANIES:
        rest = sum(len(v) for _, v in ranked[_CATCH_UP_COMPANIES:])
        lines.append(
            italic(f"\n…and {rest} more about {len(ranked) - _CATCH_UP_COMPANIES} other companies.")
        )
    return Rendered(_join_within(lines, MAX_MESSAGE - 40))


def _join_within(lines: list[str], budget: int) -> str:
    # Whole lines only: cutting HTML mid-line could split a tag or a link.
    kept: list[str] = []
    used = 0
    for line in lines:
        size = utf16_len(line) + 1
        if used + size > budget:
            kept.append(italic("…and more: /list"))
            break
        kept.append(line)
        used += size
    return "\n".join(kept)
