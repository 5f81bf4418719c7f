"""The bot on a database it cannot write: what reads still show, what a change says."""

from __future__ import annotations

from typing import Any

Bot = Any  # the Harness from conftest (not importable under importlib mode)

GROUP = -1001


def _refuse_writes(bot: Bot) -> None:
    """From now on SQLite refuses every write on the bot's connection with its own
    "attempt to write a readonly database" (SQLITE_READONLY), as for a file opened
    read-only or a disk gone read-only. (``chmod 0444`` would not do: tests may run as
    root, whom no file mode stops.)"""
    bot.store.db.conn.execute("PRAGMA query_only = ON")


async def test_settings_shows_on_a_read_only_database_and_a_change_says_why_not(
    bot: Bot,
) -> None:
    await bot.send("/settings")  # the chat is known from here on
    await bot.send("/settings", chat=GROUP, chat_type="supergroup")
    _refuse_writes(bot)
    for shown in (
        await bot.send("/settings"),
        await bot.send("/settings", chat=GROUP, chat_type="supergroup"),
    ):
        assert len(shown) == 1 and "Summary length: <b>3</b>" in shown[0]
    read_only = "is read-only; newsbot needs to write both."
    (changed,) = await bot.send("/settings length 5")
    assert changed.endswith(read_only) and "\n" not in changed
    await bot.press("s:len:5")  # a button: the same line, as an alert
    assert bot.last("answerCallbackQuery")["text"].endswith(read_only)
    bot.store.db.conn.execute("PRAGMA query_only = OFF")
    assert bot.store.chats.settings(11).summary_sentences == 3  # nothing half-saved
    assert "Summary length: <b>5</b>" in (await bot.send("/settings length 5"))[0]


async def test_settings_for_a_chat_first_seen_on_a_read_only_database_shows_the_defaults(
    bot: Bot,
) -> None:
    """Nothing needs writing to show a new chat its settings: the defaults are shown;
    only a change (typed, or a button) gets the read-only line, and nothing is stored."""
    _refuse_writes(bot)
    read_only = "is read-only; newsbot needs to write both."
    for chat, kind in ((GROUP, "supergroup"), (12, "private")):
        (shown,) = await bot.send("/settings", chat=chat, user=12, chat_type=kind)
        assert "Summary length: <b>3</b>" in shown and "read-only" not in shown
    (changed,) = await bot.send("/settings length 5", chat=12, user=12)
    assert changed.endswith(read_only)
    await bot.press("s:len:5", chat=12, user=12)
    assert bot.last("answerCallbackQuery")["text"].endswith(read_only)
    bot.store.db.conn.execute("PRAGMA query_only = OFF")
    assert bot.store.chats.get(GROUP) is None and bot.store.chats.get(12) is None
    # The button shown read-only, pressed once the file is writable again, says the chat
    # has no saved settings (not that they are gone) and how to get working buttons.
    await bot.press("s:len:5", chat=12, user=12)
    assert bot.last("answerCallbackQuery")["text"] == (
        "This chat has no saved settings (after /stop, or shown while the bot could not "
        "save), so this button does nothing. Send /settings for new buttons."
    )
    await bot.send("/settings", chat=12, user=12)
    await bot.press("s:len:5", chat=12, user=12)
    assert bot.store.chats.settings(12).summary_sentences == 5
