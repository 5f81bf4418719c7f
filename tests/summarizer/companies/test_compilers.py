"""The compiler of an index or survey whose figures a story reports is a source, not a subject
(labelling guide rule 7): ``compilers.py``. Its own news keeps it a subject."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from growth import FACTOR, LINEAR_BOUND, growth

from summarizer.article import Article
from summarizer.companies.aboutness.compilers import COMPILER_SALIENCE, bounded, compilers
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.makers import MAKER_SALIENCE
from summarizer.companies.aboutness.occurrences import Occurrence
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher


def _subjects(title: str, paragraphs: tuple[str, ...], *names: str) -> dict[str, bool]:
    """Whether each of ``names`` (followed, as after ``/subscribe``) is a subject."""
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(name) for name in names])
    return {m.name: m.subject for m in matcher.find(Article(title, paragraphs))}


# Stories whose figures come from one company's index or survey: (why, headline, paragraphs).
_COMPILED = [
    (
        "a lender's house price index, named in the headline",
        "Home prices climb again, says Brimwell",
        (
            "Home prices in England rose 0.9% in April, the third monthly rise in a row, "
            "Brimwell has said.",
            "The average home now costs £201,400, Brimwell said. Prices in the north rose "
            "fastest, by 2.1%.",
            "Economists said the Brimwell house price index was at odds with falling mortgage "
            "approvals. The Brimwell survey showed demand from first-time buyers easing.",
        ),
    ),
    (
        "a payroll firm's monthly survey of employers",
        "Paylex says employers shed 310,000 jobs",
        (
            "According to payroll processor Paylex, private employers cut 310,000 jobs in "
            "June, more than economists had expected.",
            "Paylex also revised its figures for May. The Paylex survey covers about 400,000 "
            "employers.",
            "Official jobs figures are due on Friday.",
        ),
    ),
    (
        "a publisher's list of the year's words",
        "'Selfie' tops words of the year",
        (
            'The word "selfie" was looked up more than any other this year, a US dictionary '
            "publisher has said.",
            'Wordwell said "selfie" headed its list of most looked-up words. Other words on '
            "the Wordwell list were tied to the year's storms. Wordwell defines a selfie as a "
            "photo one takes of oneself.",
            'Wordwell said lookups of "selfie" rose tenfold.',
        ),
    ),
    (
        "a consultancy forecasting the economy",
        "Boom years to end",
        (
            "Ten years of strong growth may end next year, City consultancy Harlow Reade has "
            "warned.",
            "Harlow Reade is forecasting economic growth of 1.5% next year, below the "
            "government's forecast. In its quarterly review, Harlow Reade said the economy had "
            "enjoyed a golden decade.",
            "Interest rates will fall to 4% by December, Harlow Reade believes. Harlow Reade's "
            "chief economist said households would feel the squeeze.",
        ),
    ),
    (
        "a lender's figures, spoken for by its economist",
        "Home prices edge up in March",
        (
            "Home prices in the UK rose 0.4% in March, says the Brimwell building society.",
            'Brimwell said prices had risen 0.3% in February. "Buyers are cautious, not '
            'fleeing," said Brimwell economist Kay Dunn.',
            "Prices would rise about 5% this year if this pace held, Brimwell said.",
        ),
    ),
    (
        "an index compiled by a consultancy",
        "Shoppers grow gloomier",
        (
            "Shoppers are at their gloomiest for two years, according to a confidence index "
            "compiled by Marrow Partners.",
            "Marrow Partners said its index fell four points to 91 in March. Marrow Partners "
            "has run the index since 1998.",
        ),
    ),
]


# Stories about the compiler's own business that also name its index or survey.
_OWN_NEWS = [
    (
        "its own profits",
        "Brimwell profits up 8%",
        (
            "Brimwell, the mortgage lender, made a profit of £2.1bn last year, up 8%.",
            "Lending rose as the Brimwell house price index showed prices rising 6% in the "
            "year. Brimwell said it would open 20 branches.",
        ),
    ),
    (
        "its chief executive speaking",
        "Brimwell sees slower year",
        (
            "Brimwell's chief executive said lending would slow this year.",
            "The Brimwell survey of home buyers showed demand easing. Brimwell said it "
            "would hold its mortgage rates.",
        ),
    ),
    (
        "its own profits, beside its forecast for the economy",
        "Harlow Reade profits jump",
        (
            "City consultancy Harlow Reade made a profit of £200m last year, up 20%.",
            "Harlow Reade is forecasting economic growth of 1.5% next year. Harlow Reade said "
            "its profits would rise again.",
        ),
    ),
    (
        "its own profits, beside its economist on the housing market",
        "Brimwell profits up 8%",
        (
            "The Brimwell building society made a profit of £2.1bn last year, up 8%.",
            "Home prices rose 6% in the year, said Brimwell economist Kay Dunn. Brimwell said "
            "it would open 20 branches.",
        ),
    ),
    (
        "a deal it is party to",
        "Brimwell agrees to buy Keston",
        (
            "Brimwell has agreed to buy rival lender Keston for £900m.",
            "Brimwell, which compiles the Brimwell house price index, said the deal would "
            "make it the second biggest lender.",
        ),
    ),
]


_STORIES = [(*c, False) for c in _COMPILED] + [(*c, True) for c in _OWN_NEWS]


@pytest.mark.parametrize(
    ("why", "title", "paragraphs", "subject"), _STORIES, ids=[c[0] for c in _STORIES]
)
def test_a_compiler_is_a_subject_only_when_its_own_business_is_the_story(
    why: str, title: str, paragraphs: tuple[str, ...], subject: bool
) -> None:
    found = _subjects(
        title, paragraphs, "Brimwell", "Paylex", "Marrow Partners", "Wordwell", "Harlow Reade"
    )
    assert found and set(found.values()) == {subject}, why


def _compilers(text: str, *names: str) -> set[str]:
    """The ``names`` that ``compilers`` finds in one paragraph."""
    occs = [
        Occurrence(entry, 1, m.start(), m.end())
        for entry, name in enumerate(names)
        for m in re.finditer(re.escape(name), text)
    ]
    return {names[e] for e in compilers(occs, Layout(["", text]))}


def test_only_the_company_whose_index_is_named_is_its_compiler() -> None:
    text = (
        "The Keston index of car sales showed sales falling 3%. Sales at Dorvelle fell most, "
        "Keston said."
    )
    assert _compilers(text, "Keston", "Dorvelle") == {"Keston"}
    # Shares in it, or its chairman, are its own business.
    assert not _compilers("Shares in Keston fell as the Keston index slid.", "Keston")
    assert not _compilers("The Keston survey, Keston chairman Al Reyes said, is out.", "Keston")
    # Someone else's chairman in the sentence is not.
    assert _compilers("Its chairman said the Keston survey is out.", "Keston") == {"Keston"}


def test_a_list_is_its_compilers_only_right_after_its_name() -> None:
    assert _compilers("The Keston list of top retailers is out.", "Keston") == {"Keston"}
    assert _compilers("Keston's annual ranking puts Dorvelle first.", "Keston") == {"Keston"}
    # Its product tops other people's lists: no list of its own.
    assert not _compilers("With the Keston Pad topping wish lists, stock is short.", "Keston")


@pytest.mark.parametrize(
    "text",
    [
        "Keston founder Ida Marsh said the Keston survey would now be monthly.",
        "The Keston survey is out, Keston spokeswoman Ann Poole said.",
        "The Keston poll, said Jo Tull, chief operating officer of Keston, is its largest.",
    ],
)
def test_every_officer_title_names_the_compilers_own_business(text: str) -> None:
    # The titles are the one list officers.py reads (cues.OFFICER_TITLE), founders and
    # spokespeople included.
    assert not _compilers(text, "Keston")


def test_a_compiler_is_capped_below_a_subject_even_if_it_opens_the_story() -> None:
    assert bounded(0.97, maker=False, compiler=True) == COMPILER_SALIENCE
    assert bounded(0.97, maker=True, compiler=True) == COMPILER_SALIENCE
    assert bounded(0.1, maker=False, compiler=True) == 0.1
    assert bounded(0.1, maker=True, compiler=False) == MAKER_SALIENCE


def test_a_long_sentence_naming_many_compilers_is_read_in_linear_time() -> None:
    # 200 KB with no sentence end: each compiler's mention used to search the whole
    # "sentence" again for the company's own business (about 40 s here through ``find``).
    for clause in ("Brimwell expects the Fed to cut rates; ", "the Brimwell survey showed it; "):

        def make(n: int, clause: str = clause) -> Callable[[], set[int]]:
            text = clause * n
            occs = [Occurrence(0, 1, m.start(), m.end()) for m in re.finditer("Brimwell", text)]
            return lambda: compilers(occs, Layout(["", text]))

        size = 200_000 // len(clause)
        assert make(size)() == {0}, clause
        assert growth(make, size // FACTOR) < LINEAR_BOUND, clause
