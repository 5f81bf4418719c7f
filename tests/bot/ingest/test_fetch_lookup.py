"""Name lookups are inside the fetch deadline, and the address check stays on what is
connected to. A resolver injected into make_client (as httpx would take a transport)
answers names without any DNS: some at once, some only after sleeping far past the
deadline. The servers are real, on 127.0.0.1."""

from __future__ import annotations

import asyncio
import ipaddress
import threading
import time
from collections.abc import Callable, Iterator, Sequence

import httpcore
import pytest
from loopback_servers import CountingServer, start_counting, stop

from bot.ingest.fetch import fetch, make_client
from bot.ingest.guard import FetchPolicy
from bot.ingest.lookup import Lookups
from bot.telegram.workers import Workers
from summarizer.errors import FetchError

SLOW_NAME = 30.0  # how long the slow name takes to resolve; the fetch must not wait it out
DEADLINE = 1.0
LOCAL = FetchPolicy(allow_private=True)


class FakeDns:
    """Answers names from a table; ``slow.test`` only after SLOW_NAME seconds (or release)."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.asked: list[str] = []
        self.release = threading.Event()  # set at the end so no lookup thread outlives a test

    def __call__(self, host: str, port: int) -> Sequence[str]:
        self.asked.append(host)
        if host == "slow.test":
            self.release.wait(SLOW_NAME)
        if host not in self.answers:
            raise OSError("name not known")
        return self.answers[host]


@pytest.fixture
def server() -> Iterator[CountingServer]:
    started = start_counting("127.0.0.1")
    yield started
    stop(started)


@pytest.fixture
def dns() -> Iterator[FakeDns]:
    fake = FakeDns({"slow.test": ["127.0.0.1"], "fast.test": ["127.0.0.1"]})
    yield fake
    fake.release.set()


def _timed_fetch(url: str, client: object) -> tuple[float, str]:
    start = time.monotonic()
    try:
        outcome = fetch(url, client=client, timeout=DEADLINE).text  # type: ignore[arg-type]
    except FetchError as err:
        outcome = str(err)
    return time.monotonic() - start, outcome


def test_a_slowly_resolving_name_ends_at_the_fetch_deadline(
    server: CountingServer, dns: FakeDns
) -> None:
    url = f"http://slow.test:{server.server_address[1]}/"
    with make_client(timeout=DEADLINE, policy=LOCAL, resolver=dns) as client:
        held, outcome = _timed_fetch(url, client)
    assert outcome == f"Fetching {url} took too long."
    assert DEADLINE * 0.9 <= held < DEADLINE + 1.0  # not SLOW_NAME
    assert dns.asked == ["slow.test"] and server.hits == 0


def test_other_fetches_go_on_while_a_name_is_slow_to_resolve(
    server: CountingServer, dns: FakeDns
) -> None:
    port = server.server_address[1]
    results: dict[str, tuple[float, str]] = {}
    with make_client(timeout=DEADLINE, policy=LOCAL, resolver=dns) as client:
        slow = threading.Thread(
            target=lambda: results.update(slow=_timed_fetch(f"http://slow.test:{port}/", client))
        )
        slow.start()
        while "slow.test" not in dns.asked:
            time.sleep(0.01)
        results["fast"] = _timed_fetch(f"http://fast.test:{port}/", client)
        slow.join(timeout=SLOW_NAME)
    fast_held, fast_text = results["fast"]
    assert "secret" in fast_text and fast_held < DEADLINE / 2  # while the slow one waits
    slow_held, slow_text = results["slow"]
    assert slow_text.endswith("took too long.") and slow_held < DEADLINE + 1.0
    assert server.hits == 1


async def test_a_slow_name_frees_the_chats_heavy_worker_by_the_deadline(
    server: CountingServer, dns: FakeDns
) -> None:
    # One heavy thread, as a busy bot has none to spare: chat 1 asks for a page on a
    # slow name, chat 2 for one on a normal name. Chat 2 waits at most the deadline.
    port = server.server_address[1]
    workers = Workers(heavy=1)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.05)
            ticks += 1

    tick_task = asyncio.create_task(ticker())
    try:
        with make_client(timeout=DEADLINE, policy=LOCAL, resolver=dns) as client:
            first = asyncio.create_task(
                workers.heavy(1, _timed_fetch, f"http://slow.test:{port}/", client)
            )
            await asyncio.sleep(0.05)
            started = time.monotonic()
            _held, text = await workers.heavy(2, _timed_fetch, f"http://fast.test:{port}/", client)
            waited = time.monotonic() - started
            assert (await first)[1].endswith("took too long.")
    finally:
        tick_task.cancel()
        workers.close()
    assert "secret" in text and waited < DEADLINE + 1.0
    assert ticks >= waited / 0.05 / 2  # the event loop kept running all along


def test_the_policy_checks_the_resolved_addresses_and_connects_only_to_those(
    server: CountingServer,
) -> None:
    port = server.server_address[1]
    # "public.test" resolves to loopback: refused, nothing reaches the server.
    dns = FakeDns({"public.test": ["127.0.0.1"]})
    with make_client(timeout=DEADLINE, policy=FetchPolicy(), resolver=dns) as client:
        _held, outcome = _timed_fetch(f"http://public.test:{port}/", client)
    assert outcome.endswith("is not a public web address, so newsbot will not fetch it.")
    assert server.hits == 0
    # Only 127.0.0.1 is permitted: of two answers the refused one is skipped, the name is
    # looked up once, and the connection goes to the permitted address.
    allow_one = FetchPolicy(allow_networks=(ipaddress.ip_network("127.0.0.1/32"),))
    dns = FakeDns({"mixed.test": ["10.255.255.1", "127.0.0.1"]})
    with make_client(timeout=DEADLINE, policy=allow_one, resolver=dns) as client:
        _held, outcome = _timed_fetch(f"http://mixed.test:{port}/", client)
    assert "secret" in outcome and server.hits == 1 and dns.asked == ["mixed.test"]


def test_an_unknown_name_says_the_same_as_a_private_one() -> None:
    dns = FakeDns({})
    with make_client(timeout=DEADLINE, policy=FetchPolicy(), resolver=dns) as client:
        _held, outcome = _timed_fetch("http://nowhere.test/", client)
    assert outcome == (
        "http://nowhere.test/ is not a public web address, so newsbot will not fetch it."
    )


def test_hung_lookups_cannot_pile_up_threads() -> None:
    gate = threading.Event()

    def hang(host: str, port: int) -> Sequence[str]:
        gate.wait(SLOW_NAME)
        return ["127.0.0.1"]

    lookups = Lookups(hang, limit=2)
    before = threading.active_count()
    try:
        for _ in range(4):
            with pytest.raises(httpcore.ConnectTimeout):
                lookups.addresses("hung.test", 80, 0.1)
        assert threading.active_count() - before == 2  # the limit, not one per attempt
    finally:
        gate.set()
    assert _eventually(lambda: list(lookups.addresses("again.test", 80, 1.0)) == ["127.0.0.1"])


def test_waiting_for_a_free_lookup_counts_against_the_same_deadline() -> None:
    first_done = threading.Event()
    gate = threading.Event()

    def resolver(host: str, port: int) -> Sequence[str]:
        if host == "first.test":
            time.sleep(0.6)  # holds the only lookup for most of the second one's time
            first_done.set()
            return ["127.0.0.1"]
        gate.wait(SLOW_NAME)  # the second name never answers in time
        return ["127.0.0.1"]

    lookups = Lookups(resolver, limit=1)
    first = threading.Thread(target=lookups.addresses, args=("first.test", 80, 5.0))
    first.start()
    try:
        time.sleep(0.05)
        started = time.monotonic()
        with pytest.raises(httpcore.ConnectTimeout):
            lookups.addresses("second.test", 80, 1.0)
        waited = time.monotonic() - started
        assert first_done.is_set()  # it did get the lookup, after waiting for it
        assert waited < 1.4  # 1 s in all, not 0.55 s for the slot plus 1 s for the answer
    finally:
        gate.set()
        first.join()


def _eventually(check: Callable[[], bool], seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if check():
                return True
        except httpcore.ConnectTimeout:
            pass
        time.sleep(0.05)
    return False
