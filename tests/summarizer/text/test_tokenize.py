"""Offline sentence/word splitting: news edge cases, other languages, sumy interop."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text.language import detect_language, stop_words
from summarizer.text.split import NewsTokenizer, punkt_language


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "The U.S. economy grew 2.5% in the third quarter. Analysts were surprised.",
            ["The U.S. economy grew 2.5% in the third quarter.", "Analysts were surprised."],
        ),
        (
            "The firm is based in the U.S. It employs 500 people.",
            ["The firm is based in the U.S.", "It employs 500 people."],
        ),
        (
            "The U.K. and the E.U. agreed. Talks continue.",
            ["The U.K. and the E.U. agreed.", "Talks continue."],
        ),
        (
            "Revenue rose, e.g. in Asia, by 3.4 per cent. Costs fell.",
            ["Revenue rose, e.g. in Asia, by 3.4 per cent.", "Costs fell."],
        ),
        (
            "Revenue was $1.2bn, i.e. up 5%. Costs fell.",
            ["Revenue was $1.2bn, i.e. up 5%.", "Costs fell."],
        ),
        (
            "Mr. Smith met Dr. Jones at 3 p.m. on Jan. 5. They talked.",
            ["Mr. Smith met Dr. Jones at 3 p.m. on Jan. 5.", "They talked."],
        ),
        (
            "Apple Inc. reported results. Microsoft Corp. did too.",
            ["Apple Inc. reported results.", "Microsoft Corp. did too."],
        ),
        (
            "It costs 3.5 bn. vs. 2.1 bn. last year. Fine.",
            ["It costs 3.5 bn. vs. 2.1 bn. last year.", "Fine."],
        ),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        # A name or title ending in ! or ? does not end the sentence before a lower-case word.
        (
            "Ballmer notified Yahoo! chief executive Jerry Yang by letter. Yahoo! declined.",
            ["Ballmer notified Yahoo! chief executive Jerry Yang by letter.", "Yahoo! declined."],
        ),
        (
            "Do They Know It's Christmas? is expected to top the chart. It sold well.",
            [
                "Do They Know It's Christmas? is expected to top the chart.",
                "It sold well.",
            ],
        ),
        ('"Why?" he asked. Nobody answered.', ['"Why?" he asked.', "Nobody answered."]),
        # Most of a short cased paragraph's splits may be wrong: it is still cased.
        (
            "The U.S. economy grew 2.5 pct. in Q3, the Commerce Dept. said.",
            ["The U.S. economy grew 2.5 pct. in Q3, the Commerce Dept. said."],
        ),
        # A bracket may close the abbreviation.
        (
            "Sen. Jane Doe (D-Mass.) said no. Rep. John Roe (R-Wis.) agreed.",
            ["Sen. Jane Doe (D-Mass.) said no.", "Rep. John Roe (R-Wis.) agreed."],
        ),
    ],
)
def test_sentences_keep_abbreviations_and_decimals(
    tok: NewsTokenizer, paragraph: str, expected: list[str]
) -> None:
    assert list(tok.to_sentences(paragraph)) == expected


@pytest.mark.parametrize("open_q,close_q", [('"', '"'), ("“", "”")])
def test_a_multi_sentence_quotation_stays_one_sentence(
    tok: NewsTokenizer, open_q: str, close_q: str
) -> None:
    text = f"He said: {open_q}Prices will rise. We are ready.{close_q} Then he left."
    assert tok.to_sentences(text) == (
        f"He said: {open_q}Prices will rise. We are ready.{close_q}",
        "Then he left.",
    )


def test_balanced_quotes_still_split(tok: NewsTokenizer) -> None:
    text = '"We are ready," he said. "Prices will rise." She agreed.'
    assert tok.to_sentences(text) == (
        '"We are ready," he said.',
        '"Prices will rise."',
        "She agreed.",
    )


def test_a_name_ending_on_an_abbreviation_ends_a_sentence_before_a_quotation(
    tok: NewsTokenizer,
) -> None:
    text = 'It owns CNN and Warner Bros. "We are thrilled," said its chief. Shares rose.'
    assert tok.to_sentences(text) == (
        "It owns CNN and Warner Bros.",
        '"We are thrilled," said its chief.',
        "Shares rose.",
    )
    # A title before a quoted nickname is no name's end, nor is a quoted title after one.
    for one in (
        'He met Mr. "Tiny" Rowland in London.',
        'He quoted Martin Luther King Jr. "I Have a Dream" speech at the rally.',
        'The success of Warner Bros. "Barbie" lifted profits.',
    ):
        assert len(tok.to_sentences(one)) == 1, one


def test_an_unclosed_quote_does_not_glue_a_long_paragraph(tok: NewsTokenizer) -> None:
    sentences = [
        f"Sentence number {i} talks about the quarterly results of the company." for i in range(20)
    ]
    text = 'He said "maybe. ' + " ".join(sentences)
    assert len(tok.to_sentences(text)) >= 15


def test_words_drop_punctuation_and_keep_inner_marks(tok: NewsTokenizer) -> None:
    words = tok.to_words("Xiaomi’s low-cost U.S. EVs cost $1.2bn — 3.5% more, said Lei's firm.")
    assert words == (
        "Xiaomi’s",
        "low-cost",
        "U.S",
        "EVs",
        "cost",
        "1.2bn",
        "3.5",
        "more",
        "said",
        "Lei's",
        "firm",
    )


def test_whitespace_and_empty_input(tok: NewsTokenizer) -> None:
    assert tok.to_sentences("   ") == ()
    assert tok.to_words("... — !!!") == ()
    assert tok.to_sentences("  One.   Two.  ") == ("One.", "Two.")
    assert tok.to_sentences("A line\nwrapped  here. Next.") == ("A line wrapped here.", "Next.")


@given(st.text(alphabet=st.sampled_from(list("abc XYZ.!?\"“”'\n0123,")), max_size=200))
@settings(max_examples=200, deadline=None)
def test_splitting_never_loses_or_invents_text(text: str) -> None:
    sentences = NewsTokenizer().to_sentences(text)
    assert re.sub(r"\s", "", "".join(sentences)) == re.sub(r"\s", "", text)
    assert all(s == s.strip() and s for s in sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The boy must use a special suncream as he suffers from a rare sunlight allergy "
            "He suffers from a condition which means he burns in minutes.",
            (
                "The boy must use a special suncream as he suffers from a rare sunlight allergy",
                "He suffers from a condition which means he burns in minutes.",
            ),
        ),
        (
            "Hazard was pictured at the training ground with his manager (right) The "
            "winger has scored nine goals in his last ten games.",
            (
                "Hazard was pictured at the training ground with his manager (right)",
                "The winger has scored nine goals in his last ten games.",
            ),
        ),
        (
            "Crowds gathered to watch the first lady at her garden challenge The first lady "
            "also encouraged the students to eat well. Then she left.",
            (
                "Crowds gathered to watch the first lady at her garden challenge",
                "The first lady also encouraged the students to eat well.",
                "Then she left.",
            ),
        ),
    ],
)
def test_a_line_that_lost_its_full_stop_is_split_off(
    tok: NewsTokenizer, text: str, expected: tuple[str, ...]
) -> None:
    assert tok.to_sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She joined The band in 2010 and played with them for many years since then.",
        "He was the star of The show for most of its run on national television.",
        "Fans who read The novel in school will find the new film very faithful to it.",
        "They said the trip to The Hague would take about three hours by train.",
        "Short label He says so.",  # too short a run to be a line
    ],
)
def test_titles_and_short_runs_are_not_split(tok: NewsTokenizer, text: str) -> None:
    assert tok.to_sentences(text) == (text,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The firm said profits rose.The company will hire staff.",
            ("The firm said profits rose.", "The company will hire staff."),
        ),
        ("Were they pleased?Shares rose.", ("Were they pleased?", "Shares rose.")),
        ("He spoke to Mr Smith.He agreed.", ("He spoke to Mr Smith.", "He agreed.")),
        ("It opened in 2013.The firm grew.", ("It opened in 2013.", "The firm grew.")),
        # A straight quote after the stop closes when one is open, else it opens.
        ('He said "we won."More came.', ('He said "we won."', "More came.")),
        (
            'It is about to make history."Furious 7" opens today.',
            ("It is about to make history.", '"Furious 7" opens today.'),
        ),
        ("It was big.“Really,” he said.", ("It was big.", "“Really,” he said.")),
    ],
)
def test_a_full_stop_glued_to_the_next_sentence_ends_it(
    tok: NewsTokenizer, text: str, expected: tuple[str, ...]
) -> None:
    assert tok.to_sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He flew to St.Louis and shopped at Amazon.Com on Monday.",
        "She met Mrs.Smith in the U.S.The talks went on.",
        "Visit Www.Amazon.com or www.Google.com today.",
        "Write to press.Office@acme.com or see acme.Com/news and news.Google.com for more.",
    ],
)
def test_names_acronyms_and_addresses_keep_their_stops(tok: NewsTokenizer, text: str) -> None:
    assert tok.to_sentences(text) == (text,)


@given(
    st.lists(
        st.sampled_from(["the", "deal", "rose", "He", "The", "It", "(left)", "said", "a", "X."]),
        max_size=40,
    )
)
@settings(max_examples=200, deadline=None)
def test_splitting_glued_lines_never_loses_text(words: list[str]) -> None:
    text = " ".join(words)
    sentences = NewsTokenizer().to_sentences(text)
    assert " ".join(sentences) == " ".join(text.split())


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Chinese smartphone maker Xiaomi is to become the latest tech firm to start "
            "producing electric vehicles, according to sources.",
            "english",
        ),
        (
            "Le constructeur chinois Xiaomi va se lancer dans la course aux véhicules "
            "électriques, selon des sources citées par Reuters.",
            "french",
        ),
        (
            "Der chinesische Smartphone-Hersteller Xiaomi will in das Geschäft mit "
            "Elektroautos einsteigen, wie die Nachrichtenagentur berichtet.",
            "german",
        ),
        (
            "El fabricante chino Xiaomi se convertirá en la última empresa tecnológica en "
            "producir vehículos eléctricos.",
            "spanish",
        ),
        ("Компания Xiaomi объявила о выходе на рынок электромобилей.", "russian"),
        ("小米公司今天宣布进入电动汽车市场。", "chinese"),
        ("シャオミは電気自動車市場に参入する。", "japanese"),
        ("12345 678 !!!", "english"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


_ENGLISH = (
    "The company said on Tuesday that it would build a new plant in Ohio, and that "
    "the work on it was to start in the spring of next year. "
)
_FRENCH = (
    "La société a annoncé mardi qu'elle allait construire une nouvelle usine dans "
    "le pays, et que les travaux devraient commencer au printemps de l'année prochaine. "
)


def test_a_plainly_english_opening_decides_the_language() -> None:
    # The shortcut reads the first 1,000 characters: three English sentences there
    # decide, where the whole 4,000-character sample (mostly French) would not.
    assert detect_language(_FRENCH * 30) == "french"
    assert detect_language(_ENGLISH * 3 + _FRENCH * 30) == "english"
    assert detect_language(_ENGLISH * 2 + _FRENCH * 30) == "french"


def test_an_opening_without_a_clear_english_lead_counts_the_whole_sample() -> None:
    # Few English stop words in the opening (a list of names): the whole sample counts.
    names = "Acme, Globex, Initech, Umbrella, Hooli, Vandelay, Soylent, Tyrell. " * 14
    assert detect_language(names + _FRENCH * 30) == "french"
    assert detect_language(names + _ENGLISH * 30) == "english"


def test_other_languages_split_with_their_own_rules() -> None:
    german = NewsTokenizer("german")
    assert german.to_sentences("Das ist z.B. ein Satz. Und noch einer.") == (
        "Das ist z.B. ein Satz.",
        "Und noch einer.",
    )
    chinese = NewsTokenizer("chinese")
    assert chinese.to_sentences("小米宣布进入电动汽车市场。该公司股价上涨了9%。") == (
        "小米宣布进入电动汽车市场。",
        "该公司股价上涨了9%。",
    )
    assert chinese.to_words("小米Xiaomi股价9%") == ("小", "米", "Xiaomi", "股", "价", "9")


def test_unknown_language_falls_back_to_english_rules() -> None:
    thai = NewsTokenizer("thai")
    assert thai.language == "thai"
    assert punkt_language("thai") == "english"
    assert thai.to_sentences("One sentence here. Another one.") == (
        "One sentence here.",
        "Another one.",
    )
    assert stop_words("klingon") == frozenset()
    assert "the" in stop_words("english")


def test_sumy_parser_accepts_the_tokenizer() -> None:
    from sumy.parsers.plaintext import PlaintextParser

    parser = PlaintextParser.from_string(
        "HEADLINE\n\nThe U.S. firm grew 2.5% in 2023. It hired 300 people.", NewsTokenizer()
    )
    assert [str(s) for s in parser.document.headings] == ["HEADLINE"]
    sentences = [str(s) for s in parser.document.sentences]
    assert sentences == ["The U.S. firm grew 2.5% in 2023.", "It hired 300 people."]


@pytest.mark.parametrize(
    ("text", "language", "sentences"),
    [
        (
            "श्याओमी कार बनाएगी। शेयर 9 प्रतिशत बढ़े।",
            "hindi",
            ("श्याओमी कार बनाएगी।", "शेयर 9 प्रतिशत बढ़े।"),
        ),
        (
            "샤오미는 전기차를 만든다. 주가는 9% 올랐다.",
            "korean",
            ("샤오미는 전기차를 만든다.", "주가는 9% 올랐다."),
        ),
        (
            "أعلنت شاومي أنها ستنتج سيارات. ارتفعت الأسهم؟ قال المحللون ذلك.",
            "arabic",
            ("أعلنت شاومي أنها ستنتج سيارات.", "ارتفعت الأسهم؟", "قال المحللون ذلك."),
        ),
        ("ეს არის სათაური. კარგი ამბავი.", "unknown", ("ეს არის სათაური.", "კარგი ამბავი.")),
    ],
)
def test_scripts_without_a_punkt_model_split_on_terminators(
    text: str, language: str, sentences: tuple[str, ...]
) -> None:
    assert detect_language(text) == language
    assert NewsTokenizer(language).to_sentences(text) == sentences


def test_all_lowercase_text_is_split(tok: NewsTokenizer) -> None:
    text = (
        "the firm said profits rose. analysts had expected a fall. shares gained 3% "
        "in early trading. the chief executive was pleased."
    )
    assert len(tok.to_sentences(text)) == 4
    assert len(tok.to_sentences('"we won," he said. then he left. it was late.')) == 3


def test_repairs_never_build_runaway_sentences(tok: NewsTokenizer) -> None:
    """A stray quote mark or many lower-case starts never glue more than the cap."""
    from summarizer.text.split import MAX_REPAIR_WORDS

    quote = 'He said "maybe. ' + " ".join(
        f"The company reported results for quarter {i} and said demand was strong."
        for i in range(12)
    )
    lower = " ".join(
        f"Sales rose in the U.S. market {i} times. e.g. costs fell." for i in range(12)
    )
    for text in (quote, lower):
        longest = max(len(s.split()) for s in tok.to_sentences(text))
        assert longest <= MAX_REPAIR_WORDS + 12  # the cap, plus at most one Punkt sentence


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("(CNN)The Palestinian Authority joined the court.", "The Palestinian Authority joined"),
        ("Washington (CNN)Hillary Clinton announced her run.", "Hillary Clinton announced"),
        ("LONDON (Reuters) - Shares fell sharply on Monday.", "Shares fell sharply"),
        ("(The Hollywood Reporter)Chris Pratt signed on.", "Chris Pratt signed"),
        ("NEW YORK — Stocks rose sharply today in New York.", "Stocks rose sharply"),
        ("SAN FRANCISCO, Calif. — Apple unveiled a new phone.", "Apple unveiled"),
        ("HONG KONG, Jan 5 /PRNewswire/ -- The firm launched it.", "The firm launched"),
        ("NEW DELHI: The government announced a new policy.", "The government announced"),
        ("CHENNAI, March 3: The state has decided to close schools.", "The state has"),
        ("New Delhi, Oct 12: Indian shares rose after the results.", "Indian shares rose"),
        ("Mumbai, Jan 5 (PTI) The Sensex rose 300 points on Monday.", "The Sensex rose"),
        ("(cnn)if you've been following the news lately.", "if you've been"),  # lower-cased
        ("london (reuters) - shares fell sharply on monday.", "shares fell sharply"),
        ("mumbai, jan 5 (pti) the sensex rose 300 points.", "the sensex rose"),
    ],
)
def test_wire_datelines_are_recognised_and_stripped(sentence: str, rest: str) -> None:
    from summarizer.text.dateline import split_dateline

    text, wire = split_dateline(sentence)
    assert wire and text.startswith(rest)


@pytest.mark.parametrize(
    "sentence",
    [
        "Apple (AAPL) said profits rose in the quarter.",
        "The BBC (News) said it would.",
        "Sister Gertrud (not pictured) was found in her bedroom.",
        "Wanted: A new chief executive for the struggling firm.",
        "Kolkata: A fire broke out in a market on Sunday.",  # no capitals, no date: a label?
        "Former editor of the paper (The Times) Simon Jenkins said so.",
        "(see chart) the figures show a rise in sales.",
        "(CNN) reporters were there.",  # a tag in cased text needs a dash or no space
        "pittsburgh (pa) officials said the plant would close.",  # lower case: a state
        "payments on the unified payments interface (upi) rose 5% in march.",  # no date
        "students taking advanced placement (ap) classes did better this year.",
    ],
)
def test_ordinary_openings_are_not_datelines(sentence: str) -> None:
    from summarizer.text.dateline import split_dateline

    assert split_dateline(sentence) == (sentence, False)
