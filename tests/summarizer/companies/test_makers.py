"""The maker of what a sentence opens with is a subject ("The bridge will be built by X");
the defendants in a case are parties to it (guide rule 8). So is who does what a story's lead
reports, however seldom it is named (``agents.py``): the first company as the subject of its
sentence, the company an opening describes before naming it, the other parties of the deal the
lead reports."""

from __future__ import annotations

import re
from collections.abc import Callable

from growth import FACTOR, LINEAR_BOUND, growth

from summarizer.article import Article
from summarizer.companies.aboutness.agents import agents
from summarizer.companies.aboutness.cues import sentence_cues
from summarizer.companies.aboutness.layout import Layout
from summarizer.companies.aboutness.makers import makers
from summarizer.companies.aboutness.occurrences import Occurrence
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


# What follows a lead: about the product and the people, naming no company.
_REST = (
    "Shoppers who bought the tubs are told to throw them away or take them back. "
    "No illnesses have been reported so far, officials said. "
    "Inspectors found the bacteria during a routine check at a plant in the north. "
    "The tubs were sold in supermarkets across twelve states. "
    "A hotline has been set up for worried customers."
)


def test_the_first_company_as_its_sentences_subject_is_a_subject() -> None:
    lead = "Dorvelle Dips Co. is recalling 40,000 tubs of bean dip over fears of listeria. "
    assert _subjects(["Dorvelle Dips"], "", lead + _REST) == {"Dorvelle Dips": True}
    wire = "(CNN)Dorvelle Dips said on Tuesday it will close two plants and cut 900 jobs. "
    assert _subjects(["Dorvelle Dips"], "", wire + _REST) == {"Dorvelle Dips": True}


def test_a_company_followed_by_the_start_of_its_legal_name_is_its_sentences_subject() -> None:
    """A chat follows "Dorvelle"; the story names "Dorvelle Dips Co.": the words up to the
    legal form are the rest of its name, not a phrase the name sits in."""
    lead = "Dorvelle Dips Co. is recalling 40,000 tubs of bean dip over fears of listeria. "
    assert _subjects(["Dorvelle"], "", lead + _REST) == {"Dorvelle": True}


def test_a_place_a_source_or_a_possessive_in_the_first_sentence_is_no_agent() -> None:
    venue = "Workers at the Dorvelle Dips plant in Ohio walked out on Monday over pay. "
    assert _subjects(["Dorvelle Dips"], "", venue + _REST) == {"Dorvelle Dips": False}
    source = "Research firm Pollwise said dip sales fell 4% in the year to March. "
    assert _subjects(["Pollwise"], "", source + _REST) == {"Pollwise": False}
    product = "Dorvelle Dips' new bean dip is being pulled from shelves in twelve states. "
    assert _subjects(["Dorvelle Dips"], "", product + _REST) == {"Dorvelle Dips": False}


def test_a_ticker_in_brackets_is_no_dateline_and_a_colon_dateline_is_one() -> None:
    """The lead's first words are read after the story's wire dateline (the one
    ``summarizer.text.dateline`` recognises): "NEW DELHI: X said" opens on X, and "Shares
    in X (X.L)" is no dateline, so X stays after a preposition."""
    ticker = "Shares in Dorvelle Dips (DRV.L) rose 5% on Monday after a bid rumour. "
    parts = ["", ticker + _REST]
    occs = [Occurrence(0, 1, m.start(), m.end()) for m in re.finditer("Dorvelle Dips", parts[1])]
    assert agents(occs, Layout(parts)) == set()
    wire = "NEW DELHI: Dorvelle Dips said on Tuesday it will close two plants. "
    parts = ["", wire + _REST]
    occs = [Occurrence(0, 1, m.start(), m.end()) for m in re.finditer("Dorvelle Dips", parts[1])]
    assert agents(occs, Layout(parts)) == {0}


def test_later_in_the_lead_only_a_company_introduced_by_its_kind_is_an_agent() -> None:
    opening = (
        "The market for dips has grown fast in the past decade. "
        "Shoppers want healthier snacks, and supermarkets have made room for them. "
    )
    kind = "US snack maker Dorvelle Dips is recalling 40,000 tubs of bean dip. "
    assert _subjects(["Dorvelle Dips"], "", opening + kind + _REST) == {"Dorvelle Dips": True}
    # After an opening about the police, a company named later is more often an example.
    police = (
        "Police in Ohio closed a motorway for six hours on Friday after a lorry overturned. "
        "The lorry spilled its load of tubs across three lanes near Dayton. "
        "Its owner, a haulage contractor for Dorvelle Dips, had reported it missing. "
    )
    assert _subjects(["Dorvelle Dips"], "", police + _REST) == {"Dorvelle Dips": False}


def test_a_company_an_opening_describes_before_naming_it_is_a_subject() -> None:
    story = (
        "A Welsh engineering firm has turned to drones to inspect wind turbines at sea. "
        "Marrick Aerial is flying the drones from a boat moored beside each turbine. "
        "Engineers say the checks take hours instead of days. "
        "Each drone carries a camera and a heat sensor. "
        "The pictures are sent to a control room on shore."
    )
    assert _subjects(["Marrick Aerial"], "Drones check turbines", story) == {"Marrick Aerial": True}


