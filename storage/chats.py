"""Chats and their settings: who talks to the bot, how they want their news."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from storage.db import Database, guarded, utc_now
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

    def __post_init__(self) -> None:
        _check_int("Summary length", self.summary_sentences, 1, 10, "sentences")
        if self.mode not in MODES:
            raise InputError(f"Mode must be one of: {', '.join(MODES)}.")
        _check_int("Digest hour", self.digest_hour, 0, 23, "o'clock")
        # Users type "utc" or "europe/berlin": store the zone's proper spelling.
        object.__setattr__(self, "timezone", _canonical_timezone(self.timezone))
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

    def is_muted(self, word: str) -> bool:
        """Whether ``word`` (any case and spacing) is one of the chat's muted words."""
        return _one_spaced(word).casefold() in {m.casefold() for m in self.mute}

    @classmethod
    def from_json(cls, text: str | None) -> ChatSettings:
        """Stored settings; unknown keys and invalid values fall back to defaults."""
        data = _settings_dict(text)
        settings = cls()
        for item in fields(cls):
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


MAX_MUTED = 20
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
        if sum(ch.isalnum() for ch in text) < 2:
            raise InputError(f"“{text}” is too short to mute: it would hide almost everything.")
        kept.setdefault(text.casefold(), text)
    if len(kept) > MAX_MUTED:
        raise InputError(f"Please mute at most {MAX_MUTED} words or phrases.")
    return tuple(kept.values())


def _one_spaced(word: object) -> str:
    """A muted word or phrase as stored: its words separated by single spaces."""
    return " ".join(str(word).split())


def _muted_changes(muted: tuple[str, ...], changes: dict[str, Any]) -> dict[str, Any]:
    """``changes`` with ``mute_add`` / ``mute_remove`` (words muted or unmuted on top of
    ``muted``, in the same transaction as the write) made a plain ``mute`` list."""
    add, remove = changes.pop("mute_add", ()), changes.pop("mute_remove", ())
    if not add and not remove:
        return changes
    gone = {_one_spaced(word).casefold() for word in remove}
    kept = [word for word in muted if word.casefold() not in gone]
    return {**changes, "mute": (*kept, *add)}


