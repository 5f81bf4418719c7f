"""Long 429s for several chats in a row, with no send going through between them: only
the chats told wait their hour; every other chat waits a short while that grows with
each refusal in a row, and the next send that goes through ends it. A stranger's
groups cannot stop every chat's alerts, and when Telegram does limit the bot as a whole
(every send refused) the bot tries one send at a time, ever less often. The Bot API
emulator answers the 429s, the outbox is a real SQLite file; nothing here is mocked."""

from __future__ import annotations

import asyncio
import itertools
import time

from alert_rows import HOUR, add_article, add_chat, delivered, sends, waiting
from alert_senders import sender_running, until

from bot.alerts import SenderOptions

ONE_WORKER = SenderOptions(concurrency=1, idle_poll=0.05, stop_grace=0.2)


async def test_three_chats_told_to_wait_in_a_row_do_not_stop_another_chat(emulator, store) -> None:
    """One worker, so each send is made after the 429 before it: three strangers' chats
    are told to wait an hour in a row, then another chat's alert goes out within seconds
    (the others waited 1 + 1 + 2 s), not after the hour, and no wait for every chat is
    left stored (a restart would honour it)."""
    strangers = {9801: "Alpha", 9802: "Beta", 9803: "Gamma"}
    for n, (chat, company) in enumerate(strangers.items(), start=1):
        add_chat(store, chat, company)
        add_article(store, company, n)
    add_chat(store, 9810, "Delta")
    add_article(store, "Delta", 4)  # claimed after the strangers' alerts
    await emulator.inject(
        *(
            {"method": "sendMessage", "chat_id": c, "status": 429, "retry_after": HOUR}
            for c in strangers
        )
    )
    async with sender_running(emulator, store, options=ONE_WORKER, read_timeout=2.0) as sender:
        await until(delivered(emulator, 9810, 1), 10, "chat 9810's alert")
        for chat in strangers:
            await until(waiting(store, chat), 2, f"chat {chat}'s 429 taken on")
        assert sender.stats["postponed"] == 3
    told = [(await sends(emulator, c, "fault"))[0]["t"] for c in strangers]
    assert told == sorted(told)  # one after the other, each after the 429 before it
    (sent,) = [e["t"] for e in await sends(emulator, 9810, "ok")]
    assert sent - told[-1] < 3.5  # the others' wait after the third refusal in a row
    assert sent - told[0] < 6
    for chat in strangers:  # each was told once and waits its own hour
        assert [e["outcome"] for e in await sends(emulator, chat)] == ["fault"]
    waits = store.outbox.flood_waits.current(now=time.time())
    assert None not in waits
    assert sorted(c for c in waits if c is not None) == sorted(strangers)


async def test_a_limit_of_the_whole_bot_is_probed_one_send_at_a_time_ever_less_often(
    emulator, store
) -> None:
    """Telegram refuses every send for an hour (a limit of the bot as a whole): with
    four workers and twelve chats, after the first sends (made together, before any
    answer) the sender tries one send at a time, each later than the one before by a
    growing gap (1, 1, 2, 4 s ...), and keeps the wait for every chat in the table (a
    restart honours it)."""
    chats = range(9901, 9913)
    for n, chat in enumerate(chats):
        add_chat(store, chat, f"Company{n}")
        add_article(store, f"Company{n}", n)
    await emulator.inject(
        {"method": "sendMessage", "status": 429, "retry_after": HOUR, "times": -1}
    )
    options = SenderOptions(concurrency=4, idle_poll=0.05, stop_grace=0.2)
    async with sender_running(emulator, store, options=options, read_timeout=2.0):
        await asyncio.sleep(10.5)  # a restart waits a second before its first send
        waits = store.outbox.flood_waits.current(now=time.time())
    log = await emulator.log(method="sendMessage")
    assert {e["outcome"] for e in log} == {"fault"}
    told = [e["t"] for e in log]
    together = [t for t in told if t < told[0] + 0.5]  # the workers' first sends, on the wire
    assert len(together) == 4  # together before any answer: each chat's own 429, as far as known
    probes = told[len(together) :]
    assert 3 <= len(probes) <= 5  # about 1, 2, 4, 8 s after: not one a second, nor 25 at once
    gaps = [b - a for a, b in itertools.pairwise([together[-1], *probes])]
    assert all(gap > 0.9 for gap in gaps)  # one send at a time
    assert gaps[-1] > 3.5  # ever less often
    assert None in waits and waits[None] - time.time() > 2
    assert len([c for c in waits if c is not None]) == len(told)  # each chat told waits
