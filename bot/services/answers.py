"""What the news service answers: plain data for the replies to format (no Telegram, no
HTML), one class per kind of answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.brief import BriefItem


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One article with a summary focused on the company asked about."""

    article_id: int
    title: str
    url: str | None
    source: str | None
    published: str | None
    sentences: tuple[str, ...]
    ingested: str | None = None
    cut: bool = False  # summarised from the beginning of a longer text
    passing: bool = False  # /news: the company is only mentioned in passing, not a subject


@dataclass(frozen=True, slots=True)
class NewsResult:
    """``/news``: the company, its latest articles and a brief of what happened
    (each brief line's ``article_index`` indexes ``items``)."""

    company_id: int
    company: str
    items: tuple[NewsItem, ...]
    brief: tuple[BriefItem, ...] = ()
    by_search: bool = False
    followed: bool = False


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """``/summary``: one article, summarised; ``companies`` most salient first."""

    item: NewsItem
    companies: tuple[str, ...]
    new: bool = False
    # Stored for followers' alerts (an operator's /ingest), not for this chat alone.
    alerting: bool = False


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ``/search`` result."""

    article_id: int
    title: str
    url: str | None
    source: str | None
    published: str | None
    snippet: str
