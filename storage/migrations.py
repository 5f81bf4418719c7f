"""Schema migrations: an ordered list of versioned steps, applied in place.

How it works
------------
The database's ``PRAGMA user_version`` is the number of steps already applied.
:func:`migrate` runs every later step of :data:`STEPS` in order, each in its own
write transaction together with the new ``user_version``, so a crash leaves the file
at the last completed step and the next start continues from there.

How to add a step (later issues do this; never edit a step that has shipped)
---------------------------------------------------------------------------
1. Write one function ``def _vN_what_it_adds(db: Database) -> None`` below the others,
   using SQL with parameters only (or the sqlite-utils table API).
2. Append ``Step(N, "what it adds", _vN_what_it_adds)`` to the end of :data:`STEPS`.
   ``N`` must be the previous step's version + 1 (checked at import time).
Steps run inside a transaction: do not use VACUUM or change ``journal_mode`` in them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from storage.db import Database
from summarizer.errors import StorageError


@dataclass(frozen=True, slots=True)
class Step:
    """One schema change: ``version`` is the user_version the file has after it."""

    version: int
    description: str
    apply: Callable[[Database], None]


def _v1_core_tables(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE chats (
            id INTEGER PRIMARY KEY,
            type TEXT,
            title TEXT,
            settings TEXT NOT NULL DEFAULT '{}',
            active INTEGER NOT NULL DEFAULT 1,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE companies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            aliases TEXT NOT NULL DEFAULT '[]',
            ticker TEXT,
            country TEXT,
            custom INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE subscriptions (
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
            company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
            created TEXT NOT NULL,
            PRIMARY KEY (chat_id, company_id)
        ) WITHOUT ROWID;
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url TEXT,
            canonical_url TEXT UNIQUE,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            source TEXT,
            published TEXT,
            content_hash TEXT NOT NULL UNIQUE,
            ingested TEXT NOT NULL
        );
        CREATE TABLE article_companies (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
            salience REAL NOT NULL,
            subject INTEGER NOT NULL DEFAULT 0,
            mentions INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (article_id, company_id)
        ) WITHOUT ROWID;
        """
    )
    # Porter stemming lets "battery" find "batteries"; unicode61 folds accents.
    db.table("articles").enable_fts(
        ["title", "body"],
        create_triggers=True,
        tokenize="porter unicode61 remove_diacritics 2",
    )


def _v2_meta_and_indexes(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE INDEX subscriptions_company ON subscriptions(company_id);
        CREATE INDEX article_companies_company
            ON article_companies(company_id, salience DESC);
        CREATE INDEX articles_recent ON articles(COALESCE(published, ingested) DESC);
        CREATE INDEX chats_active ON chats(active);
        """
    )


def _v3_feeds(db: Database) -> None:
    # Feed state for conditional GET (ETag / Last-Modified) and poll outcomes (storage/feeds.py).
    db.execute(
        """
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            checked TEXT,
            last_ok TEXT,
            last_error TEXT,
            failures INTEGER NOT NULL DEFAULT 0
        )
        """
    )


def _v4_outbox(db: Database) -> None:
    # Alert outbox (storage/outbox/table.py): one row per (chat, article), times in unix seconds.
    # status: held (digest, waiting for its hour) -> pending -> sending -> sent | failed |
    # dropped (chat blocked/stopped); UNIQUE(chat_id, article_id) makes re-enqueue a no-op.
    db.executescript(
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
            salience REAL NOT NULL,
            mode TEXT NOT NULL DEFAULT 'instant',
            status TEXT NOT NULL DEFAULT 'pending',
            due REAL NOT NULL,
            created REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            claimed REAL,
            sent REAL,
            message_id INTEGER,
            error TEXT,
            UNIQUE (chat_id, article_id)
        );
        CREATE INDEX outbox_due ON outbox(status, due);
        CREATE TABLE digests (
            chat_id INTEGER NOT NULL,
            local_date TEXT NOT NULL,
            released REAL NOT NULL,
            alerts INTEGER NOT NULL,
            PRIMARY KEY (chat_id, local_date)
        ) WITHOUT ROWID;
        """
    )


def _v5_company_extra(db: Database) -> None:
    # Registry fields beyond name/aliases/ticker/country (e.g. "ambiguous", "exclude"),
    # kept as JSON so the matcher gets back exactly the entry it was given.
    db.execute("ALTER TABLE companies ADD COLUMN extra TEXT NOT NULL DEFAULT '{}'")


def _v6_trust_and_ownership(db: Database) -> None:
    # Alerts come only from trusted sources: an article a chat stored with /summary URL
    # keeps that chat in submitted_by (NULL = the operator's: CLI, feeds, admin /ingest)
    # and is visible only to the chats in article_readers until the operator ingests it.
    # Custom company names remember the chat that created them, so they are never offered
    # to other chats.
    db.executescript(
        """
        ALTER TABLE articles ADD COLUMN submitted_by INTEGER;
        CREATE INDEX articles_submitted ON articles(submitted_by)
            WHERE submitted_by IS NOT NULL;
        CREATE TABLE article_readers (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            chat_id INTEGER NOT NULL,
            PRIMARY KEY (article_id, chat_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_readers_chat ON article_readers(chat_id);
        ALTER TABLE companies ADD COLUMN created_by INTEGER;
        """
    )


