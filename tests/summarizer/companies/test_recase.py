"""Companies are found in text that lost its capitals (a transcript, a lower-cased paste)."""

from __future__ import annotations

import gc
import weakref

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seeds import companies_file
from summarizer.article import Article
from summarizer.companies.finding.recase import Group, caseless, lowered, recased, spellings
from summarizer.companies.matcher import CompanyEntry, CompanyMatcher, load_registry
from summarizer.companies.registry.index import AliasIndex, alias_mode

# A BBC story (business/291) as a lower-cased paste gives it.
TOBACCO = (
    "us tobacco companies have welcomed an appeal court's decision to reject the "
    "government's $280bn claim for alleged deceit about smoking dangers. tobacco stocks "
    "rose sharply on wall street after the 2-1 decision. among the accused were altria "
    "group, rj reynolds tobacco and lorillard tobacco. altria group said, in a statement, "
    "the government now must prove that the companies are likely to do so in the future. "
    "altria shares rose 5.11%."
)


def names_spelled(*names: str) -> dict[str, tuple[Group, ...]]:
    """The spellings of a registry holding only ``names``."""
    index = AliasIndex()
    for i, name in enumerate(names):
        index.add(name, i, mode=alias_mode(name, ambiguous=False))
    return spellings(index.grams)


@pytest.fixture(scope="module")
def matcher() -> CompanyMatcher:
    return CompanyMatcher(load_registry(companies_file().read_text(encoding="utf-8")))


def test_a_lower_cased_story_names_its_companies(matcher: CompanyMatcher) -> None:
    found = {
        m.name: m for m in matcher.find(Article("tobacco giants hail court ruling", (TOBACCO,)))
    }
    assert found["Altria Group"].subject
    assert found["Altria Group"].mentions == 3  # "altria shares": its word used 3 times


def test_the_same_story_cased_and_lower_cased_agree_on_its_subject(
    matcher: CompanyMatcher,
) -> None:
    """An ambiguous name opening a sentence counts only with what only a company does
    ("Apple said", "Apple shares"), in lower-cased text as in any other."""
    cased = "Apple said on Monday that iPhone sales rose. Apple shares gained 3% in New York."
    subjects = [m.name for m in matcher.find(Article("", (cased,))) if m.subject]
    lowered = [m.name for m in matcher.find(Article("", (cased.lower(),))) if m.subject]
    assert subjects == lowered == ["Apple"]
    fruit = "she ate an apple pie. the apple was red and the shell was hard."
    assert matcher.find(Article("", (fruit,))) == []


def test_a_followed_name_is_found_whole_in_lower_case(matcher: CompanyMatcher) -> None:
    followed = matcher.with_entries([CompanyEntry("Rago Arts and Auction Center")])
    text = (
        "a new jersey auction house, rago arts and auction center, has removed items from its "
        "april 17 sale after an uproar. rago arts and auction center said it would return them. "
        "the sale was to include crafts made in camps during the war."
    )
    found = {m.name: m for m in followed.find(Article("", (text,)))}
    assert found["Rago Arts and Auction Center"].subject


def test_ordinary_words_stay_lower_case(matcher: CompanyMatcher) -> None:
    text = "the shell of the next apple was general and electric."
    found = matcher.find(Article("", (text,)))
    assert found == []


@pytest.mark.parametrize(
    "names", [["Rago Arts and Auction Center"], ["Altria"], ["Toyota Motor", "Freberg Ltd"]]
)
def test_followed_names_extend_the_registry_spellings(
    matcher: CompanyMatcher, names: list[str]
) -> None:
    """A matcher that adds followed names files them into its registry's spellings,
    which then need not be built again: the same as building them from scratch."""
    followed = matcher.with_entries([CompanyEntry(n) for n in names])
    extended = followed._spelled()
    assert extended == spellings(followed._index.grams, tickers=followed._index.bare)


FOLLOWED = ("Varnok Foundry", "Quorbim Outfitters", "Zeltas Logistics", "Pryfen Widgets")


def test_names_followed_one_at_a_time_are_spelled_as_if_followed_at_once(
    matcher: CompanyMatcher,
) -> None:
    """A bot extends its matcher once per name a chat follows: after four names, one at a
    time, lower-case text reads as with a matcher that was given all four at once."""
    one_by_one = matcher
    for name in FOLLOWED:
        one_by_one = one_by_one.with_entries([CompanyEntry(name)])
    at_once = matcher.with_entries([CompanyEntry(name) for name in FOLLOWED])
    assert one_by_one._spelled() == at_once._spelled()
    story = Article(
        "varnok foundry buys a rival",
        ("varnok foundry agreed to buy zeltas logistics. pryfen widgets said no.",),
    )
    assert one_by_one.find(story) == at_once.find(story)
    assert {m.name for m in at_once.find(story)} == {
        "Varnok Foundry",
        "Zeltas Logistics",
        "Pryfen Widgets",
    }


