"""Storm benchmark: light-command reply times for N chats, alone and during storms.

Prints one table: p50/p99/max reply time of ``/help`` and ``/list`` from N quiet chats
(each sends a command, waits for the reply, sends the next), while other chats run

* ``alone``: nothing else;
* ``big /news``: /news over three stored 5 MB articles, and /summary of them;
* ``trickle``: /summary URL of a local server that trickles its headers (one byte/s);
* ``locked db``: /subscribe while another connection holds the write lock.

Two drivers: ``in-process`` (the real Application with PTB's update queue and
update processor; Bot API calls answered in memory) and ``emulator`` (the bot in its
own process, long-polling the Bot API emulator of tests/emulator over 127.0.0.1;
needs node and ``npm ci --prefix tests/emulator``). Each scenario runs in a fresh
process (this script re-invoked with ``--scenario``) so a stuck storm cannot leak
worker threads into the next row; a reply still missing at the end of the window
counts as taking the whole window. Only 127.0.0.1 is contacted; the bot's fetches
of the local trickle server need ``NEWSBOT_ALLOW_PRIVATE_FETCH=1`` (set here).

Run: ``python benchmarks/bench_storm.py [--chats 20] [--seconds 8] [--driver in-process]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
CORPUS = Path("/work/shared/corpus/wikinews.jsonl")
SCENARIOS = ("alone", "big /news", "trickle", "locked db")
BIG_BYTES = 5_000_000
STORM_CHATS = 6


def pct(values: list[float], q: float) -> float:
    """The q-quantile (nearest rank) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- the database: seeds plus three 5 MB articles about Xiaomi -------------------------


def big_paragraphs(size: int) -> tuple[str, ...]:
    """About ``size`` characters of real news prose, one Xiaomi sentence per paragraph."""
    texts: list[str] = []
    if CORPUS.exists():
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            texts.extend(p for p in json.loads(line)["article"].split("\n\n") if p.strip())
    texts = texts or ["Markets moved on Tuesday as investors weighed the latest results."]
    out: list[str] = []
    total = 0
    for index in itertools.count():
        para = f"{texts[index % len(texts)]} Xiaomi said sales rose in quarter {index}."
        out.append(para)
        total += len(para) + 2
        if total >= size:
            return tuple(out)
    raise AssertionError("unreachable")


def build_db(path: Path) -> list[int]:
    """A seeded database with three 5 MB Xiaomi articles; returns their ids."""
    from bot.config import Config
    from bot.sample import load_seed_article
    from bot.wiring import build
    from summarizer.article import Article

    paragraphs = big_paragraphs(BIG_BYTES)
    with build(Config(db_path=path)) as core:
        load_seed_article(core.ingestor)
        ingestor = core.ingestor
        ids = []
        for n in range(3):
            article = Article(
                title=f"Xiaomi annual report part {n}",
                paragraphs=paragraphs,
                url=f"https://example.com/xiaomi-big-{n}",
                source="example.com",
            )
            ids.append(ingestor.ingest_article(article).article_id)
        ingestor.close()
    return ids


# --- a server that trickles its response headers ---------------------------------------


