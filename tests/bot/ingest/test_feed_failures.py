"""One bad feed never stops a poll, and the CLI reports each bad address in one line."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest

from bot.cli import main

LOCAL = "--allow-private-fetch"  # the test server is on 127.0.0.1


def test_a_feed_redirecting_to_an_invalid_name_fails_alone(
    site: Any, ingestor: Any, store: Any, caplog: pytest.LogCaptureFixture
) -> None:
    bad, good = f"{site.base}/bad-idna.xml", f"{site.base}/atom.xml"
    with caplog.at_level(logging.INFO, logger="bot.ingest.poll"):
        report = ingestor.ingest_feeds([bad, good])
    assert (report.new, report.failed) == (1, 1)
    assert len(report.errors) == 1 and "not valid" in report.errors[0]
    assert "\n" not in report.errors[0]
    assert store.articles.count() == 1  # the healthy feed's entry
    assert store.feeds.get(bad).failures == 1 and store.feeds.get(good).failures == 0
    logged = [r for r in caplog.records if bad in r.getMessage()]
    assert len(logged) == 1  # logged once, as it is reported once


def test_an_unexpected_error_in_one_feed_is_that_feeds_failure(
    site: Any, ingestor: Any, store: Any, caplog: pytest.LogCaptureFixture
) -> None:
    site.extra["/weird.xml"] = (
        200,
        "application/rss+xml",
        "<rss version='2.0'><channel>"
        "<item><title>x</title><link>http://[::1</link></item>"
        "</channel></rss>",
    )
    report = ingestor.ingest_feeds([f"{site.base}/weird.xml", f"{site.base}/atom.xml"])
    assert report.new >= 1  # the healthy feed is stored whatever the weird one does
    assert all("\n" not in line for line in report.errors)


@pytest.mark.parametrize("command", [["summarize"], ["companies"], ["ingest", "--feed"]])
def test_cli_reports_a_bad_redirect_in_one_line(
    site: Any, tmp_path: Any, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    db = ["--db", str(tmp_path / "x.db")] if command[0] == "ingest" else []
    code = main([*command[:1], *db, LOCAL, *command[1:], f"{site.base}/bad-idna.xml"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err and "not valid" in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsbot: "), err
    if command[0] == "ingest":
        assert out.strip() == "ingested 0 new, 0 duplicate, 1 failed"


def test_real_process_has_no_traceback(site: Any, run_newsbot: Callable[..., Any]) -> None:
    done = run_newsbot("summarize", LOCAL, f"{site.base}/bad-idna.xml", text=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
