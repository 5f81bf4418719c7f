"""``dateline_end`` tries only the two patterns that need no "(" on text without one, and
finds what trying every pattern in turn finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text import dateline
from summarizer.text.dateline import dateline_end

_PIECES = (
    "(CNN)", "(Reuters)", "(", ")", "LONDON", "NEW YORK", "New Delhi", "Mumbai", ", Jan 5",
    ", March 3, 2015", " ", " ", "\n", "-", "--", "—", ":", "The", "Acme", "said", "the",
    "prices", "rose", ".", "/PRNewswire/", "(AP)", "Calif.", "Wanted", "mumbai", "(pti)",
)  # fmt: skip


def _every_pattern(text: str) -> int:
    """``dateline_end`` as first written: every pattern tried on every text."""
    for pattern in dateline._ALL:
        match = pattern.match(text)
        if match and len(text[match.end() :].lstrip()) >= 10:
            return match.end()
    return -1  # then dateline_end goes on to the lower-case tags, unchanged


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_the_shortcut_finds_what_every_pattern_finds(text: str) -> None:
    plain = _every_pattern(text)
    if plain >= 0:
        assert dateline_end(text) == plain
    if "(" not in text:  # what the shortcut rests on
        assert not any(p.match(text) for p in dateline._ALL if p not in dateline._UNBRACKETED)


def test_datelines_with_and_without_brackets() -> None:
    assert dateline_end("LONDON (Reuters) - Acme said prices rose.") == 19
    assert dateline_end("NEW YORK — Acme said prices rose sharply.") == 11
    assert dateline_end("NEW DELHI: Acme said prices rose sharply.") == 11
    assert dateline_end("Acme said on Monday its profits rose.") == 0
