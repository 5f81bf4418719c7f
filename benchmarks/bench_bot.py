"""Bot benchmark: N simulated chats sending commands through the Bot API emulator.

Prints two tables:

1. the emulator alone: raw ``sendMessage`` calls straight to the adapter, forwarded to
   the node emulator vs answered by the adapter (``forward_sends=false``), so the cost of
   the test rig itself is known;
2. user send -> bot reply seen, for a minimal PTB echo bot (the rig's floor) and for
   newsbot (``bot.telegram.application.build_application`` on a seeded SQLite file), with
   N chats each sending a fixed command script; p50/p99 handling time, replies/s and the
   bot process's RSS (current and peak).

Each bot runs in its own process (this script re-invoked with ``--serve-bot``), so the
load generator's CPU and memory are not counted. Needs node and
``npm ci --prefix tests/emulator``. Run: ``python benchmarks/bench_bot.py [--chats 10,100,500]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "emulator"))

from emulator_harness import EmulatorProcesses, new_token  # noqa: E402

SCRIPT = ("/start", "/subscribe Xiaomi", "/news Xiaomi", "/list")
ECHO_SCRIPT = ("/start", "hello", "/news Xiaomi", "/list")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def rss_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident memory of a process in MB, from /proc."""
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


async def raw_sends(
    url: str, *, forward: bool, total: int, concurrency: int, client: str
) -> dict[str, Any]:
    """Bot API sendMessage throughput of the rig itself (no bot involved)."""
    token = new_token()
    latencies: list[float] = []
    counter = iter(range(total))
    async with aiohttp.ClientSession(base_url=url) as control:
        await control.post("/_reset")
        await control.post("/_config", json={"forward_sends": forward})
        async with _sender(client, url, concurrency) as post:

            async def worker() -> None:
                for n in counter:
                    started = time.perf_counter()
                    await post(
                        f"/bot{token}/sendMessage", {"chat_id": str(1 + n % 200), "text": f"m{n}"}
                    )
                    latencies.append((time.perf_counter() - started) * 1000)

            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            elapsed = time.perf_counter() - started
        await control.post("/_config", json={"forward_sends": True})
    mode = "forwarded to node" if forward else "answered by adapter"
    return {
        "mode": mode,
        "client": f"{client} x{concurrency}",
        "rate": total / elapsed,
        "p50": pct(latencies, 0.5),
        "p99": pct(latencies, 0.99),
    }


@contextlib.asynccontextmanager
async def _sender(client: str, url: str, concurrency: int) -> AsyncIterator[Any]:
    """A post(path, form) coroutine on aiohttp or on httpx (PTB's transport)."""
    if client == "httpx":
        limits = httpx.Limits(max_connections=concurrency)
        async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as http:

            async def post_httpx(path: str, form: dict[str, str]) -> None:
                answer = await http.post(path, data=form)
                assert answer.status_code == 200, answer.text

            yield post_httpx
        return
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(base_url=url, connector=connector) as session:

        async def post_aiohttp(path: str, form: dict[str, str]) -> None:
            async with session.post(path, data=form) as answer:
                assert answer.status == 200, await answer.text()
                await answer.read()

        yield post_aiohttp


class Watcher:
    """One long-poll loop over /_client/seen that wakes the chat waiting for a reply."""

    def __init__(self, http: aiohttp.ClientSession) -> None:
        self.http = http
        self.waiting: dict[int, asyncio.Future[float]] = {}
        self.cursor = -1

    async def run(self) -> None:
        while True:
            params = {"after": self.cursor, "timeout": 2}
            async with self.http.get("/_client/seen", params=params) as answer:
                events = (await answer.json())["result"]
            for event in events:
                self.cursor = event["seq"]
                future = self.waiting.pop(int(event["chat_id"]), None)
                if future and not future.done() and event["kind"] == "message":
                    future.set_result(event["t"])


async def drive_chats(
    url: str, token: str, chats: int, script: tuple[str, ...]
) -> list[tuple[str, float]]:
    """Every chat runs the script, one command after the reply to the previous one."""
    connector = aiohttp.TCPConnector(limit=min(chats, 100) + 10)
    async with aiohttp.ClientSession(base_url=url, connector=connector) as http:
        watcher = Watcher(http)
        task = asyncio.create_task(watcher.run())
        latencies: list[tuple[str, float]] = []

        async def chat(chat_id: int) -> None:
            for text in script:
                future = asyncio.get_running_loop().create_future()
                watcher.waiting[chat_id] = future
                sent = time.monotonic()
                body = {"token": token, "chat_id": chat_id, "text": text}
                async with http.post("/_client/message", json=body) as answer:
                    assert answer.status == 200, await answer.text()
                seen = await asyncio.wait_for(future, 120)
                latencies.append((text, (seen - sent) * 1000))
                await asyncio.sleep(0.05)  # late extra messages of the reply land first

        await asyncio.gather(*(chat(1000 + n) for n in range(chats)))
        task.cancel()
    return latencies


def start_bot(kind: str, url: str, token: str, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve-bot",
            kind,
            "--url",
            url,
            "--token",
            token,
            "--db",
            str(db),
        ],
        stdin=subprocess.PIPE,
        start_new_session=True,
        cwd=REPO,
    )


