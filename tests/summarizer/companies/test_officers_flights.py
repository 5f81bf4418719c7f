"""A company acts through its people and its flights: its officer speaking in the lead
("Y, president of X, said"; ``officers.py``) or its flight being what the lead is about
("missing X Flight 212"; ``flights.py``) makes it a subject however seldom it is named. A
short form of a name the story spelled out is that company, not another one the registry
gives the word to (``opened.shortened_words``)."""

from __future__ import annotations

from company_subjects import subjects as _subjects

from summarizer.article import Article
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher

_BOOK = (
    "News of a lost picture book by a much-loved author has sent readers into a frenzy. "
    "To keep up with demand, the first print run was doubled to 800,000 copies, {who}, said "
    "on Monday. The book was written in the 1960s and found in a drawer last year. Teachers "
    "and parents have been sharing drawings from it online. It goes on sale in July, and "
    "libraries expect long waiting lists."
)


def test_a_company_whose_officer_speaks_in_the_lead_is_a_subject() -> None:
    officer = _BOOK.format(who="Helen Varga, president and publisher of Brindlemoor Books")
    assert _subjects(["Brindlemoor Books"], officer) == {"Brindlemoor Books": True}
    boss = _BOOK.format(who="Brindlemoor Books' chief executive Helen Varga")
    assert _subjects(["Brindlemoor Books"], boss) == {"Brindlemoor Books": True}


def test_an_analyst_or_a_silent_officer_makes_no_subject() -> None:
    analyst = _BOOK.format(who="Helen Varga, head of research at Brindlemoor Capital")
    assert _subjects(["Brindlemoor Capital"], analyst) == {"Brindlemoor Capital": False}
    silent = _BOOK.replace("said", "wrote").format(
        who="according to a note; Helen Varga, the founder of Brindlemoor Books, was away"
    )
    silent = silent.replace("according to a note; ", "")
    assert _subjects(["Brindlemoor Books"], silent) == {"Brindlemoor Books": False}


_SEARCH = (
    "The underwater search for {flight} looks set to double in size. Teams are scouring the "
    "depths of a remote ocean for the remains of the jet, which vanished a year ago. So far "
    "they have covered most of the priority zone without finding any trace. Families still "
    "have no answers. Ministers from three countries said the search would go on."
)


def test_the_airline_whose_flight_the_lead_is_about_is_a_subject() -> None:
    story = _SEARCH.format(flight="missing Aurelia Air Flight 212")
    assert _subjects(["Aurelia Air"], story) == {"Aurelia Air": True}
    later = _SEARCH.format(flight="the missing jet") + (
        " Aurelia Air flights on the route resumed in the spring."
    )
    assert _subjects(["Aurelia Air"], later) == {"Aurelia Air": False}


def test_a_short_form_is_the_company_the_story_named_in_full() -> None:
    group = CompanyEntry("Quillon Group", aliases=("Quillon",))
    matcher = CompanyMatcher([group, CompanyEntry("Quillon Telecom")], discover=False)
    story = Article(
        "Lasers bridge the last mile",
        (
            "Quillon Telecom is using lasers to link offices to its network. "
            "Digging up roads takes months, a Quillon manager said. Quillon now runs "
            "its links at modest speeds.",
        ),
    )
    found = {m.name: m.mentions for m in matcher.find(story)}
    assert found == {"Quillon Telecom": 3}
    alone = Article("", ("Quillon said its hotels were full. Quillon shares rose.",))
    assert {m.name for m in matcher.find(alone)} == {"Quillon Group"}
