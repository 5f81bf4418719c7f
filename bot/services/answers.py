"""What the services answer: plain data for the replies to format (no Telegram, no HTML),
one class per kind of answer: /news, /summary and /search (``NewsService``), then
/subscribe, /unsubscribe and a forum's alert topics (``SubscriptionService``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.services.typed.names import CompanyRef, Unknown
    from summarizer.brief import BriefItem


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Another outlet's copy of a story shown once: who carried it, and where."""

    source: str | None
    url: str | None


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
    also: tuple[SourceRef, ...] = ()  # the same story from other sources, folded in


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
    # A page too long to read whole: the words of its first part that were read.
    words_read: int = 0


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ``/search`` result."""

    article_id: int
    title: str
    url: str | None
    source: str | None
    published: str | None
    snippet: str
    also: tuple[SourceRef, ...] = ()  # the same story from other sources, folded in


@dataclass(frozen=True, slots=True)
class SubscribeResult:
    """Outcome of ``/subscribe``: per name, what happened."""

    added: tuple[CompanyRef, ...] = ()
    already: tuple[CompanyRef, ...] = ()
    new_names: tuple[CompanyRef, ...] = ()
    unknown: tuple[Unknown, ...] = ()
    over_limit: tuple[str, ...] = ()
    total: int = 0
    limit: int = 0
    # Sent in a forum topic: "here" when the names' alerts now arrive in this topic;
    # None outside topics. ``moved``: names already followed whose alerts came elsewhere.
    topic: str | None = None
    moved: tuple[CompanyRef, ...] = ()
    # New names that are also ordinary words ("Ring"): matched only as written.
    as_words: tuple[str, ...] = ()
    # Names past the most one command takes, not read yet: the reply says how to send them.
    later: tuple[str, ...] = ()
    # Names read as several companies at their spaces ("Apple Toyota": a comma forgotten),
    # with how many each made ("Toyota Motor Apple": 2).
    apart: tuple[tuple[str, int], ...] = ()
    # New names whose words hold several known companies ("Apple Toyota Blorbcorp"):
    # followed as one name, and the reply says how to follow them apart.
    several: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TopicMap:
    """A forum group's alert topics: each company's own, the group's default, the names."""

    own: dict[int, int]
    default: int | None
    names: dict[int, str]


@dataclass(frozen=True, slots=True)
class UnsubscribeResult:
    """Outcome of ``/unsubscribe``."""

    removed: tuple[CompanyRef, ...] = ()
    not_followed: tuple[CompanyRef, ...] = ()
    unknown: tuple[Unknown, ...] = ()
    everything: bool = False  # "/unsubscribe all": ``removed`` is all the chat followed
