"""Remote text printed by the CLI carries no terminal control codes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.output import json_text, terminal_line, terminal_text

EVIL = "\x1b]0;pwned\x07\x1b[2J\r\x9b31m\u202e"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
PAGE = (
    f"<html><head><title>Tesla{EVIL} opens a plant</title></head><body><article>"
    f"<h1>Tesla{EVIL} opens a plant</h1>"
    f"<p>Tesla opened a battery plant in Texas on Monday{EVIL}, the company said.</p>"
    "<p>The plant will employ 5,000 people and build cells for cheaper cars.</p>"
    "<p>Tesla shares rose 3 per cent after the announcement on Monday.</p>"
    "</article></body></html>"
)
FEED = (
    "<?xml version='1.0'?><rss version='2.0'><channel>"
    "<title>Evil&#x1b;[2J&#x0d;Times</title>"
    "<item><title>Tesla</title><link>http://127.0.0.1:9/x</link>"
    "<description>Tesla opened a plant in Texas on Monday.</description></item>"
    "</channel></rss>"
)


@pytest.fixture
def server(serve_routes: Callable[..., str]) -> str:
    return serve_routes(
        {
            "/page": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/feed.xml": (200, "application/rss+xml", FEED.encode()),
        }
    )


def test_the_helpers() -> None:
    assert terminal_text(f"a{EVIL}b\nc\td") == "a]0;pwned[2J31mb\nc\td"
    assert terminal_line("a\nb\tc\rd") == "a b cd"
    dumped = json.dumps({"t": "x\x9by\u202e"}, ensure_ascii=False)
    assert json.loads(json_text(dumped)) == {"t": "x\x9by\u202e"}
    assert not CONTROL.search(json_text(dumped))


@pytest.mark.parametrize(
    "argv", [["summarize"], ["summarize", "--json"], ["companies"], ["companies", "--json"]]
)
def test_summaries_and_companies_of_a_hostile_page(
    server: str, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main([*argv, "--allow-private-fetch", f"{server}/page"]) == 0
    out, err = capsys.readouterr()
    assert "Tesla" in out
    assert not CONTROL.search(out.replace("\n", "").replace("\t", "")), repr(out)
    assert not CONTROL.search(err.replace("\n", ""))


def test_list_feeds_of_a_hostile_feed(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "f.db")
    main(["ingest", "--db", db, "--allow-private-fetch", "--feed", f"{server}/feed.xml"])
    capsys.readouterr()
    assert main(["ingest", "--db", db, "--list-feeds"]) == 0
    out = capsys.readouterr().out
    assert "Evil" in out and "Times" in out
    assert not CONTROL.search(out.replace("\n", "").replace("\t", "")), repr(out)


def test_a_hostile_entry_title_in_an_error_line(
    serve_routes: Callable[..., str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
        "<item><title>Evil&#x1b;]0;pwned&#x07;&#x1b;[2J title</title></item>"
        "</channel></rss>"
    )
    base = serve_routes({"/f.xml": (200, "application/rss+xml", feed.encode())})
    main(
        [
            "ingest",
            "--db",
            str(tmp_path / "e.db"),
            "--allow-private-fetch",
            "--feed",
            f"{base}/f.xml",
        ]
    )
    err = capsys.readouterr().err
    assert "Evil" in err and "neither a link nor any text" in err  # the entry's error line
    assert not CONTROL.search(err.replace("\n", "")), repr(err)
