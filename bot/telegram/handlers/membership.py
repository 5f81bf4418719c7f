"""Handlers for what happens to a chat rather than what it asks: a group that became a
supergroup, the bot added to or removed from a chat, members promoted or demoted, forum
topics named."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from telegram import ChatMember, Update

from bot.telegram.handlers.common import remember_status, topic, topic_name

if TYPE_CHECKING:
    from bot.telegram.context import NewsContext as Context

_UNKNOWN_CHAT_RETRY = 60.0  # seconds before a chat unknown to storage is asked about again


async def migrated(update: Update, context: Context) -> None:
    """A group became a supergroup: its subscriptions move to the new chat id."""
    message = update.effective_message
    if message and message.migrate_to_chat_id:
        await context.workers.write(
            context.subscriptions.chat_migrated, message.chat.id, message.migrate_to_chat_id
        )


async def membership(update: Update, context: Context) -> None:
    """The bot was removed from (or added back to) a chat: stop or resume its alerts."""
    change = update.my_chat_member
    if change is None:
        return
    gone = change.new_chat_member.status in (ChatMember.LEFT, ChatMember.BANNED)
    service = context.subscriptions
    if gone:
        await context.workers.write(service.chat_removed, change.chat.id)
    else:
        chat = change.chat
        await context.workers.write(service.chat_added, chat.id, type=chat.type, title=chat.title)


async def member_changed(update: Update, context: Context) -> None:
    """Someone was promoted, demoted, joined or left: admin rights follow at once.

    Telegram sends these when the bot is an admin and ``chat_member`` is among the
    allowed updates (``newsbot run`` asks for all update types).
    """
    change = update.chat_member
    if change is not None:
        member = change.new_chat_member
        remember_status(context, member.user.id, member.status)


async def remember_topic(update: Update, context: Context) -> None:
    """Learn a forum topic's name from a message sent in it, so replies can name it."""
    chat, thread, said = update.effective_chat, topic(update), topic_name(update)
    if chat is None or thread is None or said is None or context.chat_data is None:
        return
    name, renamed = said
    known = context.chat_data.setdefault("named_topics", set())
    if thread in known and not renamed:
        return  # one write per topic, not per message
    # Nothing is stored for a chat that never used a command: ask again in a minute at
    # most, not at every message of a busy forum; after a command (it may have made the
    # chat known, and commands are rate-limited) at once.
    message = update.effective_message
    command = bool(message and (message.text or "").startswith("/"))
    if not command and context.chat_data.get("unknown_chat_until", 0.0) > time.monotonic():
        return
    write = context.subscriptions.name_topic
    if await context.workers.write(write, chat.id, thread, name, rename=renamed):
        known.add(thread)
    else:
        context.chat_data["unknown_chat_until"] = time.monotonic() + _UNKNOWN_CHAT_RETRY
