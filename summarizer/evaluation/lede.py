"""A reference summary from an article's own lede, for news that has none.

XSum was built this way from BBC stories: the writer's first sentence summarises the
rest, so it is cut off and becomes the one-line reference for the text that is left.
``newsbot eval --sample`` scores the shipped Wikinews sample like that, so a fresh
clone can run an evaluation without downloading data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from summarizer.article import Article
from summarizer.text.clean import article_from_parts
from summarizer.text.split import NewsTokenizer


def without_lede(text: str) -> tuple[str, str]:
    """(the first sentence, the text after it with its paragraphs kept); ("", "") for
    text without any."""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if not paragraphs:
        return "", ""
    first = NewsTokenizer().to_sentences(paragraphs[0])[:1]
    lede = first[0] if first else paragraphs[0]
    head, _, tail = paragraphs[0].partition(lede)
    rest = [tail.strip()] if tail.strip() and not head.strip() else []
    return lede, "\n\n".join(rest + paragraphs[1:])


def lede_cases(texts: Iterable[str]) -> Iterator[tuple[Article, str]]:
    """(the untitled article after its lede, the lede) for each of ``texts`` that has
    both; a text of one sentence gives none."""
    for text in texts:
        lede, rest = without_lede(text)
        if lede and rest:
            yield article_from_parts("", rest), lede
