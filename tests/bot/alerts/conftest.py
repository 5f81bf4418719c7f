"""Fixtures for the alert tests: chats, companies and articles in the shared ``store``."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from storage import Store
from summarizer.article import Article
from summarizer.companies.matcher import CompanyMention


class World:
    """Builds realistic rows through the public repositories."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._n = 0

    def chat(self, chat_id: int, *follows: str, type: str = "private", **settings: object) -> int:
        self.store.chats.upsert(chat_id, type=type, title=f"chat {chat_id}")
        for name in follows:
            self.store.subscriptions.add(chat_id, self.company(name))
        if settings:
            self.store.chats.update_settings(chat_id, **settings)
        return chat_id

    def company(self, name: str) -> int:
        return self.store.companies.add_custom(name)

    def article(
        self,
        companies: Mapping[str, float],
        *,
        title: str | None = None,
        body: str | None = None,
        source: str = "Example News",
        published: str | None = None,
    ) -> int:
        self._n += 1
        title = title or f"Story number {self._n}"
        body = body or f"Paragraph one of story {self._n}.\n\nParagraph two, with detail {self._n}."
        mentions = [
            CompanyMention(name, salience, salience >= 0.25, 2)
            for name, salience in companies.items()
        ]
        for name in companies:
            self.company(name)
        article = Article(
            title,
            tuple(body.split("\n\n")),
            url=f"https://news.example/{self._n}",
            source=source,
            published=published,
        )
        article_id, _new = self.store.articles.add(article, companies=mentions)
        return article_id


@pytest.fixture
def world(store: Store) -> World:
    return World(store)
