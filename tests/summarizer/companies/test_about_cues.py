"""Matching facts behind salience: bracketed abbreviations, "&" names, place words, label splits."""

from __future__ import annotations

import pytest

from seeds import companies_file
from summarizer.article import Article
from summarizer.companies.aboutness.cues import acts, is_source
from summarizer.companies.aboutness.occurrences import Occurrence, with_abbreviations
from summarizer.companies.evaluate import parse_labels, split_of
from summarizer.companies.finding.discover import discover
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher, load_registry
from summarizer.companies.registry.names import short_forms


@pytest.fixture(scope="module")
def matcher() -> CompanyMatcher:
    return CompanyMatcher(load_registry(companies_file().read_text(encoding="utf-8")))


def test_an_abbreviation_in_brackets_names_the_company_from_then_on() -> None:
    parts = ["", "The jet went to Singapore Airlines (SIA) today.", "SIA said so. SIAM did not."]
    first = Occurrence(entry=7, part=1, start=parts[1].index("Singapore"), end=parts[1].index(" ("))
    found = with_abbreviations([first], parts)
    later = [o for o in found if o is not first]
    assert [(o.entry, o.part, parts[o.part][o.start : o.end]) for o in later] == [(7, 2, "SIA")]
    # No bracket after the name: nothing is added.
    plain = Occurrence(entry=3, part=2, start=0, end=3)
    assert with_abbreviations([plain], parts) == [plain]


def test_names_joined_by_ampersand_and_bank_names_are_discovered() -> None:
    text = (
        "Insurance broker Marsh & McLennan's shares fell. Parex Bank was taken over. "
        "Among the accused were Lorillard Tobacco and Brown & Williamson. "
        "Nick Bubb of Evolution Securities said so in 1994 Energy terms; the World Bank and "
        "the Inter-American Development Bank agreed."
    )
    found = discover(["", text], known=set())
    wanted = {"Marsh & McLennan", "Parex Bank", "Lorillard Tobacco", "Brown & Williamson"}
    assert wanted <= set(found)
    assert not [n for n in found if n.startswith(("World", "Inter", "Nick", "1994"))]


def test_a_place_is_never_a_short_form_that_counts_alone() -> None:
    forms = dict(short_forms("Korea Development Bank"))
    assert forms.get("Korea", True) is True  # weak at most
    matcher = CompanyMatcher(()).with_entries([CompanyEntry("Korea Development Bank")])
    article = Article(
        "Card firm rescued",
        ("South Korea's largest card firm was rescued.", "Korea Development Bank put up money."),
    )
    found = {m.name: m.mentions for m in matcher.find(article)}
    assert found == {"Korea Development Bank": 1}


def test_the_name_before_an_ampersand_counts_beside_the_full_name() -> None:
    matcher = CompanyMatcher(()).with_entries([CompanyEntry("Marsh & McLennan")])
    story = Article(
        "Troubled Marsh under scrutiny",
        ("Regulators are looking at broker Marsh & McLennan.", "Marsh said it would co-operate."),
    )
    assert {m.name: m.mentions for m in matcher.find(story)} == {"Marsh & McLennan": 3}
    alone = Article("Marsh birds return", ("The salt marsh and Marsh Lane flooded.",))
    assert matcher.find(alone) == []


def test_labels_may_name_their_split_else_the_id_decides() -> None:
    lines = [
        '{"source_file": "wikinews", "id": "wn-1", "subjects": [], "mentions": [], '
        '"aliases_seen": {}, "split": "new"}',
        '{"source_file": "wikinews", "id": "wn-2", "subjects": [], "mentions": [], '
        '"aliases_seen": {}}',
    ]
    first, second = parse_labels(lines)
    assert first.split == "new"
    assert second.split == split_of("wn-2") in ("tune", "check")


def test_sentence_cues_ignore_case_and_keep_offsets() -> None:
    from summarizer.companies.aboutness.salience import company_features

    parts = ["", "İstanbul: Acme agreed a TAKEOVER of Bolt.", "Acme said a Survey showed demand."]
    acme = [
        Occurrence(entry=0, part=1, start=parts[1].index("Acme"), end=parts[1].index("Acme") + 4),
        Occurrence(entry=0, part=2, start=0, end=4),
    ]
    feats = company_features(acme, parts)[0]
    assert feats["deal"] == 1.0  # "TAKEOVER" in capitals still marks a deal sentence
    assert feats["report"] == 0.5  # one of its two sentences is about a survey
    assert feats["starts"] == 1.0


