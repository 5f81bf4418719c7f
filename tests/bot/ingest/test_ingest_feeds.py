"""Feeds end to end: a real local server, a real SQLite file, the shipped registry."""

from __future__ import annotations

import html
from dataclasses import replace

import pytest

from bot.ingest.feeds import FeedLimits, parse_feed
from bot.ingest.ingestor import Ingestor
from storage import Store, open_store
from summarizer.errors import FetchError


def _titles(store: Store) -> set[str]:
    return {a.title for a in store.articles.latest(limit=50)}


def _companies(store: Store, url: str) -> list[str]:
    article_id = store.articles.id_for_url(url)
    assert article_id is not None, f"{url} was not stored"
    return [m.name for m in store.articles.companies_of(article_id)]


def test_rss_feed_stores_pages_and_falls_back_to_the_summary(site, ingestor, store) -> None:
    report = ingestor.ingest_feed(f"{site.base}/rss.xml")
    # tesla, apple, xiaomi from their pages; nokia's page is 404 -> the feed's summary;
    # the last entry has neither a page nor any text.
    assert (report.new, report.duplicate, report.failed) == (4, 0, 1)
    assert "/articles/missing" in report.errors[0] and "404" in report.errors[0]
    assert _titles(store) >= {
        "Tesla opens a new battery plant in Texas",
        "Apple reports record iPhone sales in China",
        "Nokia wins a network deal in Finland",
    }
    nokia = store.articles.get(store.articles.id_for_url(f"{site.base}/articles/gone"))
    assert nokia is not None and "200 million euros" in nokia.body
    assert nokia.source == "Example News"
    assert nokia.published is not None and nokia.published.startswith("2024-05-06T10:03")


def test_the_seed_page_is_linked_to_xiaomi_not_microsoft(site, ingestor, store) -> None:
    ingestor.ingest_feed(f"{site.base}/rss.xml")
    names = _companies(store, f"{site.base}/articles/xiaomi")
    assert names[0] == "Xiaomi"
    assert "Microsoft" not in names
    stored = store.articles.get(store.articles.id_for_url(f"{site.base}/articles/xiaomi"))
    assert stored is not None and "Microsoft Teams" not in stored.body


def test_polling_again_stores_nothing_and_fetches_no_page_twice(site, ingestor, store) -> None:
    ingestor.ingest_feed(f"{site.base}/rss.xml")
    count = store.articles.count()
    again = ingestor.ingest_feed(f"{site.base}/rss.xml")
    assert again.new == 0 and again.duplicate == 4
    assert store.articles.count() == count
    assert site.hits("/articles/tesla") == 1 and site.hits("/rss.xml") == 2


def test_atom_feed(site, ingestor, store) -> None:
    report = ingestor.ingest_feed(f"{site.base}/atom.xml")
    assert (report.new, report.failed) == (1, 0)
    assert _companies(store, f"{site.base}/articles/samsung")[0] == "Samsung Electronics"
    assert store.feeds.get(f"{site.base}/atom.xml").title == "Atom Times"


@pytest.mark.parametrize(
    ("path", "reason", "works_later"),
    [
        ("/500.xml", "answered 500", True),
        ("/slow.xml", "took too long", True),
        ("/loop-a", "redirects in a loop", True),
        ("/huge.html", "larger than", True),
        # A typo in the address, or a page that is no feed: polling it for ever cannot help.
        ("/broken.xml", "not valid RSS or Atom", False),
        ("/not-a-feed.xml", "is a web page, not an RSS or Atom feed", False),
        ("/404.xml", "answered 404", False),
    ],
)
def test_a_broken_feed_is_reported_and_kept_if_it_may_work_later(
    site, ingestor, store, path, reason, works_later
) -> None:
    url = f"{site.base}{path}"
    report = ingestor.ingest_feed(url)
    assert (report.new, report.failed) == (0, 1)
    assert url in report.errors[0] and reason in report.errors[0]
    assert ("The feed was not saved." in report.errors[0]) is not works_later
    if not works_later:
        assert store.feeds.get(url) is None
        # A feed that worked before and breaks now is kept: it may come back.
        store.feeds.record_success(url, title="Feed", etag=None, last_modified=None)
        ingestor.ingest_feed(url)
    state = store.feeds.get(url)
    assert state is not None and state.failures == 1 and reason in (state.last_error or "")


