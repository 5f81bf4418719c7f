"""The Bot API adapter: PTB 22 works through it, and faults look like Telegram's."""

from __future__ import annotations

import asyncio
import html
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import emulator_harness
import httpx
import pytest
from adapter_html import EntityError, check_message_text, parse_html
from hypothesis import given
from hypothesis import strategies as st
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.alerts.options import retry_seconds  # also opts in to PTB's timedelta periods

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


@pytest.fixture
async def bot(emulator: Any) -> AsyncIterator[Bot]:
    async with Bot(emulator.token, base_url=emulator.base_url) as ptb_bot:
        yield ptb_bot


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(d, callback_data=d) for d in data]])


async def test_get_me_is_a_bot_user(bot: Bot) -> None:
    me = await bot.get_me()
    assert me.is_bot and me.username == "TestNameBot"
    assert bot.username == "TestNameBot"


async def test_send_message_has_seconds_date_and_real_chat(
    bot: Bot, emulator: Any, emulator_processes: Any
) -> None:
    before = time.time()
    sent = await bot.send_message(-42, "<b>Xiaomi</b> &lt;3", parse_mode="HTML")
    assert before - 2 <= sent.date.timestamp() <= time.time() + 2
    assert sent.chat.type == "group" and sent.text == "Xiaomi <3"
    # Forwarded: the node emulator stored it under this token.
    async with httpx.AsyncClient() as http:
        url = f"http://127.0.0.1:{emulator_processes.node_port}/getUpdatesHistory"
        history = (await http.post(url, json={"token": emulator.token})).json()["result"]
    assert [h["message"]["text"] for h in history] == ["<b>Xiaomi</b> &lt;3"]


async def test_edits_return_the_message_and_refuse_no_op(bot: Bot) -> None:
    sent = await bot.send_message(7, "one", reply_markup=keyboard("u:1", "u:2"))
    edited = await bot.edit_message_text(
        "two", chat_id=7, message_id=sent.message_id, reply_markup=keyboard("u:2")
    )
    assert edited.text == "two" and edited.reply_markup == keyboard("u:2")
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text(
            "two", chat_id=7, message_id=sent.message_id, reply_markup=keyboard("u:2")
        )
    bare = await bot.edit_message_reply_markup(chat_id=7, message_id=sent.message_id)
    assert bare.reply_markup is None and bare.text == "two"
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=7, message_id=999_999)


async def test_long_poll_waits_for_a_user_message(bot: Bot, emulator: Any) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert time.monotonic() - started >= 0.9

    async def later() -> None:
        await asyncio.sleep(0.3)
        await emulator.user(5).send("/start@TestNameBot hello")

    task = asyncio.create_task(later())
    started = time.monotonic()
    updates = await bot.get_updates(timeout=10)
    await task
    assert time.monotonic() - started < 5
    message = updates[0].message
    assert message.text == "/start@TestNameBot hello"
    assert message.entities[0].type == "bot_command" and message.entities[0].length == 18
    assert message.chat.id == 5 and message.from_user.id == 5


async def test_a_second_poller_ends_the_first_with_409(emulator: Any) -> None:
    url = f"{emulator.base_url}{emulator.token}/getUpdates"
    async with httpx.AsyncClient(timeout=10) as http:
        first = asyncio.create_task(http.post(url, data={"timeout": "5"}))
        await asyncio.sleep(0.2)
        second = asyncio.create_task(http.post(url, data={"timeout": "1"}))
        older = await first
        assert older.status_code == 409 and "Conflict" in older.json()["description"]
        assert (await second).json() == {"ok": True, "result": []}


async def test_unconfirmed_updates_are_redelivered(bot: Bot, emulator: Any) -> None:
    await emulator.user(5).send("plain text, no entities")
    first = await bot.get_updates(timeout=2)
    again = await bot.get_updates(timeout=0)
    assert [u.update_id for u in again] == [u.update_id for u in first]
    assert await bot.get_updates(offset=first[-1].update_id + 1, timeout=0) == ()


