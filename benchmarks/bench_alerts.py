"""Alerts benchmark: enqueue fan-out in SQLite, and the sender's throughput.

Prints two tables:

1. ``enqueue_for_article`` for one article to N subscribers (default 100,000; a mix of
   instant, digest, strict-threshold and stopped chats): the one INSERT ... SELECT,
   fresh and repeated (idempotent no-op), median of several articles.
2. Throughput against the Bot API adapter in throughput mode (``forward_sends=false``)
   with every rate limit lifted, side by side in one run:
   - the adapter's raw capacity: bare PTB ``send_message`` calls, same concurrency;
   - our sender: claim from SQLite, compose, send, record - the full pipeline.
   Messages/s, and the process's RSS before and at peak while sending.

Needs node and ``npm ci --prefix tests/emulator``.
Run: ``python benchmarks/bench_alerts.py [--subscribers 100000] [--messages 20000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "emulator"))

from emulator_harness import Emulator, EmulatorProcesses  # noqa: E402
from telegram import Bot  # noqa: E402
from telegram.request import HTTPXRequest  # noqa: E402

from bot.alerts import AlertSender, Composer, Limits, RateGate, SenderOptions  # noqa: E402
from bot.alerts.transport import AiohttpRequest  # noqa: E402
from storage import Store, open_store  # noqa: E402
from summarizer.article import Article  # noqa: E402
from summarizer.companies.matcher import CompanyMention  # noqa: E402

BODY = (
    "Xiaomi said on Thursday it would build a second car factory in Beijing. "
    "The company expects deliveries to reach 300,000 cars next year.\n\n"
    "Analysts said the move puts pressure on rivals in the crowded market."
)


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def populate(store: Store, subscribers: int, *, first_id: int = 1) -> int:
    """Chats following Xiaomi: 80 % instant, 10 % digest, 5 % strict, 5 % stopped."""
    company = store.companies.add_custom("Xiaomi")
    now = "2026-01-01T00:00:00+00:00"
    settings = ["{}", '{"mode": "digest"}', '{"threshold": 0.99}']
    chats = [
        {
            "id": i,
            "type": "private",
            "title": None,
            "active": int(i % 20 != 19),
            "settings": settings[
                0 if i % 10 < 8 else 1 if i % 10 == 8 else 2 if i % 20 == 9 else 0
            ],
            "created": now,
            "updated": now,
        }
        for i in range(first_id, first_id + subscribers)
    ]
    with store.transaction():
        store.db["chats"].insert_all(chats, batch_size=5000)
        store.db["subscriptions"].insert_all(
            ({"chat_id": c["id"], "company_id": company, "created": now} for c in chats),
            batch_size=5000,
        )
    return company


def add_article(store: Store, n: int) -> int:
    article = Article(
        f"Xiaomi story {n}",
        tuple(f"{BODY} Version {n}.".split("\n\n")),
        url=f"https://news.example/{n}",
        source="Wire",
    )
    article_id, _ = store.articles.add(article, companies=[CompanyMention("Xiaomi", 0.8, True, 3)])
    return article_id


def bench_enqueue(folder: Path, subscribers: int, runs: int = 3) -> list[tuple[str, str]]:
    store = open_store(folder / "enqueue.db")
    populate(store, subscribers)
    fresh, again, added = [], [], 0
    for n in range(runs):
        article_id = add_article(store, n)
        started = time.perf_counter()
        added = store.outbox.enqueue_for_article(article_id)
        fresh.append(time.perf_counter() - started)
        started = time.perf_counter()
        assert store.outbox.enqueue_for_article(article_id) == 0
        again.append(time.perf_counter() - started)
    store.close()
    return [
        (
            f"enqueue 1 article -> {subscribers:,} subscribers (fresh)",
            f"{statistics.median(fresh) * 1000:,.0f} ms  ({added:,} alerts queued)",
        ),
        ("same article again (idempotent, 0 added)", f"{statistics.median(again) * 1000:,.0f} ms"),
    ]


async def _sample_peak(box: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        box.append(rss_mb()[0])
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.05)


async def raw_capacity(
    emulator: Emulator, messages: int, concurrency: int, *, aiohttp: bool
) -> float:
    """Bare PTB send_message calls to the adapter: what the rig itself can take."""
    request = (
        AiohttpRequest(connection_pool_size=concurrency)
        if aiohttp
        else HTTPXRequest(connection_pool_size=concurrency)
    )
    async with Bot(emulator.token, base_url=emulator.base_url, request=request) as bot:
        queue = iter(range(messages))

        async def worker() -> None:
            for n in queue:
                await bot.send_message(10_000 + n % 5000, f"<b>raw</b> {n}", parse_mode="HTML")

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return messages / (time.perf_counter() - started)


async def sender_throughput(
    emulator: Emulator, store: Store, messages: int, concurrency: int
) -> tuple[float, float, float]:
    request = AiohttpRequest(connection_pool_size=concurrency)
    limits = Limits(
        per_second=float("inf"), chat_interval=0.0, group_per_minute=float("inf"), margin=0.0
    )
    options = SenderOptions(concurrency=concurrency, batch_size=1000, max_held=5000)
    async with Bot(emulator.token, base_url=emulator.base_url, request=request) as bot:
        sender = AlertSender(
            bot=bot,
            outbox=store.outbox,
            lifecycle=store.lifecycle,
            gate=RateGate(limits),
            composer=Composer(articles=store.outbox),
            options=options,
        )
        before = rss_mb()[0]
        samples: list[float] = []
        stop = asyncio.Event()
        sampler = asyncio.create_task(_sample_peak(samples, stop))
        task = asyncio.create_task(sender.run())
        while sender.stats["messages"] == 0 and not task.done():
            await asyncio.sleep(0.001)  # the 1 s restart guard is not throughput
        started, first = time.perf_counter(), sender.stats["alerts"]
        while sender.stats["alerts"] < messages and not task.done():
            await asyncio.sleep(0.01)
        elapsed = time.perf_counter() - started
        messages -= first
        sender.stop()
        await task
        assert store.outbox.counts() == {"sent": messages + first}
        stop.set()
        await sampler
    return messages / elapsed, before, max(samples)


async def limited_rate(emulator: Emulator, folder: Path, messages: int) -> tuple[float, int]:
    """Our sender under Telegram's limits, with the adapter enforcing them (429 on excess)."""
    await emulator.configure(forward_sends=False, rate_limits=True)
    store = open_store(folder / "limited.db")
    populate(store, messages, first_id=500_000)
    store.db.execute("UPDATE chats SET active = 1, settings = '{}'")
    store.outbox.enqueue_for_article(add_article(store, 1))
    since = (await emulator.log())[-1]["seq"] if await emulator.log() else 0
    async with Bot(emulator.token, base_url=emulator.base_url, request=AiohttpRequest()) as bot:
        sender = AlertSender(
            bot=bot,
            outbox=store.outbox,
            lifecycle=store.lifecycle,
            gate=RateGate(Limits()),
            composer=Composer(articles=store.outbox),
        )
        task = asyncio.create_task(sender.run())
        while sender.stats["alerts"] < messages and not task.done():
            await asyncio.sleep(0.05)
        sender.stop()
        await task
    store.close()
    log = await emulator.log(method="sendMessage", since=since)
    times = sorted(e["t"] for e in log if e["outcome"] == "ok")
    refused = sum(1 for e in log if e["outcome"] == "rate_limited")
    await emulator.configure(rate_limits=None)
    return (len(times) - 1) / (times[-1] - times[0]), refused


