"""The faster scan finds exactly what the plain rules find.

Each shortcut in ``index``/``scan`` is compared with the straightforward version of the
same rule on generated text: the regex that finds capitalised words, the lookup of
what each word starts, the early drop of "The report" / "Mr Smith" candidates, and the
ticker forms tried only where one may start.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seeds import companies_file
from summarizer.companies.finding.scan import (
    FOLD,
    AliasIndex,
    _local_tokens,
    _match_at,
    alias_hits,
    fold,
)
from summarizer.companies.finding.tickers import _TICKER_RE, _ticker_entry, ticker_hits
from summarizer.companies.matcher import CompanyMatcher, load_registry
from summarizer.companies.registry.words import _CJK, _NEXT_RE, _START_WORD_RE, _TOKEN_RE

# The capitalised-word regex as first written: a lookbehind at every position (slow).
_PLAIN_START = re.compile(
    rf"(?:(?<![\w'’])(?=[A-Z0-9&]|[^\x00-\x7f])|(?=[{_CJK}]))({_TOKEN_RE.pattern})?"
)
_PIECES = (
    "The", "the", "Boeing", "Company", "Mr", "Ford", "US", "Apple", "apple", "eBay", "ebay",
    "told", "the BBC", "BBC", "Great", "Wall", "Motor", "Xiaomi’s", "Xiaomi's", "L'Oréal",
    "3M", "&", "É", "é", "émigré", "小米", "삼성전자는", "_", "-", ".", ",", "'", "’", "(", ")",
    " ", " ", "\n", "Harrison", "da Vinci", "Da", "ſ", "İ", "K", "AAPL", "(NASDAQ: AAPL)",
)  # fmt: skip
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@pytest.fixture(scope="module")
def index() -> AliasIndex:
    entries = load_registry(companies_file().read_text(encoding="utf-8"))
    return CompanyMatcher(entries)._index


@settings(max_examples=300, deadline=None)
@given(texts)
def test_start_words_regex_finds_what_the_lookbehind_regex_finds(text: str) -> None:
    plain = [(m.start(), m.group(1)) for m in _PLAIN_START.finditer(text) if m.group(1)]
    assert [(m.start(), m.group()) for m in _START_WORD_RE.finditer(text)] == plain


def _few_index() -> AliasIndex:
    """An index of a few names, as one story's discovered names make (``_few_start_words``)."""
    index = AliasIndex()
    for name in ("The Boeing Company", "Xiaomi", "L'Oréal", "3M", "Da Vinci", "Sam's Club", "小米"):
        index.add(name, 0, mode=FOLD)
    index.add("Apple", 1, mode=FOLD)  # "apple" is found inside "Apples" and "pineapple" too
    return index


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from((*_PIECES, "Apples", "pineapple", "SAM'S", "sam’s")), max_size=30))
def test_a_few_first_words_found_with_find_equal_the_capitalised_word_regex(
    pieces: list[str],
) -> None:
    """Where the folded text holds a first word, the regex says whether a word starts there:
    the same starts as cutting out every capitalised word ("ſ", "İ", "K" fold differently)."""
    text = "".join(pieces)
    index = _few_index()
    plain = [
        (m.start(), info)
        for m in _START_WORD_RE.finditer(text)
        if (info := index.start_word(m.group()))
    ]
    assert index.start_words(text) == plain


@settings(max_examples=300, deadline=None)
@given(texts)
def test_start_words_going_on_drop_just_the_words_going_nowhere(
    index: AliasIndex, text: str
) -> None:
    """``going_on``: the next word the start-word regex reads is ``_NEXT_RE``'s, and only
    words that are no alias alone (nor possessive) and go on to no alias with it are gone."""
    kept = []
    for at, info in index.start_words(text):
        if info is not None and not info[4] and info[1] == info[2]:
            m = _NEXT_RE.match(text, at + info[0])
            following = fold(m.group(1)) if m else ""
            if len(following) > 2 and following.endswith("'s"):
                following = following[:-2]
            if not m or not index.continues((info[2], following)):
                continue
        kept.append((at, info))
    assert index.start_words(text, going_on=True) == kept


