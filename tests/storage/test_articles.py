"""Articles: duplicates by URL variant and by content, unicode, and safe full-text search."""

from __future__ import annotations

import pytest

from storage import Store, canonical_url, content_hash, fts_query
from storage.normalize import snippet
from summarizer import Article
from summarizer.companies.matcher import CompanyMention


def _article(title: str, *paragraphs: str, url: str | None = None, **kw: str) -> Article:
    return Article(title, paragraphs or (f"Body of {title}.",), url=url, **kw)


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("https://news.test/a/b", "https://news.test/a/b"),
        ("HTTPS://NEWS.test/a/b/", "https://news.test/a/b"),
        ("https://news.test:443/a/b#comments", "https://news.test/a/b"),
        ("https://news.test/a/b?utm_source=rss&utm_medium=feed", "https://news.test/a/b"),
        ("https://news.test/a/b?fbclid=XYZ&gclid=1", "https://news.test/a/b"),
        ("https://news.test/a/b?id=7&utm_campaign=x", "https://news.test/a/b?id=7"),
        ("https://news.test/a/b?z=1&a=2", "https://news.test/a/b?a=2&z=1"),
        ("  https://news.test/A/B  ", "https://news.test/A/B"),
        ("http://news.test:8080/x/", "http://news.test:8080/x"),
    ],
)
def test_canonical_url(variant: str, canonical: str) -> None:
    assert canonical_url(variant) == canonical


def test_canonical_url_leaves_odd_input_alone() -> None:
    assert canonical_url(None) is None
    assert canonical_url("   ") is None
    assert canonical_url("not a url") == "not a url"
    assert canonical_url("http://[broken") == "http://[broken"


def test_same_article_by_url_variants_is_stored_once(store: Store) -> None:
    mentions = [CompanyMention("Xiaomi", 0.8, True, 4)]
    first = _article("Xiaomi unveils SU7", url="https://News.test/cars/su7/?utm_source=rss")
    article_id, is_new = store.articles.add(first, companies=mentions)
    assert is_new
    for url in (
        "https://news.test/cars/su7",
        "HTTPS://NEWS.TEST/cars/su7#top",
        "https://news.test/cars/su7?fbclid=abc",
    ):
        # Different body, same page: still the same article, nothing new is written.
        again = _article("Xiaomi unveils SU7 (updated)", "Changed text.", url=url)
        assert store.articles.add(again, companies=mentions) == (article_id, False)
    assert store.articles.count() == 1
    assert store.articles.companies_of(article_id) == mentions
    assert store.articles.id_for_url("https://news.test/cars/su7/?gclid=1") == article_id


def test_same_content_under_another_url_is_a_duplicate(store: Store) -> None:
    original = _article(
        "BYD sales rise", "BYD sold more cars.", "Exports doubled.", url="https://a.test/byd"
    )
    article_id, _ = store.articles.add(original)
    copy = _article(
        "  byd SALES rise ",
        "BYD  sold more cars.",
        "Exports doubled.",
        url="https://b.test/syndicated/byd",
    )
    assert store.articles.add(copy) == (article_id, False)
    assert store.articles.add(
        _article("BYD sales rise", "BYD sold more cars.", "Exports doubled.")
    ) == (article_id, False)
    assert store.articles.count() == 1


def test_explicit_content_hash_decides(store: Store) -> None:
    one = store.articles.add(_article("One"), content_hash="same-story")
    two = store.articles.add(_article("Two"), content_hash="same-story")
    assert one == (1, True) and two == (1, False)


def test_articles_without_url_are_distinct_by_content(store: Store) -> None:
    ids = {store.articles.add(_article(f"Story {n}"))[0] for n in range(3)}
    assert len(ids) == 3 and store.articles.count() == 3


def test_content_hash_ignores_case_space_and_unicode_form() -> None:
    assert content_hash("Société Générale a  b") == content_hash("SOCIÉTÉ GÉNÉRALE a b ")
    assert content_hash("Société x") == content_hash("Socie\u0301te\u0301 x")
    assert content_hash("b") != content_hash("c")


