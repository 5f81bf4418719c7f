"""Schema creation and in-place upgrades on real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import storage.migrations as migrations
from storage import open_store
from storage.companies import Companies
from storage.db import connect
from storage.migrations import STEPS, Step, current_version, latest_version, migrate
from summarizer import Article, StorageError

CORE_TABLES = {"chats", "companies", "subscriptions", "articles", "article_companies", "meta"}


def _version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def test_new_file_gets_latest_schema_and_pragmas(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert set(store.db.table_names()) >= CORE_TABLES
        assert "articles_fts" in store.db.table_names()
        assert store.db.journal_mode == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert _version(db_path) == latest_version() == STEPS[-1].version


def test_steps_are_numbered_in_order() -> None:
    assert [step.version for step in STEPS] == list(range(1, len(STEPS) + 1))
    assert all(step.description for step in STEPS)


def test_empty_zero_byte_file_is_migrated(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with open_store(db_path) as store:
        assert store.articles.count() == 0
    assert _version(db_path) == latest_version()


def test_missing_folders_are_created(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "newsbot.db"
    open_store(path).close()
    assert path.exists()


def test_v1_file_with_data_upgrades_in_place(db_path: Path) -> None:
    # Build the file an older release wrote: schema version 1 only, with data in it.
    db = connect(db_path)
    assert migrate(db, target=1) == 1
    db.execute(
        "INSERT INTO chats (id, type, settings, active, created, updated) "
        "VALUES (42, 'private', '{\"summary_sentences\": 5}', 1, 't', 't')"
    )
    db.execute("INSERT INTO companies (name, aliases, custom) VALUES ('Xiaomi', '[\"MI\"]', 0)")
    db.execute("INSERT INTO subscriptions VALUES (42, 1, 't')")
    db.execute(
        "INSERT INTO articles (url, canonical_url, title, body, content_hash, ingested) "
        "VALUES ('https://x.test/a', 'https://x.test/a', 'Xiaomi builds cars', "
        "'Xiaomi ships its first electric car.', 'h1', 't')"
    )
    assert "meta" not in db.table_names()
    db.close()
    assert _version(db_path) == 1

    with open_store(db_path) as store:
        assert _version(db_path) == latest_version()
        assert "meta" in store.db.table_names()
        assert store.chats.settings(42).summary_sentences == 5
        assert store.subscriptions.for_chat(42) == [(1, "Xiaomi")]
        assert store.companies.id_for("mi") == 1
        assert [a.title for a in store.articles.search("electric")] == ["Xiaomi builds cars"]
        # The upgraded file keeps working for new writes, duplicates included.
        article = Article("Xiaomi builds cars", ("Something else.",), url="https://X.test/a/")
        assert store.articles.add(article) == (1, False)


def test_reopening_is_idempotent(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.companies.add_custom("Acme")
    with open_store(db_path) as store:
        assert store.companies.id_for("acme") is not None
        assert current_version(store.db) == latest_version()


def test_newer_schema_is_refused_with_a_clear_message(db_path: Path) -> None:
    open_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    with pytest.raises(StorageError, match="newer newsbot"):
        open_store(db_path)


def test_a_file_that_is_not_a_database_is_refused(db_path: Path) -> None:
    db_path.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(StorageError, match="not a newsbot database"):
        open_store(db_path)


def test_failing_step_rolls_back_and_stays_pending(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(db_path).close()
    boom_version = latest_version() + 1

    def _broken(db: object) -> None:
        db.execute("CREATE TABLE half_done (x INTEGER)")  # type: ignore[attr-defined]
        raise sqlite3.OperationalError("simulated failure in the middle of a step")

    monkeypatch.setattr(migrations, "STEPS", [*STEPS, Step(boom_version, "broken", _broken)])
    with pytest.raises(StorageError):
        open_store(db_path)
    assert _version(db_path) == boom_version - 1
    with sqlite3.connect(db_path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables

    def _fixed(db: object) -> None:
        db.execute("CREATE TABLE half_done (x INTEGER)")  # type: ignore[attr-defined]

    monkeypatch.setattr(migrations, "STEPS", [*STEPS, Step(boom_version, "fixed", _fixed)])
    with open_store(db_path) as store:
        assert "half_done" in store.db.table_names()
    assert _version(db_path) == boom_version


def test_v5_file_upgrades_to_trust_and_news_order(db_path: Path) -> None:
    # A release-5 file: articles linked to a company, with and without a published date.
    db = connect(db_path)
    assert migrate(db, target=5) == 5
    db.execute("INSERT INTO companies (name, aliases, custom) VALUES ('Acme', '[]', 1)")
    rows = [
        ("Old", "2020-01-01T00:00:00+00:00", "2024-01-01"),
        ("Undated", None, "2024-02-01"),
        ("Future", "2999-01-01", "2024-03-01"),
    ]
    for n, (title, published, ingested) in enumerate(rows, start=1):
        db.execute(
            "INSERT INTO articles (title, body, published, content_hash, ingested) "
            "VALUES (?, 'Acme body.', ?, ?, ?)",
            [title, published, f"h{n}", ingested],
        )
        db.execute("INSERT INTO article_companies VALUES (?, 1, 0.5, 1, 2)", [n])
    db.close()

    with open_store(db_path) as store:
        assert _version(db_path) == latest_version()
        recency = dict(store.db.execute("SELECT article_id, recency FROM article_companies"))
        # A future date is not believed: the article sorts by when it was ingested.
        assert recency == {1: "2020-01-01T00:00:00+00:00", 2: "2024-02-01", 3: "2024-03-01"}
        assert [a.title for a in store.articles.latest_for_company(1)] == [
            "Future",
            "Undated",
            "Old",
        ]
        # Articles stored before the upgrade were the operator's: every chat sees them.
        assert store.articles.get(1, chat_id=77) is not None
        assert store.companies.get(1).created_by is None  # type: ignore[union-attr]


def test_v9_file_upgrades_to_flood_waits(db_path: Path) -> None:
    # A release-9 file with an alert waiting: the upgrade adds the table and loses nothing.
    db = connect(db_path)
    assert migrate(db, target=9) == 9
    db.execute(
        "INSERT INTO chats (id, type, settings, active, created, updated) "
        "VALUES (42, 'private', '{}', 1, 't', 't')"
    )
    db.close()
    with open_store(db_path) as store:
        assert _version(db_path) == latest_version()
        assert "flood_waits" in store.db.table_names()
        assert store.outbox.flood_waits.current(now=0.0) == {}
        store.outbox.flood_waits.hold(42, until=100.0, now=0.0)
        assert store.outbox.flood_waits.current(now=50.0) == {42: 100.0}
        assert store.chats.get(42) is not None


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE articles (x)")
    other.commit()
    other.close()
    with pytest.raises(StorageError, match="not a newsbot database"):
        open_store(path)
    other = sqlite3.connect(path)
    tables = [r[0] for r in other.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    other.close()
    assert tables == ["articles"]


def test_a_newsbot_database_restored_from_a_dump_is_named_as_such(tmp_path: Path) -> None:
    with open_store(tmp_path / "bot.db") as store:
        dump = "\n".join(store.db.conn.iterdump())  # what `sqlite3 .dump` writes: no version
    restored = sqlite3.connect(tmp_path / "restored.db")
    restored.executescript(dump)
    restored.close()
    with pytest.raises(StorageError, match="without its schema version"):
        open_store(tmp_path / "restored.db")


def test_v9_file_upgrades_to_the_operator_linked_flag(db_path: Path) -> None:
    # A release-9 file: a name in the operator's news, one only in a chat's /summary page,
    # one a chat made up that the operator's news names too.
    db = connect(db_path)
    assert migrate(db, target=9) == 9
    for name, created_by in (("Nova Labs", None), ("Quill Works", None), ("Falcon", 7)):
        db.execute(
            "INSERT INTO companies (name, aliases, custom, created_by) VALUES (?, '[]', 1, ?)",
            [name, created_by],
        )
    for n, submitted_by in ((1, None), (2, 7)):
        db.execute(
            "INSERT INTO articles (title, body, content_hash, ingested, submitted_by) "
            "VALUES (?, 'Body.', ?, '2024-01-01', ?)",
            [f"Story {n}", f"h{n}", submitted_by],
        )
    for article, company in ((1, 1), (2, 1), (2, 2), (1, 3)):
        db.execute("INSERT INTO article_companies VALUES (?, ?, 0.5, 1, 2, '')", [article, company])
    db.close()

    with open_store(db_path) as store:
        assert _version(db_path) == latest_version()
        flags = dict(store.db.execute("SELECT name, operator_linked FROM companies"))
        assert flags == {"Nova Labs": 1, "Quill Works": 0, "Falcon": 1}
        seen = [store.companies.get(n, chat_id=8) is not None for n in (1, 2, 3)]
        assert seen == [True, False, False]  # a made-up name stays its chat's


def test_v11_file_gives_names_an_older_stop_left_to_nobody_back_to_their_followers(
    db_path: Path,
) -> None:
    """A release-11 file after an older release's /stop, which left the names a chat had
    made up to nobody (created_by NULL, as for a name an article brought in): a word
    followed as written ("Ring": only /subscribe stores it so), now in the operator's
    news and so shown to every chat; a made-up name no article names. Each passes to
    the chat that has followed it longest, or is deleted when nobody follows it. A name
    the operator's news brought in stays everyone's; so does a made-up name the news
    names, which nothing tells apart from it (README)."""
    db = connect(db_path)
    assert migrate(db, target=11) == 11
    names = (
        ("Ring", '{"ambiguous": ["Ring"]}'),  # 1: a word, followed by chats 8 then 9
        ("Arsenal", '{"ambiguous": ["Arsenal"]}'),  # 2: a word nobody follows any more
        ("Zorblax Widgets", "{}"),  # 3: made up, no article names it, chat 9 follows it
        ("Qerb Holdings", "{}"),  # 4: made up, no article, nobody follows it
        ("Eos Airlines", "{}"),  # 5: brought in by the operator's news
        ("Quuxcorp", "{}"),  # 6: made up, then named by the operator's news
    )
    for name, extra in names:
        db.execute(
            "INSERT INTO companies (name, aliases, custom, extra) VALUES (?, '[]', 1, ?)",
            [name, extra],
        )
    db.execute(
        "INSERT INTO articles (title, body, content_hash, ingested) VALUES (?, ?, ?, ?)",
        ["Story", "Body.", "h1", "2024-01-01"],
    )
    for company in (1, 2, 5, 6):
        db.execute("INSERT INTO article_companies VALUES (1, ?, 0.5, 1, 2, '')", [company])
    db.execute("UPDATE companies SET operator_linked = 1 WHERE id IN (1, 2, 5, 6)")
    for chat, company, created in (
        (9, 1, "2024-02-01"),
        (8, 1, "2024-01-05"),
        (9, 3, "2024-01-06"),
    ):
        db.execute(
            "INSERT INTO chats (id, created, updated) VALUES (?, '2024', '2024') "
            "ON CONFLICT DO NOTHING",
            [chat],
        )
        db.execute("INSERT INTO subscriptions VALUES (?, ?, ?, NULL)", [chat, company, created])
    before = [Companies(db).get(n, chat_id=7) is not None for n in (1, 3, 5, 6)]
    assert before == [True, False, True, True]  # Ring was shown to every chat
    db.close()

    with open_store(db_path) as store:
        assert _version(db_path) == latest_version()
        owners = dict(store.db.execute("SELECT name, created_by FROM companies WHERE custom = 1"))
        assert owners == {
            "Ring": 8,
            "Zorblax Widgets": 9,
            "Eos Airlines": None,
            "Quuxcorp": None,
        }
        seen = [store.companies.get(n, chat_id=7) is not None for n in (1, 3, 5, 6)]
        assert seen == [False, False, True, True]
        assert store.companies.get(1, chat_id=9) is not None  # a follower still sees it
