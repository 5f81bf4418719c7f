"""The same story from several outlets, shown once in ``/news`` and ``/search``.

Alerts already fold a story's copies into one message ("+2 sources: AP, BBC"); without
this, a chat reading ``/news Yahoo`` after Reuters, AP and the BBC carried one wire
story got the story three times, and the brief above it drew its lines from the copies.
Copies are told apart as alerts tell them (:mod:`summarizer.text.similarity`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.services.answers import SourceRef
from summarizer.text.similarity import MIN_OVERLAP, overlap, shingles

if TYPE_CHECKING:
    from storage.articles.queries import StoredArticle

# Rows read for each story shown, so that copies folded away still leave enough stories.
SPARE_ROWS = 3
# Outlets trim wire copy at its end, not its start: the opening of a story is enough to
# know a copy, and it bounds the hashing a /news over very long pages costs.
_COMPARED_CHARS = 10_000


def _text(article: StoredArticle) -> str:
    return (article.body or article.title)[:_COMPARED_CHARS]


def fold_copies(
    articles: Sequence[StoredArticle], limit: int
) -> list[tuple[StoredArticle, tuple[StoredArticle, ...]]]:
    """At most ``limit`` stories from ``articles`` (in their order), each as its first
    article and the copies of it from other sources that follow in ``articles``."""
    groups: list[tuple[StoredArticle, frozenset[int], list[StoredArticle]]] = []
    for article in articles:
        mine = shingles(_text(article))
        for _lead, theirs, copies in groups:
            if overlap(theirs, mine) >= MIN_OVERLAP:
                copies.append(article)
                break
        else:
            if len(groups) < limit:
                groups.append((article, mine, []))
    return [(lead, tuple(copies)) for lead, _theirs, copies in groups]


def source_refs(copies: Sequence[StoredArticle]) -> tuple[SourceRef, ...]:
    """Where the copies folded into a story came from, as its reply names them."""
    return tuple(SourceRef(copy.source, copy.url) for copy in copies)
