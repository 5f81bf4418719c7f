"""The real bot over real HTTP: users talk to it through the Bot API emulator."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from adapter_html import parse_html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SORRY = "Sorry, something went wrong"
NewsbotApp = Callable[..., Awaitable[tuple[Any, Any]]]


def seen_text(event: dict[str, Any]) -> str:
    """What the user reads: the HTML parsed the way Telegram parses it."""
    assert event["parse_mode"] == "HTML"
    return parse_html(event["text"]).text


async def assert_all_sends_ok(emulator: Any) -> None:
    """Telegram accepted every message the bot sent (no HTML, length or button errors)."""
    sends = await emulator.log(method="sendMessage,editMessageText,answerCallbackQuery")
    bad = [(e["text"], e.get("description")) for e in sends if e["outcome"] != "ok"]
    assert sends and not bad, bad


async def test_start_help_and_menu(newsbot_app: NewsbotApp, emulator: Any) -> None:
    await newsbot_app()
    user = emulator.user(501, first_name="Ann <script>")
    welcome = seen_text(await user.ask("/start"))
    assert welcome.startswith("Hello, Ann <script>!") and "/subscribe Apple" in welcome
    assert "/news" in seen_text(await user.ask("/help"))
    (menu,) = await emulator.log(method="setMyCommands")
    assert menu["outcome"] == "ok"
    await assert_all_sends_ok(emulator)


async def test_subscribe_list_and_unsubscribe_button(
    newsbot_app: NewsbotApp, emulator: Any
) -> None:
    await newsbot_app()
    user = emulator.user(502)
    assert "Subscribed to Xiaomi" in seen_text(await user.ask("/subscribe Xiaomi"))
    listing = await user.ask("/list")
    assert "Xiaomi" in seen_text(listing)
    await user.press(listing, "✖ Unsubscribe Xiaomi")
    answer = await user.next("answer")
    assert "Unsubscribed from Xiaomi" in answer["text"]
    edit = await user.next("edit")
    assert edit["message_id"] == listing["message_id"]
    assert "follows no companies" in seen_text(edit) and edit["reply_markup"] is None
    assert "follows no companies" in seen_text(await user.ask("/list"))
    await assert_all_sends_ok(emulator)


async def test_news_from_the_seed_article(newsbot_app: NewsbotApp, emulator: Any) -> None:
    await newsbot_app()
    user = emulator.user(503)
    reply = await user.ask("/news Xiaomi")
    text = seen_text(reply)
    assert "Xiaomi" in text and "the latest article" in text
    assert len(text) <= 4096
    assert await user.quiet(0.2) == []  # one message, no apology after it
    await assert_all_sends_ok(emulator)


async def test_html_in_names_is_escaped(newsbot_app: NewsbotApp, emulator: Any) -> None:
    await newsbot_app()
    user = emulator.user(504)
    name = "<b>Evil</b> & Co"
    reply = await user.ask(f"/subscribe {name}")
    assert name in seen_text(reply)
    news = await user.ask("/news <i>Nobody</i> &amp;")
    assert "<i>Nobody</i> &amp;" in seen_text(news)
    await assert_all_sends_ok(emulator)


async def test_group_admin_rule(newsbot_app: NewsbotApp, emulator: Any) -> None:
    await newsbot_app()
    member = emulator.user(-700, user_id=21, title="Team <chat>")
    admin = emulator.user(-700, user_id=22, title="Team <chat>")
    await emulator.set_admins(-700, [22])
    refused = seen_text(await member.ask("/subscribe@TestNameBot Xiaomi"))
    assert "Only admins" in refused
    assert "Subscribed to Xiaomi" in seen_text(await admin.ask("/subscribe Xiaomi"))
    listing = seen_text(await member.ask("/list"))  # reading is open to everyone
    assert "Xiaomi" in listing
    checks = await emulator.log(method="getChatMember", chat_id=-700)
    assert {c["outcome"] for c in checks} == {"ok"} and len(checks) >= 2
    await assert_all_sends_ok(emulator)


async def test_commands_addressed_to_other_bots(newsbot_app: NewsbotApp, emulator: Any) -> None:
    await newsbot_app()
    private = emulator.user(505)
    assert "Hello" in seen_text(await private.ask("/start@TestNameBot"))
    await private.send("/start@SomeOtherBot")
    group = emulator.user(-701, user_id=31)
    await group.send("/frobnicate")  # may belong to another bot in the group
    assert "/frobnicate" in seen_text(await group.ask("/frobnicate@TestNameBot"))
    assert await private.quiet(0.3) == []
    assert await group.quiet(0) == []


_COMMANDS = st.sampled_from(
    [
        "/subscribe",
        "/unsubscribe",
        "/news",
        "/search",
        "/summary",
        "/settings",
        "/list",
        "/start",
        "/nonsense",
        "/subscribe@TestNameBot",
    ]
)
_ARGUMENTS = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="<>&\"'/;:,. ab\n\t\u200b😀", max_size=40),
    st.sampled_from(["Xiaomi", "xiaomi, Tesla, ,", "<b>x</b>", "&amp;", "1", "-1", "99999999"]),
    st.text(min_size=300, max_size=1200),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(command=_COMMANDS, argument=_ARGUMENTS)
async def test_fuzzed_arguments_never_crash(
    newsbot_app: NewsbotApp, emulator: Any, command: str, argument: str
) -> None:
    if not hasattr(emulator, "fuzz_started"):  # fixtures span all examples: start once
        emulator.fuzz_started = await newsbot_app(command_limit=1000)
    since = len(await emulator.log())
    user = emulator.user(10_000 + len(emulator.feeds))
    reply = await user.ask(f"{command} {argument}".strip(), timeout=20)
    replies = [reply, *(e for e in await user.quiet(0.05) if e["kind"] == "message")]
    for event in replies:
        text = seen_text(event)  # raises if the HTML is not valid for Telegram
        assert SORRY not in text and text.strip()
    calls = await emulator.log(since=since, method="sendMessage")
    assert calls and all(c["outcome"] == "ok" for c in calls), calls


async def test_blocked_bot_and_group_migration(newsbot_app: NewsbotApp, emulator: Any) -> None:
    _, store = await newsbot_app()
    private = emulator.user(506)
    assert "Subscribed" in seen_text(await private.ask("/subscribe Xiaomi"))
    group = emulator.user(-702, user_id=41, title="Old group")
    await emulator.set_admins(-702, [41])
    assert "Subscribed" in seen_text(await group.ask("/subscribe Xiaomi"))
    await private.block_bot()
    await group.migrate_to(-100702)
    supergroup = emulator.user(-100702, user_id=41)
    await emulator.set_admins(-100702, [41])
    assert await eventually(lambda: store.chats.get(-702) is None)
    assert "Xiaomi" in seen_text(await supergroup.ask("/list"))
    assert await eventually(lambda: store.chats.get(506).active is False)


async def eventually(check: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll ``check`` until true: the bot handles updates on its own schedule."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.one_of(
        st.from_regex(r"[umfas]:[0-9]{1,12}(:[0-9]{1,3})?", fullmatch=True),
        st.from_regex(r"s:[a-z]{1,10}:[\w./+-]{1,30}", fullmatch=True),
        st.text(min_size=1, max_size=40).filter(lambda d: len(d.encode()) <= 64),
    )
)
async def test_forged_button_data_never_crashes(
    newsbot_app: NewsbotApp, emulator: Any, data: str
) -> None:
    if not hasattr(emulator, "fuzz_started"):  # fixtures span all examples: start once
        emulator.fuzz_started = await newsbot_app(command_limit=1000)
    user = emulator.user(10_000 + len(emulator.feeds))
    await user.ask("/subscribe Xiaomi")
    listing = await user.ask("/list")
    await user.press(listing, data, forge=True)
    answer = await user.next("answer", timeout=20)
    assert SORRY not in (answer["text"] or "")
    for event in await user.quiet(0.05):
        if event["kind"] in ("message", "edit"):
            assert SORRY not in seen_text(event)
    await assert_all_sends_ok(emulator)


async def test_edited_commands_are_not_run_again(newsbot_app: NewsbotApp, emulator: Any) -> None:
    """An edited command in a private chat is not run; the reply has the command to send."""
    await newsbot_app()
    user = emulator.user(507)
    await user.push(
        edited_message={
            "chat": {"id": 507, "type": "private", "first_name": "Ann"},
            "from": {"id": 507, "is_bot": False, "first_name": "Ann"},
            "text": "/start",
            "edit_date": 1,
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        }
    )
    reply = await user.next("message", timeout=20)
    assert "send it again: /start" in seen_text(reply)
    assert "Hello" not in seen_text(reply)  # /start's welcome was not run
    assert "follows no companies" in seen_text(await user.ask("/list"))
    assert await user.quiet(0.1) == []
