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


def _custom_names(path: Path) -> list[str]:
    with open_store(path) as store:
        return [e.name for e in store.companies.all_entries()]


def test_a_file_moved_into_place_keeps_its_own_content_after_the_old_connection_closes(
    tmp_path: Path, db_path: Path
) -> None:
    """SQLite leaves the WAL of a moved file at the path (it cannot checkpoint into a file
    it no longer sees there); the next opener of the path replayed it over the new file:
    the operator's replacement came back holding the old database's pages."""
    with open_store(tmp_path / "other.db") as other:
        other.companies.add_custom("Newco")
    store = open_store(db_path)
    store.db.execute("PRAGMA wal_autocheckpoint = 0")  # the bot's last writes: in the WAL
    for n in range(200):
        store.companies.add_custom(f"Oldco {n}")
    os.replace(tmp_path / "other.db", db_path)
    store.companies.add_custom("Oldco late")  # written before the watch notices
    store.close()
    assert _custom_names(db_path) == ["Newco"]


def test_a_backup_restored_after_a_delete_is_not_overwritten_by_the_old_wal(
    tmp_path: Path, db_path: Path
) -> None:
    with open_store(tmp_path / "backup.db") as backup:
        backup.companies.add_custom("Newco")
    store = open_store(db_path)
    store.db.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(200):
        store.companies.add_custom(f"Oldco {n}")
    db_path.unlink()
    store.close()
    os.replace(tmp_path / "backup.db", db_path)
    assert _custom_names(db_path) == ["Newco"]
