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
The parts, beside this script: ``storm/data.py`` (the database, the trickle server, the
write lock), ``storm/load.py`` (quiet and storm chats) and ``storm/drivers.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from storm.data import BIG_BYTES, build_db, hold_write_lock, start_trickle_server
from storm.drivers import in_process, through_emulator
from storm.load import STORM_CHATS

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SCENARIOS = ("alone", "big /news", "trickle", "locked db")


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- the bot process of the emulator driver -------------------------------------------


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
