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


def _venture(sentence: str) -> dict[str, bool]:
    story = (
        "Software that logs every action on a PC is being tested in 20 offices. "
        "It was shown to buyers in London on Tuesday. " + sentence
    )
    later = (
        "Dunmore has come up with a way to prove that a stored file is untouched. "
        "Dunmore says 30 firms have signed up. Dunmore will sell it from June."
    )
    return _subjects(story, later)


def test_the_partner_in_a_joint_venture_with_a_subject_is_a_subject() -> None:
    found = _venture(
        "The system is a joint venture between security firm Vorlex and storage maker Dunmore."
    )
    assert found["Dunmore"] is True
    assert found["Vorlex"] is True


def test_a_merger_a_partnership_or_a_venture_without_a_subject_names_no_partner() -> None:
    for sentence in (
        # a partnership in passing, not a joint venture the story is about
        "The system uses a partnership between security firm Vorlex and Dunmore.",
        # a merger long ago, not a joint venture
        "The system came from the merger between security firm Vorlex and Dunmore in 2002.",
        # neither partner is a subject of the story
        "The system is a joint venture between security firm Vorlex and maker Halbrook.",
    ):
        assert _venture(sentence).get("Vorlex", False) is False, sentence