async def bench_sender(folder: Path, messages: int, concurrency: int) -> list[tuple[str, str]]:
    processes = EmulatorProcesses.start()
    try:
        emulator = Emulator(processes.url)
        await emulator.reset()
        await emulator.configure(forward_sends=False, rate_limits=None)
        raw_httpx = await raw_capacity(emulator, messages // 4, concurrency, aiohttp=False)
        raw = await raw_capacity(emulator, messages, concurrency, aiohttp=True)
        store = open_store(folder / "sender.db")
        populate(store, messages, first_id=10_000)
        store.db.execute("UPDATE chats SET active = 1, settings = '{}'")
        store.outbox.enqueue_for_article(add_article(store, 1))
        ours, before, peak = await sender_throughput(emulator, store, messages, concurrency)
        delivered = (
            len(await emulator.log(method="sendMessage", outcome="ok")) - messages - messages // 4
        )
        store.close()
        limited, refused = await limited_rate(emulator, folder, 250)
        await emulator.aclose()
    finally:
        processes.stop()
    return [
        (
            f"adapter raw capacity, bare PTB send_message, httpx ({concurrency} concurrent)",
            f"{raw_httpx:,.0f} msg/s",
        ),
        (
            f"adapter raw capacity, bare PTB send_message, aiohttp ({concurrency} concurrent)",
            f"{raw:,.0f} msg/s",
        ),
        (
            f"our sender, limits lifted ({messages:,} alerts: claim+compose+send+record)",
            f"{ours:,.0f} msg/s  ({ours / raw:.0%} of raw; {delivered:,} delivered)",
        ),
        ("our process RSS before -> peak while sending", f"{before:,.0f} -> {peak:,.0f} MB"),
        (
            "our sender under Telegram's limits (default 25/s; adapter enforcing 30/s, 1/s/chat)",
            f"{limited:,.1f} msg/s, {refused} refused with 429",
        ),
    ]


def table(title: str, rows: list[tuple[str, str]]) -> str:
    width = max(len(r[0]) for r in rows)
    lines = [title, "-" * (width + 30)]
    lines += [f"{name.ljust(width)}  {value}" for name, value in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-alerts-") as tmp:
        folder = Path(tmp)
        print(
            table(
                "Enqueue (one INSERT ... SELECT per article, SQLite WAL)",
                bench_enqueue(folder, args.subscribers),
            )
        )
        print()
        rows = asyncio.run(bench_sender(folder, args.messages, args.concurrency))
        print(table("Sender throughput vs the emulator adapter (forward_sends=false)", rows))


if __name__ == "__main__":
    main()
