"""Handlers that change what a chat follows: /subscribe, /unsubscribe, /list, /stop, buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot.telegram.handlers.common import (
    argument,
    button_press,
    chat_id,
    require_admin,
    send,
    topic,
)
from bot.telegram.replies.subscriptions import (
    LIST_HEADER,
    list_reply,
    stop_reply,
    subscribe_reply,
    subscribe_usage,
    topic_labels,
    unsubscribe_reply,
    unsubscribed_reply,
)

if TYPE_CHECKING:
    from bot.telegram.context import NewsContext as Context


async def subscribe(update: Update, context: Context) -> None:
    """``/subscribe NAME[, NAME...]``: follow companies; confirms canonical names."""
    names = argument(update)
    if not names:
        trending = await context.workers.read(context.reader.news.in_the_news, chat_id(update))
        text, markup = subscribe_usage(trending)
        await send(update, context, text, markup)
        return
    if not await require_admin(update, context):
        return
    chat = update.effective_chat
    assert chat is not None
    result = await context.workers.write(
        context.subscriptions.subscribe,
        chat.id,
        names,
        chat_type=chat.type,
        title=chat.title,
        topic=topic(update),
    )
    text, markup = subscribe_reply(result)
    await send(update, context, text, markup)


async def unsubscribe(update: Update, context: Context) -> None:
    """``/unsubscribe NAME``: stop following; without a name, the list with buttons."""
    names = argument(update)
    if not names:
        await show_list(update, context)
        return
    if not await require_admin(update, context):
        return
    result = await context.workers.write(context.subscriptions.unsubscribe, chat_id(update), names)
    await send(update, context, unsubscribe_reply(result))


async def show_list(update: Update, context: Context) -> None:
    """``/list``: the companies this chat follows, with buttons."""
    text, markup = await _list(update, context)
    await send(update, context, text, markup)


async def _list(update: Update, context: Context) -> tuple[str, InlineKeyboardMarkup | None]:
    chat = chat_id(update)
    refs = await context.workers.read(context.reader.subscriptions.followed, chat)
    where = None
    if chat < 0:  # a group: say which topic each company alerts in, if they differ
        topics = await context.workers.read(context.reader.subscriptions.alert_topics, chat)
        where = topic_labels(refs, topics, here=topic(update))
    return list_reply(refs, context.config.max_subscriptions, where=where)


async def stop(update: Update, context: Context) -> None:
    """``/stop``: unfollow everything and delete the chat's data."""
    if not await require_admin(update, context):
        return
    # Read first: a mistaken /stop can be undone with the commands the reply lists.
    refs = await context.workers.read(context.reader.subscriptions.followed, chat_id(update))
    count = await context.workers.write(context.subscriptions.stop, chat_id(update))
    await send(update, context, stop_reply(count, refs))


async def unsubscribe_button(update: Update, context: Context) -> None:
    """Button ``u:<company_id>``: unsubscribe; a /list message is updated in place."""
    query, press = button_press(update)
    company_id = press.number
    if not await require_admin(update, context):
        return
    ref = await context.workers.write(
        context.subscriptions.unsubscribe_id, chat_id(update), company_id
    )
    text = getattr(query.message, "text", None) or ""
    in_list = text.startswith(LIST_HEADER)
    if ref is None:
        await query.answer("This chat no longer follows that company.")
        if in_list and _shows_button(query):  # an old /list: show it as it is now
            await _refresh_list(update, context, query)
        return
    await query.answer(f"Unsubscribed from {ref.name[:150]}.")
    if in_list:  # pressed in /list: show the list as it is now
        await _refresh_list(update, context, query)
    else:  # pressed under an alert: keep the alert, confirm with a way back
        await send(update, context, *unsubscribed_reply(ref))


def _shows_button(query: CallbackQuery) -> bool:
    """Whether the message still shows the button pressed: a list from before an
    /unsubscribe does; a forged press under the list as it is now does not (editing
    that list to itself is an error Telegram returns)."""
    markup = getattr(query.message, "reply_markup", None)
    rows = markup.inline_keyboard if markup else ()
    return any(button.callback_data == query.data for row in rows for button in row)


async def _refresh_list(update: Update, context: Context, query: CallbackQuery) -> None:
    reply, markup = await _list(update, context)
    try:
        await query.edit_message_text(reply, reply_markup=markup)
    except BadRequest as err:  # the list shown is the list now: Telegram says so
        if "not modified" not in str(err).lower():
            raise


async def follow_button(update: Update, context: Context) -> None:
    """Button ``f:<company_id>``: follow a suggested company."""
    query, press = button_press(update)
    company_id = press.number
    if not await require_admin(update, context):
        return
    result = await context.workers.write(
        context.subscriptions.subscribe_id, chat_id(update), company_id, topic=topic(update)
    )
    done = result.added or result.already
    name = done[0].name[:150] if done else ""
    await query.answer(f"Following {name.removesuffix('.')}." if done else None)  # "Co.."
    text, markup = subscribe_reply(result)
    await send(update, context, text, markup)