def _settings_dict(text: str | None) -> dict[str, Any]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _check_int(label: str, value: object, low: int, high: int, unit: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InputError(f"{label} must be a whole number from {low} to {high} ({unit}).")


# "utc+3", "GMT-5", "+3", "UTC+03:00": what people type for a fixed offset.
_OFFSET = re.compile(r"(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)


def _offset_zone(offset: re.Match[str]) -> str:
    """A whole-hour offset as its IANA zone (``Etc/GMT-3`` is UTC+3: POSIX signs are inverted)."""
    sign, hours, minutes = offset.group(1), int(offset.group(2)), int(offset.group(3) or 0)
    if hours > (12 if sign == "-" else 14):
        raise InputError(f"There is no time zone UTC{sign}{hours}; offsets run from -12 to +14.")
    if minutes:
        raise InputError(
            f"For UTC{sign}{hours}:{minutes:02d} please name a place in that "
            "time zone, such as Asia/Kolkata."
        )
    if hours == 0:
        return "UTC"
    return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"


def timezone_label(zone: str) -> str:
    """How a stored zone reads to people: ``Etc/GMT-3`` -> ``UTC+3``, others unchanged."""
    found = re.fullmatch(r"Etc/GMT([+-])(\d{1,2})", zone)
    if not found:
        return zone
    return f"UTC{'+' if found.group(1) == '-' else '-'}{found.group(2)}"


def _canonical_timezone(name: object) -> str:
    if not isinstance(name, str) or not name.strip() or len(name) > 64:
        raise InputError("The time zone must be a name such as Europe/Berlin or UTC.")
    text = name.strip()
    try:
        ZoneInfo(text)
        return text
    except (ZoneInfoNotFoundError, ValueError):
        pass
    matches = [zone for zone in available_timezones() if zone.casefold() == text.casefold()]
    if matches:
        return sorted(matches)[0]
    offset = _OFFSET.fullmatch(text.replace(" ", ""))
    if offset:
        return _offset_zone(offset)
    raise InputError(f"Unknown time zone {text!r}; use a name such as Europe/Berlin or UTC.")


@dataclass(frozen=True, slots=True)
class Chat:
    """A stored chat."""

    id: int
    type: str | None
    title: str | None
    settings: ChatSettings
    active: bool
    created: str
    updated: str


def _chat(row: dict[str, Any]) -> Chat:
    return Chat(
        id=row["id"],
        type=row["type"],
        title=row["title"],
        settings=ChatSettings.from_json(row["settings"]),
        active=bool(row["active"]),
        created=row["created"],
        updated=row["updated"],
    )


class Chats:
    """The ``chats`` table (moving or forgetting a chat: :mod:`storage.lifecycle`)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def upsert(self, chat_id: int, *, type: str | None = None, title: str | None = None) -> Chat:
        """Create or refresh a chat; a chat that talks to the bot is active again."""
        now = utc_now()
        known = {"type": type, "title": title}
        with self.db.transaction():
            table = self.db.table("chats")
            table.insert(
                {"id": chat_id, "settings": "{}", "created": now, "updated": now}, ignore=True
            )
            changes = {key: value for key, value in known.items() if value is not None}
            table.update(chat_id, {**changes, "active": 1, "updated": now})
            return self._get(chat_id)  # type: ignore[return-value]

    @guarded
    def get(self, chat_id: int) -> Chat | None:
        """The chat, or None when the bot has never seen it."""
        return self._get(chat_id)

    def _get(self, chat_id: int) -> Chat | None:
        rows = self.db.table("chats").rows_where("id = ?", [chat_id])
        return next((_chat(row) for row in rows), None)

    def _stored_settings(self, chat_id: int) -> dict[str, Any]:
        rows = self.db.table("chats").rows_where("id = ?", [chat_id], select="settings")
        return _settings_dict(next((row["settings"] for row in rows), None))

    @guarded
    def settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings (defaults for an unknown chat)."""
        return ChatSettings.from_json(json.dumps(self._stored_settings(chat_id)))

    @guarded
    def update_settings(self, chat_id: int, **changes: Any) -> ChatSettings:
        """Validate and save changed settings; creates the chat if needed.

        Only values a user chose are stored, so later changes to defaults still reach them.
        """
        with self.db.transaction():
            stored = self._stored_settings(chat_id)
            current = ChatSettings.from_json(json.dumps(stored))
            changes = _muted_changes(current.mute, changes)
            new = current.updated(**changes)
            stored.update({key: getattr(new, key) for key in changes})
            now = utc_now()
            table = self.db.table("chats")
            table.insert(
                {"id": chat_id, "settings": "{}", "active": 1, "created": now, "updated": now},
                ignore=True,
            )
            table.update(chat_id, {"settings": json.dumps(stored, sort_keys=True), "updated": now})
            return new

    @guarded
    def set_active(self, chat_id: int, active: bool) -> bool:
        """Mark a chat (in)active, e.g. after the user blocked the bot; False if unknown."""
        with self.db.transaction():
            cursor = self.db.execute(
                "UPDATE chats SET active = ?, updated = ? WHERE id = ?",
                [int(active), utc_now(), chat_id],
            )
            return cursor.rowcount > 0

    @guarded
    def name_topic(self, chat_id: int, thread_id: int, name: str, *, rename: bool = False) -> bool:
        """Remember a forum topic's name (cut to Telegram's 128 characters): its first name
        unless ``rename``. False when the chat is unknown (nothing is stored for chats that
        never used a command)."""
        keep = "DO UPDATE SET name = excluded.name" if rename else "DO NOTHING"
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO forum_topics (chat_id, thread_id, name) "
                f"SELECT id, ?, ? FROM chats WHERE id = ? ON CONFLICT (chat_id, thread_id) {keep}",
                [thread_id, name[:128], chat_id],
            )
            return bool(self.db.table("chats").count_where("id = ?", [chat_id]))

    @guarded
    def topic_names(self, chat_id: int) -> dict[int, str]:
        """{thread id: name} of the chat's forum topics seen so far."""
        rows = self.db.table("forum_topics").rows_where("chat_id = ?", [chat_id])
        return {int(row["thread_id"]): str(row["name"]) for row in rows}

    # Parts of the cross-table operations in storage/lifecycle.py (inside its transaction).

    def forget_topic_name(self, chat_id: int, thread_id: int) -> None:
        """Drop a deleted forum topic's name."""
        self.db.table("forum_topics").delete_where(
            "chat_id = ? AND thread_id = ?", [chat_id, thread_id]
        )

    def copy_to(self, old_id: int, new_id: int) -> None:
        """Give the chat's row (settings, state) to its new id, unless that id exists."""
        self.db.execute(
            """
            INSERT INTO chats (id, type, title, settings, active, created, updated)
            SELECT ?, type, title, settings, active, created, ? FROM chats WHERE id = ?
            ON CONFLICT(id) DO NOTHING
            """,
            [new_id, utc_now(), old_id],
        )

    def remove(self, chat_id: int) -> bool:
        """Delete the chat's row (its subscriptions and alerts cascade); False if unknown."""
        return self.db.execute("DELETE FROM chats WHERE id = ?", [chat_id]).rowcount > 0
