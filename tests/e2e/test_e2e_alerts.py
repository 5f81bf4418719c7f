"""Subscription alerts end to end: the real sender, real SQLite, the Bot API emulator.

Every alert is counted from the emulator's call log: none lost, none duplicated beyond
the messages in flight, and the per-chat, per-group and global rates never exceeded.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import time
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from alert_senders import sender_running, start_bot_process, until

from bot.alerts import AlertSender, Limits, SenderOptions
from storage import Store
from summarizer.article import Article
from summarizer.companies.matcher import CompanyMention

DELIVERED = ("ok", "dropped_after")  # dropped_after: Telegram got it, the answer was lost
FAST = SenderOptions(backoff_base=0.2, backoff_cap=1.0, max_attempts=4, idle_poll=0.05)


# -- building the world ------------------------------------------------------------------


def add_chat(store: Store, chat_id: int, *follows: str, type: str = "private") -> None:
    store.chats.upsert(chat_id, type=type, title=f"chat {chat_id}")
    for name in follows:
        store.subscriptions.add(chat_id, store.companies.add_custom(name))


WORDS = (
    "battery",
    "factory",
    "chip",
    "price",
    "rival",
    "market",
    "phone",
    "launch",
    "quarter",
    "profit",
    "loss",
    "plan",
    "deal",
    "board",
    "share",
    "supply",
    "order",
    "sales",
    "growth",
    "deliveries",
    "partner",
    "model",
    "export",
)


def distinct_body(n: int) -> str:
    """A short body that shares no three-word run with another ``n`` (not a copy)."""
    words = [f"{WORDS[(n * 7 + i * 3) % len(WORDS)]}{n}" for i in range(24)]
    return f"{' '.join(words[:12])}.\n\n{' '.join(words[12:])}."


def add_article(
    store: Store,
    companies: Mapping[str, float],
    *,
    n: int,
    body: str | None = None,
    source: str = "Wire",
) -> int:
    body = body or distinct_body(n)
    article = Article(
        f"Headline {n} <for> & about it",
        tuple(body.split("\n\n")),
        url=f"https://news.example/{n}",
        source=source,
    )
    mentions = [CompanyMention(name, s, True, 3) for name, s in companies.items()]
    for name in companies:
        store.companies.add_custom(name)
    article_id, _ = store.articles.add(article, companies=mentions)
    store.outbox.enqueue_for_article(article_id)
    return article_id


async def run_sender(
    emulator: Any,
    store: Store,
    *,
    until: int,
    limits: Limits | None = None,
    options: SenderOptions = FAST,
    timeout: float = 30.0,
) -> AlertSender:
    """Run a sender until ``until`` alerts are settled (sent/failed/dropped) or timeout."""
    async with sender_running(emulator, store, limits=limits, options=options) as sender:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            counts = store.outbox.counts()
            if sum(counts.get(s, 0) for s in ("sent", "failed", "dropped")) >= until:
                break
            await asyncio.sleep(0.05)
    return sender


# -- measuring from the emulator's log ---------------------------------------------------


def max_in_window(times: list[float], window: float) -> int:
    """The most events inside any window of ``window`` seconds."""
    times, best, start = sorted(times), 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


def assert_rates(log: list[dict[str, Any]], limits: Limits) -> None:
    sends = [e for e in log if e["method"] == "sendMessage"]
    busiest = max_in_window([e["t"] for e in sends], 1.0)
    assert busiest <= 30, [(e["seq"], round(e["t"], 3), e["chat_id"]) for e in sends]
    by_chat: dict[int, list[float]] = {}
    for e in sends:
        by_chat.setdefault(int(e["chat_id"]), []).append(e["t"])
    for chat_id, times in by_chat.items():
        assert max_in_window(times, 1.0) <= 1, f"chat {chat_id} got 2 messages within 1 s"
        if chat_id < 0:
            assert max_in_window(times, 60.0) <= 20


def delivered(log: list[dict[str, Any]]) -> Counter[int]:
    return Counter(
        int(e["chat_id"]) for e in log if e["method"] == "sendMessage" and e["outcome"] in DELIVERED
    )


# -- tests -------------------------------------------------------------------------------


async def test_fan_out_keeps_every_limit_and_sends_each_alert_once(emulator, store) -> None:
    await emulator.configure(rate_limits=True)  # the adapter answers 429 to any excess
    private = list(range(1001, 1061))
    groups = [-2001, -2002, -2003]
    for chat in private:
        add_chat(store, chat, "Xiaomi")
    for chat in groups:
        add_chat(store, chat, "Xiaomi", "Tesla", type="group")
    add_article(store, {"Xiaomi": 0.8}, n=1)
    add_article(store, {"Tesla": 0.9}, n=2, body="Tesla cut prices again.\n\nBuyers waited.")
    sender = await run_sender(emulator, store, until=66)
    log = await emulator.log(method="sendMessage")
    assert not [e for e in log if e["outcome"] == "rate_limited"]
    assert_rates(log, Limits())
    counts = delivered(log)
    assert {c: counts[c] for c in private} == dict.fromkeys(private, 1)
    assert {c: counts[c] for c in groups} == dict.fromkeys(groups, 2)
    assert store.outbox.counts() == {"sent": 66}
    assert sender.stats["retry_after"] == 0
    first = next(e for e in log if e["chat_id"] == 1001)
    assert "Headline 1 &lt;for&gt; &amp; about it" in first["text"]
    assert "+1 source" not in first["text"]
    assert 'href="https://news.example/1"' in first["text"]


async def test_telegram_errors_lose_nothing_and_stop_blocked_chats(emulator, store) -> None:
    chats = list(range(3001, 3013))
    for chat in chats:
        add_chat(store, chat, "Xiaomi")
    add_chat(store, -4001, "Xiaomi", type="group")
    await emulator.inject(
        {"method": "sendMessage", "status": 429, "retry_after": 1, "times": 4},
        {"method": "sendMessage", "chat_id": 3002, "status": 403, "times": -1},
        {"method": "sendMessage", "chat_id": 3003, "status": 400},
        {"method": "sendMessage", "chat_id": 3004, "status": 500, "times": 2},
        {"method": "sendMessage", "chat_id": 3005, "status": 502},
        {"method": "sendMessage", "chat_id": 3006, "drop": "before"},
        {"method": "sendMessage", "chat_id": 3007, "drop": "after"},
        {"method": "sendMessage", "chat_id": 3008, "delay_ms": 1500},
        {
            "method": "sendMessage",
            "chat_id": -4001,
            "status": 400,
            "description": "Bad Request: group chat was upgraded to a supergroup chat",
            "migrate_to_chat_id": -1004001,
        },
    )
    add_article(store, {"Xiaomi": 0.8}, n=1)
    # Production-like backoff: an unanswered request may still be processed after we gave up.
    options = SenderOptions(backoff_base=2.0, backoff_cap=4.0, max_attempts=4, idle_poll=0.05)
    sender = await run_sender(emulator, store, until=13, options=options)
    log = await emulator.log(method="sendMessage")
    assert_rates(log, Limits())
    counts = delivered(log)
    reached = [c for c in chats if c != 3002] + [-1004001]
    assert all(counts[c] >= 1 for c in reached), counts
    # Only the two answers that never came back (lost answer, timeout) may repeat.
    assert sum(counts.values()) - len(reached) <= 2
    assert counts[3007] <= 2 and counts[3008] <= 2
    assert sender.stats["retry_after"] >= 1
    assert store.chats.get(3002).active is False
    assert store.chats.get(-1004001) is not None and store.chats.get(-4001) is None
    plain = next(e for e in log if e["chat_id"] == 3003 and e["outcome"] == "ok")
    assert "<b>" not in plain["text"] and "Headline 1 <for> & about it" in plain["text"]
    assert store.outbox.counts() == {"sent": 12, "dropped": 1}
    # A chat that blocked the bot gets no further alerts.
    add_article(store, {"Xiaomi": 0.8}, n=2)
    assert 3002 not in {r["chat_id"] for r in store.outbox.rows() if r["status"] == "pending"}


async def test_no_alert_reaches_a_chat_after_it_unfollows_during_a_429_pause(
    emulator, store
) -> None:
    # Both alerts are claimed and wait out the pause in the sender; meanwhile 8101 stops
    # following Tesla, and 8102, which follows Xiaomi too, gets the story as Xiaomi's.
    add_chat(store, 8101, "Tesla")
    add_chat(store, 8102, "Tesla", "Xiaomi")
    await emulator.inject({"method": "sendMessage", "status": 429, "retry_after": 2, "times": 2})
    add_article(store, {"Tesla": 0.9, "Xiaomi": 0.8}, n=1)
    tesla = store.companies.id_for("Tesla") or 0
    async with sender_running(emulator, store, options=FAST) as sender:
        await until(lambda: _faults(emulator, 2), 10, "both 429 answers")
        for chat in (8101, 8102):
            assert store.lifecycle.unfollow(chat, [tesla]) == [tesla]

        await until(lambda: _settled(store, 2), 15, "both alerts settled")
    sent = [e for e in await emulator.log(method="sendMessage") if e["outcome"] in DELIVERED]
    assert [e["chat_id"] for e in sent] == [8102]
    assert "🏢 Xiaomi" in sent[0]["text"]
    assert [r["status"] for r in store.outbox.rows(chat_id=8101)] == ["dropped"]
    assert sender.stats["withdrawn"] >= 1


async def test_a_429_for_one_chat_does_not_hold_the_others(emulator, store) -> None:
    """A flood wait Telegram gives one chat (a busy group) holds that chat only; two
    chats told to wait at once would mean the bot itself is limited."""
    others = list(range(9101, 9141))  # more than one second's worth (25)
    for chat in (9001, *others):
        add_chat(store, chat, "Xiaomi")
    flood = {"method": "sendMessage", "chat_id": 9001, "status": 429, "retry_after": 4}
    await emulator.inject(flood)
    add_article(store, {"Xiaomi": 0.8}, n=1)
    await run_sender(emulator, store, until=41, timeout=20)
    log = await emulator.log(method="sendMessage")
    told = next(e["t"] for e in log if e["chat_id"] == 9001 and e["outcome"] == "fault")
    waited = next(e["t"] for e in log if e["chat_id"] == 9001 and e["outcome"] == "ok")
    assert waited - told >= 4  # the chat waited out its retry_after
    served = [e["t"] for e in log if e["chat_id"] in others and e["outcome"] == "ok"]
    assert len(served) == len(others)
    # The others waited a second at most, not the 4 s Telegram asked of 9001.
    assert max(served) < told + 2.5 < waited
    assert store.outbox.counts() == {"sent": 41}


async def test_a_group_that_stops_gets_none_of_its_queued_alerts(emulator, store) -> None:
    # A group gets one message per second at most: its later alerts wait in the sender.
    add_chat(store, -8201, "Tesla", type="group")
    for n in range(3):
        add_article(store, {"Tesla": 0.9}, n=n)
    async with sender_running(emulator, store, options=FAST):
        await until(lambda: _logged(emulator, outcome="ok"), 10, "the first alert")
        store.lifecycle.forget(-8201)
        await asyncio.sleep(2.5)  # two more turns of the group's one-per-second pace
    log = await emulator.log(method="sendMessage", chat_id=-8201)
    assert [e["outcome"] for e in log] == ["ok"]
    assert store.outbox.rows(chat_id=-8201) == []


async def _faults(emulator: Any, count: int) -> bool:
    return len(await emulator.log(method="sendMessage", outcome="fault")) >= count


async def _logged(emulator: Any, *, outcome: str) -> bool:
    return any(e["outcome"] == outcome for e in await emulator.log(method="sendMessage"))


async def _settled(store: Store, count: int) -> bool:
    counts = store.outbox.counts()
    return sum(counts.get(s, 0) for s in ("sent", "failed", "dropped")) >= count


async def test_a_chat_that_keeps_failing_is_recorded_after_the_retry_cap(emulator, store) -> None:
    add_chat(store, 3501, "Xiaomi")
    add_chat(store, 3502, "Xiaomi")
    await emulator.inject({"method": "sendMessage", "chat_id": 3501, "status": 502, "times": -1})
    add_article(store, {"Xiaomi": 0.8}, n=1)
    options = SenderOptions(backoff_base=0.3, backoff_cap=1.0, max_attempts=3, idle_poll=0.05)
    await run_sender(emulator, store, until=2, options=options)
    log = await emulator.log(method="sendMessage", chat_id=3501)
    assert [e["outcome"] for e in log] == ["fault"] * 3
    assert all(b["t"] - a["t"] >= 0.3 for a, b in itertools.pairwise(log))
    (failed,) = [r for r in store.outbox.rows() if r["status"] == "failed"]
    assert failed["chat_id"] == 3501 and "Gave up after 3 attempts" in failed["error"]
    assert store.outbox.counts() == {"sent": 1, "failed": 1}


async def test_copies_of_one_story_become_one_message(emulator, store) -> None:
    add_chat(store, 5001, "Xiaomi")
    story = (
        "Xiaomi said on Thursday it would build a second car factory in Beijing, doubling "
        "its capacity. The company expects deliveries to reach 300,000 cars next year.\n\n"
        "Analysts said the move puts pressure on rivals in the crowded Chinese market, "
        "where dozens of brands compete on price."
    )
    add_article(store, {"Xiaomi": 0.9}, n=1, body=story, source="Reuters")
    add_article(store, {"Xiaomi": 0.9}, n=2, body=story + "\n\nFollow us for more.", source="CNBC")
    add_article(
        store, {"Xiaomi": 0.9}, n=3, body=story.replace("said", "told reporters"), source="BBC"
    )
    await run_sender(emulator, store, until=3)
    log = await emulator.log(method="sendMessage")
    assert len(log) == 1
    assert "+2 sources" in log[0]["text"] and "CNBC" in log[0]["text"]
    assert store.outbox.counts() == {"sent": 3}


async def test_a_late_copy_edits_the_earlier_alert(emulator, store) -> None:
    add_chat(store, 5501, "Xiaomi")
    story = (
        "Xiaomi said on Thursday it would build a second car factory in Beijing, doubling "
        "its capacity. The company expects deliveries to reach 300,000 cars next year."
    )
    add_article(store, {"Xiaomi": 0.9}, n=1, body=story, source="Reuters")
    await run_sender(emulator, store, until=1)
    add_article(store, {"Xiaomi": 0.9}, n=2, body=story + " Shares rose.", source="BBC")
    await run_sender(emulator, store, until=2)
    log = await emulator.log(method="sendMessage,editMessageText")
    assert [e["method"] for e in log] == ["sendMessage", "editMessageText"]
    assert log[1]["message_id"] == log[0]["message_id"]
    assert "+1 source:" in log[1]["text"] and "BBC" in log[1]["text"]
    assert "Read at Reuters" in log[1]["text"]
    assert store.outbox.counts() == {"sent": 2}


async def test_a_backlog_becomes_one_catch_up(emulator, store) -> None:
    add_chat(store, 6001, "Xiaomi")
    for n in range(1, 13):
        add_article(store, {"Xiaomi": 0.9}, n=n, body=f"Unrelated fact {n}. " * 3 + f"Id {n}.")
    await run_sender(emulator, store, until=12)
    log = await emulator.log(method="sendMessage")
    assert len(log) == 1
    assert "12 new stories about the companies you follow" in log[0]["text"]
    assert store.outbox.counts() == {"sent": 12}


# -- kill -9 mid fan-out ---------------------------------------------------------------


async def test_kill_9_mid_fan_out_then_restart_delivers_everything(
    emulator, store, db_path: Path
) -> None:
    chats = list(range(7001, 7151))
    for chat in chats:
        add_chat(store, chat, "Xiaomi")
    add_article(store, {"Xiaomi": 0.8}, n=1)

    async def sent_at_least(n: int) -> bool:
        return len(await emulator.log(method="sendMessage", outcome="ok")) >= n

    async def all_sent(n: int) -> bool:
        return store.outbox.counts() == {"sent": n}

    first = start_bot_process(emulator, db_path)
    try:
        await until(lambda: sent_at_least(40), 30, "the fan-out to start")
        os.kill(first.pid, signal.SIGKILL)  # no flush, no goodbye
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    killed_at = len(await emulator.log(method="sendMessage", outcome="ok"))
    assert killed_at < len(chats), "the kill came after the fan-out ended"
    second = start_bot_process(emulator, db_path)
    try:
        await until(lambda: all_sent(len(chats)), 40, "the rest of the fan-out")
        # An ingest in another process (this one) is picked up by the running bot.
        add_article(store, {"Xiaomi": 0.8}, n=2)
        await until(lambda: all_sent(2 * len(chats)), 40, "the second article")
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(20)
    log = await emulator.log(method="sendMessage")
    counts = delivered(log)
    lost = [c for c in chats if counts[c] < 2]
    assert not lost, (
        "an alert was lost",
        lost,
        Counter(counts.values()),
        [(c, n) for c, n in counts.items() if n > 2][:10],
        killed_at,
        len(log),
        Counter(e["outcome"] for e in log),
    )
    duplicates = sum(counts.values()) - 2 * len(chats)
    in_flight = SenderOptions().concurrency + 2  # requests on the wire + one unflushed batch
    print(f"killed after {killed_at} sent; duplicates after restart: {duplicates}")
    assert duplicates <= in_flight
    assert_rates(log, Limits())
    assert store.outbox.counts() == {"sent": 2 * len(chats)}


async def test_alerts_go_to_the_groups_forum_topic_and_to_general_when_it_is_gone(
    emulator, store
) -> None:
    for chat, topic in ((-1005001, 11), (-1005002, 12), (-1005003, 13)):
        add_chat(store, chat, "Xiaomi", type="supergroup")
        store.chats.update_settings(chat, topic=topic)
    add_chat(store, -1005004, "Xiaomi", type="supergroup")  # no topic: the chat itself
    await emulator.inject(
        {
            "method": "sendMessage",
            "chat_id": -1005002,
            "status": 400,
            "description": "Bad Request: message thread not found",
        },
        {
            "method": "sendMessage",
            "chat_id": -1005003,
            "status": 400,
            "description": "Bad Request: TOPIC_CLOSED",
        },
    )
    add_article(store, {"Xiaomi": 0.8}, n=1)
    await run_sender(emulator, store, until=4)
    log = await emulator.log(method="sendMessage")
    sent = {e["chat_id"]: e.get("thread") for e in log if e["outcome"] == "ok"}
    assert sent == {-1005001: 11, -1005002: None, -1005003: None, -1005004: None}
    assert store.outbox.counts() == {"sent": 4}
    # A deleted topic is forgotten; a closed one is kept (it may reopen).
    assert store.chats.settings(-1005002).topic is None
    assert store.chats.settings(-1005003).topic == 13
    assert store.chats.settings(-1005001).topic == 11


async def test_each_company_alerts_in_the_topic_it_was_followed_in(emulator, store) -> None:
    group = -1005010
    add_chat(store, group, "Xiaomi", "Tesla", "Sony", type="supergroup")
    store.chats.update_settings(group, topic=30)  # the group's choice for Sony
    ids = {name: cid for cid, name in store.subscriptions.for_chat(group)}
    store.subscriptions.set_topic(group, [ids["Xiaomi"]], 10)
    store.subscriptions.set_topic(group, [ids["Tesla"]], 20)
    await emulator.inject(
        {
            "method": "sendMessage",
            "chat_id": group,
            "status": 400,
            "description": "Bad Request: message thread not found",
            "times": 1,
        }
    )
    add_article(store, {"Xiaomi": 0.8}, n=1)  # the injected error: topic 10 was deleted
    add_article(store, {"Tesla": 0.8}, n=2)
    add_article(store, {"Sony": 0.8}, n=3)
    await run_sender(emulator, store, until=3)
    log = await emulator.log(method="sendMessage")
    sent = sorted((e.get("thread") or 0) for e in log if e["outcome"] == "ok")
    assert sent == [0, 20, 30]  # Xiaomi's went to General once its topic was gone
    assert store.subscriptions.topics(group) == {ids["Tesla"]: 20}
    assert store.chats.settings(group).topic == 30
    assert store.outbox.counts() == {"sent": 3}


async def test_a_group_that_may_not_be_written_to_for_a_while_is_not_given_up(
    emulator, store
) -> None:
    # "not enough rights": a group's admins stopped members writing (a change of default
    # permissions sends the bot no update), or a Bot API hiccup said so of channels where
    # the bot was admin (October 2023). The alert fails; the chat keeps its alerts, and
    # they arrive again once it may be written to. Before, the chat was given up for good.
    add_chat(store, -7401, "Xiaomi", type="group")
    rights = "Bad Request: not enough rights to send text messages to the chat"
    await emulator.inject(
        {"method": "sendMessage", "chat_id": -7401, "status": 400, "description": rights}
    )
    add_article(store, {"Xiaomi": 0.8}, n=1)
    await run_sender(emulator, store, until=1)
    chat = store.chats.get(-7401)
    assert chat is not None and chat.active
    add_article(store, {"Xiaomi": 0.8}, n=2)  # the admins let members write again
    await run_sender(emulator, store, until=2)
    log = await emulator.log(method="sendMessage", chat_id=-7401)
    assert [e["outcome"] for e in log] == ["fault", "ok"]
    rows = store.outbox.rows(chat_id=-7401)
    assert [r["status"] for r in rows] == ["failed", "sent"]
    assert "not enough rights" in rows[0]["error"].lower()
