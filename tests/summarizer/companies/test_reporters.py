"""A news outlet named only as the one reporting the story is a source, not a subject
(labelling guide rules 5 and 7): ``reporters.py``. Its own news keeps it a subject."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from growth import FACTOR, LINEAR_BOUND, growth

from summarizer.article import Article
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.occurrences import Occurrence
from summarizer.companies.aboutness.reporters import reporters
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher


def _subjects(title: str, paragraphs: tuple[str, ...], *names: str) -> dict[str, bool]:
    """Whether each of ``names`` (followed, as after ``/subscribe``) is a subject."""
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(name) for name in names])
    return {m.name: m.subject for m in matcher.find(Article(title, paragraphs))}


# Stories crediting an outlet with their news: (why, headline, paragraphs, the other company).
_REPORTED = [
    (
        "an outlet opening the story with what it reported",
        "Founder to leave Dorvelle",
        (
            "The Tidewire news agency has reported that Ana Marsh, founder of snack maker "
            "Dorvelle, will step down as its chief executive in June.",
            "Dorvelle said its finance chief would run the firm until a successor is found. "
            "Dorvelle shares rose 2%.",
        ),
        "Dorvelle",
    ),
    (
        "an outlet reporting and told the news throughout",
        "Keston shares slump on oil report",
        (
            "Shares in oil explorer Keston halved on a report that it had lost a contract.",
            "The Tidewire news agency reported that the ministry gave the first contracts "
            "to two other firms. Keston said it had heard nothing.",
            "Brasco is reported by Tidewire to have won a contract for the northern field. "
            "Halvan has denied to Tidewire that it is the other winner.",
        ),
        "Keston",
    ),
]


@pytest.mark.parametrize(
    ("why", "title", "paragraphs", "other"), _REPORTED, ids=[r[0] for r in _REPORTED]
)
def test_an_outlet_credited_with_the_news_is_no_subject(
    why: str, title: str, paragraphs: tuple[str, ...], other: str
) -> None:
    assert _subjects(title, paragraphs, "Tidewire", other) == {
        other: True,
        "Tidewire": False,
    }, why


def test_an_outlet_whose_own_business_is_the_story_stays_a_subject() -> None:
    found = _subjects(
        "Tidewire profits rise",
        (
            "News agency Tidewire reported that its profits rose 12% last year, helped by "
            "sales of its financial data terminals.",
            "Tidewire's chief executive said the firm would hire 300 journalists.",
        ),
        "Tidewire",
    )
    assert found == {"Tidewire": True}


def _reporters(text: str, *names: str) -> set[str]:
    """The ``names`` that ``reporters`` finds in one paragraph."""
    occs = [
        Occurrence(entry, 1, m.start(), m.end())
        for entry, name in enumerate(names)
        for m in re.finditer(re.escape(name), text)
    ]
    return {names[e] for e in reporters(occs, Layout(["", text]))}


@pytest.mark.parametrize(
    "text",
    [
        "The mine will close, the ministry told Tidewire.",
        "The mine will close, the ministry told the news agency Tidewire.",
        "The plan was first reported by Tidewire.",
        "Keston confirmed to Tidewire that the mine would close.",
        "The Tidewire newspaper said the mine would close.",
    ],
)
def test_what_an_outlet_reports_or_is_told_makes_it_a_reporter(text: str) -> None:
    assert _reporters(text, "Tidewire") == {"Tidewire"}


@pytest.mark.parametrize(
    "text",
    [
        "Interfax reported that the mine would close.",
        "Interfax, citing two officials, reported on Monday that the mine would close.",
        "The Sunday Chronicle has reported that the mine would close.",
    ],
)
def test_an_agency_or_newspaper_reporting_that_is_a_reporter(text: str) -> None:
    name = "Interfax" if "Interfax" in text else "Sunday Chronicle"
    assert _reporters(text, name) == {name}


def test_any_other_company_reporting_that_tells_its_own_news() -> None:
    """ "X has reported that like-for-like sales fell": its results, not a report."""
    text = "Tidewire has reported that like-for-like sales fell 2% over Christmas."
    assert not _reporters(text, "Tidewire")
    found = _subjects("Christmas sales slide", (text, "Analysts expected less."), "Tidewire")
    assert found == {"Tidewire": True}


@pytest.mark.parametrize(
    "text",
    [
        "The Sunday Chronicle says the board considered a buyout. The mine will close, "
        "the Sunday Chronicle said.",
        "The Sunday Chronicle said the plan was bold, but the Sunday Chronicle report added "
        "that the bid is stalling.",
    ],
)
def test_a_newspapers_name_makes_what_it_says_a_report(text: str) -> None:
    assert _reporters(text, "Sunday Chronicle") == {"Sunday Chronicle"}
    # Any other company saying something speaks for itself.
    assert not _reporters(text.replace("Sunday Chronicle", "Tidewire"), "Tidewire")


@pytest.mark.parametrize(
    "text",
    [
        "The Sunday Chronicle said its profits fell.",
        "Shares in the Sunday Chronicle fell. The Sunday Chronicle said the mine would close.",
    ],
)
def test_a_newspaper_saying_something_about_its_own_business_is_no_reporter(text: str) -> None:
    assert not _reporters(text, "Sunday Chronicle")


@pytest.mark.parametrize(
    "text",
    [
        # Its own figures: a result, not a clause of news.
        "Tidewire reported a loss of $3m.",
        "Tidewire reported higher sales.",
        # Only credited: a company giving its own figures may be meant.
        "Sales rose 4%, according to Tidewire.",
        # Credited once, then acting on its own.
        "Tidewire reported that the mine would close. Tidewire plans to buy Keston.",
        # Its own business beside the name.
        "Tidewire reported that its profits fell. Shares in Tidewire fell.",
        "Tidewire's chief executive reported that the mine would close.",
    ],
)
def test_an_outlet_named_for_its_own_news_is_no_reporter(text: str) -> None:
    assert not _reporters(text, "Tidewire")


def test_a_long_paragraph_naming_an_outlet_throughout_is_read_in_linear_time() -> None:
    # 200 KB with no sentence end: each mention's windows are bounded, so the rule is linear.
    clause = "Tidewire reported that the ministry told Tidewire, the daily, about it; "

    def make(n: int) -> Callable[[], set[int]]:
        text = clause * n
        occs = [Occurrence(0, 1, m.start(), m.end()) for m in re.finditer("Tidewire", text)]
        return lambda: reporters(occs, Layout(["", text]))

    size = 200_000 // len(clause)
    assert make(size)() == {0}
    assert growth(make, size // FACTOR) < LINEAR_BOUND
