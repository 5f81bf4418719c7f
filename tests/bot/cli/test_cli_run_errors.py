"""``newsbot run`` start-up failures are one line on stderr: no chained tracebacks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
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


def test_a_database_replaced_under_the_running_bot_stops_it(tmp_path: Path) -> None:
    """An operator moves another database into place: the bot (here the terminal chat)
    would go on with the old, unlinked file, which `newsbot ingest` no longer writes to."""
    from storage import open_store

    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    live = tmp_path / "live.db"
    bot = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run", "--no-replay", "--db", str(live)],
        env=env,
        cwd=REPO,
        stdin=subprocess.PIPE,  # kept open: the chat waits for input and ends only on its own
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
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
