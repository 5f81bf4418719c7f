"""Searching only for the words a story holds finds exactly what searching for every one finds.

A story's letter-and-digit runs are cut once (``story_words``); the registry's lower-case
first words ("ebay", "told") and discovery's company words ("firm", "unit of ", "CEO")
are then searched for only where the story holds them. Compared on generated stories with
the searches for every word, part by part.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seeds import companies_file
from summarizer.companies.finding.described import company_words, roles
from summarizer.companies.finding.owned import owned
from summarizer.companies.finding.scan import AliasIndex
from summarizer.companies.finding.sought import present
from summarizer.companies.matcher import CompanyMatcher, load_registry
from summarizer.companies.registry.words import story_words

_PIECES = (
    "The", "eBay", "ebay", "EBAY", "told", "Told", "apple", "public", "easyjet", "e", "da",
    "firm", "firms", "Firm", "firmly", "confirm", "company", "companies", "start-up", "start",
    "auction house", "hedge fund", "publishing group", "wine maker", "banks", "bank", "CEO",
    "CEOs", "chief executive", "unit of ", "unit", "subsidiary", "arm of ", "arm", "its",
    "whose", "Acme", "Zorvix Ltd", "3ami", "called", "and", "'s", "'", "’", "’s", ",", ".",
    ":", ")", " ", " ", " ", "\n", "—", "-", "_", "é", "É", "İ", "K", "小米",
)  # fmt: skip
_parts = st.lists(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join), max_size=4)


@pytest.fixture(scope="module")
def index() -> AliasIndex:
    entries = load_registry(companies_file().read_text(encoding="utf-8"))
    return CompanyMatcher(entries)._index


@settings(max_examples=400, deadline=None)
@given(_parts)
def test_lower_case_first_words_found_as_in_each_part_alone(
    index: AliasIndex, parts: list[str]
) -> None:
    held = index.lower_present(story_words(parts))
    assert held is not None  # the shipped registry's are ASCII letters and digits
    for text in parts:
        assert index.start_words(text, held) == index.start_words(text)


@settings(max_examples=400, deadline=None)
@given(_parts)
def test_company_words_found_as_when_every_one_is_searched(parts: list[str]) -> None:
    text = " .\n".join(parts)  # as ``discover`` joins them
    held = present(story_words(parts))
    assert company_words(text, held) == company_words(text)
    assert list(roles(text, held)) == list(roles(text))
    assert list(owned(text, held)) == list(owned(text))


@pytest.mark.parametrize(
    "text",
    [
        "Nigerian banks Zorvix and Acme Trust fell.",
        "US surfwear firm Quiksilver and the start-up Zorvix, a unit of Acme, said so.",
        "Acme's CEO said its Zorvix subsidiary and Bolt' chief executive agreed.",
        "A tour company called Rwanda Eco Tours; Irish publishing group Zorvix News.",
        "Whedon's Mutant Enemy production company, the auction house Zorvix: firmly.",
    ],
)
def test_invented_sentences_give_what_every_search_gives(text: str) -> None:
    held = present(story_words(["Headline", text]))
    joined = f"Headline .\n{text}"
    found = (company_words(joined), list(roles(joined)), list(owned(joined)))
    assert (
        company_words(joined, held),
        list(roles(joined, held)),
        list(owned(joined, held)),
    ) == found
    assert found != (([], []), [], [])


def test_a_story_without_the_words_searches_for_none() -> None:
    parts = ["Acme profits rise", "Acme said on Monday its profits rose."]
    assert present(story_words(parts)) == frozenset()
    text = "Acme, the Zorvix firm, said its unit of Bolt and Acme's CEO agreed."
    assert {"firm", " firm", "unit of ", " unit", "CEO"} <= present(story_words([text]))
