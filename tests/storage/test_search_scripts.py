"""Searching text written without spaces: a Japanese, Chinese or Thai word inside a run."""

from __future__ import annotations

from storage import Store
from summarizer.article import Article

TOYOTA = Article(
    "トヨタ自動車が新工場を建設",
    ("トヨタ自動車は東京で新しい工場を建設すると発表した。", "同社の株価は上昇した。"),
)
BEIJING = Article("小米宣布进军电动汽车", ("小米公司在北京宣布将生产电动汽车。",))


def test_a_word_inside_a_run_of_text_is_found(store: Store) -> None:
    toyota = int(store.articles.add(TOYOTA)[0])
    xiaomi = int(store.articles.add(BEIJING)[0])
    store.articles.add(Article("Tokyo news", ("Toyota said it will build a plant in Tokyo.",)))
    # The index read "トヨタ自動車は東京で新しい工場を建設すると発表した" as one word: none of
    # these found anything.
    assert [a.id for a in store.articles.search("東京")] == [toyota]
    assert [a.id for a in store.articles.search("トヨタ")] == [toyota]
    assert [a.id for a in store.articles.search("北京 电动汽车")] == [xiaomi]
    assert store.articles.search("工場 -株価") == []  # a text left out, as -word
    assert store.articles.search("東京 Toyota") == []  # every word, in any script
    hit = store.articles.search("株価")[0]
    assert hit.id == toyota and hit.snippet and "株価" in hit.snippet
    store.chats.upsert(7, type="private", title="a chat")
    own = int(store.articles.add(Article("北京新闻", ("北京今天下雪了。",)), submitted_by=7)[0])
    assert [a.id for a in store.articles.search("下雪", chat_id=7)] == [own]
    assert store.articles.search("下雪", chat_id=8) == []  # another chat's page stays its own
