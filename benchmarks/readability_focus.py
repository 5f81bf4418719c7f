"""Company-focused summaries' openings (``readability.py --company-focus``).

Per data set (a ``newsbot eval`` file or a corpus of articles without references, such
as wikinews.jsonl), every story's first three companies as the shipped matcher finds
them, each summarized as ``newsbot summarize --company NAME`` does (the matcher's
aliases passed too, as /news and alerts do; with ``--no-aliases`` the name alone).
Printed per data set: how many focused summaries; the share whose first sentence opens
on a dangling word ("However", "It", "This", also inside a quotation) while the
sentence before it in the article is not shown before it (as readability.py counts
plain summaries, whose sentences keep the article's order), the same outside
quotations, and the share whose first sentence names the company among those whose
article has a sentence that does. A summary that leads with the sentence its company
sentence leans on ("Acme hired Jo Smith. She ...") is counted by ``name 2nd %``: the
name is in the second sentence, right after the sentence it needs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.ingest.records import record_text, record_title
from summarizer.algorithms.centrality import focus_mask
from summarizer.algorithms.openers import opening_word, opens_dangling
from summarizer.article import Article
from summarizer.companies.matcher import CompanyMatcher
from summarizer.companies.registry.spellings import focus_names
from summarizer.errors import NewsbotError
from summarizer.summarize import build_document, summarize
from summarizer.text.clean import article_from_parts
from summarizer.text.quotes import balance_quotes, opens_quotation

COMPANIES_PER_STORY = 3
HEADER = (
    f"{'data':<18} {'summaries':>9} {'dangling %':>10} {'unquoted %':>10} "
    f"{'named':>6} {'name 1st %':>10} {'name 2nd %':>10}"
)


@dataclass
class Tally:
    """Counts over one data set's focused summaries."""

    summaries: int = 0
    dangling: int = 0
    unquoted: int = 0
    named: int = 0  # the article has a sentence naming the company
    first: int = 0  # ...and the summary's first sentence names it
    second: int = 0  # ...or its second does, right after the sentence it follows
    openers: Counter[str] = field(default_factory=Counter)

    def row(self, name: str) -> str:
        n, named = max(self.summaries, 1), max(self.named, 1)
        return (
            f"{name:<18} {self.summaries:>9} {100 * self.dangling / n:>10.2f} "
            f"{100 * self.unquoted / n:>10.2f} {self.named:>6} "
            f"{100 * self.first / named:>10.1f} {100 * self.second / named:>10.1f}"
        )


def articles(path: Path, limit: int | None) -> Iterator[Article]:
    """The articles of a JSONL file (any field names ``newsbot eval`` reads)."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if limit is not None and number >= limit:
                return
            row = json.loads(line)
            text = record_text(row)
            if text:
                yield article_from_parts(record_title(row), text)


def measure(
    path: Path,
    matcher: CompanyMatcher,
    *,
    sentences: int,
    limit: int | None,
    examples: int,
    aliases: bool = True,
) -> Tally:
    """The tally of ``path``'s focused summaries; prints up to ``examples`` dangling ones."""
    tally = Tally()
    for article in articles(path, limit):
        doc = build_document(article)
        shown = [balance_quotes(s) for s in doc.sentences]  # as summaries show them
        for company in matcher.find(article)[:COMPANIES_PER_STORY]:
            names = matcher.aliases_of(company.name) if aliases else ()
            try:
                summary = summarize(
                    article, sentences=sentences, company=company.name, aliases=names
                ).sentences
            except NewsbotError:
                continue
            focus = focus_names((company.name, *names))
            named = bool(focus_mask(doc.sentences, focus).any())
            _count(tally, summary, shown, focus_mask(summary, focus) if named else None)
            if _dangles(summary, shown) and sum(tally.openers.values()) <= examples:
                at = shown.index(summary[0]) if summary[0] in shown else -1
                print(f"  {path.stem}: {company.name} [{at}] {summary[0][:110]}")
    return tally


def _dangles(summary: tuple[str, ...], shown: list[str]) -> bool:
    """The summary opens on a dangling word whose antecedent, the sentence before it in
    the article, is not shown before it: nothing is (a focused summary may show it
    after). Not counted, as in plain summaries: the article's own first sentence."""
    if not opens_dangling(summary[0]) or summary[0] not in shown:
        return False
    return shown.index(summary[0]) > 0


def _count(
    tally: Tally, summary: tuple[str, ...], shown: list[str], names: np.ndarray | None
) -> None:
    """Add one summary; ``names`` marks its sentences naming the company (None when no
    sentence of the article does)."""
    tally.summaries += 1
    if _dangles(summary, shown):
        tally.dangling += 1
        tally.unquoted += not opens_quotation(summary[0])
        tally.openers[opening_word(summary[0])] += 1
    if names is not None:
        tally.named += 1
        tally.first += bool(names[0])
        tally.second += bool(names[0]) or (
            len(summary) > 1
            and bool(names[1])
            and summary[0] in shown
            and summary[1] in shown
            and shown.index(summary[1]) == shown.index(summary[0]) + 1
        )