def test_the_other_parties_of_the_deal_the_lead_reports_are_subjects() -> None:
    story = (
        "Holvane Media is to become the largest regional broadcaster in the country. "
        "It plans to buy Trennick Radio and the holding firm, Orsay Publishing Ltd, for "
        "$400m. "
        "The combined group will have 4,000 staff. "
        "Its chairman said the purchase would be completed by the summer. "
        "Holvane Media shares rose 6% on the news. "
        "Holvane Media has made four acquisitions in three years. "
        "Holvane Media said it would keep every station open."
    )
    found = _subjects(["Holvane Media", "Trennick Radio", "Orsay Publishing"], "", story)
    assert found == {"Holvane Media": True, "Trennick Radio": True, "Orsay Publishing": True}


def test_the_maker_of_what_a_lead_sentences_company_orders_is_the_deals_other_party() -> None:
    rest = (
        "The new jets will fly 80 routes. Its chairman said the purchase would be paid in cash. "
        "Holvane Air shares rose 6% on the news. Holvane Air said it would hire 500 pilots."
    )
    names = ["Holvane Air", "Trennick Aero"]
    for lead in (
        "Holvane Air has ordered 30 Trennick Aero jets in a $1.8bn deal as it expands. ",
        "Holvane Air has placed an order for 30 Trennick Aero jets worth $1.8bn. ",
    ):
        assert _subjects(names, "", lead + rest) == {"Holvane Air": True, "Trennick Aero": True}
    rival = "Holvane Air is cutting fares in order to beat Trennick Aero this winter. "
    assert _subjects(names, "", rival + rest) == {"Holvane Air": True, "Trennick Aero": False}


def test_a_deal_someone_else_presided_over_names_no_party() -> None:
    story = (
        "Jo Marsh has stepped down as chief executive of Holvane Media after six years. "
        "She oversaw the merger between Holvane Media and Trennick Radio in 2019. "
        "Her successor will be named next month. "
        "Holvane Media shares rose 2% on the news. "
        "Holvane Media said it thanked her for her work."
    )
    found = _subjects(["Holvane Media", "Trennick Radio"], "", story)
    assert found == {"Holvane Media": True, "Trennick Radio": False}


def test_a_company_opening_the_sentence_after_a_passive_is_no_maker() -> None:
    # "made by hand." ends a sentence; the company opening the next one made nothing.
    story = (
        _TOWN + "The baskets are made by hand. Vanmoor Holdings sells them in the towns. "
        "Nurses carry them on their rounds."
    )
    assert _subjects(["Vanmoor Holdings"], "Doctors come to the valley", story) == {
        "Vanmoor Holdings": False
    }


def test_a_long_paragraph_of_makers_is_read_in_linear_time() -> None:
    # 200 KB with no sentence end: each mention used to rescan the paragraph from its start
    # (about 10 s here); a feed may carry such a text.
    def make(n: int) -> Callable[[], set[int]]:
        return _makers_of("the kit made by Korvel Systems and the app made by Vanmoor " * n)

    assert growth(make, 3400 // FACTOR) < LINEAR_BOUND


def test_the_maker_of_a_report_or_figures_is_a_source() -> None:
    # Guide rule 7: the firm behind a survey or report is a source, whatever the verb.
    for lead in (
        "The report was produced by Pollwise. ",
        "Figures provided by Pollwise show waiting lists halved. ",
        "The study, produced by consultancy Pollwise, found the same. ",
    ):
        story = _TOWN + lead + "Nurses liked the link."
        assert _subjects(["Pollwise"], "Doctors come to the valley", story) == {
            "Pollwise": False
        }, lead
    # The thing made only opens with such a word: a data centre is built by its maker.
    built = _TOWN + "The data centre was built by Korvel Systems. Nurses liked the link."
    assert _subjects(["Korvel Systems"], "Doctors come to the valley", built) == {
        "Korvel Systems": True
    }


def test_many_listed_makers_in_one_paragraph_are_read_in_linear_time() -> None:
    # Each listed maker used to be compared with every mention of its paragraph.
    def make(n: int) -> Callable[[], set[int]]:
        return _makers_of("The kit was made by Korvel Systems and Vanmoor. " * n)

    assert make(8000)() == set()  # one of two makers each time
    assert growth(make, 8000 // FACTOR) < LINEAR_BOUND  # 0.15 s at 8,000 (5 s before)


def _makers_of(text: str) -> Callable[[], set[int]]:
    occs = [
        Occurrence(entry, 1, m.start(), m.end())
        for entry, name in enumerate(("Korvel Systems", "Vanmoor"))
        for m in re.finditer(name, text)
    ]
    layout = Layout(["", text])
    return lambda: makers(occs, layout)


def test_a_name_before_a_participle_and_a_bare_noun_or_an_analysts_note_is_no_agent() -> None:
    # "Dorvelle branded tubs": the tubs are the subject; a note is what analysts write.
    for lead in (
        "Dorvelle Dips branded tubs worth $2m were seized at the port on Friday. ",
        "Dorvelle Dips funded research shows that children eat more dip than before. ",
        "Dorvelle Dips said in a research note that dip prices would rise this year. ",
    ):
        assert _subjects(["Dorvelle Dips"], "", lead + _REST) == {"Dorvelle Dips": False}, lead
    # With an object after a determiner the participle is its verb.
    verb = "Dorvelle Dips sponsored the county fair for the tenth year on Saturday. "
    assert _subjects(["Dorvelle Dips"], "", verb + _REST) == {"Dorvelle Dips": True}
