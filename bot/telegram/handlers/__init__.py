"""Registering every handler, plus /start, /help, unknown input, the rate limit and errors.

Handlers are thin: parse the update, call the :class:`~bot.services.subscriptions.NewsService`
(in a worker thread), format the reply with :mod:`bot.telegram.replies`. Anything a
user got wrong is a :class:`~summarizer.errors.NewsbotError`; the one error
handler below turns it into a short reply, and anything else into a polite apology.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.alerts.options import retry_seconds
from bot.telegram.callbacks import Action, encode, pattern
from bot.telegram.formatting import clean, esc
from bot.telegram.handlers import news as handlers_news
from bot.telegram.handlers import settings as handlers_settings
from bot.telegram.handlers import subscriptions as handlers_subs
from bot.telegram.handlers.common import require_admin, send
from bot.telegram.handlers.membership import member_changed, membership, migrated, remember_topic
from bot.telegram.ratelimit import CommandRateLimit
from bot.telegram.replies.commands import (
    edited_command_text,
    help_text,
    start_text,
    unknown_command_text,
)
from summarizer.errors import NewsbotError

if TYPE_CHECKING:
    from bot.telegram.context import NewsContext as Context

log = logging.getLogger(__name__)
SORRY = "Sorry, something went wrong on my side. Please try again in a moment."
# A new message in a chat, or a post in a channel the bot administers; an edited command
# is not a new request.
_NEW_MESSAGES = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST
_EDITED_PRIVATE_COMMAND = (
    filters.UpdateType.EDITED_MESSAGE & filters.COMMAND & filters.ChatType.PRIVATE
)

_FEATURES = {
    "subscribe": handlers_subs.subscribe,
    "unsubscribe": handlers_subs.unsubscribe,
    "list": handlers_subs.show_list,
    "stop": handlers_subs.stop,
    "news": handlers_news.news,
    "summary": handlers_news.summary,
    "search": handlers_news.search,
    "ingest": handlers_news.ingest,
    "settings": handlers_settings.settings,
}
_BUTTONS = {
    Action.UNSUBSCRIBE: handlers_subs.unsubscribe_button,
    Action.FOLLOW: handlers_subs.follow_button,
    Action.MORE_NEWS: handlers_news.more_button,
    Action.ARTICLE: handlers_news.article_button,
    Action.SETTING: handlers_settings.settings_button,
}


def register(application: Application, *, rate_limit: CommandRateLimit) -> None:
    """Add every handler, the guards (groups -2 and -1) and the error handler."""
    application.bot_data.rate_limit = rate_limit
    # One handler runs per group: the rate limit first, then (for buttons) the channel rule.
    application.add_handler(TypeHandler(Update, rate_guard), group=-2)
    application.add_handler(CallbackQueryHandler(channel_guard), group=-1)
    commands = {"start": start, "help": help_command, **_FEATURES}
    for name, callback in commands.items():
        application.add_handler(CommandHandler(name, callback, filters=_NEW_MESSAGES))
    for action, func in _BUTTONS.items():
        application.add_handler(CallbackQueryHandler(func, pattern=pattern(action)))
    application.add_handler(CallbackQueryHandler(stale_button))
    application.add_handler(MessageHandler(filters.COMMAND & _NEW_MESSAGES, unknown_command))
    application.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE & _NEW_MESSAGES, plain_text
        )
    )
    application.add_handler(MessageHandler(_EDITED_PRIVATE_COMMAND, edited_command))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, migrated))
    # After the command's own handler (group 0), which may have created the chat's row.
    application.add_handler(MessageHandler(filters.IS_TOPIC_MESSAGE, remember_topic), group=1)
    application.add_handler(ChatMemberHandler(membership, ChatMemberHandler.MY_CHAT_MEMBER))
    application.add_handler(ChatMemberHandler(member_changed, ChatMemberHandler.CHAT_MEMBER))
    application.add_error_handler(on_error)


async def start(update: Update, context: Context) -> None:
    """``/start``: what the bot does and how to begin."""
    user, chat = update.effective_user, update.effective_chat
    trending = await context.workers.read(context.reader.news.in_the_news, chat.id) if chat else []
    rows = [
        [InlineKeyboardButton(f"Follow {name[:50]}", callback_data=encode(Action.FOLLOW, cid))]
        for cid, name in trending[:4]
    ]
    text = start_text(user.first_name if user else None, buttons=bool(rows))
    await send(update, context, text, InlineKeyboardMarkup(rows) if rows else None)


async def help_command(update: Update, context: Context) -> None:
    """``/help``: every command with an example."""
    chat = update.effective_chat
    await send(update, context, help_text(group=bool(chat and chat.type != Chat.PRIVATE)))


async def unknown_command(update: Update, context: Context) -> None:
    """A command we do not have; ignored when it was meant for another bot."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or not message.text:
        return
    first, *args = message.text.split(maxsplit=1)
    command, _, target = first.partition("@")
    if target and target.casefold() != (context.bot.username or "").casefold():
        return
    if chat.type != Chat.PRIVATE and not target:
        return  # in groups an unaddressed command may belong to another bot
    await send(update, context, unknown_command_text(command, args[0] if args else ""))