def test_unicode_round_trip_and_search(store: Store) -> None:
    titles = [
        "小米 发布 新车",
        "Société Générale cuts jobs",
        "Tesla 🚗 recalls cars",
        "Ölkonzern Shell: Gewinn",
        "Zero\u200bwidth and RTL \u05e9\u05dc\u05d5\u05dd",
    ]
    ids = [
        store.articles.add(_article(t, f"{t} — body text.", url=f"https://u.test/{i}"))[0]
        for i, t in enumerate(titles)
    ]
    for article_id, title in zip(ids, titles, strict=True):
        stored = store.articles.get(article_id)
        assert stored is not None and stored.title == title
        assert stored.article.paragraphs == (f"{title} — body text.",)
    assert [a.id for a in store.articles.search("小米")] == [ids[0]]
    assert [a.id for a in store.articles.search("societe")] == [ids[1]]  # accents folded
    assert [a.id for a in store.articles.search("ölkonzern")] == [ids[3]]
    assert [a.id for a in store.articles.search("Tesla 🚗")] == [ids[2]]


def test_search_semantics(store: Store) -> None:
    tesla = store.articles.add(_article("Tesla battery plant", "Batteries for cars."))[0]
    byd = store.articles.add(_article("BYD expands", "The batteries come from BYD."))[0]
    other = store.articles.add(_article("Bank results", "Profits rose at the bank."))[0]
    assert {a.id for a in store.articles.search("battery")} == {tesla, byd}  # stemming
    assert [a.id for a in store.articles.search("tesla battery")] == [tesla]  # all words
    assert {a.id for a in store.articles.search("tesla OR bank")} == {tesla, other}
    assert [a.id for a in store.articles.search("ban*")] == [other]  # prefix
    # Title matches rank above body matches.
    assert store.articles.search("batteries")[0].id == tesla
    found = store.articles.search("profits")[0]
    assert found.snippet and "Profits" in found.snippet
    assert store.articles.search("battery", limit=1)[0].id in {tesla, byd}
    assert store.articles.search("battery", limit=0) == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        '"""',
        "*",
        "**",
        "NEAR(",
        "NEAR",
        "AND",
        "OR",
        "NOT",
        "OR OR tesla",
        "tesla AND",
        "NOT tesla",
        "(",
        ")",
        "((tesla",
        ":",
        "title:tesla",
        "^tesla",
        "-tesla",
        "tesla -bank",
        "🚗",
        "💥💥",
        "tesla'",
        'a"b',
        "{title body}: x",
        "tesla NEAR/2 bank",
        "\x00",
        "",
        "   ",
        "x" * 5000,
        " ".join(["word"] * 200),
        "%_[]",
        "';DROP TABLE x;--",
    ],
)
def test_odd_search_input_never_raises(store: Store, query: str) -> None:
    store.articles.add(_article("Tesla and the bank", "A title: tesla story."))
    results = store.articles.search(query)
    assert isinstance(results, list)
    assert store.articles.count() == 1  # and nothing was changed


def test_fts_query_quotes_every_term() -> None:
    assert fts_query("NEAR(tesla") == '"NEAR(tesla"'
    assert fts_query('say "hi"') == '"say" "hi"'
    assert fts_query("🚗 *") is None
    assert fts_query("apple OR") == '"apple"'
    assert fts_query("a b OR c") == '("a" "b") OR "c"'


def test_a_phrase_in_quotes_matches_its_words_together(store: Store) -> None:
    bid = store.articles.add(_article("Steel deal", "The board rejected a takeover bid."))[0]
    store.articles.add(_article("Bank news", "A bid failed; the takeover came a year later."))
    for typed in ('"takeover bid"', "“takeover bids”", '"TAKEOVER BID" board'):
        assert [a.id for a in store.articles.search(typed)] == [bid], typed
    assert store.articles.search('takeover -"takeover bid"')[0].id != bid
    assert len(store.articles.search("takeover bid")) == 2  # without quotes: any order
    body = "The takeover failed. " + "Filler words go here. " * 15 + "Then a takeover bid came."
    assert "takeover bid" in snippet(body, '"takeover bid"')  # where the phrase is


def test_a_word_written_minus_word_is_left_out(store: Store) -> None:
    pie = store.articles.add(_article("Apple pie sales", "Bakers sold apple pie."))[0]
    phone = store.articles.add(_article("Apple phone sales", "Apple sold phones."))[0]
    assert [a.id for a in store.articles.search("apple -pie")] == [phone]
    assert [a.id for a in store.articles.search("sales -phone -phones")] == [pie]
    assert {a.id for a in store.articles.search("pie OR phones -bakers")} == {phone}
    body = "Pies are baked. " + "Filler words go here. " * 15 + "Later the apple crop came in."
    around = snippet(body, "apple -pies")  # the word looked for, not the word left out
    assert "apple" in around and "Pies" not in around
    assert fts_query("-apple") is None  # nothing to look for
    assert fts_query("apple -") == '"apple"'  # a lone dash is no word


