"""Short forms of followed names, bad names, companies the registry lacks, ambiguity, scoring."""

from __future__ import annotations

import time

import pytest

from seeds import companies_file
from summarizer.article import Article
from summarizer.companies.evaluate import Labelled, score_article
from summarizer.companies.finding.discover import discover
from summarizer.companies.finding.judge import person_surnames
from summarizer.companies.matcher import (
    SUBJECT_THRESHOLD,
    CompanyEntry,
    CompanyMatcher,
    load_registry,
)
from summarizer.companies.registry.names import bare_name, name_problem, short_forms, word_name


@pytest.fixture(scope="module")
def matcher() -> CompanyMatcher:
    return CompanyMatcher(load_registry(companies_file().read_text(encoding="utf-8")))


def test_short_forms_strip_legal_forms_and_descriptors() -> None:
    assert ("Siebel", False) in short_forms("Siebel Systems Inc.")
    assert ("Kansai Electric", False) in short_forms("Kansai Electric Power")
    assert ("Brown and Williamson", False) in short_forms("Brown & Williamson")
    assert ("TimeWarner", False) in short_forms("Time Warner")
    # Acronyms and first words count only beside the full name (weak).
    assert ("ISG", True) in short_forms("International Steel Group")
    assert ("Cadbury", True) in short_forms("Cadbury Schweppes")
    # Never down to an ordinary word or a place.
    assert all(form != "Alaska" or weak for form, weak in short_forms("Alaska Airlines"))
    assert "International" not in dict(short_forms("International Steel Group"))


def test_followed_name_is_found_under_short_forms_only_beside_the_full_name(
    matcher: CompanyMatcher,
) -> None:
    followed = matcher.with_entries([CompanyEntry("Zorblax Steel Group")])
    text = "Zorblax Steel Group bought a rival. ZSG said Zorblax Steel would grow."
    assert followed.mentions_in(text) == {"Zorblax Steel Group": 3}
    assert followed.mentions_in("ZSG said the deal was off.") == {}  # acronym alone: not enough
    assert followed is not matcher and matcher.resolve("Zorblax Steel Group") is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("x", "one-letter"),
        ("Orange", "ordinary word"),
        ("a" * 10_000, "at most 100"),
        ("!!!", "letters or digits"),
        ("the gap", "ordinary word"),
        ("the", "ordinary word"),
        ("The", "ordinary word"),
        ("Paris", "'Paris' is a place"),
        ("Mary", "'Mary' is a first name"),  # before the city in Turkmenistan
        ("French", "'French' is a nationality"),
    ],
)
def test_bad_names_get_a_reason(name: str, reason: str) -> None:
    started = time.perf_counter()
    problem = name_problem(name)
    assert problem is not None and reason in problem
    assert time.perf_counter() - started < 0.5  # a 10,000-character name is refused at once


def test_good_names_pass() -> None:
    assert name_problem("Acme Widgets") is None
    assert name_problem("Next plc") is None


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("Ring", "Ring"),  # Amazon's doorbell maker
        ("Arsenal", "Arsenal"),
        (" Tidal ", "Tidal"),
        ("ring", None),  # lower case: no sign that a name is meant
        ("RING", None),
        ("Energy", None),  # only describes a company
        ("Group", None),
        ("British", None),
        ("John", None),  # a first name
        ("Paris", None),  # a place: capitalised anyway, word mode would not help
        ("Ring Inc", None),  # not one word (and no ordinary word: followed as it is)
        ("Zorblax", None),  # no ordinary word
    ],
)
def test_a_capitalised_ordinary_word_may_be_followed_as_a_word(name: str, word: str | None) -> None:
    assert word_name(name) == word


def test_discover_needs_evidence_and_skips_known_names(matcher: CompanyMatcher) -> None:
    parts = [
        "Grandmax Group halts flights",
        "Shares in Zentrolux fell 5%. Kmart Corp said sales rose.",
        "The Working Group met in New York. Yesterday Orbitalia Airlines said it would cut routes.",
    ]
    found = discover(parts, known=matcher._lookup)
    assert found == ["Grandmax Group", "Zentrolux", "Orbitalia Airlines"]


def test_a_place_after_shares_in_is_not_a_company(matcher: CompanyMatcher) -> None:
    parts = [
        "Listing plan",
        "Shares in UK drinks firm Zentrolux rose. Buyers may trade Orbitalia shares in Hong "
        "Kong, and shares in South Korea and the US fell.",
    ]
    assert discover(parts, known=matcher._lookup) == ["Zentrolux"]