async def edited_command(update: Update, context: Context) -> None:
    """A command edited in a private chat: not run, nor met with silence (people fix a
    typo by editing); the reply has the command to send again."""
    message = update.effective_message
    if message is not None and message.text:
        await send(update, context, edited_command_text(message.text))


async def plain_text(update: Update, context: Context) -> None:
    """Text without a command in a private chat: offer buttons if it names a company."""
    message, chat = update.effective_message, update.effective_chat
    text = clean(message.text if message else "", limit=101)
    company = None
    if len(text) <= 100 and chat is not None:
        company = await context.workers.read(context.reader.news.find_company, text, chat.id)
    if company is None:
        await send(
            update,
            context,
            "I answer commands: try /subscribe NAME, /news NAME, /search WORDS or /help.",
        )
        return
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    f"Follow {company.name[:40]}", callback_data=encode(Action.FOLLOW, company.id)
                ),
                InlineKeyboardButton(
                    "Latest news", callback_data=encode(Action.MORE_NEWS, company.id)
                ),
            ]
        ]
    )
    await send(update, context, f"<b>{esc(company.name)}</b>: follow it, or see its news?", markup)


async def stale_button(update: Update, context: Context) -> None:
    """A button whose data we do not recognise (an old message or a forged press)."""
    if update.callback_query:
        await update.callback_query.answer(
            "This button no longer works; please send the command again.", show_alert=True
        )


async def channel_guard(update: Update, context: Context) -> None:
    """Runs before every button: in a channel only its admins may press one, as whatever
    the bot answers there is posted to every subscriber."""
    chat = update.effective_chat
    if chat is not None and chat.type == Chat.CHANNEL and not await require_admin(update, context):
        raise ApplicationHandlerStop


async def rate_guard(update: Update, context: Context) -> None:
    """Runs before every handler: too many requests from one chat are refused."""
    message, query, chat = update.effective_message, update.callback_query, update.effective_chat
    edited = update.edited_message is not None or update.edited_channel_post is not None
    if chat is None or context.chat_data is None:
        return
    text = (message.text or "") if message else ""
    # An edit earns a reply only as a command in a private chat (edited_command).
    if edited and not (text.startswith("/") and chat.type == Chat.PRIVATE):
        return
    # Everything that earns a reply counts: commands, buttons, and text in private chats.
    if query is None and not text.startswith("/") and not (text and chat.type == Chat.PRIVATE):
        return
    limit = context.bot_data.rate_limit
    user = update.effective_user
    # In groups each member has a budget of their own: one member's flood never
    # silences the others (admins included).
    key = f"ratelimit:{user.id}" if user and chat.type != Chat.PRIVATE else "ratelimit"
    verdict = limit.check(context.chat_data, key=key)
    if verdict.allowed:
        return
    notice = f"Too many commands at once; please wait {max(1, round(verdict.retry_after))} s."
    if query is not None:
        await query.answer(notice if verdict.warn else None)
    elif verdict.warn:
        await send(update, context, notice)
    raise ApplicationHandlerStop


async def on_error(update: object, context: Context) -> None:
    """The one error handler: log (never the token), then answer the user briefly."""
    error = context.error
    if isinstance(error, NewsbotError):
        log.info("user error: %s", error)
        text = esc(str(error))
    elif isinstance(error, Forbidden):
        log.info("chat unreachable: %s", error)
        return
    elif isinstance(error, RetryAfter):
        # A long flood wait (bot/telegram/flood_waits.py waited out a short one): the reply
        # is dropped, as any other now would be refused too and one an hour late helps nobody.
        chat = update.effective_chat if isinstance(update, Update) else None
        log.warning(
            "Reply to chat %s dropped: Telegram asks to wait %.0fs.",
            chat.id if chat else "?",
            retry_seconds(error),
        )
        return
    elif isinstance(error, NetworkError):
        log.warning("Telegram request failed: %s: %s", type(error).__name__, error)
        text = SORRY
    else:
        log.error("handler failed: %s", type(error).__name__, exc_info=error)
        text = SORRY
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query is not None:
            try:
                alert = clean(str(error) if text != SORRY else SORRY, limit=190)
                await update.callback_query.answer(alert, show_alert=True)
                return
            except TelegramError:
                pass  # already answered (or too old): say it in the chat instead
        await send(update, context, text)
    except TelegramError as err:
        log.warning("could not tell the user about an error: %s", type(err).__name__)
