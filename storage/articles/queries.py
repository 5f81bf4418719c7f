"""Reading stored articles: by id or URL, newest, per company, full-text search.

Every read takes ``chat_id``: None means "what every chat sees"; otherwise the chat also
sees the pages it submitted itself (see ``storage/articles/table.py`` for who sees what).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage.db import Database, guarded
from storage.normalize import (
    acronyms,
    canonical_url,
    fts_query,
    holds_words,
    snippet,
    substring_terms,
)
from storage.visibility import OWN_COMPANY, VISIBLE
from summarizer.article import Article
from summarizer.companies.matcher import CompanyMention


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
RECENCY = "CASE WHEN a.published BETWEEN '1970' AND a.ingested THEN a.published ELSE a.ingested END"
_NEWEST = f"{RECENCY} DESC, a.id DESC"
_ACRONYM_SPARE = 5  # rows fetched per row wanted when acronyms must be checked
_MAX_SPARE_ROWS = 200
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


def _search_sql(in_company: bool) -> str:
    """Visible full-text matches, titles weighing 4x bodies; optionally about one company."""
    where = f"articles_fts MATCH :match AND {VISIBLE}"
    if in_company:
        where += (
            " AND a.id IN (SELECT article_id FROM article_companies WHERE company_id = :company)"
        )
    return f"""
        SELECT {_COLUMNS}
        FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid
        WHERE {where} ORDER BY bm25(articles_fts, 4.0, 1.0), a.id DESC LIMIT :limit
    """


# A query in a script the index cannot split (``normalize.substring_terms``) is looked
# for as text in this many of the newest visible articles: a bounded scan, ~0.1 s.
SCAN_ARTICLES = 5000


def _scan_sql(must: int, must_not: int, in_company: bool) -> str:
    """Visible articles among the newest ``SCAN_ARTICLES`` holding the texts :m0… and
    none of :x0…, newest first."""
    text = "lower(a.title || char(10) || a.body)"
    where = [VISIBLE, *(f"instr({text}, :m{i}) > 0" for i in range(must))]
    where += [f"instr({text}, :x{i}) = 0" for i in range(must_not)]
    if in_company:
        where.append(
            "a.id IN (SELECT article_id FROM article_companies WHERE company_id = :company)"
        )
    return f"""
        WITH newest AS (SELECT a.id FROM articles AS a WHERE {VISIBLE}
                        ORDER BY a.id DESC LIMIT {SCAN_ARTICLES})
        SELECT {_COLUMNS} FROM newest JOIN articles AS a ON a.id = newest.id
        WHERE {" AND ".join(where)} ORDER BY a.id DESC LIMIT :limit
    """


def _stored(row: Sequence[Any], **extra: Any) -> StoredArticle:
    return StoredArticle(*row[:9], **extra)


class ArticleQueries:
    """The read side of the ``articles`` table (``Articles`` adds the writes)."""

    def __init__(self, db: Database) -> None:
        self.db = db

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
        prefix, ``-word`` must not appear); everything else is taken literally. Titles
        weigh more than bodies. Words match by their stem, except a word typed as an
        acronym ("EV"), which must stand as a word (``normalize.acronyms``).
        """
        match = fts_query(query)
        if match is None or limit <= 0:
            return []
        if (texts := substring_terms(query)) is not None:
            return self._scan(query, texts, limit=limit, company_id=company_id, chat_id=chat_id)
        must = acronyms(query)
        # Acronyms are checked here, after the stemmed match: ask for more rows to keep.
        wanted = min(limit * _ACRONYM_SPARE, _MAX_SPARE_ROWS) if must else limit
        params = {"match": match, "chat": chat_id, "company": company_id, "limit": wanted}
        try:
            rows = self.db.conn.execute(_search_sql(company_id is not None), params).fetchall()
        except sqlite3.OperationalError as error:
            if "fts5" in str(error).lower() or "syntax" in str(error).lower():
                return []  # our quoting should prevent this; never show FTS errors
            raise
        if must:
            rows = [row for row in rows if holds_words(f"{row[3]}\n{row[4]}", must)][:limit]
        # Python snippets: FTS5's snippet() is quadratic on bodies with thousands of hits.
        return [_stored(row, snippet=snippet(row[4], query)) for row in rows]

    def _scan(
        self,
        query: str,
        texts: tuple[tuple[str, ...], tuple[str, ...]],
        *,
        limit: int,
        company_id: int | None,
        chat_id: int | None,
    ) -> list[StoredArticle]:
        """``search`` for a query the index cannot answer: its texts anywhere, newest first."""
        must, must_not = texts
        params: dict[str, Any] = {"chat": chat_id, "company": company_id, "limit": limit}
        params |= {f"m{i}": text for i, text in enumerate(must)}
        params |= {f"x{i}": text for i, text in enumerate(must_not)}
        sql = _scan_sql(len(must), len(must_not), company_id is not None)
        rows = self.db.conn.execute(sql, params).fetchall()
        return [_stored(row, snippet=snippet(row[4], query)) for row in rows]

    @guarded
    def count(self) -> int:
        """How many articles are stored."""
        return self.db.table("articles").count
