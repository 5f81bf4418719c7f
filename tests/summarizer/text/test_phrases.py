"""Muted words and phrases (``/settings mute``): whole words, any case and spacing."""

from __future__ import annotations

import pytest

from summarizer.text.phrases import first_phrase

STORY = "Xiaomi's Football-mad founder denied a TRANSFER\n  rumour about the Rumours club."


@pytest.mark.parametrize(
    ("phrases", "found"),
    [
        (["football"], "football"),  # a hyphen ends a word
        (["transfer rumour"], "transfer rumour"),  # any case, any spacing
        (["foot"], None),  # whole words only
        (["footballer", "club"], "club"),  # the first one the text uses
        (["rumours"], "rumours"),
        (["rumour*"], "rumour*"),  # a trailing * makes a prefix
        (["xiaomi"], "xiaomi"),  # "Xiaomi's": the possessive is no word of its own
        (["iaomi"], None),
        (["*", ""], None),  # nothing to look for
        (["(brackets"], None),  # a regex character is just a character
    ],
)
def test_first_phrase(phrases: list[str], found: str | None) -> None:
    assert first_phrase(STORY, phrases) == found


def test_letters_of_other_scripts_and_case_folding() -> None:
    assert first_phrase("Die STRASSE und Groß", ["straße"]) == "straße"  # both "strasse"
    assert first_phrase("Die Straßenbahn", ["STRASSE"]) is None
    assert first_phrase("Смартфоны Xiaomi подешевели", ["смартфоны"]) == "смартфоны"
