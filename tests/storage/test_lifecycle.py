"""A chat moving, leaving or becoming unreachable: every table follows, in one step."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage import Store, open_store
from summarizer import Article, StorageError
from summarizer.companies.matcher import CompanyEntry, CompanyMention


@pytest.fixture
def store(store: Store) -> Store:
    store.companies.ensure_registry(
        [CompanyEntry("Xiaomi", (), None, "CN"), CompanyEntry("Apple", (), "AAPL", "US")]
    )
    return store


def _company(store: Store, name: str) -> int:
    found = store.companies.id_for(name)
    assert found is not None
    return found


def _xiaomi_story(store: Store, title: str, *, submitted_by: int | None = None) -> int:
    article_id, _ = store.articles.add(
        Article(title, (f"{title}: Xiaomi did it.",)),
        companies=[CompanyMention("Xiaomi", 0.9, True, 2)],
        submitted_by=submitted_by,
    )
    return article_id


def test_migrate_moves_everything_to_the_new_chat_id(store: Store) -> None:
    xiaomi, apple = _company(store, "Xiaomi"), _company(store, "Apple")
    store.chats.upsert(-1, type="group", title="Old group")
    store.chats.update_settings(-1, mode="digest", digest_hour=18)
    store.subscriptions.add(-1, xiaomi)
    store.subscriptions.add(-1, apple)
    store.subscriptions.set_topic(-1, [apple], 9)
    custom = store.companies.add_custom("Project Falcon", chat_id=-1)
    page = _xiaomi_story(store, "Submitted page", submitted_by=-1)
    assert store.outbox.enqueue_for_article(_xiaomi_story(store, "Alert")) == 1

    assert store.lifecycle.migrate(-1, -1001) is True
    assert store.chats.get(-1) is None
    moved = store.chats.get(-1001)
    assert moved is not None and moved.title == "Old group"
    assert (moved.settings.mode, moved.settings.digest_hour) == ("digest", 18)
    assert store.subscriptions.for_chat(-1001) == [(apple, "Apple"), (xiaomi, "Xiaomi")]
    assert store.subscriptions.count(-1) == 0
    assert store.subscriptions.topics(-1001) == {apple: 9}
    assert [row["chat_id"] for row in store.outbox.rows()] == [-1001]
    assert store.articles.get(page, chat_id=-1001) is not None
    assert store.companies.get(custom).created_by == -1001  # type: ignore[union-attr]
    assert store.lifecycle.migrate(-1, -1002) is False  # already moved: nothing to do


def test_migrate_keeps_the_groups_settings_when_the_supergroup_is_already_known(
    store: Store,
) -> None:
    # Telegram tells the bot it joined the new supergroup (my_chat_member) besides the
    # migration message, in either order: a supergroup row made first must not leave the
    # group with default settings (its digest at 18:00 becoming instant alerts, its
    # muted words unmuted). A setting chosen in the supergroup itself still wins.
    store.chats.upsert(-1, type="group", title="Old group")
    store.chats.update_settings(
        -1, mode="digest", digest_hour=18, timezone="Europe/Berlin", mute=("football",)
    )
    store.chats.upsert(-1001, type="supergroup", title="New supergroup")
    store.chats.update_settings(-1001, summary_sentences=5)
    assert store.lifecycle.migrate(-1, -1001) is True
    moved = store.chats.get(-1001)
    assert moved is not None and (moved.type, moved.title) == ("supergroup", "New supergroup")
    settings = moved.settings
    assert (settings.mode, settings.digest_hour, settings.timezone, settings.mute) == (
        "digest",
        18,
        "Europe/Berlin",
        ("football",),
    )
    assert settings.summary_sentences == 5


def test_forget_deletes_the_chat_and_what_cascades(store: Store) -> None:
    xiaomi = _company(store, "Xiaomi")
    store.subscriptions.add(5, xiaomi)
    store.subscriptions.add(5, _company(store, "Apple"))
    custom = store.companies.add_custom("Project Falcon", chat_id=5)
    store.outbox.enqueue_for_article(_xiaomi_story(store, "Alert"))
    assert store.lifecycle.forget(5) == (2, 1)  # followed 2; its own name went with it
    assert store.chats.get(5) is None
    assert store.subscriptions.count(5) == 0
    assert store.outbox.rows() == []
    assert store.companies.get(custom) is None
    assert store.lifecycle.forget(5) == (0, 0)
    # A settings button pressed after /stop saves nothing and brings no chat back.
    assert store.chats.update_known_settings(5, summary_sentences=5) is None
    assert store.chats.get(5) is None
    store.chats.upsert(5)  # the chat talks to the bot again: from now on it is known
    again = store.chats.update_known_settings(5, summary_sentences=5)
    assert again is not None and again.summary_sentences == 5


def test_deactivate_drops_open_alerts_and_stops_enqueueing(store: Store) -> None:
    xiaomi = _company(store, "Xiaomi")
    for chat in (1, 2):
        store.subscriptions.add(chat, xiaomi)
    store.outbox.enqueue_for_article(_xiaomi_story(store, "One"))
    assert store.lifecycle.deactivate(1, reason="Forbidden: bot was blocked") == 1
    assert store.chats.get(1).active is False  # type: ignore[union-attr]
    dropped = [r for r in store.outbox.rows() if r["status"] == "dropped"]
    assert [(r["chat_id"], r["error"]) for r in dropped] == [(1, "Forbidden: bot was blocked")]
    assert store.outbox.enqueue_for_article(_xiaomi_story(store, "Two")) == 1  # chat 2


def test_a_full_disk_says_so(db_path: Path) -> None:
    with open_store(db_path) as store:
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        # A size-limited database behaves exactly like a full disk (SQLITE_FULL).
        store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
        body = tuple("Filler text for a full disk. " * 40 for _ in range(20))
        with pytest.raises(StorageError, match="disk is full") as caught:
            for n in range(50):
                store.articles.add(Article(f"Story {n}", body))
        assert isinstance(caught.value.__cause__, sqlite3.Error)
        assert str(db_path) in str(caught.value)
        # Nothing half-written: the failed article rolled back, the store still reads.
        assert store.articles.count() == len(store.articles.latest(limit=100))


def test_a_deleted_topic_is_forgotten_by_the_chat_and_its_companies(store: Store) -> None:
    xiaomi, apple = _company(store, "Xiaomi"), _company(store, "Apple")
    for company in (xiaomi, apple):
        store.subscriptions.add(-7, company)
    store.chats.update_settings(-7, topic=4)
    store.subscriptions.set_topic(-7, [xiaomi], 4)
    store.subscriptions.set_topic(-7, [apple], 5)
    assert store.chats.name_topic(-7, 4, "Phones") and store.chats.name_topic(-7, 5, "Apples")
    assert store.chats.name_topic(-7, 5, "Old name")  # not a rename: the first name stays
    assert store.chats.name_topic(-7, 5, "Apple news", rename=True)
    assert not store.chats.name_topic(-8, 4, "x")  # an unknown chat: nothing stored
    store.lifecycle.forget_topic(-7, 4)
    assert store.chats.settings(-7).topic is None
    assert store.subscriptions.topics(-7) == {apple: 5}
    assert store.chats.topic_names(-7) == {5: "Apple news"}
    store.lifecycle.forget_topic(-7, 5)
    assert store.subscriptions.topics(-7) == {}


def test_unfollow_drops_the_alerts_not_yet_sent_or_hands_them_to_a_company_still_followed(
    store: Store,
) -> None:
    xiaomi, apple = _company(store, "Xiaomi"), _company(store, "Apple")
    for chat in (1, 2):
        store.subscriptions.add(chat, xiaomi)
    store.subscriptions.add(1, apple)
    store.chats.update_settings(2, mode="digest", digest_hour=18)  # held, not pending
    only_xiaomi = _xiaomi_story(store, "Xiaomi alone")
    both, _ = store.articles.add(
        Article("Xiaomi and Apple", ("Xiaomi and Apple did it.",)),
        companies=[CompanyMention("Xiaomi", 0.9, True, 2), CompanyMention("Apple", 0.6, True, 1)],
    )
    for article in (only_xiaomi, both):
        assert store.outbox.enqueue_for_article(article) == 2
    store.outbox.mark_sent([(store.outbox.rows(chat_id=1)[0]["id"], 77)])  # already sent

    assert store.lifecycle.unfollow(1, [xiaomi, xiaomi + apple + 99]) == [xiaomi]
    assert store.lifecycle.unfollow(2, [xiaomi]) == [xiaomi]
    rows = {(r["chat_id"], r["article_id"]): r for r in store.outbox.rows()}
    assert rows[1, only_xiaomi]["status"] == "sent"  # what was sent stays on record
    assert (rows[1, both]["status"], rows[1, both]["company_id"]) == ("pending", apple)
    assert rows[1, both]["salience"] == 0.6  # Apple's in that story, not Xiaomi's
    for article in (only_xiaomi, both):  # chat 2 follows nothing else in either story
        assert (rows[2, article]["status"], rows[2, article]["error"]) == (
            "dropped",
            "unsubscribed",
        )
    assert store.outbox.held_chats() == []
    assert store.lifecycle.unfollow(1, [xiaomi]) == []  # no longer followed: nothing to do


def test_unfollow_drops_an_alert_the_sender_holds_and_recovery_keeps_it_dropped(
    store: Store,
) -> None:
    xiaomi = _company(store, "Xiaomi")
    store.subscriptions.add(1, xiaomi)
    store.outbox.enqueue_for_article(_xiaomi_story(store, "Xiaomi news"))
    (claimed,) = store.outbox.claim(limit=10)  # the sender holds it (a 429 wait, a retry)
    store.lifecycle.unfollow(1, [xiaomi])
    store.outbox.recover()  # a restart puts back only what is still being sent
    store.outbox.reschedule([claimed.id], due=0.0)
    assert [row["status"] for row in store.outbox.rows()] == ["dropped"]


def test_a_database_that_cannot_be_opened_in_a_read_only_folder_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storage.db

    missing = tmp_path / "bot.db"  # mode=rw never creates it: a real "unable to open"
    with pytest.raises(sqlite3.OperationalError) as opened:
        sqlite3.connect(f"file:{missing}?mode=rw", uri=True)
    db = storage.db.connect(tmp_path / "probe.db")
    db.path = missing  # the database the error is about
    # The folder is read-only (what a read-only mount or permissions make it).
    monkeypatch.setattr(storage.db.os, "access", lambda path, mode: False)
    message = str(storage.db.translate(opened.value, db))
    assert "read-only" in message and str(missing) in message
    monkeypatch.undo()
    assert "read-only" not in str(storage.db.translate(opened.value, db))
    db.close()
