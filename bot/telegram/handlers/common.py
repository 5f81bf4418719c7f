"""What every handler shares: the service, argument parsing, sending replies, admin checks."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, TypeVar

from telegram import CallbackQuery, Chat, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatMemberStatus

from bot.telegram.callbacks import Press, decode
from bot.telegram.formatting import clean, split_message
from bot.telegram.replies.common import MAX_ARGUMENT_CHARS
from summarizer.errors import InputError

if TYPE_CHECKING:
    from bot.telegram.context import NewsContext as Context

R = TypeVar("R")
ADMIN_CACHE_SECONDS = 30.0  # chat_member updates refresh it sooner
_ADMIN_STATUSES = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)
_ADMINS = "admins"  # chat_data key: user id -> (is admin, valid until)
NOT_ADMIN = "Only admins of this group can change its subscriptions and settings."


def argument(update: Update) -> str:
    """The text after ``/command`` (or ``/command@bot``), cleaned of control characters.

    Raises InputError for arguments too long to be a name, a URL or search words.
    """
    message = update.effective_message
    text = (message.text or message.caption or "") if message else ""
    parts = text.split(maxsplit=1)
    rest = parts[1] if len(parts) > 1 else ""
    if len(rest) > MAX_ARGUMENT_CHARS:
        raise InputError(
            f"That is too long ({len(rest):,} characters); "
            f"please keep it under {MAX_ARGUMENT_CHARS:,}."
        )
    return clean(rest)


def topic(update: Update) -> int | None:
    """The forum topic (message thread) the update was sent in; None outside topics."""
    message = update.effective_message
    return message.message_thread_id if message and message.is_topic_message else None


def topic_name(update: Update) -> tuple[str, bool] | None:
    """(name, renamed) of the forum topic the update was sent in, when Telegram says it:
    a topic's creation or rename message, or any message in the topic, which comes with
    the creation message (unless it is a reply) and so with the topic's first name."""
    message = update.effective_message
    if message is None or not message.is_topic_message:
        return None
    if message.forum_topic_edited and message.forum_topic_edited.name:
        return message.forum_topic_edited.name, True
    created = message.forum_topic_created
    if created is None and message.reply_to_message is not None:
        created = message.reply_to_message.forum_topic_created
    return (created.name, False) if created and created.name else None


async def send(
    update: Update,
    context: Context,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Send an HTML reply to the update's chat (and forum topic), split under 4,096 characters.

    Buttons go on the last part. Returns the last message sent.
    """
    chat = update.effective_chat
    if chat is None:
        return None
    thread = topic(update)
    parts = split_message(text) or ["…"]
    sent = None
    for index, part in enumerate(parts):
        sent = await context.bot.send_message(
            chat.id,
            part,
            reply_markup=markup if index == len(parts) - 1 else None,
            message_thread_id=thread,
        )
    return sent


async def is_chat_admin(update: Update, context: Context) -> bool:
    """True in private chats, and in groups for admins (including anonymous admins)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or chat.type == Chat.PRIVATE:
        return True
    message = update.effective_message
    if (
        update.callback_query is None  # a press's message is the bot's own post
        and message
        and message.sender_chat
        and message.sender_chat.id == chat.id
    ):
        return True  # an anonymous admin posts as the group itself; a channel's post too
    if user is None:
        return False
    cache: dict[int, tuple[bool, float]] = (context.chat_data or {}).get(_ADMINS, {})
    known = cache.get(user.id)
    if known and known[1] > time.monotonic():
        return known[0]
    member = await context.bot.get_chat_member(chat.id, user.id)
    return remember_status(context, user.id, member.status)


def remember_status(context: Context, user_id: int, status: str) -> bool:
    """Cache whether ``user_id`` is an admin of the update's chat (from a look-up or a
    ``chat_member`` update); returns that."""
    allowed = status in _ADMIN_STATUSES
    if context.chat_data is None:  # an update without a chat: nothing to remember
        return allowed
    cache: dict[int, tuple[bool, float]] = context.chat_data.setdefault(_ADMINS, {})
    now = time.monotonic()
    for stale in [uid for uid, (_, until) in cache.items() if until <= now]:
        del cache[stale]  # a big group's members do not pile up
    cache[user_id] = (allowed, now + ADMIN_CACHE_SECONDS)
    return allowed


async def require_admin(update: Update, context: Context) -> bool:
    """Like :func:`is_chat_admin`, telling a non-admin why nothing happened."""
    if await is_chat_admin(update, context):
        return True
    query = update.callback_query
    if query is not None:
        await query.answer(NOT_ADMIN, show_alert=True)
    else:
        await send(update, context, NOT_ADMIN)
    return False


def chat_id(update: Update) -> int:
    """The id of the chat the update came from."""
    chat = update.effective_chat
    if chat is None:
        raise InputError("This works only in a chat.")
    return chat.id


def button_press(update: Update) -> tuple[CallbackQuery, Press]:
    """The pressed button and its decoded data; InputError for data we never sent."""
    query = update.callback_query
    assert query is not None  # button handlers are registered for callback queries only
    return query, decode(query.data)
