"""Stored articles: de-duplicated ingestion, company links, who may see them, search.

Who sees an article: every chat sees the operator's articles (CLI ingest, feeds, admin
``/ingest``: ``submitted_by`` NULL). An article a chat stored through ``/summary URL``
is seen only by the chats that submitted it (``article_readers``) and raises no alerts,
until the operator ingests the same page: then it is trusted like any other. Every read
below takes ``chat_id``: None means "what every chat sees".
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storage.db import Database, guarded, utc_now
from storage.normalize import (
    canonical_url,
    content_hash,
    fts_query,
    normalise_published,
    snippet,
)
from storage.visibility import OWN_COMPANY, VISIBLE
from summarizer.article import Article
from summarizer.companies.matcher import CompanyMention

__all__ = ["Articles", "StoredArticle", "canonical_url", "content_hash", "fts_query"]


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored; ``salience`` and ``snippet`` are filled by some queries."""

    id: int
    url: str | None
    canonical_url: str | None
    title: str
    body: str
    source: str | None
    published: str | None
    ingested: str
    content_hash: str
    salience: float | None = None
    snippet: str | None = None

    @property
    def article(self) -> Article:
        """The stored text as a summarizer Article."""
        return Article.from_body(
            self.title, self.body, url=self.url, source=self.source, published=self.published
        )


_COLUMNS = (
    "a.id, a.url, a.canonical_url, a.title, a.body, a.source, a.published, a.ingested, "
    "a.content_hash"
)
# The date an article sorts by: its publication time, or the ingestion time when that is
# missing, unreadable or in the future (ISO-8601 UTC strings compare in time order).
# Kept identical to the expression index ``articles_newest`` (migration 7) so it is used.
_RECENCY = (
    "CASE WHEN a.published BETWEEN '1970' AND a.ingested THEN a.published ELSE a.ingested END"
)
_NEWEST = f"{_RECENCY} DESC, a.id DESC"
_IN_THE_NEWS = f"""
WITH recent AS (SELECT a.id FROM articles AS a WHERE {VISIBLE} ORDER BY {_NEWEST} LIMIT :articles)
SELECT c.id, c.name FROM recent
JOIN article_companies AS ac ON ac.article_id = recent.id AND ac.subject = 1
JOIN companies AS c ON c.id = ac.company_id
WHERE {OWN_COMPANY}
  AND NOT EXISTS (SELECT 1 FROM subscriptions AS s WHERE s.chat_id = :chat
                  AND s.company_id = c.id)
GROUP BY c.id ORDER BY COUNT(*) DESC, c.name COLLATE BINARY LIMIT :limit
"""

_LINK = f"""
INSERT OR IGNORE INTO article_companies
    (article_id, company_id, salience, subject, mentions, recency)
SELECT a.id, c.id, ?, ?, ?, {_RECENCY}
FROM articles AS a, companies AS c WHERE a.id = ? AND c.name = ?
"""


def _stored(row: Sequence[Any], **extra: Any) -> StoredArticle:
    return StoredArticle(*row[:9], **extra)


