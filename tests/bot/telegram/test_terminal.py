"""``newsbot run`` without a token: the piped terminal chat on a fresh database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def _chat(db: Path, lines: list[str], *extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env.update(NEWSBOT_DB=str(db), NO_COLOR="1", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "run", *extra],
        input="".join(f"{line}\n" for line in lines), capture_output=True, text=True,
        env=env, timeout=90, check=False,
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
    db = tmp_path_factory.mktemp("terminal") / "newsbot.db"
    return _chat(db, [
        "/start", "/subscribe xiaomi", "/list", "/news Xiaomi", "2", "/list",
        "/subscribe <b>Evil</b> & co", "/news", "/frobnicate", "/search " + "x" * 10_000,
        "/summary 1", "/settings length 2", "daily digest",
    ])


def test_terminal_chat_runs_to_the_end_of_input(session: subprocess.CompletedProcess[str]) -> None:
    assert session.returncode == 0, session.stderr
    assert "Traceback" not in session.stderr
    assert "newsbot terminal chat" in session.stdout.splitlines()[0]


def test_terminal_subscribe_list_news_unsubscribe(
    session: subprocess.CompletedProcess[str],
) -> None:
    turns = _turns(session.stdout)
    assert "/subscribe" in turns["/start"]
    assert "✓ Subscribed to Xiaomi." in turns["/subscribe xiaomi"]
    assert "• Xiaomi" in turns["/list"] and "[2] ✖ Xiaomi" in turns["/list"]
    news = turns["/news Xiaomi"]
    assert "Smartphone maker Xiaomi to enter electric vehicle race" in news
    assert "Chinese smartphone maker Xiaomi is to become" in news  # the seed's summary
    assert "Unsubscribed from Xiaomi" in turns["2"]  # pressing button 2 of the list
    assert "This chat follows no companies yet" in session.stdout.split("› /list")[2]


def test_terminal_bad_input_is_answered_readably(
    session: subprocess.CompletedProcess[str],
) -> None:
    turns = _turns(session.stdout)
    assert "“<b>Evil</b> & co”: that does not look like a company name" in turns[
        "/subscribe <b>Evil</b> & co"]
    assert "&lt;" not in session.stdout and "<b>" not in turns["/start"]  # rendered, not raw
    assert "Usage: /news Xiaomi 5" in turns["/news"]
    assert "I don't know the command /frobnicate" in turns["/frobnicate"]
    assert "too long (10,000 characters)" in turns["/search " + "x" * 10_000]
    assert "Companies: Xiaomi" in turns["/summary 1"]
    assert "Saved." in turns["/settings length 2"]
    pressed = turns["daily digest"]  # a button pressed by its label
    assert "(Saved.)" in pressed and "Delivery: a daily digest at 08:00 (UTC)" in pressed


def test_terminal_reuses_the_database_without_duplicating_seeds(tmp_path: Path) -> None:
    db = tmp_path / "again.db"
    first = _chat(db, ["/subscribe Tesla"])
    second = _chat(db, ["/list"])
    assert "(1 new from seeds/)" in first.stdout
    assert "1 articles (0 new from seeds/)" in second.stdout
    assert "• Tesla" in second.stdout


def test_terminal_answers_every_piped_command(tmp_path: Path) -> None:
    # The per-chat command limit (20 a minute) used to swallow piped commands silently.
    result = _chat(tmp_path / "many.db", [f"/news Xiaomi {1 + i % 3}" for i in range(30)])
    assert result.returncode == 0, result.stderr
    assert "Too many commands" not in result.stdout
    assert result.stdout.count("Smartphone maker Xiaomi to enter electric vehicle race") >= 30
