"""Forum groups: a company's alerts go to the topic it was followed in; /settings topic moves
every alert to one topic."""

from __future__ import annotations

from typing import Any

Bot = Any  # the Harness from conftest (not importable under importlib mode)

GROUP = -100555
ANONYMOUS_ADMIN = 1087968824  # Telegram's "Group" user: an admin posting as the group


async def in_topic(bot: Bot, text: str, thread: int | None, name: str | None = None) -> str:
    """``text`` sent by an (anonymous) admin in forum topic ``thread`` (None: General);
    ``name``: the topic's name, sent as Telegram does (its creation message)."""
    extra: dict[str, Any] = {"sender_chat": {"id": GROUP, "type": "supergroup", "title": "G"}}
    if thread is not None:
        extra.update(message_thread_id=thread, is_topic_message=True)
    if thread is not None and name is not None:
        extra["reply_to_message"] = {
            "message_id": thread,
            "date": 0,
            "chat": {"id": GROUP, "type": "supergroup", "title": "G"},
            "message_thread_id": thread,
            "forum_topic_created": {"name": name, "icon_color": 7322096},
        }
    replies = await bot.send(
        text, chat=GROUP, user=ANONYMOUS_ADMIN, chat_type="supergroup", **extra
    )
    return "\n".join(replies)


def own_topics(bot: Bot) -> dict[str, int]:
    """{company name: topic} of the group's companies whose alerts have their own topic."""
    names = dict(bot.store.subscriptions.for_chat(GROUP))
    return {names[c]: t for c, t in bot.store.subscriptions.topics(GROUP).items()}


async def test_a_subscription_made_in_a_topic_sends_that_companys_alerts_there(bot: Bot) -> None:
    reply = await in_topic(bot, "/subscribe Xiaomi", 77)
    assert "New articles about it arrive in this topic" in reply
    reply = await in_topic(bot, "/subscribe Tesla, Google", 88)
    assert "New articles about them arrive in this topic" in reply
    assert own_topics(bot) == {"Xiaomi": 77, "Tesla": 88, "Google": 88}
    assert bot.store.chats.settings(GROUP).topic is None  # the group's own choice is untouched
    # Following again from another topic moves the company's alerts, and says so.
    reply = await in_topic(bot, "/subscribe Xiaomi, Tesla", 88)
    assert "Already following" in reply
    assert "Articles about <b>Xiaomi</b> now arrive in this topic" in reply
    assert own_topics(bot) == {"Xiaomi": 88, "Tesla": 88, "Google": 88}
    # A company named twice in one command is new here, not also "moved" here.
    reply = await in_topic(bot, "/subscribe Nokia, nokia, Nokia Oyj", 99)
    assert "now arrive in this topic" not in reply and "Already" not in reply
    # From General nothing moves: General is where a forum's untopiced alerts go anyway.
    reply = await in_topic(bot, "/subscribe Xiaomi, Sony", None)
    assert "now arrive" not in reply and "New articles arrive here" in reply
    assert own_topics(bot) == {"Xiaomi": 88, "Tesla": 88, "Google": 88, "Nokia": 99}


async def test_settings_shows_companies_with_topics_of_their_own(bot: Bot) -> None:
    await in_topic(bot, "/subscribe Xiaomi, Tesla", 77)
    shown = await in_topic(bot, "/settings", 88)
    assert "Alerts arrive in: <b>the General topic</b>" in shown
    assert "except 2 companies followed in a topic of their own" in shown
    assert "except 2 companies" in await in_topic(bot, "/settings", None)  # also from General
    # A settings button redraws the same text.
    bot.request.admins.add((GROUP, 21))
    redrawn = await bot.press("s:len:5", chat=GROUP, user=21, chat_type="supergroup")
    assert "except 2 companies" in redrawn[-1]
    # /settings topic takes every company's alerts, also those sent to their own topic.
    assert "Saved." in await in_topic(bot, "/settings topic", 88)
    assert own_topics(bot) == {}
    shown = await in_topic(bot, "/settings", 88)
    assert "<b>this topic</b>" in shown and "except" not in shown


