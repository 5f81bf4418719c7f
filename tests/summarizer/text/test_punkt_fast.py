"""FastPunkt takes Punkt's decisions only at candidate boundaries: it must split
exactly like the reference ``punkt.PunktSentenceTokenizer`` with the same model."""

from __future__ import annotations

import punkt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from punkt import PunktSentenceTokenizer

from summarizer.text.punkt_fast import FastPunkt, fast_punkt
from summarizer.text.split import _punkt_tokenizer

TRICKY = [
    # abbreviations, some ending a sentence
    "The U.S. economy grew. The U.S. It employs 500 people in the U.K. and the E.U.",
    "Mr. Smith met Dr. Jones and Mrs. Brown. Prof. Lee was late.",
    "Apple Inc. reported results. Microsoft Corp. did too. Acme Ltd. fell 3%.",
    "Revenue rose, e.g. in Asia, i.e. up 5%. Costs fell vs. last year etc. Then profit.",
    "At 3 p.m. on Jan. 5 the talks began. By 9 a.m. Tuesday they were over.",
    "See No. 5 for details. There is no. Absolutely not. Fig. 3 shows it.",
    # initials and names
    "J. K. Rowling wrote it. George W. Bush visited. The letter A. Then B.",
    "It was signed by J. Smith. He left. Johann S. Bach composed it.",
    # words of letters only (taken without a regex): accents, one-letter and
    # ligature-cased initials, a Roman numeral (not a letter), upper case that lowers longer
    "Café. Ésta es. Ö. Ärger begann. ǅ. Ivo fuhr. Ⅻ. Kapitel. İ. İstanbul. ß. Ende.",
    # numbers and decimals
    "Prices rose 2.5% in 1990. The index hit 3,400.5 points. Sales were 1.2bn.",
    "It fell 4.5. Then 5. Then 10.5%. In 2008. The crash.",
    # ellipses and runs of punctuation
    "Wait... what? He paused . . . then spoke. Really?! Yes!!! No!? Fine.",
    "Very bad acting!!! I promise. Well.. maybe. And ... then...",
    # quotes and brackets
    '"We are ready." He said so. "Prices will rise," she said. (Hi there.) Bye.',
    "He said: “Prices will rise. We are ready.” Then he left. ‘Yes.’ Fine.",
    "The (U.S.) team won. [Note.] It ended. {Done.} Over.",
    # lower case after a period
    "the U.S. economy grew. the firm said so. it was fine. and then it rained.",
    "Sales rose 5 per cent. analysts were surprised. Costs fell.",
    # layout: newlines, tabs, non-breaking and other whitespace
    "First line.\nSecond line. Third.\n\nNew paragraph.\tTabbed. End.",
    "Non\u00a0breaking. Space\u2009here. Line\u2028sep. Done.\r\nWindows. End.",
    # edges
    "",
    "   ",
    "No punctuation at all",
    "Ends with an abbreviation Inc.",
    ". . .",
    "?!",
    "A. B. C. D.",
]


@pytest.fixture(scope="module", params=["english", "german", "french", "spanish", "russian"])
def pair(request: pytest.FixtureRequest) -> tuple[PunktSentenceTokenizer, FastPunkt]:
    reference = _punkt_tokenizer(request.param)
    return reference, FastPunkt(reference)


@pytest.mark.parametrize("text", TRICKY)
def test_fast_path_takes_the_reference_decisions(
    pair: tuple[PunktSentenceTokenizer, FastPunkt], text: str
) -> None:
    reference, fast = pair
    assert fast.tokenize(text) == reference.tokenize(text)


def test_abbreviations_and_initials_do_not_split() -> None:
    fast = fast_punkt(_punkt_tokenizer("english"))
    assert fast.tokenize("Mr. Smith met J. K. Rowling in the U.S. on Jan. 5. They talked.") == [
        "Mr. Smith met J. K. Rowling in the U.S. on Jan. 5.",
        "They talked.",
    ]


# Texts built from pieces that exercise every rule: abbreviations, initials,
# numbers, ellipses, quotes, brackets, case, and odd whitespace.
_PIECES = st.sampled_from(
    [
        "U.S.", "Mr.", "Inc.", "Dr.", "e.g.", "etc.", "No.", "J.", "A.", "p.m.", "Jan.",
        "said.", "rose.", "the", "The", "He", "however", "However", "and", "it", "It",
        "5", "5.", "3.5", "1990.", "1,000.", "...", ". . .", "..", "!", "?", "?!", "!!!",
        '"', "“", "”", "‘", "’", "(", ")", "[", "]", "--", "-", ",", ";", ":", "'",
        "Smith", "smith.", "Acme", "co.", "mining-co.", "Bach", "S.",
    ]
)  # fmt: skip
_GAPS = st.sampled_from([" ", " ", " ", "", "  ", "\n", "\n\n", "\t", "\u00a0"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_PIECES, _GAPS), min_size=1, max_size=40))
def test_random_news_like_text_splits_like_the_reference(
    parts: list[tuple[str, str]],
) -> None:
    reference = _punkt_tokenizer("english")
    text = "".join(piece + gap for piece, gap in parts)
    assert FastPunkt(reference).tokenize(text) == reference.tokenize(text)


def test_unspaced_scripts_use_the_reference() -> None:
    reference = _punkt_tokenizer("chinese")
    text = "这是一支笔。那是一本书。"
    assert (
        FastPunkt(reference).tokenize(text)
        == reference.tokenize(text)
        == [
            "这是一支笔。",
            "那是一本书。",
        ]
    )


def test_line_break_modes_split_like_the_reference() -> None:
    text = "Acme's record year\nThe firm grew 5%. Mr. Smith said so.\n\nNew paragraph here"
    for mode in ("always", "paragraph"):
        reference = punkt.tokenizer_for("english", line_breaks=mode)
        assert FastPunkt(reference).tokenize(text) == reference.tokenize(text)
    assert FastPunkt(punkt.tokenizer_for("english", line_breaks="always")).tokenize(text)[0] == (
        "Acme's record year"
    )
