"""detect_language's English shortcut decides exactly as counting every candidate
language's stop words would (at least 20 English ones, twice any other's count), also
when other lists hold many of the words but none of them twice the English count."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text import language as lang


def _own_words(language: str, count: int) -> list[str]:
    """Stop words only ``language`` lists among the candidates."""
    others = set().union(*(lang.stop_words(o) for o in lang._LATIN_CANDIDATES if o != language))
    return sorted(lang.stop_words(language) - others)[:count]


_ENGLISH = _own_words("english", 30)
_GERMAN, _SPANISH, _SWEDISH = (_own_words(name, 15) for name in ("german", "spanish", "swedish"))
_WORDS = st.lists(st.sampled_from(_ENGLISH + _GERMAN + _SPANISH + _SWEDISH + ["a", "la"]))


def _counted(words: list[str]) -> bool:
    hits = lang._stop_word_hits(words)
    return hits[0] >= lang._QUICK_MIN_HITS and hits[0] >= lang._QUICK_LEAD * max(hits[1:])


@given(_WORDS)
@settings(max_examples=500, deadline=None)
def test_the_english_shortcut_is_the_count_per_language(words: list[str]) -> None:
    assert lang._plainly_english(words) == _counted(words)


def test_other_lists_together_but_none_alone_leave_english_ahead() -> None:
    # 24 English stop words; 16 others spread over three languages, 13 in one of them.
    spread = _ENGLISH[:24] + _GERMAN[:6] + _SPANISH[:5] + _SWEDISH[:5]
    assert lang._plainly_english(spread)
    crowded = _ENGLISH[:24] + _GERMAN[:13]
    assert not lang._plainly_english(crowded)
