"""``/settings quiet``: typed as people write hours, shown in /settings with its buttons,
in /help; a wrong range says what is wrong and saves nothing."""

from __future__ import annotations

from typing import Any

import pytest

Bot = Any  # the harness from conftest


async def test_quiet_hours_are_typed_as_people_write_them(bot: Bot) -> None:
    reply = (await bot.send("/settings quiet 22-7"))[0]
    assert "✓ Saved." in reply
    assert "Quiet hours: <b>22:00–07:00</b> (UTC): alerts arrive silently" in reply
    assert bot.store.chats.settings(11).quiet == (22, 7)
    for typed, hours in (
        ("23:00-06:00", (23, 6)),
        ("10pm-7am", (22, 7)),
        ("11 p.m. – 6 a.m.", (23, 6)),
        ("0 to 6", (0, 6)),
        ("on", (22, 7)),
        ("12am-12pm", (0, 12)),
    ):
        await bot.send(f"/settings quiet {typed}")
        assert bot.store.chats.settings(11).quiet == hours, typed
    await bot.send("/settings tz Europe/Berlin")
    shown = (await bot.send("/settings"))[0]
    assert "Quiet hours: <b>00:00–12:00</b> (Europe/Berlin)" in shown
    off = (await bot.send("/settings quiet off"))[0]
    assert "Quiet hours: none · /settings quiet 22-7" in off
    assert bot.store.chats.settings(11).quiet is None


async def test_quiet_hours_take_minutes_as_typed_and_show_them_back(bot: Bot) -> None:
    # Before, only whole hours: "22:30-7:15" was refused as "not an hour of the day".
    reply = (await bot.send("/settings quiet 22:30-7:15"))[0]
    assert "✓ Saved." in reply
    assert "Quiet hours: <b>22:30–07:15</b> (UTC): alerts arrive silently" in reply
    settings = bot.store.chats.settings(11)
    assert (settings.quiet, settings.quiet_minutes) == ((22, 7), (30, 15))
    buttons = dict(bot.buttons(bot.last("sendMessage")))
    assert buttons["• 🔕 Quiet 22:30–07:15"] == "s:quiet:22:30-7:15"
    assert all(len(data.encode()) <= 64 for data in buttons.values())
    for typed, span in (
        ("10:30pm-6:45am", ((22, 6), (30, 45))),
        ("22h30 - 7h", ((22, 7), (30, 0))),
        ("23.15 to 6", ((23, 6), (15, 0))),
        ("22-7", ((22, 7), (0, 0))),  # whole hours again: the minutes go
    ):
        await bot.send(f"/settings quiet {typed}")
        settings = bot.store.chats.settings(11)
        assert (settings.quiet, settings.quiet_minutes) == span, typed
    await bot.press("s:quiet:22:30-7:15")  # the button of a chat with minutes
    assert bot.store.chats.settings(11).quiet_minutes == (30, 15)
    assert "Quiet hours: <b>22:30–07:15</b>" in bot.last("editMessageText")["text"]
    await bot.send("/settings quiet off")
    assert bot.store.chats.settings(11).quiet is None
    assert ("🔕 Quiet 22:00–07:00", "s:quiet:22-7") in bot.buttons(bot.last("sendMessage"))


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("25-7", "“25” is not a time of day"),
        ("22:75-7", "“22:75” is not a time of day: quiet hours start and end at times"),
        ("10pm-13pm", "“13pm” is not a time of day"),
        ("7-7", "Quiet hours must start and end at different times (7-7 would be no time"),
        ("7am-7", "Quiet hours must start and end at different times (7am-7 would"),
        ("7:30-7.30", "Quiet hours must start and end at different times"),
        ("banana", "Quiet hours are two times of day in your time zone: /settings quiet 22-7"),
        ("", "/settings quiet off lets every alert ring"),
    ],
)
async def test_a_wrong_range_says_what_is_wrong_and_saves_nothing(
    bot: Bot, typed: str, says: str
) -> None:
    await bot.send("/settings quiet 23-6")
    reply = (await bot.send(f"/settings quiet {typed}"))[0]
    assert says in reply
    assert "no setting called" not in reply
    assert bot.store.chats.settings(11).quiet == (23, 6)


async def test_quiet_hours_buttons_help_and_the_command_people_guess(bot: Bot) -> None:
    await bot.send("/settings")
    buttons = dict(bot.buttons(bot.last("sendMessage")))
    assert buttons["🔕 Quiet 22:00–07:00"] == "s:quiet:22-7"
    assert buttons["• No quiet hours"] == "s:quiet:off"
    assert all(len(data.encode()) <= 64 for data in buttons.values())
    await bot.press("s:quiet:22-7")
    assert bot.store.chats.settings(11).quiet == (22, 7)
    edited = bot.last("editMessageText")
    assert "Quiet hours: <b>22:00–07:00</b>" in edited["text"]
    assert dict(bot.buttons(edited))["• 🔕 Quiet 22:00–07:00"] == "s:quiet:22-7"
    # The chat's own hours on the button, written as the text above it writes them.
    reply = (await bot.send("/settings quiet 23-6"))[0]
    assert "Quiet hours: <b>23:00–06:00</b>" in reply
    assert ("• 🔕 Quiet 23:00–06:00", "s:quiet:23-6") in bot.buttons(bot.last("sendMessage"))
    await bot.press("s:quiet:off")
    assert bot.store.chats.settings(11).quiet is None
    assert "/settings quiet 22-7" in (await bot.send("/help"))[0]
    assert "Did you mean <code>/settings quiet 22-7</code>?" in (await bot.send("/quiet 22-7"))[0]
