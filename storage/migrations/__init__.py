"""Schema migrations: an ordered list of versioned steps, applied in place.

How it works
------------
The database's ``PRAGMA user_version`` is the number of steps already applied.
:func:`migrate` runs every later step of :data:`STEPS` in order, each in its own
write transaction together with the new ``user_version``, so a crash leaves the file
at the last completed step and the next start continues from there.

How to add a step (later issues do this; never edit a step that has shipped)
---------------------------------------------------------------------------
1. Write one function ``def vN_what_it_adds(db: Database) -> None`` at the end of
   ``steps.py``, using SQL with parameters only (or the sqlite-utils table API).
2. Import it here and append ``Step(N, "what it adds", vN_what_it_adds)`` to :data:`STEPS`.
   ``N`` must be the previous step's version + 1 (checked at import time).
Steps run inside a transaction: do not use VACUUM or change ``journal_mode`` in them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from storage.db import Database
from storage.migrations.steps import (
    v1_core_tables,
    v2_meta_and_indexes,
    v3_feeds,
    v4_outbox,
    v5_company_extra,
    v6_trust_and_ownership,
    v7_news_order,
    v8_subscription_topic,
    v9_forum_topics,
    v10_operator_linked,
    v11_flood_waits,
    v12_names_left_to_nobody,
)
from summarizer.errors import StorageError


@dataclass(frozen=True, slots=True)
class Step:
    """One schema change: ``version`` is the user_version the file has after it."""

    version: int
    description: str
    apply: Callable[[Database], None]


STEPS: list[Step] = [
    Step(1, "chats, companies, subscriptions, articles (+FTS5), article_companies", v1_core_tables),
    Step(2, "meta table and lookup indexes", v2_meta_and_indexes),
    Step(3, "feeds: conditional-GET state per feed URL", v3_feeds),
    Step(4, "alert outbox and digest log", v4_outbox),
    Step(5, "companies.extra: further registry fields as JSON", v5_company_extra),
    Step(
        6, "articles.submitted_by + article_readers; companies.created_by", v6_trust_and_ownership
    ),
    Step(7, "article_companies.recency and the /news and latest-articles indexes", v7_news_order),
    Step(
        8, "subscriptions.topic: the forum topic one company's alerts go to", v8_subscription_topic
    ),
    Step(9, "forum_topics: the names of a group's forum topics", v9_forum_topics),
    Step(10, "companies.operator_linked: named in the operator's news", v10_operator_linked),
    Step(11, "flood_waits: Telegram's 429 waits, honoured after a restart", v11_flood_waits),
    Step(12, "names an older /stop left to nobody: to their followers", v12_names_left_to_nobody),
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
