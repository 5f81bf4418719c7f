"""Running the terminal chat: read lines (a prompt or a pipe), hand them to the bot, stop cleanly.

On a terminal the ``›`` prompt comes from prompt_toolkit: arrow keys edit the line, ↑/↓
walk the history, and alerts print above the prompt. Piped input is read line by line
(invalid UTF-8 becomes �). Ctrl-D, the end of the input and Ctrl-C all end the chat the
same way: every reply still on its way is printed, then the bot stops, exit status 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

from telegram import Update

from bot.telegram.terminal.chat import PROMPT, TerminalChat

if TYPE_CHECKING:
    from bot.telegram.context import NewsApplication

_EOF = None


async def piped_lines(fd: int) -> AsyncIterator[str]:
    """Lines of a pipe or file, read in a thread so the bot keeps running meanwhile."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def read() -> None:
        # os.read, not sys.stdin: a thread blocked inside Python's buffered reader would
        # make the interpreter abort at exit after Ctrl-C.
        with contextlib.suppress(RuntimeError, OSError):  # the loop closed first
            for raw in _raw_lines(fd):
                text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
                loop.call_soon_threadsafe(queue.put_nowait, text)
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(queue.put_nowait, _EOF)

    threading.Thread(target=read, daemon=True, name="terminal-stdin").start()
    while (line := await queue.get()) is not _EOF:
        yield line


def _raw_lines(fd: int) -> Iterator[bytes]:
    pending = b""
    while chunk := os.read(fd, 65536):
        *lines, pending = (pending + chunk).split(b"\n")
        yield from lines
    if pending:
        yield pending


async def prompted_lines() -> AsyncIterator[str]:
    """Lines typed at the ``›`` prompt, with line editing and history; ends on Ctrl-D/Ctrl-C."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import InMemoryHistory

    session: PromptSession[str] = PromptSession(history=InMemoryHistory())
    while True:
        try:
            yield await session.prompt_async(PROMPT)
        except (EOFError, KeyboardInterrupt):
            return


async def serve(application: NewsApplication, chat: TerminalChat, *, interactive: bool) -> None:
    """Run the bot on the terminal until the input ends, Ctrl-C or the output closes."""
    async with application:
        from bot.telegram.application import post_init, post_shutdown, post_stop

        await post_init(application)
        await application.start()
        with _stop_on_sigint(chat), _patched_stdout(chat, enabled=interactive):
            lines = prompted_lines() if interactive else piped_lines(sys.stdin.fileno())
            feeder = asyncio.create_task(_feed(application, chat, lines))
            await asyncio.wait(
                {feeder, asyncio.create_task(chat.finished.wait())},
                return_when=asyncio.FIRST_COMPLETED,
            )
            feeder.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await feeder
            await application.update_queue.join()
        await application.stop()
        await post_stop(application)
    await post_shutdown(application)


async def _feed(
    application: NewsApplication, chat: TerminalChat, lines: AsyncIterator[str]
) -> None:
    """Each line becomes one update; the next is read only once the bot has answered."""
    async for line in lines:
        payload = chat.update_for(line)
        if payload is None:
            continue
        chat.replying = True
        try:
            await application.update_queue.put(Update.de_json(payload, application.bot))
            await application.update_queue.join()
        finally:
            chat.replying = False
    chat.finished.set()


@contextlib.contextmanager
def _stop_on_sigint(chat: TerminalChat) -> Iterator[None]:
    """Ctrl-C while a pipe is read (no prompt to catch it) ends the chat like Ctrl-D."""
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGINT, chat.finished.set)
    except (NotImplementedError, RuntimeError):  # not the main thread, or Windows
        yield
        return
    try:
        yield
    finally:
        loop.remove_signal_handler(signal.SIGINT)


@contextlib.contextmanager
def _patched_stdout(chat: TerminalChat, *, enabled: bool) -> Iterator[None]:
    """At the prompt, print through prompt_toolkit so alerts appear above the input line."""
    if not enabled:
        yield
        return
    from prompt_toolkit.patch_stdout import patch_stdout

    with patch_stdout(raw=True):
        previous, chat.stdout = chat.stdout, sys.stdout
        try:
            yield
        finally:
            chat.stdout = previous
