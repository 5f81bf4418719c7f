"""Fixtures shared by every test area: real files, never mocks."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def seed_text() -> str:
    """The shipped sample article, boilerplate included."""
    from seeds import seed_article

    return seed_article().read_text(encoding="utf-8")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh SQLite file in the test's own folder."""
    return tmp_path / "newsbot.db"
