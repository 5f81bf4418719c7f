"""A company named as a platform, an example, an event's name or a list's compiler is
named in passing (labelling guide rules 4, 7 and 8): ``roles.py``."""

from __future__ import annotations

import re

import pytest

from summarizer.article import Article
from summarizer.companies.aboutness.occurrences import Occurrence
from summarizer.companies.aboutness.roles import in_passing, role_of
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher

# (text before the name, text after it, the role; "" for none), lower-cased as salience
# reads them.
_ROLES = [
    ("a signed guitar was sold on ", " for $300.", "platform"),
    ("the clip was posted on video-sharing site ", " last week.", "platform"),
    ("users can book a taxi via the ride-hailing app ", ".", "platform"),
    # "on" after anything but such a verb or a site's kind names no platform.
    ("investors have placed a bet on ", " shares.", ""),
    ("pressure on ", " to cut prices grew.", ""),
    ("budget airlines such as ", " now fly there.", "example"),
    ("big retailers like ", " stock the range.", "example"),
    # "like" as a verb of resemblance is no example.
    ("the new handset looks like ", " made it in 1990.", ""),
    ("since the ", " scandal broke, the minister has", "event"),
    ("after the ", " crash, regulators asked", "event"),
    ("in light of the recent ", " explosion, inspectors", "event"),
    ("a year after the ", " oil spill, the beaches", "event"),
    ("since the ", " incident, staff have", "event"),
    # A verb is no event: "fired" is its own news.
    ("", " fired 300 workers on monday.", ""),
    ("other words on the ", " list included", "figures"),
    ("of the 3,000 adults ", " surveyed, half said", "figures"),
    ("", " surveyed 3,000 adults in May.", "figures"),
    # Its own results are news about it.
    ("", " said sales rose 4% in May.", ""),
]


@pytest.mark.parametrize(("before", "after", "role"), _ROLES)
def test_the_role_a_mention_is_in(before: str, after: str, role: str) -> None:
    assert role_of(before, after) == role


def _passing(text: str, *names: str) -> list[bool]:
    """Whether each use of ``names`` in ``text`` (a paragraph) is in a passing role."""
    occs = [
        Occurrence(entry, 1, m.start(), m.end())
        for entry, name in enumerate(names)
        for m in re.finditer(re.escape(name), text)
    ]
    occs.sort(key=lambda o: o.start)
    passing = in_passing(occs, ["", text], ["", text.lower()])
    return [(1, o.start) in passing for o in occs]


def test_names_listed_after_one_in_a_passing_role_share_it() -> None:
    text = "Stores such as Bravio, Quellmart and Tindell sell it. Tindell said so."
    assert _passing(text, "Bravio", "Quellmart", "Tindell") == [True, True, True, False]
    assert _passing("It was sold on Marketbay or Bidmarket.", "Marketbay", "Bidmarket") == [
        True,
        True,
    ]
    # A comma alone ends the clause here: Bidmarket speaks.
    text = "It was sold on Marketbay, Bidmarket said."
    assert _passing(text, "Marketbay", "Bidmarket") == [True, False]


def _subjects(title: str, text: str, *names: str) -> dict[str, bool]:
    """Whether each of ``names`` (followed, as after ``/subscribe``) is a subject."""
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(name) for name in names])
    return {m.name: m.subject for m in matcher.find(Article(title, (text,)))}


