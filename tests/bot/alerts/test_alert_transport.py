"""The aiohttp transport: Telegram errors as PTB expects, and never the token in a message."""

from __future__ import annotations

import socket

import pytest
from telegram import Bot
from telegram.error import NetworkError

from bot.alerts.transport import AiohttpRequest

TOKEN = "123456:SECRET-token-never-shown"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_unreachable_server_is_a_network_error_without_the_token() -> None:
    request = AiohttpRequest(connect_timeout=2.0)
    bot = Bot(TOKEN, base_url=f"http://127.0.0.1:{_closed_port()}/bot", request=request)
    with pytest.raises(NetworkError) as caught:
        await bot.send_message(1, "hello")
    assert TOKEN not in str(caught.value) and "SECRET" not in repr(caught.value)
    await request.shutdown()
    await request.shutdown()  # idempotent
