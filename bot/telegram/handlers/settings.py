"""``/settings`` and its buttons (``s:<key>:<value>``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram import Chat, Update
from telegram.error import BadRequest

from bot.services.typed.settings import parse_change, setting_field
from bot.telegram.handlers.common import (
    argument,
    button_press,
    chat_id,
    require_admin,
    send,
    topic,
)
from bot.telegram.replies.settings import STOPPED, settings_keyboard, settings_text
from summarizer.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from bot.telegram.context import NewsContext as Context
    from storage.settings import ChatSettings


async def settings(update: Update, context: Context) -> None:
    """``/settings``: show the chat's settings; ``/settings KEY VALUE`` changes one."""
    text = argument(update)
    svc = context.subscriptions
    note = None
    if text:
        key, _, value = text.partition(" ")
        chat = update.effective_chat
        if setting_field(key) == "topic" and chat is not None and chat.type == Chat.PRIVATE:
            raise InputError("Alert topics are for forum groups; this chat has none.")
        change = parse_change(key, value, topic=topic(update))
        if not await require_admin(update, context):
            return
        before = None
        if change.get("mute_remove"):
            before = await context.workers.read(svc.settings, chat_id(update))
        current = await context.workers.write(svc.update_settings, chat_id(update), **change)
        note = _unmuted_note(before, change["mute_remove"]) if before else "Saved."
    else:  # the chat is known from now on: the buttons below change its settings
        chat = update.effective_chat
        current = await context.workers.write(
            svc.open_settings,
            chat_id(update),
            chat_type=chat.type if chat else None,
            title=chat.title if chat else None,
        )
    text = await _text(update, context, current, note=note)
    await send(update, context, text, settings_keyboard(current))


def _unmuted_note(before: ChatSettings, words: Sequence[str]) -> str:
    """What ``/settings unmute WORDS`` did: saved, or which words were not muted."""
    missing = [w for w in words if not before.is_muted(w)]
    if not missing:
        return "Saved."
    listed = ", ".join(f"“{w}”" for w in missing) + (" was" if len(missing) == 1 else " were")
    if len(missing) == len(words):
        return f"Nothing to unmute: {listed} not muted."
    return f"Saved; {listed} not muted."


async def _text(
    update: Update, context: Context, current: ChatSettings, *, note: str | None = None
) -> str:
    """``settings_text`` as seen from the update's forum topic, with a group's topics."""
    chat, topics = chat_id(update), None
    if chat < 0:  # a group: some of its companies may alert in topics of their own
        topics = await context.workers.read(
            context.reader.subscriptions.alert_topics, chat, settings=current
        )
    return settings_text(current, note=note, here=topic(update), topics=topics)


async def settings_button(update: Update, context: Context) -> None:
    """Button ``s:<key>:<value>``: change one setting and update the message in place;
    pressed after /stop, it says the chat stopped and changes nothing."""
    query, press = button_press(update)
    change = parse_change(press.key, press.value, topic=topic(update))
    if not await require_admin(update, context):
        return
    current = await context.workers.write(
        context.subscriptions.press_setting, chat_id(update), **change
    )
    if current is None:  # pressed under settings shown before a /stop: no chat to change
        await query.answer(STOPPED, show_alert=True)
        return
    await query.answer("Saved.")
    try:
        await query.edit_message_text(
            await _text(update, context, current), reply_markup=settings_keyboard(current)
        )
    except BadRequest as err:
        # Pressing the already-selected button changes nothing; Telegram says so.
        if "not modified" not in str(err).lower():
            raise
