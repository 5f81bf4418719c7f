"""Pieces every reply uses: name lengths, inline buttons, usage lines."""

from __future__ import annotations

from collections.abc import Mapping

from telegram import InlineKeyboardButton

from bot.telegram.formatting import clean, code

NAME_CHARS = 60  # company names shown in replies and on buttons
MAX_ARGUMENT_CHARS = 1000  # what a command takes after its name


def button(text: str, data: str) -> InlineKeyboardButton:
    """An inline button; its label cleaned and cut, its callback data under 64 bytes."""
    label = clean(text, limit=NAME_CHARS)
    assert len(data.encode()) <= 64, data
    return InlineKeyboardButton(label, callback_data=data)


def usage(command: str, example: str) -> str:
    """How to use a command that was sent without what it needs."""
    return f"Usage: {code('/' + command + ' ' + example)}"


def topic_label(topic: int | None, here: int | None, names: Mapping[int, str]) -> str:
    """A forum topic as a reply names it, seen from topic ``here`` (plain text)."""
    if topic is None:
        return "the General topic"
    if topic == here:
        return "this topic"
    name = names.get(topic)
    return f"“{name[:60]}”" if name else "another topic"
