"""A company a legal case is brought against is a party to it, however seldom it is named
("families launch legal action against the ferry firm, as well as its owner X and insurer Y",
"X was also the subject of a complaint"; ``cases.py``, labelling guide rule 8). A game "in
action against" a club, or a case the sentence dates by a year, makes no party."""

from __future__ import annotations

import re
from collections.abc import Callable

from company_subjects import subjects as _subjects
from growth import FACTOR, LINEAR_BOUND, growth

from summarizer.companies.aboutness.cases import defendants
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence

_FERRY = (
    "A ferry company has cancelled every crossing for the rest of the winter, blaming the "
    "price of fuel. The boats will stay in port until March, the Harwick Line said. {case} "
    "Passengers holding tickets will get their money back. Ports along the coast said they "
    "expected quieter months. Fuel has risen sharply since the summer, and other operators "
    "are also reviewing their timetables. Unions said they would meet managers next week."
)
_NAMES = ["Harwick Line", "Tollmere Holdings", "Brackwater Leasing"]


def test_every_company_a_case_is_brought_against_is_a_subject() -> None:
    case = (
        "The news comes as families of those hurt in an accident last year launch legal "
        "action against the operator, as well as its owner Tollmere Holdings and lessor "
        "Brackwater Leasing."
    )
    found = _subjects(_NAMES, _FERRY.format(case=case))
    assert found == {"Harwick Line": True, "Tollmere Holdings": True, "Brackwater Leasing": True}
    named = (
        "Two of its former managers are named as defendants, along with Tollmere Holdings "
        "and Brackwater Leasing, in a complaint filed on Monday."
    )
    found = _subjects(_NAMES, _FERRY.format(case=named))
    assert found["Tollmere Holdings"] and found["Brackwater Leasing"]
    filed = (
        "The lawsuit to recover lost wages for the crews was filed against the Tollmere "
        "Holdings and Brackwater Leasing offices."
    )
    found = _subjects(_NAMES, _FERRY.format(case=filed))
    assert found["Tollmere Holdings"] and found["Brackwater Leasing"]


def test_the_target_of_a_complaint_inquiry_or_bid_or_who_asks_a_court_is_a_party() -> None:
    for case in (
        "Its adviser Tollmere Holdings was also the subject of a complaint filing.",
        "Tollmere Holdings, its largest shareholder, is the target of a hostile takeover bid.",
        "Its lender Tollmere Holdings, which is owed $5m, has asked the court to freeze its "
        "accounts.",
    ):
        assert _subjects(_NAMES, _FERRY.format(case=case))["Tollmere Holdings"], case
    for aside in (
        "Its adviser Tollmere Holdings was also the subject of a glowing profile.",
        "In 2003 Tollmere Holdings was the focus of an inquiry into fares.",
        "Its lender Tollmere Holdings, which is owed $5m, has asked the council to wait.",
    ):
        assert not _subjects(_NAMES, _FERRY.format(case=aside))["Tollmere Holdings"], aside


def test_a_game_a_dated_case_or_a_mere_list_makes_no_party() -> None:
    game = "Its crews cheer a club the line sponsors, seen in action against Tollmere Holdings."
    assert not _subjects(_NAMES, _FERRY.format(case=game))["Tollmere Holdings"]
    dated = "In March 2001 the line won an injunction against Tollmere Holdings, a rival."
    assert not _subjects(_NAMES, _FERRY.format(case=dated))["Tollmere Holdings"]
    undated = dated.replace("In March 2001 the", "The")
    assert _subjects(_NAMES, _FERRY.format(case=undated))["Tollmere Holdings"]
    listed = "Its rivals Tollmere Holdings and Brackwater Leasing kept sailing."
    found = _subjects(_NAMES, _FERRY.format(case=listed))
    assert not found["Tollmere Holdings"] and not found["Brackwater Leasing"]


def test_a_long_paragraph_of_cases_is_read_in_linear_time() -> None:
    # 200 KB in one paragraph, a case in each sentence: each party found used to split the
    # whole paragraph into sentences again to look for a year (about 5 s here via ``find``).
    # With no full stop (one sentence), each read that sentence for a year up to itself.
    for end in (". ", "; "):

        def make(n: int, end: str = end) -> Callable[[], set[int]]:
            text = f"Tollmere Holdings was also the subject of a complaint filing{end}" * n
            found = re.finditer("Tollmere Holdings", text)
            occs = [Occurrence(0, 1, m.start(), m.end()) for m in found]
            return lambda: defendants(occs, Layout(["", text]))

        assert make(3100)() == {0}, end
        assert growth(make, 3100 // FACTOR) < LINEAR_BOUND, end
