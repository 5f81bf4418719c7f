"""Groups, addressing, bad input, rate limits, a busy database and Telegram failures."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import pytest

from summarizer.article import Article
from summarizer.companies.matcher import CompanyMention

Bot = Any
GROUP = -100123
ADMIN, MEMBER = 21, 22


async def test_group_subscriptions_belong_to_the_chat_and_need_an_admin(bot: Bot) -> None:
    bot.request.admins.add((GROUP, ADMIN))
    refused = await bot.send("/subscribe Xiaomi", chat=GROUP, user=MEMBER, chat_type="supergroup")
    assert refused == ["Only admins of this group can change its subscriptions and settings."]
    assert bot.store.subscriptions.count(GROUP) == 0
    done = (await bot.send("/subscribe Xiaomi", chat=GROUP, user=ADMIN, chat_type="supergroup"))[0]
    assert "Subscribed to <b>Xiaomi</b>" in done
    assert bot.store.subscriptions.count(GROUP) == 1
    assert bot.store.subscriptions.count(ADMIN) == 0
    # Anyone may read; only admins may change, buttons included.
    listing = (await bot.send("/list", chat=GROUP, user=MEMBER, chat_type="supergroup"))[0]
    assert "Xiaomi" in listing
    company_id = bot.store.companies.id_for("Xiaomi")
    await bot.press(f"u:{company_id}", chat=GROUP, user=MEMBER, chat_type="supergroup")
    answer = bot.last("answerCallbackQuery")
    assert answer["show_alert"] and "Only admins" in answer["text"]
    assert bot.store.subscriptions.count(GROUP) == 1
    await bot.send("/stop", chat=GROUP, user=MEMBER, chat_type="supergroup")
    assert bot.store.subscriptions.count(GROUP) == 1


async def test_commands_addressed_to_this_bot_work_and_others_are_ignored(bot: Bot) -> None:
    reply = await bot.send("/subscribe@newsbot_test_bot Xiaomi")
    assert "Subscribed" in reply[0]
    assert await bot.send("/subscribe@other_bot Tesla") == []
    assert await bot.send("/frobnicate@other_bot", chat=GROUP, chat_type="group") == []
    assert await bot.send("/frobnicate", chat=GROUP, chat_type="group") == []
    unknown = await bot.send("/frobnicate@newsbot_test_bot", chat=GROUP, chat_type="group")
    assert "don't know the command /frobnicate" in unknown[0]
    assert bot.store.subscriptions.count(11) == 1


async def test_unknown_command_in_private_gets_a_short_answer(bot: Bot) -> None:
    reply = await bot.send("/frobnicate now")
    assert reply == ["I don't know the command /frobnicate. /help lists what I can do."]
    # A typo of a real command is named; HTML in it stays text.
    reply = await bot.send("/Subscrbe Xiaomi")
    assert reply == [
        "I don't know the command /Subscrbe. Did you mean /subscribe? /help lists what I can do."
    ]
    assert "Did you mean /settings?" in (await bot.send("/setings"))[0]
    assert "&lt;b&gt;" in (await bot.send("/<b>news</b>"))[0]
    # A setting typed as a command: the /settings line that does it, to copy.
    mute = (await bot.send("/mute football,  <b>rumour</b>"))[0]
    assert "Did you mean <code>/settings mute football, &lt;b&gt;rumour&lt;/b&gt;</code>?" in mute
    assert "<code>/settings mode digest</code>" in (await bot.send("/digest"))[0]
    # Words on lines of their own stay apart (joined by spaces they made one phrase).
    lines = (await bot.send("/mute football\ntransfer rumour\n\n"))[0]
    assert "<code>/settings mute football, transfer rumour</code>" in lines
    assert "<code>/settings tz Europe/Berlin</code>" in (await bot.send("/tz Europe/Berlin"))[0]
    assert bot.store.chats.settings(11).mute == ()  # only suggested, nothing saved


async def test_edited_commands_are_not_run_again(bot: Bot) -> None:
    # In a private chat the edit is answered with the command to send again, not run.
    reply = await bot.send("/subscribe  Xiaomi, <b>Tesla</b>", edited=True)
    assert reply == [
        "I act on new messages, not on edits. To run the corrected command, send it again: "
        "<code>/subscribe Xiaomi, &lt;b&gt;Tesla&lt;/b&gt;</code>"
    ]
    assert bot.store.subscriptions.count(11) == 0
    # In a group an edit stays silent: the chat is shared, and the command may be another bot's.
    group = await bot.send("/subscribe Xiaomi", edited=True, chat=-100, chat_type="group")
    assert group == [] and bot.store.subscriptions.count(-100) == 0


async def test_edits_of_commands_count_against_the_rate_limit(make_harness: Any) -> None:
    bot = await make_harness(command_limit=2, command_window=600.0)
    replies = [await bot.send("/news Xiaomi", edited=True) for _ in range(5)]
    assert [len(r) for r in replies[:2]] == [1, 1]
    assert "Too many commands" in replies[2][0]
    assert replies[3:] == [[], []]


BAD_ARGUMENTS = [
    "<b>bold</b>",
    "<script>alert(1)</script>",
    "a & b < c > d",
    "&lt;&amp;",
    "*_`[x](y)`_*",
    "Xia\x00omi\x1b[31m",
    "\u202eimoaiX",
    "x" * 10_000,
    "   ",
    "‮",
    "Tesla\n\nApple",
]


@pytest.mark.parametrize(
    "command", ["subscribe", "unsubscribe", "news", "summary", "search", "settings"]
)
async def test_bad_arguments_get_short_escaped_answers(
    bot: Bot, html_problems: Any, command: str
) -> None:
    for argument in BAD_ARGUMENTS:
        replies = await bot.send(f"/{command} {argument}")
        assert replies, f"every command gets an answer: /{command} {argument[:30]!r}"
        for text in replies:
            assert html_problems(text) == []
            assert "<script>" not in text and "<b>bold</b>" not in text
            assert "something went wrong" not in text
            assert len(text) < 1500  # short, even for a 10,000-character argument
        if len(argument) == 10_000:
            assert "too long" in replies[0]
        if command == "subscribe" and "<b>" in argument:
            assert "&lt;b&gt;bold&lt;/b&gt;" in replies[0]


async def test_command_rate_limit_per_chat(make_harness: Any) -> None:
    bot = await make_harness(command_limit=3, command_window=60.0)
    for _ in range(3):
        assert await bot.send("/help")
    warned = await bot.send("/help")
    assert len(warned) == 1 and "Too many commands" in warned[0]
    assert await bot.send("/help") == []  # silent while the wait lasts: no flood of warnings
    assert await bot.send("/help", chat=99, user=99)  # another chat is unaffected


async def test_busy_database_gets_a_clear_answer(make_harness: Any) -> None:
    bot = await make_harness(store_kwargs={"busy_timeout_ms": 100, "retries": 0})
    blocker = sqlite3.connect(bot.store.path, timeout=0.1, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        reply = await bot.send("/subscribe Xiaomi")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert len(reply) == 1 and "busy" in reply[0] and "try again" in reply[0]
    assert "Subscribed" in (await bot.send("/subscribe Xiaomi"))[0]


async def test_telegram_failure_is_logged_without_the_token(
    make_harness: Any, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await make_harness(token="123456:SECRET-TOKEN-VALUE")
    from bot.config import RedactToken

    caplog.handler.addFilter(RedactToken("123456:SECRET-TOKEN-VALUE"))
    bot.request.fail_next["sendMessage"] = 1
    with caplog.at_level(logging.INFO):
        replies = await bot.send("/help")
    assert replies[-1].startswith("Sorry, something went wrong")
    assert "Telegram request failed" in caplog.text
    assert "SECRET-TOKEN-VALUE" not in caplog.text
    assert "SECRET" not in repr(bot.app.bot_data.config)


async def test_stale_or_forged_buttons_are_answered(bot: Bot) -> None:
    for data in ("zzz", "u:notanumber", "s:len:999", "u:999999", "m:999999"):
        await bot.press(data)
        answer = bot.last("answerCallbackQuery")
        assert answer.get("text"), data
    assert bot.store.subscriptions.count(11) == 0


async def test_forged_buttons_never_show_or_follow_another_chats_custom_name(bot: Bot) -> None:
    # Ids are sequential: a stranger pressing m:ID, m:ID+1, ... would list private names.
    await bot.send("/subscribe Zorbixa Quantumworks", chat=501, user=501)
    company_id = bot.store.companies.id_for("Zorbixa Quantumworks")
    for data in (f"m:{company_id}", f"f:{company_id}"):
        replies = await bot.press(data, chat=502, user=502)
        answer = bot.last("answerCallbackQuery").get("text", "")
        assert "Zorbixa" not in answer + "".join(replies), data
        assert "no longer known" in answer + "".join(replies), data
    assert bot.store.subscriptions.count(502) == 0
    replies = await bot.press(f"m:{company_id}", chat=501, user=501)  # its own chat still can
    assert "Zorbixa" in "".join(replies)


async def test_a_stopped_chats_made_up_name_is_not_found_in_the_news_afterwards(bot: Bot) -> None:
    # /stop deletes a made-up name nobody else follows; the operator's next article naming
    # it must not bring it back as a name "from the news", which every chat would see.
    await bot.send("/subscribe Zorbixa Quantumworks", chat=501, user=501)
    await bot.send("/stop", chat=501, user=501)
    assert bot.store.companies.id_for("Zorbixa Quantumworks") is None
    story = Article(
        "Zorbixa Quantumworks opens a lab", ("Zorbixa Quantumworks opened a lab in Oslo.",)
    )
    stored = bot.app.bot_data.core.ingestor.ingest_article(story)  # the operator's news
    assert stored.new and stored.companies == ()
    assert bot.store.companies.offered_to(502, ["Zorbixa Quantumworks"]) == []


async def test_an_ingest_started_before_the_stop_does_not_bring_the_name_back(bot: Bot) -> None:
    # `newsbot ingest` in another process built its matcher while the chat still had the
    # name. Before, its next article naming it stored the deleted name again, as a name
    # from the operator's news: offered to, and in /news of, every chat.
    from bot.ingest.ingestor import Ingestor
    from bot.services.registry import CompanyRegistry
    from storage import open_store

    await bot.send("/subscribe Zorbixa Quantumworks", chat=501, user=501)
    story = Article(
        "Zorbixa Quantumworks opens a lab", ("Zorbixa Quantumworks opened a lab in Oslo.",)
    )
    other = open_store(bot.store.db.path)
    with other, Ingestor(store=other, companies=CompanyRegistry(other)) as ingest:
        await bot.send("/stop", chat=501, user=501)
        assert ingest.ingest_article(story).companies == ()
    assert bot.store.companies.id_for("Zorbixa Quantumworks") is None
    assert bot.store.companies.offered_to(502, ["Zorbixa Quantumworks"]) == []


async def test_group_settings_are_read_by_all_and_changed_by_admins(bot: Bot) -> None:
    bot.request.admins.add((GROUP, ADMIN))
    shown = (await bot.send("/settings", chat=GROUP, user=MEMBER, chat_type="group"))[0]
    assert "Settings for this chat" in shown
    await bot.press("s:len:7", chat=GROUP, user=MEMBER, chat_type="group")
    assert "Only admins" in bot.last("answerCallbackQuery")["text"]
    assert bot.store.chats.settings(GROUP).summary_sentences == 3
    await bot.press("s:len:7", chat=GROUP, user=ADMIN, chat_type="group")
    assert bot.store.chats.settings(GROUP).summary_sentences == 7


async def test_removed_from_a_group_and_group_upgrades(bot: Bot) -> None:
    from telegram import Update

    bot.request.admins.add((GROUP, ADMIN))
    await bot.send("/subscribe Xiaomi", chat=GROUP, user=ADMIN, chat_type="group")
    member = {"user": {"id": 4242, "is_bot": True, "first_name": "News"}, "status": "member"}
    left = {**member, "status": "left"}
    change = {
        "chat": {"id": GROUP, "type": "group", "title": "G"},
        "from": {"id": ADMIN, "is_bot": False, "first_name": "A"},
        "date": 0,
        "old_chat_member": member,
        "new_chat_member": left,
    }
    story = Article("Xiaomi builds a plant", ("Xiaomi said it would build a plant.",))
    article_id, _ = bot.store.articles.add(
        story, companies=[CompanyMention("Xiaomi", 0.9, True, 2)]
    )
    assert bot.store.outbox.enqueue_for_article(article_id) >= 1
    await bot.app.process_update(
        Update.de_json({"update_id": 500, "my_chat_member": change}, bot.app.bot)
    )
    chat = bot.store.chats.get(GROUP)
    assert chat is not None and not chat.active
    # Its queued alert is dropped, not sent into a chat the bot has left (403 each).
    assert [r["status"] for r in bot.store.outbox.rows(chat_id=GROUP)] == ["dropped"]
    new_id = -1009999
    migrate = {
        "message_id": 3,
        "date": 0,
        "chat": {"id": GROUP, "type": "group", "title": "G"},
        "from": {"id": ADMIN, "is_bot": False, "first_name": "A"},
        "migrate_to_chat_id": new_id,
    }
    await bot.app.process_update(
        Update.de_json({"update_id": 501, "message": migrate}, bot.app.bot)
    )
    assert [n for _, n in bot.store.subscriptions.for_chat(new_id)] == ["Xiaomi"]
    assert bot.store.subscriptions.count(GROUP) == 0


async def test_more_news_button_from_an_alert(bot: Bot) -> None:
    company_id = bot.store.companies.id_for("Xiaomi")
    replies = await bot.press(f"m:{company_id}")
    assert "Xiaomi" in replies[0] and "/summary 1" in replies[0]
    assert "text" not in bot.last("answerCallbackQuery")  # a silent acknowledgement


async def test_anonymous_admins_and_forum_topics(bot: Bot) -> None:
    anonymous = {
        "sender_chat": {"id": GROUP, "type": "supergroup", "title": "G"},
        "message_thread_id": 77,
        "is_topic_message": True,
    }
    reply = await bot.send(
        "/subscribe Xiaomi", chat=GROUP, user=1087968824, chat_type="supergroup", **anonymous
    )
    assert "Subscribed to <b>Xiaomi</b>" in reply[0]
    assert bot.last("sendMessage")["message_thread_id"] == 77  # answered in the topic
    assert not bot.request.of("getChatMember")  # no lookup needed for the group itself


async def test_a_busy_forum_that_never_used_a_command_takes_no_write_per_message(
    bot: Bot,
) -> None:
    created = {"forum_topic_created": {"name": "Deals", "icon_color": 1}}
    in_topic = {
        "message_thread_id": 91,
        "is_topic_message": True,
        "reply_to_message": {
            "message_id": 91,
            "date": 0,
            "chat": {"id": -100991, "type": "supergroup", "title": "Forum"},
            **created,
        },
    }
    statements: list[str] = []
    bot.store.db.conn.set_trace_callback(statements.append)
    for n in range(20):
        await bot.send(f"chatter {n}", chat=-100991, chat_type="supergroup", **in_topic)
    bot.store.db.conn.set_trace_callback(None)
    assert sum("BEGIN" in s for s in statements) == 0
    assert bot.store.chats.topic_names(-100991) == {}
    # Once the chat uses a command, the topic's name is learnt from its next message.
    admin = {"sender_chat": {"id": -100991, "type": "supergroup", "title": "Forum"}}
    await bot.send(
        "/subscribe Xiaomi",
        chat=-100991,
        user=1087968824,
        chat_type="supergroup",
        **in_topic,
        **admin,
    )
    assert bot.store.chats.topic_names(-100991) == {91: "Deals"}


async def test_a_channel_follows_companies_from_its_own_posts(bot: Bot) -> None:
    # Only a channel's admins can post in it: a post is the channel speaking.
    post = _channel_post(-100777, "/subscribe Xiaomi")
    replies = await bot._feed({"channel_post": post})
    assert "Subscribed to <b>Xiaomi</b>" in replies[0]
    assert bot.last("sendMessage")["chat_id"] == -100777
    assert [name for _, name in bot.store.subscriptions.for_chat(-100777)] == ["Xiaomi"]
    edited = {**post, "text": "/unsubscribe Xiaomi", "edit_date": 1}
    assert await bot._feed({"edited_channel_post": edited}) == []  # not a new request


async def test_in_a_channel_only_admins_press_buttons(bot: Bot) -> None:
    # A press comes on the bot's own post, which is the channel's: the presser is asked
    # about, and a subscriber who is no admin changes nothing and posts nothing.
    post = _channel_post(-100778, "/subscribe Xiaomi")
    channel = post["chat"]
    await bot._feed({"channel_post": post})
    company_id = bot.store.companies.id_for("Xiaomi")
    for data in (f"u:{company_id}", f"m:{company_id}"):
        sent = len(bot.request.of("sendMessage"))
        await bot.press(data, chat=-100778, user=999, chat_type="channel", sender_chat=channel)
        assert "Only admins" in bot.last("answerCallbackQuery")["text"], data
        assert len(bot.request.of("sendMessage")) == sent, data
    assert [name for _, name in bot.store.subscriptions.for_chat(-100778)] == ["Xiaomi"]
    bot.request.admins.add((-100778, 998))
    await bot.press(
        f"u:{company_id}", chat=-100778, user=998, chat_type="channel", sender_chat=channel
    )
    assert bot.store.subscriptions.for_chat(-100778) == []


def _channel_post(channel_id: int, text: str) -> dict[str, Any]:
    """A command posted in a channel: sent on behalf of the channel itself."""
    channel = {"id": channel_id, "type": "channel", "title": "Chan"}
    command = len(text.split()[0])
    return {
        "message_id": 5,
        "date": 0,
        "chat": channel,
        "sender_chat": channel,
        "text": text,
        "entities": [{"type": "bot_command", "offset": 0, "length": command}],
    }
