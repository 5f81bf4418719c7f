"""The fetch policy against real servers on loopback: every spelling of a private target
is refused (while the same URL with the switch on really reaches the server), redirects
are checked, slow servers are cut at the deadline, and one host gets a bounded share."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from loopback_servers import CountingServer, start_counting, stop

from bot.config import Config
from bot.ingest.fetch import fetch, make_client
from bot.ingest.guard import ALLOW_PRIVATE_ENV, FetchPolicy, is_public
from summarizer.errors import FetchError, InputError

OPEN = FetchPolicy(allow_private=True)
CLOSED = FetchPolicy()


@pytest.fixture
def start() -> Iterator[Callable[..., CountingServer]]:
    """``start(host)`` -> a counting server on ``host`` (127.0.0.1, 127.0.0.2 or ::1)."""
    servers: list[CountingServer] = []

    def serve(host: str = "127.0.0.1") -> CountingServer:
        try:
            server = start_counting(host)
        except OSError:
            pytest.skip(f"cannot listen on {host}")
        servers.append(server)
        return server

    yield serve
    for server in servers:
        stop(server)


def _spellings(port: int, port6: int) -> list[str]:
    return [
        f"http://127.0.0.1:{port}/",
        f"http://localhost:{port}/",
        f"http://[::1]:{port6}/",
        f"http://[0:0::1]:{port6}/",
        f"http://0.0.0.0:{port}/",
        f"http://2130706433:{port}/",
        f"http://0x7f000001:{port}/",
        f"http://0177.0.0.1:{port}/",
        f"http://127.1:{port}/",
        f"http://[::ffff:127.0.0.1]:{port}/",
        f"http://user:pw@127.0.0.1:{port}/",
        f"http://LOCALHOST:{port}/",
        f"http://[0:0:0:0:0:ffff:7f00:1]:{port}/",
    ]


def _outcome(url: str, policy: FetchPolicy) -> str:
    with make_client(timeout=3.0, policy=policy) as client:
        try:
            return fetch(url, client=client).text
        except FetchError as err:
            return f"refused: {err}"


def test_every_spelling_of_loopback_is_refused_and_nothing_reaches_the_server(
    start: Callable[..., CountingServer],
) -> None:
    v4, v6 = start("127.0.0.1"), start("::1")
    urls = _spellings(v4.server_address[1], v6.server_address[1])
    for url in urls:
        outcome = _outcome(url, CLOSED)
        assert outcome.startswith("refused: ") and "secret" not in outcome, (url, outcome)
        assert "not a public web address" in outcome or "not a valid web address" in outcome
    assert v4.hits == 0 and v6.hits == 0
    # The control: with the switch on, the same URLs do reach the servers, so a wrong
    # "allow" above would have fetched the secret page.
    reached = [url for url in urls if "secret" in _outcome(url, OPEN)]
    assert len(reached) >= len(urls) - 1  # 0177.0.0.1 is no valid URL for httpx either way
    assert v4.hits + v6.hits == len(reached)


def test_refusal_says_the_same_for_open_closed_and_unknown_targets(
    start: Callable[..., CountingServer],
) -> None:
    port = start().server_address[1]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]  # bound, never listening: a closed port
        texts = {
            _outcome(url, CLOSED).replace(url, "URL")
            for url in (
                f"http://127.0.0.1:{port}/",
                f"http://127.0.0.1:{closed}/",
                "http://no-such-host.invalid/",
                "http://10.255.255.1/",
                "http://169.254.169.254/latest/meta-data/",
            )
        }
    assert texts == {"refused: URL is not a public web address, so newsbot will not fetch it."}


def test_a_redirect_to_loopback_is_refused_after_the_first_hop(
    start: Callable[..., CountingServer],
) -> None:
    inner, outer = start("127.0.0.1"), start("127.0.0.2")
    # The outer server stands in for a public site: only its address is permitted.
    policy = FetchPolicy(allow_networks=(_net("127.0.0.2/32"),))
    port = inner.server_address[1]
    for target in (
        f"http://127.0.0.1:{port}/",
        f"http://localhost:{port}/",
        f"http://2130706433:{port}/",
        f"http://[::ffff:127.0.0.1]:{port}/",
    ):
        outer.location = target
        start_url = f"http://127.0.0.2:{outer.server_address[1]}/go"
        outcome = _outcome(start_url, policy)
        assert (
            outcome == f"refused: {start_url} is not a public web address, so newsbot "
            "will not fetch it."
        ), outcome  # the target's name is not echoed
    assert inner.hits == 0 and outer.hits == 4


def _net(text: str) -> Any:
    import ipaddress

    return ipaddress.ip_network(text)


def test_a_redirect_to_an_invalid_name_is_a_clean_fetch_error(
    start: Callable[..., CountingServer],
) -> None:
    server = start()
    for bad in ("http://xn--/", "http://xn--ls8h.xn--/", "http://[::1/"):
        server.location = bad
        outcome = _outcome(f"http://127.0.0.1:{server.server_address[1]}/go", OPEN)
        assert outcome.startswith("refused: ") and "not valid" in outcome, outcome
        assert "\n" not in outcome and "xn--" not in outcome


def test_address_classes() -> None:
    import ipaddress

    refused = [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.0.1",
        "100.64.0.1",
        "169.254.169.254",
        "224.0.0.1",
        "240.0.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12::1",
        "ff02::1",
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1",
        "64:ff9b::a00:1",
        "2002:7f00:1::1",
        "198.18.0.1",
    ]
    public = ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
    assert [a for a in refused if is_public(ipaddress.ip_address(a))] == []
    assert all(is_public(ipaddress.ip_address(a)) for a in public)


def test_the_operator_switch_in_the_environment_and_config() -> None:
    assert FetchPolicy.from_env({}) == CLOSED
    assert FetchPolicy.from_env({ALLOW_PRIVATE_ENV: "1"}).allow_private
    assert FetchPolicy.from_env({}, allow_private=True).allow_private
    some = FetchPolicy.from_env({ALLOW_PRIVATE_ENV: "10.20.0.0/16, fd00::/8"})
    assert not some.allow_private and len(some.allow_networks) == 2
    assert Config.load({ALLOW_PRIVATE_ENV: "yes"}).fetch_policy().allow_private
    assert not Config.load({}).fetch_policy().allow_private
    with pytest.raises(InputError, match=ALLOW_PRIVATE_ENV):
        Config.load({ALLOW_PRIVATE_ENV: "maybe"})


def test_fetch_refuses_a_client_without_the_policy() -> None:
    import httpx

    with httpx.Client() as plain, pytest.raises(TypeError):
        fetch("http://127.0.0.1:9/", client=plain)


def test_at_most_max_per_host_fetches_run_at_once(start: Callable[..., CountingServer]) -> None:
    server = start()
    server.hold = 0.3
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    policy = FetchPolicy(allow_private=True, max_per_host=2)
    with make_client(timeout=10.0, policy=policy) as client:
        threads = [
            threading.Thread(target=fetch, args=(url,), kwargs={"client": client}) for _ in range(6)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=20)
    assert server.hits == 6 and server.peak == 2


def test_feed_entry_links_to_private_addresses_are_not_fetched(
    start: Callable[..., CountingServer],
    store: Any,
) -> None:
    from bot.ingest.ingestor import Ingestor
    from bot.services.registry import CompanyRegistry

    inner, feed_host = start("127.0.0.1"), start("127.0.0.2")
    secret = f"http://127.0.0.1:{inner.server_address[1]}/admin"
    feed_host.feed = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Trusted feed</title>"
        f"<item><title>Tesla news</title><link>{secret}</link>"
        "<description>Tesla said it opened a plant in Texas on Monday.</description></item>"
        "</channel></rss>"
    )
    policy = FetchPolicy(allow_networks=(_net("127.0.0.2/32"),))
    with Ingestor(store=store, companies=CompanyRegistry(store), policy=policy) as ingestor:
        report = ingestor.ingest_feed(f"http://127.0.0.2:{feed_host.server_address[1]}/feed.xml")
    assert report.new == 1 and inner.hits == 0  # stored from the feed's own summary
    stored = store.articles.get(report.article_ids[0])
    assert stored is not None and "secret" not in stored.article.body