async def test_injected_updates_keep_order_with_emulator_ones(bot: Bot, emulator: Any) -> None:
    user = emulator.user(8)
    await user.send("first")
    await user.block_bot()
    await user.send("third")
    updates = await bot.get_updates(timeout=2)
    assert [u.update_id for u in updates] == [1, 2, 3]
    assert updates[0].message.text == "first" and updates[2].message.text == "third"
    assert updates[1].my_chat_member.new_chat_member.status == "kicked"
    assert await bot.delete_webhook(drop_pending_updates=True)
    await user.send("after the drop")
    (left,) = await bot.get_updates(offset=2, timeout=2)
    assert left.message.text == "after the drop" and left.update_id == 4


async def test_blocked_and_migrated_chats_are_refused(bot: Bot, emulator: Any) -> None:
    private, group = emulator.user(12), emulator.user(-12, user_id=13)
    await private.block_bot()
    await group.migrate_to(-10012)
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(12, "alert")
    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(-12, "alert")
    assert migrated.value.new_chat_id == -10012
    assert (await bot.send_message(-10012, "alert")).chat.type == "supergroup"
    await private.send("/start")  # only possible after unblocking
    assert (await bot.send_message(12, "welcome back")).text == "welcome back"
    outcomes = [e["outcome"] for e in await emulator.log(method="sendMessage")]
    assert outcomes == ["error", "error", "ok", "ok"]


async def test_callback_query_round_trip(bot: Bot, emulator: Any) -> None:
    user = emulator.user(9)
    await bot.send_message(9, "pick", reply_markup=keyboard("u:1"))
    shown = await user.reply()
    await user.press(shown, "u:1")
    (update,) = await bot.get_updates(timeout=5)
    query = update.callback_query
    assert (
        query.data == "u:1"
        and query.chat_instance
        and query.message.message_id == shown["message_id"]
    )
    assert await query.answer("Unsubscribed")
    answer = await user.next("answer")
    assert answer["text"] == "Unsubscribed"
    with pytest.raises(AssertionError, match="no such button"):
        await user.press(shown, "u:404")


