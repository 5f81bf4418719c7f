"""The outbox repository on a real SQLite file: enqueue, claim, outcomes, recovery."""

from __future__ import annotations

from storage import Store


def _chats(store: Store, status: str | None = None) -> list[int]:
    return sorted(r["chat_id"] for r in store.outbox.rows() if status in (None, r["status"]))


def test_enqueue_selects_subscribed_active_chats_over_threshold(store: Store, world) -> None:
    world.chat(1, "Xiaomi")
    world.chat(2, "Xiaomi", threshold=0.9)  # too strict for this article
    world.chat(3, "Apple")  # follows another company
    world.chat(4, "Xiaomi")
    store.chats.set_active(4, False)  # stopped the bot
    world.chat(5, "Xiaomi", mode="digest")  # waits for its digest
    article = world.article({"Xiaomi": 0.6, "Tesla": 0.3})
    assert store.outbox.enqueue_for_article(article, now=100.0) == 2
    rows = {r["chat_id"]: r for r in store.outbox.rows()}
    assert sorted(rows) == [1, 5]
    assert rows[1]["status"] == "pending" and rows[1]["mode"] == "instant"
    assert rows[5]["status"] == "held" and rows[5]["mode"] == "digest"
    assert rows[1]["due"] == 100.0


def test_one_alert_per_chat_for_the_most_salient_followed_company(store: Store, world) -> None:
    world.chat(1, "Xiaomi", "Tesla")
    article = world.article({"Xiaomi": 0.4, "Tesla": 0.8})
    assert store.outbox.enqueue_for_article(article) == 1
    (row,) = store.outbox.rows()
    assert row["company_id"] == world.company("Tesla")
    assert row["salience"] == 0.8


def test_default_threshold_applies_when_chat_never_chose_one(store: Store, world) -> None:
    world.chat(1, "Xiaomi")
    weak = world.article({"Xiaomi": 0.1})
    assert store.outbox.enqueue_for_article(weak) == 0
    world.chat(2, "Xiaomi", threshold=0.05)
    assert store.outbox.enqueue_for_article(weak) == 1
    assert _chats(store) == [2]


def test_re_enqueue_never_duplicates(store: Store, world) -> None:
    for chat in range(1, 6):
        world.chat(chat, "Xiaomi")
    article = world.article({"Xiaomi": 0.7})
    assert store.outbox.enqueue_for_article(article) == 5
    assert store.outbox.enqueue_for_article(article) == 0
    assert len(store.outbox.rows()) == 5


def test_claim_takes_due_rows_oldest_first_and_only_once(store: Store, world) -> None:
    for chat in (1, 2, 3):
        world.chat(chat, "Xiaomi")
    first = world.article({"Xiaomi": 0.7})
    store.outbox.enqueue_for_article(first, now=10.0)
    later = world.article({"Xiaomi": 0.7})
    store.outbox.enqueue_for_article(later, now=50.0, delay=30.0)  # due at 80
    claimed = store.outbox.claim(limit=2, now=60.0)
    assert [item.article_id for item in claimed] == [first, first]
    assert claimed[0].company == "Xiaomi" and claimed[0].url.startswith("https://")
    assert len(store.outbox.claim(limit=10, now=60.0)) == 1  # the third chat, not `later`
    assert store.outbox.claim(limit=10, now=60.0) == []
    assert {i.article_id for i in store.outbox.claim(limit=10, now=80.0)} == {later}
    assert store.outbox.counts() == {"sending": 6}


def test_restart_returns_in_flight_rows_to_pending(store: Store, world) -> None:
    for chat in (1, 2, 3):
        world.chat(chat, "Xiaomi")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}), now=1.0)
    items = store.outbox.claim(limit=3, now=2.0)
    store.outbox.mark_sent([(items[0].id, 501)], now=3.0)
    # The process dies here: two rows were claimed but never confirmed.
    assert store.outbox.recover() == 2
    again = store.outbox.claim(limit=10, now=4.0)
    assert sorted(i.chat_id for i in again) == sorted(i.chat_id for i in items[1:])
    sent = [r for r in store.outbox.rows() if r["status"] == "sent"]
    assert [(r["chat_id"], r["message_id"]) for r in sent] == [(items[0].chat_id, 501)]


