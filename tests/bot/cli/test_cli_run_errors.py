"""``newsbot run`` start-up failures are one line on stderr: no chained tracebacks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[3]


def _newsbot(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``newsbot ARGS`` with no input (the terminal chat ends at once)."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env=env,
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        check=False,
    )


def _run(tmp_path: Path, token: str, base_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": token, "NEWSBOT_DB": str(tmp_path / "r.db")}
    return _newsbot(["run", "--base-url", base_url], env)


@pytest.mark.parametrize("token", ["123:unreachable-secret", "fake-secret", "12 3:a b-secret"])
def test_an_unreachable_bot_api_is_one_line(tmp_path: Path, token: str) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))  # bound, never listening: nothing answers there
        port = closed.getsockname()[1]
        done = _run(tmp_path, token, f"http://127.0.0.1:{port}/bot")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("newsbot: Could not reach the Telegram Bot API")
    assert "Traceback" not in done.stderr and "secret" not in done.stderr


PAGE = (
    "<html><head><title>Tesla opens a plant</title></head><body><article>"
    "<h1>Tesla opens a plant</h1><p>Tesla opened a battery plant in Texas on Monday.</p>"
    "<p>The internal page says the plant will employ 5,000 people.</p></article>"
    "</body></html>"
)


def test_the_terminal_chat_follows_the_fetch_switch(tmp_path: Path, serve_routes: Any) -> None:
    base = serve_routes({"/story": (200, "text/html", PAGE.encode())})
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("TELEGRAM_BOT_TOKEN", "NEWSBOT_ALLOW_PRIVATE_FETCH")
    }
    outputs = []
    for flags in ([], ["--allow-private-fetch"]):
        done = subprocess.run(
            [sys.executable, "-m", "bot.cli", "run", "--db", str(tmp_path / "t.db"), *flags],
            input=f"/summary {base}/story\n",
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=REPO,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    refused, allowed = outputs
    assert "not a public web address" in refused and "5,000 people" not in refused
    assert "5,000 people" in allowed


def test_a_second_bot_on_the_same_database_stops_with_one_line(tmp_path: Path) -> None:
    """Two bots on one database would each resend the other's alerts in flight."""
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env["NEWSBOT_DB"] = str(tmp_path / "shared.db")
    args = ["run", "--no-replay"]
    first = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *args],
        env=env,
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None
        # The terminal chat's banner: the first bot holds its database.
        assert "newsbot terminal chat" in first.stdout.readline()
        second = _newsbot(args, env)
    finally:
        first.communicate("/quit\n", timeout=60)
    assert second.returncode == 1
    assert second.stderr == (
        f"newsbot: Another newsbot (process {first.pid}) is already running on "
        f"{tmp_path / 'shared.db'}; stop it first, or give this one its own database "
        "with --db.\n"
    )
    assert first.returncode == 0
    # Once the first has stopped, the database is free again.
    again = _newsbot(args, env)
    assert again.returncode == 0, again.stderr


def test_the_run_lock_follows_the_file_not_the_name(tmp_path: Path) -> None:
    from bot.instance import lock_path, sole_instance
    from summarizer.errors import StorageError

    real = tmp_path / "real" / "news.db"
    link = tmp_path / "link"
    real.parent.mkdir()
    link.symlink_to(real.parent)
    with sole_instance(real):
        with pytest.raises(StorageError, match="already running"), sole_instance(link / "news.db"):
            pass
        with sole_instance(Path(":memory:")):  # a database of its own: no lock to share
            pass
    assert lock_path(link / "news.db") == lock_path(real)
    assert not (Path.cwd() / ":memory:.run-lock").exists()
    first_run = tmp_path / "new" / "folder" / "news.db"
    with sole_instance(first_run):  # the folder is made for the lock, as for the database
        assert lock_path(first_run).exists()


def _terminal_bot(db: Path) -> subprocess.Popen[str]:
    """``newsbot run`` as the terminal chat on ``db``; its input is kept open: the chat
    waits for it and ends only on its own."""
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run", "--no-replay", "--db", str(db)],
        env=env,
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_database_replaced_under_the_running_bot_stops_it(tmp_path: Path) -> None:
    """An operator moves another database into place: the bot (here the terminal chat)
    would go on with the old, unlinked file, which `newsbot ingest` no longer writes to."""
    from storage import open_store

    live = tmp_path / "live.db"
    bot = _terminal_bot(live)
    try:
        assert bot.stdout is not None and bot.stderr is not None
        assert "newsbot terminal chat" in bot.stdout.readline()
        open_store(tmp_path / "fresh.db").close()
        os.replace(tmp_path / "fresh.db", live)
        status = bot.wait(timeout=20)
        err = bot.stderr.read()
    finally:
        if bot.poll() is None:
            bot.kill()
        bot.communicate()
    assert status == 1
    assert err.startswith(f"newsbot: The database {live} was replaced by another file while")
    assert err.count("\n") == 1, err


def test_an_ingest_in_the_moment_before_the_bot_notices_a_replaced_database_waits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Between a swap and the bot's stop, the -wal and -shm files at the path are the bot's
    old file's (it has written since its last checkpoint): `newsbot ingest` opening the
    path then saw the old database over the new file, and the new file ended up holding
    the old one's pages. It refuses in one line (exit 1), and the new file is untouched;
    the bot notices within half a second; once it stopped, the ingest works."""
    from bot.cli import main
    from storage import open_store

    live, story = tmp_path / "live.db", tmp_path / "story.txt"
    story.write_text("Acme Widgets opens a plant\n\nAcme Widgets Ltd opened a plant today.\n")
    bot = _terminal_bot(live)
    try:
        assert bot.stdout is not None and bot.stdin is not None
        assert "newsbot terminal chat" in bot.stdout.readline()
        bot.stdin.write("/subscribe Oldco Holdings\n")  # the bot writes: its -wal has pages
        bot.stdin.flush()
        while "Oldco" not in bot.stdout.readline():
            pass
        with open_store(tmp_path / "fresh.db") as fresh:
            fresh.companies.add_custom("Newco")
        os.replace(tmp_path / "fresh.db", live)
        refused = main(["ingest", str(story), "--db", str(live)])
        err = capsys.readouterr().err
        status = bot.wait(timeout=20)
    finally:
        if bot.poll() is None:
            bot.kill()
        bot.communicate()
    assert refused == 1 and status == 1
    assert err == (
        f"newsbot: The database {live} was replaced while the newsbot in process {bot.pid} "
        "ran on it, which still has the old file open (the -wal and -shm files beside it "
        "are that file's) and is stopping; try again in a few seconds.\n"
    )
    with open_store(live) as now:  # before: the old database's 6,000 names and the story
        assert [e.name for e in now.companies.all_entries()] == ["Newco"]
        assert now.articles.count() == 0
    assert main(["ingest", str(story), "--db", str(live)]) == 0


async def test_the_running_bot_notices_a_deleted_database_within_half_a_second(
    db_path: Path,
) -> None:
    """The watch's first look comes half a second after it starts (it was two seconds):
    a file deleted just after the start is noticed then, and the bot told to stop."""
    import asyncio

    from bot.instance import DatabaseWatch
    from storage import open_store

    stopped: list[float] = []
    with open_store(db_path) as store:
        watch = DatabaseWatch(lambda: stopped.append(time.monotonic()))
        started = time.monotonic()
        task = asyncio.create_task(watch.run(store.db))
        await asyncio.sleep(0.05)
        db_path.unlink()
        await asyncio.wait_for(task, 5.0)
    assert stopped[0] - started < 1.5
    assert watch.reason is not None and "was deleted while the bot ran" in watch.reason