def test_deals_agreements_contracts_and_orders_mark_a_deal_sentence() -> None:
    from summarizer.companies.aboutness.cues import sentence_cues

    assert sentence_cues("air deccan has ordered 30 airbus planes in a $1.8bn deal.")[0]
    assert sentence_cues("it flies under a codesharing agreement with tarom.")[0]
    assert sentence_cues("the contracts have still not been finalised.")[0]
    assert not sentence_cues("it cut costs in order to grow.")[0]


def test_other_head_marks_companies_left_out_of_the_headline() -> None:
    from summarizer.companies.aboutness.salience import company_features

    def occ(entry: int, part: int, text: str, name: str) -> Occurrence:
        return Occurrence(entry, part, text.index(name), text.index(name) + len(name))

    titled = ["Acme buys Bolt", "Acme said so. Crux shares fell."]
    feats = company_features(
        [occ(0, 0, titled[0], "Acme"), occ(1, 0, titled[0], "Bolt"), occ(2, 1, titled[1], "Crux")],
        titled,
    )
    assert [feats[e]["other_head"] for e in (0, 1, 2)] == [0.0, 0.0, 1.0]
    # No headline: the first sentence stands in for it.
    untitled = ["", "Acme said so. Crux shares fell."]
    feats = company_features(
        [occ(0, 1, untitled[1], "Acme"), occ(2, 1, untitled[1], "Crux")], untitled
    )
    assert [feats[e]["other_head"] for e in (0, 2)] == [0.0, 1.0]
    # Nobody in the headline or the first sentence: nobody is left out of it.
    alone = company_features([occ(2, 1, untitled[1], "Crux")], untitled)
    assert alone[2]["other_head"] == 0.0


def test_an_outlet_quoted_through_its_staff_or_its_kind_is_a_source() -> None:
    """Labelling guide rule 5: an outlet quoted ("editor of PC Pro", "daily Népszava")
    is a source, like "analysts at UBS"; a company's own director is not."""
    for before in ("news and features editor of ", "said the daily ", "a columnist at "):
        assert is_source(before, " said the award was deserved.")
    assert not is_source("the finance director of ", " said sales rose.")
    assert not is_source("shares in ", " rose 5%.")


def test_a_company_acts_through_any_of_its_officers_named_after_it() -> None:
    """The officer titles are one list (``cues.OFFICER_TITLE``, also read by officers.py and
    compilers.py): "X chairman", "X's founder" act like "X chief" and "X spokesman"."""
    for after in (
        " chairman tom lee said",
        "'s founder, ida marsh,",
        " president jo tull",
        " chief al reyes",
    ):
        assert acts("the board of ", after), after
    assert not acts("a visit to ", " headquarters in may.")


def test_business_words_are_whole_words_of_a_sentence() -> None:
    from summarizer.companies.aboutness.cues import business_sentence

    assert business_sentence("the company's shares rose.")
    assert business_sentence("its chief executive quit")
    assert business_sentence('"takeover-bid" talk')
    assert not business_sentence("an ideal day to forbid banking on luck")  # no whole word
    assert not business_sentence("crowds gathered at the track for the derby.")
    assert not business_sentence("la société a gagné")  # accents are word breaks, no crash


def test_business_reads_the_headline_and_the_opening_sentences() -> None:
    from summarizer.companies.aboutness.layout import Layout

    plain = "Crowds gathered at the track. " * 3
    assert Layout(["Derby day", plain]).business == 0.0
    layout = Layout(["Acme profit jumps", "Acme said so. The sun shone. " + plain])
    assert layout.business == 1 / 6  # the headline; five body sentences read, none business
    # Business words after the fifth body sentence are not read.
    late = Layout(["Derby day", plain * 2 + "Shares fell. Sales rose."])
    assert late.business == 0.0


def test_the_short_form_examples_in_the_docs_hold() -> None:
    import doctest

    from summarizer.companies.registry import names

    result = doctest.testmod(names)
    assert result.attempted >= 4 and result.failed == 0


def test_a_survey_or_report_sponsor_named_with_its_kind_is_a_source() -> None:
    """Labelling guide rule 7: whoever a survey or report is by is a mention, also when
    words come between ("a survey carried out by PC Pro", "the report by telecoms giant
    BT"); a bid or a deal by a company is not a survey."""
    for before in (
        "a survey carried out by ",
        "predicts the report by telecoms giant ",
        "according to research carried out by security firm ",
        "according to figures released april 3 by ",
    ):
        assert is_source(before, " found that most users agreed.")
    for before in ("the takeover bid by ", "a deal signed by rival ", "the study was welcomed by "):
        assert not is_source(before, " said it would go ahead.")
