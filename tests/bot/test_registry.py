"""The shared company registry learns the names chats make up one by one, on a real
SQLite file, and matches as a registry built from that file in one go would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.services.registry import CompanyRegistry, registry_entries
from bot.services.subscriptions import SubscriptionService
from storage import open_store
from storage.store import Store
from summarizer.article import Article
from summarizer.companies.matcher import CompanyEntry

STORIES = (
    Article(
        "Varnok Foundry agrees to buy Quorbim Outfitters",
        (
            "Varnok Foundry said on Monday it would buy Quorbim Outfitters. Pryfen-Dra "
            "Widgets and Pryfen Dra Widgets both declined to comment.",
            "Shares in Woxdra Trading and Milfen Holdings fell.",
        ),
    ),
    Article("", ("varnok foundry and zeltas logistics signed a deal with milfen holdings.",)),
)


@pytest.fixture(scope="module")
def entries() -> list[CompanyEntry]:
    return registry_entries()


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "newsbot.db") as store:
        yield store


@pytest.fixture
def service(opened: Store, entries: list[CompanyEntry]) -> SubscriptionService:
    """/subscribe and /stop on ``opened``, with a registry of its own."""
    return SubscriptionService(store=opened, companies=CompanyRegistry(opened, entries=entries))


def assert_as_built_at_once(
    registry: CompanyRegistry, store: Store, entries: list[CompanyEntry]
) -> None:
    """The registry's matcher is the one a restart would build on this file."""
    built = CompanyRegistry(store, entries=entries).matcher
    assert [e.name for e in registry.matcher.entries] == [e.name for e in built.entries]
    for story in STORIES:
        assert registry.matcher.find(story) == built.find(story)


def found(registry: CompanyRegistry) -> set[str]:
    return {m.name for story in STORIES for m in registry.matcher.find(story)}


def test_made_up_names_are_learnt_one_by_one_as_a_restart_would_learn_them(
    service: SubscriptionService, entries: list[CompanyEntry]
) -> None:
    service.subscribe(1, "Varnok Foundry")
    service.subscribe(2, "Quorbim Outfitters, Zeltas Logistics")
    assert {"Varnok Foundry", "Quorbim Outfitters", "Zeltas Logistics"} <= found(service.companies)
    # A name written like a stored one ("Pryfen Dra Widgets"; here one the news brought
    # in): a name of its own, learnt in a later batch than the first.
    service.subscribe(3, "Pryfen-Dra Widgets")
    service.store.companies.add_custom("Pryfen Dra Widgets")
    service.companies.reload()
    assert_as_built_at_once(service.companies, service.store, entries)


def test_a_stop_deleting_names_and_an_id_given_out_again(
    service: SubscriptionService, entries: list[CompanyEntry]
) -> None:
    stored = service.store.companies
    service.subscribe(1, "Varnok Foundry")
    service.subscribe(5, "Woxdra Trading")
    woxdra = stored.id_for("Woxdra Trading")
    service.stop(5)  # the newest row goes, and SQLite gives its id to the next one
    service.subscribe(6, "Milfen Holdings")
    assert stored.id_for("Milfen Holdings") == woxdra
    names = found(service.companies)
    assert "Woxdra Trading" not in names
    assert {"Varnok Foundry", "Milfen Holdings"} <= names
    service.stop(1)
    assert "Varnok Foundry" not in found(service.companies)
    assert_as_built_at_once(service.companies, service.store, entries)


def test_names_another_process_stored_are_learnt_at_the_next_reload(
    opened: Store, entries: list[CompanyEntry]
) -> None:
    registry = CompanyRegistry(opened, entries=entries)
    with open_store(opened.db.path) as other:  # e.g. `newsbot ingest` storing a news name
        other.companies.add_custom("Zeltas Logistics")
    assert "Zeltas Logistics" not in found(registry)
    registry.reload()
    assert "Zeltas Logistics" in found(registry)
    assert_as_built_at_once(registry, opened, entries)
