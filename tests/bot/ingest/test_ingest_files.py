"""Files and folders into a real SQLite file: every format, bad files, duplicates."""

from __future__ import annotations

import json
from pathlib import Path

from bot.ingest.ingestor import Ingestor
from storage import Store
from summarizer.text.clean import clean_text

TESLA = (
    "Tesla opens a new battery plant in Texas\n\n"
    "Tesla has opened a new battery plant near Austin, Texas, the carmaker said on Monday.\n\n"
    "The plant will make cells for Tesla's cheaper models and employ 4,000 people.\n"
)
APPLE_HTML = (
    "<html><head><title>Apple reports record iPhone sales</title>"
    "<link rel='canonical' href='https://news.example.com/apple-record'></head><body>"
    "<nav>Home | World | Business</nav><article><h1>Apple reports record iPhone sales</h1>"
    "<p>Apple sold more iPhones in China than ever before in the last quarter.</p>"
    "<p>Apple shares rose 3% in after-hours trading following the results.</p>"
    "</article><footer>© 2024 Example News</footer></body></html>"
)


def _record(n: int, company: str = "Samsung") -> dict[str, str]:
    return {
        "title": f"{company} story number {n}",
        "body": f"{company} said on Tuesday that sales rose {n}% in the quarter.\n\n"
        f"Analysts had expected {company} to report a smaller rise of {n - 1}%.",
        "url": f"https://news.example.com/{company.lower()}/{n}?utm_source=rss",
        "published": "Tue, 07 May 2024 08:00:00 GMT",
        "source": "Example Wire",
    }


def _tree(root: Path) -> Path:
    (root / "deep" / "deeper").mkdir(parents=True)
    (root / "tesla.txt").write_text(TESLA, encoding="utf-8")
    (root / "deep" / "apple.html").write_text(APPLE_HTML, encoding="utf-8")
    (root / "deep" / "deeper" / "batch.jsonl").write_text(
        "\n".join([json.dumps(_record(1)), "{not json", "", json.dumps(_record(2))]) + "\n",
        encoding="utf-8",
    )
    (root / "deep" / "list.json").write_text(json.dumps([_record(3), _record(4)]))
    (root / "empty.txt").write_text("  \n\n")
    (root / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (root / "notes.csv").write_text("ignored,because,not an article format\n")
    (root / ".hidden.txt").write_text(TESLA.replace("Texas", "Ohio"))
    return root


def test_a_folder_tree_in_every_format(tmp_path: Path, ingestor: Ingestor, store: Store) -> None:
    report = ingestor.ingest_paths([_tree(tmp_path / "in")], progress=False)
    # tesla.txt, apple.html, 2 good JSONL lines, 2 JSON records; bad line, empty, binary fail.
    assert (report.new, report.duplicate, report.failed) == (6, 0, 3)
    reasons = "\n".join(report.errors)
    assert "batch.jsonl:2 is not valid JSON." in reasons
    assert "empty.txt is empty." in reasons and "image.md is binary data" in reasons
    assert store.articles.count() == 6
    apple = store.articles.get(store.articles.id_for_url("https://news.example.com/apple-record"))
    assert apple is not None and apple.title == "Apple reports record iPhone sales"
    assert "Home | World" not in apple.body and "Example News" not in apple.body
    stored = store.articles.get(store.articles.id_for_url("https://news.example.com/samsung/1"))
    assert stored is not None and stored.source == "Example Wire"
    assert stored.published is not None and stored.published.startswith("2024-05-07T08:00")


def test_reingesting_stores_nothing_new(tmp_path: Path, ingestor: Ingestor, store: Store) -> None:
    root = _tree(tmp_path / "in")
    ingestor.ingest_paths([root], progress=False)
    count = store.articles.count()
    again = ingestor.ingest_paths([root], progress=False)
    assert (again.new, again.duplicate, again.failed) == (0, 6, 3)
    assert store.articles.count() == count


def test_same_content_under_another_name_is_a_duplicate(tmp_path: Path, ingestor) -> None:
    (tmp_path / "a.txt").write_text(TESLA)
    (tmp_path / "b.md").write_text(TESLA.upper().replace("\n\n", "\n\n  "))
    report = ingestor.ingest_paths([tmp_path / "a.txt", tmp_path / "b.md"], progress=False)
    assert (report.new, report.duplicate) == (1, 1)


def test_same_url_with_trackers_is_a_duplicate(tmp_path: Path, ingestor) -> None:
    first, second = _record(7), _record(7)
    second["url"] = "https://NEWS.example.com/samsung/7/?utm_medium=email#top"
    second["body"] += "\n\nUpdated with analyst comment."
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n")
    report = ingestor.ingest_paths([path], progress=False)
    assert (report.new, report.duplicate) == (1, 1)


def test_the_seed_article_is_linked_to_xiaomi_not_microsoft(ingestor, store) -> None:
    from seeds import seed_article

    result = ingestor.ingest_article(clean_text(seed_article().read_text(encoding="utf-8")))
    names = [m.name for m in result.companies]
    assert result.new and names[0] == "Xiaomi" and result.companies[0].subject
    assert "Microsoft" not in names
    stored = [m.name for m in store.articles.companies_of(result.article_id)]
    assert stored[0] == "Xiaomi" and sorted(stored) == sorted(names)


def test_json_records_need_a_body_and_an_object(tmp_path: Path, ingestor) -> None:
    path = tmp_path / "odd.json"
    path.write_text(json.dumps([{"title": "Only a title"}, "a string", 3, _record(9)]))
    report = ingestor.ingest_paths([path], progress=False)
    assert (report.new, report.failed) == (1, 3)
    assert any("odd.json[0] has no article text" in e for e in report.errors)
    assert any("odd.json[1] is not a JSON object" in e for e in report.errors)


def test_html_in_a_json_body_is_cleaned(tmp_path: Path, ingestor, store) -> None:
    record = {"title": "Apple record", "body": APPLE_HTML, "url": "https://x.example/a"}
    (tmp_path / "one.json").write_text(json.dumps(record))
    report = ingestor.ingest_paths([tmp_path / "one.json"], progress=False)
    assert report.new == 1
    stored = store.articles.get(store.articles.id_for_url("https://x.example/a"))
    assert stored is not None and stored.title == "Apple record"
    assert "<p>" not in stored.body and "iPhones in China" in stored.body
    assert stored.source == "x.example"


def test_missing_paths_and_broken_json_are_reported(tmp_path: Path, ingestor) -> None:
    (tmp_path / "broken.json").write_text('{"title": "x", ')
    report = ingestor.ingest_paths(
        [tmp_path / "nope.txt", tmp_path / "broken.json"], progress=False
    )
    assert (report.new, report.failed) == (0, 2)
    assert "does not exist" in report.errors[0] and "not valid JSON" in report.errors[1]


def test_timings_cover_every_stage(tmp_path: Path, ingestor) -> None:
    (tmp_path / "a.txt").write_text(TESLA)
    ingestor.ingest_paths([tmp_path], progress=False)
    assert all(ingestor.timings[s] > 0 for s in ("clean", "mentions", "insert"))


def test_markdown_marks_are_removed(tmp_path: Path, ingestor, store) -> None:
    (tmp_path / "note.md").write_text(
        "# Tesla opens a plant in Texas\n\n"
        "Tesla has opened a **new** battery plant near [Austin](https://example.com/austin).\n\n"
        "- The plant will employ *4,000* people, Tesla said.\n"
    )
    report = ingestor.ingest_paths([tmp_path / "note.md"], progress=False)
    assert report.new == 1
    stored = store.articles.latest(limit=1)[0]
    assert stored.title == "Tesla opens a plant in Texas"
    assert "**" not in stored.body and "](" not in stored.body and "new battery" in stored.body
    assert "The plant will employ 4,000 people" in stored.body


def test_json_feed_files_are_read(tmp_path: Path, ingestor, store) -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Example",
        "items": [
            {
                "id": "1",
                "url": "https://example.com/nokia-deal",
                "title": "Nokia wins a deal",
                "content_html": "<p>Nokia has won a 5G contract in Finland.</p>"
                "<p>The deal is worth 200 million euros, Nokia said.</p>",
                "date_published": "2024-05-08T09:00:00+02:00",
            }
        ],
    }
    (tmp_path / "feed.json").write_text(json.dumps(feed))
    report = ingestor.ingest_paths([tmp_path / "feed.json"], progress=False)
    assert report.new == 1
    stored = store.articles.get(store.articles.id_for_url("https://example.com/nokia-deal"))
    assert stored is not None and stored.title == "Nokia wins a deal"
    assert stored.published is not None and stored.published.startswith("2024-05-08T07:00")
    assert "200 million euros" in stored.body


