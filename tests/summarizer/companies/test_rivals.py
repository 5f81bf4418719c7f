"""A company the story introduces as a rival of its head company is a comparison, not a
subject, however often it comes back (``aboutness/rivals.py``); a rival in a deal, one named
in the headline, or a rival product's maker is not capped."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher

_NAMES = ["Kestrel Aero", "Varrow", "Dunmore"]
_TITLE = "Kestrel Aero unveils new long-range plane"


def _salience(title: str, *paragraphs: str) -> dict[str, float]:
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(n) for n in _NAMES])
    return {m.name: m.salience for m in matcher.find(Article(title, paragraphs))}


def _story(sentence: str, title: str = _TITLE) -> dict[str, float]:
    opening = (
        "US aircraft firm Kestrel Aero has unveiled its new long-distance plane. "
        "The plane can fly 11,000 miles non-stop. " + sentence
    )
    later = (
        "Varrow, which overtook Kestrel Aero as the top planemaker in 2003, is focusing on "
        "super jumbos. Analysts say the tussle between Kestrel Aero and Varrow may be a "
        "defining moment. Varrow has sold 120 of its jumbos. Varrow says big planes save fuel."
    )
    return _salience(title, opening, later)


def test_a_rival_set_beside_the_head_company_is_no_subject() -> None:
    found = _story("Kestrel Aero, in contrast to European rival Varrow, backs smaller planes.")
    assert found["Varrow"] < 0.5
    assert found["Kestrel Aero"] >= 0.5


def test_a_rival_in_a_deal_or_in_the_headline_is_not_capped() -> None:
    for sentence, title in (
        ("Kestrel Aero is also to buy rival Varrow for $2bn.", _TITLE),
        ("Kestrel Aero and rival Varrow held talks over a merger last week.", _TITLE),
        (
            "Kestrel Aero, in contrast to European rival Varrow, backs smaller planes.",
            "Kestrel Aero takes on Varrow",
        ),
    ):
        assert _story(sentence, title)["Varrow"] >= 0.5, sentence


def test_the_maker_of_a_rival_product_is_not_capped() -> None:
    capped = _story("Kestrel Aero, in contrast to European rival Varrow, backs smaller planes.")
    other = _story("Kestrel Aero backs smaller planes than a rival design built by Varrow.")
    assert other["Varrow"] > capped["Varrow"]
