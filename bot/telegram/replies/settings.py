"""``/settings``: the settings text and its keyboard (pure); what a typed change means is
``bot.services.typed.settings``."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.services.typed.settings import QUIET_DEFAULT, SETTINGS_HELP, threshold_presets
from bot.telegram.callbacks import encode_setting
from bot.telegram.formatting import esc
from bot.telegram.replies.common import topic_label
from storage.timezones import timezone_label

if TYPE_CHECKING:
    from bot.services.answers import TopicMap
    from storage.settings import ChatSettings

LENGTHS = (1, 2, 3, 5, 7)
# A settings button of a chat with no saved settings: /stop deleted them, or they were
# shown while the database could not be written (a callback answer: one line).
STOPPED = (
    "This chat has no saved settings (after /stop, or shown while the bot could not save), "
    "so this button does nothing. Send /settings for new buttons."
)


def threshold_label(value: float) -> str:
    """The relevance level in words."""
    presets = threshold_presets()
    if value < presets["notable"]:
        label = "merely mentioned"
    elif value < presets["main"]:
        label = "a notable part of the story"
    else:
        label = "the main subject of the story"
    # A number of the chat's own (0.000001, 0.4) is shown beside the level it falls in.
    return label if value in presets.values() else f"{label} (relevance {value:g})"


def _mute_line(settings: ChatSettings) -> str:
    """The muted words, or how to mute some."""
    if not settings.mute:
        return "Muted words: none · /settings mute WORDS stops articles that use them alerting you"
    listed = " · ".join(esc(word) for word in settings.mute)
    return (
        f"Muted words: <b>{listed}</b> (never alert you) · /settings unmute WORD takes one "
        "off, /settings mute off clears them"
    )


def _clock(at: time) -> str:
    """A time of day as a 24-hour clock shows it: 07:00, 22:30."""
    return f"{at.hour:02d}:{at.minute:02d}"


def _typed(hour: int, minute: int) -> str:
    """A time of day as a button sends it ("7", "7:30"), read back as typed."""
    return f"{hour}:{minute:02d}" if minute else str(hour)


def _quiet_line(settings: ChatSettings) -> str:
    """The quiet hours, or how to set some."""
    if settings.quiet is None:
        return "Quiet hours: none · /settings quiet 22-7 makes alerts at night silent"
    start, end = (_clock(t) for t in settings.quiet_span or ())
    zone = esc(timezone_label(settings.timezone))
    digest = " (the daily digest still rings)" if settings.mode == "digest" else ""
    return (
        f"Quiet hours: <b>{start}–{end}</b> ({zone}): alerts arrive silently"
        f"{digest} · /settings quiet off"
    )


def _topic_line(settings: ChatSettings, here: int | None, topics: TopicMap | None) -> list[str]:
    """Where alerts arrive, for a forum group (nothing elsewhere)."""
    own = len(topics.own) if topics else 0
    if settings.topic is None and here is None and not own:
        return []
    names = topics.names if topics else {}
    where = f"<b>{esc(topic_label(settings.topic, here, names))}</b>"
    if settings.topic is None:
        where += " · /settings topic moves them to this topic"
    elif settings.topic == here:
        where += " · /settings topic off moves them to General"
    else:
        where += " · /settings topic moves them to this one"
    lines = [f"Alerts arrive in: {where}"]
    if own:
        lines.append(
            f"… except {own} compan{'y' if own == 1 else 'ies'} followed in a topic of "
            f"{'its' if own == 1 else 'their'} own (/subscribe NAME in a topic does that)"
        )
    return lines


def settings_text(
    settings: ChatSettings,
    *,
    note: str | None = None,
    here: int | None = None,
    topics: TopicMap | None = None,
) -> str:
    """The chat's settings in words; ``here``: the forum topic the reply goes to;
    ``topics``: a group's alert topics (companies with topics of their own, names)."""
    if settings.mode == "digest":
        delivery = (
            f"a daily digest at {_clock(settings.digest_time)} "
            f"({esc(timezone_label(settings.timezone))})"
        )
    else:
        delivery = "instant alerts, as articles arrive"
    lines = [
        "<b>Settings for this chat</b>",
        "",
        f"Summary length: <b>{settings.summary_sentences}</b> sentence"
        f"{'s' if settings.summary_sentences != 1 else ''}",
        f"Delivery: <b>{delivery}</b>",
        f"Time zone: <b>{esc(timezone_label(settings.timezone))}</b>",
        f"Alert me when a company is: <b>{threshold_label(settings.threshold)}</b> "
        "(choices: main subject · notable · any mention)",
        _quiet_line(settings),
        _mute_line(settings),
        *_topic_line(settings, here, topics),
        "",
        esc(SETTINGS_HELP),
    ]
    if note:
        lines.insert(0, f"✓ {esc(note)}\n")
    return "\n".join(lines)


def settings_keyboard(settings: ChatSettings) -> InlineKeyboardMarkup:
    """Buttons for the common changes; the current choice is marked with •."""

    def button(label: str, key: str, value: object, current: bool) -> InlineKeyboardButton:
        return InlineKeyboardButton(
            f"• {label}" if current else label, callback_data=encode_setting(key, str(value))
        )

    hour, minute = settings.digest_hour, settings.digest_minute
    # The chat's own quiet hours on the button, else the usual night; pressing it again saves
    # the same hours. Shown as the settings text shows them (22:00–07:00, not 22–07).
    start, end = settings.quiet or QUIET_DEFAULT
    since, until = settings.quiet_minutes if settings.quiet else (0, 0)
    quiet = f"🔕 Quiet {_clock(time(start, since))}–{_clock(time(end, until))}"
    presets = threshold_presets()
    label = {"any": "Any mention", "notable": "Notable", "main": "Main subject"}
    return InlineKeyboardMarkup(
        [
            [button(f"{n} sent.", "len", n, settings.summary_sentences == n) for n in LENGTHS],
            [
                button("Instant alerts", "mode", "instant", settings.mode == "instant"),
                button("Daily digest", "mode", "digest", settings.mode == "digest"),
            ],
            [
                button("−1 h", "hour", _typed((hour - 1) % 24, minute), False),
                button(
                    f"Digest at {_clock(settings.digest_time)}",
                    "hour",
                    _typed(hour, minute),
                    settings.mode == "digest",
                ),
                button("+1 h", "hour", _typed((hour + 1) % 24, minute), False),
            ],
            [
                button(
                    quiet,
                    "quiet",
                    f"{_typed(start, since)}-{_typed(end, until)}",
                    settings.quiet is not None,
                ),
                button("No quiet hours", "quiet", "off", settings.quiet is None),
            ],
            [
                button(label[k], "thr", k, abs(settings.threshold - v) < 1e-9)
                for k, v in presets.items()
            ],
        ]
    )
