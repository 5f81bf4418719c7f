"""The other party of the head company's deal, named as the subject of an opening sentence,
is a subject however seldom it is named (``aboutness/counterparts.py``); a company owned by
the head, a supplier, one with a deal of its own, or a source is not."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher

_NAMES = [
    "Holcor",
    "Aggregate Foods",
    "Dunmore",
    "Kestrel Stores",
    "Varrow Bank",
    "Kestrel Aero",
    "Varrow Air",
]
_LATER = (
    "Holcor is the world's second-biggest cement maker. "
    "Holcor shares rose 2% in Zurich. Holcor has made 12 purchases this year. "
    "Holcor will report its results next month."
)


def _subjects(title: str, *paragraphs: str) -> dict[str, bool]:
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(n) for n in _NAMES])
    return {m.name: m.subject for m in matcher.find(Article(title, paragraphs))}


def _story(sentence: str) -> dict[str, bool]:
    opening = (
        "Swiss cement firm Holcor has bid $800m to buy two Indian cement firms. "
        "Shares in the Indian firms fell 5% as investors sold. " + sentence
    )
    return _subjects("Swiss cement firm in buying spree", opening, _LATER)


def test_a_company_agreeing_a_takeover_by_the_head_company_is_a_subject() -> None:
    found = _story(
        "Meanwhile, UK firm Aggregate Foods said it had agreed a £1.8bn takeover by Holcor."
    )
    assert found["Aggregate Foods"] is True


def test_a_company_paying_the_head_company_is_a_subject() -> None:
    title = "Kestrel Stores to axe 3,200 jobs"
    story = (
        "Kestrel Stores is to close 126 of its shops. The firm has lost £100m on them. "
        "About 800 staff will move with the 33 stores that are left. "
        "Dunmore is to pay Kestrel Stores £44m for the 33 stores."
    )
    more = "Kestrel Stores said it would now focus on its catalogue. Kestrel Stores shares fell."
    assert _subjects(title, story, more)["Dunmore"] is True


def test_an_owner_a_supplier_a_side_deal_or_a_source_is_no_subject() -> None:
    for sentence in (
        # owned by the head company, in an aside: background
        "Aggregate Foods, bought by Holcor in 2001, runs 142 quarries.",
        # a supplier selling to the head company is no party to its deal
        "Aggregate Foods sells its gravel to Holcor.",
        # a deal with another company than the head one
        "Aggregate Foods said it had agreed a takeover by Dunmore.",
        # a source quoted on the deal
        "Analysts at Varrow Bank said a takeover by Holcor was likely.",
    ):
        found = _story(sentence)
        assert found.get("Aggregate Foods", False) is False, sentence
        assert found.get("Varrow Bank", False) is False, sentence


def test_the_deal_sentence_far_into_the_story_is_background() -> None:
    filler = " ".join(f"Holcor opened plant number {n} in India." for n in range(8))
    late = "Aggregate Foods said it had agreed a £1.8bn takeover by Holcor."
    found = _subjects("Swiss cement firm in buying spree", filler, late)
    assert found["Aggregate Foods"] is False


def _plane_story(lead: str, later: str = "") -> dict[str, bool]:
    rest = (
        "Kestrel Aero says the plane burns 20% less fuel. Kestrel Aero shares rose 4%. "
        "Kestrel Aero will build 30 of the planes a year. " + later
    )
    return _subjects("First Kestrel Aero superjumbo delivered", lead, rest)


def test_the_buyer_the_head_company_delivers_to_in_the_lead_is_a_subject() -> None:
    lead = "The first superjumbo, made by Kestrel Aero, was delivered today to Varrow Air."
    assert _plane_story(lead)["Varrow Air"] is True


def test_a_sale_without_the_head_or_past_the_lead_names_no_buyer() -> None:
    opening = "The first superjumbo, made by Kestrel Aero, was handed over in a ceremony today."
    for lead, later in (
        # past the lead (its first three sentences)
        (opening, "The next planes will be delivered to Varrow Air in 2008."),
        # a sale the head company is no party to
        (opening + " Rival Dunmore sold 20 jets to Varrow Air last year.", ""),
        # sold to buyers the sentence goes on to list: no buyer right after "to"
        (opening + " Kestrel Aero sold its shares to investors including Varrow Air.", ""),
    ):
        assert _plane_story(lead, later).get("Varrow Air", False) is False, lead
