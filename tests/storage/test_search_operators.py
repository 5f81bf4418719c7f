"""Boolean words people type into a search: NOT leaves a word out, AND and NEAR are no words."""

from __future__ import annotations

from storage import Store
from storage.normalize import fts_query, snippet
from summarizer.article import Article


def _add(store: Store, title: str, body: str) -> int:
    return int(store.articles.add(Article(title, (body,)))[0])


def test_not_leaves_the_next_word_out_and_and_near_are_no_words(store: Store) -> None:
    store_only = _add(store, "Apple opens a store", "Apple opened a store in Paris.")
    both = _add(store, "Apple and Google sign a deal", "Apple and Google signed a deal.")
    # Before: "NOT" was a word the article had to hold, so this found nothing.
    assert [a.id for a in store.articles.search("apple NOT google")] == [store_only]
    assert [a.id for a in store.articles.search("apple NOT GOOGLE")] == [store_only]
    assert {a.id for a in store.articles.search("apple AND google")} == {both}
    assert {a.id for a in store.articles.search("apple NEAR google")} == {both}
    assert store.articles.search("NOT google") == []
    assert fts_query("apple NOT google") == fts_query("apple -google")
    # The snippet starts at a word looked for, never at the word left out.
    body = "Google was not part of it. " * 8 + "Apple opened a store."
    assert snippet(body, "store NOT google").startswith("…")