def _v7_news_order(db: Database) -> None:
    # /news NAME walks one index: subjects first, then newest by publication date
    # (ingestion date when the published date is missing, unreadable or in the future).
    # recency copies that date into the link so the sort needs no look-up per article.
    # The expression index serves "the latest articles" (e.g. what is in the news).
    db.executescript(
        """
        ALTER TABLE article_companies ADD COLUMN recency TEXT NOT NULL DEFAULT '';
        UPDATE article_companies SET recency = (
            SELECT CASE WHEN a.published BETWEEN '1970' AND a.ingested THEN a.published
                        ELSE a.ingested END
            FROM articles AS a WHERE a.id = article_companies.article_id
        );
        DROP INDEX article_companies_company;
        CREATE INDEX article_companies_news
            ON article_companies(company_id, subject DESC, recency DESC, article_id DESC);
        DROP INDEX articles_recent;
        CREATE INDEX articles_newest ON articles(
            (CASE WHEN published BETWEEN '1970' AND ingested THEN published ELSE ingested END)
            DESC, id DESC);
        """
    )


def _v8_subscription_topic(db: Database) -> None:
    # NULL: the chat's own choice (its /settings topic, else the chat itself).
    db.execute("ALTER TABLE subscriptions ADD COLUMN topic INTEGER")


def _v9_forum_topics(db: Database) -> None:
    # Names are learnt from messages sent in a topic (Telegram sends the topic's creation
    # message with them); they label topics in replies, nothing depends on them.
    db.executescript(
        """
        CREATE TABLE forum_topics (
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
            thread_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (chat_id, thread_id)
        );
        """
    )


def _v10_flood_waits(db: Database) -> None:
    # Telegram's 429 waits (storage/outbox/floods.py), kept so that a restart honours them:
    # chat_id 0 is a wait of the bot as a whole (no chat has id 0); until in unix seconds.
    db.execute("CREATE TABLE flood_waits (chat_id INTEGER PRIMARY KEY, until REAL NOT NULL)")


STEPS: list[Step] = [
    Step(
        1, "chats, companies, subscriptions, articles (+FTS5), article_companies", _v1_core_tables
    ),
    Step(2, "meta table and lookup indexes", _v2_meta_and_indexes),
    Step(3, "feeds: conditional-GET state per feed URL", _v3_feeds),
    Step(4, "alert outbox and digest log", _v4_outbox),
    Step(5, "companies.extra: further registry fields as JSON", _v5_company_extra),
    Step(
        6, "articles.submitted_by + article_readers; companies.created_by", _v6_trust_and_ownership
    ),
    Step(7, "article_companies.recency and the /news and latest-articles indexes", _v7_news_order),
    Step(
        8, "subscriptions.topic: the forum topic one company's alerts go to", _v8_subscription_topic
    ),
    Step(9, "forum_topics: the names of a group's forum topics", _v9_forum_topics),
    Step(10, "flood_waits: Telegram's 429 waits, honoured after a restart", _v10_flood_waits),
]


def _check_order(steps: list[Step]) -> None:
    for expected, step in enumerate(steps, start=1):
        if step.version != expected:
            raise RuntimeError(f"Migration step {step.description!r} must be version {expected}.")


_check_order(STEPS)


def latest_version() -> int:
    """The schema version this code writes."""
    return STEPS[-1].version


def current_version(db: Database) -> int:
    """The schema version stored in the file (0 for a new, empty file)."""
    return int(db.conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, *, target: int | None = None) -> int:
    """Apply pending steps up to ``target`` (default: all); return the new version.

    Safe when several processes start at once: each step re-checks the version after
    taking the write lock, so a step never runs twice.
    """
    goal = latest_version() if target is None else target
    if current_version(db) > latest_version():
        raise StorageError(
            f"The database {db.path.name} was written by a newer newsbot "
            f"(schema {current_version(db)}); please upgrade newsbot."
        )
    for step in STEPS[:goal]:
        if current_version(db) >= step.version:
            continue
        with db.transaction():
            if current_version(db) >= step.version:
                continue  # another process applied it while we waited
            if current_version(db) == 0 and (tables := _tables(db)):
                raise StorageError(_not_ours(db.path.name, tables))
            step.apply(db)
            db.conn.execute(f"PRAGMA user_version = {int(step.version)}")
    return current_version(db)


def _tables(db: Database) -> list[str]:
    """The file's own tables (SQLite's internal ones left out)."""
    rows = db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [str(row[0]) for row in rows]


def _not_ours(name: str, tables: list[str]) -> str:
    """Why a file with tables but no schema version is refused: another program's
    (adding newsbot's tables would mix the two), or newsbot's own restored from a dump
    (``sqlite3 .dump`` drops the version, so which steps ran is unknown)."""
    if {"chats", "articles", "subscriptions"} <= set(tables):
        return (
            f"The database {name} looks like a newsbot database without its schema "
            "version (a restored dump?); restore it from a copy of the file instead."
        )
    return (
        f"The database {name} is not a newsbot database (it holds other tables); give "
        "newsbot a new file with --db."
    )
