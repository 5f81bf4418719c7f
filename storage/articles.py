"""Stored articles: de-duplicated ingestion, company links and full-text search."""

from __future__ import annotations

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
        return Article.from_body(self.title, self.body, url=self.url, source=self.source,
                                 published=self.published)


_COLUMNS = ("a.id, a.url, a.canonical_url, a.title, a.body, a.source, a.published, a.ingested, "
            "a.content_hash")
# Newest first by publication time; a missing, unreadable or future date counts as the
# ingestion time (ISO-8601 UTC strings compare in time order).
_RECENT = ("CASE WHEN a.published BETWEEN '1970' AND a.ingested THEN a.published "
           "ELSE a.ingested END DESC, a.id DESC")


def _stored(row: Sequence[Any], **extra: Any) -> StoredArticle:
    return StoredArticle(*row[:9], **extra)


class Articles:
    """The ``articles`` table, its company links and its FTS5 index."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def add(
        self, article: Article, *, companies: Sequence[CompanyMention] = (),
        content_hash: str | None = None,
    ) -> tuple[int, bool]:
        """Store an article once; returns (id, is_new).

        The same canonical URL or the same normalised title and body means the article
        is already stored: nothing is written and the existing id comes back.
        """
        with self.db.transaction():
            return self._add(article, companies, content_hash)

    @guarded
    def add_many(
        self, items: Iterable[tuple[Article, Sequence[CompanyMention]]]
    ) -> list[tuple[int, bool]]:
        """Store many articles in one transaction (much faster for bulk ingestion)."""
        with self.db.transaction():
            return [self._add(article, mentions, None) for article, mentions in items]

    def _add(
        self, article: Article, companies: Sequence[CompanyMention], digest: str | None
    ) -> tuple[int, bool]:
        canonical = canonical_url(article.url)
        digest = digest or content_hash(article.body)
        existing = self._find(canonical, digest)
        if existing is not None:
            return existing, False
        cursor = self.db.conn.execute(
            """
            INSERT INTO articles (url, canonical_url, title, body, source, published,
                                  content_hash, ingested)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [article.url, canonical, article.title or "", article.body, article.source,
             normalise_published(article.published), digest, utc_now()],
        )
        article_id = int(cursor.lastrowid or 0)
        self._link(article_id, companies)
        return article_id, True

    def _find(self, canonical: str | None, digest: str) -> int | None:
        row = self.db.conn.execute(
            "SELECT id FROM articles WHERE canonical_url = ? "
            "UNION ALL SELECT id FROM articles WHERE content_hash = ? LIMIT 1",
            [canonical, digest],
        ).fetchone()
        return int(row[0]) if row else None

    def _link(self, article_id: int, companies: Sequence[CompanyMention]) -> None:
        conn = self.db.conn
        for mention in companies:
            # The matcher only knows stored names; a missing one is kept as custom, not lost.
            conn.execute(
                "INSERT OR IGNORE INTO companies (name, aliases, custom) VALUES (?, '[]', 1)",
                [mention.name],
            )
            conn.execute(
                """
                INSERT OR IGNORE INTO article_companies
                    (article_id, company_id, salience, subject, mentions)
                SELECT ?, id, ?, ?, ? FROM companies WHERE name = ?
                """,
                [article_id, min(1.0, max(0.0, float(mention.salience))), int(mention.subject),
                 int(mention.mentions), mention.name],
            )

    @guarded
    def id_for_url(self, url: str) -> int | None:
        """The id of the article stored under this URL (any tracking variant), or None."""
        canonical = canonical_url(url)
        if canonical is None:
            return None
        row = self.db.conn.execute(
            "SELECT id FROM articles WHERE canonical_url = ?", [canonical]
        ).fetchone()
        return int(row[0]) if row else None

    @guarded
    def get(self, article_id: int) -> StoredArticle | None:
        """The stored article, or None."""
        row = self.db.conn.execute(
            f"SELECT {_COLUMNS} FROM articles a WHERE a.id = ?", [article_id]
        ).fetchone()
        return _stored(row) if row else None

    @guarded
    def latest(self, *, limit: int = 10) -> list[StoredArticle]:
        """The most recent articles, newest first."""
        rows = self.db.conn.execute(
            f"SELECT {_COLUMNS} FROM articles a ORDER BY {_RECENT} LIMIT ?", [max(0, limit)]
        ).fetchall()
        return [_stored(row) for row in rows]

    @guarded
    def latest_for_company(
        self, company_id: int, *, limit: int = 5, min_salience: float = 0.0
    ) -> list[StoredArticle]:
        """Newest articles about a company with at least ``min_salience``; salience filled."""
        rows = self.db.conn.execute(
            f"""
            SELECT {_COLUMNS}, ac.salience FROM article_companies ac
            JOIN articles a ON a.id = ac.article_id
            WHERE ac.company_id = ? AND ac.salience >= ?
            ORDER BY {_RECENT} LIMIT ?
            """,
            [company_id, min_salience, max(0, limit)],
        ).fetchall()
        return [_stored(row, salience=row[9]) for row in rows]

    @guarded
    def companies_of(self, article_id: int) -> list[CompanyMention]:
        """The companies an article mentions, most salient first."""
        rows = self.db.conn.execute(
            """
            SELECT c.name, ac.salience, ac.subject, ac.mentions FROM article_companies ac
            JOIN companies c ON c.id = ac.company_id
            WHERE ac.article_id = ? ORDER BY ac.salience DESC, c.name
            """,
            [article_id],
        ).fetchall()
        return [CompanyMention(r[0], float(r[1]), bool(r[2]), int(r[3])) for r in rows]

    @guarded
    def search(
        self, query: str, *, limit: int = 10, company_id: int | None = None
    ) -> list[StoredArticle]:
        """Best matches for what a user typed; odd input never raises, it finds nothing.

        Words must all appear (``OR`` between words offers alternatives, ``word*`` is a
        prefix); everything else is taken literally. Titles weigh more than bodies.
        """
        match = fts_query(query)
        if match is None or limit <= 0:
            return []
        where, params = "articles_fts MATCH ?", [match]
        if company_id is not None:
            where += (" AND a.id IN (SELECT article_id FROM article_companies"
                      " WHERE company_id = ?)")
            params.append(company_id)
        sql = f"""
            SELECT {_COLUMNS}
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE {where} ORDER BY bm25(articles_fts, 4.0, 1.0), a.id DESC LIMIT ?
        """
        try:
            rows = self.db.conn.execute(sql, [*params, limit]).fetchall()
        except sqlite3.OperationalError as error:
            if "fts5" in str(error).lower() or "syntax" in str(error).lower():
                return []  # our quoting should prevent this; never show FTS errors
            raise
        # Python snippets: FTS5's snippet() is quadratic on bodies with thousands of hits.
        return [_stored(row, snippet=snippet(row[4], query)) for row in rows]

    @guarded
    def count(self) -> int:
        """How many articles are stored."""
        return int(self.db.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
