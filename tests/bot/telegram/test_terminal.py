"""`newsbot run` without a token: the piped terminal chat, on the default database and --db."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _env(data_home: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("TELEGRAM_BOT_TOKEN", "NEWSBOT_DB", "NEWSBOT_REPLAY")
    }
    env.update(XDG_DATA_HOME=str(data_home), NO_COLOR="1", PYTHONIOENCODING="utf-8", **extra)
    return env


def _chat(
    data_home: Path, lines: list[str] | bytes, *extra: str, **env: str
) -> subprocess.CompletedProcess[str]:
    """Pipe ``lines`` into ``newsbot run`` (the embedded default unless --db is given)."""
    data = lines if isinstance(lines, bytes) else "".join(f"{x}\n" for x in lines).encode()
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run", *extra],
        input=data,
        capture_output=True,
        env=_env(data_home, **env),
        timeout=90,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def _turns(stdout: str) -> dict[str, str]:
    """Each input line ('› ...') mapped to the bot's output that followed it (first time)."""
    turns: dict[str, str] = {}
    for block in stdout.split("\n› ")[1:]:
        line, _, reply = block.partition("\n")
        turns.setdefault(line, reply)
    return turns


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    return _chat(
        tmp_path_factory.mktemp("terminal"),
        [
            "/start",
            "/subscribe xiaomi",
            "/news Xiaomi",
            "/list",
            "2",
            "/list",
            "/subscribe <b>Evil</b> & co",
            "/news",
            "/frobnicate",
            "/search " + "x" * 10_000,
            "/summary 1",
            "/settings length 2",
            "daily digest",
            "/help",
            "3",
            "/news Apple 2",
            "/news Google 2",
            "/news Toyota 2",
            "/search takeover",
            "/subscribe Apple, Toyota",
            "/search takeover bid",
            "/unsubscribe Toyota",
        ],
    )


def test_terminal_chat_runs_to_the_end_of_input(session: subprocess.CompletedProcess[str]) -> None:
    assert session.returncode == 0, session.stderr
    assert "Traceback" not in session.stderr
    head = session.stdout.split("\n› ")[0]
    assert "newsbot terminal chat" in head.splitlines()[0]
    assert "articles stored (4" in head and "newsbot ingest" in head  # the sample, counted
    assert "Replaying 15 held-back sample articles" in head and "--no-replay" in head


def test_terminal_subscribe_list_news_unsubscribe(
    session: subprocess.CompletedProcess[str],
) -> None:
    turns = _turns(session.stdout)
    assert "/subscribe" in turns["/start"]
    assert "✓ Subscribed to Xiaomi." in turns["/subscribe xiaomi"]
    assert "Smartphone maker Xiaomi to enter electric vehicle race" in turns["/news Xiaomi"]
    listing = turns["/list"]
    assert "• Xiaomi" in listing and "[2] ✖ Unsubscribe Xiaomi" in listing
    assert "(type 1–2 to press a button)" in listing and "Tap" not in session.stdout
    assert "Unsubscribed from Xiaomi" in turns["2"]  # pressing button 2 of the list
    assert turns["2"].count("↻ updated: ") == 1  # the edited list, as a short note
    assert "This chat follows no companies yet" in session.stdout.split("› /list")[2]


def test_terminal_old_buttons_expire(session: subprocess.CompletedProcess[str]) -> None:
    assert "Those buttons have expired" in _turns(session.stdout)["3"]  # typed after /help


def test_terminal_bad_input_is_answered_readably(
    session: subprocess.CompletedProcess[str],
) -> None:
    turns = _turns(session.stdout)
    assert (
        "“<b>Evil</b> & co”: that does not look like a company name"
        in turns["/subscribe <b>Evil</b> & co"]
    )
    assert "&lt;" not in session.stdout and "<b>" not in turns["/start"]  # rendered, not raw
    assert "I don't know the command /frobnicate" in turns["/frobnicate"]
    assert "too long (10,000 characters)" in turns["/search " + "x" * 10_000]
    assert "Companies: Xiaomi" in turns["/summary 1"]
    assert "Saved." in turns["/settings length 2"]
    pressed = turns["daily digest"]  # a button pressed by its label
    assert "(Saved.)" in pressed and "Delivery: a daily digest at 08:00 (UTC)" in pressed