def start_trickle_server(stop: threading.Event) -> int:
    """A 127.0.0.1 HTTP server sending one header byte per second; returns its port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.settimeout(0.2)

    def serve(conn: socket.socket) -> None:
        with contextlib.suppress(OSError), conn:
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            while not stop.wait(1.0):
                conn.sendall(b"X")

    def accept() -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                conn, _ = listener.accept()
                threading.Thread(target=serve, args=(conn,), daemon=True).start()
        listener.close()

    threading.Thread(target=accept, daemon=True).start()
    return int(listener.getsockname()[1])


def hold_write_lock(db: Path, stop: threading.Event) -> None:
    """Another connection takes the write lock and keeps it until ``stop``."""
    conn = sqlite3.connect(str(db), isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    stop.wait()
    conn.execute("ROLLBACK")
    conn.close()


# --- the load: quiet chats measured, storm chats looping -------------------------------

Send = Callable[[int, str], Any]  # async (chat id, text) -> reply time in seconds or None


async def quiet_chat(chat: int, send: Send, until: float, times: list[float]) -> None:
    """Alternate /help and /list until ``until``, one at a time; record each reply time."""
    for text in itertools.cycle(("/help", "/list")):
        if time.monotonic() >= until:
            return
        waited = await send(chat, text, until)
        times.append(waited)
        await asyncio.sleep(0.05)


def storm_commands(scenario: str, ids: list[int], port: int) -> Callable[[int, int], str]:
    """The command storm chat ``chat`` sends on its ``n``-th turn."""
    if scenario == "big /news":
        return lambda chat, n: (
            "/news Xiaomi 3" if (chat + n) % 2 else f"/summary {ids[(chat + n) % len(ids)]}"
        )
    if scenario == "trickle":
        return lambda chat, n: f"/summary http://127.0.0.1:{port}/slow/{chat}/{n}"
    if scenario == "locked db":
        return lambda chat, n: f"/subscribe Stormco {chat} {n}"
    return lambda chat, n: "/help"


async def storm_chat(
    chat: int, send: Send, until: float, command: Callable[[int, int], str], done: list[float]
) -> None:
    """Send the storm command again whenever the last one was answered."""
    for n in itertools.count():
        if time.monotonic() >= until:
            return
        took = await send(chat, command(chat, n), until)
        if time.monotonic() < until + 0.9:  # answered, not given up on at the end
            done.append(took)


async def run_load(
    send: Send, scenario: str, *, chats: int, seconds: float, ids: list[int], port: int
) -> dict[str, Any]:
    """Quiet chats 1..N measured, storm chats 1001.. running, for ``seconds``."""
    until = time.monotonic() + seconds
    quiet: list[float] = []
    storm: list[float] = []
    command = storm_commands(scenario, ids, port)
    tasks = [quiet_chat(c, send, until, quiet) for c in range(1, chats + 1)]
    if scenario != "alone":
        tasks += [storm_chat(1000 + c, send, until, command, storm) for c in range(STORM_CHATS)]
    await asyncio.gather(*tasks)
    return {
        "replies": len(quiet),
        "p50": pct(quiet, 0.5) * 1000,
        "p99": pct(quiet, 0.99) * 1000,
        "max": max(quiet, default=0) * 1000,
        "storm": len(storm),
    }


# --- driver 1: in-process --------------------------------------------------------------


class Replies:
    """Per chat, a future for the next message the bot sends there."""

    def __init__(self) -> None:
        self.waiting: dict[int, asyncio.Future[float]] = {}

    def expect(self, chat: int) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiting[chat] = future
        return future

    def arrived(self, chat: int) -> None:
        future = self.waiting.pop(chat, None)
        if future is not None and not future.done():
            future.set_result(time.perf_counter())


def memory_request(replies: Replies) -> Any:
    """The in-process Bot API fake the tests and the terminal chat use, telling
    ``replies`` when a message arrives in a chat."""
    from bot.telegram.fake_api import FakeBotApi

    def observe(name: str, params: dict[str, Any], result: Any) -> None:
        if name in ("sendMessage", "editMessageText"):
            replies.arrived(int(params["chat_id"]))

    return FakeBotApi(on_call=observe)


async def in_process(
    db: Path, scenario: str, chats: int, seconds: float, ids: list[int], port: int
) -> dict[str, Any]:
    """The real Application fed through its update queue (and update processor)."""
    from telegram import Update

    from bot.config import Config
    from bot.telegram.application import build_application
    from storage import open_store

    store = open_store(db)
    replies = Replies()
    app = build_application(
        Config(command_limit=10**6, allow_private_fetch="1"),
        store=store,
        request=memory_request(replies),
    )
    await app.initialize()
    await app.start()
    update_ids = itertools.count(1)

    async def send(chat: int, text: str, until: float) -> float:
        entity = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        message = {
            "message_id": next(update_ids),
            "date": int(time.time()),
            "text": text,
            "chat": {"id": chat, "type": "private", "first_name": "A"},
            "from": {"id": chat, "is_bot": False, "first_name": "A"},
            "entities": entity,
        }
        future = replies.expect(chat)
        start = time.perf_counter()
        await app.update_queue.put(
            Update.de_json({"update_id": next(update_ids), "message": message}, app.bot)
        )
        try:
            arrived = await asyncio.wait_for(future, max(0.01, until - time.monotonic() + 1))
        except TimeoutError:
            return time.perf_counter() - start
        return arrived - start

    row = await run_load(send, scenario, chats=chats, seconds=seconds, ids=ids, port=port)
    return row


# --- driver 2: the Bot API emulator ----------------------------------------------------


async def through_emulator(
    db: Path, scenario: str, chats: int, seconds: float, ids: list[int], port: int
) -> dict[str, Any]:
    """The bot in its own process, long-polling the emulator; users post to the adapter."""
    import aiohttp

    sys.path.insert(0, str(REPO / "tests" / "emulator"))
    from bench_bot import Watcher  # the same long-poll over the emulator's seen-log
    from emulator_harness import EmulatorProcesses, new_token

    token = new_token()
    processes = EmulatorProcesses.start()
    url = processes.url
    env = {**os.environ, "NEWSBOT_ALLOW_PRIVATE_FETCH": "1"}
    bot = subprocess.Popen(
        [sys.executable, __file__, "--serve-bot", url, token, str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    connector = aiohttp.TCPConnector(limit=chats + STORM_CHATS + 10)
    try:
        async with aiohttp.ClientSession(base_url=url, connector=connector) as http:
            await _wait_polling(http, bot)
            watcher = Watcher(http)
            task = asyncio.create_task(watcher.run())
            row = await run_load(
                _emulator_send(http, token, watcher),
                scenario,
                chats=chats,
                seconds=seconds,
                ids=ids,
                port=port,
            )
            task.cancel()
        row["rss"] = _peak_rss_of(bot.pid)
        return row
    finally:
        bot.kill()
        bot.wait()
        processes.stop()


def _peak_rss_of(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _wait_polling(http: Any, bot: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if bot.poll() is not None:
            raise RuntimeError(f"the bot exited with {bot.returncode}")
        async with http.get("/_log", params={"method": "getUpdates"}) as resp:
            if (await resp.json())["result"]:
                return
        await asyncio.sleep(0.1)
    raise RuntimeError("the bot never started polling the emulator")


def _emulator_send(http: Any, token: str, watcher: Any) -> Send:
    """(chat, text) -> seconds until the bot's next message in that chat (``watcher``:
    a ``bench_bot.Watcher`` over the same emulator)."""

    async def send(chat: int, text: str, until: float) -> float:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        watcher.waiting[chat] = future
        sent = time.monotonic()
        body = {"token": token, "chat_id": chat, "text": text}
        async with http.post("/_client/message", json=body) as answer:
            await answer.read()
        try:
            seen = await asyncio.wait_for(future, max(0.01, until - time.monotonic() + 1))
        except TimeoutError:
            return time.monotonic() - sent
        return seen - sent

    return send


def serve_bot(url: str, token: str, db: str) -> None:
    """Run newsbot against the emulator (child process)."""
    from bot.config import Config
    from bot.telegram.application import build_application
    from storage import open_store

    config = Config(
        token=token, base_url=f"{url}/bot", command_limit=10**6, allow_private_fetch="1"
    )
    app = build_application(config, store=open_store(Path(db)))
    app.run_polling(poll_interval=0.0, timeout=10, close_loop=True)


# --- orchestration ---------------------------------------------------------------------


def run_scenario(args: argparse.Namespace) -> None:
    """Child: one scenario, one JSON row on stdout."""
    os.environ["NEWSBOT_ALLOW_PRIVATE_FETCH"] = "1"
    stop = threading.Event()
    port = start_trickle_server(stop)
    db = Path(args.db)
    if args.scenario == "locked db":
        threading.Thread(target=hold_write_lock, args=(db, stop), daemon=True).start()
        time.sleep(0.2)
    ids = [int(i) for i in args.ids.split(",")]
    driver = in_process if args.driver == "in-process" else through_emulator

    async def one_row() -> None:
        row = await driver(db, args.scenario, args.chats, args.seconds, ids, port)
        row.setdefault("rss", peak_rss_mb())
        print(json.dumps(row), flush=True)
        # Exit at once: stuck worker threads (the "before" code) would hold up asyncio.run.
        os._exit(0)

    asyncio.run(one_row())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--driver", default="in-process,emulator")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--ids", help=argparse.SUPPRESS)
    parser.add_argument("--serve-bot", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bot:
        serve_bot(*args.serve_bot)
        return
    if args.scenario:
        run_scenario(args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.db"
        started = time.perf_counter()
        ids = build_db(base)
        print(
            f"database: seeds + 3 × {BIG_BYTES / 1e6:.0f} MB articles "
            f"({time.perf_counter() - started:.0f} s to build)",
            file=sys.stderr,
        )
        rows = []
        for driver, scenario in itertools.product(
            args.driver.split(","), args.scenarios.split(",")
        ):
            db = Path(tmp) / "run.db"
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{db}{suffix}")
            shutil.copy(base, db)
            rows.append((driver, scenario, _child(args, driver, scenario, db, ids)))
    print_table(rows, args)


def _child(
    args: argparse.Namespace, driver: str, scenario: str, db: Path, ids: list[int]
) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        "--scenario",
        scenario,
        "--driver",
        driver,
        "--db",
        str(db),
        "--ids",
        ",".join(map(str, ids)),
        "--chats",
        str(args.chats),
        "--seconds",
        str(args.seconds),
    ]
    try:
        out = subprocess.run(
            command, capture_output=True, text=True, timeout=args.seconds + 180, check=False
        )
    except subprocess.TimeoutExpired:
        return {"error": "timed out"}
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"error": (out.stderr.strip().splitlines() or ["no output"])[-1][:60]}
    return dict(json.loads(lines[-1]))


def print_table(rows: list[tuple[str, str, dict[str, Any]]], args: argparse.Namespace) -> None:
    print(
        f"\nLight commands (/help, /list) from {args.chats} quiet chats, {args.seconds:g} s "
        f"per row; storms from {STORM_CHATS} other chats"
    )
    print(
        "| driver | storm | light replies | p50 ms | p99 ms | max ms | storm replies "
        "| peak RSS MB |\n|---|---|---:|---:|---:|---:|---:|---:|"
    )
    for driver, scenario, row in rows:
        if "error" in row:
            print(f"| {driver} | {scenario} | error: {row['error']} | | | | | |")
            continue
        print(
            f"| {driver} | {scenario} | {row['replies']} | {row['p50']:.0f} | "
            f"{row['p99']:.0f} | {row['max']:.0f} | {row['storm']} | {row['rss']:.0f} |"
        )


if __name__ == "__main__":
    main()