def test_claim_leaves_a_chat_waiting_out_its_own_429_in_the_table(store: Store, world) -> None:
    """A chat told to wait long was given up: its alerts, put back and queued since, stay
    in the outbox until the wait ends, then come in the order they were queued."""
    world.chat(1, "Xiaomi")
    world.chat(2, "Xiaomi")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}), now=10.0)
    first, _other = store.outbox.claim(limit=5, now=10.0)
    store.outbox.flood_waits.hold(1, until=100.0, now=11.0)
    store.outbox.reschedule([first.id], due=100.0)  # given up until the wait ends
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}), now=20.0)
    assert [i.chat_id for i in store.outbox.claim(limit=5, now=30.0)] == [2]  # not chat 1
    store.outbox.flood_waits.hold(None, until=200.0, now=31.0)  # the whole bot: the gate waits
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}), now=40.0)
    assert [i.chat_id for i in store.outbox.claim(limit=5, now=50.0)] == [2]
    queued = [r["due"] for r in store.outbox.rows(chat_id=1) if r["id"] != first.id]
    assert queued == [100.0, 100.0]  # queued during the wait: due when it ends
    (head,) = store.outbox.claim(limit=1, now=100.0)  # a claim with little room left
    assert head.id == first.id and head.attempts == 0  # put back first, sent first
    assert [i.chat_id for i in store.outbox.claim(limit=5, now=100.0)] == [1, 1]


def test_a_stored_wait_beyond_the_longest_holds_no_claim(store: Store, world) -> None:
    world.chat(1, "Xiaomi")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}), now=10.0)
    store.outbox.flood_waits.hold(1, until=10.0 + 10 * 86_400, now=10.0)  # a clock ahead
    assert [i.chat_id for i in store.outbox.claim(limit=5, now=20.0)] == [1]


def test_retry_reschedule_and_failure_are_recorded(store: Store, world) -> None:
    world.chat(1, "Xiaomi")
    world.chat(2, "Xiaomi")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}), now=1.0)
    a, b = store.outbox.claim(limit=2, now=1.0)
    store.outbox.reschedule([a.id], due=30.0, error="Bad Gateway", count_attempt=True)
    store.outbox.mark_failed([b.id], error="message is too long")
    assert store.outbox.claim(limit=5, now=29.0) == []
    (retried,) = store.outbox.claim(limit=5, now=30.0)
    assert retried.id == a.id and retried.attempts == 1
    failed = [r for r in store.outbox.rows() if r["status"] == "failed"]
    assert failed[0]["error"] == "message is too long"


def test_blocked_chat_is_deactivated_and_its_alerts_dropped(store: Store, world) -> None:
    world.chat(1, "Xiaomi")
    world.chat(2, "Xiaomi")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}))
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}))
    assert store.lifecycle.deactivate(1, reason="Forbidden: bot was blocked by the user") == 2
    assert store.chats.get(1).active is False
    assert _chats(store, "dropped") == [1, 1]
    assert store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7})) == 1  # chat 2 only


def test_migrated_group_keeps_its_alerts_under_the_new_id(store: Store, world) -> None:
    world.chat(-100, "Xiaomi", type="group")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}))
    assert store.lifecycle.migrate(-100, -1001234)
    assert _chats(store, "pending") == [-1001234]
    assert store.subscriptions.for_chat(-1001234)[0][1] == "Xiaomi"
    assert store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7})) == 1


def test_digest_is_released_once_per_local_date(store: Store, world) -> None:
    world.chat(7, "Xiaomi", mode="digest")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}))
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}))
    assert [c for c, _s, _t in store.outbox.held_chats()] == [7]
    assert store.outbox.release_digest(7, "2026-01-02", now=5.0) == 2
    assert store.db.table("digests").count_where("chat_id = 7 AND local_date = '2026-01-02'")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}))
    assert store.outbox.release_digest(7, "2026-01-02", now=6.0) == 0  # already sent today
    assert store.outbox.counts() == {"held": 1, "pending": 2}


def test_restart_sees_recent_sends_and_old_rows_are_pruned(store: Store, world) -> None:
    world.chat(1, "Xiaomi")
    world.chat(-5, "Xiaomi", type="group")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.7}), now=10.0)
    items = store.outbox.claim(limit=5, now=10.0)
    store.outbox.mark_sent([(i.id, 77, None) for i in items], now=100.0)
    assert sorted(store.outbox.sent_since(50.0)) == [(-5, "group", 100.0), (1, "private", 100.0)]
    assert store.outbox.sent_since(101.0) == []
    assert store.outbox.prune(before=5.0) == 0
    assert store.outbox.prune(before=11.0) == 2
    assert store.outbox.rows() == []
