"""The bot's welcome and help texts, and the command menu Telegram shows (pure functions).

The replies of the other commands live beside this module: ``subscriptions.py``
(/subscribe, /unsubscribe, /list, /stop), ``news.py`` (/news, /summary, /search) and
``settings.py``.
"""

from __future__ import annotations

from difflib import get_close_matches

from bot.services.typed.settings import delivery_mode, setting_field
from bot.telegram.formatting import code, esc
from bot.telegram.replies.common import NAME_CHARS

COMMANDS: tuple[tuple[str, str], ...] = (  # the menu Telegram shows (setMyCommands)
    ("subscribe", "Follow companies"),
    ("list", "Companies this chat follows"),
    ("news", "Latest news about a company"),
    ("search", "Search stored articles"),
    ("summary", "Summarise an article (link or number)"),
    ("unsubscribe", "Stop following a company"),
    ("settings", "Summary length, alerts or digest, quiet hours, relevance, muted words"),
    ("help", "How to use this bot"),
    ("stop", "Unfollow everything and delete this chat's data"),
)
HELP_LINES: tuple[tuple[str, str], ...] = (
    (
        "/subscribe Apple, Toyota",
        'follow companies: names, aliases (Google) or tickers (MSFT); "quote" a name with a comma',
    ),
    ("/list", "what this chat follows, with buttons for news and unsubscribing"),
    ("/news Google 5", "a short brief and the latest 5 articles, summarised for Google"),
    (
        "/search takeover bid",
        "stored articles with all these words (OR for either, -word to leave out)",
    ),
    ("/summary 12", "summarise article 12, or a web page: /summary https://…"),
    ("/unsubscribe Toyota", "stop following (/unsubscribe all: everything, keeping your settings)"),
    (
        "/settings",
        "summary length, instant alerts or a daily digest, how central a "
        "company must be to alert you, words to mute",
    ),
    ("/settings quiet 22-7", "alerts from 22:00 to 07:00 (your time zone) arrive silently"),
    ("/stop", "unfollow everything and delete this chat's data"),
)


def start_text(first_name: str | None, *, buttons: bool = False) -> str:
    """Welcome: what the bot does and how to begin."""
    hello = f"Hello, {esc(first_name, limit=NAME_CHARS)}!" if first_name else "Hello!"
    return (
        f"{hello} I follow <b>companies</b> in the news for you.\n\n"
        "Tell me which ones you care about and I send a short summary, focused on "
        "that company, whenever an article about it arrives — or once a day, if you prefer.\n\n"
        "To begin: /subscribe Apple\n"
        "Several at once: /subscribe Toyota, Boeing, Microsoft\n"
        "Right now: /news Google\n\n"
        "All commands: /help" + (". Or tap a company in the news now:" if buttons else "")
    )


def help_text(*, group: bool = False) -> str:
    """Every command with an example."""
    # Bare commands stay tappable; examples with arguments are code, copied with one tap.
    lines = [f"{code(ex) if ' ' in ex else ex} — {esc(text)}" for ex, text in HELP_LINES]
    extra = (
        "\n\nIn groups the subscriptions belong to the whole group and only admins change them."
        if group
        else ""
    )
    return "<b>What I can do</b>\n\n" + "\n".join(lines) + extra


def unknown_command_text(command: str, args: str = "") -> str:
    """The reply to a command the bot lacks, naming the closest one ("/subscrbe"), or
    the /settings line that does what it asks ("/mute football": /settings mute football)."""
    word = command.lstrip("/").casefold()[:40]
    setting = _as_setting(word, args)
    if setting:
        guess = f" Did you mean {code(setting)}?"
    else:
        close = get_close_matches(word, [name for name, _ in COMMANDS], n=1, cutoff=0.75)
        guess = f" Did you mean /{close[0]}?" if close else ""
    return f"I don't know the command {esc(command, limit=40)}.{guess} /help lists what I can do."


def _as_setting(word: str, args: str) -> str | None:
    """``/settings ...`` for a command named like a setting or a delivery mode, or None."""
    field = setting_field(word)
    # One line to copy: a muted word per line becomes a word per comma (joined with
    # spaces, "football" and "rumour" on two lines would be one phrase).
    lines = (" ".join(line.split()) for line in args.splitlines())
    rest = (", " if field in ("mute", "unmute") else " ").join(filter(None, lines))[:NAME_CHARS]
    if delivery_mode(word) is not None and not rest:
        return f"/settings mode {word}"
    if field is None:
        return None
    return f"/settings {word} {rest}" if rest else f"/settings {word}"


_EDITED_CHARS = 1000  # the longest command a handler reads (longer ones are refused)


def edited_command_text(command: str) -> str:
    """The reply to a command edited after it was sent: an edit is not run (it could
    repeat or undo what the first one did), so the command to send again, to copy."""
    shown = " ".join(command.split())
    return (
        "I act on new messages, not on edits. To run the corrected command, send it "
        f"again: {code(shown, limit=_EDITED_CHARS)}"
    )