def test_a_matcher_extended_again_lets_the_one_before_go(matcher: CompanyMatcher) -> None:
    """Each new name gives a new matcher; the one before it is not kept alive by it (a
    bot following thousands of names would otherwise hold thousands of index copies)."""
    first = matcher.with_entries([CompanyEntry(FOLLOWED[0])])
    first._spelled()
    gone = weakref.ref(first)
    second = first.with_entries([CompanyEntry(FOLLOWED[1])])
    del first
    gc.collect()
    assert gone() is None
    story = Article("", ("varnok foundry and quorbim outfitters signed a deal.",))
    assert {m.name for m in second.find(story)} == {"Varnok Foundry", "Quorbim Outfitters"}


def test_a_short_form_is_spelled_beside_its_full_name(matcher: CompanyMatcher) -> None:
    """ "blb" beside "blb investors": the matcher counts a followed name's short form only
    beside the full name, in lower-case text as in cased text; not an ordinary word
    ("deep" of Deep Ocean Search)."""
    followed = matcher.with_entries([CompanyEntry("BLB Investors")])
    text = (
        "gaming consortium blb investors has bought the tracks. blb said it would invest. "
        "blb will keep the staff, blb added."
    )
    found = {m.name: m for m in followed.find(Article("", (text,)))}
    assert found["BLB Investors"].mentions == 4
    spelled = names_spelled("Deep Ocean Search")
    assert recased(["deep ocean search said the wreck lay deep down."], spelled) == [
        "Deep Ocean Search said the wreck lay deep down."
    ]


def test_recasing_spells_names_and_opens_sentences() -> None:
    spelled = names_spelled("Rago Arts and Auction Center", "Rago", "IBM", "Frontline")
    text = (
        "rago arts and auction center said. rago's partner met ibm! "
        '"we won," he said of ibm and the frontline staff'
    )
    assert recased([text], spelled) == [
        "Rago Arts and Auction Center said. Rago's partner met IBM! "
        '"We won," he said of IBM and the frontline staff'  # a one-word name used once stays
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a man group of three men was seen at dawn.",  # a name's own "group" is no cue
        "a southern company that makes furniture was sold.",  # "company" is also a word
        "the new target was confirmed on monday. the target is a bridge.",  # a passive
        "the company next year plans to hire. next month it will open.",  # no lead-in
    ],
)
def test_ordinary_prose_names_no_company(matcher: CompanyMatcher, text: str) -> None:
    assert [m.name for m in matcher.find(Article("", (text,))) if m.subject] == []


def test_an_abbreviation_that_is_a_word_is_only_capitalised_in_its_brackets() -> None:
    spelled = names_spelled("United Parcel Service")
    text = "united parcel service (ups) said profits rose. its ups and downs go on."
    assert recased([text], spelled) == [
        "United Parcel Service (UPS) said profits rose. Its ups and downs go on."
    ]


def test_a_name_ending_on_a_legal_form_is_sure_at_once(matcher: CompanyMatcher) -> None:
    """ "sprint corp" is no race: a legal form after a name makes it a company."""
    text = "time warner cable is close to a deal with sprint corp. to offer mobile services."
    assert "Sprint" in {m.name for m in matcher.find(Article("", (text,)))}


def test_an_abbreviation_in_brackets_is_defined_by_the_name_before_it() -> None:
    """ "london stock exchange (lse)": the name is spelled at once (an abbreviation of its
    initials defines it) and the abbreviation is written in capitals wherever it stands,
    as the matcher reads a defined abbreviation in cased text; "(uk)" defines nothing."""
    spelled = names_spelled("London Stock Exchange", "Scottish & Newcastle", "Hewlett-Packard")
    text = (
        "euronext approached the london stock exchange (lse) about a bid. lse's board met. "
        "scottish & newcastle (s&n) and hewlett-packard (hp) were not involved; "
        "the london stock exchange (uk) fell."
    )
    assert recased([text], spelled) == [
        "Euronext approached the London Stock Exchange (LSE) about a bid. LSE's board met. "
        "Scottish & Newcastle (S&N) and Hewlett-Packard (HP) were not involved; "
        "the London Stock Exchange (uk) fell."
    ]
    assert recased(["the london stock exchange (uk) fell."], spelled) == [
        "The london stock exchange (uk) fell."
    ]


def test_a_name_with_a_possessive_inside_is_spelled() -> None:
    """Text reads "moody's" as "moody" (possessives are dropped); names are filed the same
    way, and the text keeps its own apostrophe."""
    spelled = names_spelled("Moody's Investors Service", "Domino's Pizza")
    text = "moody’s investors service cut domino's pizza to junk."
    assert recased([text], spelled) == ["Moody’s Investors Service cut Domino's Pizza to junk."]


def test_text_with_any_capital_is_left_as_it_is() -> None:
    assert caseless(["", "xiaomi rose"])
    assert caseless(["", "I think xiaomi rose, I'm sure"])
    assert caseless(["Xiaomi Rises", "shares in xiaomi rose"])  # a cased headline only
    assert caseless(["xiaomi rose"])
    assert not caseless(["Xiaomi rose", "shares fell", "Xiaomi said"])
    assert not caseless(["", "   "])
    assert not caseless([])


