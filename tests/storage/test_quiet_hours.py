"""Quiet hours in a chat's settings: checked, kept in the settings JSON (no new column, so
no schema step), read back from files written before they existed, and judged on the
chat's own clock."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from storage import open_store
from storage.db import connect
from storage.migrations import latest_version, migrate
from storage.settings import ChatSettings
from summarizer.errors import InputError


def _stored(path: Path, chat_id: int) -> dict[str, object]:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT settings FROM chats WHERE id = ?", [chat_id]).fetchone()
    return json.loads(row[0])


def test_a_file_written_before_quiet_hours_reads_and_keeps_them(db_path: Path) -> None:
    # The file as the release before quiet hours left it: the same schema version (quiet
    # hours live in the settings JSON), chats saved without the key, or with a value this
    # release refuses (a hand-edited row): those read as no quiet hours, the rest is kept.
    db = connect(db_path)
    assert migrate(db) == latest_version()
    for chat_id, settings in (
        (1, {"mode": "digest", "timezone": "Europe/Berlin"}),
        (2, {"summary_sentences": 5, "quiet": [7, 7]}),
        (3, {"summary_sentences": 2, "quiet": "22-7"}),
    ):
        db.execute(
            "INSERT INTO chats (id, type, settings, active, created, updated) "
            "VALUES (?, 'private', ?, 1, 't', 't')",
            [chat_id, json.dumps(settings)],
        )
    db.conn.close()
    with open_store(db_path) as store:
        assert store.chats.settings(1).quiet is None
        assert store.chats.settings(1).timezone == "Europe/Berlin"
        assert (store.chats.settings(2).quiet, store.chats.settings(2).summary_sentences) == (
            None,
            5,
        )
        assert store.chats.settings(3).quiet is None
        store.chats.update_settings(1, quiet=(22, 7))
    assert _stored(db_path, 1) == {"mode": "digest", "timezone": "Europe/Berlin", "quiet": [22, 7]}
    with open_store(db_path) as store:  # read back from the file by a new connection
        settings = store.chats.settings(1)
        assert (settings.quiet, settings.mode) == ((22, 7), "digest")
        assert store.chats.update_settings(1, quiet=None).quiet is None
    assert _stored(db_path, 1)["quiet"] is None
    with open_store(db_path) as store:
        assert store.chats.settings(1).quiet is None


@pytest.mark.parametrize("wrong", [(7, 7), (24, 7), (22, -1), (True, 7), (22.0, 7), (22,), "22-7"])
def test_quiet_hours_are_two_different_hours_of_the_day(wrong: object) -> None:
    with pytest.raises(InputError, match="two different times of day"):
        ChatSettings(quiet=wrong)  # type: ignore[arg-type]


def test_quiet_minutes_and_the_digest_minute_are_kept_and_old_rows_read_on_the_hour(
    db_path: Path,
) -> None:
    # Minutes are keys of their own in the settings JSON (no schema step): a row saved
    # before them reads as whole hours, and a release before them still reads the hours.
    with open_store(db_path) as store:
        store.chats.update_settings(1, quiet=(22, 7), digest_hour=6)
        old = store.chats.settings(1)
        assert (old.quiet_minutes, old.digest_minute) == ((0, 0), 0)
        store.chats.update_settings(1, quiet=(22, 7), quiet_minutes=(30, 15), digest_minute=45)
    assert _stored(db_path, 1) == {
        "quiet": [22, 7],
        "quiet_minutes": [30, 15],
        "digest_hour": 6,
        "digest_minute": 45,
    }
    with open_store(db_path) as store:
        settings = store.chats.settings(1)
        assert (settings.quiet_span, settings.digest_time) == (
            (time(22, 30), time(7, 15)),
            time(6, 45),
        )
        # Within one hour: 22:00-22:30 are two different times.
        half = store.chats.update_settings(1, quiet=(22, 22), quiet_minutes=(0, 30))
        assert half.quiet_span == (time(22, 0), time(22, 30))
    with open_store(db_path) as store:  # read back: the hours checked with their minutes
        assert store.chats.settings(1).quiet_span == (time(22, 0), time(22, 30))
    night = ChatSettings(quiet=(22, 7), quiet_minutes=(30, 15))
    at = [night.quiet_at(_local("UTC", h, m)) for h, m in ((22, 29), (22, 30), (7, 14), (7, 15))]
    assert at == [False, True, True, False]
    for wrong in ((60, 0), (0, -1), [30], "30-15"):
        with pytest.raises(InputError, match="minutes are two whole numbers from 0 to 59"):
            ChatSettings(quiet=(22, 7), quiet_minutes=wrong)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="two different times of day"):
        ChatSettings(quiet=(22, 22), quiet_minutes=(15, 15))
    with pytest.raises(InputError, match="Digest minute must be a whole number from 0 to 59"):
        ChatSettings(digest_minute=60)


def _local(zone: str, hour: int, minute: int = 0) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(2026, 7, 1, hour, minute, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def test_quiet_hours_follow_the_chats_clock_across_midnight() -> None:
    night = ChatSettings(timezone="Europe/Berlin", quiet=(22, 7))
    assert [night.quiet_at(_local("Europe/Berlin", h, m)) for h, m in ((21, 59), (22, 0))] == [
        False,
        True,
    ]
    assert [night.quiet_at(_local("Europe/Berlin", h, m)) for h, m in ((6, 59), (7, 0))] == [
        True,
        False,
    ]
    assert night.quiet_at(_local("Europe/Berlin", 0, 30))
    # 02:00 in Berlin is 20:00 in New York (summer time both): not quiet there.
    assert not ChatSettings(timezone="America/New_York", quiet=(22, 7)).quiet_at(
        _local("Europe/Berlin", 2)
    )
    lunch = ChatSettings(quiet=(13, 15))  # not across midnight
    assert [lunch.quiet_at(_local("UTC", h)) for h in (12, 13, 14, 15, 3)] == [
        False,
        True,
        True,
        False,
        False,
    ]
    assert not ChatSettings().quiet_at(_local("UTC", 3))  # none set: never quiet
