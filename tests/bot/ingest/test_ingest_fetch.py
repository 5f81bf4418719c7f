"""bot.ingest.fetch against a real local server: redirects, limits, timeouts, conditional GET."""

from __future__ import annotations

import time
import tracemalloc

import httpx
import pytest

from bot.ingest.charsets import decode
from bot.ingest.fetch import MAX_REDIRECTS, fetch
from summarizer.errors import FetchError


def test_fetches_a_page_and_decodes_it(site, client: httpx.Client) -> None:
    page = fetch(f"{site.base}/articles/tesla", client=client)
    assert page.status == 200
    assert page.content_type == "text/html"
    assert "Tesla opens a new battery plant" in page.text
    assert page.final_url == page.url == f"{site.base}/articles/tesla"


def test_follows_a_redirect_and_reports_the_final_address(site, client: httpx.Client) -> None:
    page = fetch(f"{site.base}/moved", client=client)
    assert page.final_url == f"{site.base}/articles/tesla"
    assert "battery plant" in page.text


def test_a_redirect_loop_is_reported_as_a_loop(site, client: httpx.Client) -> None:
    with pytest.raises(FetchError, match="redirects in a loop"):
        fetch(f"{site.base}/loop-a", client=client)
    assert site.hits("/loop-a") == 1 and site.hits("/loop-b") == 1


def test_too_many_redirects_stop_after_the_limit(site, client: httpx.Client) -> None:
    with pytest.raises(FetchError, match=f"more than {MAX_REDIRECTS} times"):
        fetch(f"{site.base}/chain/0", client=client)
    assert sum(p.startswith("/chain/") for p in site.requests) == MAX_REDIRECTS + 1


@pytest.mark.parametrize(("path", "status"), [("/404.xml", 404), ("/500.xml", 500)])
def test_http_errors_become_one_sentence(site, client, path: str, status: int) -> None:
    with pytest.raises(FetchError) as caught:
        fetch(f"{site.base}{path}", client=client)
    message = str(caught.value)
    assert f"answered {status}" in message and path in message
    assert "\n" not in message


def test_a_slow_server_times_out_quickly(site, client: httpx.Client) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match="took too long"):
        fetch(f"{site.base}/slow.xml", client=client, timeout=0.3)
    assert time.monotonic() - start < 2.0


@pytest.mark.parametrize("path", ["/huge.html", "/huge-stream.html"])
def test_pages_over_the_size_limit_are_refused(site, client, path: str) -> None:
    with pytest.raises(FetchError, match="larger than the 50 KB limit"):
        fetch(f"{site.base}{path}", client=client, max_bytes=50 * 1024)


def test_conditional_get_returns_304_with_the_validators(site, client) -> None:
    first = fetch(f"{site.base}/etag.xml", client=client)
    assert first.status == 200 and first.etag == '"v1"'
    assert first.last_modified == "Mon, 06 May 2024 10:00:00 GMT"
    again = fetch(
        f"{site.base}/etag.xml", client=client, etag=first.etag, last_modified=first.last_modified
    )
    assert again.not_modified and again.text == ""
    assert again.etag == '"v1"' and again.last_modified == first.last_modified


def test_a_closed_port_is_reported_not_raised_raw(client: httpx.Client) -> None:
    with pytest.raises(FetchError, match="could not be reached"):
        fetch("http://127.0.0.1:9/nothing", client=client)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "not a url"])
def test_only_web_addresses_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="address"):
        fetch(url)


def test_decode_uses_the_declared_charset() -> None:
    latin = "Café Société".encode("latin-1")
    assert decode(latin, "text/html; charset=ISO-8859-1") == "Café Société"
    meta = b"<html><head><meta charset='windows-1252'></head>" + latin
    assert decode(meta).endswith("Café Société")
    assert decode("naïve".encode()) == "naïve"


def test_decode_handles_byte_order_marks_and_windows_files() -> None:
    assert decode(b"\xef\xbb\xbfTitle") == "Title"
    assert decode("Title".encode("utf-16")) == "Title"
    assert decode("Café “quoted”".encode("cp1252")) == "Café “quoted”"


@pytest.mark.parametrize("kind", ["gzip", "deflate", "raw-deflate"])
def test_a_compressed_page_is_read(site, client: httpx.Client, kind: str) -> None:
    page = fetch(f"{site.base}/gz/{kind}", client=client)
    assert "Tesla opens a new battery plant" in page.text


@pytest.mark.parametrize("kind", ["bomb", "double-bomb"])
def test_a_gzip_bomb_is_refused_without_inflating_it(site, client, kind: str) -> None:
    """A few dozen KB that inflate to 50 MB: refused at the limit, and never held whole
    (httpx alone inflated a 3.5 KB bomb to 4 GB before any size check)."""
    limit = 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as caught:
            fetch(f"{site.base}/gz/{kind}", client=client, max_bytes=limit)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(caught.value)
    if kind == "bomb":
        assert "larger than the 1 MB limit" in message
    else:  # gzip twice: no server needs it, and we asked for one layer at most
        assert "compressed in a way we cannot read" in message
    assert peak < 4 * limit, peak


@pytest.mark.parametrize(
    ("kind", "reason"),
    [("brotli", "compressed in a way we cannot read"), ("not-gzip", "not the compressed data")],
)
def test_a_body_we_cannot_decompress_is_one_sentence(site, client, kind: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch(f"{site.base}/gz/{kind}", client=client)
