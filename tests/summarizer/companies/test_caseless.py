"""caseless_search gives exactly what an IGNORECASE regex search gives."""

from __future__ import annotations

import random
import re

import pytest

from summarizer.companies.caseless import caseless_search
from summarizer.companies.salience import _DEAL, _REPORT

# Characters where lower-casing and IGNORECASE could disagree, and ordinary ones.
_ALPHABET = "aAbBdDeEiIkKsSyYuUoO _-.'’\u0130\u0131\u017f\u212a\u00e9\u00c9\u00df"
_WORDS = ("buy", "BOUGHT", "Takeover", "staKe", "bid", "Bids", "survey", "INDEX", "data")


def _texts() -> list[str]:
    rng = random.Random(13)
    texts = [
        "Shares rose after the TAKEOVER bid.",
        "The \u212aelvin stake",  # Kelvin sign: IGNORECASE matches it to "k"
        "\u017fold out",  # long s
        "\u0130ndex figures",  # dotted capital I: two characters when lower-cased
        "Bi\u0131d",
        "no cue words here at all",
    ]
    for _ in range(400):
        parts = [rng.choice(_WORDS) if rng.random() < 0.3 else "" for _ in range(3)]
        noise = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12)))
        texts.append(noise.join(parts) + noise[::-1])
    return texts


@pytest.mark.parametrize("pattern", [_DEAL, _REPORT])
def test_same_answers_as_the_regex(pattern: re.Pattern[str]) -> None:
    texts = _texts()
    expected = [pattern.search(t) is not None for t in texts]
    assert [caseless_search(pattern, t) for t in texts] == expected
    assert any(expected) and not all(expected)  # both answers are exercised


def test_patterns_with_capitals_or_case_sensitive_are_searched_as_they_are() -> None:
    capitals = re.compile(r"\bCEO\b", re.IGNORECASE)
    assert caseless_search(capitals, "the ceo said")
    assert caseless_search(re.compile(r"[A-Z]{3}", re.IGNORECASE), "abc")
    assert not caseless_search(re.compile(r"abc"), "ABC")
    assert caseless_search(re.compile(r"\w+\W", re.IGNORECASE), "ABC!")
