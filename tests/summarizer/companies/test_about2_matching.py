"""Matching facts found in the issue-13 error analysis: "&"/"and", glued names, tickers,
spelled-out abbreviations, nationality prefixes and registry short forms."""

from __future__ import annotations

import pytest

from seeds import companies_file
from summarizer.article import Article
from summarizer.companies.finding.discover import discover
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher, load_registry
from summarizer.companies.registry.spellings import and_variant, legal_variant


@pytest.fixture(scope="module")
def matcher() -> CompanyMatcher:
    return CompanyMatcher(load_registry(companies_file().read_text(encoding="utf-8")))


def found(matcher: CompanyMatcher, title: str, *paragraphs: str) -> dict[str, int]:
    return {m.name: m.mentions for m in matcher.find(Article(title, paragraphs))}


def test_and_and_ampersand_are_the_same_name(matcher: CompanyMatcher) -> None:
    assert and_variant("Scottish & Newcastle") == "Scottish and Newcastle"
    assert and_variant("Procter and Gamble") == "Procter & Gamble"
    assert and_variant("Sandy Andersen") == ""
    story = found(
        matcher,
        "Brewer extends Indian venture",
        "Scottish and Newcastle (S&N) is to buy a stake in an Indian brewer. S&N said so.",
    )
    assert story.get("Scottish & Newcastle") == 2  # "(S&N)" defines it, "S&N said" counts


def test_a_legal_form_is_found_abbreviated_or_in_full(matcher: CompanyMatcher) -> None:
    assert legal_variant("The Weinstein Company") == "The Weinstein Co"
    assert legal_variant("Ford Motor Co.") == "Ford Motor Company"
    assert legal_variant("Company") == legal_variant("Acme") == ""
    # The registry knows "The Weinstein Company"; the paper writes "The Weinstein Co.".
    story = found(
        matcher,
        "",
        "After the film flopped, The Weinstein Co. decided to sell it to a cable channel. "
        "The Weinstein Co. bought the rights in 2013.",
    )
    assert story.get("The Weinstein Company") == 2


def test_a_name_glued_on_after_an_exclamation_mark_is_another_company(
    matcher: CompanyMatcher,
) -> None:
    assert "Yahoo" not in found(matcher, "", "Yahoo!7 creates a joint venture with Xtra.")
    assert found(matcher, "", "Yahoo!7 is owned by Yahoo! and Seven.").get("Yahoo") == 1
    followed = matcher.with_entries([CompanyEntry("Yahoo!7")])
    story = found(
        followed, "", "Ian Smith, chief executive of Yahoo!7, said so, and Yahoo! agreed."
    )
    assert story.get("Yahoo!7") == 1 and story.get("Yahoo") == 1


def test_a_followed_name_that_is_only_another_companys_ticker_is_still_matched(
    matcher: CompanyMatcher,
) -> None:
    ticker_owner = matcher.resolve("ATR")  # AptarGroup's ticker
    assert ticker_owner is not None and ticker_owner.name != "ATR"
    followed = matcher.with_entries([CompanyEntry("ATR")])
    story = found(followed, "", "Air Deccan buys planes from ATR. ATR said deliveries begin soon.")
    assert story.get("ATR") == 2


def test_an_abbreviation_spelled_out_as_another_name_is_not_the_registry_company(
    matcher: CompanyMatcher,
) -> None:
    story = found(
        matcher,
        "Sales fail to boost High Street",
        "Trading reverted, the British Retail Consortium said. The BRC said so again.",
    )
    assert "BRC" not in story
    # Spelled out as the company itself, the abbreviation still counts.
    gm = found(matcher, "", "General Motors cut jobs. GM said sales fell at GM's plants.")
    assert gm.get("General Motors", 0) >= 3
    # A name a user follows is what that user means, even beside a spelled-out phrase.
    followed = matcher.with_entries([CompanyEntry("ATR")])
    deal = found(followed, "", "Air Deccan buys from Avions de Transport Regional (ATR). ATR said.")
    assert deal.get("ATR") == 1  # the bracketed "(ATR)" defines it, "ATR said" counts


def test_a_nationality_prefix_is_not_a_company_name() -> None:
    names = discover(["", "Shares in Anglo-Swedish drugmaker AstraZeneca fell."], known=set())
    assert "Anglo-Swedish" not in names


def test_registry_short_forms_need_their_company(matcher: CompanyMatcher) -> None:
    cairn = found(matcher, "Cairn shares slump on oil setback", "Cairn Energy said so.")
    assert cairn.get("Cairn Energy") == 2
    assert "Cairn Energy" not in found(matcher, "", "Walkers built a cairn. Cairn of stones.")
    lager = found(matcher, "", "United makes the Kingfisher lager brand. Kingfisher has 29%.")
    assert "Kingfisher" not in lager
    assert found(matcher, "", "DIY group Kingfisher said sales fell.").get("Kingfisher") == 1


def test_a_spelled_out_name_ending_in_a_legal_form_keeps_the_abbreviation() -> None:
    registry = CompanyMatcher([CompanyEntry("XYZ", aliases=("XYZ Holdings",))], discover=False)
    kept = found(registry, "", "Xeno Yak Zinc Corp grew. XYZ shares rose, XYZ said.")
    assert kept == {"XYZ": 2}
    dropped = found(registry, "", "The Xeno Yak Zone grew. XYZ members met, XYZ said.")
    assert dropped == {}


def test_a_suffix_only_companies_have_needs_no_unusual_word() -> None:
    text = (
        "The vault of Hatton Garden Safe Deposit Ltd. was robbed, and Orient Thai Airlines flew. "
        "Some 800,000 Britannia Building Society members gained. Taiwan-based China Airlines "
        "Corp flew. The Association of European Airlines and Research In Motion Ltd spoke. "
        "Petty Holdings runs the track."
    )
    names = discover(["", text], known=set())
    assert {"Hatton Garden Safe Deposit Ltd", "Orient Thai Airlines"} <= set(names)
    assert {"Britannia Building Society", "China Airlines Corp", "Petty Holdings"} <= set(names)
    assert not [n for n in names if n.startswith(("European", "In ", "800", "Taiwan"))]


def test_a_registry_ticker_does_not_hide_a_discovered_name(matcher: CompanyMatcher) -> None:
    assert matcher.resolve("SAFE") is not None  # a ticker, never matched as a bare word
    story = found(matcher, "", "Thieves broke into Hatton Garden Safe Deposit Ltd. on Friday.")
    assert "Hatton Garden Safe Deposit Ltd" in story


def test_a_place_or_sponsored_event_named_after_a_company_is_not_the_company(
    matcher: CompanyMatcher,
) -> None:
    # Seen in /news Apple and /news Barclays on CNN/DM: a town, a league, a cup, a stadium.
    story = found(
        matcher,
        "",
        "Deputies chased him through Apple Valley and Orange County. Chelsea lead the "
        "Barclays Premier League and won the Capital One Cup at MetLife Stadium. The Nets "
        "play at the Barclays Center.",
    )
    assert not {"Apple", "Orange", "Barclays", "Capital One", "MetLife"} & set(story)
    # ...while the companies themselves still count, beside the place or the event.
    story = found(
        matcher,
        "",
        "Barclays said it would sponsor the Barclays Premier League. Apple shares rose.",
    )
    assert story.get("Barclays") == 1 and story.get("Apple") == 1