def test_broken_feeds_never_abort_the_batch(site, ingestor, store) -> None:
    urls = [f"{site.base}{p}" for p in ("/broken.xml", "/500.xml", "/slow.xml", "/rss.xml")]
    report = ingestor.ingest_feeds(urls)
    assert report.new == 4 and report.failed == 4  # 3 feeds + the entry without text
    assert store.articles.count() == 4


def test_entry_pages_that_break_fall_back_to_the_feed_text(site, ingestor, store) -> None:
    items = [
        ("Huge page story about Tesla", "/huge.html", "<p>Tesla said the huge page is big.</p>"),
        ("Looping story about Apple", "/loop-a", "<p>Apple said the loop goes round.</p>"),
        ("Slow story about Samsung", "/slow.xml", "<p>Samsung said the server is slow.</p>"),
    ]
    entries = "".join(
        f"<item><title>{title}</title><link>{site.base}{link}</link>"
        f"<description>{html.escape(text)}</description></item>"
        for title, link, text in items
    )
    feed = f"<rss version='2.0'><channel><title>Edge</title>{entries}</channel></rss>"
    site.extra["/edge.xml"] = (200, "application/rss+xml", feed)
    report = ingestor.ingest_feed(f"{site.base}/edge.xml")
    assert (report.new, report.failed) == (3, 0)
    bodies = {a.title: a.body for a in store.articles.latest(limit=10)}
    assert bodies["Huge page story about Tesla"] == "Tesla said the huge page is big."
    assert bodies["Looping story about Apple"] == "Apple said the loop goes round."
    assert _companies(store, f"{site.base}/slow.xml") == ["Samsung Electronics"]


def test_conditional_get_answers_304_and_state_survives_a_restart(
    site, store, client, db_path, limits
) -> None:
    url = f"{site.base}/etag.xml"
    with open_store(db_path) as first:
        from bot.services.registry import CompanyRegistry

        report = Ingestor(
            store=first, companies=CompanyRegistry(first), client=client, limits=limits
        ).ingest_feed(url)
        assert report.new == 1
    with open_store(db_path) as reopened:
        state = reopened.feeds.get(url)
        assert state is not None and state.etag == '"v1"'
        again = Ingestor(
            store=reopened, companies=CompanyRegistry(reopened), client=client, limits=limits
        ).ingest_feed(url)
    assert again.total == 0
    assert site.hits("/etag.xml") == 2 and site.hits("/articles/tesla") == 1


def test_entries_per_poll_are_bounded(site, ingestor, store) -> None:
    ingestor.limits = replace(ingestor.limits, max_entries=2)
    report = ingestor.ingest_feed(f"{site.base}/rss.xml")
    assert report.total == 2 and store.articles.count() == 2


