"""Who only comments on what a story's lead reports is not made its subject (``agents.py``,
``makers.py``): a bank forecasting the economy or a market is a source (guide rule 7), "It"
names a deal's party only when it stands for a company, and an agency credited with a
picture made nothing the story is about."""

from __future__ import annotations

import re
from collections.abc import Callable

from growth import FACTOR, LINEAR_BOUND, growth

from summarizer.article import Article
from summarizer.companies.aboutness.forecasts import forecaster
from summarizer.companies.aboutness.occurrences import Occurrence
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher


def _subjects(names: list[str], text: str, title: str = "") -> dict[str, bool]:
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(n) for n in names])
    return {m.name: m.subject for m in matcher.find(Article(title, (text,)))}


# What follows a lead: about prices and households, naming no company.
_REST = (
    "Households have seen their bills climb for most of the past year. "
    "Officials said the worst of the rise might be over by the autumn. "
    "Wages have not kept pace, and savings have fallen to a ten-year low. "
    "Ministers are to meet on Thursday to discuss help for the poorest families."
)


def test_a_bank_forecasting_the_economy_or_a_market_in_the_lead_is_a_source() -> None:
    for lead in (
        "Carrow Stanhope expects the Fed to cut interest rates twice before the end of the year. ",
        "Carrow Stanhope has raised its forecast for oil prices for the rest of the year. ",
        "Carrow Stanhope has cut its forecast for global growth to 2.1% this year. ",
        "Carrow Stanhope expects US inflation to slow to 3% by December. ",
        "Carrow Stanhope predicted that the pound would fall against the euro this summer. ",
        "Carrow Stanhope is forecasting economic growth of 1.5% next year. ",
    ):
        assert _subjects(["Carrow Stanhope"], lead + _REST) == {"Carrow Stanhope": False}, lead


def test_a_company_forecasting_its_own_business_in_the_lead_is_a_subject() -> None:
    for lead in (
        "Dorvelle Dips expects sales to rise 5% this year after a record Christmas. ",
        "Dorvelle Dips expects to cut 900 jobs this year as it closes two plants. ",
        "Dorvelle Dips has cut its forecast for full-year sales after a wet summer. ",
        "Dorvelle Dips expects prices for its dips to rise by the autumn. ",
        "Dorvelle Dips expects oil prices to push up its costs this year. ",
        "Dorvelle Dips expects oil demand from its plants to double by 2030. ",
        "Dorvelle Dips is expecting sales to rise 5% this year. ",
    ):
        assert _subjects(["Dorvelle Dips"], lead + _REST) == {"Dorvelle Dips": True}, lead


_DEAL = "It plans to buy Trennick Radio and the holding firm, Orsay Publishing, for $400m. "
_DEAL_REST = (
    "The combined group would have 4,000 staff. "
    "Listeners have been told their stations will stay on air. "
    "The deal needs the approval of the competition regulator. "
    "A decision is expected by the summer."
)


def test_it_names_a_deals_parties_only_when_it_stands_for_a_company() -> None:
    names = ["Holvane Media", "Trennick Radio", "Orsay Publishing"]
    for opening in (
        "Holvane Media is to become the largest regional broadcaster in the country. ",
        # "It" may stand for a company "It" stood for before, or one described unnamed.
        "Holvane Media is to become the largest broadcaster. It has made four deals. ",
        "A Welsh media firm is to become the largest regional broadcaster in the country. ",
    ):
        found = _subjects(names, opening + _DEAL + _DEAL_REST)
        assert found["Trennick Radio"] and found["Orsay Publishing"], opening
    for opening in (
        "Advertising revenue at regional stations fell sharply in the first three months. ",
        "The government has promised to protect local news from cuts. ",
        "Jo Marsh has stepped down as chairman of the national radio regulator. ",
    ):
        found = _subjects(names, opening + _DEAL + _DEAL_REST)
        assert found == {"Trennick Radio": False, "Orsay Publishing": False}, opening


_TOWN = (
    "Villagers in the hills above Tarnow can now see a doctor without leaving home. Clinics "
    "in three valleys share one video link, and nurses say waiting lists have halved. "
)


def test_an_agency_credited_with_a_picture_is_no_maker() -> None:
    for credit in (
        "The photo was supplied by Lensmark Images. ",
        "The picture, provided by Lensmark Images, shows a nurse at work. ",
        "Footage provided by Lensmark Images shows the first call. ",
    ):
        story = _TOWN + credit + "Nurses liked the link."
        found = _subjects(["Lensmark Images"], story, "Doctors come to the valley")
        assert found == {"Lensmark Images": False}, credit
    made = _TOWN + "The camera was made by Lensmark Images. Nurses liked the link."
    found = _subjects(["Lensmark Images"], made, "Doctors come to the valley")
    assert found == {"Lensmark Images": True}


def test_forecasters_in_a_long_paragraph_with_no_full_stop_are_read_in_linear_time() -> None:
    # 200 KB, no full stop: each forecaster used to read the rest of the paragraph for words
    # of its own business (58 s here through ``find``).
    def make(n: int) -> Callable[[], bool]:
        text = "Carrow Stanhope expects the Fed to cut rates; " * n
        found = re.finditer("Carrow Stanhope", text)
        occs = [Occurrence(0, 1, m.start(), m.end()) for m in found]
        return lambda: all(forecaster(o, text) for o in occs)

    assert make(4400)()
    assert growth(make, 4400 // FACTOR) < LINEAR_BOUND
