"""The terminal chat: a Bot API stand-in that talks to stdin/stdout.

:class:`TerminalRequest` plugs into python-telegram-bot as its HTTP layer, so
the embedded default runs the very same ``Application`` and handlers as the
real bot. Each stdin line becomes one update from getUpdates; sendMessage and
friends print the message, rendered for a terminal, with its buttons numbered.
Typing a button's number (or its exact label) presses it. End of input ends
the chat once every pending reply has been printed.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any, TextIO

from telegram.request import BaseRequest, RequestData

from bot.telegram.formatting import render_terminal, visible_text

TERMINAL_CHAT_ID = 1
TERMINAL_USER_ID = 1
BOT_USER = {
    "id": 100,
    "is_bot": True,
    "first_name": "newsbot",
    "username": "newsbot_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
_USER = {"id": TERMINAL_USER_ID, "is_bot": False, "first_name": "You", "language_code": "en"}
_CHAT = {"id": TERMINAL_CHAT_ID, "type": "private", "first_name": "You"}
_EOF = object()


class TerminalRequest(BaseRequest):
    """Serves the Bot API from a terminal: stdin lines in, rendered messages out."""

    def __init__(
        self, *, stdin: TextIO, stdout: TextIO, color: bool = False, echo: bool = False
    ) -> None:
        self._stdin = stdin
        self._stdout = stdout
        self._color = color
        self._echo = echo
        self._lines: asyncio.Queue[object] | None = None
        self._reader: threading.Thread | None = None
        self._ids = itertools.count(1)
        self._update_ids = itertools.count(1)
        self._buttons: dict[str, tuple[dict[str, Any], str]] = {}
        self._labels: dict[str, str] = {}
        self.commands: list[dict[str, Any]] = []
        self.finished = asyncio.Event()
        self.output_closed = False
        # Set by whoever runs the application: waits until served updates are handled,
        # so each input line is followed by its own replies, not by the next line.
        self.wait_idle: Callable[[], Awaitable[None]] | None = None

    @property
    def read_timeout(self) -> float | None:
        """No network, so no read timeout."""
        return None

    async def initialize(self) -> None:
        """Start reading stdin in a thread (once, even if PTB initializes us twice)."""
        if self._reader is not None:
            return
        self._lines = asyncio.Queue()
        loop = asyncio.get_running_loop()
        self._reader = threading.Thread(
            target=self._read_lines, args=(loop, self._lines), daemon=True, name="terminal-stdin"
        )
        self._reader.start()

    async def shutdown(self) -> None:
        """Nothing to release: the reader thread ends at end of input."""

    def _read_lines(self, loop: asyncio.AbstractEventLoop, lines: asyncio.Queue[object]) -> None:
        # A thread, because reading a pipe or a tty blocks; the loop stays responsive.
        with contextlib.suppress(RuntimeError):  # the loop closed before input ended
            for line in self._stdin:
                loop.call_soon_threadsafe(lines.put_nowait, line.rstrip("\r\n"))
            loop.call_soon_threadsafe(lines.put_nowait, _EOF)

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        """Answer one Bot API call as Telegram would, printing what a user would see."""
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        handler = getattr(self, f"_api_{name.lower()}", None)
        result = await handler(params) if handler else True
        return 200, json.dumps({"ok": True, "result": result}).encode()

    async def _api_getme(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def _api_getupdates(self, params: dict[str, Any]) -> Any:
        if self.wait_idle is not None:
            await self.wait_idle()
        if self.finished.is_set() or self._lines is None:
            await asyncio.sleep(min(float(params.get("timeout") or 0), 1.0))
            return []
        try:
            wait = float(params.get("timeout") or 1)
            line = await asyncio.wait_for(self._lines.get(), timeout=wait)
        except TimeoutError:
            return []
        if line is _EOF:
            self.finished.set()
            return []
        assert isinstance(line, str)
        update = self._update_for(line)
        return [update] if update else []

    def _update_for(self, line: str) -> dict[str, Any] | None:
        text = line.strip()
        if not text:
            return None
        if self._echo:
            self._write(f"\n› {text}\n")
        key = text.strip("[]").strip()
        pressed = self._buttons.get(key) or self._buttons.get(self._labels.get(key.casefold(), ""))
        update_id = next(self._update_ids)
        if pressed:
            message, data = pressed
            query = {
                "id": str(update_id),
                "from": _USER,
                "chat_instance": "terminal",
                "data": data,
                "message": message,
            }
            return {"update_id": update_id, "callback_query": query}
        message = {
            "message_id": next(self._ids),
            "date": int(time.time()),
            "chat": _CHAT,
            "from": _USER,
            "text": text,
        }
        if text.startswith("/"):
            length = len(text.split(maxsplit=1)[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return {"update_id": update_id, "message": message}

    async def _api_sendmessage(self, params: dict[str, Any]) -> Any:
        message = self._message(params, next(self._ids))
        self._print(params, message)
        return message

    async def _api_editmessagetext(self, params: dict[str, Any]) -> Any:
        message = self._message(params, int(params.get("message_id", 0)))
        self._write("(updated)\n")
        self._print(params, message)
        return message

    async def _api_editmessagereplymarkup(self, params: dict[str, Any]) -> Any:
        message = self._message({**params, "text": ""}, int(params.get("message_id", 0)))
        self._print_buttons(params.get("reply_markup"), message)
        return message

    async def _api_answercallbackquery(self, params: dict[str, Any]) -> Any:
        if params.get("text"):
            self._write(f"  ({params['text']})\n")
        return True

    async def _api_setmycommands(self, params: dict[str, Any]) -> Any:
        self.commands = list(params.get("commands") or [])
        return True

    async def _api_getmycommands(self, params: dict[str, Any]) -> Any:
        return self.commands

    async def _api_getchatmember(self, params: dict[str, Any]) -> Any:
        return {"status": "creator", "user": _USER, "is_anonymous": False}

    async def _api_getchat(self, params: dict[str, Any]) -> Any:
        return {**_CHAT, "accent_color_id": 0, "max_reaction_count": 0}

    def _message(self, params: dict[str, Any], message_id: int) -> dict[str, Any]:
        chat_id = params.get("chat_id", TERMINAL_CHAT_ID)
        chat = _CHAT if chat_id == TERMINAL_CHAT_ID else {"id": chat_id, "type": "private"}
        return {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": BOT_USER,
            "text": visible_text(str(params.get("text", ""))),
        }

    def _print(self, params: dict[str, Any], message: dict[str, Any]) -> None:
        text = str(params.get("text", ""))
        if params.get("parse_mode", "").upper() == "HTML":
            text = render_terminal(text, color=self._color)
        chat_id = params.get("chat_id", TERMINAL_CHAT_ID)
        header = "" if chat_id == TERMINAL_CHAT_ID else f"[to chat {chat_id}]\n"
        self._write(f"{header}{text}\n")
        self._print_buttons(params.get("reply_markup"), message)

    def _print_buttons(self, markup: Any, message: dict[str, Any]) -> None:
        rows = (markup or {}).get("inline_keyboard") or []
        if not rows:
            return
        self._buttons.clear()
        self._labels.clear()
        for row in rows:
            cells = []
            for button in row:
                number = str(len(self._buttons) + 1)
                if "callback_data" in button:
                    self._buttons[number] = (message, button["callback_data"])
                    self._labels.setdefault(button["text"].casefold(), number)
                    cells.append(f"[{number}] {button['text']}")
                elif "url" in button:
                    cells.append(f"{button['text']} <{button['url']}>")
            self._write("  " + "   ".join(cells) + "\n")
        self._write("  (type a button's number to press it)\n")

    def _write(self, text: str) -> None:
        if self.output_closed:
            return
        try:
            self._stdout.write(text)
            self._stdout.flush()
        except (BrokenPipeError, ValueError):
            # The reader went away (e.g. `| head`): nobody can see the chat, so end it.
            self.output_closed = True
            self.finished.set()
