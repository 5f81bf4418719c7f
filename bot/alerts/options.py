"""How the alert sender batches, retries and reads Telegram's answers."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import RetryAfter

from storage.outbox.queries import OutboxItem
from storage.settings import is_topic, stored_settings

#: Telegram's descriptions for a chat the bot can no longer write to. Not "not enough
#: rights" (or "have no rights", CHAT_WRITE_FORBIDDEN): a group's admins may stop members
#: writing for a while by changing its default permissions, which sends the bot no update
#: when they change back, and the Bot API has answered so wrongly for channels where the
#: bot was an admin (October 2023). Such an alert fails; the chat keeps its alerts.
GONE = (
    "chat not found",
    "user is deactivated",
    "bot was kicked",
    "peer_id_invalid",
)

#: Telegram's descriptions for a forum topic that was deleted or closed: the alert goes to
#: the chat's General topic instead (and a deleted topic is forgotten).
TOPIC_GONE = ("thread not found", "topic_deleted", "topic_closed", "topic not found")


def item_topic(item: OutboxItem) -> int | None:
    """Where one alert goes: the topic its company was followed in, else the chat's."""
    return item.topic if is_topic(item.topic) else stored_settings(item.settings).topic


@dataclass(frozen=True, slots=True)
class SenderOptions:
    """How the sender batches, retries and records (rates live in ``Limits``)."""

    batch_size: int = 500
    max_held: int = 2000
    concurrency: int = 16
    idle_poll: float = 0.25
    flush_interval: float = 0.05
    max_attempts: int = 6
    backoff_base: float = 2.0
    backoff_cap: float = 600.0
    stop_grace: float = 5.0
    # A chat's own 429 wait longer than this gives the chat up: its claimed rows go back to
    # the outbox, due when the wait ends, and the worker serves other chats. Shorter waits
    # are waited out in place (the message is resent as soon as allowed): a worker held a
    # few seconds costs little (16 of them, and every chat waits 1 s after any 429 anyway),
    # while a round trip through the table costs a poll and a recompose. 5 s is above the
    # per-chat pace and Telegram's usual short waits (1-3 s), far below its long ones
    # (minutes to hours) that would hold a worker and the chat's rows all that time.
    long_wait: float = 5.0
    # Seconds slept before each new try of handing a waiting chat's rows back to the outbox
    # while the database is busy (each try itself waits out the busy timeout first).
    hand_back_delays: tuple[float, ...] = (0.25, 0.5, 1.0, 2.0)


def retry_seconds(err: RetryAfter) -> float:
    """How long Telegram asked us to wait, in seconds."""
    value = err.retry_after  # a timedelta (bot/__init__.py opts in), an int in older setups
    return float(value.total_seconds() if hasattr(value, "total_seconds") else value)


def keyboard(buttons: tuple[tuple[str, str], ...]) -> InlineKeyboardMarkup | None:
    """One row of inline buttons from (label, callback data) pairs."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in buttons]]
    )
