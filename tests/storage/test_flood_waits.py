"""Telegram's flood waits on a real SQLite file: kept across connections, gone once over."""

from __future__ import annotations

from pathlib import Path

from storage import Store, open_store
from storage.outbox.floods import MAX_WAIT


def _rows(store: Store) -> list[tuple[int, float]]:
    return [tuple(r) for r in store.db.execute("SELECT chat_id, until FROM flood_waits")]


def test_waits_outlive_the_connection_that_stored_them(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.outbox.flood_waits.hold(-100, until=4_600.0, now=1_000.0)  # a group's own wait
        store.outbox.flood_waits.hold(None, until=2_000.0, now=1_000.0)  # the bot as a whole
    with open_store(db_path) as store:  # another process, after a restart
        assert store.outbox.flood_waits.current(now=1_500.0) == {-100: 4_600.0, None: 2_000.0}


def test_a_longer_wait_already_stored_is_kept(store: Store) -> None:
    waits = store.outbox.flood_waits
    waits.hold(7, until=5_000.0, now=1_000.0)
    waits.hold(7, until=3_000.0, now=1_001.0)  # a shorter 429 answered later
    assert waits.current(now=1_002.0) == {7: 5_000.0}
    waits.hold(7, until=6_000.0, now=1_003.0)
    assert waits.current(now=1_004.0) == {7: 6_000.0}


def test_waits_that_are_over_are_deleted(store: Store) -> None:
    waits = store.outbox.flood_waits
    waits.hold(7, until=1_010.0, now=1_000.0)
    waits.hold(8, until=1_100.0, now=1_000.0)
    waits.hold(None, until=1_050.0, now=1_000.0)
    assert waits.current(now=1_060.0) == {8: 1_100.0}
    assert _rows(store) == [(8, 1_100.0)]  # not just hidden: gone from the file
    waits.hold(9, until=1_300.0, now=1_200.0)  # storing a new one forgets the old
    assert _rows(store) == [(9, 1_300.0)]
    assert waits.clear(now=1_300.0) == 1
    assert _rows(store) == []


def test_a_wait_no_start_should_honour_holds_a_day_at_most_or_nobody(store: Store) -> None:
    # A clock that was ahead, or a row written by hand: no chat is silenced for good, and
    # a row that is no number neither holds anyone nor stops the sender from starting.
    store.db.execute(
        "INSERT INTO flood_waits (chat_id, until) VALUES (1, 1e308), (2, 'soon'), (3, 2000.0)"
    )
    waits = store.outbox.flood_waits.current(now=1_000.0)
    assert waits == {1: 1_000.0 + MAX_WAIT, 3: 2_000.0}
    assert [chat for chat, _ in _rows(store)] == [1, 3]  # the damaged row is gone
