"""``newsbot summarize --batch`` starts fast: it loads only what summarizing needs.

A held-out check runs one ``--batch`` process per data set and times it end to end, so
its start-up counts: the bot (Telegram, HTTP), the database, sumy and the company
registry stay unloaded unless asked for (``--algorithm``, ``--company``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# Top-level modules (or packages) a plain batch must not import.
NOT_NEEDED = (
    "telegram",
    "httpx",
    "sqlite_utils",
    "sqlite3",
    "sumy",
    "email",  # storage.normalize's date parsing
    "storage",
    "bot.telegram",
    "bot.services",
    "summarizer.companies",
)


def _imported(
    run_newsbot: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *args: str
) -> set[str]:
    """Every module a real ``newsbot summarize --batch`` process with ``args`` imports."""
    batch = tmp_path / "in.jsonl"
    article = (
        "Acme sold 40 trucks in Ohio this week, its chief said. Its shares rose 3% on "
        "the news. Rival Globex cut 12 jobs at two plants. Analysts expect demand to stay "
        "strong until the end of the year."
    )
    batch.write_text(json.dumps({"id": 1, "title": "", "article": article}) + "\n")
    monkeypatch.setenv("PYTHONPROFILEIMPORTTIME", "1")  # -X importtime: one stderr line each
    done = run_newsbot("summarize", "--batch", str(batch), *args, text=True)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["sentences"]) == 3
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip() for line in lines}


def _loaded(modules: set[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_plain_batch_leaves_the_bot_storage_sumy_and_registry_unloaded(
    run_newsbot: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    modules = _imported(run_newsbot, monkeypatch, tmp_path)
    assert "summarizer.algorithms.newsrank" in modules  # what it does need
    assert [name for name in NOT_NEEDED if _loaded(modules, name)] == []


def test_company_batch_loads_the_registry_names(
    run_newsbot: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    modules = _imported(run_newsbot, monkeypatch, tmp_path, "--company", "Acme")
    assert _loaded(modules, "summarizer.companies")
