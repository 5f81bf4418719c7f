"""The one codec for inline-button data: ``<action>:<number>`` or ``s:<key>:<value>``.

Telegram returns a button's data verbatim when it is pressed, at most 64 bytes, and
anyone can forge a press, so every press is decoded here and checked: an unknown
action, a number that is not a row id, or a value with odd characters is refused
with the same "this button no longer works" the user sees for an old message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from summarizer.errors import InputError

MAX_BYTES = 64  # Telegram's limit on callback_data
MAX_ID = 2**63 - 1  # SQLite's INTEGER: a larger "id" is forged
STALE = "This button no longer works; please send the command again."
_SETTING = re.compile(r"^s:([a-z]+):([\w./:+-]{1,40})$")
_NUMBERED = re.compile(r"^([a-z]):(\d{1,19})$")


class Action(StrEnum):
    """What a button does; the value is its prefix in the callback data."""

    UNSUBSCRIBE = "u"
    FOLLOW = "f"
    MORE_NEWS = "m"
    ARTICLE = "a"
    SETTING = "s"


@dataclass(frozen=True, slots=True)
class Press:
    """A decoded button press: ``number`` for company/article buttons, ``key``/``value``
    for settings buttons."""

    action: Action
    number: int = 0
    key: str = ""
    value: str = ""


def encode(action: Action, number: int) -> str:
    """Data for a button acting on one company or article (``u:42``)."""
    if action is Action.SETTING or not 0 <= number <= MAX_ID:
        raise ValueError(f"not a numbered button: {action} {number}")
    return f"{action.value}:{number}"


def encode_setting(key: str, value: str) -> str:
    """Data for a settings button (``s:length:5``); checked against the 64-byte limit."""
    data = f"{Action.SETTING.value}:{key}:{value}"
    if not _SETTING.match(data) or len(data.encode()) > MAX_BYTES:
        raise ValueError(f"setting button data not encodable: {data!r}")
    return data


def decode(data: str | None) -> Press:
    """The press behind ``data``; raises InputError (``STALE``) for anything we never sent."""
    text = data or ""
    setting = _SETTING.match(text)
    if setting:
        return Press(Action.SETTING, key=setting.group(1), value=setting.group(2))
    numbered = _NUMBERED.match(text)
    if numbered and numbered.group(1) in _NUMBERED_ACTIONS:
        number = int(numbered.group(2))
        if number <= MAX_ID:
            return Press(Action(numbered.group(1)), number=number)
    raise InputError(STALE)


def pattern(action: Action) -> re.Pattern[str]:
    """The regular expression PTB routes this action's presses with."""
    if action is Action.SETTING:
        return _SETTING
    return re.compile(rf"^{action.value}:\d{{1,19}}$")


_NUMBERED_ACTIONS = frozenset(a.value for a in Action if a is not Action.SETTING)
