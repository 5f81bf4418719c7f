"""Who sees what: a chat's submitted pages, trusted articles, and custom company names."""

from __future__ import annotations

import pytest

from storage import Store
from summarizer import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMention

PAGE = Article(
    "Xiaomi giveaway",
    ("Send your card number to win a phone.",),
    url="https://scam.test/xiaomi?utm_source=tg",
)


@pytest.fixture
def store(store: Store) -> Store:
    store.companies.ensure_registry([CompanyEntry("Xiaomi", (), None, "CN")])
    for chat in (1, 2):
        store.chats.upsert(chat)
        store.subscriptions.add(chat, store.companies.id_for("Xiaomi") or 0)
    return store


def _submit(store: Store, chat: int | None) -> tuple[int, bool]:
    return store.articles.add(
        PAGE, companies=[CompanyMention("Xiaomi", 0.9, True, 3)], submitted_by=chat
    )


def test_a_submitted_page_is_visible_to_its_chat_only_and_alerts_nobody(store: Store) -> None:
    article_id, new = _submit(store, 1)
    assert new
    assert store.outbox.enqueue_for_article(article_id) == 0
    xiaomi = store.companies.id_for("Xiaomi") or 0
    for chat, seen in ((1, True), (2, False), (None, False)):
        assert (store.articles.get(article_id, chat_id=chat) is not None) is seen
        assert (store.articles.id_for_url(PAGE.url or "", chat_id=chat) == article_id) is seen
        assert bool(store.articles.search("giveaway", chat_id=chat)) is seen
        assert bool(store.articles.latest_for_company(xiaomi, chat_id=chat)) is seen
        assert bool(store.articles.latest(chat_id=chat)) is seen
    assert store.articles.in_the_news(3) == []  # a stranger's page is in nobody's news


def test_the_operator_ingesting_the_same_page_trusts_it_and_alerts_then(store: Store) -> None:
    article_id, _ = _submit(store, 1)
    assert _submit(store, None) == (article_id, True)  # new to everyone: alerts go out now
    assert store.outbox.enqueue_for_article(article_id) == 2
    assert store.articles.get(article_id, chat_id=2) is not None
    assert _submit(store, None) == (article_id, False)  # and only once
    assert _submit(store, 2) == (article_id, False)


def test_a_second_chat_submitting_the_page_may_read_it_too(store: Store) -> None:
    article_id, _ = _submit(store, 1)
    assert _submit(store, 2) == (article_id, False)
    assert store.articles.get(article_id, chat_id=2) is not None
    assert store.articles.get(article_id, chat_id=3) is None
    assert store.outbox.enqueue_for_article(article_id) == 0


def test_stop_forgets_pages_only_that_chat_could_see(store: Store) -> None:
    mine, _ = _submit(store, 1)
    shared, _ = store.articles.add(Article("Shared page", ("Both chats sent it.",)), submitted_by=1)
    store.articles.add(Article("Shared page", ("Both chats sent it.",)), submitted_by=2)
    assert store.lifecycle.forget(1).followed == 1
    assert store.db.table("articles").count_where("id = ?", [mine]) == 0
    assert store.articles.get(shared, chat_id=2) is not None
    assert store.lifecycle.forget(2).followed == 1
    assert store.db.table("articles").count == 0


def test_custom_names_are_offered_only_to_their_chat_and_followers(store: Store) -> None:
    secret = store.companies.add_custom("Project Falcon", chat_id=1)
    assert store.companies.get(secret).created_by == 1  # type: ignore[union-attr]
    names = ["Project Falcon", "Xiaomi"]
    assert [c.name for c in store.companies.offered_to(1, names)] == names
    assert [c.name for c in store.companies.offered_to(2, names)] == ["Xiaomi"]
    store.subscriptions.add(3, secret)  # chat 3 typed the exact name and follows it
    assert [c.name for c in store.companies.offered_to(3, names)] == names
    assert [store.companies.get(secret, chat_id=chat) is not None for chat in (1, 2, 3)] == [
        True,
        False,
        True,
    ]


def test_in_the_news_and_article_companies_hide_other_chats_custom_names(store: Store) -> None:
    store.companies.add_custom("Project Falcon", chat_id=1)
    mentions = [
        CompanyMention("Project Falcon", 0.8, True, 3),
        CompanyMention("Xiaomi", 0.7, True, 2),
    ]
    article_id, _ = store.articles.add(Article("Falcon and Xiaomi", ("Text.",)), companies=mentions)
    store.subscriptions.remove(1, store.companies.id_for("Xiaomi") or 0)
    store.subscriptions.remove(2, store.companies.id_for("Xiaomi") or 0)
    assert [name for _, name in store.articles.in_the_news(1)] == ["Project Falcon", "Xiaomi"]
    assert [name for _, name in store.articles.in_the_news(2)] == ["Xiaomi"]
    assert [m.name for m in store.articles.companies_of(article_id, chat_id=2)] == ["Xiaomi"]
    assert len(store.articles.companies_of(article_id)) == 2  # the operator sees all