def test_a_word_typed_as_an_acronym_is_found_only_as_a_word(store: Store) -> None:
    """The index stems words, and stemmed "EV" is also "Eve": a query word typed in
    capitals must be in the article as a word of its own (plural allowed)."""
    # Stemming matches that rank above the real one: the rows kept are still found.
    eves = [
        store.articles.add(_article(f"Christmas Eve sale {i}", "Shops opened on Christmas Eve."))[0]
        for i in range(6)
    ]
    ev = store.articles.add(_article("Xiaomi car", "The firm will sell EVs from 2024."))[0]
    it = store.articles.add(_article("Bank hires", "The bank's IT staff grew by a third."))[0]
    plain = store.articles.add(_article("Weather", "It rained in Paris on Monday."))[0]
    nasa = store.articles.add(_article("Launch", "Nasa launched a probe to Mars."))[0]
    assert [a.id for a in store.articles.search("EV", limit=3)] == [ev]
    assert [a.id for a in store.articles.search("EVs")] == [ev]
    assert set(eves) < {a.id for a in store.articles.search("ev", limit=10)}  # as typed: stemmed
    assert [a.id for a in store.articles.search("IT")] == [it]  # two capitals: as written
    assert plain in {a.id for a in store.articles.search("it")}
    assert [a.id for a in store.articles.search("NASA")] == [nasa]  # longer: any case
    assert {a.id for a in store.articles.search("EV OR Eve")} >= {ev, *eves}  # OR: untouched
    found = store.articles.search("EV")[0]
    assert found.snippet is not None and "EVs" in found.snippet  # not the "ev" of "every"


def test_search_can_be_limited_to_a_company(store: Store) -> None:
    store.companies.add_custom("Tesla")
    store.companies.add_custom("BYD")
    t = store.articles.add(
        _article("EV sales", "Cars sold."), companies=[CompanyMention("Tesla", 0.9, True, 3)]
    )[0]
    store.articles.add(
        _article("EV sales in China", "More cars sold."),
        companies=[CompanyMention("BYD", 0.9, True, 3)],
    )
    tesla_id = store.companies.id_for("tesla")
    assert tesla_id is not None
    assert [a.id for a in store.articles.search("sales", company_id=tesla_id)] == [t]


def test_latest_for_company_puts_subjects_first_then_newest_published(store: Store) -> None:
    dates = ["Mon, 01 Jan 2024 10:00:00 +0200", "2024-03-01T12:00:00Z", "2024-02-01", None]
    saliences = [0.9, 0.1, 0.5, 0.6]
    for n, (date, salience) in enumerate(zip(dates, saliences, strict=True)):
        store.articles.add(
            _article(f"Xiaomi story {n}", published=date),
            companies=[CompanyMention("Xiaomi", salience, salience > 0.25, 2)],
        )
    company = store.companies.id_for("Xiaomi")
    assert company is not None
    latest = store.articles.latest_for_company(company, limit=10)
    # Story 3 has no published date: it sorts by when it was ingested (today), so first.
    assert [a.title for a in latest] == [
        "Xiaomi story 3",
        "Xiaomi story 2",
        "Xiaomi story 0",
        "Xiaomi story 1",
    ]
    assert latest[3].published == "2024-03-01T12:00:00+00:00"  # a passing mention, last
    assert latest[2].published == "2024-01-01T08:00:00+00:00"  # RSS date made UTC
    assert [a.salience for a in latest] == [0.6, 0.5, 0.9, 0.1]
    subjects = store.articles.latest_for_company(company, limit=10, min_salience=0.55)
    assert [a.title for a in subjects] == ["Xiaomi story 3", "Xiaomi story 0"]
    assert len(store.articles.latest_for_company(company, limit=1)) == 1


