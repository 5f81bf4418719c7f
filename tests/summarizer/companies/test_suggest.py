"""The "did you mean" lookups: kept per matcher, the same answers as reading every name."""

from __future__ import annotations

from rapidfuzz import utils

from summarizer.companies.matcher import CompanyMatcher
from summarizer.companies.registry.entries import CompanyEntry
from summarizer.companies.registry.suggest import Compared, close_names

NAMES = [
    "Berkshire Hathaway",
    "Berkshire Hills Bancorp",
    "Berkshire",
    "Acme",
    "acme",  # the same key twice: both are found
    "Acme Rockets Group",
    "Zed",
    "At&T",
]


def _brute_starting(names: list[str], prefix: str) -> list[int]:
    return [i for i, n in enumerate(names) if utils.default_process(n).startswith(prefix)]


def _brute_words(names: list[str], query: str) -> list[int]:
    return [i for i, n in enumerate(names) if query.startswith(utils.default_process(n) + " ")]


def test_lookups_find_what_reading_every_name_finds() -> None:
    more = ["Acme Rockets", "Berkshire Hathaway Energy", "acme"]
    for names, compared in (
        (NAMES, Compared(NAMES)),
        (NAMES + more, Compared(NAMES).extended(more)),
    ):
        for prefix in ("berkshire ", "acme ", "acme", "zed ", "at t", "nothing "):
            assert compared.starting(prefix) == _brute_starting(names, prefix)
        for query in ("acme rockets group plc", "berkshire hathaway energy x", "at t inc", "zed"):
            assert compared.words_starting(query) == _brute_words(names, query)


def test_a_kept_comparison_gives_the_same_suggestions() -> None:
    compared = Compared(NAMES)
    for text in ("Berkshire", "Acme Rockets Group Ltd", "Acmee", "AT&T Inc", "bananas", " "):
        assert close_names(text, NAMES, 3, compared=compared) == close_names(text, NAMES, 3)


def test_a_name_a_chat_follows_is_suggested_after_a_suggestion_was_made() -> None:
    matcher = CompanyMatcher([CompanyEntry(name="Berkshire Hathaway")], discover=False)
    assert matcher.suggest("Zorblax Widget") == []  # the comparison is kept from here on
    wider = matcher.with_entries([CompanyEntry(name="Zorblax Widgets")])
    assert wider.suggest("Zorblax Widget") == ["Zorblax Widgets"]
    assert wider.suggest("Zorblax Widgets abc") == ["Zorblax Widgets"]
    assert wider.suggest("Berkshire") == ["Berkshire Hathaway"]
    assert matcher.suggest("Zorblax Widget") == []  # the first matcher is unchanged
