"""A JSON record whose body is HTML (a JSON Feed's content_html, an export) is stored whole."""

from __future__ import annotations

import json
from pathlib import Path

from bot.cli import main
from storage import open_store

LEAD = "Apple said on Monday it will open a new store in Paris, its tenth in France."
MORE = "The company expects strong sales. Analysts agreed with the forecast."


def test_a_records_html_body_keeps_its_first_paragraph(tmp_path: Path, capsys) -> None:
    records = [
        {
            "title": "Apple opens a Paris store",
            "url": "https://x.example/1",
            "body": f"<p>{LEAD}</p><p>{MORE}</p>",
        },
        {
            "title": "Apple's tenth French store",
            "url": "https://x.example/2",
            "content_html": f"<p>{LEAD}</p>",
        },
    ]
    source = tmp_path / "feed.json"
    source.write_text(json.dumps(records), encoding="utf-8")
    db = tmp_path / "news.db"
    assert main(["ingest", "--db", str(db), "--no-progress", str(source)]) == 0
    assert capsys.readouterr().out.strip() == "ingested 2 new, 0 duplicate, 0 failed"
    with open_store(db) as store:
        first = store.articles.get(store.articles.id_for_url("https://x.example/1"))
        second = store.articles.get(store.articles.id_for_url("https://x.example/2"))
        assert first is not None and second is not None
        # The lead was taken for a headline and dropped; the one-paragraph body failed.
        assert first.title == "Apple opens a Paris store" and LEAD in first.body
        assert second.title == "Apple's tenth French store" and second.body == LEAD