def test_a_company_word_leads_into_a_name_but_not_into_a_person(
    matcher: CompanyMatcher,
) -> None:
    parts = [
        "Skiwear deal",
        "Shares jumped on talk of a bid by US surfwear firm Quorvex. The oil giant Petrolux "
        "and Zendia said the company Chief Executive John Smith would stay; the record "
        "company Rick Rubin runs sold. Car maker Toyota and Nissan gained. The retailer "
        "CEO Marla Stone spoke. The firm said no more. The company Kmart was not in it, "
        "nor the fast-food company McDonald's.",
    ]
    assert discover(parts, known=matcher._lookup) == ["Quorvex", "Petrolux"]


def test_a_title_before_a_name_after_a_company_word_is_a_persons(
    matcher: CompanyMatcher,
) -> None:
    """ "Dame" and "Prof" open a person's name as "Mr" does (the titles the judge reads as a
    person's); "Miss" also opens brands, so a name after a company word may start with it."""
    parts = [
        "",
        "The software company Dame Zelda Varnon founded was sold. The spin-out company Prof "
        "Ivo Brandt set up listed. The games firm Dr Kelm Ostrander started grew, as did "
        "games firm Zorvix. Fashion retailer Miss Quorelle said sales rose.",
    ]
    assert discover(parts, known=matcher._lookup) == ["Zorvix", "Miss Quorelle"]


def test_networks_providers_banks_consortia_and_start_ups_lead_into_names(
    matcher: CompanyMatcher,
) -> None:
    parts = [
        "Hack hits channels",
        "Television network Telvionde lost its channels. Internet provider Pipexor cut "
        "prices. The state bank Vneshtorg lent more. US gaming consortium Blavix will pay "
        "$339m. The search start-up Blinkora raised money. The network said no more.",
    ]
    found = discover(parts, known=matcher._lookup)
    assert sorted(found) == ["Blavix", "Blinkora", "Pipexor", "Telvionde", "Vneshtorg"]


def test_a_company_word_leads_into_a_name_it_calls_quotes_or_sets_off(
    matcher: CompanyMatcher,
) -> None:
    parts = [
        "",
        "He started a tour company called Zelvaro Eco Tours. The salad chain 'Quimbly Salad' "
        "dropped him, and the firm, Paxion, will list. At the firm, Smith said no.",
    ]
    found = discover(parts, known=matcher._lookup)
    # Not "Smith": an appositive must end its clause, and here a person speaks.
    assert sorted(found) == ["Paxion", "Quimbly Salad", "Zelvaro Eco Tours"]


def test_a_name_given_outright_may_be_ordinary_words(matcher: CompanyMatcher) -> None:
    """Small firms' names are often places and words; "called" or quotes vouch for them,
    but not for one word, and a company word alone still does not ("tour company Rwanda
    Eco Tours" could be a person's description)."""
    parts = [
        "",
        "He started a tour company called Rwanda Eco Tours. The salad chain 'Sumo Salad' "
        "dropped him. A firm called Monday Morning Group said no. A firm called Tuesday "
        "went bust. The record company Rick Rubin ran was sold.",
    ]
    found = discover(parts, known=matcher._lookup)
    assert "Rwanda Eco Tours" in found and "Sumo Salad" in found
    assert "Tuesday" not in found and not any("Rick" in name for name in found)


def test_discovered_companies_get_salience(matcher: CompanyMatcher) -> None:
    article = Article(
        "Orbitalia Airlines cuts routes",
        (
            "Orbitalia Airlines said on Monday it would cut ten routes.",
            "Orbitalia blamed fuel costs. Rival Lufthansa did not comment.",
        ),
    )
    found = {m.name: m for m in matcher.find(article)}
    assert found["Orbitalia Airlines"].subject and found["Orbitalia Airlines"].mentions == 3
    assert (
        not CompanyMatcher(matcher.entries, discover=False)
        .find(article)[0]
        .name.startswith("Orbitalia")
    )