def test_in_the_news_is_one_query(store: Store) -> None:
    store.companies.ensure_registry([CompanyEntry(f"Firm {n}", (), None, None) for n in range(9)])
    for n in range(40):
        store.articles.add(
            Article(f"Story {n}", (f"Body {n}.",)),
            companies=[CompanyMention(f"Firm {n % 9}", 0.8, True, 2)],
        )
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    found = store.articles.in_the_news(1)
    store.db.conn.set_trace_callback(None)
    assert len(statements) == 1
    # The latest 30 are stories 10-39: firms 1-3 are the subject of 4 of them, the others
    # of 3; by count, then by name.
    assert [name for _, name in found] == [
        "Firm 1",
        "Firm 2",
        "Firm 3",
        "Firm 0",
        "Firm 4",
        "Firm 5",
    ]


def _falcon_in_the_news(store: Store, *, creator: int) -> tuple[int, int]:
    """Chat ``creator`` makes up "Project Falcon" and follows it; then the operator's news
    names it (the matcher knows the name because that chat made it up). Returns (company,
    article) ids."""
    secret = store.companies.add_custom("Project Falcon", chat_id=creator)
    store.subscriptions.add(creator, secret)
    mentions = [
        CompanyMention("Project Falcon", 0.8, True, 3),
        CompanyMention("Xiaomi", 0.7, True, 2),
    ]
    article_id, _ = store.articles.add(Article("Falcon and Xiaomi", ("Text.",)), companies=mentions)
    return secret, article_id


def _sees_falcon(store: Store, chat: int, secret: int, article_id: int) -> bool:
    """Whether ``chat`` is shown "Project Falcon" anywhere: by id (a button), in
    suggestions, among an article's companies, or (when it does not follow it) in what is
    in the news. All or none."""
    seen = [
        store.companies.get(secret, chat_id=chat) is not None,
        bool(store.companies.offered_to(chat, ["Project Falcon"])),
        "Project Falcon" in [m.name for m in store.articles.companies_of(article_id, chat_id=chat)],
    ]
    if not store.subscriptions.is_subscribed(chat, secret):
        seen.append("Project Falcon" in [name for _, name in store.articles.in_the_news(chat)])
    assert len(set(seen)) == 1, seen
    return seen[0]


def test_stop_never_makes_a_made_up_name_public(store: Store) -> None:
    secret, article_id = _falcon_in_the_news(store, creator=1)
    assert not _sees_falcon(store, 2, secret, article_id)
    store.lifecycle.forget(1)
    # Nobody follows it any more: deleted, not handed to every chat as a name "from the news".
    assert not _sees_falcon(store, 2, secret, article_id)
    assert store.companies.get(secret) is None
    assert [m.name for m in store.articles.companies_of(article_id)] == ["Xiaomi"]


def test_at_stop_a_made_up_name_passes_to_the_chat_that_has_followed_it_longest(
    store: Store,
) -> None:
    secret, article_id = _falcon_in_the_news(store, creator=1)
    for chat in (3, 2):
        store.subscriptions.add(chat, secret)
    store.lifecycle.forget(1)
    assert store.companies.get(secret).created_by == 3  # type: ignore[union-attr]
    assert [_sees_falcon(store, chat, secret, article_id) for chat in (2, 3, 4)] == [
        True,
        True,
        False,
    ]
    store.lifecycle.forget(3)
    assert store.companies.get(secret).created_by == 2  # type: ignore[union-attr]
    assert not _sees_falcon(store, 4, secret, article_id)
    store.lifecycle.forget(2)
    assert store.companies.get(secret) is None


def test_a_migrated_chats_made_up_name_stays_its_own_and_goes_at_its_stop(store: Store) -> None:
    secret, article_id = _falcon_in_the_news(store, creator=-1)
    assert store.lifecycle.migrate(-1, -1001)
    assert [_sees_falcon(store, chat, secret, article_id) for chat in (-1001, -1, 2)] == [
        True,
        False,
        False,
    ]
    store.lifecycle.forget(-1001)
    assert not _sees_falcon(store, 2, secret, article_id)


def test_stop_keeps_registry_names_and_names_from_the_operators_news(store: Store) -> None:
    acme = store.companies.add_custom("Acme", chat_id=1)  # made up, then the registry got it
    store.companies.ensure_registry([CompanyEntry("Xiaomi", (), None, "CN"), CompanyEntry("Acme")])
    article_id, _ = store.articles.add(  # the operator's news brings in a new name
        Article("Nova Labs", ("Nova Labs grew.",)),
        companies=[CompanyMention("Nova Labs", 0.9, True, 2)],
    )
    nova = store.companies.id_for("Nova Labs") or 0
    store.subscriptions.add(1, nova)
    store.lifecycle.forget(1)
    assert store.companies.get(acme, chat_id=2) is not None
    assert store.companies.get(nova, chat_id=2) is not None
    assert [m.name for m in store.articles.companies_of(article_id, chat_id=2)] == ["Nova Labs"]


def test_a_chat_sending_its_page_again_from_another_address_gets_the_same_article(
    store: Store,
) -> None:
    from dataclasses import replace

    article_id, _ = _submit(store, 1)
    mirror = replace(PAGE, url="https://mirror.test/xiaomi-giveaway")  # same text
    for _ in range(2):  # the chat is a reader already: recorded once, no error
        assert store.articles.add(mirror, submitted_by=1) == (article_id, False)
        assert store.articles.add(mirror, submitted_by=2) == (article_id, False)
    assert store.articles.get(article_id, chat_id=2) is not None
