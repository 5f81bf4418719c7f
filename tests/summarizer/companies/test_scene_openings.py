"""A feature that opens on a scene and names no company in its headline or lead is about the
company it then introduces by its kind as the subject of its sentence, and names again
(``aboutness/scenes.py``); a company named once there, after a lead naming another company,
or after a preposition, is not."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher

_SCENE = (
    "The arts and the hi-tech worlds have for some time danced around each other. "
    "Often the help has come as sponsorship of a gallery or a festival. "
    "But that dance is growing more intimate as artists look to new tools for ideas."
)
_LATER = (
    "Painters in three cities have already tried it, and more are queuing. "
    "Kestrel Networks says it will open two studios next year."
)


def _subjects(title: str, *paragraphs: str) -> dict[str, bool]:
    names = ["Kestrel Networks", "Dunmore Foods"]
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(n) for n in names])
    return {m.name: m.subject for m in matcher.find(Article(title, paragraphs))}


def test_the_company_a_scene_opening_introduces_is_a_subject() -> None:
    intro = "UK telco Kestrel Networks is serious about the idea and has launched a studio."
    found = _subjects("Technology gets the creative bug", _SCENE, intro, _LATER)
    assert found["Kestrel Networks"] is True


def test_a_company_named_once_is_no_subject_of_the_scene() -> None:
    intro = "Record company Kestrel Networks are releasing the singles at one a week."
    found = _subjects("Fans hold birthday bash", _SCENE, intro, "Painters are queuing.")
    assert found["Kestrel Networks"] is False


def test_a_lead_naming_a_company_keeps_its_own_subject() -> None:
    lead = _SCENE.replace("a gallery or a festival", "Dunmore Foods, the grocer")
    intro = "UK telco Kestrel Networks is serious about the idea and has launched a studio."
    found = _subjects("Technology gets the creative bug", lead, intro, _LATER)
    assert found["Kestrel Networks"] is False


def test_a_source_or_a_company_after_a_preposition_is_no_subject() -> None:
    source = "Artists are keen, said research firm Kestrel Networks in a report."
    found = _subjects("Technology gets the creative bug", _SCENE, source, _LATER)
    assert found["Kestrel Networks"] is False
    place = "Shows at games firm Kestrel Networks have drawn large crowds."
    found = _subjects("Technology gets the creative bug", _SCENE, place, _LATER)
    assert found["Kestrel Networks"] is False


def test_a_company_reporting_its_own_results_stays_a_subject() -> None:
    story = (
        "Kestrel Networks said its profits rose 12% last year as more homes signed up. "
        "The telco added 300,000 customers. Kestrel Networks will raise its dividend."
    )
    assert _subjects("Kestrel Networks profits rise", story)["Kestrel Networks"] is True


def test_a_feature_opening_on_a_person_is_not_about_the_company_she_works_with() -> None:
    person = (
        "Maria Lopez first sang in a church choir in Seville. "
        "She moved to London at the age of nineteen. Her first concert drew twelve people."
    )
    intro = (
        "Record company Kestrel Networks signed her in 2001 after a scout heard her sing. "
        "Kestrel Networks later dropped her when sales fell."
    )
    found = _subjects("The singer who never gave up", person, intro)
    assert found["Kestrel Networks"] is False
