"""A story the chat already got is not in its next digest again (another outlet's copy
arriving after the digest went out, or after the instant alert of a chat that switched)."""

from __future__ import annotations

import time

from bot.alerts.compose import Composer
from storage import Store

STORY = (
    "Xiaomi said on Thursday it would build a second car factory in Beijing, doubling its "
    "capacity. The company expects deliveries to reach 300,000 cars next year.\n\n"
    "Analysts said the move puts pressure on rivals in the crowded Chinese market."
)
OTHER = "Xiaomi cut the price of its phones in India. " * 4


def _digest(store: Store, chat: int, key: str):
    store.outbox.release_digest(chat, key)
    items = store.outbox.claim(limit=100, now=time.time() + 1)
    return Composer(articles=store.outbox).next_delivery(items, now=time.time())


def _sent(store: Store, delivery) -> None:
    store.outbox.mark_sent([(i, 500 if delivery.rendered.text else None) for i in delivery.ids])


def test_a_late_copy_of_a_story_in_yesterdays_digest_is_left_out(store: Store, world) -> None:
    world.chat(1, "Xiaomi", mode="digest")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}, body=STORY, source="Reuters"))
    first = _digest(store, 1, "2026-05-01T08:00+00:00")
    assert first is not None and "Xiaomi said on Thursday" in first.rendered.text
    _sent(store, first)
    # AP runs the story after the digest, beside a story of its own.
    copy = world.article({"Xiaomi": 0.9}, body=STORY + "\n\nMore later.", source="AP")
    store.outbox.enqueue_for_article(copy)
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}, body=OTHER))
    second = _digest(store, 1, "2026-05-02T08:00+00:00")
    assert second is not None and second.kind == "digest" and len(second.ids) == 2
    assert "1 story" in second.rendered.text and "price of its phones" in second.rendered.text
    assert "second car factory" not in second.rendered.text
    _sent(store, second)
    # Only the copy waiting: no digest at all, its row settled without a message.
    store.outbox.enqueue_for_article(
        world.article({"Xiaomi": 0.9}, body=STORY + "\n\nUpdated.", source="AFP")
    )
    third = _digest(store, 1, "2026-05-03T08:00+00:00")
    assert third is not None and third.kind == "repeat" and len(third.ids) == 1
    assert third.rendered.text == ""


async def test_the_sender_settles_a_digest_of_repeats_without_a_message(
    store: Store, world
) -> None:
    import asyncio

    from bot.telegram.fake_api import FakeBotApi
    from tests.support.alert_senders import fake_sender_running

    world.chat(1, "Xiaomi", mode="digest")
    store.outbox.enqueue_for_article(world.article({"Xiaomi": 0.9}, body=STORY, source="Reuters"))
    telegram = FakeBotApi()

    async def settled() -> list[str]:
        for _ in range(200):
            rows = store.outbox.rows(chat_id=1)
            if all(r["status"] == "sent" for r in rows):
                return [r["error"] for r in rows]
            await asyncio.sleep(0.05)
        raise AssertionError(store.outbox.rows(chat_id=1))

    async with fake_sender_running(store, telegram) as sender:
        store.outbox.release_digest(1, "2026-05-01T08:00+00:00")
        sender.wake()
        assert await settled() == ["digest"]
        copy = world.article({"Xiaomi": 0.9}, body=STORY + "\n\nMore.", source="AP")
        store.outbox.enqueue_for_article(copy)
        store.outbox.release_digest(1, "2026-05-02T08:00+00:00")
        sender.wake()
        assert await settled() == ["digest", "repeat"]
        assert len(telegram.of("sendMessage")) == 1  # the first digest only
