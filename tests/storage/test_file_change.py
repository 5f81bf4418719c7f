"""A connection notices when its path no longer leads to the file it has open."""

from __future__ import annotations

import os
from pathlib import Path

from storage import open_store
from storage.db import MEMORY, connect


def test_an_open_file_that_stays_is_unchanged(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.companies.add_custom("Acme")  # writes (and a WAL) change nothing
        assert store.db.file_change() is None


def test_a_deleted_file_is_noticed(db_path: Path) -> None:
    with open_store(db_path) as store:
        db_path.unlink()
        assert store.db.file_change() == "deleted"
        assert store.companies.add_custom("Acme")  # SQLite carries on with the unlinked file


def test_a_file_moved_into_place_is_noticed(tmp_path: Path, db_path: Path) -> None:
    with open_store(db_path) as store:
        open_store(tmp_path / "other.db").close()
        os.replace(tmp_path / "other.db", db_path)
        assert store.db.file_change() == "replaced"


def test_a_symlink_to_the_file_is_the_file(tmp_path: Path, db_path: Path) -> None:
    open_store(db_path).close()
    link = tmp_path / "link.db"
    link.symlink_to(db_path)
    with open_store(link) as store:
        assert store.db.file_change() is None
        link.unlink()
        link.symlink_to(tmp_path / "elsewhere.db")
        assert store.db.file_change() == "deleted"


def test_an_in_memory_database_has_no_file_to_lose() -> None:
    db = connect(Path(MEMORY))
    try:
        assert db.file_change() is None
    finally:
        db.close()
