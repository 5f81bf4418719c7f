"""The shipped sample of real news: big enough, mostly about companies, licensed, replayable."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import seeds
from bot.ingest.files import article_from_record
from bot.ingest.ingestor import Ingestor
from bot.sample import load_sample, replay_records, sample_records
from bot.services.registry import CompanyRegistry, registry_entries
from storage import open_store
from summarizer.companies.matcher import SUBJECT_THRESHOLD, CompanyMatcher


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return sample_records()


def test_the_sample_is_real_licensed_news_over_many_years(records: list[dict]) -> None:
    assert len(records) >= 300
    assert {r["license"] for r in records} == {"Public domain", "CC BY 2.5"}
    assert all(r["url"].startswith("https://en.wikinews.org/wiki/") for r in records)
    years = Counter(r["published"][:4] for r in records)
    assert len(years) >= 15 and max(years.values()) < len(records) / 4
    assert "CC BY 2.5" in seeds.sample_license().read_text(encoding="utf-8")


def test_most_articles_are_about_a_company(records: list[dict]) -> None:
    matcher = CompanyMatcher(registry_entries())
    about = [
        r
        for r in records
        if any(
            m.salience >= SUBJECT_THRESHOLD / 2
            for m in matcher.find(article_from_record(r, where="sample"))
        )
    ]
    assert len(about) > len(records) / 2


def test_no_article_opens_on_template_residue_the_extract_glued_on(records: list[dict]) -> None:
    # What the Wikinews extract left before the first sentence in 21 records (removed by
    # hand, see DATA_LICENSE): template names, a topic box's title, a bare dateline.
    residue = re.compile(
        r"^(?:\S*_\S*\s|\S*Infobox|2008 financial crisis\s"
        r"|(?:January|February|March|April|May|June|July|August|September|October|November"
        r"|December) \d{1,2}, \d{4}\s)"
    )
    assert [r["id"] for r in records if residue.match(r["body"])] == []
    # A ticker link the extract garbled ("Yahoo! 'sYHOO Briefcase"), written back by hand.
    assert [r["id"] for r in records if re.search(r"'s[A-Z]{2,}\b", r["body"])] == []


def test_every_replayed_article_alerts_the_followers_of_its_company(
    records: list[dict],
) -> None:
    matcher = CompanyMatcher(registry_entries())
    replay = replay_records(records)
    assert [int(r["replay"]) for r in replay] == list(range(1, 16))
    subjects = []
    for record in replay:
        found = matcher.find(article_from_record(record, where="sample"))
        subjects.append(next(m.name for m in found if m.salience >= SUBJECT_THRESHOLD))
    # Every company /help suggests comes round within the first five replayed articles.
    assert set(subjects[:5]) == {"Apple", "Google", "Toyota Motor", "Microsoft", "Boeing"}


def test_load_sample_keeps_dates_and_holds_back_the_replay(tmp_path: Path) -> None:
    with (
        open_store(tmp_path / "s.db") as store,
        Ingestor(store=store, companies=CompanyRegistry(store)) as ingestor,
    ):
        first = load_sample(ingestor, hold_back=True)
        again = load_sample(ingestor, hold_back=True)
        everything = load_sample(ingestor, hold_back=False)
        stored = store.articles.get(1)
        kmart = store.articles.search("Kmart Sears", limit=1)[0]
    assert first.held_back == 15 and first.new == len(sample_records()) - 15 + 1
    assert again.new == 0 and everything.new == 15 and everything.held_back == 0
    assert stored is not None and stored.title.startswith("Smartphone maker Xiaomi")
    assert kmart.published == "2004-11-17T00:00:00+00:00" and kmart.source == "Wikinews"
