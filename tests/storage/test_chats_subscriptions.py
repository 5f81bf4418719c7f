"""Chats, settings, companies and subscriptions on a real SQLite file."""

from __future__ import annotations

import pytest

from storage import ChatSettings, Store
from storage.settings import stored_settings
from storage.timezones import timezone_label
from summarizer import InputError
from summarizer.companies.matcher import SUBJECT_THRESHOLD, CompanyEntry

REGISTRY = [
    CompanyEntry("Xiaomi", ("Xiaomi Corp", "小米"), "1810.HK", "CN"),
    CompanyEntry(
        "Apple", ("Apple Inc.",), "AAPL", "US", ambiguous=("Apple",), exclude=("Apple pie",)
    ),
    CompanyEntry("Tesla", ("Tesla Inc",), "TSLA", "US"),
]


@pytest.fixture
def store(store: Store) -> Store:
    """The shared fresh store (tests/conftest.py), with this file's registry loaded."""
    store.companies.ensure_registry(REGISTRY)
    return store


def test_chat_upsert_keeps_created_and_reactivates(store: Store) -> None:
    chat = store.chats.upsert(-100123, type="group", title="Investors <b>")
    assert (chat.id, chat.type, chat.title, chat.active) == (
        -100123,
        "group",
        "Investors <b>",
        True,
    )
    assert chat.settings == ChatSettings()
    assert store.chats.set_active(-100123, False)
    assert store.chats.get(-100123).active is False  # type: ignore[union-attr]
    again = store.chats.upsert(-100123, title="Renamed")
    assert again.active and again.type == "group" and again.title == "Renamed"
    assert again.created == chat.created
    assert store.chats.get(5) is None
    assert not store.chats.set_active(5, False)


def test_settings_defaults_validation_and_persistence(store: Store) -> None:
    defaults = store.chats.settings(7)
    assert defaults == ChatSettings(3, "instant", 8, "UTC", SUBJECT_THRESHOLD)
    saved = store.chats.update_settings(7, summary_sentences=5, timezone="Asia/Shanghai")
    assert (saved.summary_sentences, saved.timezone) == (5, "Asia/Shanghai")
    assert store.chats.settings(7) == saved
    assert store.chats.get(7) is not None  # created on the way
    bad = [
        ({"summary_sentences": 0}, "1 to 10"),
        ({"summary_sentences": 11}, "1 to 10"),
        ({"summary_sentences": True}, "whole number"),
        ({"mode": "hourly"}, "instant, digest"),
        ({"digest_hour": 24}, "0 to 23"),
        ({"timezone": "Mars/Olympus"}, "Unknown time zone"),
        ({"timezone": "../../etc/passwd"}, "time zone"),
        ({"threshold": 1.5}, "between 0 and 1"),
        ({"threshold": float("nan")}, "between 0 and 1"),
        ({"colour": "blue"}, "Unknown setting"),
    ]
    for change, message in bad:
        with pytest.raises(InputError, match=message):
            store.chats.update_settings(7, **change)
    assert store.chats.settings(7) == saved  # a rejected change loses nothing
    assert store.chats.update_settings(7, timezone=" europe/berlin ").timezone == "Europe/Berlin"
    assert store.chats.update_settings(7, timezone="utc").timezone == "UTC"


def test_damaged_settings_fall_back_to_defaults(store: Store) -> None:
    store.chats.upsert(9)
    store.db.execute(
        "UPDATE chats SET settings = ? WHERE id = 9",
        ['{"summary_sentences": 99, "mode": "digest", "x": 1'],
    )
    assert store.chats.settings(9) == ChatSettings()
    store.db.execute(
        "UPDATE chats SET settings = ? WHERE id = 9",
        ['{"summary_sentences": 99, "mode": "digest"}'],
    )
    assert store.chats.settings(9) == ChatSettings(mode="digest")


def test_registry_is_idempotent_and_round_trips(store: Store) -> None:
    assert store.companies.ensure_registry(REGISTRY) is False  # cheap second call
    assert store.db.table("companies").count == 3
    entries = {e.name: e for e in store.companies.all_entries()}
    assert entries["Apple"] == REGISTRY[1]  # ambiguous/exclude survive the database
    assert entries["Xiaomi"] == REGISTRY[0]
    changed = [*REGISTRY[:2], CompanyEntry("Tesla", ("Tesla Motors",), "TSLA", "US")]
    assert store.companies.ensure_registry(changed) is True
    assert store.companies.get_by_name("tesla motors").name == "Tesla"  # type: ignore[union-attr]


