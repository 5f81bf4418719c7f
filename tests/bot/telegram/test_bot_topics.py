"""Forum groups: alerts go to the topic where the group subscribed, /settings topic moves them."""

from __future__ import annotations

from typing import Any

Bot = Any  # the Harness from conftest (not importable under importlib mode)

GROUP = -100555
ANONYMOUS_ADMIN = 1087968824  # Telegram's "Group" user: an admin posting as the group


async def in_topic(bot: Bot, text: str, thread: int | None) -> str:
    """``text`` sent by an (anonymous) admin in forum topic ``thread`` (None: General)."""
    extra: dict[str, Any] = {"sender_chat": {"id": GROUP, "type": "supergroup", "title": "G"}}
    if thread is not None:
        extra.update(message_thread_id=thread, is_topic_message=True)
    replies = await bot.send(
        text, chat=GROUP, user=ANONYMOUS_ADMIN, chat_type="supergroup", **extra
    )
    return "\n".join(replies)


async def test_the_first_subscription_in_a_topic_sends_alerts_there(bot: Bot) -> None:
    reply = await in_topic(bot, "/subscribe Xiaomi", 77)
    assert "will arrive in this topic" in reply
    assert bot.store.chats.settings(GROUP).topic == 77
    # Another topic does not take the alerts over; it is told how to.
    reply = await in_topic(bot, "/subscribe Tesla", 88)
    assert "arrive in another topic" in reply and "/settings topic" in reply
    assert bot.store.chats.settings(GROUP).topic == 77
    assert "arrive in this topic" in await in_topic(bot, "/subscribe Google", 77)


async def test_settings_topic_moves_alerts_and_off_sends_them_to_general(bot: Bot) -> None:
    await in_topic(bot, "/subscribe Xiaomi", 77)
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
