"""How a summary focused on a company opens (alerts, /news, ``--company``): on a sentence
naming the company, unless that one leans on the sentence before it ("It", "This
merger", '"It is a blow," ...'): then on the sentences it leans on, the company's right
after them. Invented stories."""

from __future__ import annotations

import pytest

from summarizer.article import Article
from summarizer.summarize import summarize

FILLER = (
    "Analysts expect regulators in Europe to approve the deal by the end of June.",
    "The printer market has shrunk for five years as offices print less paper.",
    "Shares in the sector rose 2 per cent in New York trading on Monday afternoon.",
)


def _summary(*sentences: str, count: int = 3, algorithm: str | None = None) -> tuple[str, ...]:
    article = Article("", (" ".join((*sentences, *FILLER)),))
    return summarize(article, sentences=count, company="Initech", algorithm=algorithm).sentences


@pytest.mark.parametrize(
    "leaning",
    [
        "This merger will make Initech the second-largest maker of printers in the world.",
        '"It is a blow to the whole printer industry," said an analyst at Initech in London.',
        "Another buyer, Initech, had offered $1.8 billion for the printer arm in March.",
        "Then Initech said it would not raise its own offer for the printer business.",
    ],
)
def test_a_company_sentence_leaning_on_the_one_before_comes_after_it(leaning: str) -> None:
    # Not only "It" or "This is": a demonstrative before a noun, a quotation opening on
    # "It", "Another", "Then" all lean on the sentence before.
    before = "Globex agreed to buy the printer arm of Hooli for $2 billion on Monday."
    assert _summary(before, leaning)[:2] == (before, leaning)


def test_the_sentences_a_company_sentence_leans_on_come_back_to_one_that_reads_alone() -> None:
    story = (
        "Globex hired Jo Smith to run its printer business in London in 2003.",
        "She doubled the business's sales of office printers within two years.",
        "Her team later lost that lead in office printers to Initech of Ohio.",
    )
    assert _summary(*story) == story


@pytest.mark.parametrize(
    ("alone", "shown"),
    [
        ('"We will appeal against the ruling in every court," Initech said on Monday.', None),
        ("This year, Initech sold more office printers in Europe than any of its rivals.", None),
        (
            "But a spokesman for Initech declined to comment on the printer business deal.",
            "A spokesman for Initech declined to comment on the printer business deal.",
        ),
    ],
)
def test_a_company_sentence_that_reads_alone_still_opens(alone: str, shown: str | None) -> None:
    # "We" opening a quotation the sentence attributes is the speaker's side; "This year"
    # dates the sentence; a "But" the summary drops leaves a sentence that reads alone.
    before = "Globex agreed to buy the printer arm of Hooli for $2 billion on Monday."
    assert _summary(before, alone)[0] == (shown or alone)


def test_a_readable_sentence_naming_the_company_opens_before_a_leaning_one() -> None:
    # With Lead-3 both sentences naming Initech are picked: the one reading alone opens,
    # not the "Also ..." that leans on the sentence before it.
    story = (
        "Video games sold better than ever in Britain in 2004, the trade body said.",
        "Also the download service Initech built let many players skip the shops.",
        "Initech has yet to say how many copies of its games were sold that way.",
    )
    assert _summary(*story, algorithm="lead")[0] == story[2]


def test_which_openings_need_the_sentence_before() -> None:
    from summarizer.algorithms.openers import needs_antecedent

    for leaning in (
        "It fell.",
        "They're buying.",
        "That’s why it sold.",
        "Its profit rose.",
        "This is a blow to Acme.",
        "This merger will help Acme.",
        "These figures show Acme grew.",
        '"It is absurd," Acme said.',
        '"We will appeal."',  # no one says who "we" are
        "But he told Acme so.",
        "Another buyer was Acme.",
    ):
        assert needs_antecedent(leaning), leaning
    for alone in (
        "Acme fell.",
        '"We will appeal," Acme said.',
        "“We’ll see a pickup in sales”, an economist at Acme said.",
        "This year, Acme grew.",
        "That week Acme grew.",
        "But a spokesman for Acme said no.",
        "US exports rose.",
    ):
        assert not needs_antecedent(alone), alone