def test_json_records_in_other_layouts_are_ingested(tmp_path: Path, ingestor, store) -> None:
    """A "headline" with the story as a list of paragraphs, and XSum's "document"."""
    story = ["Acme agreed to buy Widget Co for $2bn on Monday.", "Shares in Widget rose 12%."]
    path = tmp_path / "layouts.json"
    path.write_text(
        json.dumps(
            [
                {"headline": "Acme buys Widget", "body": story},
                {"title": "Acme results", "document": "Acme's profit rose 10% in March."},
            ]
        )
    )
    report = ingestor.ingest_paths([path], progress=False)
    assert (report.new, report.failed) == (2, 0)
    titles = {a.title for a in store.articles.latest(limit=10)}
    assert {"Acme buys Widget", "Acme results"} <= titles


def test_record_dates_unix_rss_or_odd_are_stored_as_storage_reads_them(
    tmp_path: Path, ingestor, store
) -> None:
    dates = {"unix": 1715068800, "rss": "Tue, 07 May 2024 08:00:00 GMT", "odd": "early May"}
    lines = [
        json.dumps(
            {
                "url": f"https://example.com/{key}",
                "title": f"Story {key}",
                "body": f"Nokia said on {key} that it won a contract. The deal is large.",
                "published": when,
            }
        )
        for key, when in dates.items()
    ]
    (tmp_path / "dated.jsonl").write_text("\n".join(lines))
    assert ingestor.ingest_paths([tmp_path / "dated.jsonl"], progress=False).new == 3

    def published(key: str) -> str | None:
        stored = store.articles.get(store.articles.id_for_url(f"https://example.com/{key}"))
        return stored.published if stored else "missing"

    assert published("unix") == published("rss") == "2024-05-07T08:00:00+00:00"
    assert published("odd") == "early May"  # kept as written, never dropped


def test_a_record_without_a_title_is_read_as_text(tmp_path: Path, ingestor, store) -> None:
    rows = [
        {"id": "a", "body": "Nokia won a contract in Finland."},  # one sentence: text, no headline
        {"id": "b", "body": 12345},
    ]
    (tmp_path / "untitled.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    report = ingestor.ingest_paths([tmp_path / "untitled.jsonl"], progress=False)
    assert (report.new, report.failed) == (1, 1)
    assert "one short line, no sentence" in report.errors[0]  # not "a headline but no text"
    (stored,) = store.articles.latest(limit=1)
    assert "Nokia won a contract in Finland." in stored.body
