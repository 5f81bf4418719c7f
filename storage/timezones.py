"""Time zones as people type them ("europe/berlin", "UTC+3", "GMT-5") and as the
settings show them (``Etc/GMT-3`` reads UTC+3)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from summarizer.errors import InputError

# "utc+3", "GMT-5", "+3", "UTC+03:00": what people type for a fixed offset.
_OFFSET = re.compile(r"(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)


def _offset_zone(offset: re.Match[str]) -> str:
    """A whole-hour offset as its IANA zone (``Etc/GMT-3`` is UTC+3: POSIX signs are inverted)."""
    sign, hours, minutes = offset.group(1), int(offset.group(2)), int(offset.group(3) or 0)
    if hours > (12 if sign == "-" else 14):
        raise InputError(f"There is no time zone UTC{sign}{hours}; offsets run from -12 to +14.")
    if minutes:
        total = (1 if sign == "+" else -1) * (hours * 60 + minutes)
        place = _PLACES.get(total) or next(iter(_places_at(total)), None)
        example = f", such as {place}" if place else ""
        raise InputError(
            f"For UTC{sign}{hours}:{minutes:02d} please name a place in that time zone{example}."
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


# A well-known place for each offset off the whole hour (minutes east of UTC); the zone
# database also has older spellings of some ("Asia/Calcutta").
_PLACES = MappingProxyType(
    {
        330: "Asia/Kolkata",
        345: "Asia/Kathmandu",
        210: "Asia/Tehran",
        270: "Asia/Kabul",
        390: "Asia/Yangon",
        -210: "America/St_Johns",
        570: "Australia/Darwin",
        -570: "Pacific/Marquesas",
    }
)


def _places_at(minutes: int) -> list[str]:
    """Time zones of places (Area/City) at this UTC offset now, in minutes."""
    now = datetime.now(UTC)
    return sorted(
        zone
        for zone in available_timezones()
        if "/" in zone
        and not zone.startswith(("Etc/", "posix", "right"))
        and now.astimezone(ZoneInfo(zone)).utcoffset() == timedelta(minutes=minutes)
    )


# Files in the zone database that are no place's zone: "localtime" is whatever the server
# is set to, "Factory" an unset zone.
_NOT_ZONES = frozenset(("localtime", "posixrules", "factory"))


def canonical_timezone(name: object) -> str:
    if not isinstance(name, str) or not name.strip() or len(name) > 64:
        raise InputError("The time zone must be a name such as Europe/Berlin or UTC.")
    text = name.strip()
    if text.casefold() in _NOT_ZONES or text.casefold().startswith(("posix/", "right/")):
        raise InputError(f"{text!r} is no place's time zone; use a name such as Europe/Berlin.")
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
