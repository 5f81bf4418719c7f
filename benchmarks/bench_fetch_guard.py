"""Fetch policy probes and deadlines, on loopback only. Prints tables in one run.

1. Every spelling of a loopback target, fetched with the policy off (default) and on
   (the operator's switch), against a real server on 127.0.0.1 / ::1 that counts hits.
2. A "public" site (127.0.0.2, permitted by an allow list) redirecting to loopback.
3. A server trickling header bytes (or body bytes) one per ``--interval`` seconds for
   ``--trickle`` seconds: how long a plain httpx client (newsbot's old fetch) and the
   guarded fetch are held.
4. Per-host cap: 8 parallel fetches of a slow page, cap 4: peak concurrency seen.
5. One poll of a trickling feed and a healthy feed: when the healthy one is stored.
6. A host name that takes ``--trickle`` seconds to resolve (an injected resolver, no DNS):
   how long its fetch is held, and when a fetch of another name, started just after, ends.

    python benchmarks/bench_fetch_guard.py [--trickle 20] [--deadline 3] [--interval 1]
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "support"))  # the loopback servers the tests use

import httpx  # noqa: E402
from loopback_servers import start_counting, start_trickler  # noqa: E402

from bot.ingest.feeds import FeedLimits  # noqa: E402
from bot.ingest.fetch import fetch, make_client  # noqa: E402
from bot.ingest.guard import FetchPolicy  # noqa: E402
from summarizer.errors import FetchError  # noqa: E402

FEED = (
    "<?xml version='1.0'?><rss version='2.0'><channel><title>Healthy</title><item>"
    "<title>Tesla opens a plant</title><link>{base}/nowhere</link><description>Tesla opened "
    "a plant in Texas on Monday, the company said.</description></item></channel></rss>"
)


def _try(url: str, policy: FetchPolicy, timeout: float = 3.0) -> str:
    with make_client(timeout=timeout, policy=policy) as client:
        try:
            page = fetch(url, client=client, timeout=timeout)
        except FetchError as err:
            text = str(err)
            if "not a public web address" in text:
                return "refused"
            return "invalid URL" if "valid" in text else f"error: {text}"
    return "FETCHED secret" if "secret" in page.text else "fetched"


def probes() -> None:
    v4, v6 = start_counting("127.0.0.1"), start_counting("::1")
    p, p6 = v4.server_address[1], v6.server_address[1]
    spellings = [
        "127.0.0.1",
        "localhost",
        f"[::1]:{p6}",
        "0.0.0.0",
        "2130706433",
        "0x7f000001",
        "0177.0.0.1",
        "127.1",
        "[::ffff:127.0.0.1]",
        "user:pw@127.0.0.1",
        "[0:0:0:0:0:ffff:7f00:1]",
        "[0:0::1]:" + str(p6),
    ]
    print("\n1. Loopback spellings (real servers on 127.0.0.1 and ::1)\n")
    print(f"| {'URL':<44} | {'switch off (default)':<22} | {'switch on':<16} |")
    print(f"|{'-' * 46}|{'-' * 24}|{'-' * 18}|")
    hits_off = 0
    for host in spellings:
        url = f"http://{host}/" if host.endswith(f":{p6}") else f"http://{host}:{p}/"
        before = v4.hits + v6.hits
        off = _try(url, FetchPolicy())
        hits_off += v4.hits + v6.hits - before
        on = _try(url, FetchPolicy(allow_private=True))
        print(f"| {url:<44} | {off[:22]:<22} | {on[:16]:<16} |")
    print(f"\nServer hits with the switch off: {hits_off}")
    outer = start_counting("127.0.0.2")
    policy = FetchPolicy(allow_networks=(ipaddress.ip_network("127.0.0.2/32"),))
    print("\n2. Redirects from a permitted site (127.0.0.2) to loopback\n")
    print(f"| {'Location':<36} | {'outcome':<11} |")
    print(f"|{'-' * 38}|{'-' * 13}|")
    before = v4.hits + v6.hits
    for target in (
        f"http://127.0.0.1:{p}/",
        f"http://localhost:{p}/",
        f"http://2130706433:{p}/",
        f"http://[::1]:{p6}/",
        "http://xn--/",
    ):
        outer.location = target
        outcome = _try(f"http://127.0.0.2:{outer.server_address[1]}/go", policy)
        print(f"| {target:<36} | {outcome[:11]:<11} |")
    print(f"\nLoopback hits through redirects: {v4.hits + v6.hits - before}")


def _trickler(head: bytes, tail: bytes, *, seconds: float, interval: float) -> str:
    url, _listener = start_trickler(head, tail, seconds=seconds, interval=interval)
    return url  # the listener lives as long as the benchmark


def _held_plain(url: str, timeout: float) -> float:
    start = time.monotonic()
    try:
        with httpx.Client(timeout=timeout) as client:
            client.get(url)
    except httpx.HTTPError:
        pass
    return time.monotonic() - start


def _held_guarded(url: str, timeout: float) -> float:
    start = time.monotonic()
    try:
        with make_client(timeout=timeout, policy=FetchPolicy(allow_private=True)) as client:
            fetch(url, client=client, timeout=timeout)
    except FetchError:
        pass
    return time.monotonic() - start


def trickle(seconds: float, deadline: float, interval: float) -> None:
    print(
        f"\n3. Trickling server: 1 byte per {interval:g} s for {seconds:g} s; "
        f"timeout/deadline {deadline:g} s\n"
    )
    print("| trickled part | plain httpx client.get held  | guarded fetch held |")
    print("|---------------|------------------------------|--------------------|")
    cases = {
        "headers": (b"HTTP/1.1 200 OK\r\n", b"X-Slow: aaaaaaaa\r\n"),
        "body": (b"HTTP/1.1 200 OK\r\nContent-Length: 99999\r\n\r\n", b"<p>x</p>"),
    }
    for name, (head, tail) in cases.items():
        url = _trickler(head, tail, seconds=seconds, interval=interval)
        plain, guarded = _held_plain(url, deadline), _held_guarded(url, deadline)
        print(f"| {name:<13} | {plain:>26.1f} s | {guarded:>16.1f} s |")


def host_cap() -> None:
    server = start_counting("127.0.0.1")
    server.hold = 0.5
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    with make_client(timeout=10, policy=FetchPolicy(allow_private=True, max_per_host=4)) as c:
        start = time.monotonic()
        threads = [
            threading.Thread(target=fetch, args=(url,), kwargs={"client": c}) for _ in range(8)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.monotonic() - start
    print("\n4. Per-host cap 4, 8 parallel fetches of a 0.5 s page\n")
    print("| fetches | peak at server | wall time |")
    print("|---------|----------------|-----------|")
    print(f"| {server.hits:>7} | {server.peak:>14} | {took:>7.2f} s |")


def slow_and_healthy_feed(seconds: float, deadline: float, interval: float) -> None:
    from bot.ingest.ingestor import Ingestor
    from bot.services.registry import CompanyRegistry
    from storage import open_store

    healthy = start_counting("127.0.0.1")
    slow = _trickler(b"HTTP/1.1 200 OK\r\n", b"X-Slow: a\r\n", seconds=seconds, interval=interval)
    good = f"http://127.0.0.1:{healthy.server_address[1]}/feed.xml"
    healthy.feed = FEED.format(base=f"http://127.0.0.1:{healthy.server_address[1]}")
    limits = FeedLimits(timeout=deadline, page_timeout=deadline)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "b.db") as store:
        stored_at: list[float] = []
        start = time.monotonic()
        with Ingestor(
            store=store,
            companies=CompanyRegistry(store),
            limits=limits,
            policy=FetchPolicy(allow_private=True),
        ) as ingestor:
            original = ingestor.ingest_items

            def timed(*args: object, **kwargs: object) -> object:
                result = original(*args, **kwargs)  # type: ignore[arg-type]
                stored_at.append(time.monotonic() - start)
                return result

            ingestor.ingest_items = timed  # type: ignore[method-assign]
            report = ingestor.ingest_feeds([slow, good])
        total = time.monotonic() - start
    print(f"\n5. One poll: a header-trickling feed and a healthy feed (deadline {deadline:g} s)\n")
    print("| healthy feed stored after | poll took | report |")
    print("|---------------------------|-----------|--------|")
    first = f"{stored_at[0]:.2f} s" if stored_at else "never"
    print(f"| {first:>25} | {total:>7.2f} s | {report.summary()} |")


def slow_name(seconds: float, deadline: float) -> None:
    server = start_counting("127.0.0.1")
    port = server.server_address[1]
    release = threading.Event()

    def resolver(host: str, port: int) -> list[str]:
        if host == "slow.test":
            release.wait(seconds)
        return ["127.0.0.1"]

    held: dict[str, float] = {}
    start = time.monotonic()
    policy = FetchPolicy(allow_private=True)
    with make_client(timeout=deadline, policy=policy, resolver=resolver) as client:

        def timed(name: str) -> None:
            with contextlib.suppress(FetchError):
                fetch(f"http://{name}:{port}/", client=client, timeout=deadline)
            held[name] = time.monotonic() - start

        slow = threading.Thread(target=timed, args=("slow.test",))
        slow.start()
        time.sleep(0.05)
        timed("fast.test")
        slow.join()
    release.set()
    print(f"\n6. A name that takes {seconds:g} s to resolve; deadline {deadline:g} s\n")
    print("| slow name's fetch held | other name's fetch done after |")
    print("|------------------------|-------------------------------|")
    print(f"| {held['slow.test']:>20.2f} s | {held['fast.test']:>27.2f} s |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trickle", type=float, default=20.0)
    parser.add_argument("--deadline", type=float, default=3.0)
    parser.add_argument("--interval", type=float, default=1.0)
    args = parser.parse_args()
    probes()
    trickle(args.trickle, args.deadline, args.interval)
    host_cap()
    slow_and_healthy_feed(args.trickle, args.deadline, args.interval)
    slow_name(args.trickle, args.deadline)


if __name__ == "__main__":
    main()
