"""A company named as a platform, an example, an event's name or a list's compiler is
named in passing (labelling guide rules 4, 7 and 8): ``roles.py``."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.companies.cues import window
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher
from summarizer.companies.occurrences import Occurrence
from summarizer.companies.roles import in_passing, role_of


def test_the_site_something_happens_on() -> None:
    assert role_of("a signed guitar was sold on ", " for $300.") == "platform"
    assert role_of("the clip was posted on video-sharing site ", " last week.") == "platform"
    assert role_of("users can book a taxi via the ride-hailing app ", ".") == "platform"
    # "on" after anything but such a verb or a site's kind names no platform.
    assert role_of("investors have placed a bet on ", " shares.") == ""
    assert role_of("pressure on ", " to cut prices grew.") == ""


def test_an_example_of_a_kind() -> None:
    assert role_of("budget airlines such as ", " now fly there.") == "example"
    assert role_of("big retailers like ", " stock the range.") == "example"
    # "like" as a verb of resemblance is no example.
    assert role_of("the new handset looks like ", " made it in 1990.") == ""


def test_an_event_named_after_the_company_and_the_compiler_of_a_list() -> None:
    assert role_of("since the ", " scandal broke, the minister has") == "event"
    assert role_of("after the ", " crash, regulators asked") == "event"
    assert role_of("other words on the ", " list included") == "figures"
    assert role_of("of the 3,000 adults ", " surveyed, half said") == "figures"
    assert role_of("", " surveyed 3,000 adults in May.") == "figures"
    # Its own results are news about it.
    assert role_of("", " said sales rose 4% in May.") == ""


def test_names_listed_after_an_example_share_its_role() -> None:
    text = "Stores such as Bravio, Quellmart and Tindell sell it. Tindell said so."
    occs = [
        Occurrence(entry, 1, text.index(name), text.index(name) + len(name))
        for entry, name in enumerate(("Bravio", "Quellmart", "Tindell"))
    ]
    last = text.rindex("Tindell")
    occs.append(Occurrence(2, 1, last, last + len("Tindell")))
    passing = in_passing(occs, ["", text], ["", text.lower()])
    assert passing == {(1, o.start) for o in occs[:3]}
    before, after = window(text.lower(), last, last + 7)
    assert role_of(before, after) == ""


def _matcher(*names: str) -> CompanyMatcher:
    return CompanyMatcher(()).with_entries([CompanyEntry(name) for name in names])


def _subjects(story: Article, *names: str) -> dict[str, bool]:
    """Whether each of ``names`` (followed, as after ``/subscribe``) is a subject."""
    matcher = CompanyMatcher(()).with_entries([CompanyEntry(name) for name in names])
    return {m.name: m.subject for m in matcher.find(story)}


def test_a_site_a_story_happens_on_is_no_subject() -> None:
    story = Article(
        "",
        (
            "A 20-year-old student from Leeds is selling advertising space on his bicycle to "
            "the highest bidder on auction website Marketbay. The listing, posted on Marketbay "
            "on Monday, drew 30 bids in a day. He said he would spend the money on books.",
        ),
    )
    assert _subjects(story, "Marketbay") == {"Marketbay": False}


def test_examples_of_a_kind_are_no_subjects() -> None:
    story = Article(
        "Web helps collect aid donations",
        (
            "People want to help after the floods. Web portals such as Yandoo, Searchly and "
            "Bidmarket are gathering links to aid charities. Users can give part of what they "
            "sell on Bidmarket to the charities. Aid groups say online giving has doubled.",
        ),
    )
    assert _subjects(story, "Yandoo", "Searchly", "Bidmarket") == {
        "Yandoo": False,
        "Searchly": False,
        "Bidmarket": False,
    }


def test_a_company_an_event_is_named_after_is_no_subject_of_a_story_about_its_aftermath() -> None:
    story = Article(
        "Pilots call for cockpit cameras",
        (
            "Pilots' unions have called for cameras in cockpits after the Norvane Air crash in "
            "March. The Norvane Air disaster killed 140 people. Unions say cameras would help "
            "investigators. Regulators will discuss the idea next month.",
        ),
    )
    assert _subjects(story, "Norvane Air") == {"Norvane Air": False}


def test_the_firm_behind_a_survey_is_no_subject() -> None:
    story = Article(
        "Phone owners split into tribes",
        (
            "Phone owners fall into distinct groups, says a study by telecoms firm Telvik. For "
            "the study, Telvik questioned 9,000 adults in six countries. Telvik surveyed them "
            "on how they use cameras and music. Of the people Telvik interviewed, a third never "
            "made video calls.",
        ),
    )
    assert _subjects(story, "Telvik") == {"Telvik": False}


def test_a_company_that_acts_stays_a_subject_when_also_named_as_an_example() -> None:
    story = Article(
        "Quellmart profits rise",
        (
            "Quellmart said profits rose 12% in the year to March as more shoppers bought "
            "its own-brand food. Chains such as Quellmart have gained from higher prices. "
            "Quellmart shares rose 3%.",
        ),
    )
    assert _subjects(story, "Quellmart") == {"Quellmart": True}