async def test_methods_the_emulator_lacks(bot: Bot, emulator: Any) -> None:
    assert await bot.set_my_commands([("start", "Start"), ("news", "News")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "news"]
    assert await bot.send_chat_action(5, "typing")
    await emulator.set_admins(-100, [11])
    assert (await bot.get_chat_member(-100, 11)).status == "creator"
    assert (await bot.get_chat_member(-100, 12)).status == "member"
    assert (await bot.get_chat(-100123)).type == "supergroup"
    async with httpx.AsyncClient() as http:
        answer = await http.post(f"{emulator.base_url}{emulator.token}/sendDice", data={})
    assert answer.status_code == 404 and answer.json()["error_code"] == 404


async def test_telegram_refusals(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)unsupported start tag"):
        await bot.send_message(5, "Hi <Acme & Co>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(5, "x" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(5, "x", reply_markup=keyboard("u:" + "9" * 63))
    assert (await bot.send_message(5, html.escape("Hi <Acme & Co>"), parse_mode="HTML")).text


async def test_injected_status_faults(bot: Bot, emulator: Any) -> None:
    await emulator.inject(
        {"method": "sendMessage", "status": 429, "retry_after": 3},
        {"status": 403},
        {
            "status": 400,
            "description": "Bad Request: group chat was upgraded to a supergroup chat",
            "migrate_to_chat_id": -1001234,
        },
        {"status": 500},
        {"status": 502},
    )
    with pytest.raises(RetryAfter) as too_many:
        await bot.send_message(5, "a")
    assert retry_seconds(too_many.value) == 3
    with pytest.raises(Forbidden, match="blocked"):
        await bot.send_message(5, "b")
    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(-5, "c")
    assert migrated.value.new_chat_id == -1001234
    for _ in range(2):
        with pytest.raises(NetworkError):
            await bot.send_message(5, "d")
    assert (await bot.send_message(5, "e")).text == "e"
    outcomes = [e["outcome"] for e in await emulator.log(method="sendMessage")]
    assert outcomes == ["fault"] * 5 + ["ok"]


async def test_dropped_connections_and_delay(bot: Bot, emulator: Any) -> None:
    user = emulator.user(5)
    await emulator.inject({"drop": "before"}, {"drop": "after"}, {"delay_ms": 300})
    with pytest.raises(NetworkError):
        await bot.send_message(5, "lost")
    with pytest.raises(NetworkError):
        await bot.send_message(5, "delivered, answer lost")
    started = time.monotonic()
    await bot.send_message(5, "slow")
    assert time.monotonic() - started >= 0.3
    texts = [e["text"] for e in await user.quiet(0)]
    assert texts == ["delivered, answer lost", "slow"]


async def test_fault_matching_by_chat_skip_and_times(bot: Bot, emulator: Any) -> None:
    await emulator.inject({"chat_id": 2, "status": 403, "skip": 1, "times": 2})
    await bot.send_message(1, "other chat")
    await bot.send_message(2, "skipped once")
    for _ in range(2):
        with pytest.raises(Forbidden):
            await bot.send_message(2, "blocked")
    await bot.send_message(2, "fault used up")
    assert await emulator.pending_faults() == []
    log = await emulator.log(chat_id=2)
    assert [e["outcome"] for e in log] == ["ok", "fault", "fault", "ok"]


async def test_rate_limits_answer_429(bot: Bot, emulator: Any) -> None:
    await emulator.configure(
        rate_limits={"per_chat_per_s": 1, "global_per_s": 5, "group_per_min": 2}
    )
    await bot.send_message(1, "first")
    with pytest.raises(RetryAfter):
        await bot.send_message(1, "too soon")
    await bot.send_message(-1, "g1")
    await asyncio.sleep(1.05)
    await bot.send_message(-1, "g2")
    await asyncio.sleep(1.05)
    with pytest.raises(RetryAfter) as group:
        await bot.send_message(-1, "g3: over 2/min")
    assert retry_seconds(group.value) >= 55
    for chat in range(10, 15):
        await bot.send_message(chat, "burst")
    with pytest.raises(RetryAfter):
        await bot.send_message(99, "over global 5/s")
    assert len(await emulator.log(outcome="rate_limited")) == 3


async def test_rate_limit_holds_under_concurrent_sends(emulator: Any) -> None:
    await emulator.configure(rate_limits=True)
    url = f"{emulator.base_url}{emulator.token}/sendMessage"
    async with httpx.AsyncClient() as http:
        answers = await asyncio.gather(
            *(http.post(url, data={"chat_id": "77", "text": f"m{n}"}) for n in range(10))
        )
    assert sorted(a.status_code for a in answers) == [200] + [429] * 9
    assert all(a.json()["parameters"]["retry_after"] >= 1 for a in answers if a.status_code == 429)


async def test_log_is_monotonic_and_filterable(bot: Bot, emulator: Any) -> None:
    before = time.monotonic()
    await bot.send_message(3, "x")
    await bot.send_chat_action(3, "typing")
    after = time.monotonic()
    entries = await emulator.log(method="sendMessage,sendChatAction", chat_id=3)
    assert [e["method"] for e in entries] == ["sendMessage", "sendChatAction"]
    assert all(before <= e["t"] <= after for e in entries)
    assert entries[0]["message_id"] and entries[0]["text"] == "x"
    assert await emulator.log(since=entries[-1]["seq"] + 1, method="sendMessage") == []


async def test_local_send_mode_skips_the_emulator(bot: Bot, emulator: Any) -> None:
    await emulator.configure(forward_sends=False)
    sent = await bot.send_message(4, "local")
    assert sent.message_id >= 10_000_000
    edited = await bot.edit_message_text("edited", chat_id=4, message_id=sent.message_id)
    assert edited.text == "edited"


@given(st.text(max_size=200))
def test_escaped_text_parses_back(text: str) -> None:
    assert parse_html(html.escape(text)).text == text


@given(st.text(alphabet="<>&ab /", min_size=1, max_size=30))
def test_raw_angle_or_ampersand_is_refused(text: str) -> None:
    if "<" in text or "&" in text:
        try:
            parsed = parse_html(text)
        except EntityError:
            return
        # Only well-formed allowed tags can get through.
        assert "<" not in parsed.text
    else:
        assert parse_html(text).text == text


def test_visible_length_counts_utf16() -> None:
    assert check_message_text("😀" * 2048, None)
    with pytest.raises(EntityError, match="too long"):
        check_message_text("😀" * 2049, None)
    with pytest.raises(EntityError, match="empty"):
        check_message_text("<b> </b>", "HTML")


def test_missing_emulator_skips_locally_and_fails_in_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(emulator_harness, "NODE_PACKAGE", tmp_path / "absent")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="npm ci --prefix tests/emulator"):
        emulator_harness.require_emulator()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the e2e tests"):
        emulator_harness.require_emulator()
