"""A company named in one list with a subject of the story, the list acting as one ("A and B
would both support ..."), is a subject too (``aboutness/together.py``); a list after a
preposition, one that only undergoes something, or one without a subject is not."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher

_NAMES = ["Kestrel Games", "Vorlex", "Dunmore", "Halbrook", "Varrow Bank"]
_OPENING = (
    "The next-generation disc format is winning more supporters than its rival. "
    "Kestrel Games said its new titles would use the format from next year. "
)
_LATER = (
    "Kestrel Games expects the format to cut its costs. Kestrel Games shares rose 3%. "
    "The new discs hold six times as much as today's."
)


def _subjects(*paragraphs: str) -> dict[str, bool]:
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(n) for n in _NAMES])
    found = matcher.find(Article("Games win for disc format", paragraphs))
    return {m.name: m.subject for m in found}


def test_a_company_acting_together_with_a_subject_is_a_subject() -> None:
    sentence = "The group said that games giants Kestrel Games and Vorlex would both support it."
    found = _subjects(_OPENING + sentence, _LATER)
    assert found["Kestrel Games"] is True
    assert found["Vorlex"] is True


def test_three_companies_all_acting_are_all_subjects() -> None:
    sentence = "Kestrel Games, Dunmore and Vorlex are all expected to release new discs."
    found = _subjects(_OPENING + sentence, _LATER)
    assert found["Dunmore"] is True
    assert found["Vorlex"] is True


def test_lists_that_do_not_act_together_with_a_subject_give_no_subject() -> None:
    for sentence in (
        # a participle: the list only undergoes something
        "Shares fell, with Kestrel Games, Dunmore and Vorlex all falling by 7%.",
        # "all too" is no quantifier of the list
        "Kestrel Games and Vorlex are all too aware of the risk.",
        # the subject is in a phrase of its own before the list
        "As well as Kestrel Games, Dunmore and Vorlex have all backed the format.",
        # no subject of the story in the list
        "Dunmore, Halbrook and Vorlex have all invested in China.",
    ):
        found = _subjects(_OPENING + sentence, _LATER)
        assert found.get("Vorlex", False) is False, sentence
        assert found.get("Dunmore", False) is False, sentence
