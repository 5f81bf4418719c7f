"""Which custom names a chat may see: names from the operator's news are everyone's.

"Named in the operator's news" is a stored flag (``companies.operator_linked``); these
tests hold it to its definition, an operator article linked to the company.
"""

from __future__ import annotations

import sqlite3

from storage import Store
from summarizer import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMention

# The definition the flag stands for (what OWN_COMPANY searched per row before).
_LINKED_BY_THE_OPERATOR = """
SELECT c.name FROM companies AS c WHERE EXISTS (
    SELECT 1 FROM article_companies AS ac JOIN articles AS a ON a.id = ac.article_id
    WHERE ac.company_id = c.id AND a.submitted_by IS NULL)
"""


def _add(store: Store, title: str, names: list[str], *, chat: int | None = None) -> int:
    mentions = [CompanyMention(name, 0.8, True, 2) for name in names]
    article_id, _ = store.articles.add(
        Article(title, (f"{title}.",), url=f"https://news.test/{title.replace(' ', '-')}"),
        companies=mentions,
        submitted_by=chat,
    )
    return article_id


def _shown_to_a_stranger(store: Store) -> set[str]:
    return {c.name for c in store.companies.all() if store.companies.get(c.id, chat_id=99)}


def test_names_from_the_operators_news_are_everyones_and_the_flag_matches_the_links(
    store: Store,
) -> None:
    store.companies.ensure_registry([CompanyEntry("Xiaomi", (), None, "CN")])
    store.companies.add_custom("Project Falcon", chat_id=1)  # made up by chat 1
    _add(store, "Nova Labs grows", ["Nova Labs", "Xiaomi", "Project Falcon"])  # operator
    _add(store, "Quill Works page", ["Quill Works", "Nova Labs"], chat=1)  # a chat's page
    _add(store, "Bramble Inc page", ["Bramble Inc"], chat=2)
    assert _shown_to_a_stranger(store) == {"Xiaomi", "Nova Labs"}
    # The operator ingests chat 2's page (no mentions this time): its links count now.
    store.articles.add(
        Article("Bramble Inc page", ("x",), url="https://news.test/Bramble-Inc-page")
    )
    assert _shown_to_a_stranger(store) == {"Xiaomi", "Nova Labs", "Bramble Inc"}
    flagged = {r[0] for r in store.db.execute("SELECT name FROM companies WHERE operator_linked")}
    assert flagged == {r[0] for r in store.db.execute(_LINKED_BY_THE_OPERATOR)}
    assert flagged == {"Xiaomi", "Nova Labs", "Project Falcon", "Bramble Inc"}
    assert store.companies.get(store.companies.id_for("Quill Works") or 0, chat_id=1) is None


def test_looking_up_a_name_for_a_chat_reads_no_article_links(store: Store) -> None:
    # Chats' /summary pages can link a name thousands of times: a look-up must not read them.
    for n in range(3):
        _add(store, f"Page {n}", ["Nova Labs"], chat=1)
    nova = store.companies.id_for("Nova Labs") or 0
    read: set[str] = set()

    def _reads(action: int, table: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table:
            read.add(table)
        return sqlite3.SQLITE_OK

    store.db.conn.set_authorizer(_reads)
    assert store.companies.get(nova, chat_id=2) is None
    assert store.companies.offered_to(2, ["Nova Labs"]) == []
    store.db.conn.set_authorizer(None)
    assert "companies" in read
    assert not read & {"articles", "article_companies"}