async def test_settings_topic_moves_alerts_and_off_sends_them_to_general(bot: Bot) -> None:
    await in_topic(bot, "/settings topic", 77)
    shown = await in_topic(bot, "/settings", 88)
    assert "Alerts arrive in: <b>another topic</b>" in shown
    assert "Saved." in await in_topic(bot, "/settings topic", 88)
    assert bot.store.chats.settings(GROUP).topic == 88
    assert "<b>this topic</b>" in await in_topic(bot, "/settings", 88)
    await in_topic(bot, "/settings topic off", 88)
    assert bot.store.chats.settings(GROUP).topic is None
    assert "<b>the General topic</b>" in await in_topic(bot, "/settings", 88)


async def test_settings_topic_outside_a_topic_is_explained(bot: Bot) -> None:
    reply = await in_topic(bot, "/settings topic", None)
    assert "inside the forum topic" in reply
    assert bot.store.chats.settings(GROUP).topic is None
    assert "Use /settings topic inside a topic" in await in_topic(bot, "/settings topic 5", 77)
    # A private chat never sees a topic line.
    assert "Alerts arrive in" not in (await bot.send("/settings"))[0]


async def test_list_says_which_topic_each_company_alerts_in(bot: Bot) -> None:
    await in_topic(bot, "/subscribe Sony", None)
    assert "alerts in" not in await in_topic(bot, "/list", 77)  # one place for all: no labels
    await in_topic(bot, "/subscribe Xiaomi", 77)
    await in_topic(bot, "/subscribe Tesla", 88)
    shown = await in_topic(bot, "/list", 77)
    assert "• Xiaomi — alerts in this topic" in shown
    assert "• Tesla — alerts in another topic" in shown
    assert "• Sony Group — alerts in the General topic" in shown


async def test_topics_are_named_once_telegram_has_said_their_names(bot: Bot) -> None:
    await in_topic(bot, "/subscribe Xiaomi", 77, name="Phones <b>")
    await in_topic(bot, "/subscribe Tesla", 88, name="EV news")
    shown = await in_topic(bot, "/list", 88)
    assert "• Xiaomi — alerts in “Phones &lt;b&gt;”" in shown  # HTML in a name stays text
    assert "• Tesla — alerts in this topic" in shown
    assert bot.store.chats.topic_names(GROUP) == {77: "Phones <b>", 88: "EV news"}
    await in_topic(bot, "/settings topic", 77)
    assert "Alerts arrive in: <b>“Phones &lt;b&gt;”</b>" in await in_topic(bot, "/settings", 88)
    # A rename arrives as a service message in the topic; later messages still carry the
    # creation message (the first name), which must not undo it.
    sender = {"id": GROUP, "type": "supergroup", "title": "G"}
    await bot.send(
        "",
        chat=GROUP,
        chat_type="supergroup",
        sender_chat=sender,
        message_thread_id=77,
        is_topic_message=True,
        forum_topic_edited={"name": "Handsets"},
    )
    await in_topic(bot, "/list", 77, name="Phones <b>")
    assert bot.store.chats.topic_names(GROUP)[77] == "Handsets"
    assert "<b>“Handsets”</b>" in await in_topic(bot, "/settings", 88)
    # A chat that never used a command gets nothing stored.
    created = {"name": "Chat", "icon_color": 7322096}
    origin = {"message_id": 5, "date": 0, "chat": {"id": -100999, "type": "supergroup"}}
    await bot.send(
        "hello",
        chat=-100999,
        chat_type="supergroup",
        message_thread_id=5,
        is_topic_message=True,
        reply_to_message={**origin, "forum_topic_created": created},
    )
    assert bot.store.chats.topic_names(-100999) == {}
