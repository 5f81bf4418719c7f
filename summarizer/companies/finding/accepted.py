"""A story's accepted mentions of the companies an index holds (``CompanyMatcher.occurrences``).

Alias and ticker hits are found part by part (``scan.py``, ``tickers.py``); rules that
need the whole story then say which count: a name shadowed by a person's ("Harrison
Ford"), a common word opening a longer name the story gave first (``opened.py``), a weak
alias only beside a sure mention of its company, short forms a story uses as a surname,
the publisher's tag (``judge.py``) and registry abbreviations the story spells out as
another name (``acronyms.py``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from summarizer.companies.aboutness.salience import Occurrence
from summarizer.companies.finding.acronyms import spelled_elsewhere
from summarizer.companies.finding.judge import Hit, without_publisher, without_surnames
from summarizer.companies.finding.opened import as_read, opened_names
from summarizer.companies.finding.scan import AliasIndex, alias_hits, is_title_case
from summarizer.companies.finding.tickers import ticker_hits
from summarizer.companies.registry.entries import CompanyEntry
from summarizer.companies.registry.words import story_words


def accepted_occurrences(
    index: AliasIndex,
    entries: Sequence[CompanyEntry],
    parts: Sequence[str],
    *,
    registry: int,
    short_words: Mapping[int, Collection[str]],
    words: list[bytes] | None = None,
) -> list[Occurrence]:
    """Accepted mentions in ``parts`` (part 0 = headline, then paragraphs) of ``entries``
    (by number; the first ``registry`` are registry entries) as ``index`` holds them;
    ``short_words``: entry -> its guessed one-word short forms, folded; ``words``: the
    parts' ``story_words``, if already cut."""
    present = None
    if index.lower_first:  # which of "ebay", "easyjet"... the story holds, once
        present = index.lower_present(story_words(parts) if words is None else words)
    hits = [(p, h) for p, text in enumerate(parts) for h in _hits(index, text, p == 0, present)]
    # After "Harrison Ford" a bare "Ford" is the actor unless Ford Motor is named outright.
    shadows = {(h.entry, h.shadow) for _, h in hits if h.shadow}
    # After "Continental Airlines" a bare "Continental" is the airline, not the tyre maker.
    opened = opened_names(parts, hits, entries)
    found = [(p, as_read(h, opened, shadows)) for p, h in hits if not h.shadow]
    sure = {h.entry for _, h in found if not h.weak}
    occs = [Occurrence(h.entry, p, h.start, h.end) for p, h in found if h.entry in sure]
    if short_words:
        occs = without_surnames(occs, parts, short_words)
    return spelled_elsewhere(without_publisher(occs, parts), parts, registry)


def _hits(index: AliasIndex, text: str, headline: bool, present: Sequence[str] | None) -> list[Hit]:
    """Ticker hits, then alias hits outside them, in one part of a story."""
    tickers = ticker_hits(index, text)
    style = headline and is_title_case(text)
    spans = [(h.start, h.end) for h in tickers]
    found = alias_hits(index, text, headline_style=style, skip=spans, present=present)
    return tickers + list(found)