def test_the_sample_answers_the_documented_examples(
    session: subprocess.CompletedProcess[str],
) -> None:
    turns = _turns(session.stdout)
    for company in ("Apple", "Google", "Toyota Motor"):
        name = company.split()[0]
        assert f"📰 {company} — the latest 2 articles" in turns[f"/news {name} 2"]
    assert turns["/search takeover"].count("wikinews.org") >= 3
    assert "✓ Subscribed to Apple, Toyota Motor." in turns["/subscribe Apple, Toyota"]
    assert "wikinews.org" in turns["/search takeover bid"]  # /help's own examples
    assert "Unsubscribed from Toyota Motor" in turns["/unsubscribe Toyota"]
    help_text = turns["/help"]
    assert "/search takeover bid" in help_text and "/news Google 5" in help_text


def test_own_database_gets_no_sample_unless_asked(tmp_path: Path) -> None:
    db = tmp_path / "mine.db"
    plain = _chat(tmp_path, ["/news Apple"], "--db", str(db))
    assert "0 articles stored ·" in plain.stdout and "Replaying" not in plain.stdout
    # Not "then /news Google or /search takeover", which find nothing in an empty database.
    assert "/news Google" not in plain.stdout and "newsbot run --seed" in plain.stdout
    assert "No stored articles mention" in plain.stdout
    seeded = _chat(tmp_path, ["/list"], "--db", str(db), "--seed")
    assert "articles stored (4" in seeded.stdout and "Replaying" not in seeded.stdout
    assert "then /news Google or /search takeover" in seeded.stdout
    again = _chat(tmp_path, ["/list"], "--db", str(db))
    assert "1 article stored" not in again.stdout and "(0 new" not in again.stdout


def test_invalid_utf8_and_many_piped_commands(tmp_path: Path) -> None:
    # The per-chat command limit (20 a minute) used to swallow piped commands silently.
    lines = b"/news Xiaomi \xff\xfe 1\n" + b"".join(
        f"/news Xiaomi {1 + i % 3}\n".encode() for i in range(30)
    )
    result = _chat(tmp_path, lines, "--no-replay")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Too many commands" not in result.stdout
    assert "\ufffd" in result.stdout  # the bad bytes were read as �, not a crash
    assert result.stdout.count("Smartphone maker Xiaomi to enter electric vehicle race") >= 30


def _until(process: subprocess.Popen[bytes], text: bytes, seconds: float) -> bytes:
    """Read the chat's output until ``text`` appears (or the time is up)."""
    assert process.stdout is not None
    os.set_blocking(process.stdout.fileno(), False)
    seen, deadline = b"", time.monotonic() + seconds
    while text not in seen and time.monotonic() < deadline:
        seen += process.stdout.read() or b""
        time.sleep(0.05)
    return seen


def test_replayed_sample_alerts_a_follower_and_ctrl_c_exits_cleanly(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(tmp_path, NEWSBOT_REPLAY_INTERVAL="0.5"),
    )
    assert process.stdin is not None and process.stderr is not None
    try:
        process.stdin.write(b"/subscribe Apple, Google, Toyota, Microsoft, Boeing\n")
        process.stdin.flush()
        seen = _until(process, "🔔 alert".encode(), 60)
        assert "🔔 alert".encode() in seen, seen.decode()[-2000:]
        assert b"[1] \xf0\x9f\x94\x95 Unsubscribe" in seen  # the alert's numbered buttons
        process.send_signal(signal.SIGINT)  # Ctrl-C, with the input still open
        assert process.wait(timeout=30) == 0
        assert b"Traceback" not in process.stderr.read()
    finally:
        process.kill()
        process.wait()
