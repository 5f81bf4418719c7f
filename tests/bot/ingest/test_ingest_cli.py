"""``newsbot ingest`` as a user runs it: exit codes, summary line, errors, --db, progress."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from storage import open_store

#: The test feeds are served on 127.0.0.1: private targets are allowed explicitly.
LOCAL = ("--allow-private-fetch",)
STORY = "Samsung profit jumps\n\nSamsung Electronics said profit more than doubled.\n"


def _articles(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps(
            {
                "title": f"Samsung chip story {i}",
                "url": f"https://example.com/s/{i}",
                "body": f"Samsung Electronics said chip sales rose {i}% this quarter.",
            }
        )
        for i in range(n)
    ]
    (folder / "many.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def test_ingest_prints_a_summary_and_lists_failures(tmp_path: Path, capsys) -> None:
    folder = _articles(tmp_path / "in", 3)
    (folder / "story.txt").write_text(STORY)
    (folder / "empty.md").write_text("")
    db = tmp_path / "cli.db"
    assert main(["ingest", "--db", str(db), str(folder)]) == 1  # one input failed
    out, err = capsys.readouterr()
    assert out.strip() == "ingested 4 new, 0 duplicate, 1 failed"
    assert f"newsbot: {folder / 'empty.md'} is empty." in err
    assert main(["ingest", "--db", str(db), str(folder)]) == 1
    assert capsys.readouterr().out.strip() == "ingested 0 new, 4 duplicate, 1 failed"
    with open_store(db) as store:
        assert store.articles.count() == 4


def test_everything_failing_exits_1(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert main(["ingest", "--db", str(tmp_path / "x.db"), str(tmp_path / "empty.txt")]) == 1
    assert capsys.readouterr().out.strip() == "ingested 0 new, 0 duplicate, 1 failed"


def test_a_folder_without_articles_exits_1_with_a_hint(tmp_path: Path, capsys) -> None:
    (tmp_path / "in").mkdir()
    assert main(["ingest", "--db", str(tmp_path / "x.db"), str(tmp_path / "in")]) == 1
    assert "no articles found" in capsys.readouterr().err


def test_nothing_to_ingest_is_a_usage_error(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["ingest", "--db", str(tmp_path / "x.db")])
    assert caught.value.code == 2
    assert "give at least one PATH or --feed URL" in capsys.readouterr().err


def test_feeds_from_the_command_line(site, tmp_path: Path, capsys) -> None:
    db = tmp_path / "feeds.db"
    code = main(
        [
            "ingest",
            "--db",
            str(db),
            *LOCAL,
            "--feed",
            f"{site.base}/atom.xml",
            "--feed",
            f"{site.base}/404.xml",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 1 and out.strip() == "ingested 1 new, 0 duplicate, 1 failed"
    assert f"newsbot: The server answered 404 Not Found for {site.base}/404.xml." in err
    assert main(["ingest", "--db", str(db), *LOCAL, "--feed", f"{site.base}/500.xml"]) == 1


def test_db_flag_overrides_the_environment(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = _articles(tmp_path / "in", 2)
    env_db, flag_db = tmp_path / "env.db", tmp_path / "flag.db"
    monkeypatch.setenv("NEWSBOT_DB", str(env_db))
    assert main(["ingest", str(folder)]) == 0
    assert main(["ingest", "--db", str(flag_db), str(folder)]) == 0
    capsys.readouterr()
    with open_store(env_db) as a, open_store(flag_db) as b:
        assert a.articles.count() == 2 and b.articles.count() == 2


def test_progress_bar_only_when_asked_off_a_terminal(tmp_path: Path, capsys) -> None:
    folder = _articles(tmp_path / "in", 60)
    assert main(["ingest", "--db", str(tmp_path / "a.db"), str(folder)]) == 0
    assert "/60" not in capsys.readouterr().err  # stderr is not a terminal here
    assert main(["ingest", "--db", str(tmp_path / "b.db"), "--progress", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert "/60" in err and out.strip() == "ingested 60 new, 0 duplicate, 0 failed"


def test_the_installed_command_runs(tmp_path: Path, run_newsbot: Callable[..., Any]) -> None:
    (tmp_path / "story.txt").write_text(STORY)
    done = run_newsbot(
        "ingest", "--db", str(tmp_path / "p.db"), str(tmp_path / "story.txt"), text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ingested 1 new, 0 duplicate, 0 failed"


def test_max_entries_bounds_a_feed_poll(site, tmp_path: Path, capsys) -> None:
    db = tmp_path / "bounded.db"
    assert (
        main(
            [
                "ingest",
                "--db",
                str(db),
                *LOCAL,
                "--max-entries",
                "2",
                "--feed",
                f"{site.base}/rss.xml",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == "ingested 2 new, 0 duplicate, 0 failed"
    with pytest.raises(SystemExit) as caught:
        main(["ingest", "--db", str(db), "--max-entries", "0", "--feed", f"{site.base}/rss.xml"])
    assert caught.value.code == 2


def test_feeds_can_be_listed_and_forgotten(site, tmp_path: Path, capsys) -> None:
    db = tmp_path / "list.db"
    main(
        [
            "ingest",
            "--db",
            str(db),
            *LOCAL,
            "--feed",
            f"{site.base}/atom.xml",
            "--feed",
            f"{site.base}/500.xml",
        ]
    )
    capsys.readouterr()
    assert main(["ingest", "--db", str(db), "--list-feeds"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) == 2
    atom = next(line for line in listing if "/atom.xml" in line)
    broken = next(line for line in listing if "/500.xml" in line)
    assert "Atom Times" in atom and "ok, last read" in atom
    assert "failing (1x): The server answered 500" in broken
    assert main(["ingest", "--db", str(db), "--forget-feed", f"{site.base}/500.xml"]) == 0
    assert "Forgot" in capsys.readouterr().out
    assert main(["ingest", "--db", str(db), "--forget-feed", f"{site.base}/500.xml"]) == 1
    assert "not a known feed" in capsys.readouterr().err
    main(["ingest", "--db", str(db), "--list-feeds"])
    assert "/500.xml" not in capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:  # a PATH beside --list-feeds is not dropped unseen
        main(["ingest", "--db", str(db), "--list-feeds", str(tmp_path)])
    assert usage.value.code == 2 and "take no PATH" in capsys.readouterr().err


def test_a_new_feed_at_an_address_never_fetched_is_not_saved(tmp_path: Path, capsys) -> None:
    db = tmp_path / "feeds.db"
    for url in ("file:///etc/passwd", "http://10.0.0.1/feed.xml", "http://[::1"):
        assert main(["ingest", "--db", str(db), "--feed", url]) == 1
        assert "The feed was not saved" in capsys.readouterr().err
    assert main(["ingest", "--db", str(db), "--list-feeds"]) == 0
    assert capsys.readouterr().out.startswith("No feeds yet")


def test_a_feed_file_is_pointed_to_ingest_feed(tmp_path: Path, capsys) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title><item>'
        "<title>A</title><link>https://news.example/a</link></item></channel></rss>\n",
        encoding="utf-8",
    )
    assert main(["ingest", "--db", str(tmp_path / "f.db"), str(feed)]) == 1
    assert "is an RSS or Atom feed" in capsys.readouterr().err


def _delete_while(tmp_path: Path, site: Any, waits_on: str, *feeds: str) -> tuple[str, str]:
    """A real `newsbot ingest` of 3 files and ``feeds``: the files are stored, then the
    database is deleted once the server is asked for ``waits_on``; its stdout and stderr,
    after checking it exits 1 with one line saying where the articles went."""
    folder = _articles(tmp_path / "in", 3)
    db = tmp_path / "gone.db"
    command = [sys.executable, "-m", "bot.cli", "ingest", "--db", str(db), *LOCAL]
    urls = [arg for feed in feeds for arg in ("--feed", f"{site.base}{feed}")]
    ingest = subprocess.Popen(
        [*command, "--no-progress", str(folder), *urls],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not site.hits(waits_on):  # the files are stored; the feed is being read
        assert ingest.poll() is None and time.monotonic() < deadline, ingest.communicate()
        time.sleep(0.05)
    db.unlink()
    out, err = ingest.communicate(timeout=60)
    assert ingest.returncode == 1
    assert err == (
        f"newsbot: The database {db} was deleted while ingesting: the articles counted "
        "above went to the old file. Run the ingest again.\n"
    )
    return out, err


def test_a_database_deleted_during_the_ingest_is_reported(tmp_path: Path, site: Any) -> None:
    # Its articles went to the unlinked file: exit 1, one line saying so, not a plain
    # "ingested 3 new".
    out, _ = _delete_while(tmp_path, site, "/slow.xml", "/slow.xml")
    assert out.strip() == "ingested 3 new, 0 duplicate, 0 failed"


def test_an_ingest_stops_at_the_next_feed_once_its_database_is_deleted(
    tmp_path: Path, site: Any
) -> None:
    # Deleted while the first feed is read: the second is not even fetched.
    out, _ = _delete_while(tmp_path, site, "/slow.xml", "/slow.xml", "/rss.xml")
    assert out.strip() == "ingested 3 new, 0 duplicate, 0 failed"
    assert site.hits("/rss.xml") == 0


def test_an_ingest_stops_at_the_next_batch_once_its_database_is_deleted(
    tmp_path: Path, site: Any
) -> None:
    # Deleted while the feed's six pages arrive: none of them is stored in the old file.
    out, _ = _delete_while(tmp_path, site, "/slow-page/0", "/slow-entries.xml")
    assert out.strip() == "ingested 3 new, 0 duplicate, 0 failed"