def test_news_query_walks_one_index_without_sorting(store: Store) -> None:
    plan = " | ".join(
        row[3]
        for row in store.db.conn.execute(
            "EXPLAIN QUERY PLAN SELECT ac.article_id FROM article_companies AS ac "
            "JOIN articles AS a ON a.id = ac.article_id WHERE ac.company_id = 1 "
            "ORDER BY ac.subject DESC, ac.recency DESC, ac.article_id DESC LIMIT 5"
        )
    )
    assert "INDEX article_companies_news" in plan
    assert "TEMP B-TREE" not in plan
    newest = " | ".join(
        row[3]
        for row in store.db.conn.execute(
            "EXPLAIN QUERY PLAN SELECT a.id FROM articles AS a ORDER BY CASE WHEN a.published "
            "BETWEEN '1970' AND a.ingested THEN a.published ELSE a.ingested END DESC, a.id DESC "
            "LIMIT 30"
        )
    )
    assert "USING INDEX articles_newest" in newest and "TEMP B-TREE" not in newest


def test_mentions_are_clamped_and_repeated_names_linked_once(store: Store) -> None:
    mentions = [CompanyMention("Acme", 1.7, True, 2), CompanyMention("acme", 0.2, False, 1)]
    article_id, _ = store.articles.add(_article("Acme news"), companies=mentions)
    assert store.articles.companies_of(article_id) == [CompanyMention("Acme", 1.0, True, 2)]


def test_batch_add_and_rollback(store: Store) -> None:
    items = [(_article(f"Batch {n}", url=f"https://b.test/{n % 150}"), []) for n in range(200)]
    results = store.articles.add_many(items)
    assert sum(is_new for _, is_new in results) == 150
    assert store.articles.count() == 150
    with pytest.raises(RuntimeError), store.transaction():
        store.articles.add(_article("Never kept"))
        raise RuntimeError("abort the batch")
    assert store.articles.count() == 150
    assert store.articles.search("never kept") == []


def test_huge_and_empty_articles(store: Store) -> None:
    huge = _article("Huge report", *(f"Paragraph {n} about lithium." for n in range(20000)))
    article_id, is_new = store.articles.add(huge)
    assert is_new and len(store.articles.get(article_id).body) > 500_000  # type: ignore[union-attr]
    assert [a.id for a in store.articles.search("lithium")] == [article_id]
    empty_id, _ = store.articles.add(Article("", ()))
    assert store.articles.get(empty_id).title == ""  # type: ignore[union-attr]
    assert store.articles.get(10_000) is None


def test_unreadable_or_future_dates_sort_as_ingestion_time(store: Store) -> None:
    mention = [CompanyMention("Acme", 0.5, True, 1)]
    for title, date in [
        ("old", "2001-01-01"),
        ("garbage", "yesterday-ish"),
        ("future", "2999-01-01T00:00:00Z"),
        ("none", ""),
    ]:
        store.articles.add(_article(title, published=date), companies=mention)
    acme = store.companies.id_for("acme")
    assert acme is not None
    titles = [a.title for a in store.articles.latest_for_company(acme, limit=10)]
    assert titles == ["none", "future", "garbage", "old"]  # the three undated: newest id first
    garbage = store.articles.latest_for_company(acme, limit=10)[2]
    assert garbage.published == "yesterday-ish"  # kept as given, never lost


def test_the_same_text_under_another_title_is_a_duplicate(store: Store) -> None:
    first = store.articles.add(_article("Xiaomi enters the EV race", "Same wire text."))
    retitled = store.articles.add(_article("Xiaomi to make cars", "Same  wire text."))
    assert first == (1, True) and retitled == (1, False) and store.articles.count() == 1


def test_an_untitled_story_read_back_keeps_its_opening_sentence(store: Store) -> None:
    # A CNN/DM-style row: no headline, one paragraph. The title made from its opening
    # sentence is stored; read back, that sentence must stay in the summary (as a
    # headline it would be dropped as a repeat of itself).
    from summarizer.summarize import summarize
    from summarizer.text.clean import article_from_parts

    text = (
        "(CNN)Acme Motors will build a battery plant in Ohio. The plant will employ 2,000 "
        "people by 2027, the company said on Tuesday. Shares in Acme rose 4% on the news. "
        "Rivals have announced similar plants in Michigan and Georgia this year."
    )
    article_id, _ = store.articles.add(article_from_parts("", text))
    stored = store.articles.get(article_id)
    assert stored is not None and stored.title == "Acme Motors will build a battery plant in Ohio."
    assert summarize(stored.article).sentences[0] == stored.title
