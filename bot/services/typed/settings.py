"""What a typed ``/settings KEY VALUE`` (or a settings button) changes: the setting's
names, the values people type for it, and the one-line reply for anything else."""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from storage.settings import QUOTE_MARKS
from summarizer.errors import InputError

SETTINGS_HELP = (
    "Type to change: /settings length 5 · /settings mode digest · /settings hour 7 · "
    "/settings tz Europe/Berlin · /settings quiet 22-7 · /settings relevance main · "
    "/settings mute football, rumour*"
)
MUTE_HELP = (
    "Name the words or phrases whose articles should never alert this chat, separated by "
    "commas: /settings mute football, transfer rumour (whole words, any case; rumour* also "
    "mutes rumours; no quotes needed, and a comma separates even inside them). Each "
    "/settings mute adds to the list; /settings unmute football takes one off, "
    "/settings mute off clears it."
)
DIGEST_HELP = (
    "/settings digest daily sends one message a day, /settings digest off alerts at once; "
    "/settings digest 7 picks the time (7, 07:30, 7:30am)."
)
QUIET_HELP = (
    "Quiet hours are two times of day in your time zone: /settings quiet 22-7 (also "
    "22:00-07:00, 10pm-7am or 22:30-6:45) sends alerts silently from 22:00 to 07:00; "
    "/settings quiet off lets every alert ring."
)
_KEYS = {
    "length": "summary_sentences",
    "len": "summary_sentences",
    "sentences": "summary_sentences",
    "summary": "summary_sentences",
    "mode": "mode",
    "delivery": "mode",
    "hour": "digest_hour",
    "digest": "digest_hour",
    "time": "digest_hour",
    "tz": "timezone",
    "timezone": "timezone",
    "zone": "timezone",
    "relevance": "threshold",
    "threshold": "threshold",
    "thr": "threshold",
    "topic": "topic",
    "thread": "topic",
    "mute": "mute",
    "muted": "mute",
    "unmute": "unmute",
    "ignore": "mute",
    "block": "mute",
    "quiet": "quiet",
    "silent": "quiet",
    "night": "quiet",
}
# What separates muted words, as it separates /subscribe's names: commas, semicolons, lines.
_SEPARATORS = re.compile(r"[,;\n]")
_GENERAL = frozenset(("off", "none", "no", "general", "chat"))
_MODES = {
    "instant": "instant",
    "alerts": "instant",
    "now": "instant",
    "digest": "digest",
    "daily": "digest",
}


def threshold_presets() -> dict[str, float]:
    """Named relevance levels: any mention, a notable part, the main subject."""
    from summarizer.companies.matcher import SUBJECT_THRESHOLD

    main = float(SUBJECT_THRESHOLD)
    return {"any": 0.0, "notable": round(main / 2, 3), "main": main}


def setting_field(key: str) -> str | None:
    """The setting ``/settings KEY`` names, by any of its names ("topic", "thread"), or None."""
    return _KEYS.get(key.casefold())


def delivery_mode(word: str) -> str | None:
    """The delivery mode a word names ("daily": digest), or None."""
    return _MODES.get(word.casefold())


def parse_change(key: str, value: str, *, topic: int | None = None) -> dict[str, Any]:
    """``/settings KEY VALUE`` (or a button's ``s:KEY:VALUE``) -> a ChatSettings change;
    ``topic``: the forum topic the command was sent in (``/settings topic`` picks it)."""
    field = setting_field(key)
    value = value.strip()
    if field is None and not value and _bare_time(key):  # "/settings 08:30": the digest
        return _digest("time", key)
    if field is None and not value and (hint := _clock_hint(key, "/settings ")):  # "830"
        raise InputError(f"“{key}” is no time I can read.{hint}")
    if field is None:
        raise InputError(f"There is no setting called “{key[:30]}”. {SETTINGS_HELP}")
    if field == "topic":
        return {field: _topic(value, topic)}
    if field == "mute":
        words = _mute(value)
        return {"mute_add": words} if words else {"mute": ()}
    if field == "unmute":
        # "unmute all" (like "mute off", which _mute reads as no words) clears the list.
        words = () if value.casefold() in ("all", "everything") else _mute(value)
        return {"mute_remove": words} if words else {"mute": ()}
    if field == "summary_sentences":
        return {
            field: _int(value, "Summary length must be a whole number from 1 to 10 (sentences).")
        }
    if field == "mode":
        mode = delivery_mode(value)
        if mode is None:
            raise InputError("Delivery must be 'instant' or 'digest'.")
        return {field: mode}
    if field == "digest_hour":
        return _digest(key, value)
    if field == "timezone":
        return {field: _zone(value)}
    if field == "quiet":
        return _quiet(value)
    presets = threshold_presets()
    if value.casefold() in presets:
        return {field: presets[value.casefold()]}
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:  # NaN too: one message for "everything", "5" and "nan"
        raise InputError("Relevance must be any, notable, main or a number from 0 to 1.")
    return {field: number}


def _digest(key: str, value: str) -> dict[str, Any]:
    """``/settings hour 7`` (a digest at 07:00); ``/settings digest daily`` or ``off``
    (the delivery mode, as a user says it)."""
    word = value.casefold()
    mode = {"on": "digest", "off": "instant"}.get(word) or delivery_mode(word)
    if mode is not None and key.casefold() == "digest":
        return {"mode": mode}
    at = _time(word)
    if at is None:  # one message for "25" and "-1"
        if key.casefold() == "digest":  # "/settings digest" alone asks for the mode too
            raise InputError(DIGEST_HELP)
        raise InputError(
            "The digest time must be a time of day, e.g. 7, 19:00, 7:30am, 08:15 or 0815."
            f"{_clock_hint(word)}"
        )
    return {"digest_hour": at[0], "digest_minute": at[1], "mode": "digest"}


