"""Reading the news: latest articles about a company, one article's summary, search.

Plain data out, no Telegram, no HTML; handlers run these calls in worker threads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.services.answers import ArticleSummary, NewsItem, NewsResult, SearchHit
from bot.services.briefs import beside_brief
from bot.services.copies import SPARE_ROWS, fold_copies, source_refs
from bot.services.registry import (
    company_by_id,
    find_company,
    new_name_problem,
    offered_names,
)
from bot.services.typed.lists import split_names
from bot.services.typed.names import NameChooser
from bot.services.typed.references import unwrapped, with_scheme
from storage.normalize import search_terms
from summarizer.companies.matcher import SUBJECT_THRESHOLD
from summarizer.errors import EmptyArticleError, FetchError, InputError

if TYPE_CHECKING:
    from bot.ingest.ingestor import Ingestor, IngestReport
    from bot.services.registry import CompanyRegistry
    from storage.articles.queries import StoredArticle
    from storage.companies import Company
    from storage.store import Store
    from summarizer.article import Article
    from summarizer.brief import BriefItem

MAX_NEWS = 10
DEFAULT_NEWS = 3
MAX_QUERY_CHARS = 200
# For a name no stored story is linked to: this many times the articles asked for are
# searched, then kept only where the matcher finds the company.
_SEARCH_FACTOR = 5
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_ID = re.compile(r"^#?(\d{1,12})$")

# Text one summary reads: far more than any news story (~5,000 words), and small
# enough that one command over a huge page costs a fraction of a second, not minutes.
MAX_SUMMARY_CHARS = 30_000
MAX_BRIEF_CHARS = 10_000  # per article, for the brief over several of them


def _passing(stored: StoredArticle) -> bool:
    """Whether a /news article only mentions the company (salience known, under the
    subject threshold every alert and ``/news`` ordering uses)."""
    return stored.salience is not None and stored.salience < SUBJECT_THRESHOLD


class NewsService:
    """What a chat can read: news about a company, one article's summary, search."""

    def __init__(
        self,
        *,
        store: Store,
        companies: CompanyRegistry,
        ingestor: Ingestor | None = None,
        algorithm: str | None = None,
    ) -> None:
        self.store = store
        self.companies = companies
        self.ingestor = ingestor
        self.algorithm = algorithm

    def find_company(self, name: str, chat_id: int | None = None) -> Company | None:
        """The stored company named, aliased or tickered ``name`` (any case), as the
        chat ``chat_id`` may see it."""
        return find_company(self.store, self.companies.matcher, name, chat_id=chat_id)

    def in_the_news(
        self, chat_id: int, *, articles: int = 30, limit: int = 6
    ) -> list[tuple[int, str]]:
        """Companies the chat does not follow yet that recent articles are about."""
        return self.store.articles.in_the_news(chat_id, articles=articles, limit=limit)

    def suggest(self, name: str, chat_id: int, *, limit: int = 3) -> list[Company]:
        """Known names close to ``name`` that this chat may be offered."""
        return offered_names(self.store, self.companies.matcher, name, chat_id, limit=limit)

    def news(
        self,
        chat_id: int,
        name: str,
        count: int = DEFAULT_NEWS,
        *,
        alternatives: Sequence[tuple[str, int]] = (),
    ) -> NewsResult:
        """The latest ``count`` stored articles about a company, summarised for it.

        ``alternatives``: other (name, count) readings of what was typed, tried in turn
        when ``name`` is unknown: "/news Channel 5" is the broadcaster, not 5 articles
        about "Channel"."""
        company = self.find_company(name, chat_id)
        for other, other_count in alternatives if company is None else ():
            if (found := self.find_company(other, chat_id)) is not None:
                company, count = found, other_count
                break
        if company is None:
            company = self._one_of_several(name, chat_id)
        if company is None:
            hint = ", ".join(company.name for company in self.suggest(name, chat_id))
            shown = name[:100]
            tip = f" Did you mean: {hint}?" if hint else ""
            if not hint and new_name_problem(name) is None:
                tip = f" To follow it as a new name: /subscribe {shown}"
            raise InputError(f"I don't know a company called “{shown}”.{tip}")
        return self.news_for(chat_id, company, count)

    def _one_of_several(self, name: str, chat_id: int) -> Company | None:
        """``/news Apple, Toyota`` (or ``Apple Toyota``, the comma forgotten): /news shows
        one company, so the reply names the commands for the known ones, not "I don't
        know a company called 'Apple, Toyota'". The one company when every name typed
        is it (``Apple Apple``, ``apple, Apple``); None when no name is known."""
        parts = split_names(name)  # as /subscribe reads them: "F5, Inc." is one name
        if len(parts) == 1:  # "Apple Toyota", "Apple and Google": also as /subscribe reads them
            chooser = NameChooser(store=self.store, companies=self.companies)
            parts = chooser.split_joined(parts[0], chat_id=chat_id)
        if parts == [name]:
            return None
        found = [self.find_company(p, chat_id) for p in parts[:10]]
        known = list({c.id: c for c in found if c}.values())  # each company once, in order
        if len(known) == 1 and None not in found:
            return known[0]
        if known:
            commands = " or ".join(f"/news {company.name}" for company in known[:3])
            raise InputError(f"/news shows one company at a time: {commands}.")
        return None

    def news_for_id(self, chat_id: int, company_id: int, count: int = DEFAULT_NEWS) -> NewsResult:
        """Like :meth:`news`, for a company picked from a button."""
        company = company_by_id(self.store, company_id, chat_id)
        return self.news_for(chat_id, company, count)

    def news_for(self, chat_id: int, company: Company, count: int) -> NewsResult:
        """Articles linked to the company; for a new name, a text search instead."""
        found = self.store.articles.latest_for_company(
            company.id, limit=count * SPARE_ROWS, chat_id=chat_id
        )
        by_search = not found
        if by_search:
            found = self._searched(company, count, chat_id)
        stories = fold_copies(found, count)  # one story from three outlets is shown once
        articles = [lead for lead, _copies in stories]
        sentences = self.store.chats.settings(chat_id).summary_sentences
        # Each StoredArticle.article re-splits the whole stored body: do it once.
        texts = [a.article for a in articles]
        items = tuple(
            replace(
                self._item(a, sentences, company, text),
                passing=_passing(a),
                also=source_refs(copies),
            )
            for (a, copies), text in zip(stories, texts, strict=True)
        )
        brief = self._brief(texts, company) if len(articles) > 1 else ()
        followed = self.store.subscriptions.is_subscribed(chat_id, company.id)

        def summarise(index: int, count: int) -> tuple[str, ...]:
            return self._item(articles[index], count, company, texts[index]).sentences

        items = beside_brief(items, brief, sentences, summarise)
        return NewsResult(company.id, company.name, items, brief, by_search, followed)

    def _searched(self, company: Company, count: int, chat_id: int) -> list[StoredArticle]:
        """Stored articles a text search finds for a name not yet linked to any (stored
        before the name was followed), where the matcher finds it too: the search ignores
        case, so "3m passengers", "the ring name" and "red ring of death" come back."""
        found = self.store.articles.search(
            company.name, limit=count * _SEARCH_FACTOR, chat_id=chat_id
        )
        matcher = self.companies.matcher
        named = [a for a in found if any(m.name == company.name for m in matcher.find(a.article))]
        return named[:count]

    def summary(self, chat_id: int, ref: str, *, trusted: bool = False) -> ArticleSummary:
        """Summarise a stored article (its number) or a web page (fetched and stored).

        A page a chat submits is that chat's alone and alerts nobody; ``trusted`` (an
        operator's ``/ingest URL``) stores it like the CLI and the feed poller do.
        """
        ref = with_scheme(unwrapped(ref))
        sentences = self.store.chats.settings(chat_id).summary_sentences
        new, words_read = False, 0
        match = _ID.match(ref)
        if match:
            stored = self.store.articles.get(int(match.group(1)), chat_id=chat_id)
            if stored is None:
                raise InputError(f"There is no article number {match.group(1)}.")
        elif _URL.match(ref) and len(ref) <= 2048:
            stored, new, words_read = self._stored_url(ref, None if trusted else chat_id)
        elif ref.lstrip("#-").isdigit():  # "-1", or more digits than any article number
            raise InputError(f"There is no article number {ref[:30]}.")
        else:
            raise InputError(
                "Send an article number from /news or /search, or a web address "
                "starting with https://"
            )
        mentions = self.store.articles.companies_of(stored.id, chat_id=chat_id)
        names = tuple(m.name for m in mentions)
        item = self._item(stored, sentences, None)
        item = replace(item, cut=item.cut and not words_read)  # one note on the length
        return ArticleSummary(item, names, new, new and trusted, words_read)

    def search(self, words: str, limit: int = 5, *, chat_id: int | None = None) -> list[SearchHit]:
        """Stored articles matching all the words (none of the -words), best first; a
        story several outlets carried is one hit naming the others."""
        query = " ".join(words.split())
        terms = search_terms(query)  # "NOT pie" is "-pie"; AND and NEAR are no words
        # Only punctuation ("/search \"") or only operators match nothing: say so.
        if not any(ch.isalnum() for w in terms if w != "OR" for ch in w):
            raise InputError("Please give some words to search for, for example: /search EV")
        if len(query) > MAX_QUERY_CHARS:
            raise InputError(f"Please search with at most {MAX_QUERY_CHARS} characters.")
        if all(w.startswith("-") or w == "OR" for w in terms):
            raise InputError(
                "Please add a word to look for: -word only leaves a word out, "
                "for example /search apple -pie"
            )
        found = self.store.articles.search(query, limit=limit * SPARE_ROWS, chat_id=chat_id)
        return [
            SearchHit(
                a.id, a.title, a.url, a.source, a.published, a.snippet or "", source_refs(copies)
            )
            for a, copies in fold_copies(found, limit)
        ]

    def poll_feeds(self, feeds: Sequence[str]) -> IngestReport:
        """An operator's /ingest: poll the configured feeds now."""
        if not feeds or self.ingestor is None:
            raise InputError("No feeds are configured (set NEWSBOT_FEEDS).")
        return self.ingestor.ingest_feeds(feeds)

    def _stored_url(self, url: str, chat_id: int | None) -> tuple[StoredArticle, bool, int]:
        """The page at ``url``, fetched and stored unless already stored, and the words
        read of it when it was too long to read whole (else 0); ``chat_id`` is the chat
        submitting it (None: the operator, whose pages are trusted)."""
        known = self.store.articles.id_for_url(url, chat_id=chat_id)
        if known is not None:
            stored = self.store.articles.get(known, chat_id=chat_id)
            if stored is not None:
                return stored, False, 0
        if self.ingestor is None:
            raise FetchError("Fetching web pages is switched off for this bot.")
        from bot.ingest.fetch import fetch, require_text
        from bot.ingest.files import source_from_url
        from bot.services.pages import read_page

        page = fetch(url, client=self.ingestor.client)
        require_text(page, url)
        # Only the first part of a huge page is cleaned, matched and stored: the work
        # runs in the pool every chat shares, and no news story needs more.
        read = read_page(page.text, url=page.final_url)
        article = read.article
        article = replace(article, source=article.source or source_from_url(page.final_url))
        result = self.ingestor.ingest_article(article, submitted_by=chat_id)
        stored = self.store.articles.get(result.article_id, chat_id=chat_id)
        if stored is None:  # deleted between the two calls; nothing sensible to show
            raise FetchError("The article could not be stored; please try again.")
        return stored, result.new, read.words_read

    def _item(
        self,
        stored: StoredArticle,
        sentences: int,
        company: Company | None,
        text: Article | None = None,
    ) -> NewsItem:
        from summarizer.summarize import summarize

        article, cut = (text or stored.article).head(MAX_SUMMARY_CHARS)
        try:
            summary = summarize(
                article,
                sentences=sentences,
                algorithm=self.algorithm,
                company=company.name if company else None,
                aliases=company.aliases if company else (),
            )
            picked = summary.sentences
        except EmptyArticleError:
            picked = ()
        return NewsItem(
            stored.id,
            stored.title,
            stored.url,
            stored.source,
            stored.published,
            picked,
            stored.ingested,
            cut,
        )

    def _brief(self, articles: list[Article], company: Company) -> tuple[BriefItem, ...]:
        from summarizer.brief import brief

        texts = [article.head(MAX_BRIEF_CHARS)[0] for article in articles]
        return brief(
            texts,
            company=company.name,
            aliases=company.aliases,
            sentences=min(5, len(articles) + 1),
        )
