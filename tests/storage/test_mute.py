"""Muted words (``/settings mute``): stored tidily, and muted articles never queue an alert."""

from __future__ import annotations

import re

import pytest

from storage import Store
from storage.settings import MAX_MUTED, ChatSettings
from summarizer import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMention
from summarizer.errors import InputError


@pytest.fixture
def store(store: Store) -> Store:
    store.companies.ensure_registry([CompanyEntry("Xiaomi", (), None, "CN")])
    return store


def _story(store: Store, title: str, text: str) -> int:
    article_id, _ = store.articles.add(
        Article(title, (text,)), companies=[CompanyMention("Xiaomi", 0.9, True, 2)]
    )
    return article_id


def test_muted_words_are_tidied_and_checked(store: Store) -> None:
    saved = store.chats.update_settings(4, mute=(" Football ", "football", "transfer   rumour"))
    assert saved.mute == ("Football", "transfer rumour")  # repeats in any case dropped
    assert store.chats.settings(4).mute == ("Football", "transfer rumour")  # round trip
    for bad, message in [
        (("x",), "too short"),
        (("**",), "too short"),
        (("a*",), "too short"),  # every word starting with "a"
        (("w" * 41,), "too long"),
        (tuple(f"word{i}" for i in range(MAX_MUTED + 1)), "at most"),
        ("football", "list"),
    ]:
        with pytest.raises(InputError, match=message):
            store.chats.update_settings(4, mute=bad)
    assert store.chats.settings(4).mute == ("Football", "transfer rumour")  # nothing lost
    assert store.chats.update_settings(4, mute=()).mute == ()
    store.db.execute("UPDATE chats SET settings = ? WHERE id = 4", ['{"mute": "football"}'])
    assert store.chats.settings(4) == ChatSettings()  # damaged: the default, not an error


def test_a_muted_word_keeps_the_article_from_that_chat_only(store: Store) -> None:
    xiaomi = store.companies.id_for("Xiaomi")
    assert xiaomi is not None
    for chat in (1, 2, 3):
        store.subscriptions.add(chat, xiaomi)
    store.chats.update_settings(1, mute=("football",))
    store.chats.update_settings(2, mute=("rumour*",))
    store.chats.upsert(3)  # a damaged list (too short to save) mutes nothing
    store.db.execute("UPDATE chats SET settings = ? WHERE id = 3", ['{"mute": ["x", 5]}'])
    football = _story(store, "Xiaomi sponsors a club", "Xiaomi's FOOTBALL deal was signed.")
    assert store.outbox.enqueue_for_article(football) == 2
    rumours = _story(store, "Rumours about Xiaomi", "Xiaomi denied the rumours on Monday.")
    assert store.outbox.enqueue_for_article(rumours) == 2
    footballer = _story(store, "Xiaomi hires a footballer", "A footballer joins Xiaomi.")
    assert store.outbox.enqueue_for_article(footballer) == 3  # whole words only
    queued = {(r["chat_id"], r["article_id"]) for r in store.outbox.rows()}
    assert (1, football) not in queued and (2, football) in queued
    assert (2, rumours) not in queued and (1, rumours) in queued
    assert {chat for chat, article in queued if article == footballer} == {1, 2, 3}


def test_words_are_muted_and_unmuted_on_top_of_the_stored_list(store: Store) -> None:
    """``mute_add`` / ``mute_remove`` change the list as stored when the write happens."""
    store.chats.update_settings(4, mute=("football",))
    assert store.chats.update_settings(4, mute_add=("Rumour*", "FOOTBALL")).mute == (
        "football",
        "Rumour*",
    )
    assert store.chats.update_settings(4, mute_remove=(" rumour* ",)).mute == ("football",)
    assert store.chats.update_settings(4, mute_remove=("cricket",)).mute == ("football",)
    with pytest.raises(InputError, match="at most"):
        store.chats.update_settings(4, mute_add=tuple(f"word{i}" for i in range(20)))
    assert store.chats.settings(4).mute == ("football",)  # a refused change keeps the list


def test_words_of_symbols_can_be_muted(store: Store) -> None:
    # Once refused as "too short": they have fewer than two letters, not one character.
    xiaomi = store.companies.id_for("Xiaomi")
    assert xiaomi is not None
    store.subscriptions.add(5, xiaomi)
    assert store.chats.update_settings(5, mute=("c++", "💩💩")).mute == ("c++", "💩💩")
    coders = _story(store, "Xiaomi hires coders", "Xiaomi wants C++ programmers.")
    assert store.outbox.enqueue_for_article(coders) == 0
    plain = _story(store, "Xiaomi hires", "Xiaomi wants C programmers.")
    assert store.outbox.enqueue_for_article(plain) == 1


def test_punctuation_is_no_word_to_mute(store: Store) -> None:
    store.chats.update_settings(6, mute=("football",))
    for bad in ("--", "...", "!!!", "«»", "--*", "- -"):
        with pytest.raises(InputError, match=f"“{re.escape(bad)}” is only punctuation"):
            store.chats.update_settings(6, mute_add=("transfer", bad))
    assert store.chats.settings(6).mute == ("football",)  # nothing of the command saved
    # A list saved before the rule keeps its words; only the punctuation is dropped.
    store.db.execute("UPDATE chats SET settings = ? WHERE id = 6", ['{"mute": ["--", "golf"]}'])
    assert store.chats.settings(6).mute == ("golf",)
    # Quote marks saved around words before they were taken off as typed come off too.
    stored = '{"mute": ["\'transfer", "rumour\'", "“golf”"]}'
    store.db.execute("UPDATE chats SET settings = ? WHERE id = 6", [stored])
    assert store.chats.settings(6).mute == ("transfer", "rumour", "golf")
