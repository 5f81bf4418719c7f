"""The terminal chat: the real bot, talking to you at a ``›`` prompt instead of on Telegram.

The bot's HTTP layer is the in-process :class:`~bot.telegram.fake_api.FakeBotApi`; this
module turns each line you type into an update and prints what the bot sends, rendered
for a terminal. On a terminal the prompt has line editing and history (prompt_toolkit),
and alerts print above it; piped input works too, each line echoed after ``›``.

What you see:

- replies right under your line; alerts (anything the bot sends on its own) under a
  ``🔔 alert 14:02`` line (``🔕 silent alert 03:10`` in the chat's quiet hours);
- buttons numbered ``[1] …``; typing the number (or the label) presses one. Buttons
  belong to the last message that had them and expire when you type a new command;
- an edited message as a short ``↻ updated:`` note with only its changed lines.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from bot.telegram.fake_api import FakeBotApi, plain
from bot.telegram.formatting import render_terminal

TERMINAL_CHAT_ID = 1
TERMINAL_USER_ID = 1
PROMPT = "› "
# Telegram requires a first name; /start greets the terminal's user with "Hello, there!".
_USER = {"id": TERMINAL_USER_ID, "is_bot": False, "first_name": "there", "language_code": "en"}
_CHAT = {"id": TERMINAL_CHAT_ID, "type": "private", "first_name": "there"}
_TAP = re.compile(r"\b([Tt])ap\b")
_NUMBER = re.compile(r"\[?\s*(\d{1,2})\s*\]?")
EXPIRED = "Those buttons have expired; send the command again (e.g. /list) for new ones."
NO_BUTTONS = "There are no buttons to press right now."


@dataclass(slots=True)
class _Keyboard:
    """The buttons of the last message that had some: number -> (message, callback data)."""

    buttons: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    expired: bool = False

    def find(self, text: str) -> tuple[dict[str, Any], str] | None:
        match = _NUMBER.fullmatch(text)
        key = match.group(1) if match else self.labels.get(text.casefold(), "")
        return self.buttons.get(key)


class TerminalChat:
    """One person at a terminal chatting with the bot through a :class:`FakeBotApi`."""

    def __init__(
        self,
        *,
        stdout: TextIO,
        color: bool = False,
        echo: bool = False,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.api = FakeBotApi(on_call=self.render_call)
        self.api.owners.add((TERMINAL_CHAT_ID, TERMINAL_USER_ID))
        self.stdout = stdout
        self._color = color
        self._echo = echo
        self._now = now
        self._shown: dict[int, list[str]] = {}  # message id -> its lines as printed
        self._shown_since_input = 0  # messages printed since the last line typed
        self._keyboard = _Keyboard()
        self._message_ids = self.api.next_message_id
        self._update_ids = iter(range(1, 2**31))
        self.replying = False  # True while the bot answers a line: what it sends is a reply
        self.output_closed = False
        self.finished = asyncio.Event()

    # -- input ---------------------------------------------------------------------------

    def update_for(self, line: str) -> dict[str, Any] | None:
        """The update a typed line becomes (a message or a button press), or None."""
        text = line.strip()
        if not text:
            return None
        self._shown_since_input = 0
        if self._echo:
            self.write(f"\n{PROMPT}{text}\n")
        pressed = None if self._keyboard.expired else self._keyboard.find(text)
        if pressed is not None:
            shown, data = pressed
            query = {
                "id": str(self._message_ids()),
                "from": _USER,
                "chat_instance": "terminal",
                "data": data,
                "message": shown,
            }
            return {"update_id": next(self._update_ids), "callback_query": query}
        if _NUMBER.fullmatch(text):
            self.write(f"{self._no_such_button(text)}\n")
            return None
        self._keyboard.expired = True  # a new command: old buttons no longer apply
        message: dict[str, Any] = {
            "message_id": self._message_ids(),
            "date": int(self._now()),
            "chat": _CHAT,
            "from": _USER,
            "text": text,
        }
        if text.startswith("/"):
            length = len(text.split(maxsplit=1)[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return {"update_id": next(self._update_ids), "message": message}

    def _no_such_button(self, text: str) -> str:
        """Why a number pressed nothing: no buttons, buttons gone with a new command, or
        live buttons that do not go that far (those were called expired)."""
        count = len(self._keyboard.buttons)
        if not count:
            return NO_BUTTONS
        if self._keyboard.expired:
            return EXPIRED
        number = text.strip("[] ")
        return f"There is no button {number}; type {'1' if count == 1 else f'1–{count}'}."

    # -- output --------------------------------------------------------------------------

    def render_call(self, name: str, params: dict[str, Any], result: Any) -> None:
        """Print one answered Bot API call (the FakeBotApi calls this after each one)."""
        if name == "sendMessage":
            self._show(params, result, edited=False)
        elif name == "editMessageText":
            self._show(params, result, edited=True)
        elif name == "editMessageReplyMarkup":
            self._buttons(params.get("reply_markup"), result)
        elif name == "answerCallbackQuery" and params.get("text"):
            self.write(f"  ({params['text']})\n")

    def _render(self, params: dict[str, Any]) -> list[str]:
        text = str(params.get("text", ""))
        if str(params.get("parse_mode") or "").upper() == "HTML":
            text = render_terminal(text, color=self._color)
        return _TAP.sub(lambda m: "Press" if m.group(1) == "T" else "press", text).splitlines()

    def _show(self, params: dict[str, Any], message: dict[str, Any], *, edited: bool) -> None:
        lines = self._render(params)
        message_id = int(message["message_id"])
        before = self._shown.get(message_id) if edited else None
        self._shown[message_id] = lines
        header = self._header(params)
        if before is not None:
            changed = [line for line in lines if line not in before] or lines[:1]
            self.write(header + "↻ updated: " + "\n".join(changed) + "\n")
        else:
            # A reply in several messages (a long /news): a blank line between them.
            gap = "\n" if self._shown_since_input and not header else ""
            self._shown_since_input += 1
            self.write(gap + header + "\n".join(lines) + "\n")
        self._buttons(params.get("reply_markup"), message)

    def _header(self, params: dict[str, Any]) -> str:
        chat_id = params.get("chat_id", TERMINAL_CHAT_ID)
        if chat_id != TERMINAL_CHAT_ID:
            return f"[to chat {chat_id}] "
        if self.replying:
            return ""
        bell = "🔕 silent alert" if params.get("disable_notification") else "🔔 alert"
        return f"\n{bell} {time.strftime('%H:%M', time.localtime(self._now()))}\n"

    def _buttons(self, markup: Any, message: dict[str, Any]) -> None:
        rows = (markup or {}).get("inline_keyboard") or []
        if not rows:
            return
        keyboard = _Keyboard()
        stored = {**message, "chat": _CHAT, "from": self.api.bot_user}
        for row in rows:
            cells = []
            for button in row:
                if "callback_data" in button:
                    number = str(len(keyboard.buttons) + 1)
                    keyboard.buttons[number] = (stored, button["callback_data"])
                    keyboard.labels.setdefault(plain(button["text"]).casefold(), number)
                    cells.append(f"[{number}] {button['text']}")
                elif "url" in button:
                    cells.append(f"{button['text']} <{button['url']}>")
            self.write("  " + "   ".join(cells) + "\n")
        self._keyboard = keyboard
        count = len(keyboard.buttons)
        if count:
            self.write(f"  (type {'1' if count == 1 else f'1–{count}'} to press a button)\n")

    def write(self, text: str) -> None:
        """Print to the terminal; a closed pipe (``| head``) ends the chat."""
        if self.output_closed:
            return
        try:
            self.stdout.write(text)
            self.stdout.flush()
        except (BrokenPipeError, ValueError):
            self.output_closed = True
            self.finished.set()