def test_lookup_by_name_alias_ticker(store: Store) -> None:
    xiaomi = store.companies.id_for("Xiaomi")
    assert xiaomi is not None
    for text in ("xiaomi", "  XIAOMI ", "xiaomi corp", "小米", "1810.hk"):
        assert store.companies.id_for(text) == xiaomi
    assert store.companies.id_for("Xiaomi Corporation") is None
    assert store.companies.id_for("") is None


def test_custom_names_are_followed_and_matched(store: Store) -> None:
    custom = store.companies.add_custom("  Nothing   Technology ")
    assert store.companies.add_custom("nothing technology") == custom
    assert store.companies.add_custom("AAPL") == store.companies.id_for("Apple")
    company = store.companies.get(custom)
    assert company is not None and company.custom and company.name == "Nothing Technology"
    assert "Nothing Technology" in {e.name for e in store.companies.all_entries()}
    for bad in ("", "   ", "!!!", "🚗", "x" * 101):
        with pytest.raises(InputError):
            store.companies.add_custom(bad)
    # A later registry that knows the name adopts it: same id, subscriptions kept.
    store.subscriptions.add(1, custom)
    store.companies.ensure_registry(
        [*REGISTRY, CompanyEntry("Nothing Technology", ("Nothing",), None, "GB")]
    )
    adopted = store.companies.get(custom)
    assert adopted is not None and not adopted.custom and adopted.aliases == ("Nothing",)
    assert store.subscriptions.for_chat(1) == [(custom, "Nothing Technology")]


def test_subscriptions(store: Store) -> None:
    xiaomi, apple = store.companies.id_for("Xiaomi"), store.companies.id_for("Apple")
    assert xiaomi and apple
    store.chats.upsert(1)
    assert store.subscriptions.add(1, xiaomi) is True
    assert store.subscriptions.add(1, xiaomi) is False
    assert store.subscriptions.add(1, apple) is True
    assert store.subscriptions.add(2, apple) is True  # unknown chat is created
    assert store.subscriptions.for_chat(1) == [(apple, "Apple"), (xiaomi, "Xiaomi")]
    assert store.subscriptions.count(1) == 2 and store.subscriptions.count(3) == 0
    assert store.subscriptions.is_subscribed(1, apple)
    assert store.subscriptions.is_subscribed(2, apple)
    assert not store.subscriptions.is_subscribed(2, xiaomi)
    assert store.subscriptions.remove(1, apple) is True
    assert store.subscriptions.remove(1, apple) is False
    assert store.subscriptions.for_chat(1) == [(xiaomi, "Xiaomi")]
    with pytest.raises(InputError, match="no longer known"):
        store.subscriptions.add(1, 9999)


def test_a_custom_name_is_matched_in_later_articles(store: Store) -> None:
    from summarizer import Article
    from summarizer.companies.matcher import CompanyMatcher

    custom = store.companies.add_custom("Nothing Technology")
    store.subscriptions.add(3, custom)
    matcher = CompanyMatcher(store.companies.all_entries())
    article = Article(
        "Nothing Technology launches a phone",
        (
            "Nothing Technology showed its new phone in London.",
            "Nothing Technology said sales start next week.",
        ),
    )
    mentions = matcher.find(article)
    assert [m.name for m in mentions] == ["Nothing Technology"]
    article_id, _ = store.articles.add(article, companies=mentions)
    assert [a.id for a in store.articles.latest_for_company(custom)] == [article_id]


@pytest.mark.parametrize(
    ("typed", "stored", "label"),
    [
        ("utc+3", "Etc/GMT-3", "UTC+3"),
        ("UTC+03:00", "Etc/GMT-3", "UTC+3"),
        ("gmt-5", "Etc/GMT+5", "UTC-5"),
        ("+0", "UTC", "UTC"),
    ],
)
def test_fixed_utc_offsets_are_accepted_and_read_back_as_typed(
    store: Store, typed: str, stored: str, label: str
) -> None:
    store.chats.upsert(7, type="private")
    saved = store.chats.update_settings(7, timezone=typed)
    assert saved.timezone == stored and timezone_label(saved.timezone) == label


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("utc+5:30", "Asia/Kolkata"),
        ("UTC+5:45", "such as Asia/Kathmandu"),  # it said Asia/Kolkata, at +5:30
        ("utc+15", r"no time zone UTC\+15"),
        ("localtime", "no place's time zone"),  # whatever the server is set to
        ("Factory", "no place's time zone"),
    ],
)
def test_offsets_without_a_whole_hour_zone_are_explained(
    store: Store, typed: str, message: str
) -> None:
    store.chats.upsert(7, type="private")
    with pytest.raises(InputError, match=message):
        store.chats.update_settings(7, timezone=typed)
    assert store.chats.settings(7).timezone == "UTC"


