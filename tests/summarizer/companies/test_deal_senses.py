"""Deal words in another sense ("offer services", "deal with", "Sue" the name) mark no deal."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.companies.aboutness.cues import sentence_cues
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher


def _deal(sentence: str) -> bool:
    return sentence_cues(sentence.lower(), sentence)[0]


def test_offer_is_a_deal_only_as_a_bid() -> None:
    assert _deal("Vexmoor rejected a £2bn takeover offer from Dunlin.")
    assert _deal("Dunlin's offer was too low, the board said.")
    assert _deal("It made an offer for the remaining shares.")
    assert _deal("Shares rose after a new offer from the tycoon.")
    assert _deal("The bidder may come back with a higher offer.")
    assert not _deal("Rivals already offer free services to their customers.")
    assert not _deal("The firm plans to offer broadband over the TV aerial.")
    assert not _deal("There are dozens of handsets on offer this Christmas.")


def test_deal_with_is_a_deal_only_as_a_noun() -> None:
    assert _deal("Carmaker Ostrava signed a production deal with Pellow last week.")
    assert _deal("The investor agreed to a deal with the bank.")
    assert not _deal("The software helps websites deal with sudden rushes of visitors.")
    assert not _deal("Ministers must decide how to deal with the deficit.")
    assert not _deal("There is a great deal of interest in the new phones.")


def test_a_better_deal_is_value_for_money_not_an_agreement() -> None:
    assert not _deal("Home printers now offer a better deal than high street photo labs.")
    assert not _deal("Shoppers want the best deal on their broadband.")
    assert not _deal("Savers are getting a raw deal from the banks.")
    assert _deal("Ostrava struck a better deal with its unions than Pellow did.")


def test_sue_with_a_capital_is_a_first_name() -> None:
    assert _deal("Savers plan to sue the bank over the charges.")
    assert not _deal("Producers: Joe Park, Sue Marsh and Ann Lee.")


def test_a_rival_that_only_offers_services_is_no_subject() -> None:
    matcher = CompanyMatcher(()).with_entries([CompanyEntry("Zentria"), CompanyEntry("Quorvel")])
    story = Article(
        "Zentria opens a photo-sharing site",
        (
            "Software maker Zentria is launching a photo-sharing service for its e-mail users. "
            "It trails rivals such as Quorvel, which already offer services that let people "
            "post pictures. The new site will carry banner adverts. Quorvel and others already "
            "offer free storage to anyone with an account. Zentria said the service would be free.",
        ),
    )
    subjects = {m.name for m in matcher.find(story) if m.subject}
    assert subjects == {"Zentria"}


def test_a_producer_listed_beside_a_sue_is_in_no_lawsuit() -> None:
    matcher = CompanyMatcher(()).with_entries([CompanyEntry("Halvard Books")])
    story = Article(
        "Play leads award shortlist",
        (
            "The nominations for the drama awards were announced on Tuesday. "
            "Best play: The Long Night, produced by Halvard Books, Sue Marsh and Tom Reid. "
            "Best revival: Summer Rain, produced by Halvard Books, Sue Marsh and Ann Lee. "
            "The ceremony takes place in June.",
        ),
    )
    assert [m.subject for m in matcher.find(story)] == [False]
