"""Fairness and clear replies: worker pools, per-chat order, group admins and budgets, odd input."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from typing import Any

import pytest
from telegram import Update

from bot.services.news import MAX_SUMMARY_CHARS
from bot.telegram.handlers import SORRY
from bot.telegram.updates import PerChatUpdateProcessor
from bot.telegram.workers import STILL_WORKING, TOO_BUSY, BusyError, Workers
from summarizer.article import Article

GROUP, ADMIN, MEMBER = -100500, 21, 22


async def test_region_names_get_a_clear_reply(bot: Any) -> None:
    for region in ("Europe", "Etc", "America"):
        reply = (await bot.send(f"/settings tz {region}"))[0]
        assert f"“{region}” is a region, not a time zone" in reply
        assert f"/settings tz {region}/" in reply  # an example city in that region
        await bot.press(f"s:tz:{region}")
        assert "is a region" in bot.last("answerCallbackQuery")["text"]
    assert bot.store.chats.settings(11).timezone == "UTC"  # nothing was saved
    assert "Saved." in (await bot.send("/settings tz Europe/Berlin"))[0]


@pytest.mark.parametrize(
    "data",
    [
        "u:9223372036854775808",
        "a:9999999999999999999",
        "m:9223372036854775807999",
        "f:18446744073709551616",
    ],
)
async def test_forged_ids_over_int64_are_stale_buttons(bot: Any, data: str) -> None:
    await bot.press(data)
    answer = bot.last("answerCallbackQuery")
    assert answer["text"].startswith("This button no longer works")
    assert SORRY not in [p["text"] for p in bot.request.of("sendMessage")]


async def _member_update(bot: Any, user: int, old: str, new: str) -> None:
    def member(status: str) -> dict[str, Any]:
        extra = {
            "can_be_edited": False,
            "is_anonymous": False,
            "can_manage_chat": True,
            "can_delete_messages": True,
            "can_manage_video_chats": True,
            "can_restrict_members": True,
            "can_promote_members": False,
            "can_change_info": True,
            "can_invite_users": True,
            "can_post_stories": True,
            "can_edit_stories": True,
            "can_delete_stories": True,
        }
        return {
            "status": status,
            "user": {"id": user, "is_bot": False, "first_name": "U"},
            **(extra if status == "administrator" else {}),
        }

    payload = {
        "chat": {"id": GROUP, "type": "supergroup", "title": "G"},
        "from": {"id": 1, "is_bot": False, "first_name": "Owner"},
        "date": int(time.time()),
        "old_chat_member": member(old),
        "new_chat_member": member(new),
    }
    await bot._feed({"chat_member": payload})


async def test_a_demoted_admin_loses_rights_when_the_update_arrives(bot: Any) -> None:
    bot.request.admins.add((GROUP, ADMIN))
    saved = await bot.send("/settings length 5", chat=GROUP, user=ADMIN, chat_type="supergroup")
    assert "Saved." in saved[0]
    bot.request.admins.clear()
    await _member_update(bot, ADMIN, "administrator", "member")
    lookups = len(bot.request.of("getChatMember"))
    refused = await bot.send("/settings length 3", chat=GROUP, user=ADMIN, chat_type="supergroup")
    assert refused == ["Only admins of this group can change its subscriptions and settings."]
    assert len(bot.request.of("getChatMember")) == lookups  # known from the update
    # Promoted again: allowed at once, too.
    await _member_update(bot, ADMIN, "member", "administrator")
    assert (
        "Saved."
        in (await bot.send("/settings length 3", chat=GROUP, user=ADMIN, chat_type="supergroup"))[0]
    )
    assert bot.store.chats.settings(GROUP).summary_sentences == 3


async def test_a_flooding_member_does_not_silence_the_admin(make_harness: Any) -> None:
    bot = await make_harness(command_limit=3, command_window=60.0)
    bot.request.admins.add((GROUP, ADMIN))
    for _ in range(6):
        await bot.send("/help", chat=GROUP, user=MEMBER, chat_type="supergroup")
    member_replies = [p for p in bot.request.of("sendMessage") if p["chat_id"] == GROUP]
    assert sum("Too many commands" in p["text"] for p in member_replies) == 1
    reply = await bot.send("/settings length 2", chat=GROUP, user=ADMIN, chat_type="supergroup")
    assert "Saved." in reply[0]
    # A private chat keeps one budget for the chat.
    for _ in range(3):
        await bot.send("/help")
    assert "Too many commands" in (await bot.send("/help"))[0]


async def test_a_huge_stored_article_is_summarised_from_its_beginning(bot: Any) -> None:
    paragraphs = tuple(
        f"Xiaomi opened store number {n} in the city of Testville today." for n in range(8000)
    )
    article = Article("Xiaomi opens many stores", paragraphs, url="https://example.com/huge")
    stored = bot.app.bot_data.core.ingestor.ingest_article(article)
    reply = (await bot.send(f"/summary {stored.article_id}"))[0]
    assert f"summarised from its first {MAX_SUMMARY_CHARS:,} characters" in reply
    assert "store number" in reply
    small = (await bot.send("/summary 1"))[0]
    assert "summarised from its first" not in small


def test_article_head_cuts_at_a_sentence_end() -> None:
    article = Article("T", ("One. Two. " * 10, "Three " * 50))
    cut, was_cut = article.head(45)
    assert was_cut and cut.paragraphs == ("One. Two. One. Two. One. Two. One. Two. One.",)
    same, was_cut = article.head(10_000)
    assert not was_cut and same is article


async def test_one_heavy_job_per_chat_and_a_global_cap() -> None:
    workers = Workers(heavy=1, heavy_queue=1)
    release = threading.Event()
    try:
        first = asyncio.create_task(workers.heavy(1, release.wait, 5))
        await asyncio.sleep(0.05)
        with pytest.raises(BusyError, match="still working"):
            await workers.heavy(1, lambda: None)
        queued = asyncio.create_task(workers.heavy(2, lambda: "chat 2"))
        await asyncio.sleep(0.05)
        with pytest.raises(BusyError) as err:
            await workers.heavy(3, lambda: None)
        assert str(err.value) == TOO_BUSY
        # Light reads have threads of their own.
        assert await workers.read(lambda: "read") == "read"
        release.set()
        assert await first is True and await queued == "chat 2"
        assert workers.heavy_jobs == 0
        assert await workers.heavy(1, lambda: "again") == "again"
    finally:
        release.set()
        workers.close()
    assert STILL_WORKING.startswith("I'm still working")


async def test_reads_answer_while_a_write_waits_for_the_lock(make_harness: Any) -> None:
    bot = await make_harness(store_kwargs={"busy_timeout_ms": 1500, "retries": 0})
    other = sqlite3.connect(str(bot.store.path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        writer = asyncio.create_task(bot.send("/subscribe Tesla", chat=31))
        await asyncio.sleep(0.2)
        listing = await bot.send("/list", chat=32)
        assert "not following" in listing[0].lower() or "follow" in listing[0].lower()
        assert not writer.done()  # the write is still waiting; the read did not
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (await writer)[0]  # then answered (saved, or a clear "busy" sentence)


def _update(update_id: int, chat_id: int) -> Update:
    return Update.de_json(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 0,
                "chat": {"id": chat_id, "type": "private"},
                "text": "/x",
            },
        },
        None,
    )


async def test_a_flooding_chat_takes_one_slot_not_all() -> None:
    processor = PerChatUpdateProcessor(2, max_pending_per_chat=4)
    done: list[str] = []

    async def work(name: str, seconds: float) -> None:
        await asyncio.sleep(seconds)
        done.append(name)

    flood = [
        asyncio.create_task(processor.process_update(_update(n, 1), work(f"c1-{n}", 0.05)))
        for n in range(8)
    ]
    await asyncio.sleep(0)
    other = asyncio.create_task(processor.process_update(_update(99, 2), work("c2", 0.0)))
    await asyncio.gather(other, *flood)
    assert done[0] == "c2"  # not behind chat 1's queue
    assert done[1:] == [f"c1-{n}" for n in range(5)]  # in order; the rest were dropped
    assert processor.pending == 0
