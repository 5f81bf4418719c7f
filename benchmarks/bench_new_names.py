"""What a made-up company name costs: ``/subscribe`` of names the registry lacks.

    python benchmarks/bench_new_names.py [--names 20] [--chats 4] [--against CHECKOUT]

Each new name a chat follows makes the shared company matcher learn it
(``bot.services.registry.CompanyRegistry.reload``). Two tables, on a real SQLite file
with the shipped registry (no articles: the cost is the matcher's, not the news'):

1. the service alone (``SubscriptionService.subscribe``, one new name per call, the
   way a stranger types them): milliseconds per new name (median and max over
   ``--names``), the same with 200 made-up names already stored by other chats, and
   a ``/stop`` of a chat whose names are then deleted (the matcher forgets them);
2. the bot (the real ``Application``, Bot API answered in memory as in
   ``bench_storm.py``): ``--chats`` chats each send ``--names`` ``/subscribe NEWNAME``
   one after another, while a quiet chat sends ``/help``, ``/list`` and
   ``/subscribe Apple`` in turn; its reply times (p50/max) beside the same chat with
   nothing else going on, how long the burst took, and which thread rebuilt the
   matcher (the event loop's, ``MainThread``, or a worker's).

``--against CHECKOUT`` runs this script's measurements with that checkout's code
(``PYTHONPATH``) too, alternating rounds (``--rounds``) in fresh processes, and prints
both side by side. Needs no network.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SYLLABLES = ("var", "nok", "zel", "quor", "bim", "tas", "lud", "pry", "fen", "wox", "dra", "mil")
QUIET = ("/help", "/list", "/subscribe Apple")  # a quiet chat's commands, in turn
TRADES = ("Holdings", "Widgets", "Trading", "Foundry", "Outfitters", "Logistics")


def made_up(n: int, *, salt: str = "") -> str:
    """A company name no registry has ("Varnokzel Foundry"), distinct for each ``n``."""
    a, b, c = (SYLLABLES[(n // 12**k + len(salt)) % 12] for k in range(3))
    return f"{(a + b + c).capitalize()}{salt} {TRADES[n % len(TRADES)]} {n}"


def fresh_store(folder: Path) -> Any:
    from storage import open_store

    return open_store(folder / "newsbot.db")


def service_costs(names: int) -> dict[str, float]:
    """Table 1: ms per new name, fresh and beside 200 stored names, and a /stop."""
    from bot.services.registry import CompanyRegistry
    from bot.services.subscriptions import SubscriptionService

    with tempfile.TemporaryDirectory() as folder:
        store = fresh_store(Path(folder))
        service = SubscriptionService(store=store, companies=CompanyRegistry(store))
        fresh = [_timed_subscribe(service, 1, made_up(n)) for n in range(names)]
        for chat in range(2, 6):  # four more chats' 50 names each, unmeasured
            for n in range(50):
                store.subscriptions.add(
                    chat, store.companies.add_custom(made_up(n, salt=str(chat)))
                )
        service.companies.reload()
        crowded = [_timed_subscribe(service, 7, made_up(n, salt="x")) for n in range(names)]
        start = time.perf_counter()
        service.stop(7)
        stop = time.perf_counter() - start
        store.close()
    return {
        "new name, median ms": 1000 * statistics.median(fresh),
        "new name, max ms": 1000 * max(fresh),
        "beside 200 stored, median ms": 1000 * statistics.median(crowded),
        "/stop deleting names, ms": 1000 * stop,
    }


def _timed_subscribe(service: Any, chat: int, name: str) -> float:
    start = time.perf_counter()
    result = service.subscribe(chat, name)
    took = time.perf_counter() - start
    assert result.new_names, (name, result)  # followed as a new name, not offered or refused
    return took


async def bot_costs(names: int, chats: int) -> dict[str, Any]:
    """Table 2: a quiet chat's reply times alone and during a burst of new names."""
    sys.path.insert(0, str(HERE))
    from storm.drivers import Replies, memory_request

    from bot.config import Config
    from bot.services.registry import CompanyRegistry
    from bot.telegram.application import build_application

    threads: list[str] = []
    reload = CompanyRegistry.reload

    def watched(self: Any) -> None:
        threads.append(threading.current_thread().name.split("_")[0])
        reload(self)

    CompanyRegistry.reload = watched  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as folder:
        store = fresh_store(Path(folder))
        replies = Replies()
        app = build_application(
            Config(command_limit=10**6), store=store, request=memory_request(replies)
        )
        await app.initialize()
        await app.start()
        send = _sender(app, replies)
        threads.clear()  # the start-up's own load of the stored names is no new name
        alone = await _quiet(send, 9, stop=lambda times: len(times) >= 3 * names)
        started = time.perf_counter()
        burst = [asyncio.create_task(_burst(send, chat, names)) for chat in range(1, chats + 1)]
        during = await _quiet(send, 9, stop=lambda _: all(t.done() for t in burst))
        await asyncio.gather(*burst)
        took = time.perf_counter() - started
        await app.stop()
        await app.shutdown()
        store.close()
    return {
        **_latencies("alone", alone),
        **_latencies("in burst", during),
        "burst of new names, s": took,
        "matcher rebuilt on": ",".join(sorted(set(threads))) or "-",
    }


