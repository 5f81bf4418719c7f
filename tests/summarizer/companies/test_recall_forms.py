"""Names papers write in more than one form, found either way (invented sentences)."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher
from summarizer.companies.registry.plurals import number_variants
from summarizer.companies.registry.spellings import focus_names, possessive_variants


def _names(matcher: CompanyMatcher, *paragraphs: str) -> list[str]:
    return [m.name for m in matcher.find(Article("Rail news", tuple(paragraphs)))]


def test_a_company_word_ending_a_name_is_found_in_the_other_number() -> None:
    matcher = CompanyMatcher(
        [CompanyEntry("Tarnow Railway"), CompanyEntry("Kelbrook Breweries"), CompanyEntry("Tarnow")]
    )
    found = _names(
        matcher, "Tarnow Railways cut fares on Monday.", "Kelbrook Brewery raised its prices."
    )
    assert set(found) == {"Tarnow Railway", "Kelbrook Breweries"}  # not Tarnow for the first
    assert matcher.resolve("Tarnow Railways") == CompanyEntry("Tarnow Railway")


def test_the_other_number_is_never_taken_from_a_company_that_goes_by_it() -> None:
    matcher = CompanyMatcher([CompanyEntry("Orvel Motor"), CompanyEntry("Orvel Motors")])
    assert _names(matcher, "Orvel Motors sold more vans.") == ["Orvel Motors"]
    assert _names(matcher, "Orvel Motor sold more vans.") == ["Orvel Motor"]


def test_a_followed_name_is_found_in_the_other_number_too() -> None:
    matcher = CompanyMatcher([]).with_entries([CompanyEntry("Dunmore Airline")])
    assert _names(matcher, "Dunmore Airlines added a route to Oslo.") == ["Dunmore Airline"]


def test_only_a_last_company_word_after_a_name_has_another_number() -> None:
    assert number_variants(["Seren Holdings", "Motors", "Holding Pattern", "Acme"]) == [
        "Seren Holding"
    ]


def test_a_maker_of_a_trade_is_a_company_and_a_bomb_maker_is_not() -> None:
    matcher = CompanyMatcher([])
    found = _names(
        matcher,
        "Velmora, the biggest wine maker in Chile, said sales rose. Velmora will export more.",
        "Orbitel bought aircraft maker Skyvane Dynamics last year.",
    )
    assert "Velmora" in found and "Skyvane Dynamics" in found
    assert _names(matcher, "Police said the bomb maker known as Kestrel was caught.") == []
    assert _names(matcher, "Kestrel, the city's best-known film maker, was there.") == []


def test_a_football_club_named_as_one_is_found() -> None:
    found = _names(
        CompanyMatcher([]),
        "Shares in Dutch football club Vriesland Rovers fell after the club's rescue plan.",
    )
    assert found == ["Vriesland Rovers"]


def test_air_and_a_place_or_coined_word_is_an_airline() -> None:
    matcher = CompanyMatcher([])
    found = _names(matcher, "Air Moldova ordered two jets, and Air Zelquin wants three.")
    assert found == ["Air Moldova", "Air Zelquin"]
    others = "The Air Force flew Air Force One; an Air Marshal and Air Miles stayed."
    assert _names(matcher, others) == []


def test_a_followed_founders_name_is_found_by_the_surname_beside_it() -> None:
    matcher = CompanyMatcher([]).with_entries([CompanyEntry("Harold Quenby")])
    story = ("Builder Harold Quenby raised its forecast.", "Quenby said sales rose. Quenby grew.")
    found = matcher.find(Article("Homes", story))
    assert [(m.name, m.mentions) for m in found] == [("Harold Quenby", 3)]
    assert _names(matcher, "Quenby said sales rose.") == []  # alone it may be anyone


def test_a_followed_ampersand_name_is_found_by_its_initials_beside_it() -> None:
    matcher = CompanyMatcher([]).with_entries([CompanyEntry("Brackley & Voss")])
    story = ("Lender Brackley & Voss posted a profit.", "B&V said lending rose.")
    found = matcher.find(Article("Banks", story))
    assert [(m.name, m.mentions) for m in found] == [("Brackley & Voss", 2)]


def test_what_has_shares_is_a_company_even_named_with_ordinary_words() -> None:
    matcher = CompanyMatcher([])
    found = _names(matcher, "Shares in Bristol Wanderers rose 5% after a takeover offer.")
    assert found == ["Bristol Wanderers"]
    markets = "Shares in New York rose. Shares in South Korea fell. Shares in Bristol fell."
    assert _names(matcher, markets) == []


def test_a_market_named_by_its_street_or_a_whole_trade_has_no_shares_of_its_own() -> None:
    matcher = CompanyMatcher([])
    text = (
        "Shares in Wall Street fell on Monday. Shares in Silicon Valley slid. "
        "Investors hold shares in Big Tech."
    )
    assert _names(matcher, text) == []


def test_a_name_in_the_possessive_is_found_without_its_apostrophe() -> None:
    matcher = CompanyMatcher([CompanyEntry("Harwell's", aliases=("Harwell's Stores",))])
    found = _names(matcher, "Harwells said sales rose.", "Harwells Stores will hire 500 staff.")
    assert found == ["Harwell's"]
    assert matcher.resolve("Harwells") == CompanyEntry("Harwell's", aliases=("Harwell's Stores",))
    # "St Jamess" is no way to write "St James's": a possessive after an "s" keeps its form
    assert possessive_variants(["Harwell’s", "St James's Place", "Lowe's Companies"]) == [
        "Harwells",
        "Lowes Companies",
    ]


def test_an_apostrophe_free_form_is_never_taken_from_a_company_that_goes_by_it() -> None:
    matcher = CompanyMatcher([CompanyEntry("Pellow's"), CompanyEntry("Pellows")])
    assert _names(matcher, "Pellows raised its prices.") == ["Pellows"]
    assert _names(matcher, "Pellow's raised its prices.") == ["Pellow's"]


def test_a_summary_focused_on_a_possessive_name_opens_on_its_apostrophe_free_form() -> None:
    assert "Harwells" in focus_names(["Harwell's"])
