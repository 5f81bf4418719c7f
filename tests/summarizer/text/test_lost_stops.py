"""Text that lost its sentence punctuation is still split into sentences (English)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text.glued import RUNAWAY_WORDS
from summarizer.text.split import NewsTokenizer

# The opening of a CNN story with every ". ! ? ; :" removed, as a transcript or a paste
# that lost its stops arrives.
UNPUNCTUATED = (
    "The Palestinian Authority officially became the 123rd member of the International "
    "Criminal Court on Wednesday, a step that gives the court jurisdiction over alleged "
    "crimes in Palestinian territories The formal accession was marked with a ceremony at "
    "The Hague, in the Netherlands, where the court is based The Palestinians signed the "
    "ICC's founding Rome Statute in January, when they also accepted its jurisdiction over "
    'alleged crimes committed "in the occupied Palestinian territory, including East '
    'Jerusalem, since June 13, 2014" Later that month, the ICC opened a preliminary '
    "examination into the situation in Palestinian territories But Palestinian Foreign "
    "Minister Riad al-Malki, speaking at Wednesday's ceremony, said it was a move toward "
    'greater justice "As Palestine formally becomes a State Party to the Rome Statute '
    'today, the world is also a step closer to ending a long era of impunity," he said'
)


def test_an_unpunctuated_paragraph_is_split_where_its_sentences_start(
    tok: NewsTokenizer,
) -> None:
    sentences = tok.to_sentences(UNPUNCTUATED)
    assert [s.split()[:2] for s in sentences] == [
        ["The", "Palestinian"],
        ["The", "formal"],
        ["The", "Palestinians"],
        ["Later", "that"],
        ["But", "Palestinian"],
        ['"As', "Palestine"],
    ]
    assert " ".join(sentences) == UNPUNCTUATED
    assert max(len(s.split()) for s in sentences) <= RUNAWAY_WORDS


@pytest.mark.parametrize(
    ("joint", "split"),
    [
        ("the court official said According to the law", True),  # a reporting verb ends one
        ("the annual Grammys On The Hill Awards were held", False),  # a title goes on
        ("the singer joined The band for a tour of the north", False),  # takes a title
        ("the minister told The Times that he would resign", False),
        ("the crowd cheered when it was over Some of the fans", True),
        ("the deal was agreed with Israel and the United States", False),  # a name
        ("three people were killed in the blast Two others were hurt", True),
        ("a statement was released by the company A newly released report", True),
        ("the deal was agreed with Acme A new plan followed", False),  # weak: after a name
        ("the agency set out its plan on the day Critics say it is not enough", True),
    ],
)
def test_split_points_in_unpunctuated_text(tok: NewsTokenizer, joint: str, split: bool) -> None:
    filler = " ".join(["the talks went on for many hours and nobody left the room"] * 6)
    sentences = tok.to_sentences(f"{filler} {joint} {filler}")
    assert (len(sentences) > 1) is split


def test_a_punctuated_paragraph_keeps_its_long_caption_run_whole(tok: NewsTokenizer) -> None:
    """Picture captions glued into one run, in a story that kept its stops: split off,
    they would be picked as summary sentences."""
    captions = (
        "Bowe (right) faced Evander Holyfield (left) in 1992 and became the first person to "
        "beat the undefeated boxer Bowe (left) is pictured in 2004, having beaten his "
        "opponent Marcus Rhode at Fire Lake Casino Oklahoma The boxing champion has a "
        "chequered history with Twitter, being forced to apologise last year after he "
        "posted a message saying he wanted all Liverpool fans to die."
    )
    prose = " ".join(["The boxer spoke to reporters on Monday."] * 8)
    sentences = tok.to_sentences(f"{prose} {captions} {prose}")
    assert captions in sentences


@given(
    st.lists(
        st.sampled_from(["the", "deal", "rose", "The", "But", "said", "In", "Acme", '"As', "9"]),
        min_size=RUNAWAY_WORDS,
        max_size=200,
    )
)
@settings(max_examples=200, deadline=None)
def test_splitting_unpunctuated_text_never_loses_text(words: list[str]) -> None:
    text = " ".join(words)
    assert " ".join(NewsTokenizer().to_sentences(text)) == text
