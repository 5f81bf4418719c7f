"""Stored articles: de-duplicated ingestion, company links, who may see them, search.

Who sees an article: every chat sees the operator's articles (CLI ingest, feeds, admin
``/ingest``: ``submitted_by`` NULL). An article a chat stored through ``/summary URL``
is seen only by the chats that submitted it (``article_readers``) and raises no alerts,
until the operator ingests the same page: then it is trusted like any other. The reads
(``storage/articles/queries.py``) take ``chat_id``: None means "what every chat sees".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from storage.articles.queries import RECENCY, ArticleQueries
from storage.db import guarded, json_ids, utc_now
from storage.normalize import canonical_url, content_hash, normalise_published
from summarizer.article import Article
from summarizer.companies.matcher import CompanyMention

_LINK = f"""
INSERT OR IGNORE INTO article_companies
    (article_id, company_id, salience, subject, mentions, recency)
SELECT a.id, c.id, ?, ?, ?, {RECENCY}
FROM articles AS a, companies AS c WHERE a.id = ? AND c.name = ?
"""


class Articles(ArticleQueries):
    """The ``articles`` table, its company links, its readers and its FTS5 index."""

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
        if submitted_by is None and companies:
            self._mark_operator_linked(article_id)
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
        self._mark_operator_linked(article_id)  # the chat's links count now too
        return article_id, True

    def _add_reader(self, article_id: int, chat_id: int) -> None:
        # Plain SQL: sqlite-utils' insert(ignore=True) of a row already there then reads
        # its rowid, which this WITHOUT ROWID table has not ("no such column: rowid").
        self.db.conn.execute(
            "INSERT OR IGNORE INTO article_readers (article_id, chat_id) VALUES (?, ?)",
            [article_id, chat_id],
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

    def _mark_operator_linked(self, article_id: int) -> None:
        """The article is the operator's: its companies are named in the operator's news
        (``companies.operator_linked``, read by ``storage.visibility.OWN_COMPANY``)."""
        self.db.conn.execute(
            "UPDATE companies SET operator_linked = 1 WHERE operator_linked = 0 AND id IN "
            "(SELECT company_id FROM article_companies WHERE article_id = ?)",
            [article_id],
        )

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
        ids = json_ids(
            row["article_id"]
            for row in self.db.table("article_readers").rows_where(
                "chat_id = ?", [chat_id], select="article_id"
            )
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