def test_a_short_form_a_person_bears_first_is_that_person(matcher: CompanyMatcher) -> None:
    # An obituary: "Freberg" is the adman, named before his agency "Freberg Ltd".
    obituary = Article(
        "",
        (
            "Stan Freberg, whose comic career in advertising won him acclaim, has died. "
            "Freberg died in a Santa Monica hospital. Freberg lampooned the ad business.",
            "In 1958, Freberg opened his own ad agency, Freberg Ltd. Freberg worked in "
            "cartoons for decades.",
        ),
    )
    for m in (matcher, matcher.with_entries([CompanyEntry("Freberg Ltd")])):
        found = {c.name: c for c in m.find(obituary)}  # discovered, then followed
        assert found["Freberg Ltd"].mentions == 1 and not found["Freberg Ltd"].subject
    # Named in full first, the company keeps the bare name, even beside its founder.
    auction = Article(
        "",
        (
            "Zorblax Auctions agreed to pull the items from its sale on Friday.",
            "The lots are packed away, said partner David Zorblax. Zorblax said the sale "
            "goes on. Zorblax expects a record.",
        ),
    )
    followed = matcher.with_entries([CompanyEntry("Zorblax Auctions")])
    assert {c.name: c.mentions for c in followed.find(auction)}["Zorblax Auctions"] == 3
    # A person's name inside a company's name is no person ("John Fairfax Holdings").
    text = "John Zorblax Holdings will buy Trade Me. Zorblax said it was delighted."
    followed = matcher.with_entries([CompanyEntry("Zorblax Holdings")])
    assert followed.mentions_in(text) == {"Zorblax Holdings": 2}
    # A first name or a title makes a surname; a place does not.
    text = "Gujarat Zorblax, Dr. Zorblax and Stan Zorblax"
    assert [at for *_, at in person_surnames([text], {"Zorblax"})] == [21, 38]


def test_sky_needs_support_and_a_glued_dateline_starts_the_sentence(
    matcher: CompanyMatcher,
) -> None:
    assert matcher.mentions_in("Viewers switched to Sky after the deal.") == {"BSkyB": 1}
    # "(CNN)" glued to the first word: that word starts the story, capitalised anyway.
    watchers = "(CNN)Sky watchers in western North America are in for a treat."
    assert matcher.mentions_in(watchers) == {}
    assert matcher.mentions_in("Games aired on Sky Network Television in Auckland.") == {}


def test_the_outlet_whose_tag_opens_a_syndicated_story_is_not_news(
    matcher: CompanyMatcher,
) -> None:
    story = Article(
        "",
        (
            "(Rolling Stone)One summer a few years ago, the singer worked as an intern in "
            "the New York offices of Rolling Stone.",
            "Rolling Stone: Listen to a previously unheard song . She paints every day.",
            "Copyright © 2015 Rolling Stone.",
        ),
    )
    assert "Rolling Stone" not in {c.name for c in matcher.find(story)}
    review = Article("", ("Rolling Stone named the album the best of the year on Monday.",))
    assert [c.name for c in matcher.find(review)] == ["Rolling Stone"]


def test_ambiguous_names_need_support(matcher: CompanyMatcher) -> None:
    assert matcher.mentions_in("Some of the upgrades offered by JAL are pricey.") == {}
    assert matcher.mentions_in("Japan Airlines said JAL would cut fares.") == {"Japan Airlines": 2}
    assert matcher.mentions_in("They played The Who's Next album.") == {}
    assert matcher.mentions_in("F T A ON ALL KEY CAT LOW NOW GOLD SNAP.") == {}
    assert matcher.mentions_in("Euro Disney SCA named a chief.") == {"Euro Disney": 1}
    assert matcher.mentions_in("Laredo SCA named a chief.") == {}  # a legal form, not SCA


def test_several_subjects_and_a_quoted_source(matcher: CompanyMatcher) -> None:
    article = Article(
        "Lloyds and Barclays agree to merge",
        (
            "Lloyds and Barclays said on Monday they had agreed to merge, creating Britain's "
            "largest lender.",
            "Lloyds shareholders will own 55% of the combined bank. Barclays shares rose 4%.",
            '"It makes sense," said Alex Smith, an analyst at Goldman Sachs.',
            "Lloyds said the deal would close next year; Barclays will keep its brand.",
        ),
    )
    found = {m.name: m for m in matcher.find(article)}
    subjects = {name for name, m in found.items() if m.subject}
    assert {"Lloyds Banking Group", "Barclays"} <= subjects
    assert found["Goldman Sachs"].salience < SUBJECT_THRESHOLD


def test_time_warner_story_is_not_about_alphabet(matcher: CompanyMatcher) -> None:
    article = Article(
        "Ad sales boost Time Warner profit",
        (
            "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.",
            "The firm, which is now one of the biggest investors in Google, benefited from "
            "sales of high-speed internet connections and higher advert sales.",
            "Time Warner said fourth quarter sales rose 2% to $11.1bn.",
        ),
    )
    found = {m.name: m for m in matcher.find(article)}
    assert found["Time Warner"].subject
    assert "Alphabet" not in found and not found["Google"].subject


