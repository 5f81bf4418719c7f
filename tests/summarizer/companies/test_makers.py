"""The maker of what a sentence opens with is a subject ("The bridge will be built by X");
the defendants in a case are parties to it (guide rule 8)."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.companies.cues import sentence_cues
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher


def _subjects(names: list[str], title: str, *paragraphs: str) -> dict[str, bool]:
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(n) for n in names])
    return {m.name: m.subject for m in matcher.find(Article(title, paragraphs))}


_TOWN = (
    "Villagers in the hills above Tarnow can now see a doctor without leaving home. Clinics "
    "in three valleys share one video link, and nurses say waiting lists have halved. "
)


def test_the_maker_of_the_thing_a_sentence_opens_with_is_a_subject() -> None:
    story = (
        _TOWN + "The link was designed by Korvel Systems, working with the regional health board. "
        "Doctors say patients like it. Some older people still prefer to travel."
    )
    assert _subjects(["Korvel Systems"], "Doctors come to the valley", story) == {
        "Korvel Systems": True
    }
    aside = story.replace("The link was designed by", "Doctors once used kit from")
    assert _subjects(["Korvel Systems"], "Doctors come to the valley", aside) == {
        "Korvel Systems": False
    }


def test_the_thing_made_may_stand_in_an_aside_with_the_makers_kind() -> None:
    story = (
        _TOWN + "The scanner, made by Dutch imaging firm Helmar, sends pictures in seconds. "
        "Nurses were trained in a week."
    )
    assert _subjects(["Helmar"], "Scans by video", story) == {"Helmar": True}


def test_one_of_several_makers_or_the_owner_of_a_company_is_no_maker() -> None:
    listed = _TOWN + "Rival links are being developed by Ostrel and chip firm Vanmoor. It works."
    assert _subjects(["Ostrel", "Vanmoor"], "Doctors come to the valley", listed) == {
        "Ostrel": False,
        "Vanmoor": False,
    }
    owned = _TOWN + "Tarnow Care, operated by Belvan Holdings, runs the clinics. It works."
    found = _subjects(["Tarnow Care", "Belvan Holdings"], "Doctors come to the valley", owned)
    assert found["Belvan Holdings"] is False
    # A survey's sponsor is a source, and a subject with a preposition is something else.
    sponsor = _TOWN + "A study of the link was carried out by Pollwise. Nurses liked it."
    assert _subjects(["Pollwise"], "Doctors come to the valley", sponsor) == {"Pollwise": False}
    part = _TOWN + "Better pictures from cameras made by Opticon helped. Nurses liked it."
    assert _subjects(["Opticon"], "Doctors come to the valley", part) == {"Opticon": False}


def test_defendants_make_a_sentence_about_a_case() -> None:
    assert sentence_cues("the studio and its parent are named as defendants in the filing.")[0]
    assert not sentence_cues("the studio and its parent are named in the filing.")[0]
