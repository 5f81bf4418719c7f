"""Companies the story describes (``described.py``): appositives, copulas, roles, lead-ins."""

from __future__ import annotations

from collections.abc import Callable, Container

import pytest
from growth import FACTOR, LINEAR_BOUND, growth

from seeds import companies_file
from summarizer.companies.finding.discover import discover
from summarizer.companies.matcher import CompanyMatcher, load_registry


@pytest.fixture(scope="module")
def known() -> Container[str]:
    return CompanyMatcher(load_registry(companies_file().read_text(encoding="utf-8")))._lookup


def test_an_appositive_names_a_company_but_not_a_person_or_place(known: Container[str]) -> None:
    parts = [
        "Flights cut",
        "Under a deal with Zorvalia, Romania's largest airline, fares fell. Quintrelle, the "
        "Italian dairy firm. Plavetti, a small software company that few know, grew. "
        "Jo Brankovic, a bank manager, said no. Kerrimont Vale, the firm's founder, smiled. "
        "Sales rose in Valdorovka, the company said.",
    ]
    assert sorted(discover(parts, known=known)) == ["Plavetti", "Quintrelle", "Zorvalia"]


def test_a_copula_names_a_company_but_not_a_job(known: Container[str]) -> None:
    parts = [
        "Touch in the air",
        "Tessarion is a young company with a big dream. Mirelda Vostrikova is a company "
        "director. On Tuesday Halvexa, the only car firm in the red, said so.",
    ]
    assert discover(parts, known=known) == ["Tessarion", "Halvexa"]


def test_a_unit_subsidiary_or_arm_of_a_company_is_one(known: Container[str]) -> None:
    parts = [
        "Stake sold",
        "Quorvel-Eco, the venture capital arm of Dravnik Holdings, sold its stake. Pellistra, a "
        "unit of the state railway, was not involved. Tavernio is a subsidiary of a bank. "
        "Justice, the long arm of the law, came late.",
    ]
    found = sorted(discover(parts, known=known))
    assert found == ["Dravnik Holdings", "Pellistra", "Quorvel-Eco", "Tavernio"]


def test_a_role_only_companies_have_names_one(known: Container[str]) -> None:
    parts = [
        "Haptics",
        "Tom Carter, Hapticora' CTO, sees potential. Brixolent's chief executive left. "
        "Mr Dravenko's spokesman said nothing.",
    ]
    assert discover(parts, known=known) == ["Hapticora", "Brixolent"]


def test_a_short_form_of_a_registry_company_in_the_story_is_not_another(
    known: Container[str],
) -> None:
    parts = [
        "Budget Aston takes on Porsche",
        "British car maker Aston Martin has a new car. Aston's chief executive spoke. "
        "Scottish & Newcastle grew; S&N's chief executive was pleased.",
    ]
    assert discover(parts, known=known) == []


def test_chains_carmakers_distributors_and_auction_houses_lead_into_names(
    known: Container[str],
) -> None:
    parts = [
        "Deals",
        "The salad chain Sumovia dropped him. US-German carmaker Drevantis holds 30%. "
        "The film's distributor Tohoraku expects more. The auction house Rabelot sold it. "
        "The chain Tom Brady liked closed.",
    ]
    found = discover(parts, known=known)
    assert sorted(found) == ["Drevantis", "Rabelot", "Sumovia", "Tohoraku"]


def test_a_company_word_leads_into_a_name_of_ordinary_words_but_not_a_person(
    known: Container[str],
) -> None:
    """After "firm", "carrier" and the like a name may be made of ordinary words ("Lateral
    Visions") or start with a digit ("3ami"); a person or job title is still no company,
    and neither are a bare number or a technology's plural kind ("networks called X")."""
    parts = [
        "Firms",
        "Leeds-based games firm Silent Harbour Studios grew. Security firm 4orvex said so. "
        "Thai budget carrier Nine-Ten-Fly Airlines grounded jets. The record company Rick "
        "Dalton founded closed. The firm Chief Executive Jo Smith runs lost money. The firm "
        "10m shares. Two networks called Open Wave Radio launched.",
    ]
    found = discover(parts, known=known)
    assert sorted(found) == ["4orvex", "Nine-Ten-Fly Airlines", "Silent Harbour Studios"]


def test_a_trade_and_group_lead_into_a_name_but_not_a_cause_or_band(
    known: Container[str],
) -> None:
    """ "publishing group X" and "leisure group X" name a business; "pressure group X",
    "rights group X" and "pop group X" do not."""
    parts = [
        "Groups",
        "Irish publishing group Dunmore News & Media bought a stake. British leisure group "
        "Kestrava went into administration. Pressure group Greenvoice protested. Rights "
        "group Libervox objected. Pop group Starlune sang.",
    ]
    found = discover(parts, known=known)
    assert sorted(found) == ["Dunmore News & Media", "Kestrava"]


def test_a_plural_company_word_leads_into_both_names_of_a_pair(known: Container[str]) -> None:
    """ "Nigerian banks A and B", "hedge funds A and B": each is a company."""
    parts = [
        "Merger",
        "Nigerian banks Union Bank of Kwara and Granite Trust Bank agreed to merge, opposed "
        "by hedge funds Corvexa and Maltrix.",
    ]
    found = discover(parts, known=known)
    assert sorted(found) == ["Corvexa", "Granite Trust Bank", "Maltrix", "Union Bank of Kwara"]


def test_a_name_an_owner_holds_as_its_unit_or_company_is_one(known: Container[str]) -> None:
    parts = [
        "Farms seized",
        "The group, whose Tarvelomir subsidiary runs the farms, objected. Bankers valued its "
        "demerged Lanterix Film unit at £300m. The studio is suing Ms Orlov's Paper Comet "
        "production company. Brakkeno's Quillstone arm grew.",
    ]
    found = sorted(discover(parts, known=known))
    assert found == ["Lanterix Film", "Paper Comet", "Quillstone", "Tarvelomir"]


def test_no_owner_or_a_unit_named_for_its_trade_or_product_names_no_company(
    known: Container[str],
) -> None:
    parts = [
        "Banking rules eased",
        "The Silver Lantern unit was closed. A Brakkeno subsidiary opened. The bank is looking "
        "for a partner for its new Islamic banking unit. The company's new Entertainment unit "
        "grew. Mr Orlov works in the Zentara division. Vornik's Cloud Server division, its "
        "Quillstone Server division and an army unit were moved.",
        # A unit or arm named in ordinary words says what it does or where it is.
        "The bank's Investment Banking unit will shrink, its Asia Pacific arm will close and "
        "its demerged Silver Lantern unit was sold.",
    ]
    assert discover(parts, known=known) == []


def test_a_long_paragraph_of_owned_names_is_read_in_linear_time(known: Container[str]) -> None:
    # 200 KB in one paragraph, 4,760 owned mentions: each is read from the 80 characters
    # before it, never from the paragraph's start (about 0.6 s here, 0.3 s for 80 KB).
    clause = "The group, whose Tarvelomir subsidiary runs farms, and its Lanterix Film unit grew "

    def make(n: int) -> Callable[[], list[str]]:
        return lambda: discover(["Farms", clause * n], known=known)

    size = 200_000 // len(clause)
    assert sorted(make(size)()) == ["Lanterix Film", "Tarvelomir"]
    assert growth(make, size // FACTOR) < LINEAR_BOUND
