"""A disk that fills up part-way through ``newsbot ingest``: the summary line still
prints, counts match what was stored, and the error says the disk is full."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from bot.cli.ingest import ingest_and_report
from bot.ingest.ingestor import Ingestor
from bot.services.registry import CompanyRegistry
from storage import Store


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    lines = [
        json.dumps(
            {
                "title": f"Samsung story {i}",
                "url": f"https://example.com/{i}",
                "body": f"Samsung Electronics said chip sales rose {i}% this year. "
                + f"Detail {i} " * 400,
            }
        )
        for i in range(n)
    ]
    (folder / "many.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def test_disk_full_mid_ingest_still_prints_the_summary(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _corpus(tmp_path / "in", 400)
    companies = CompanyRegistry(store)  # the registry is stored before the disk "fills"
    pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
    # SQLite's own limit on the file's size: writes past it fail with SQLITE_FULL, as
    # they would on a full disk.
    store.db.conn.execute(f"PRAGMA max_page_count = {pages + 60}")
    args = argparse.Namespace(paths=[folder], feed=[], progress=False)
    with Ingestor(store=store, companies=companies, batch_size=20) as ingestor:
        code = ingest_and_report(ingestor, args)
    out, err = capsys.readouterr()
    assert code == 1
    summary = out.strip().splitlines()
    assert len(summary) == 1 and summary[0].startswith("ingested "), out
    new = int(summary[0].split()[1])
    assert 0 < new < 400 and summary[0].endswith("failed")
    assert "disk is full" in err.lower() and "Traceback" not in err
    store.db.conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.articles.count() == new  # the line tells the truth about what was kept