def test_a_forum_topic_is_stored_cleared_and_validated(store: Store) -> None:
    store.chats.upsert(-1007, type="supergroup")
    assert store.chats.settings(-1007).topic is None
    store.chats.update_settings(-1007, topic=42)
    assert store.chats.settings(-1007).topic == 42
    for bad in (0, -3, True, "42", 1.5):
        with pytest.raises(InputError):
            store.chats.update_settings(-1007, topic=bad)
    assert store.chats.settings(-1007).topic == 42  # a refused change keeps the old one
    store.chats.update_settings(-1007, topic=None)
    assert store.chats.settings(-1007).topic is None
    # A damaged stored value reads as "no topic", never as an error.
    assert ChatSettings.from_json('{"topic": "abc"}').topic is None


def test_the_sender_reads_stored_settings_like_everyone_else(store: Store) -> None:
    # The alert sender's cached reader: the same answers as ChatSettings.from_json, a
    # damaged value falling back to its default, and one object per settings string.
    store.chats.upsert(-1009, type="supergroup")
    saved = store.chats.update_settings(-1009, topic=7, summary_sentences=5, mute=["rumour*"])
    (raw,) = store.db.conn.execute("SELECT settings FROM chats WHERE id = -1009").fetchone()
    assert stored_settings(raw) == saved and stored_settings(raw) is stored_settings(raw)
    damaged = '{"summary_sentences": true, "topic": "7", "mute": "football", "mode": 3}'
    assert stored_settings(damaged) == ChatSettings()
    assert stored_settings("not json") == stored_settings(None) == ChatSettings()


def test_a_company_can_have_its_own_forum_topic(store: Store) -> None:
    xiaomi, tesla = store.companies.id_for("Xiaomi"), store.companies.id_for("Tesla")
    assert xiaomi is not None and tesla is not None
    for company in (xiaomi, tesla):
        store.subscriptions.add(-1008, company)
    assert store.subscriptions.topics(-1008) == {}
    assert store.subscriptions.set_topic(-1008, [xiaomi, tesla], 3) == 2
    assert store.subscriptions.set_topic(-1008, [xiaomi], 3) == 0  # already there
    assert store.subscriptions.set_topic(-1008, [tesla], 4) == 1
    assert store.subscriptions.topics(-1008) == {xiaomi: 3, tesla: 4}
    assert store.subscriptions.topics(-1009) == {}  # another chat's topics are its own
    assert store.subscriptions.clear_topics(-1008, topic=4) == 1
    assert store.subscriptions.topics(-1008) == {xiaomi: 3}
    assert store.subscriptions.clear_topics(-1008) == 1
    assert store.subscriptions.topics(-1008) == {}


def test_a_renamed_registry_entry_keeps_its_row_and_followers(store: Store) -> None:
    from summarizer.companies.registry.entries import load_registry

    store.companies.ensure_registry([CompanyEntry("Kellogg CO", ("Kellogg Company",))])
    old_id = store.companies.id_for("Kellogg CO")
    assert old_id is not None
    store.subscriptions.add(5, old_id)
    renamed = load_registry(
        '[{"name": "Kellogg", "aliases": ["Kellogg Company"], "renamed_from": ["Kellogg CO"]}]'
    )
    assert renamed[0].renamed_from == ("Kellogg CO",)
    assert store.companies.ensure_registry(renamed)
    assert store.companies.id_for("Kellogg") == old_id
    assert store.companies.get_by_name("Kellogg CO") is None
    assert store.subscriptions.for_chat(5) == [(old_id, "Kellogg")]


def test_a_rename_onto_an_existing_name_leaves_both_rows(store: Store) -> None:
    store.companies.ensure_registry([CompanyEntry("Nova LTD.")])
    custom = store.companies.add_custom("Nova Ltd. Israel")
    taken = store.companies.add_custom("Flex Ltd.")
    store.companies.ensure_registry(
        [
            CompanyEntry("Nova Ltd. Israel", renamed_from=("Nova LTD.",)),
            CompanyEntry("Flex Ltd."),
        ]
    )
    # The new name was already a row: it becomes the registry entry; the old row stays.
    assert store.companies.id_for("Nova Ltd. Israel") == custom
    assert store.companies.get_by_name("Nova LTD.") is not None
    assert store.companies.id_for("Flex Ltd.") == taken