@given(st.lists(st.sampled_from(["rago", "arts", "ibm's", "and", ".", "x", "auction", "center"])))
@settings(max_examples=200, deadline=None)
def test_recasing_changes_only_case(words: list[str]) -> None:
    spelled = names_spelled("Rago Arts", "Rago", "IBM")
    text = " ".join(words)
    [out] = recased([text], spelled)
    assert out.lower() == text


@pytest.mark.parametrize(
    "text",
    [
        "stephen carr crossed for the goal. carr then hit the post.",  # ticker CARR, no name
        "he told the guardian newspaper that the guardian had it wrong.",  # one ordinary word
        "it may take two or three years to recover, the doctor said.",  # ordinary words, once
        "the frontline staff were thanked by the minister on monday.",  # a rare word, once
    ],
)
def test_words_that_are_seldom_a_company_stay_unmatched(matcher: CompanyMatcher, text: str) -> None:
    assert matcher.find(Article("", (text,))) == []


def test_a_surname_after_a_title_or_first_name_stays_a_person(matcher: CompanyMatcher) -> None:
    """Written "Mr Dyson", the matcher's person rules read the story as they read cased
    text: every bare "dyson" is then the man, unless the company is named in full."""
    person = "mr dyson and james dyson met. dyson said dyson sales rose."
    assert matcher.find(Article("", (person,))) == []
    firm = "dyson said on monday that dyson sales rose. the vacuum maker dyson is private."
    assert [m.name for m in matcher.find(Article("", (firm,))) if m.subject] == ["Dyson"]


def test_a_name_that_is_a_frequent_word_needs_a_company_cue(matcher: CompanyMatcher) -> None:
    """ "toyota", "google" or "shell" in lower case count from their second use, and only
    when one use says a company acts: "toyota said", "google's", "shell shares"."""
    firm = "toyota said on monday that sales rose. toyota shares gained 3% in tokyo."
    assert [m.name for m in matcher.find(Article("", (firm,))) if m.subject] == ["Toyota Motor"]
    verb = "if in doubt, google it. i google everything before a trip."
    assert matcher.find(Article("", (verb,))) == []
    oil = "bp said profits rose. bp shares fell 2% in london."
    assert [m.name for m in matcher.find(Article("", (oil,))) if m.subject] == ["BP"]
    health = "his bp was high. the nurse took his bp again an hour later."
    assert matcher.find(Article("", (health,))) == []
    # The cues are the matcher's own, as in cased text: "has warned", "plans", "plc".
    warned = "toyota has warned of a loss. the toyota plant in derby will shut in may."
    assert {m.name: m.mentions for m in matcher.find(Article("", (warned,)))} == {"Toyota Motor": 2}
    shell = "a shell company holds the cash. the shell company was set up in may."
    assert matcher.find(Article("", (shell,))) == []
    # And what salience reads as acting, or a company word before the name.
    cars = "gm and ford cut output. ford sales dropped 3% as rivals took share from gm."
    assert "Ford Motor" in {m.name for m in matcher.find(Article("", (cars,)))}
    river = "they crossed the ford at dawn. the ford was deep after the rain."
    assert matcher.find(Article("", (river,))) == []
    # A name of ordinary words used once counts where it acts too.
    games = "games giants electronic arts and vivendi back the format."
    assert "Electronic Arts" in {m.name for m in matcher.find(Article("", (games,)))}
    art = "the electronic arts festival opens in may."
    assert "Electronic Arts" not in {m.name for m in matcher.find(Article("", (art,)))}


def test_an_all_capitals_story_is_read_as_lower_case(matcher: CompanyMatcher) -> None:
    """Capitals that say nothing would make every word a name ("3M VIEWERS", "WITH HALL &
    WOODHOUSE"): the story is lower-cased and recased like one that lost its capitals."""
    firm = "TOYOTA SAID ON MONDAY THAT SALES ROSE. TOYOTA SHARES GAINED 3% IN TOKYO."
    assert [m.name for m in matcher.find(Article("", (firm,))) if m.subject] == ["Toyota Motor"]
    noise = "THE FILM DREW 3M VIEWERS. THE FRONTLINE STAFF CHEERED WITH THE CAST."
    assert matcher.find(Article("", (noise,))) == []
    assert lowered(["XIAOMI RISES", "Shares in Xiaomi rose."]) is None  # only the headline
    assert lowered(["", "SHARES ROSE"]) == ["", "shares rose"]


def test_the_person_rule_stops_at_punctuation(matcher: CompanyMatcher) -> None:
    text = "sales rose. toyota said it would expand. analysts expect toyota to grow."
    assert [m.name for m in matcher.find(Article("", (text,))) if m.subject] == ["Toyota Motor"]


def test_a_story_of_legal_forms_is_matched_quickly(matcher: CompanyMatcher) -> None:
    """770 registry names end on "ltd": names are looked up per group, not tried one by one
    (this took minutes). Asserted by outcome, the time is in bench_mentions."""
    assert matcher.find(Article("", ("ltd " * 20_000,))) == []
