"""Company mention detection on the shipped registry and on small hand-made registries."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seeds import companies_file
from summarizer.article import Article
from summarizer.companies.matcher import (
    SUBJECT_THRESHOLD,
    CompanyEntry,
    CompanyMatcher,
    load_registry,
)
from summarizer.errors import InputError
from summarizer.text.clean import parse_article


@pytest.fixture(scope="module")
def matcher() -> CompanyMatcher:
    return CompanyMatcher(load_registry(companies_file().read_text(encoding="utf-8")))


def names(matcher: CompanyMatcher, title: str, *paragraphs: str) -> list[str]:
    return [m.name for m in matcher.find(Article(title, tuple(paragraphs)))]


def counts(matcher: CompanyMatcher, text: str) -> dict[str, int]:
    return matcher.mentions_in(text)


# --- the seed article -------------------------------------------------------------


def test_seed_ranks_xiaomi_then_great_wall_and_ignores_boilerplate(
    matcher: CompanyMatcher, seed_text: str
) -> None:
    found = matcher.find(parse_article(seed_text))
    by_name = {m.name: m for m in found}
    assert found[0].name == "Xiaomi"
    assert set(by_name) == {"Xiaomi", "Great Wall Motor", "Apple", "Huawei", "Baidu", "Geely"}
    assert "Microsoft" not in by_name  # only named in the page's "Recent Stories" teasers
    assert by_name["Xiaomi"].salience > 0.9 and by_name["Xiaomi"].subject
    assert by_name["Xiaomi"].mentions == 11  # title + 10 in the body, possessives included
    assert by_name["Great Wall Motor"].mentions == 2  # "Great Wall Motor’s" + "Great Wall"
    for name in ("Apple", "Huawei", "Baidu", "Geely"):
        assert not by_name[name].subject
        assert by_name[name].salience < SUBJECT_THRESHOLD
    assert [m.salience for m in found] == sorted((m.salience for m in found), reverse=True)


def test_uncleaned_seed_would_name_microsoft(matcher: CompanyMatcher, seed_text: str) -> None:
    """Why cleaning matters: the raw page names Microsoft in its teasers."""
    assert "Microsoft" in counts(matcher, seed_text)


# --- case rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Grandma baked an apple pie with Granny Smith apples.",
        "Apple pie is best served warm.",
        "She collected a sea shell on the beach and a shell casing.",
        "You will have to shell out for good butter.",
        "Next, roll out the dough and mind the gap.",
        "Target prices rose while visa applications fell.",
        "The amazon parrot lives in the Amazon rainforest.",
        "Tourists walked along the Great Wall of China for hours.",
        "The oracle of Delphi spoke; the Oracle of Omaha bought more shares.",
        "Genetically modified (GM) crops and GM food are banned here.",
        "He had to google it on his phone.",
    ],
)
def test_common_words_are_not_companies(matcher: CompanyMatcher, text: str) -> None:
    assert counts(matcher, text) == {}


def test_capitalised_mid_sentence_common_word_is_the_company(matcher: CompanyMatcher) -> None:
    assert counts(matcher, "Shares of Apple rose while Shell fell and Visa was flat.") == {
        "Apple": 1,
        "Shell": 1,
        "Visa": 1,
    }
    assert counts(matcher, "Shell plc said profits rose.") == {"Shell": 1}


def test_sentence_start_common_word_needs_another_unambiguous_mention(
    matcher: CompanyMatcher,
) -> None:
    assert names(matcher, "Pie recipes", "Apple pie is nice. Apple season is here.") == []
    assert names(matcher, "Results", "Apple said sales rose.", "Analysts liked Apple Inc. results.")
    found = matcher.find(Article("Results", ("Apple rose.", "Investors bought Apple.")))
    assert found[0].name == "Apple" and found[0].mentions == 2
    # Only a company "said" or has "shares": that settles it even at a sentence start.
    found = matcher.find(Article("Results", ("Apple said sales rose.", "Apple shares fell.")))
    assert found[0].name == "Apple" and found[0].mentions == 2
    assert names(matcher, "Pies", "Apple pies are sold out. Apple juice said to be good.") == []
    # Boeing's "Next Generation" 737s are no Next plc.
    text = "The airline ordered 20 Next Generation 737s from Boeing, Boeing said."
    assert names(matcher, "Airline orders jets", text) == ["Boeing"]
    # Nor is Boeing's Delta rocket programme Delta Air Lines.
    text = "Boeing's Delta Program units may bid again, Boeing said. Boeing builds the Delta IV."
    assert names(matcher, "Boeing may bid", text) == ["Boeing"]


def test_a_firm_sharing_a_common_word_with_a_company_is_not_that_company(
    matcher: CompanyMatcher,
) -> None:
    # The Beatles' Apple Corps suing Apple Computer: two companies, each with its mentions.
    text = (
        "Apple Corps Ltd, the Beatles' record company, has sued Apple Computer over iTunes. "
        "Apple Corps says the deal broke a 1991 agreement. Apple Computer will fight it."
    )
    found = {m.name: m.mentions for m in matcher.find(Article("Beatles firm sues", (text,)))}
    assert found == {"Apple Corps": 2, "Apple": 2}
    assert names(matcher, "Reissue", "Apple Records will reissue it, Apple Records said.") == [
        "Apple Corps"
    ]
    # A studio, a TV show, a research firm, a fund and a tournament are not the companies
    # whose name they start with.
    text = "The band recorded at Abbey Road. Abbey Road said it was pleased."
    assert names(matcher, "Studio", text) == []
    text = "America's Next Top Model drew 5m viewers, ahead of Next Top Model's rivals."
    assert names(matcher, "Ratings", text) == []
    text = "Continental Research found that 40% use broadband, Continental Research said."
    assert names(matcher, "Broadband", text) == []
    text = "Polaris Ventures put $10m into the firm, a partner at Polaris Ventures said."
    assert names(matcher, "Start-up raises $10m", text) == []
    text = "Brazil won the Copa America, and Copa America organisers were pleased."
    assert names(matcher, "Final", text) == []
    # Rohm and Haas, the chemicals maker, is not Rohm, the Japanese chipmaker.
    text = "Dow Chemical will buy Rohm and Haas for $15bn, Rohm and Haas said."
    assert names(matcher, "Dow buys rival", text) == ["Rohm and Haas", "Dow Inc."]


def test_title_case_headline_alone_does_not_name_a_common_word(matcher: CompanyMatcher) -> None:
    assert names(matcher, "The Best Apple Recipes For Autumn Evenings", "Bake them slowly.") == []
    assert names(matcher, "Apple Unveils A Cheaper iPhone Model", "Apple rose on Monday.") == []
    found = names(matcher, "Apple Unveils A Cheaper iPhone Model", "Shares of Apple rose 2%.")
    assert found == ["Apple"]


def test_all_caps_aliases_match_only_as_written(matcher: CompanyMatcher) -> None:
    assert counts(matcher, "BYD and VW and NIO sold more cars.") == {
        "BYD": 1,
        "Volkswagen": 1,
        "NIO": 1,
    }
    assert counts(matcher, "Byd vw nio") == {}
    assert counts(matcher, "Chinese carmaker Nio said deliveries rose.") == {"NIO": 1}


def test_lower_case_distinctive_names_are_ignored_but_other_cases_match(
    matcher: CompanyMatcher,
) -> None:
    assert counts(matcher, "XIAOMI SHARES JUMP as Blackrock buys") == {"Xiaomi": 1, "BlackRock": 1}
    assert counts(matcher, "i googled xiaomi") == {}


def test_capitalised_words_of_an_alias_stay_capitalised(matcher: CompanyMatcher) -> None:
    assert counts(matcher, "Indian oil imports rose, said the Tata group.") == {"Tata Group": 1}
    assert counts(matcher, "Indian Oil and INDIAN OIL CORPORATION") == {"Indian Oil": 2}


def test_person_names_are_not_companies(matcher: CompanyMatcher) -> None:
    assert counts(matcher, "The film stars Harrison Ford and a statue of Nikola Tesla.") == {}
    assert counts(matcher, "The award went to director Tom Ford and Michael Dell.") == {}
    assert counts(matcher, "Chairman Bill Ford said Ford would cut jobs.") == {"Ford Motor": 1}
    text = "Mr Hilton was chosen. Hilton said he would stand."
    assert names(matcher, "Candidate chosen", text) == []
    assert names(matcher, "Harrison Ford retires", "Ford, 80, said he was done.") == []


def test_a_nationality_before_a_name_is_no_first_name(matcher: CompanyMatcher) -> None:
    # "Malaysian" (like "Czech", "Iraqi", "Icelandic") is no person's first name: the word
    # after it is still the company, as after "Japanese".
    text = "The deal was signed by Chevron and the Malaysian Petronas on Monday."
    assert counts(matcher, text) == {"Chevron": 1, "Petronas": 1}
    assert counts(matcher, "The rivals of the Czech Skoda grew.") == {"Skoda Auto": 1}


def test_a_phrase_one_company_excludes_is_still_another_companys_own_name(
    matcher: CompanyMatcher,
) -> None:
    # Continental (the tyre maker) excludes "Continental Airlines", JD.com "JD Sports" and
    # Lloyds Banking Group "Lloyd's of London": each is a registry company of its own.
    text = "Continental Airlines, JD Sports and Lloyd's of London cut costs."
    assert counts(matcher, text) == {
        "Continental Airlines": 1,
        "JD Sports Fashion": 1,
        "Lloyd's of London": 1,
    }


def test_a_common_word_opening_a_name_the_text_gave_first_is_that_company(
    matcher: CompanyMatcher,
) -> None:
    # The airline, not the tyre maker named "Continental" too.
    found = matcher.find(
        Article(
            "Continental and United to merge",
            (
                "Continental Airlines and United Airlines said they would merge.",
                "Continental shares rose 5%. Continental is based in Houston.",
            ),
        )
    )
    assert {m.name: m.mentions for m in found} == {"Continental Airlines": 4, "United Airlines": 1}
    tyres = Article("Continental raises outlook", ("Continental said tyre sales rose.",))
    assert names(matcher, tyres.title, *tyres.paragraphs) == ["Continental"]
    # A company named first keeps its word: Apple, then "the Apple Insider website".
    text = "Apple sued three bloggers. Apple said the Apple Insider website leaked secrets."
    assert "Apple" in names(matcher, "Apple sues bloggers", text)
    # Only where the word is the other name's short form (the rest says what it does),
    # the company is not named outright, and the other is no unit of it.
    for text, kept in (
        ("Apple Hospitality REIT bought hotels. Separately, Apple said sales rose.", "Apple"),
        ("Leonardo DRS shares fell. Leonardo said it would keep its stake.", "Leonardo"),
        (
            "Toyota Industries will be sold. Toyota Motor will own 20%. Toyota said so.",
            "Toyota Motor",
        ),
        ("Hitachi Metals was sold. Hitachi said it would invest the money.", "Hitachi"),
    ):
        found = {m.name: m.mentions for m in matcher.find(Article("Deal news", (text,)))}
        assert found.get(kept, 0) >= 1, (text, found)


def test_founder_names_do_not_hide_their_company(matcher: CompanyMatcher) -> None:
    text = "Its founder, Michael Dell, said Dell would hire. Chairman Bill Ford said Ford agreed."
    assert counts(matcher, text) == {"Dell Technologies": 1, "Ford Motor": 1}


def test_names_that_are_not_persons_still_match(matcher: CompanyMatcher) -> None:
    text = (
        "On Monday Ford said sales rose in Hungary. Stellantis gained, and Beijing-based BYD fell."
    )
    assert counts(matcher, text) == {"Ford Motor": 1, "Stellantis": 1, "BYD": 1}


# --- word boundaries, possessives, longest alias ------------------------------------------


def test_word_boundaries(matcher: CompanyMatcher) -> None:
    assert counts(matcher, "Xiaomis and NIOBIUM and Teslas and unXiaomi") == {}
    assert counts(matcher, "the Xiaomi-backed startup") == {"Xiaomi": 1}


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_possessives_with_curly_and_straight_apostrophes(
    matcher: CompanyMatcher, apostrophe: str
) -> None:
    text = f"Great Wall Motor{apostrophe}s factory and Xiaomi{apostrophe}s founder"
    assert counts(matcher, text) == {"Great Wall Motor": 1, "Xiaomi": 1}
    assert counts(matcher, f"McDonald{apostrophe}s and L{apostrophe}Oréal") == {
        "McDonald's": 1,
        "L'Oréal": 1,
    }


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_a_name_written_with_an_inner_possessive(matcher: CompanyMatcher, apostrophe: str) -> None:
    # "Victoria's Secret" was in the registry but never found: the text's "Victoria's"
    # was read as Victoria plus a possessive, which ended the name there.
    text = f"Victoria{apostrophe}s Secret and Lane Bryant, and Victoria{apostrophe}s own shop"
    assert counts(matcher, text) == {"Victoria's Secret": 1, "Lane Bryant": 1}
    followed = matcher.with_entries([CompanyEntry("Sam's Club")])
    story = f"Sam{apostrophe}s Club will cut jobs. Sam{apostrophe}s Club shares fell."
    assert counts(followed, story) == {"Sam's Club": 2}
    assert counts(followed, "Sam's Club's profits rose.") == {"Sam's Club": 1}


def test_a_followed_camel_case_name_is_also_found_spaced(matcher: CompanyMatcher) -> None:
    followed = matcher.with_entries([CompanyEntry("AppleInsider"), CompanyEntry("McWidget")])
    text = "A suit against Apple Insider; AppleInsider said so. Mc Widget is no McWidget."
    assert counts(followed, text) == {"AppleInsider": 2, "McWidget": 1}


def test_longest_alias_wins(matcher: CompanyMatcher) -> None:
    assert counts(matcher, "Great Wall Motor said so.") == {"Great Wall Motor": 1}
    assert counts(matcher, "Apple Inc. and Samsung SDI and Kotak Mahindra Bank") == {
        "Apple": 1,
        "Samsung SDI": 1,
        "Kotak Mahindra Bank": 1,
    }
    assert counts(matcher, "Mercedes-Benz and Apple, Inc. agreed") == {
        "Mercedes-Benz Group": 1,
        "Apple": 1,
    }


def test_longest_alias_wins_regardless_of_registry_order() -> None:
    entries = [CompanyEntry("Great Wall", ("GW",)), CompanyEntry("Great Wall Motor")]
    m = CompanyMatcher(entries)
    assert m.mentions_in("Great Wall Motor and Great Wall") == {
        "Great Wall Motor": 1,
        "Great Wall": 1,
    }


# --- tickers ----------------------------------------------------------------------------


def test_ticker_forms(matcher: CompanyMatcher) -> None:
    assert counts(matcher, "Apple Inc (NASDAQ: AAPL) rose") == {"Apple": 2}
    assert counts(matcher, "Buy $TSLA and NYSE:F and (AAPL.O) and (1810.HK)") == {
        "Tesla": 1,
        "Ford Motor": 1,
        "Apple": 1,
        "Xiaomi": 1,
    }
    assert counts(matcher, "I have held NVDA since 2019") == {"Nvidia": 1}


def test_short_or_word_tickers_never_match_bare(matcher: CompanyMatcher) -> None:
    text = "F T A ON ALL KEY CAT LOW NOW GOLD SNAP. ALL eyes on the KEY data. (GM) (BNP) (EU)"
    assert counts(matcher, text) == {}


def test_ticker_rules_on_a_small_registry() -> None:
    m = CompanyMatcher(
        [CompanyEntry("Ford Motor", ("Ford",), "F"), CompanyEntry("Allstate", (), "ALL")]
    )
    assert m.mentions_in("ALL of us drove a F-150") == {}
    assert m.mentions_in("(NYSE: ALL) and $F") == {"Allstate": 1, "Ford Motor": 1}


# --- registry, resolve, suggest, custom names ------------------------------------------


def test_resolve_by_name_alias_or_ticker(matcher: CompanyMatcher) -> None:
    # A subsidiary with its own name is its own company (labelling guide, rule 3).
    assert matcher.resolve("Google").name == "Google"  # type: ignore[union-attr]
    assert matcher.resolve("Alphabet Inc.").name == "Alphabet"  # type: ignore[union-attr]
    assert matcher.resolve("BA").name == "British Airways"  # type: ignore[union-attr]
    assert matcher.resolve("apple inc").name == "Apple"  # type: ignore[union-attr]
    assert matcher.resolve("AAPL").name == "Apple"  # type: ignore[union-attr]
    assert matcher.resolve("$tsla").name == "Tesla"  # type: ignore[union-attr]
    assert matcher.resolve("great wall").name == "Great Wall Motor"  # type: ignore[union-attr]
    assert matcher.resolve("Hon Hai").name == "Foxconn"  # type: ignore[union-attr]
    assert matcher.resolve("Frobnicate Widgets") is None


@pytest.mark.parametrize(
    ("typo", "expected"),
    [("Xaomi", "Xiaomi"), ("Tesal", "Tesla"), ("Volkswagon", "Volkswagen"), ("Huawai", "Huawei")],
)
def test_suggest_close_misspellings(matcher: CompanyMatcher, typo: str, expected: str) -> None:
    found = matcher.suggest(typo)
    assert found[0] == expected
    assert len(found) <= 3


def test_suggest_nothing_for_unrelated_text(matcher: CompanyMatcher) -> None:
    assert matcher.suggest("bananas") == []
    assert matcher.suggest("   ") == []


def test_custom_name_followed_by_a_user_is_matched_from_then_on(
    matcher: CompanyMatcher,
) -> None:
    article = Article("Rivals react", ("Frobnicate Widgets said on Monday it would expand.",))
    assert matcher.find(article) == []
    extended = matcher.with_entries([CompanyEntry("Frobnicate Widgets")])
    assert [m.name for m in extended.find(article)] == ["Frobnicate Widgets"]
    assert extended.resolve("frobnicate widgets") is not None
    assert matcher.with_entries([CompanyEntry("xiaomi")]) is matcher  # already known


def test_registry_is_large_and_consistent() -> None:
    entries = load_registry(companies_file().read_text(encoding="utf-8"))
    assert len(entries) >= 300
    assert {e.country for e in entries} >= {"US", "CN", "DE", "FR", "GB", "JP", "KR", "IN"}
    m = CompanyMatcher(entries)
    owners: dict[str, str] = {}
    for e in entries:
        assert e.ambiguous == tuple(a for a in e.ambiguous if a in (e.name, *e.aliases))
        for alias in (e.name, *e.aliases):
            resolved = m.resolve(alias)
            assert resolved is not None
            owners.setdefault(resolved.name, e.name)
            assert resolved.name == e.name, f"{alias!r} of {e.name} resolves to {resolved.name}"
    for must in (
        "Apple",
        "Alphabet",
        "Meta Platforms",
        "Volkswagen",
        "BYD",
        "Tencent Holdings",
        "Alibaba Group",
        "Baidu",
        "Geely",
        "Huawei",
        "Xiaomi",
        "NIO",
        "XPeng",
        "Li Auto",
        "SAIC Motor",
        "CATL",
        "Foxconn",
        "TSMC",
        "Samsung Electronics",
        "Sony Group",
        "Toyota Motor",
        "Great Wall Motor",
    ):
        assert must in owners


def test_load_registry_rejects_bad_json() -> None:
    with pytest.raises(InputError, match="not valid JSON"):
        load_registry("[{")
    with pytest.raises(InputError, match="JSON list"):
        load_registry('{"name": "x"}')
    with pytest.raises(InputError, match="non-empty name"):
        load_registry('[{"aliases": []}]')
    with pytest.raises(InputError, match="aliases"):
        load_registry(json.dumps([{"name": "X", "aliases": "Y"}]))


def test_no_companies_and_empty_text(matcher: CompanyMatcher) -> None:
    assert matcher.find(Article("Rain expected", ("It will rain on Tuesday.",))) == []
    assert matcher.mentions_in("") == {}


def test_salience_and_subject_fields(matcher: CompanyMatcher) -> None:
    article = Article(
        "Siemens to cut 5,000 jobs",
        (
            "Siemens said on Tuesday it would cut 5,000 jobs.",
            "Rival ABB did not comment.",
            "Siemens shares rose 2%.",
        ),
    )
    found = matcher.find(article)
    assert found[0].name == "Siemens" and found[0].subject and found[0].mentions == 3
    assert found[0].salience > 0.9
    assert found[1].name == "ABB" and not found[1].subject
    assert 0 < found[1].salience < SUBJECT_THRESHOLD


def test_passing_mention_alone_is_not_a_subject(matcher: CompanyMatcher) -> None:
    article = Article(
        "Heavy rain floods streets",
        (
            "Roads were closed across the city.",
            "Water reached shops and homes.",
            "A Tesco store near the river shut early.",
            "More rain is expected tomorrow.",
        ),
    )
    (only,) = matcher.find(article)
    assert only.name == "Tesco" and not only.subject


# --- any input -----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Apple",
        "apple",
        "Apple's",
        "Shell",
        "Great Wall",
        "Motor",
        "Mr",
        "Harrison",
        "Ford",
        "(GM)",
        "$TSLA",
        "NYSE:",
        "F",
        "Xiaomi’s",
        ".",
        ",",
        "\n",
        "the",
        "said",
        "Inc.",
        "’",
        "(",
        ")",
        "&",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    title=st.lists(_PIECES, max_size=8).map(" ".join),
    body=st.lists(st.lists(_PIECES | st.text(max_size=12), max_size=30).map(" ".join), max_size=6),
)
def test_any_text_gives_a_sane_ranking(
    matcher: CompanyMatcher, title: str, body: list[str]
) -> None:
    found = matcher.find(Article(title, tuple(body)))
    assert [m.salience for m in found] == sorted((m.salience for m in found), reverse=True)
    assert len({m.name for m in found}) == len(found)
    for m in found:
        assert 0.0 < m.salience <= 1.0
        assert m.mentions >= 1
        assert m.subject == (m.salience >= SUBJECT_THRESHOLD)


def test_chinese_japanese_and_korean_names(matcher: CompanyMatcher) -> None:
    assert counts(matcher, "小米汽车周四发布新车，长城汽车股价上涨。") == {
        "Xiaomi": 1,
        "Great Wall Motor": 1,
    }
    assert counts(matcher, "早餐喝小米粥。") == {}  # millet porridge, not Xiaomi
    assert counts(matcher, "トヨタ自動車とソニーが提携") == {"Toyota Motor": 1, "Sony Group": 1}
    assert counts(matcher, "삼성전자는 LG전자와 경쟁한다") == {
        "Samsung Electronics": 1,
        "LG Electronics": 1,
    }
    found = matcher.find(Article("小米进军电动汽车", ("小米将生产电动汽车。", "华为也在造车。")))
    assert [m.name for m in found] == ["Xiaomi", "Huawei"]
    assert found[0].subject


@pytest.mark.parametrize("text", ["Nonexistent Corp", "Acme Widgets", "Foo", "<script>", "😀"])
def test_suggest_offers_no_loose_partial_matches(matcher: CompanyMatcher, text: str) -> None:
    # WRatio's partial matching used to offer "Nexi, Intel, IBM" for "Nonexistent Corp".
    assert matcher.suggest(text) == []


def test_suggest_a_leading_word_of_a_longer_name(matcher: CompanyMatcher) -> None:
    assert matcher.suggest("Xaomi") == ["Xiaomi"]
    assert "Berkshire Hathaway" in matcher.suggest("Berkshire")
    assert matcher.suggest("Xiaomi abc") == ["Xiaomi"]  # a name and a stray word


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shares in iFlytek rose after iFlytek said profits doubled.", "iFlytek"),
        ("uniQure said its gene therapy worked, and uniQure shares jumped.", "uniQure"),
        ("nVent Electric raised its outlook for the year.", "nVent Electric"),
        ("Shares of eBay fell after eBay cut its forecast.", "eBay"),
    ],
)
def test_names_written_lower_case_first_with_inner_capitals(
    matcher: CompanyMatcher, text: str, name: str
) -> None:
    # The registry stores such first words folded ("iflytek"); the text keeps "iFlytek".
    assert name in names(matcher, "", text)