# "7", "07:00", "7:30", "19h", "19h30", "7.30", and the 12-hour clock people also type:
# "8am", "7 pm", "7 p.m.", "7:30pm".
_TIME = re.compile(r"(\d{1,2})(?:(?::|\.|h)(\d{2}))?\s*(?:h|(a|p)\.?\s*m\.?)?")


def _time(word: str) -> tuple[int, int] | None:
    """The time of day (hour 0-23, minute 0-59) ``word`` names, or None; four digits
    are the 24-hour clock without its colon ("0830", "2215")."""
    word = word.strip().casefold()
    if len(word) == 4 and word.isdigit():
        hour, minute = int(word[:2]), int(word[2:])
        return (hour, minute) if hour <= 23 and minute <= 59 else None
    match = _TIME.fullmatch(word)
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if minute > 59:
        return None
    if half is None:
        return (hour, minute) if hour <= 23 else None
    if not 1 <= hour <= 12:  # "13pm", "0am": no hour
        return None
    return hour % 12 + (12 if half == "p" else 0), minute  # 12am is midnight, 12pm noon


def _bare_time(word: str) -> bool:
    """Whether ``word`` alone is plainly a time of day ("08:30", "7pm", "0830"), not a
    number ("5" could as well be a summary length)."""
    word = word.strip()
    return _time(word) is not None and (not word.isdigit() or len(word) == 4)


def _clock_hint(word: str, command: str = "") -> str:
    """How to type the time three digits may mean ("830": " For 8:30, type 8:30 or
    0830."), or "". Three digits are refused, not read: "100" or "130" may as well be
    a count or a 12-hour 1:30."""
    word = word.strip()
    if len(word) != 3 or not word.isdigit() or int(word[1:]) > 59:
        return ""
    at = f"{word[0]}:{word[1:]}"
    return f" For {at}, type {command}{at} or {command}0{word}."


# "22-7", "22:00 - 07:00", "10pm–7am", "22 to 7": two hours and what people put between.
_RANGE = re.compile(r"(.+?)\s*(?:-|–|—|\bto\b|\buntil\b)\s*(.+)")
QUIET_DEFAULT = (22, 7)  # "/settings quiet on", and the settings button


def _quiet(value: str) -> dict[str, Any]:
    """``/settings quiet 22-7`` -> quiet (22, 7); ``22:30-7:15`` also its minutes (30, 15);
    ``off`` -> None; ``on`` -> 22-7."""
    word = value.casefold()
    if word in ("off", "none", "no"):
        return {"quiet": None, "quiet_minutes": (0, 0)}
    if word in ("on", "yes"):
        return {"quiet": QUIET_DEFAULT, "quiet_minutes": (0, 0)}
    found = _RANGE.fullmatch(word)
    if not found:
        raise InputError(QUIET_HELP)
    times = []
    for side in found.groups():
        at = _time(side.strip())
        if at is None:  # "25", "22:75", "13pm"
            raise InputError(
                f"“{side.strip()[:20]}” is not a time of day: quiet hours start and end at "
                "times such as 22, 22:30, 2230 or 10:30pm, e.g. /settings quiet 22-7."
                f"{_clock_hint(side)}"
            )
        times.append(at)
    (start, start_minute), (end, end_minute) = times
    if times[0] == times[1]:
        shown = "-".join(side.strip()[:20] for side in found.groups())
        raise InputError(
            f"Quiet hours must start and end at different times ({shown} would be no "
            "time at all, or all day), e.g. /settings quiet 22-7 for 22:00 to 07:00."
        )
    return {"quiet": (start, end), "quiet_minutes": (start_minute, end_minute)}


def _topic(value: str, here: int | None) -> int | None:
    """``/settings topic`` (this topic) or ``/settings topic off`` (the General topic)."""
    if value.casefold() in _GENERAL:
        return None
    if value.casefold() not in ("", "here", "this", "on"):
        raise InputError("Use /settings topic inside a topic, or /settings topic off.")
    if here is None:
        raise InputError(
            "Send /settings topic inside the forum topic where alerts should arrive; "
            "/settings topic off sends them to the General topic."
        )
    return here


def _mute(value: str) -> tuple[str, ...]:
    """``/settings mute a, b c`` -> ("a", "b c"); ``off`` -> (); nothing named: how to.

    Quotes around a word ("transfer rumour", 'layoffs') or around the whole list
    ('transfer, rumour') are taken off; a comma inside them still separates, as no muted
    word holds one. Apostrophes within a phrase stay: Lloyd's, rock 'n' roll.
    """
    if value.casefold() in ("off", "none", "clear"):
        return ()
    words: dict[str, str] = {}  # "Football, football": one, as first written
    for part in _SEPARATORS.split(value):
        if word := part.strip().strip(QUOTE_MARKS).strip():
            words.setdefault(word.casefold(), word)
    if not words:
        raise InputError(MUTE_HELP)
    return tuple(words.values())


def _zone(value: str) -> str:
    """The zone as typed; InputError for a region such as "Europe" (a folder of zones).

    Names zoneinfo does not know (other case, "UTC+3") are left to storage to resolve.
    """
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return value
    except OSError:  # IsADirectoryError for "Europe", "Etc", "America"
        area = value.strip("/").casefold()
        examples = sorted(z for z in available_timezones() if z.casefold().startswith(area + "/"))
        hint = f", e.g. /settings tz {examples[0]}" if examples else ""
        raise InputError(
            f"“{value[:30]}” is a region, not a time zone; name a city in it{hint}."
        ) from None
    return value


def _int(value: str, message: str) -> int:
    if not re.fullmatch(r"\d{1,3}", value):
        raise InputError(message)
    return int(value)