def _latencies(when: str, times: list[tuple[str, float]]) -> dict[str, float]:
    """p50 of every quiet command and the max of each, in ms."""
    out = {f"quiet chat {when}, p50 ms": 1000 * statistics.median(t for _, t in times)}
    for command in QUIET:
        out[f"  {command.split()[0]} {when}, max ms"] = 1000 * max(
            t for c, t in times if c == command
        )
    return out


def _sender(app: Any, replies: Any) -> Any:
    from storm.drivers import command_update

    ids = itertools.count(1)

    async def send(chat: int, text: str) -> float:
        future = replies.expect(chat)
        start = time.perf_counter()
        await app.update_queue.put(command_update(app, chat, text, ids))
        return await asyncio.wait_for(future, 120) - start

    return send


async def _quiet(send: Any, chat: int, *, stop: Any) -> list[tuple[str, float]]:
    times: list[tuple[str, float]] = []
    for text in itertools.cycle(QUIET):
        if stop(times):
            return times
        times.append((text, await send(chat, text)))
        await asyncio.sleep(0.02)
    return times


async def _burst(send: Any, chat: int, names: int) -> None:
    for n in range(names):
        await send(chat, f"/subscribe {made_up(n, salt=str(chat))}")


def measure(names: int, chats: int) -> dict[str, Any]:
    """Both tables' figures for the code on ``sys.path``."""
    return {**service_costs(names), **asyncio.run(bot_costs(names, chats))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=20)
    parser.add_argument("--chats", type=int, default=4)
    parser.add_argument("--against", type=Path, help="another checkout, timed alongside")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.names, args.chats)))
        return
    sides = {"this checkout": HERE.parent}
    if args.against:
        sides["--against"] = args.against.resolve()
    runs: dict[str, list[dict[str, Any]]] = {side: [] for side in sides}
    for _ in range(args.rounds):
        for side, checkout in sides.items():
            runs[side].append(_run_one(checkout, args.names, args.chats))
    _print(runs, args)


def _run_one(checkout: Path, names: int, chats: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, str(Path(__file__).resolve()), "--one"]
    command += ["--names", str(names), "--chats", str(chats)]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return dict(json.loads(out.splitlines()[-1]))


def _print(runs: dict[str, list[dict[str, Any]]], args: argparse.Namespace) -> None:
    print(f"{args.names} new names per chat, {args.chats} chats in the burst, {args.rounds} rounds")
    sides = list(runs)
    print(f"{'':34}" + "".join(f"{side:>18}" for side in sides))
    for key in runs[sides[0]][0]:
        cells = []
        for side in sides:
            values = [run[key] for run in runs[side]]
            if isinstance(values[0], str):
                cells.append(f"{values[0]:>18}")
            else:
                cells.append(f"{statistics.median(values):>18.1f}")
        print(f"{key:34}" + "".join(cells))


if __name__ == "__main__":
    main()
