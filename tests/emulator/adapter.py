"""Bot API adapter: makes telegram-test-api 4.2.1 speak the Bot API as PTB 22 needs it.

Run: ``python tests/emulator/adapter.py --upstream http://127.0.0.1:<emulator port>``.
It prints ``{"port": N}`` once listening and exits when its stdin closes (so it never
outlives the test that started it). Routes:

- ``/bot<token>/<method>``: the Bot API for the bot under test (faults, rate limits,
  the call log and the repairs listed in README.md happen here);
- ``/_client/...``: act as a user (send text or a command, press a button, push any other
  update, read what the bot showed in a chat);
- ``/_faults``, ``/_log``, ``/_config``, ``/_admins``, ``/_reset``: test control.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from typing import Any

import aiohttp
from adapter_botapi import ApiError, BotApi, public
from adapter_faults import (
    SEND_METHODS,
    CallLog,
    Fault,
    FaultQueue,
    RateLimiter,
    RateLimits,
)
from adapter_state import BotState
from adapter_wire import read_params
from aiohttp import web

LOGGED_TEXT = frozenset({"sendMessage", "editMessageText"})
# Refused once the user blocked the bot, the bot left the group or the group migrated.
CHAT_METHODS = SEND_METHODS | {
    "editMessageText",
    "editMessageReplyMarkup",
    "sendChatAction",
    "deleteMessage",
}


class Adapter:
    """One emulator instance: Bot API, user side and control routes over shared state."""

    def __init__(self, *, upstream: str, session: aiohttp.ClientSession) -> None:
        self.upstream = upstream
        self.session = session
        self.reset()

    def reset(self) -> None:
        self.state = BotState()
        self.api = BotApi(upstream=self.upstream, session=self.session, state=self.state)
        self.faults = FaultQueue()
        self.log = CallLog()
        self.limiter: RateLimiter | None = None

    def chat_of(self, method: str, params: dict[str, Any]) -> Any:
        if method == "answerCallbackQuery":
            return self.state.callbacks.get(str(params.get("callback_query_id")))
        return params.get("chat_id")

    async def bot_api(self, request: web.Request) -> web.StreamResponse:
        token, method = request.match_info["token"], request.match_info["method"]
        params = await read_params(request)
        chat_id = self.chat_of(method, params)
        started = time.monotonic()
        fault = self.faults.take(method, chat_id)
        if fault and fault.delay_ms:
            await asyncio.sleep(fault.delay_ms / 1000)
        now = time.monotonic()
        entry: dict[str, Any] = {"t": now, "method": method, "chat_id": chat_id}
        if method in LOGGED_TEXT:
            entry["text"] = params.get("text")
        if params.get("message_thread_id") is not None:
            entry["thread"] = int(params["message_thread_id"])  # a forum topic
        status, body = await self._answer(token, method, params, fault, now)
        entry["outcome"] = self._outcome(status, fault)
        entry.update(status=status, ms=round((time.monotonic() - started) * 1000, 3))
        result = body.get("result")
        if isinstance(result, dict) and "message_id" in result:
            entry["message_id"] = result["message_id"]
        if not body.get("ok"):
            entry["description"] = body.get("description")
        self.log.add(**entry)
        if fault and fault.drop:
            return self._drop(request)
        return web.json_response(body, status=status)

    @staticmethod
    def _outcome(status: int, fault: Fault | None) -> str:
        if fault and fault.drop:
            return f"dropped_{fault.drop}"
        if fault and fault.status:
            return "fault"
        if status == 429:
            return "rate_limited"
        return "ok" if status == 200 else "error"

    async def _answer(
        self, token: str, method: str, params: dict[str, Any], fault: Fault | None, now: float
    ) -> tuple[int, dict[str, Any]]:
        if fault and fault.drop == "before":
            return 0, {"ok": False, "description": "connection dropped before processing"}
        if fault and fault.status:
            return fault.status, fault.error_body()
        chat_id = params.get("chat_id")
        refusal = self.state.gone.get(str(chat_id)) if method in CHAT_METHODS else None
        if refusal:
            return refusal[0], ApiError(refusal[0], refusal[1], **refusal[2]).body
        if self.limiter and method in SEND_METHODS:
            wait = self.limiter.retry_after(chat_id, now)
            if wait:
                body = ApiError(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
                return 429, body.body
            # Counted before the await below, so concurrent sends cannot all slip through.
            self.limiter.record(chat_id, now)
        handler = self.api.handler(method)
        if handler is None:
            return 404, ApiError(404, "Not Found").body
        try:
            result = await handler(token, params)
        except ApiError as err:
            return err.status, err.body
        return 200, {"ok": True, "result": result}

    @staticmethod
    def _drop(request: web.Request) -> web.StreamResponse:
        # Close the socket with no HTTP answer: the client sees a dropped connection.
        if request.transport is not None:
            request.transport.abort()
        raise asyncio.CancelledError

    async def user_message(self, request: web.Request) -> web.Response:
        """POST /_client/message: a user writes ``text`` in a chat (see README.md)."""
        spec = await request.json()
        token, chat_id, text = spec["token"], int(spec["chat_id"]), str(spec["text"])
        chat = self._user_chat(spec)
        message: dict[str, Any] = {
            "from": self._user(spec),
            "chat": chat,
            "date": int(time.time()),
            "text": text,
            "botToken": token,
        }
        route = "/sendMessage"
        if text.startswith("/"):
            # The emulator's /sendCommand asserts on entities; always compute them.
            length = len(text.split(maxsplit=1)[0].encode("utf-16-le")) // 2
            message["entities"] = [{"offset": 0, "length": length, "type": "bot_command"}]
            route = "/sendCommand"
        self.state.chats[str(chat_id)] = chat
        if chat_id > 0:
            self.state.gone.pop(str(chat_id), None)  # writing to the bot means unblocking it
        await self._to_node(route, message)
        self.state.arrival(token).set()
        return web.json_response({"ok": True, "result": {"t": time.monotonic()}})

    async def user_callback(self, request: web.Request) -> web.Response:
        """POST /_client/callback: a user presses an inline button of a bot message."""
        spec = await request.json()
        token, chat_id, data = spec["token"], spec["chat_id"], spec["data"]
        stored = self.state.message(chat_id, spec["message_id"])
        if stored is None:
            return web.json_response({"ok": False, "description": "no such message"}, status=400)
        rows = (stored.get("reply_markup") or {}).get("inline_keyboard", [])
        forged = spec.get("forge", False)  # a modified client can send any data
        if not forged and data not in {b.get("callback_data") for row in rows for b in row}:
            return web.json_response({"ok": False, "description": "no such button"}, status=400)
        query = {
            "from": self._user(spec),
            "message": public(stored),
            "data": data,
            "botToken": token,
        }
        await self._to_node("/sendCallback", query)
        self.state.arrival(token).set()
        return web.json_response({"ok": True, "result": {"t": time.monotonic()}})

    async def user_update(self, request: web.Request) -> web.Response:
        """POST /_client/update {token, update}: any update the emulator cannot make."""
        spec = await request.json()
        update = dict(spec["update"])
        for kind in ("message", "edited_message", "channel_post"):
            if kind in update:
                update[kind] = {
                    "message_id": self.state.next_local_id(),
                    "date": int(time.time()),
                    **update[kind],
                }
        await self.api.pull(spec["token"])  # keep the emulator's earlier updates first
        self.api.add_update(spec["token"], update)
        self.state.note_update(update)
        return web.json_response({"ok": True, "result": {"t": time.monotonic()}})

    async def _to_node(self, route: str, payload: dict[str, Any]) -> None:
        async with self.session.post(f"{self.upstream}{route}", json=payload) as response:
            response.raise_for_status()

    def _user_chat(self, spec: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(spec["chat_id"])
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": spec.get("first_name", "Ann")}
        supergroup = str(chat_id).startswith("-100")
        kind = spec.get("chat_type") or ("supergroup" if supergroup else "group")
        return {"id": chat_id, "type": kind, "title": spec.get("title", f"Group {chat_id}")}

    @staticmethod
    def _user(spec: dict[str, Any]) -> dict[str, Any]:
        user_id = int(spec.get("user_id") or spec["chat_id"])
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": spec.get("first_name", "Ann"),
            "username": spec.get("username", f"user{user_id}"),
        }

    async def seen(self, request: web.Request) -> web.Response:
        """GET /_client/seen?chat_id=&after=-1&timeout=0: what the bot did in a chat."""
        query = request.query
        events = await self.state.seen.wait(
            query.get("chat_id"), int(query.get("after", -1)), float(query.get("timeout", 0))
        )
        return web.json_response({"ok": True, "result": events})

    async def control(self, request: web.Request) -> web.Response:
        """The /_faults, /_log, /_config, /_admins and /_reset routes."""
        name, verb = request.match_info["name"], request.method
        body = await request.json() if request.can_read_body else {}
        try:
            result = await self._control(name, verb, body, request.query)
        except (ValueError, TypeError, KeyError) as err:
            return web.json_response({"ok": False, "description": str(err)}, status=400)
        if result is None:
            return web.json_response({"ok": False, "description": "Not Found"}, status=404)
        return web.json_response({"ok": True, "result": result})

    async def _control(self, name: str, verb: str, body: Any, query: Any) -> Any:
        if name == "faults":
            if verb == "POST":
                self.faults.add(body if isinstance(body, list) else [body])
            elif verb == "DELETE":
                self.faults = FaultQueue()
            return self.faults.describe()
        if name == "log":
            if verb == "DELETE":
                self.log = CallLog()
            return self.log.query(dict(query))
        if name == "config":
            return self._configure(body) if verb == "POST" else self._config()
        if name == "admins" and verb == "POST":
            self.state.admins[str(body["chat_id"])] = {int(u) for u in body["user_ids"]}
            return True
        if name == "reset" and verb == "POST":
            self.reset()
            return True
        return None

    def _configure(self, body: dict[str, Any]) -> dict[str, Any]:
        settings = self.api.settings
        settings.forward_sends = bool(body.get("forward_sends", settings.forward_sends))
        settings.validate = bool(body.get("validate", settings.validate))
        if "rate_limits" in body:
            limits = body["rate_limits"]
            if limits:
                custom = limits if isinstance(limits, dict) else {}
                self.limiter = RateLimiter(RateLimits(**custom))
            else:
                self.limiter = None
        return self._config()

    def _config(self) -> dict[str, Any]:
        limits = self.limiter.limits.__dict__ if self.limiter else None
        return {**self.api.settings.__dict__, "rate_limits": limits}


def build_app(adapter: Adapter) -> web.Application:
    app = web.Application(client_max_size=8 * 1024 * 1024)
    app.router.add_route("*", "/bot{token}/{method}", adapter.bot_api)
    app.router.add_post("/_client/message", adapter.user_message)
    app.router.add_post("/_client/callback", adapter.user_callback)
    app.router.add_post("/_client/update", adapter.user_update)
    app.router.add_get("/_client/seen", adapter.seen)
    app.router.add_route("*", "/_{name}", adapter.control)
    return app


async def serve(upstream: str, host: str, port: int, watch_stdin: bool) -> None:
    connector = aiohttp.TCPConnector(limit=64)
    async with aiohttp.ClientSession(connector=connector) as session:
        adapter = Adapter(upstream=upstream.rstrip("/"), session=session)
        runner = web.AppRunner(build_app(adapter), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        await site.start()
        bound = runner.addresses[0][1]
        print(json.dumps({"port": bound}), flush=True)
        try:
            if watch_stdin:
                await asyncio.get_running_loop().run_in_executor(None, sys.stdin.buffer.read)
            else:
                await asyncio.Event().wait()
        finally:
            await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", required=True, help="telegram-test-api base URL")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument(
        "--no-stdin-watch", action="store_true", help="keep running when stdin closes (manual use)"
    )
    args = parser.parse_args()
    asyncio.run(serve(args.upstream, args.host, args.port, not args.no_stdin_watch))


if __name__ == "__main__":
    main()
