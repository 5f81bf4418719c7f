"""A company named for one of its products is named in passing (labelling guide rule 4):
``products.py``. Its maker still answers for a product failing, and sells one in a deal."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from growth import FACTOR, LINEAR_BOUND, growth

from summarizer.article import Article
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence
from summarizer.companies.aboutness.products import failing, names_product, product_mentions
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher


def _found(title: str, paragraphs: tuple[str, ...], *names: str) -> dict[str, bool]:
    """Whether each of ``names`` (followed, as after ``/subscribe``) is a subject."""
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(name) for name in names])
    return {m.name: m.subject for m in matcher.find(Article(title, paragraphs))}


def _after(text: str) -> bool:
    """Whether "Zorvex" at the start of ``text`` names one of its products."""
    assert text.startswith("Zorvex")
    return names_product(text, len("Zorvex"))


@pytest.mark.parametrize(
    "text",
    [
        "Zorvex Skyphone is at number two.",  # a product's own name
        "Zorvex iPad-like Tabla sold out.",  # a name with a lower-case lead letter
        "Zorvex Q40 landed.",  # a model number
        "Zorvex 767 was delivered.",
        "Zorvex films made $2bn.",  # a work
        "Zorvex superhero film opened.",
        "Zorvex book is out in May.",
    ],
)
def test_a_product_or_a_work_after_the_name(text: str) -> None:
    assert _after(text)


@pytest.mark.parametrize(
    "text",
    [
        "Zorvex Group said profits rose.",  # a word that describes a company
        "Zorvex Inc. said profits rose.",  # a legal form
        "Zorvex UK said profits rose.",  # short capitals: a unit, an office or a title
        "Zorvex CEO Al Reyes said.",
        "Zorvex Flight 12 landed.",  # a flight is the airline's own doing
        "Zorvex Express, its budget arm, grew.",  # a dictionary word
        "Zorvex 2004 results were strong.",  # a year
        "Zorvex shows off a new phone.",  # verbs, not works
        "Zorvex books a profit.",
        "Zorvex will film the final.",
        "Zorvex said on Monday.",
    ],
)
def test_no_product_after_the_name(text: str) -> None:
    assert not _after(text)


def test_failing_sentences() -> None:
    for sentence in ("the jet crashed on landing.", "a design flaw", "the recall of 9,000 cars"):
        assert failing(sentence)
    assert not failing("the jet landed on time.")


_GADGETS = (
    "Readers pick a calculator as the gadget of the decade",
    (
        "A pocket calculator from 1972 has been voted the gadget of the decade by the "
        "readers of Kit Monthly.",
        "The magazine's top 50 also holds the Zorvex Skyphone at number two and the Zorvex "
        "Tunebox at number seven. The Zorvex Skyphone was the only phone in the top ten.",
        "The oldest entry is a slide rule. The first Zorvex Pocketcam, from 1988, is at number "
        "19, and a Zorvex Q40 pager is at number 30.",
        "The list is published in the magazine's March issue.",
    ),
)
_FILMS = (
    "Actor Dan Reyes dies at 51",
    (
        "Dan Reyes, the actor best known for his role in the 2015 Halvard superhero film Iron "
        "Gale, has died at 51.",
        "Reyes grew up in Ohio and studied drama in Chicago. He went on to appear in six "
        "Halvard films and in several television series.",
        "His family said he died at home after a long illness. Tributes were led by his "
        "co-stars in the Halvard films.",
    ),
)


def test_a_maker_named_only_for_its_products_is_no_subject() -> None:
    assert _found(*_GADGETS, "Zorvex") == {"Zorvex": False}
    assert _found(*_FILMS, "Halvard") == {"Halvard": False}


def test_the_maker_of_a_failing_product_or_one_in_a_deal_is_still_a_subject() -> None:
    crash = (
        "Plane lands on its belly",
        (
            "An airliner landed on its belly at Kelby airport on Tuesday after its landing "
            "gear failed.",
            "The aircraft, a Zorvex Q40, was carrying 52 passengers. None was hurt. "
            "Investigators said the landing gear had a flaw.",
            "The Zorvex Q40 crashed because a bolt failed. Zorvex said it would send engineers.",
        ),
    )
    assert _found(*crash, "Zorvex") == {"Zorvex": True}
    order = (
        "Skyway orders 40 jets",
        (
            "Budget airline Skyway has ordered 40 Zorvex Q40 jets in a deal worth $2bn.",
            "The Zorvex Q40 order is the largest this year. Skyway will get the first Zorvex "
            "Q40 in 2027, under a contract signed on Monday.",
        ),
    )
    assert _found(*order, "Zorvex", "Skyway") == {"Zorvex": True, "Skyway": True}


def test_a_long_paragraph_of_products_is_read_in_linear_time() -> None:
    # 200 KB in one paragraph, a product in each sentence: each mention used to split the
    # whole paragraph into sentences again (about 9 s here through ``find``). With no full
    # stop (one sentence), each lower-cased that sentence again to look for a failure.
    for end in (". ", "; "):

        def make(n: int, end: str = end) -> Callable[[], int]:
            text = f"The Zorvex Walkman came third, ahead of four Zorvex films{end}" * n
            occs = [Occurrence(0, 1, m.start(), m.end()) for m in re.finditer("Zorvex", text)]
            return lambda: len(product_mentions(occs, Layout(["", text])))

        assert make(3400)() == 2 * 3400, end
        assert growth(make, 3400 // FACTOR) < LINEAR_BOUND, end