async def wait_polling(url: str, token: str, proc: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient(base_url=url) as http:
        for _ in range(600):
            if proc.poll() is not None:
                raise RuntimeError(f"bot process exited with {proc.returncode}")
            log = (await http.get("/_log", params={"method": "getUpdates"})).json()["result"]
            if log:
                return
            await asyncio.sleep(0.1)
    raise RuntimeError("the bot never polled")


async def bench_bot(kind: str, url: str, chats: int, workdir: Path) -> dict[str, Any]:
    token = new_token()
    async with httpx.AsyncClient(base_url=url) as http:
        await http.post("/_reset")
    proc = start_bot(kind, url, token, workdir / f"{kind}-{chats}.db")
    try:
        await wait_polling(url, token, proc)
        idle = rss_mb(proc.pid)[0]
        started = time.perf_counter()
        script = SCRIPT if kind == "newsbot" else ECHO_SCRIPT
        timed = await drive_chats(url, token, chats, script)
        elapsed = time.perf_counter() - started
        current, peak = rss_mb(proc.pid)
    finally:
        proc.stdin.close()  # type: ignore[union-attr]
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    latencies = [ms for _, ms in timed]
    by_command = {
        text: [ms for t, ms in timed if t == text] for text in dict.fromkeys(t for t, _ in timed)
    }
    return {
        "bot": kind,
        "chats": chats,
        "commands": len(latencies),
        "p50": statistics.median(latencies),
        "p99": pct(latencies, 0.99),
        "rate": len(latencies) / elapsed,
        "idle": idle,
        "rss": current,
        "peak": peak,
        "by_command": by_command,
    }


def serve_bot(kind: str, url: str, token: str, db: Path) -> None:
    """Child process: run one bot with long polling until stdin closes."""
    # Stop (SIGINT -> run_polling's clean shutdown) when the benchmark closes our stdin.
    threading.Thread(
        target=lambda: (sys.stdin.buffer.read(), os.kill(os.getpid(), signal.SIGINT)), daemon=True
    ).start()
    application = build_echo(token, url) if kind == "echo" else build_newsbot(token, url, db)
    application.run_polling(poll_interval=0.0, timeout=10, drop_pending_updates=False)


def build_echo(token: str, url: str) -> Any:
    from telegram import Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_message and update.effective_message.text:
            await update.effective_message.reply_text(update.effective_message.text[:100])

    application = Application.builder().token(token).base_url(f"{url}/bot").build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    return application


def build_newsbot(token: str, url: str, db: Path) -> Any:
    import seeds
    from bot.config import Config
    from bot.ingest.ingestor import Ingestor
    from bot.services.registry import CompanyRegistry
    from bot.telegram.application import build_application
    from storage import open_store

    store = open_store(db)
    with Ingestor(store=store, companies=CompanyRegistry(store)) as ingestor:
        ingestor.ingest_paths([Path(str(seeds.articles_dir()))], progress=False)
    config = Config(
        token=token,
        base_url=f"{url}/bot",
        db_path=db,
        command_limit=1_000_000,
        send_per_second=1000.0,
    )
    return build_application(config, store=store)


def print_table(title: str, rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> None:
    print(f"\n{title}")
    print(" | ".join(header for header, _ in columns))
    print(" | ".join("---" for _ in columns))
    for row in rows:
        print(" | ".join(fmt.format(**row) for _, fmt in columns))


async def run(chat_counts: list[int], kinds: list[str], total: int) -> None:
    processes = EmulatorProcesses.start()
    try:
        url = processes.url
        raw = [
            await raw_sends(url, forward=forward, total=total, concurrency=conc, client=client)
            for client, conc in (("aiohttp", 32), ("httpx", 4), ("httpx", 32))
            for forward in (True, False)
        ]
        print_table(
            f"Emulator alone: {total} sendMessage calls",
            raw,
            [
                ("mode", "{mode}"),
                ("client x concurrency", "{client}"),
                ("msgs/s", "{rate:.0f}"),
                ("p50 ms", "{p50:.2f}"),
                ("p99 ms", "{p99:.2f}"),
            ],
        )
        rows = []
        with tempfile.TemporaryDirectory() as tmp:
            for chats in chat_counts:
                for kind in kinds:
                    rows.append(await bench_bot(kind, url, chats, Path(tmp)))
        node_rss, adapter_rss = rss_mb(processes.node.pid)[1], rss_mb(processes.adapter.pid)[1]
        print_table(
            "User send -> bot reply seen (each chat: 4 commands in sequence)",
            rows,
            [
                ("bot", "{bot}"),
                ("chats", "{chats}"),
                ("commands", "{commands}"),
                ("p50 ms", "{p50:.1f}"),
                ("p99 ms", "{p99:.1f}"),
                ("replies/s", "{rate:.0f}"),
                ("RSS idle MB", "{idle:.0f}"),
                ("RSS after MB", "{rss:.0f}"),
                ("peak MB", "{peak:.0f}"),
            ],
        )
        for row in rows[: len(kinds)]:
            commands = [
                {"command": text, "p50": statistics.median(ms), "p99": pct(ms, 0.99)}
                for text, ms in row["by_command"].items()
            ]
            print_table(
                f"{row['bot']}, {row['chats']} chats, by command",
                commands,
                [("command", "{command}"), ("p50 ms", "{p50:.1f}"), ("p99 ms", "{p99:.1f}")],
            )
        print(f"\nEmulator peak RSS: node {node_rss:.0f} MB, adapter {adapter_rss:.0f} MB")
    finally:
        processes.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", default="10,100,500", help="comma-separated chat counts")
    parser.add_argument("--bots", default="echo,newsbot", help="echo and/or newsbot")
    parser.add_argument("--raw", type=int, default=3000, help="raw sendMessage calls")
    parser.add_argument("--serve-bot", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--token", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bot:
        serve_bot(args.serve_bot, args.url, args.token, args.db)
        return
    counts = [int(c) for c in args.chats.split(",") if c.strip()]
    asyncio.run(run(counts, args.bots.split(","), args.raw))


if __name__ == "__main__":
    main()
