"""Digest timing in each chat's own time zone, recorded so a restart never resends."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.alerts.digest import digest_moment, due_key, release_due
from storage import ChatSettings, Store


def test_digest_moment_follows_the_chat_time_zone() -> None:
    tokyo = ChatSettings(mode="digest", digest_hour=8, timezone="Asia/Tokyo")
    now = datetime(2026, 3, 1, 0, 30, tzinfo=UTC)  # 09:30 in Tokyo
    assert digest_moment(tokyo, now) == datetime(2026, 2, 28, 23, 0, tzinfo=UTC)
    early = datetime(2026, 2, 28, 22, 0, tzinfo=UTC)  # 07:00 in Tokyo
    assert digest_moment(tokyo, early) == datetime(2026, 2, 27, 23, 0, tzinfo=UTC)


def test_due_only_for_alerts_waiting_since_before_the_hour() -> None:
    berlin = ChatSettings(mode="digest", digest_hour=8, timezone="Europe/Berlin")
    now = datetime(2026, 7, 1, 7, 0, tzinfo=UTC)  # 09:00 in Berlin (summer)
    waited = datetime(2026, 7, 1, 5, 0, tzinfo=UTC).timestamp()
    fresh = datetime(2026, 7, 1, 6, 30, tzinfo=UTC).timestamp()  # after 08:00 local
    assert due_key(berlin, waited, now) == "2026-07-01T08:00+02:00"
    assert due_key(berlin, fresh, now) is None


def test_a_digest_at_half_past_is_due_from_half_past(store: Store, world) -> None:
    # "/settings hour 8:30": the scheduler (every minute) sends it at 08:30, not 08:00.
    half = ChatSettings(mode="digest", digest_hour=8, digest_minute=30, timezone="Asia/Kolkata")
    now = datetime(2026, 3, 1, 3, 5, tzinfo=UTC)  # 08:35 in Kolkata (UTC+5:30)
    assert digest_moment(half, now) == datetime(2026, 3, 1, 3, 0, tzinfo=UTC)
    before = datetime(2026, 3, 1, 2, 55, tzinfo=UTC)  # 08:25: still yesterday's
    assert digest_moment(half, before) == datetime(2026, 2, 28, 3, 0, tzinfo=UTC)
    world.chat(1, "Xiaomi", mode="digest", digest_hour=8, digest_minute=30, timezone="UTC")
    store.outbox.enqueue_for_article(
        world.article({"Xiaomi": 0.8}), now=datetime(2026, 5, 1, 6, tzinfo=UTC).timestamp()
    )
    assert release_due(store.outbox, now=datetime(2026, 5, 1, 8, 29, tzinfo=UTC)) == 0
    assert release_due(store.outbox, now=datetime(2026, 5, 1, 8, 30, tzinfo=UTC)) == 1


def test_release_is_once_per_day_and_instant_chats_get_theirs_now(store: Store, world) -> None:
    world.chat(1, "Xiaomi", mode="digest", digest_hour=8, timezone="UTC")
    world.chat(2, "Xiaomi", mode="digest")
    store.outbox.enqueue_for_article(
        world.article({"Xiaomi": 0.8}), now=datetime(2026, 5, 1, 6, tzinfo=UTC).timestamp()
    )
    store.chats.update_settings(2, mode="instant")  # changed their mind
    assert release_due(store.outbox, now=datetime(2026, 5, 1, 7, tzinfo=UTC)) == 1  # chat 2
    assert release_due(store.outbox, now=datetime(2026, 5, 1, 8, 1, tzinfo=UTC)) == 1  # chat 1
    assert release_due(store.outbox, now=datetime(2026, 5, 1, 8, 2, tzinfo=UTC)) == 0
    assert store.db.table("digests").count_where(
        "chat_id = 1 AND local_date = '2026-05-01T08:00+00:00'"
    )
    assert store.outbox.counts() == {"pending": 2}


def test_a_digest_moved_later_the_same_day_comes_at_the_new_time(store: Store, world) -> None:
    # Today's 08:00 digest went out; the chat moves its digest to 18:00 (or to New York
    # time): the alerts since then come at 18:00 today (08:00 in New York), not a day and
    # a half after the last digest, as if the day's digest had been "done".
    def at(hour: int, minute: int = 0) -> datetime:
        return datetime(2026, 5, 1, hour, minute, tzinfo=UTC)

    world.chat(1, "Xiaomi", mode="digest", digest_hour=8, timezone="UTC")
    world.chat(2, "Xiaomi", mode="digest", digest_hour=8, timezone="Europe/Berlin")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.8}), now=at(5).timestamp())
    assert release_due(store.outbox, now=at(8, 1)) == 2  # 08:01 UTC, 10:01 in Berlin
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.8}), now=at(9).timestamp())
    store.chats.update_settings(1, digest_hour=18)
    store.chats.update_settings(2, timezone="America/New_York")
    assert release_due(store.outbox, now=at(11)) == 0  # neither new time has come
    assert release_due(store.outbox, now=at(12, 1)) == 1  # 08:01 in New York
    assert release_due(store.outbox, now=at(18, 1)) == 1  # 18:01 UTC
    assert release_due(store.outbox, now=at(18, 2)) == 0  # once
    # Back to 08:00: today's 08:00 digest is not sent again (nothing waited since before it).
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.8}), now=at(19).timestamp())
    store.chats.update_settings(1, digest_hour=8)
    assert release_due(store.outbox, now=at(20)) == 0
    assert release_due(store.outbox, now=datetime(2026, 5, 2, 8, 1, tzinfo=UTC)) == 1


def test_held_alerts_of_a_chat_back_on_instant_come_as_instant_alerts(store: Store, world) -> None:
    # A digest chat switches to instant alerts in the afternoon: the stories held since
    # the morning come now as instant alerts would (one catch-up message for many), not
    # as a "daily digest" at an odd hour, split in parts when long; nor as stories the
    # bot "could not send sooner": the chat had asked to hold them.
    from bot.alerts.compose import Composer

    world.chat(1, "Xiaomi", mode="digest", digest_hour=8, timezone="UTC")
    world.chat(2, "Xiaomi", mode="digest", digest_hour=8, timezone="UTC")
    morning = datetime.now(UTC).timestamp() - 8 * 3600
    for n in range(8):
        story = world.article({"Xiaomi": 0.8}, body=f"Fact {n} about Xiaomi. " * 5)
        store.outbox.enqueue_for_article(story, now=morning + n)
    store.db.execute(  # chat 2 keeps 2 stories
        "DELETE FROM outbox WHERE chat_id = 2 AND id NOT IN "
        "(SELECT id FROM outbox WHERE chat_id = 2 ORDER BY id LIMIT 2)"
    )
    store.chats.update_settings(1, mode="instant")
    store.chats.update_settings(2, mode="instant")
    assert release_due(store.outbox) == 10
    items = store.outbox.claim(limit=100, now=datetime.now(UTC).timestamp() + 1)
    composer = Composer(articles=store.outbox)
    now = datetime.now(UTC).timestamp()
    many = composer.next_delivery([i for i in items if i.chat_id == 1], now=now)
    assert many is not None and (many.kind, len(many.ids)) == ("catchup", 8)
    assert "8 new stories about the companies you follow" in many.rendered.text
    few = composer.next_delivery([i for i in items if i.chat_id == 2], now=now)
    assert few is not None and (few.kind, len(few.ids)) == ("alert", 1)