def test_parse_feed_never_opens_local_files(tmp_path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text("<rss version='2.0'><channel><item><title>x</title></item></channel></rss>")
    with pytest.raises(FetchError):
        parse_feed(str(secret).encode(), url="http://127.0.0.1/feed")


def test_feed_limits_default_to_bounded_values() -> None:
    limits = FeedLimits()
    assert 0 < limits.max_entries <= 100 and limits.timeout <= 30
    assert limits.page_max_bytes <= 10 * 1024 * 1024


def test_a_new_article_enqueues_alerts_for_subscribers_once(site, ingestor, store) -> None:
    # The site's entries are dated May 2024: here no entry is too old to alert.
    ingestor.limits = replace(ingestor.limits, alert_max_age=float("inf"))
    store.chats.upsert(42, type="private")
    xiaomi = store.companies.id_for("Xiaomi")
    assert xiaomi is not None
    store.subscriptions.add(42, xiaomi)
    ingestor.ingest_feed(f"{site.base}/rss.xml")
    rows = store.outbox.rows(chat_id=42)
    article_id = store.articles.id_for_url(f"{site.base}/articles/xiaomi")
    assert [(r["article_id"], r["company_id"]) for r in rows] == [(article_id, xiaomi)]
    ingestor.ingest_feed(f"{site.base}/rss.xml")  # duplicates enqueue nothing more
    assert len(store.outbox.rows(chat_id=42)) == 1


def test_feed_state_counts_failures_and_keeps_validators(store) -> None:
    url = "http://127.0.0.1/feed.xml"
    store.feeds.record_success(url, title="Feed", etag='"a"', last_modified=None)
    store.feeds.record_failure(url, error="The server answered 500.")
    store.feeds.record_failure(url, error="Fetching took too long.")
    state = store.feeds.get(url)
    assert state is not None and state.failures == 2 and state.etag == '"a"'
    assert state.last_error == "Fetching took too long." and state.title == "Feed"
    store.feeds.record_success(url, title=None, etag='"b"', last_modified="x")
    state = store.feeds.get(url)
    assert state is not None and (state.failures, state.last_error, state.etag) == (0, None, '"b"')
    assert state.title == "Feed" and [s.url for s in store.feeds.all()] == [url]
    assert store.feeds.remove(url) and store.feeds.get(url) is None


def test_slow_entry_pages_wait_for_the_next_poll_past_the_feeds_budget(
    site, store, client, limits
) -> None:
    """One slow site must not hold the poll (and every other feed) for minutes: pages
    not started within the budget are fetched at the next poll, newest first."""
    from bot.services.registry import CompanyRegistry

    # Each page takes 0.3 s (conftest's SLOW_PAGE_SECONDS): two start, the budget ends.
    budget = replace(limits, workers=2, pages_budget=0.15)
    ingestor = Ingestor(store=store, companies=CompanyRegistry(store), client=client, limits=budget)
    url = f"{site.base}/slow-entries.xml"
    first = ingestor.ingest_feed(url)
    assert first.new == 2 and first.failed == 0  # the two started before the budget ran out
    assert _titles(store) == {"Acme plant number 0 opens", "Acme plant number 1 opens"}
    second = ingestor.ingest_feed(url)
    assert second.new == 2 and second.duplicate == 2
    while ingestor.ingest_feed(url).new:
        pass
    assert store.articles.count() == 6  # the feed's ETag did not hide the entries left
    assert sum(p.startswith("/slow-page/") for p in site.requests) == 6  # each page once
    assert ingestor.ingest_feed(url).total == 0  # all read: asked with the ETag again
    assert store.feeds.get(url).etag == '"s1"'


def _one_entry_feed(base: str, path: str, title: str, paragraphs: list[str], date: str) -> str:
    """RSS with one entry whose page is missing (its text is the feed's), dated ``date``."""
    text = html.escape("".join(f"<p>{p}</p>" for p in paragraphs))
    return (
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Wire</title>"
        f"<link>{base}/</link><item><title>{html.escape(title)}</title>"
        f"<link>{base}/articles/{path}</link><guid>{base}/articles/{path}</guid>"
        f"<description>{text}</description><pubDate>{date}</pubDate></item></channel></rss>"
    )


def test_an_old_feed_entry_is_stored_but_alerts_nobody(site, ingestor, store) -> None:
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    store.chats.upsert(42, type="private")
    xiaomi = store.companies.id_for("Xiaomi")
    assert xiaomi is not None
    store.subscriptions.add(42, xiaomi)
    now = datetime.now(UTC)
    stories = {
        "old": ("Xiaomi opens a car plant", "Xiaomi opened a car plant in Beijing.", 40),
        "new": ("Xiaomi cuts car prices", "Xiaomi cut the price of its SU7 car.", 0),
    }
    for key, (title, lead, days) in stories.items():
        paragraphs = [f"{lead} Xiaomi said demand was strong.", "Xiaomi shares rose 3%."]
        date = format_datetime(now - timedelta(days=days, hours=1), usegmt=True)
        feed = _one_entry_feed(site.base, key, title, paragraphs, date)
        site.extra[f"/{key}.xml"] = (200, "application/rss+xml", feed)
        assert ingestor.ingest_feed(f"{site.base}/{key}.xml").new == 1
    old_id = store.articles.id_for_url(f"{site.base}/articles/old")
    new_id = store.articles.id_for_url(f"{site.base}/articles/new")
    assert old_id is not None and new_id is not None  # both stored: /news finds both
    assert [r["article_id"] for r in store.outbox.rows(chat_id=42)] == [new_id]


def test_dates_read_for_the_alert_age() -> None:
    from bot.ingest.ingestor import recent

    now = 1_780_000_000.0  # 2026-05-28
    assert recent("2026-05-27T12:00:00+00:00", 86400.0 * 3, now=now)
    assert not recent("2024-05-06T10:00:00+00:00", 86400.0 * 3, now=now)
    assert not recent("2024-05-06", 86400.0 * 3, now=now)  # no zone: read as UTC
    assert recent("early May", 86400.0 * 3, now=now)  # unreadable: it may be news
    assert recent(None, 86400.0 * 3, now=now) and recent("2004-01-01", None, now=now)
