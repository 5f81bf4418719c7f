"""``newsbot run`` with a token: long polling and webhook mode against a local Bot API server.

The server below speaks just enough of the Bot API (on 127.0.0.1) to check the
process wiring: the token comes from the environment, requests go to
``--base-url``, replies come back, and the token never shows up in the output.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

TOKEN = "123456:SECRET-TOKEN-abcdef"
START = {
    "update_id": 1,
    "message": {
        "message_id": 1,
        "date": 0,
        "chat": {"id": 5, "type": "private", "first_name": "A"},
        "from": {"id": 5, "is_bot": False, "first_name": "A"},
        "text": "/start",
        "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
    },
}


class FakeBotApi(ThreadingHTTPServer):
    """Records every call; serves one /start update on the first getUpdates."""

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self.calls: list[tuple[str, str, dict[str, Any]]] = []
        self.served = False

    def wait_for(self, method: str, timeout: float = 30.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for _, name, params in list(self.calls):
                if name == method:
                    return params
            time.sleep(0.05)
        raise AssertionError(f"no {method} within {timeout} s; calls: {self.calls}")


class _Handler(BaseHTTPRequestHandler):
    server: FakeBotApi

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode()
        params = {k: v[0] for k, v in parse_qs(raw).items()}
        token, _, method = self.path.removeprefix("/bot").partition("/")
        self.server.calls.append((token, method, params))
        if token != TOKEN:
            self._reply({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
            return
        self._reply({"ok": True, "result": self._result(method, params)})

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return {"id": 77, "is_bot": True, "first_name": "N", "username": "n_bot"}
        if method == "getUpdates":
            if not self.server.served:
                self.server.served = True
                return [START]
            time.sleep(0.2)
            return []
        if method == "sendMessage":
            return {
                "message_id": 9,
                "date": 0,
                "text": "x",
                "chat": {"id": int(params["chat_id"]), "type": "private"},
            }
        return True

    def _reply(self, payload: dict[str, Any], status: int = 200) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        return None


@pytest.fixture
def api(serve_http: Callable[..., FakeBotApi]) -> FakeBotApi:
    return serve_http(_Handler, FakeBotApi)


def _start(
    tmp_path: Path, api: FakeBotApi, *args: str, level: str = "DEBUG", **env: str
) -> subprocess.Popen[str]:
    environ = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "NEWSBOT_DB": str(tmp_path / "t.db"),
        **env,
    }
    base = f"http://127.0.0.1:{api.server_address[1]}/bot"
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run", "--base-url", base, "--log-level", level, *args],
        env=environ,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_rejected_token_is_one_clear_line(tmp_path: Path, api: FakeBotApi) -> None:
    process = _start(tmp_path, api, level="WARNING", TELEGRAM_BOT_TOKEN="999:WRONG-SECRET")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert "Telegram rejected the bot token in TELEGRAM_BOT_TOKEN" in err
    assert "WRONG-SECRET" not in out + err and "Traceback" not in err


def _stop(process: subprocess.Popen[str]) -> tuple[int, str]:
    process.send_signal(signal.SIGINT)
    try:
        out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    return process.returncode, out + err


def test_long_polling_answers_and_never_prints_the_token(tmp_path: Path, api: FakeBotApi) -> None:
    process = _start(tmp_path, api)
    try:
        reply = api.wait_for("sendMessage")
        commands = json.loads(api.wait_for("setMyCommands")["commands"])
    finally:
        code, output = _stop(process)
    assert "/subscribe" in reply["text"] and reply["parse_mode"] == "HTML"
    assert {c["command"] for c in commands} >= {"subscribe", "news", "list"}
    assert all(token == TOKEN for token, _, _ in api.calls)  # the token came from the env
    assert code == 0, output
    assert "SECRET-TOKEN" not in output


def test_webhook_mode_checks_the_secret_token(tmp_path: Path, api: FakeBotApi) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/hook"
    process = _start(
        tmp_path,
        api,
        "--webhook-url",
        url,
        "--webhook-listen",
        "127.0.0.1",
        "--webhook-port",
        str(port),
        NEWSBOT_WEBHOOK_SECRET="s3cret-value",
    )
    try:
        hook = api.wait_for("setWebhook")
        assert hook["url"] == url and hook["secret_token"] == "s3cret-value"
        assert _post(url, START, secret="wrong") == 403
        assert _post(url, START, secret="s3cret-value") == 200
        reply = api.wait_for("sendMessage")
    finally:
        code, output = _stop(process)
    assert "/subscribe" in reply["text"]
    assert code == 0, output
    assert "SECRET-TOKEN" not in output and "s3cret-value" not in output


def _post(url: str, update: dict[str, Any], *, secret: str) -> int:
    data = json.dumps(update).encode()
    deadline = time.monotonic() + 20
    while True:
        request = urllib.request.Request(
            url,
            data=data,
            method="POST",
            headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return int(response.status)
        except urllib.error.HTTPError as err:
            return err.code
        except (ConnectionError, urllib.error.URLError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