class Articles:
    """The ``articles`` table, its company links, its readers and its FTS5 index."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def add(
        self,
        article: Article,
        *,
        companies: Sequence[CompanyMention] = (),
        content_hash: str | None = None,
        submitted_by: int | None = None,
    ) -> tuple[int, bool]:
        """Store an article once; returns (id, is_new).

        The same canonical URL or the same normalised title and body means the article
        is already stored: nothing is written and the existing id comes back. With
        ``submitted_by`` (a chat's ``/summary URL``) the article is that chat's alone.
        Without it (the operator), a page only chats had submitted becomes trusted and
        counts as new, so that its alerts go out now.
        """
        with self.db.transaction():
            return self._add(article, companies, content_hash, submitted_by)

    @guarded
    def add_many(
        self, items: Iterable[tuple[Article, Sequence[CompanyMention]]]
    ) -> list[tuple[int, bool]]:
        """Store many of the operator's articles in one transaction (fast bulk ingestion)."""
        with self.db.transaction():
            return [self._add(article, mentions, None, None) for article, mentions in items]

    def _add(
        self,
        article: Article,
        companies: Sequence[CompanyMention],
        digest: str | None,
        submitted_by: int | None,
    ) -> tuple[int, bool]:
        canonical = canonical_url(article.url)
        digest = digest or content_hash(article.body)
        existing = self._find(canonical, digest)
        if existing is not None:
            return self._again(existing, companies, submitted_by)
        # Raw SQL on the ingestion path: sqlite-utils' insert() adds a savepoint and a
        # schema look-up per call, which made bulk ingestion 1.7x slower (bench_storage).
        cursor = self.db.conn.execute(
            "INSERT INTO articles (url, canonical_url, title, body, source, published, "
            "content_hash, ingested, submitted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article.url,
                canonical,
                article.title or "",
                article.body,
                article.source,
                normalise_published(article.published),
                digest,
                utc_now(),
                submitted_by,
            ],
        )
        article_id = int(cursor.lastrowid or 0)
        if submitted_by is not None:
            self._add_reader(article_id, submitted_by)
        self._link(article_id, companies)
        return article_id, True

    def _again(
        self,
        existing: tuple[int, int | None],
        companies: Sequence[CompanyMention],
        submitted_by: int | None,
    ) -> tuple[int, bool]:
        """A page stored before: a chat may now read it; the operator may now trust it."""
        article_id, owner = existing
        if owner is None:
            return article_id, False
        if submitted_by is not None:
            self._add_reader(article_id, submitted_by)
            return article_id, False
        self.db.table("articles").update(article_id, {"submitted_by": None})
        self._link(article_id, companies)
        return article_id, True

    def _add_reader(self, article_id: int, chat_id: int) -> None:
        self.db.table("article_readers").insert(
            {"article_id": article_id, "chat_id": chat_id}, ignore=True
        )

    def _find(self, canonical: str | None, digest: str) -> tuple[int, int | None] | None:
        row = self.db.conn.execute(
            "SELECT id, submitted_by FROM articles WHERE canonical_url = ? "
            "UNION ALL SELECT id, submitted_by FROM articles WHERE content_hash = ? LIMIT 1",
            [canonical, digest],
        ).fetchone()
        return (int(row[0]), row[1]) if row else None

    def _link(self, article_id: int, companies: Sequence[CompanyMention]) -> None:
        if not companies:
            return
        # The matcher only knows stored names; a missing one is kept as custom, not lost.
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO companies (name, aliases, custom) VALUES (?, '[]', 1)",
            [(m.name,) for m in companies],
        )
        self.db.conn.executemany(
            _LINK,
            [
                (
                    min(1.0, max(0.0, float(m.salience))),
                    int(m.subject),
                    int(m.mentions),
                    article_id,
                    m.name,
                )
                for m in companies
            ],
        )

    @guarded
    def id_for_url(self, url: str, *, chat_id: int | None = None) -> int | None:
        """The id of the visible article stored under this URL (any tracking variant)."""
        canonical = canonical_url(url)
        if canonical is None:
            return None
        row = self.db.conn.execute(
            f"SELECT a.id FROM articles AS a WHERE a.canonical_url = :url AND {VISIBLE}",
            {"url": canonical, "chat": chat_id},
        ).fetchone()
        return int(row[0]) if row else None

    @guarded
    def get(self, article_id: int, *, chat_id: int | None = None) -> StoredArticle | None:
        """The stored article, or None (also when the chat may not see it)."""
        row = self.db.conn.execute(
            f"SELECT {_COLUMNS} FROM articles AS a WHERE a.id = :id AND {VISIBLE}",
            {"id": article_id, "chat": chat_id},
        ).fetchone()
        return _stored(row) if row else None

    @guarded
    def latest(self, *, limit: int = 10, chat_id: int | None = None) -> list[StoredArticle]:
        """The most recent visible articles, newest first."""
        rows = self.db.conn.execute(
            f"SELECT {_COLUMNS} FROM articles AS a WHERE {VISIBLE} ORDER BY {_NEWEST} LIMIT :limit",
            {"limit": max(0, limit), "chat": chat_id},
        ).fetchall()
        return [_stored(row) for row in rows]

    @guarded
    def latest_for_company(
        self,
        company_id: int,
        *,
        limit: int = 5,
        min_salience: float = 0.0,
        chat_id: int | None = None,
    ) -> list[StoredArticle]:
        """The most relevant recent articles about a company; salience filled.

        Articles the company is a subject of come first, then passing mentions; within
        each, newest publication date first (ingestion date when it is unknown).
        """
        rows = self.db.conn.execute(
            f"""
            SELECT {_COLUMNS}, ac.salience FROM article_companies AS ac
            JOIN articles AS a ON a.id = ac.article_id
            WHERE ac.company_id = :company AND ac.salience >= :salience AND {VISIBLE}
            ORDER BY ac.subject DESC, ac.recency DESC, ac.article_id DESC LIMIT :limit
            """,
            {
                "company": company_id,
                "salience": min_salience,
                "limit": max(0, limit),
                "chat": chat_id,
            },
        ).fetchall()
        return [_stored(row, salience=row[9]) for row in rows]

    @guarded
    def companies_of(self, article_id: int, *, chat_id: int | None = None) -> list[CompanyMention]:
        """The companies an article mentions, most salient first.

        For a chat (``chat_id``) only the names it may be shown: registry companies and
        the custom names that chat created or follows, never another chat's.
        """
        own = "1" if chat_id is None else OWN_COMPANY
        rows = self.db.conn.execute(
            f"""
            SELECT c.name, ac.salience, ac.subject, ac.mentions FROM article_companies AS ac
            JOIN companies AS c ON c.id = ac.company_id
            WHERE ac.article_id = :article AND {own} ORDER BY ac.salience DESC, c.name
            """,
            {"article": article_id, "chat": chat_id},
        ).fetchall()
        return [CompanyMention(r[0], float(r[1]), bool(r[2]), int(r[3])) for r in rows]

    @guarded
    def in_the_news(
        self, chat_id: int, *, articles: int = 30, limit: int = 6
    ) -> list[tuple[int, str]]:
        """(id, name) of companies the chat does not follow that recent articles are about.

        Most subject articles among the latest ``articles`` first, then by name; one query.
        """
        rows = self.db.conn.execute(
            _IN_THE_NEWS, {"chat": chat_id, "articles": max(0, articles), "limit": max(0, limit)}
        ).fetchall()
        return [(int(row[0]), str(row[1])) for row in rows]

    @guarded
    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        company_id: int | None = None,
        chat_id: int | None = None,
    ) -> list[StoredArticle]:
        """Best matches for what a user typed; odd input never raises, it finds nothing.

        Words must all appear (``OR`` between words offers alternatives, ``word*`` is a
        prefix); everything else is taken literally. Titles weigh more than bodies.
        """
        match = fts_query(query)
        if match is None or limit <= 0:
            return []
        where = f"articles_fts MATCH :match AND {VISIBLE}"
        if company_id is not None:
            where += (
                " AND a.id IN (SELECT article_id FROM article_companies"
                " WHERE company_id = :company)"
            )
        sql = f"""
            SELECT {_COLUMNS}
            FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid
            WHERE {where} ORDER BY bm25(articles_fts, 4.0, 1.0), a.id DESC LIMIT :limit
        """
        params = {"match": match, "chat": chat_id, "company": company_id, "limit": limit}
        try:
            rows = self.db.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as error:
            if "fts5" in str(error).lower() or "syntax" in str(error).lower():
                return []  # our quoting should prevent this; never show FTS errors
            raise
        # Python snippets: FTS5's snippet() is quadratic on bodies with thousands of hits.
        return [_stored(row, snippet=snippet(row[4], query)) for row in rows]

    # Parts of the cross-table operations in storage/lifecycle.py (inside its transaction).

    def move_reader(self, old_id: int, new_id: int) -> None:
        """Pages a chat submitted stay visible under its new id."""
        self.db.execute(
            "UPDATE OR IGNORE article_readers SET chat_id = ? WHERE chat_id = ?", [new_id, old_id]
        )
        self.db.execute(
            "UPDATE articles SET submitted_by = ? WHERE submitted_by = ?", [new_id, old_id]
        )

    def forget_reader(self, chat_id: int) -> int:
        """The chat left: forget what it submitted that nobody else can see; returns how many."""
        ids = json.dumps(
            [
                row["article_id"]
                for row in self.db.table("article_readers").rows_where(
                    "chat_id = ?", [chat_id], select="article_id"
                )
            ]
        )
        self.db.execute("DELETE FROM article_readers WHERE chat_id = ?", [chat_id])
        return self.db.execute(
            """
            DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))
              AND submitted_by IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM article_readers AS r WHERE r.article_id = articles.id)
            """,
            [ids],
        ).rowcount

    @guarded
    def count(self) -> int:
        """How many articles are stored."""
        return self.db.table("articles").count
