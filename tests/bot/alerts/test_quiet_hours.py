"""Quiet hours: an alert sent inside a chat's quiet hours (on its own clock) arrives without
a sound (``disable_notification``), one outside them as before, and a digest always rings."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

from bot.alerts.digest import release_due
from bot.telegram.fake_api import FakeBotApi
from storage import Store
from tests.support.alert_senders import fake_sender_running

# 02:30 UTC is 03:30 in Berlin (inside 22-7) and 21:30 the evening before in New York
# (outside 22-7); 10:30 UTC is 11:30 in Berlin (outside) and 05:30 in New York (inside).
NIGHT = datetime(2026, 1, 15, 2, 30, tzinfo=UTC)
MORNING = datetime(2026, 1, 15, 10, 30, tzinfo=UTC)


async def _sends(telegram: FakeBotApi, count: int) -> list[dict[str, Any]]:
    deadline = time.monotonic() + 15.0
    while len(telegram.of("sendMessage")) < count and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    sends = telegram.of("sendMessage")
    assert len(sends) == count, sends
    return sends


def _by_chat(sends: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    return {int(send["chat_id"]): send for send in sends}


async def test_alerts_in_quiet_hours_are_silent_and_digests_ring(store: Store, world: Any) -> None:
    berlin_quiet = world.chat(1, "Xiaomi", timezone="Europe/Berlin", quiet=[22, 7])
    no_quiet = world.chat(2, "Xiaomi", timezone="Europe/Berlin")
    new_york_quiet = world.chat(3, "Xiaomi", timezone="America/New_York", quiet=[22, 7])
    digest = world.chat(
        4, "Xiaomi", timezone="Europe/Berlin", quiet=[22, 7], mode="digest", digest_hour=3
    )
    night = world.article({"Xiaomi": 0.8}, body="Xiaomi opened a factory in Hungary overnight.")
    store.outbox.enqueue_for_article(night, now=NIGHT.timestamp() - 3600)
    # The digest asked for at 03:00 Berlin time is due at 03:30, inside its quiet hours.
    assert release_due(store.outbox, now=NIGHT) == 1
    clock = [NIGHT.timestamp()]
    telegram = FakeBotApi()
    async with fake_sender_running(store, telegram, wall=lambda: clock[0]) as sender:
        at_night = _by_chat(await _sends(telegram, 4))
        assert at_night[berlin_quiet]["disable_notification"] is True
        assert "disable_notification" not in at_night[no_quiet]
        assert "disable_notification" not in at_night[new_york_quiet]  # 21:30 there
        assert "digest" in at_night[digest]["text"]
        assert "disable_notification" not in at_night[digest]
        clock[0] = MORNING.timestamp()
        later = world.article({"Xiaomi": 0.8}, body="Xiaomi reported record phone sales today.")
        store.outbox.enqueue_for_article(later, now=MORNING.timestamp())
        sender.wake()
        morning = _by_chat((await _sends(telegram, 7))[4:])
        assert set(morning) == {berlin_quiet, no_quiet, new_york_quiet}
        assert "disable_notification" not in morning[berlin_quiet]  # 11:30 there
        assert "disable_notification" not in morning[no_quiet]
        assert morning[new_york_quiet]["disable_notification"] is True  # 05:30 there