def test_score_article_counts_subjects_and_passing_alerts() -> None:
    label = Labelled(
        "s", "1", ("Kmart", "Sears"), ("Goldman Sachs",), {"Sears": ("Sears, Roebuck & Co.",)}
    )
    tally = score_article(
        label,
        [("Kmart", True), ("Sears Roebuck & Co", True), ("Goldman Sachs", True), ("Other", False)],
        lambda name: set(),
    )
    assert (tally.tp, tally.fp, tally.fn, tally.passing_alerts) == (2, 1, 0, 1)
    assert tally.precision == pytest.approx(2 / 3) and tally.recall == 1.0


def assert_resolves(matcher: CompanyMatcher, expected: dict[str, str]) -> None:
    """Each typed name resolves to the registry company named beside it."""
    for name, company in expected.items():
        entry = matcher.resolve(name)
        assert entry is not None and entry.name == company, name


def test_the_registry_knows_the_names_2004_era_news_used(matcher: CompanyMatcher) -> None:
    """Former names and short forms (benchmarks/registry/era_names.py) resolve to the
    company, and bare words that are mostly something else stay out."""
    expected = {
        "Symantec": "Gen Digital",
        "ChevronTexaco": "Chevron",
        "Ahold": "Ahold Delhaize",
        "Banca Intesa": "Intesa Sanpaolo",
        "Kodak": "Eastman Kodak",
        "NTT DoCoMo": "NTT Docomo",
        "Network Rail": "Network Rail",
        "LinkedIn": "LinkedIn",
        "Priceline": "Booking Holdings",
        "Germanwings": "Germanwings",
        # 2010s media (a third list): publishers, news sites, labels, games makers.
        "Pan Macmillan": "Macmillan Publishers",
        "Huffington Post": "HuffPost",
        "Def Jam": "Def Jam Recordings",
        "Zynga": "Zynga",
        "Sky": "BSkyB",
    }
    assert_resolves(matcher, expected)
    for word in ("Virgin", "Wolfson", "Jarvis", "Granada", "Penguin", "Vice", "Island"):
        assert matcher.resolve(word) is None, word
    headline = Article("A New Look For Classic British Sports Cars", ("Dealers are busy.",))
    assert matcher.find(headline) == []  # Title Case: the capitals say nothing
    assert matcher.mentions_in("Sales at New Look rose 5%.") == {"New Look": 1}


def test_names_are_found_as_english_copy_writes_them(matcher: CompanyMatcher) -> None:
    """Accents dropped and umlauts written out (benchmarks/registry/unaccented.py), and
    listing names shown as people write them (display_names.py)."""
    expected = {
        "Citroen": "PSA Peugeot Citroën",
        "Societe Generale": "Société Générale",
        "Estee Lauder": "Estée Lauder",
        "Deutsche Boerse": "Deutsche Börse",
        "Munchener Ruck": "Munich Re",
        "Becton Dickinson": "Becton Dickinson",
        "Kellogg": "Kellogg",
    }
    assert_resolves(matcher, expected)
    assert matcher.resolve("Schrodinger") is None  # the physicist's name stays out
    found = matcher.mentions_in("Citroen said sales fell; Societe Generale cut its forecast.")
    assert found == {"PSA Peugeot Citroën": 1, "Société Générale": 1}


def test_bare_name_drops_what_people_add_to_a_name() -> None:
    """A leading "The" and trailing legal forms go ("Ring Co Ltd" finds a followed "Ring");
    a name made only of such words stays as typed."""
    assert bare_name("The Gap") == "Gap"
    assert bare_name("Tesla, Inc.") == "Tesla"
    assert bare_name("The Ring Co Ltd") == "Ring"
    assert bare_name("AB InBev") == "AB InBev"
    assert bare_name("Inc") == "Inc"


def test_short_forms_drop_the_and_a_legal_form_leaves_behind() -> None:
    """ "Soho House & Co" is written "Soho House", never "Soho House &"."""
    assert short_forms("Soho House & Co")[0] == ("Soho House", False)
    assert short_forms("KWS SAAT SE & Co. KGaA")[0][0] == "KWS SAAT"
    assert not any(form.endswith(("&", " and")) for form, _ in short_forms("Smith & Co Ltd"))
    assert ("Procter & Gamble", False) in short_forms("Procter & Gamble Co.")  # inner "&" kept