def _plain_hits(index: AliasIndex, text: str) -> list[tuple[int, int, int, bool]]:
    """alias_hits without its shortcuts: every start word walked in full."""
    found, pos = [], 0
    for at in index.starts(text):
        first = _TOKEN_RE.match(text, at)
        word = fold(first.group()).removesuffix("'s") if first else ""
        if at < pos or not first or not index.first.get(word):
            continue
        if text[at].islower() and not any(text.startswith(w, at) for w in index.lower_first):
            continue
        longest = index.first[word]
        toks = _local_tokens(index, text, first.start(), first.end(), longest)
        used = _match_at(index, text, toks, 0, longest, False)
        if used is not None:
            found.append((used[1].entry, used[1].start, used[1].end, used[1].weak))
            pos = toks[used[0] - 1][1]
    return found


@settings(max_examples=300, deadline=None)
@given(texts)
def test_alias_hits_equal_the_full_walk(index: AliasIndex, text: str) -> None:
    found = alias_hits(index, text, headline_style=False)
    assert [(h.entry, h.start, h.end, h.weak) for h in found] == _plain_hits(index, text)


def test_the_full_walk_finds_companies_and_drops_lone_first_words(index: AliasIndex) -> None:
    text = "The report said The Boeing Company and Mr Smith met eBay, told the BBC."
    hits = list(alias_hits(index, text, headline_style=False))
    spans = [text[h.start : h.end] for h in hits]
    assert "The Boeing Company" in spans and "eBay" in spans and "The report" not in spans
    assert [(h.entry, h.start, h.end, h.weak) for h in hits] == _plain_hits(index, text)


def test_what_a_word_starts_is_relearnt_when_aliases_are_added() -> None:
    index = AliasIndex()
    index.add("Zorblax Holdings", 0, mode=FOLD)
    text = "Zorblax said Zorblax Holdings would grow."
    assert [(h.entry, h.start) for h in alias_hits(index, text, headline_style=False)] == [(0, 13)]
    index.add("Zorblax", 1, mode=FOLD)  # the same first word is now also an alias alone
    hits = [(h.entry, h.start) for h in alias_hits(index, text, headline_style=False)]
    assert hits == [(1, 0), (0, 13)]


def test_where_a_first_word_goes_is_relearnt_when_aliases_are_added() -> None:
    index = AliasIndex()
    index.add("Vantor Mills", 0, mode=FOLD)
    text = "Vantor Labs said Vantor Mills grew."
    assert [(h.entry, h.start) for h in alias_hits(index, text, headline_style=False)] == [(0, 17)]
    index.add("Vantor Labs", 1, mode=FOLD)  # "Vantor" then "Labs" now goes on to an alias
    hits = [(h.entry, h.start) for h in alias_hits(index, text, headline_style=False)]
    assert hits == [(1, 0), (0, 17)]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_lower_case_first_words_regex_finds_what_the_plain_search_finds(
    index: AliasIndex, text: str
) -> None:
    assert sorted(index._lower_starts(text)) == sorted(set(index._starts_slow(text)))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_lower_case_first_words_by_runs_equal_the_trie_regex(index: AliasIndex, text: str) -> None:
    """The letter-and-digit runs of a text name the lower-case first words to look for;
    where each stands alone is then what the trie regex finds."""
    lower = text.lower()
    if "_" in text or len(lower) != len(text):
        return  # both leave these to the exact character-by-character rules
    assert index._lower_words() is not None  # the shipped registry's words are all simple
    assert index._lower_starts(text) == index._regex_starts(text, lower)


_TICKER_PIECES = (
    "NYSE", "Nasdaq", "NYSEAMERICAN", "NASDAQ", "HKG", "HK", ":", ": ", " ", "$", "(", ")",
    "AAPL", "TSLA", "F", "1810", ".HK", ".O", "x", "é", "_", "said", "\n", ",",
    "NASDAQ: AAPL", "NYSEAMERICAN:F", "(NYSE: F)", "HKG: 1810", "(1810.HK)", "$AAPL",
    "NYSE :F", "Nasdaq\u2003: AAPL", "\t",
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TICKER_PIECES), max_size=20).map("".join))
def test_ticker_hits_tried_where_a_form_may_start_equal_the_full_search(
    index: AliasIndex, text: str
) -> None:
    plain = [
        (entry, m.start(), m.end())
        for m in _TICKER_RE.finditer(text)
        if (entry := _ticker_entry(index, m)) >= 0
    ]
    assert [(h.entry, h.start, h.end) for h in ticker_hits(index, text)] == plain