# Stories naming companies in passing roles: (why, headline, text, the companies).
_PASSING = [
    (
        "the site something happens on",
        "",
        "A 20-year-old student from Leeds is selling advertising space on his bicycle to the "
        "highest bidder on auction website Marketbay. The listing, posted on Marketbay on "
        "Monday, drew 30 bids in a day. He said he would spend the money on books.",
        ("Marketbay",),
    ),
    (
        "examples of a kind, named in a list",
        "Web helps collect aid donations",
        "People want to help after the floods. Web portals such as Yandoo, Searchly and "
        "Bidmarket are gathering links to aid charities. Users can give part of what they "
        "sell on Bidmarket to the charities. Aid groups say online giving has doubled.",
        ("Yandoo", "Searchly", "Bidmarket"),
    ),
    (
        "an event named after the company, in a story about its aftermath",
        "Pilots call for cockpit cameras",
        "Pilots' unions have called for cameras in cockpits after the Norvane Air crash in "
        "March. The Norvane Air disaster killed 140 people. Unions say cameras would help "
        "investigators. Regulators will discuss the idea next month.",
        ("Norvane Air",),
    ),
    (
        "an event named after the company in the headline and lead, in a story about others",
        "Emergency checks ordered on all Kestrel 300s after Norvane Air explosion",
        "Regulators have told all airlines flying Kestrel 300 jets to inspect them, in light of "
        "the investigation into the Norvane Air explosion last week. Kestrel said a loose bolt "
        "in the wing could pierce a fuel tank. Kestrel has sent engineers to help airlines. The "
        "checks must be done within ten days, Kestrel said.",
        ("Norvane Air",),
    ),
    (
        "the firm behind a survey",
        "Phone owners split into tribes",
        "Phone owners fall into distinct groups, says a study by telecoms firm Telvik. For "
        "the study, Telvik questioned 9,000 adults in six countries. Telvik surveyed them on "
        "how they use cameras and music. Of the people Telvik interviewed, a third never made "
        "video calls.",
        ("Telvik",),
    ),
    (
        # Its lead, deal, ... come from its own mentions: "sell" here is no deal of its own.
        "an example, in a sentence with a deal word",
        "Generic drug makers gain from patent expiries",
        "Generic drug makers are growing fast as patents on big medicines expire, a report "
        "says. Makers such as Pellora can copy a medicine once its patent ends and sell it for "
        "a fraction of the price. Pellora now makes 400 medicines. Doctors say patients gain "
        "most.",
        ("Pellora",),
    ),
]


@pytest.mark.parametrize(("why", "title", "text", "names"), _PASSING, ids=[p[0] for p in _PASSING])
def test_a_company_named_in_passing_is_no_subject(
    why: str, title: str, text: str, names: tuple[str, ...]
) -> None:
    assert _subjects(title, text, *names) == dict.fromkeys(names, False), why


def test_a_company_that_acts_stays_a_subject_when_also_named_as_an_example() -> None:
    text = (
        "Quellmart said profits rose 12% in the year to March as more shoppers bought its "
        "own-brand food. Chains such as Quellmart have gained from higher prices. Quellmart "
        "shares rose 3%."
    )
    assert _subjects("Quellmart profits rise", text, "Quellmart") == {"Quellmart": True}


def test_what_a_news_outlet_told_something_reports_is_quoted_as_a_source() -> None:
    # The story tells it something, so "..., Newswire says." and "according to" quote it.
    text = (
        "Keston will wait until June to vote on its board, Newswire says. Keston told "
        'Newswire: "We will not be rushed." Its rival sold 5%, according to Newswire.'
    )
    # ("told Newswire" itself quotes it as a source through cues.is_source.)
    assert _passing(text, "Keston", "Newswire") == [False, True, False, False, True]
    # Told to do something is no outlet: Acme's own statement is its news.
    text = "Sales will stop on Monday, Acme said. The regulator told Acme to halt sales."
    assert _passing(text, "Acme") == [False, False]
    # Nobody tells it anything: a company's statement is its news.
    assert _passing("Sales will stop on Monday, Acme said.", "Acme") == [False]


def test_a_news_agency_quoted_in_the_lead_is_no_subject() -> None:
    matcher = CompanyMatcher(()).with_entries(
        [CompanyEntry(name) for name in ("Keston", "Newswire", "Tallis", "Dorvelle")]
    )
    story = Article(
        "Investors turn on Keston's board",
        (
            "Keston investors unhappy with its bid for Dorvelle will have to wait until June "
            "to remove the board, Newswire says.",
            "Hedge fund Tallis wants the chairman out. But Keston told Newswire that any such "
            'vote would wait for its annual meeting. "We will not be rushed," Keston told '
            "Newswire.",
            "Keston has offered £1bn for Dorvelle. Tallis owns 5% of Keston.",
        ),
    )
    found = {m.name: m.subject for m in matcher.find(story)}
    assert found["Keston"] and not found["Newswire"]
