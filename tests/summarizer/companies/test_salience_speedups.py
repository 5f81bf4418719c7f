"""The faster salience passes find exactly what the plain ones find.

Each shortcut in ``cues`` is compared on generated text with the straightforward version
of the same rule: sentence starts found with the full-stop-only regex where a text holds
no "!" or "?", and the cue regexes whose alternatives are grouped by their first letter
(``cues.by_first_letter``) against the flat alternations they were first written as
(and discovery's anchor words), the cue words in ASCII text in ASCII mode; in
``occurrences``, the abbreviation regex with its capital before its lookbehind.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.companies.aboutness.cues import (
    _ASCII_CUES,
    _DEAL_GROUPS,
    _SOURCE_BEFORE,
    SENTENCE_CUES,
    SENTENCE_END,
    by_first_letter,
    sentence_starts,
)
from summarizer.companies.aboutness.occurrences import _ABBREVIATION_USE
from summarizer.companies.finding.discover import _ANCHOR_HINT, _ANCHOR_WORDS

_PIECES = (
    "Acme", "said", "so", ".", "!", "?", " ", "  ", "\n", '"', "'", "”", "’", ")", "(", "“",
    "‘", "3", "a", "U.S.", "Mr.", "...", "é", "É",
)  # fmt: skip
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_sentence_starts_equal_the_plain_search(text: str) -> None:
    assert sentence_starts(text) == [0, *(m.end() for m in SENTENCE_END.finditer(text))]


def test_sentence_starts_read_every_end_mark() -> None:
    text = 'It rose. Did it? "Yes!" Acme said. (Then) it fell.'
    starts = sentence_starts(text)
    assert [text[s : s + 4] for s in starts] == ["It r", "Did ", '"Yes', "Acme", "(The"]
    assert sentence_starts("It rose. It fell.") == [0, 9]  # no "!" or "?": full stops only


_PLAIN_CUES = re.compile(
    r"\W(?:(?P<report>survey\w*|index|figures|forecast\w*|report(?:ed|s)?|study|research|"
    r"poll\w*|data|according to|estimates?|predict\w*|analys[ie]s|house prices|consumer\w*)|"
    r"(?P<deal>buy\w*|bought|acqui\w+|takeover|take over|took over|merg\w+|bid|bids|bidder|"
    r"sue|sued|suing|lawsuit|stake|sell\w*|sold|offer|tie-up|alliance|joint venture|"
    r"fined|charged|accused|defendants?|settle\w*|deals?|agreements?|contracts?|"
    r"(?<!in )order(?:ed|s)?))\b"
)
_PLAIN_SOURCE_BEFORE = re.compile(
    r"(?:(?:analysts?|economists?|strategists?|dealers?|traders?|researchers?|experts?|"
    r"consultants?|director|head of research)\s+(?:at|with|from|for)|"
    r"(?:editor|columnist|reporter|writer)\s+(?:at|with|for|of)|according to|daily|weekly|"
    r"tabloid|"
    r"research(?:\s+(?:firm|group|company|house))?|consultanc(?:y|ies)|analysts?|brokers?|"
    r"brokerage|magazine|newspaper|news agency|survey by|study by|report by|data from|"
    r"figures from|told|quoted by|reported by|says|said)\s+(?:the\s+)?$",
)
_WORDS = (
    " ", "  ", ".", ",", "\n", "é", "x", "s", "o", "in ", "in o", "the ", "order", "ordered",
    "offer", "deal", "deals", "sue", "sued", "bid", "bids", "bidder", "buyers", "consumer",
    "contracts", "according to", "accused", "data", "defendants", "report", "reported",
    "research", " firm", "analysts", "analyst", " at ", " of ", "head of research", "editor",
    "news agency", "says", "said", "told",
)  # fmt: skip
phrases = st.lists(st.sampled_from(_WORDS), max_size=12).map("".join)


@settings(max_examples=1000, deadline=None)
@given(phrases)
def test_cue_words_by_first_letter_are_those_of_the_flat_alternation(text: str) -> None:
    plain = [(m.span(), m.lastgroup) for m in _PLAIN_CUES.finditer(text)]
    grouped = [
        (m.span(), "deal" if m.lastgroup in _DEAL_GROUPS else "report")
        for m in SENTENCE_CUES.finditer(text)
    ]
    assert grouped == plain


@settings(max_examples=500, deadline=None)
@given(phrases)
def test_cue_words_in_ascii_text_are_found_alike_in_ascii_mode(text: str) -> None:
    text = "".join(c if c.isascii() else "\x1c" for c in text)  # "\x1c": \s only in Unicode
    assert [(m.span(), m.lastgroup) for m in _ASCII_CUES.finditer(text)] == [
        (m.span(), m.lastgroup) for m in SENTENCE_CUES.finditer(text)
    ]


@settings(max_examples=1000, deadline=None)
@given(phrases)
def test_source_words_by_first_letter_are_those_of_the_flat_alternation(text: str) -> None:
    assert bool(_SOURCE_BEFORE.search(text)) == bool(_PLAIN_SOURCE_BEFORE.search(text))


_ANCHOR_PIECES = (*_ANCHOR_WORDS, "Air", "Airline", "shares in ", "Group", " ", "x", "&", "\\")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ANCHOR_PIECES), max_size=12).map("".join))
def test_anchor_words_by_first_letter_are_those_of_the_flat_alternation(text: str) -> None:
    plain = re.compile("|".join(map(re.escape, _ANCHOR_WORDS)))
    assert [m.span() for m in _ANCHOR_HINT.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


def test_by_first_letter_keeps_the_order_of_alternatives_within_a_letter() -> None:
    pattern = re.compile(by_first_letter({"a": "bid|bids", "b": r"bidder|x(?:y|z\))"}))
    found = [pattern.match("bidder"), pattern.fullmatch("bidder"), pattern.match("xz)")]
    # "bid" is tried first, as in bid|bids|bidder|x(?:y|z\)); groups are numbered by letter,
    # and "|" inside a group (after an escaped bracket too) splits no alternative.
    assert [m.lastgroup if m else None for m in found] == ["a0", "b0", "b1"]


_CAPITALS = ("SIA", "A", "B", "AT&T", "&", "a", "_", " ", "(", ")", "é", "É", "1", "Xx")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_CAPITALS), max_size=12).map("".join))
def test_abbreviation_uses_are_those_the_lookbehind_first_regex_finds(text: str) -> None:
    plain = re.compile(r"(?<![\w&])[A-Z][A-Za-z&]{1,6}(?![\w&])")
    assert [m.span() for m in _ABBREVIATION_USE.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
