"""The schema steps, one function per version (``storage.migrations.STEPS`` lists them).

Each takes the open database inside the step's write transaction; SQL with parameters
only, or the sqlite-utils table API. A step that has shipped is never edited.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.db import Database


def v1_core_tables(db: Database) -> None:
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


def v2_meta_and_indexes(db: Database) -> None:
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


def v3_feeds(db: Database) -> None:
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


def v4_outbox(db: Database) -> None:
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


def v5_company_extra(db: Database) -> None:
    # Registry fields beyond name/aliases/ticker/country (e.g. "ambiguous", "exclude"),
    # kept as JSON so the matcher gets back exactly the entry it was given.
    db.execute("ALTER TABLE companies ADD COLUMN extra TEXT NOT NULL DEFAULT '{}'")


def v6_trust_and_ownership(db: Database) -> None:
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


def v7_news_order(db: Database) -> None:
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


def v8_subscription_topic(db: Database) -> None:
    # NULL: the chat's own choice (its /settings topic, else the chat itself).
    db.execute("ALTER TABLE subscriptions ADD COLUMN topic INTEGER")


def v9_forum_topics(db: Database) -> None:
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


def v10_operator_linked(db: Database) -> None:
    # 1 once an article of the operator's (submitted_by NULL) is linked to the company:
    # the visibility rule (storage/visibility.py) reads this flag instead of searching the
    # company's article links per row. Articles.add keeps it; operator articles are never
    # deleted, so it never goes back to 0.
    db.executescript(
        """
        ALTER TABLE companies ADD COLUMN operator_linked INTEGER NOT NULL DEFAULT 0;
        UPDATE companies SET operator_linked = 1 WHERE EXISTS (
            SELECT 1 FROM article_companies AS ac JOIN articles AS a ON a.id = ac.article_id
            WHERE ac.company_id = companies.id AND a.submitted_by IS NULL);
        """
    )


def v11_flood_waits(db: Database) -> None:
    # Telegram's 429 waits (storage/outbox/floods.py), kept so that a restart honours them:
    # chat_id 0 is a wait of the bot as a whole (no chat has id 0); until in unix seconds.
    db.execute("CREATE TABLE flood_waits (chat_id INTEGER PRIMARY KEY, until REAL NOT NULL)")


def v12_names_left_to_nobody(db: Database) -> None:
    # Releases 6 to 9 had /stop set created_by to NULL on the names the chat had made up,
    # which marks a name an article brought in (the ingest stores it with created_by NULL,
    # in the transaction that links it to that article): shown to every chat once the
    # operator's news names it (storage/visibility.py). Two kinds of such rows cannot be
    # names an article brought in: a word followed as written ("Ring": extra holds
    # "ambiguous", which only /subscribe stores for a custom name), and a name no article
    # is linked to. They get what /stop does now (Companies.hand_over): the chat that has
    # followed them longest, or deletion when nobody follows them. A made-up name linked
    # to an article looks exactly like a name the news brought in, and stays as it is.
    # Deleting a name deletes its outbox rows (ON DELETE CASCADE), sent ones included, as
    # /stop does: a later copy of a story about it is then a new message, not an edit.
    left = [
        row[0]
        for row in db.execute(
            """
            SELECT c.id FROM companies AS c
            WHERE c.custom = 1 AND c.created_by IS NULL
              AND (json_extract(c.extra, '$.ambiguous') IS NOT NULL
                   OR NOT EXISTS (SELECT 1 FROM article_companies AS ac
                                  WHERE ac.company_id = c.id))
            """
        )
    ]
    ids = json.dumps(left)
    db.execute(
        """
        UPDATE companies SET created_by = (
            SELECT s.chat_id FROM subscriptions AS s WHERE s.company_id = companies.id
            ORDER BY s.created, s.chat_id LIMIT 1)
        WHERE id IN (SELECT value FROM json_each(?))
        """,
        [ids],
    )
    db.execute(
        "DELETE FROM companies WHERE id IN (SELECT value FROM json_each(?)) AND created_by IS NULL",
        [ids],
    )
