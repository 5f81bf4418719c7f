"""Daily digests: one message (or a few, when long) per chat at its hour, in its time zone.

A digest chat's alerts wait in the outbox as 'held'. Every minute :func:`release_due`
looks at those chats; when the chat's local clock has passed its digest time (08:30) and
alerts were waiting since before that moment, the digest is recorded in SQLite under that
moment and the alerts are handed to the sender in the same transaction, so a restart
never sends a digest twice, and a bot that was down at 08:00 still sends it when it is
back. Alerts that arrive after today's digest wait for the next one: tomorrow's, or
today's at a new time when the chat moves its digest later (18:00, or to a time zone
further west): a digest is once per moment, not once per calendar day.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from storage.outbox import Outbox
from storage.settings import ChatSettings


def digest_moment(settings: ChatSettings, now: datetime) -> datetime:
    """The latest digest time (aware, UTC) at or before ``now`` for these settings."""
    zone = ZoneInfo(settings.timezone)
    local = now.astimezone(zone)
    moment = datetime.combine(local.date(), settings.digest_time, tzinfo=zone)
    if moment > local:
        moment = datetime.combine(
            local.date() - timedelta(days=1), settings.digest_time, tzinfo=zone
        )
    return moment.astimezone(UTC)


def due_key(settings: ChatSettings, oldest_waiting: float, now: datetime) -> str | None:
    """The digest to send now, as it is recorded (its local date, time and UTC offset:
    "2026-05-01T08:00+02:00"), or None when nothing is due yet.

    Due when some alert has been waiting since before the chat's latest digest time. The
    key is the moment, not the date: a digest moved to later the same day is a new one.
    """
    moment = digest_moment(settings, now)
    if oldest_waiting > moment.timestamp():
        return None
    return moment.astimezone(ZoneInfo(settings.timezone)).isoformat(timespec="minutes")


def release_due(outbox: Outbox, *, now: datetime | None = None) -> int:
    """Hand every due digest to the sender; returns how many alerts were released.

    A chat that switched back to instant alerts gets its held alerts right away
    (the sender turns a large backlog into one catch-up message).
    """
    now = now or datetime.now(UTC)
    released = 0
    for chat_id, raw, oldest in outbox.held_chats():
        settings = ChatSettings.from_json(raw)
        if settings.mode != "digest":
            released += outbox.release_digest(chat_id, None, now=now.timestamp())
            continue
        key = due_key(settings, oldest, now)
        if key is not None:
            released += outbox.release_digest(chat_id, key, now=now.timestamp())
    return released
