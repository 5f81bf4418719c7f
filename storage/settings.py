"""A chat's settings: summary length, instant alerts or a digest, the salience a company
needs, muted words, quiet hours, its time zone and topics; checked here, so every way in
(a command, a button, an old row) gets the same rules and the same messages."""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass, fields, replace
from datetime import datetime, time
from functools import lru_cache
from typing import Any, Literal
from zoneinfo import ZoneInfo

from storage.timezones import canonical_timezone
from summarizer.companies.matcher import SUBJECT_THRESHOLD
from summarizer.errors import InputError

Mode = Literal["instant", "digest"]
MODES: tuple[str, ...] = ("instant", "digest")


@dataclass(frozen=True, slots=True)
class ChatSettings:
    """How one chat wants its news; invalid values raise InputError with a clear sentence."""

    summary_sentences: int = 3
    mode: Mode = "instant"
    digest_hour: int = 8
    timezone: str = "UTC"
    threshold: float = SUBJECT_THRESHOLD
    # The forum topic (message_thread_id) a group's alerts go to; None: the chat itself
    # (a forum's General topic).
    topic: int | None = None
    # Words or phrases whose articles never alert this chat (summarizer/text/phrases.py).
    mute: tuple[str, ...] = ()
    # Quiet hours (start, end): hours on the chat's clock (plus ``quiet_minutes``), start
    # included, end not; alerts then arrive without a sound (22, 7: from 22:00 to 07:00).
    # None: none.
    quiet: tuple[int, int] | None = None
    # Minutes past the hours: keys of their own (last, so positional use is unchanged),
    # so settings saved before them read as on the hour, and an older release reading
    # these still finds whole hours. The digest's (08:30), the quiet hours' start and
    # end (22:30-07:15: (30, 15)).
    digest_minute: int = 0
    quiet_minutes: tuple[int, int] = (0, 0)

    def __post_init__(self) -> None:
        _check_int("Summary length", self.summary_sentences, 1, 10, "sentences")
        if self.mode not in MODES:
            raise InputError(f"Mode must be one of: {', '.join(MODES)}.")
        _check_int("Digest hour", self.digest_hour, 0, 23, "o'clock")
        _check_int("Digest minute", self.digest_minute, 0, 59, "minutes past the hour")
        # Users type "utc" or "europe/berlin": store the zone's proper spelling.
        object.__setattr__(self, "timezone", canonical_timezone(self.timezone))
        value = self.threshold
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not (math.isfinite(value) and 0.0 <= value <= 1.0)
        ):
            raise InputError("The alert threshold must be a number between 0 and 1.")
        if self.topic is not None and not is_topic(self.topic):
            raise InputError("A forum topic is named by its thread number (1 or more).")
        object.__setattr__(self, "mute", _mute_list(self.mute))
        object.__setattr__(self, "quiet_minutes", _quiet_minutes(self.quiet_minutes))
        if self.quiet is not None:
            object.__setattr__(self, "quiet", _quiet_hours(self.quiet, self.quiet_minutes))

    def is_muted(self, word: str) -> bool:
        """Whether ``word`` (any case and spacing) is one of the chat's muted words."""
        return _one_spaced(word).casefold() in {m.casefold() for m in self.mute}

    @property
    def quiet_span(self) -> tuple[time, time] | None:
        """The quiet hours' start and end, to the minute (22:30, 07:15), or None."""
        if self.quiet is None:
            return None
        (start, end), (start_minute, end_minute) = self.quiet, self.quiet_minutes
        return time(start, start_minute), time(end, end_minute)

    @property
    def digest_time(self) -> time:
        """The local time of the daily digest (08:30)."""
        return time(self.digest_hour, self.digest_minute)

    def quiet_at(self, moment: datetime) -> bool:
        """Whether ``moment`` (aware) falls in the chat's quiet hours, by its own clock."""
        span = self.quiet_span
        if span is None:
            return False
        start, end = span
        now = moment.astimezone(ZoneInfo(self.timezone)).time().replace(tzinfo=None)
        # 22-7 spans midnight: quiet from 22:00 on and before 07:00.
        return start <= now < end if start < end else now >= start or now < end

    @classmethod
    def from_json(cls, text: str | None) -> ChatSettings:
        """Stored settings; unknown keys and invalid values fall back to defaults."""
        data = settings_dict(text)
        if isinstance(data.get("mute"), list):
            data["mute"] = _still_mutable(data["mute"])
        settings = cls()
        # The quiet hours after their minutes, which their check reads (22:00-22:30).
        for item in sorted(fields(cls), key=lambda item: item.name == "quiet"):
            if item.name in data:
                try:
                    settings = replace(settings, **{item.name: data[item.name]})
                except (InputError, TypeError):
                    continue  # keep the default rather than lose the chat
        return settings

    def updated(self, **changes: Any) -> ChatSettings:
        """A copy with ``changes`` applied and validated."""
        known = {item.name for item in fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise InputError(f"Unknown setting: {unknown[0]}. Known: {', '.join(sorted(known))}.")
        return replace(self, **changes)


@lru_cache(maxsize=1024)
def stored_settings(text: str | None) -> ChatSettings:
    """``ChatSettings.from_json``, cached: the sender reads a chat's stored settings for
    every waiting alert, and chats share a few settings strings (settings are immutable)."""
    return ChatSettings.from_json(text)


def is_topic(value: object) -> bool:
    """Whether ``value`` is a forum topic as stored: a thread number, 1 or more."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _pair(value: object, high: int) -> tuple[int, int] | None:
    """Two whole numbers from 0 to ``high`` (a JSON list read back), or None."""
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= high for n in value)
    ):
        return (value[0], value[1])
    return None


def _quiet_hours(value: object, minutes: tuple[int, int]) -> tuple[int, int]:
    """Quiet hours as stored: two hours from 0 to 23 that, with ``minutes``, differ."""
    hours = _pair(value, 23)
    if hours is not None and (hours[0], minutes[0]) != (hours[1], minutes[1]):
        return hours
    raise InputError(
        "Quiet hours are two different times of day, such as 22-7 (22:00 to 07:00) or 22:30-6:45."
    )


def _quiet_minutes(value: object) -> tuple[int, int]:
    """Minutes past the quiet hours' start and end as stored: two from 0 to 59."""
    minutes = _pair(value, 59)
    if minutes is None:
        raise InputError("Quiet hours' minutes are two whole numbers from 0 to 59.")
    return minutes


MAX_MUTED = 20
# Quote marks, straight or curly, double or single, that people put around a word.
QUOTE_MARKS = "\"'“”„‘’‚«»‹›"
MAX_MUTE_CHARS = 40


def _mute_list(value: object) -> tuple[str, ...]:
    """Muted words as stored: spacing tidied, repeats (any case) dropped, limits checked."""
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise InputError("Muted words must be a list of words or phrases.")
    kept: dict[str, str] = {}
    for item in value:
        text = _one_spaced(item)
        if not text:
            continue
        if len(text) > MAX_MUTE_CHARS:
            raise InputError(
                f"“{text[:30]}…” is too long to mute; keep each word or phrase under "
                f"{MAX_MUTE_CHARS} characters."
            )
        # One character ("a", "x*") would hide almost everything; "c++" or "💩💩" is a word.
        if len(text.rstrip("*").replace(" ", "")) < 2:
            raise InputError(f"“{text}” is too short to mute: it would hide almost everything.")
        # "--" or "..." names no word: it would hide every article using the marks.
        if not any(ch.isalnum() or unicodedata.category(ch) == "So" for ch in text):
            raise InputError(f"“{text}” is only punctuation, so it names no word to mute.")
        kept.setdefault(text.casefold(), text)
    if len(kept) > MAX_MUTED:
        raise InputError(f"Please mute at most {MAX_MUTED} words or phrases.")
    return tuple(kept.values())


def _still_mutable(words: list[Any]) -> list[Any]:
    """A stored list without the entries today's checks refuse (saved before a check was
    added: "--") and without quote marks around a word, so the chat keeps its other
    muted words."""
    kept = []
    for word in words:
        # Quote marks were kept before they were taken off as typed ("'transfer"):
        # such a word could never match.
        word = str(word).strip().strip(QUOTE_MARKS).strip()
        try:
            _mute_list((word,))
        except InputError:
            continue
        kept.append(word)
    return kept


def _one_spaced(word: object) -> str:
    """A muted word or phrase as stored: its words separated by single spaces."""
    return " ".join(str(word).split())


def muted_changes(muted: tuple[str, ...], changes: dict[str, Any]) -> dict[str, Any]:
    """``changes`` with ``mute_add`` / ``mute_remove`` (words muted or unmuted on top of
    ``muted``, in the same transaction as the write) made a plain ``mute`` list."""
    add, remove = changes.pop("mute_add", ()), changes.pop("mute_remove", ())
    if not add and not remove:
        return changes
    gone = {_one_spaced(word).casefold() for word in remove}
    kept = [word for word in muted if word.casefold() not in gone]
    return {**changes, "mute": (*kept, *add)}


def settings_dict(text: str | None) -> dict[str, Any]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _check_int(label: str, value: object, low: int, high: int, unit: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InputError(f"{label} must be a whole number from {low} to {high} ({unit}).")
