"""The summaries a /news reply shows under its brief: none repeats a sentence of the brief."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.services.answers import NewsItem
    from summarizer.brief import BriefItem


def beside_brief(
    items: Sequence[NewsItem],
    brief: Sequence[BriefItem],
    sentences: int,
    summarise: Callable[[int, int], tuple[str, ...]],
) -> tuple[NewsItem, ...]:
    """``items`` with summaries of ``sentences`` sentences that leave out those the brief
    shows. An article whose summary holds brief sentences is summarised again
    (``summarise(index, count)``) with as many more, so its other sentences take their
    place: what was left could lean on a sentence gone ("It also ..."), and then the whole
    summary was shown, repeating the brief word for word. With no other sentence to
    show, the summary stays as it was (``summarizer.brief.without_brief``)."""
    from summarizer.brief import without_brief

    summaries = []
    for index, item in enumerate(items):
        told = {line.text for line in brief if line.article_index == index}
        repeated = sum(sentence in told for sentence in item.sentences)
        summaries.append(summarise(index, sentences + repeated) if repeated else item.sentences)
    kept = without_brief(summaries, brief)
    return tuple(
        replace(item, sentences=shown[:sentences]) for item, shown in zip(items, kept, strict=True)
    )
