"""Start the Bot API emulator (node + adapter) and drive it from Python tests/benchmarks.

:class:`EmulatorProcesses` owns the two child processes; :class:`Emulator` is the async
client a test uses (one per bot token); :class:`ChatUser` acts as one user in one chat.
Both children exit by themselves when the parent process dies (their stdin closes).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from emulator_chat import ChatFeed, ChatUser

EMULATOR_DIR = Path(__file__).resolve().parent
NODE_PACKAGE = EMULATOR_DIR / "node_modules" / "telegram-test-api"


class EmulatorMissing(RuntimeError):
    """node or the npm package is not installed; the message says how to install it."""


def missing_reason() -> str | None:
    """Why the emulator cannot start here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed, so the Bot API emulator cannot run"
    if not NODE_PACKAGE.is_dir():
        return "telegram-test-api is not installed: run `npm ci --prefix tests/emulator`"
    return None


def require_emulator() -> None:
    """Skip the calling test when the emulator is missing here; fail instead when CI=true."""
    import pytest

    reason = missing_reason()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() in {"true", "1"}:
        pytest.fail(f"CI must run the e2e tests, but {reason}")
    pytest.skip(reason)


def _read_port(proc: subprocess.Popen[bytes], log: IO[bytes], timeout: float) -> int:
    """The {"port": N} line a child prints once it listens."""
    box: list[bytes] = []
    reader = threading.Thread(target=lambda: box.append(proc.stdout.readline()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    reader.join(timeout)
    if not box or not box[0].strip():
        proc.kill()
        log.seek(0)
        raise RuntimeError(f"emulator process did not start: {log.read().decode()[-2000:]}")
    return int(json.loads(box[0])["port"])


def _spawn(args: list[str], cwd: Path) -> tuple[subprocess.Popen[bytes], IO[bytes]]:
    # stderr goes to a temporary file (shown if startup fails); EMULATOR_STDERR=1 shows it live.
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by EmulatorProcesses.stop()
    live = bool(os.environ.get("EMULATOR_STDERR"))
    proc = subprocess.Popen(
        args,
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=None if live else log,
        start_new_session=True,
    )
    return proc, log


@dataclass
class EmulatorProcesses:
    """telegram-test-api (node) and our adapter in front of it, on 127.0.0.1."""

    node: subprocess.Popen[bytes]
    adapter: subprocess.Popen[bytes]
    node_port: int
    port: int
    logs: list[IO[bytes]] = field(default_factory=list)

    @classmethod
    def start(cls, *, timeout: float = 20.0) -> EmulatorProcesses:
        reason = missing_reason()
        if reason:
            raise EmulatorMissing(reason)
        node, node_log = _spawn(["node", "serve.js", "0"], EMULATOR_DIR)
        node_port = _read_port(node, node_log, timeout)
        adapter, adapter_log = _spawn(
            [sys.executable, "adapter.py", "--upstream", f"http://127.0.0.1:{node_port}"],
            EMULATOR_DIR,
        )
        try:
            port = _read_port(adapter, adapter_log, timeout)
        except RuntimeError:
            _stop(node)
            raise
        return cls(node, adapter, node_port, port, [node_log, adapter_log])

    @property
    def url(self) -> str:
        """The adapter's base URL (control and user routes live under it)."""
        return f"http://127.0.0.1:{self.port}"

    def alive(self) -> bool:
        return self.node.poll() is None and self.adapter.poll() is None

    def stop(self) -> None:
        for proc in (self.adapter, self.node):
            _stop(proc)
        for log in self.logs:
            log.close()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.stdin:
        proc.stdin.close()  # both children exit on stdin EOF
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)
    if proc.stdout:
        proc.stdout.close()


def new_token() -> str:
    """A fresh bot token; the emulator keeps each token's updates apart."""
    return f"{100000 + secrets.randbelow(900000)}:TEST-{secrets.token_hex(12)}"


class Emulator:
    """Async client for one bot token on a running emulator (see tests/e2e/conftest.py)."""

    def __init__(self, url: str, *, token: str | None = None) -> None:
        self.url = url
        self.token = token or new_token()
        self.http = httpx.AsyncClient(base_url=url, timeout=30.0)
        self.feeds: dict[int, ChatFeed] = {}  # chat id -> what nobody has read yet

    @property
    def base_url(self) -> str:
        """What PTB wants as ``base_url``: the token is appended by PTB."""
        return f"{self.url}/bot"

    async def aclose(self) -> None:
        await self.http.aclose()

    async def _call(self, verb: str, path: str, **kwargs: Any) -> Any:
        response = await self.http.request(verb, path, **kwargs)
        body = response.json()
        if response.status_code != 200 or not body.get("ok"):
            raise AssertionError(f"emulator {verb} {path}: {body.get('description')}")
        return body["result"]

    async def reset(self) -> None:
        """Forget faults, the log, config, chats and messages (between tests)."""
        await self._call("POST", "/_reset")

    async def inject(self, *faults: dict[str, Any]) -> list[dict[str, Any]]:
        """Queue faults, e.g. ``inject({"method": "sendMessage", "status": 429})``."""
        return await self._call("POST", "/_faults", json=list(faults))

    async def clear_faults(self) -> None:
        await self._call("DELETE", "/_faults")

    async def pending_faults(self) -> list[dict[str, Any]]:
        return await self._call("GET", "/_faults")

    async def log(self, **filters: Any) -> list[dict[str, Any]]:
        """Bot API calls so far; filters: method ("a,b"), chat_id, outcome, since (seq)."""
        params = {k: str(v) for k, v in filters.items() if v is not None}
        return await self._call("GET", "/_log", params=params)

    async def configure(self, **settings: Any) -> dict[str, Any]:
        """forward_sends=bool, validate=bool, rate_limits=True | {...} | None."""
        return await self._call("POST", "/_config", json=settings)

    async def set_admins(self, chat_id: int, user_ids: list[int]) -> None:
        await self._call("POST", "/_admins", json={"chat_id": chat_id, "user_ids": user_ids})

    async def seen(
        self, chat_id: int | None = None, *, after: int = -1, timeout: float = 0.0
    ) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"after": after, "timeout": timeout}
        if chat_id is not None:
            params["chat_id"] = chat_id
        return await self._call("GET", "/_client/seen", params=params)

    def user(self, chat_id: int, *, user_id: int | None = None, **chat: Any) -> ChatUser:
        """A user writing in ``chat_id`` (negative = group); ``chat``: chat_type, title, ..."""
        from emulator_chat import ChatFeed, ChatUser

        uid = user_id or (chat_id if chat_id > 0 else 1)
        feed = self.feeds.setdefault(chat_id, ChatFeed())
        return ChatUser(self, chat_id, user_id=uid, chat=chat, feed=feed)
